"""What an editor needs to judge a resource without downloading anything: its licence and prices,
classification, files (name, type, size, a look at their content), previews, the source it adapts
and the licence rules' verdict. Read from the version the editor reviews (the latest revision),
never from the live row.

The files app adds links to first-page images and in-browser views (it registers
"review_file_links" in resources/models/presenters.py): this module cannot import it."""

from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from . import licences
from .models import presenters
from .rules import resource_errors
from .uploads.types import ACCEPTED, TEXT_TYPES

EXCERPT_BYTES = 1500


@dataclass(frozen=True)
class ReviewedFile:
    name: str
    extension: str
    type_label: str
    size: int
    excerpt: str = ""  # the start of a text file, shown as is
    links: dict = field(default_factory=dict)  # "preview" (an image URL), "view" (inline)


@dataclass(frozen=True)
class Problem:
    label: str  # the field's name as the admin shows it
    message: str


# The prices are typed in dollars: their fields' names ("price (cents)") would mislead here.
_LABELS = {
    "price_cents": _("Price"),
    "member_price_cents": _("Member price"),
    "institution_price_cents": _("Institution licence price"),
}


def _label(page, field_name: str) -> str:
    if field_name in _LABELS:
        return str(_LABELS[field_name])
    try:
        return str(page._meta.get_field(field_name).verbose_name).capitalize()
    except FieldDoesNotExist:
        return field_name


def verdict(page) -> list[Problem]:
    """The licence and money rules' objections (resources/rules.py), each under its field;
    empty when the resource respects them all."""
    return [
        Problem(_label(page, name), str(message))
        for name, messages in resource_errors(page).items()
        for message in messages
    ]


def _excerpt(entry) -> str:
    if entry.content_type not in TEXT_TYPES or not entry.file:
        return ""
    try:
        with entry.file.open("rb") as source:
            head = source.read(EXCERPT_BYTES + 1)
    except OSError:
        return ""
    text = head[:EXCERPT_BYTES].decode("utf-8", errors="replace")
    return text + ("…" if len(head) > EXCERPT_BYTES else "")


def reviewed_files(page) -> list[ReviewedFile]:
    links_for = presenters.get("review_file_links")
    files = []
    for entry in page.files.all():
        accepted = ACCEPTED.get(entry.content_type)
        files.append(
            ReviewedFile(
                name=entry.display_name,
                extension=entry.extension,
                type_label=str(accepted.label) if accepted else entry.content_type,
                size=entry.size,
                excerpt=_excerpt(entry),
                links=links_for(entry) if links_for and entry.file else {},
            )
        )
    return files


def source_of(page) -> dict | None:
    """The work this resource adapts: a resource of the site or an external source."""
    if page.adapted_from_page_id:
        source = type(page).objects.filter(pk=page.adapted_from_page_id).first()
        if source is None:
            return None
        return {
            "title": source.title,
            "url": source.url,
            "authors": [user.get_full_name() for user in source.authors.all()]
            + source.co_author_names,
            "licence": source.licence_info,
            "price_cents": source.price_cents,
            "internal": True,
        }
    if page.source_title:
        return {
            "title": page.source_title,
            "url": page.source_url,
            "authors": [page.source_author] if page.source_author else [],
            "licence": licences.get_licence(page.source_licence) if page.source_licence else None,
            "price_cents": None,
            "internal": False,
        }
    return None


def review_summary(page) -> dict:
    """Everything the review panel shows, from `page` as the editor reviews it."""
    courses = getattr(page, "courses", None)  # the course taxonomy, where it exists
    return {
        "licence": page.licence_info,
        "price_cents": page.price_cents,
        "member_price_cents": page.member_price_cents,
        "authors": list(page.authors.all()),
        "co_authors": page.co_author_names,
        "disciplines": list(page.disciplines.all()),
        "levels": list(page.levels.all()),
        "types": list(page.types.all()),
        "courses": list(courses.all()) if courses is not None else [],
        "language": page.get_language_display(),
        "files": reviewed_files(page),
        "previews": list(page.previews.all()),
        "source": source_of(page),
        "problems": verdict(page),
    }
