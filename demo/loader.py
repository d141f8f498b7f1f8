"""Reads the demo's data files (demo/data/*.yaml) and creates what they describe: accounts,
members, resources with real small files and preview images, adaptation chains, collections and a
few ratings. Each resource is checked with the admin's own rules (the model's field validators,
resources/rules.py and through it resources/licences.py) before anything of it is written; a
record that breaks one stops the load with a message naming the file and the record.

Idempotent: what exists (by e-mail or slug) is left as it is."""

import datetime
import html
from pathlib import Path

import yaml
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from accounts.models import Institution, InstitutionDomain
from accounts.roles import EDITORS_GROUP, academic_year, fcp_year, today
from home.models import SiteLinks
from resources.models import (
    CollectionItem,
    CollectionPage,
    Course,
    DigitalCompetencyDimension,
    Discipline,
    EducationLevel,
    Rating,
    ResourceFile,
    ResourcePage,
    ResourcePreview,
    ResourceType,
)
from resources.ratings import rate
from resources.rules import collection_errors, course_errors, resource_errors
from resources.structure import ensure_catalogue_structure

from . import sample_files

DATA_DIR = Path(__file__).resolve().parent / "data"
# libyaml's safe loader when PyYAML was built with it: ten times faster on resources.yaml.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The ResourcePage fields a data file sets: their validators (choices, lengths, non-negative
# prices, slug, URL) are the admin form's; the page's own fields (path, depth…) are Wagtail's.
RESOURCE_FIELDS = (
    "title",
    "slug",
    "summary",
    "co_authors",
    "language",
    "licence",
    "price_cents",
    "member_price_cents",
    "duration_minutes",
    "pedagogical_notes",
    "source_title",
    "source_author",
    "source_url",
    "source_licence",
)


class DemoDataError(CommandError):
    """A data file cannot be read, or one of its records breaks a catalogue rule."""


# --- Reading ---------------------------------------------------------------------------------


def read(name: str, folder: Path = DATA_DIR):
    """The content of `<folder>/<name>.yaml`."""
    path = Path(folder) / f"{name}.yaml"
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise DemoDataError(f"{path}: {error}") from error


def read_pages(folder: Path = DATA_DIR) -> tuple[dict, list[dict]]:
    """The home page's texts and the editorial pages' specs (pages.yaml), bodies as the
    (block type, value) pairs a StreamField takes."""
    data = read("pages", folder)
    pages = [
        {**spec, **{field: _blocks(spec[field]) for field in ("body", "body_en") if field in spec}}
        for spec in data["pages"]
    ]
    return data["home"], pages


def _blocks(body: list[dict]) -> list[tuple]:
    # The file writes a block as {type: value}, which reads better than a pair.
    return [(kind, value) for block in body for kind, value in block.items()]


# --- People ----------------------------------------------------------------------------------


def ensure_accounts(folder: Path = DATA_DIR) -> dict:
    """The editor and teacher accounts of accounts.yaml, by e-mail address."""
    data = read("accounts", folder)
    User = get_user_model()
    accounts = {}
    for spec in data["accounts"]:
        user = User.objects.filter(email__iexact=spec["email"]).first()
        if user is None:
            create = (
                User.objects.create_superuser if spec["superuser"] else User.objects.create_user
            )
            user = create(spec["email"], data["password"], display_name=spec["display_name"])
            if spec.get("newsletter"):
                user.newsletter_opt_in_at = timezone.now()
                user.save(update_fields=["newsletter_opt_in_at"])
            user.disciplines.set(Discipline.objects.filter(code__in=spec.get("disciplines", [])))
        accounts[spec["email"]] = user
    return accounts


def ensure_demo_privacy_officer(site: Site, folder: Path = DATA_DIR) -> None:
    """Demo privacy officer in the footer; a name an editor has entered is left as it is."""
    links = SiteLinks.for_site(site)
    if links.privacy_officer_email:
        return
    for field, value in read("accounts", folder)["privacy_officer"].items():
        setattr(links, field, value)
    links.save()


def ensure_confirmed_account(spec: dict, password: str):
    """The account of `spec` (email, display_name) with its address confirmed, made once."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=spec["email"]).first()
    if user is None:
        user = User.objects.create_user(spec["email"], password, display_name=spec["display_name"])
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def ensure_demo_people(folder: Path = DATA_DIR) -> None:
    """Confirm every demo address (allauth logs in only confirmed ones), give the members of
    members.yaml a year of APOP membership, create the member institution."""
    User = get_user_model()
    for user in User.objects.filter(email__endswith="@apop.example"):
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    member_emails = [spec["email"] for spec in read("members", folder)]
    expiry = today() + datetime.timedelta(days=365)
    User.objects.filter(email__in=member_emails, membership_expires_on__isnull=True).update(
        membership_expires_on=expiry
    )
    institution = read("accounts", folder)["institution"]
    if not InstitutionDomain.objects.filter(domain=institution["domain"]).exists():
        start, end = fcp_year(academic_year())
        college, _created = Institution.objects.get_or_create(
            name=institution["name"],
            # A member today, July (between two FCP years) included.
            defaults={"member_from": min(start, today()), "member_until": end},
        )
        InstitutionDomain.objects.create(institution=college, domain=institution["domain"])


# --- The catalogue ---------------------------------------------------------------------------


@transaction.atomic
def load_demo_catalogue(home: Page, editor=None, folder: Path = DATA_DIR) -> dict[str, int]:
    """Create what is missing of the demo catalogue; returns how many of each were created.
    All or nothing: a record that breaks a rule leaves no resource of its file behind."""
    password = read("accounts", folder)["password"]
    resources = read("resources", folder)
    index, collection_index = ensure_catalogue_structure(home)
    members = {spec["key"]: _member(spec, password) for spec in read("members", folder)}
    if editor is not None:
        editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    terms = {
        "discipline": {d.code: d for d in Discipline.objects.all()},
        "course": {c.number: c for c in Course.objects.select_related("discipline")},
        "level": {lvl.code: lvl for lvl in EducationLevel.objects.all()},
        "type": {t.code: t for t in ResourceType.objects.all()},
        "dimension": {d.number: d for d in DigitalCompetencyDimension.objects.all()},
    }
    existing = {page.slug: page for page in ResourcePage.objects.child_of(index)}
    created = {"resources": 0, "collections": 0}
    now = timezone.now()
    for position, spec in enumerate(resources):
        if spec["key"] in existing:
            continue
        page = _resource(index, spec, members, terms, existing, position)
        # Spread publication dates over the past months so that "newest first" means something.
        published = now - datetime.timedelta(
            days=2 * (len(resources) - position), hours=position % 7
        )
        ResourcePage.objects.filter(pk=page.pk).update(
            first_published_at=published,
            last_published_at=published,
            validated_at=published + datetime.timedelta(days=1)
            if spec.get("validated") and editor
            else None,
            validated_by=editor if spec.get("validated") else None,
        )
        existing[spec["key"]] = page
        created["resources"] += 1
    for spec in read("collections", folder):
        if CollectionPage.objects.child_of(collection_index).filter(slug=spec["key"]).exists():
            continue
        _collection(collection_index, spec, existing, terms)
        created["collections"] += 1
    _rate(resources, read("reviews", folder), existing)
    return created


def _rate(resources, reviews, pages) -> None:
    """The demo teacher rates a dozen resources spread over the catalogue, once."""
    teacher = get_user_model().objects.filter(email="enseignant@apop.example").first()
    if teacher is None or Rating.objects.filter(user=teacher).exists():
        return
    for number, spec in enumerate(resources[:: max(1, len(resources) // 12)]):
        review = reviews[number % len(reviews)]
        rate(teacher, pages[spec["key"]], review["score"], review["comment"])


def _member(spec, password):
    User = get_user_model()
    user = User.objects.filter(email__iexact=spec["email"]).first()
    if user is None:
        user = User.objects.create_user(
            spec["email"],
            password,
            display_name=spec["display_name"],
            bio=spec.get("bio_fr", ""),
            bio_en=spec.get("bio_en", ""),
        )
    return user


def _lookup(table: dict, key, what: str, record: str):
    """table[key], or an error naming the record and what it refers to."""
    try:
        return table[key]
    except KeyError:
        raise DemoDataError(f"{record}: unknown {what} {key!r}") from None


def _resource(index, spec, members, terms, existing, position) -> ResourcePage:
    record = f"resources.yaml, resource {spec['key']!r}"
    authors = [_lookup(members, key, "member (members.yaml)", record) for key in spec["authors"]]
    source = spec.get("adapted_from") or {}
    page = ResourcePage(
        title=spec["title"],
        slug=spec["key"],
        summary=spec["summary"],
        description=RichText(
            "".join(f"<p>{html.escape(p)}</p>" for p in spec["description"])
        ).source,
        co_authors=spec["co_authors"],
        language=spec["language"],
        licence=spec["licence"],
        price_cents=spec["price_cents"],
        member_price_cents=spec["member_price_cents"],
        duration_minutes=spec["duration_minutes"],
        pedagogical_notes=spec["pedagogical_notes"],
        adapted_from_page=_lookup(existing, source["resource"], "earlier resource", record)
        if "resource" in source
        else None,
        source_title=source.get("title", ""),
        source_author=source.get("author", ""),
        source_url=source.get("url", ""),
        source_licence=source.get("licence", ""),
        live=False,
    )
    page.authors = authors
    _check(page, record)
    page.disciplines = [
        _lookup(terms["discipline"], code, "discipline", record) for code in spec["disciplines"]
    ]
    page.courses = [
        _lookup(terms["course"], number, "course", record) for number in spec.get("courses", [])
    ]
    _check_courses(page, record)
    page.levels = [_lookup(terms["level"], code, "level", record) for code in spec["levels"]]
    page.types = [_lookup(terms["type"], code, "resource type", record) for code in spec["types"]]
    page.dimensions = [
        _lookup(terms["dimension"], number, "dimension", record) for number in spec["dimensions"]
    ]
    author_line = ", ".join(
        [u.get_full_name() for u in authors] + ([spec["co_authors"]] if spec["co_authors"] else [])
    )
    page.files = [_file(spec, entry, author_line) for entry in spec["files"]]
    image = _preview_image(spec, position)
    page.previews = [
        ResourcePreview(
            image=image,
            alt_text=f"Première page : {spec['title']}"
            if spec["language"] == "fr"
            else f"First page: {spec['title']}",
        )
    ]
    index.add_child(instance=page)
    page.tags.add(*spec["tags"])
    page.save_revision().publish()
    return page


def _check(page: ResourcePage, record: str) -> None:
    """Refuse the record unless the admin would accept it: field validators first (an unknown
    licence id would stop the rules), then the money and licence rules (resources/rules.py)."""
    others = [f.name for f in ResourcePage._meta.get_fields() if f.name not in RESOURCE_FIELDS]
    try:
        page.clean_fields(exclude=others)
    except ValidationError as error:
        errors = error.message_dict
    else:
        errors = resource_errors(page)
    if errors:
        problems = "; ".join(
            f"{field}: {' '.join(str(message) for message in messages)}"
            for field, messages in errors.items()
        )
        raise DemoDataError(f"{record} breaks the catalogue's rules: {problems}")


def _check_courses(page: ResourcePage, record: str) -> None:
    """Each course in one of the resource's disciplines, as the submission form asks."""
    problems = course_errors(page.courses.all(), page.disciplines.all())
    if problems:
        raise DemoDataError(f"{record} breaks the catalogue's rules: courses: {problems[0]}")


def _file(spec, entry, author_line) -> ResourceFile:
    kind = entry["kind"]
    if kind == "pdf":
        content = sample_files.pdf_bytes(
            spec["title"], author_line, spec["description"], entry.get("pages", 2)
        )
    elif kind == "csv":
        content = sample_files.csv_bytes(spec["title"])
    else:
        content = sample_files.text_bytes(spec["title"], spec["description"])
    return ResourceFile(
        file=ContentFile(content, name=entry["name"]),
        display_name=entry["name"],
        size=len(content),
    )


def _preview_image(spec, position):
    Image = get_image_model()
    png = sample_files.preview_png(spec["title"], spec["disciplines"][0], position)
    image = Image(title=f"Aperçu — {spec['title']}"[:255])
    image.file = ImageFile(ContentFile(png), name=f"apercu-{spec['key']}.png")
    image.save()
    return image


def _collection(collection_index, spec, pages, terms) -> CollectionPage:
    record = f"collections.yaml, collection {spec['key']!r}"
    items = [
        CollectionItem(resource=_lookup(pages, key, "resource", record), sort_order=position)
        for position, key in enumerate(spec["resources"])
    ]
    is_open = spec.get("open", True)
    if problems := collection_errors(is_open, [item.resource for item in items]):
        raise DemoDataError(
            f"{record} breaks the catalogue's rules: {' '.join(map(str, problems))}"
        )
    discipline = spec.get("discipline")
    cover = get_image_model()(title=f"Couverture — {spec['title']}"[:255])
    cover.file = ImageFile(
        ContentFile(sample_files.preview_png(spec["title"], "", 3, band_text="Collection")),
        name=f"collection-{spec['key']}.png",
    )
    cover.save()
    collection = CollectionPage(
        title=spec["title"],
        title_en=spec.get("title_en", ""),
        slug=spec["key"],
        intro=RichText(f"<p>{html.escape(spec['intro_fr'])}</p>").source,
        intro_en=RichText(f"<p>{html.escape(spec['intro_en'])}</p>").source,
        discipline=_lookup(terms["discipline"], discipline, "discipline", record)
        if discipline
        else None,
        featured=spec.get("featured", False),
        is_open=is_open,
        cover=cover,
        live=False,
    )
    # modelcluster keeps the list but not its order: the position is the editor's order.
    collection.items = items
    collection_index.add_child(instance=collection)
    collection.save_revision().publish()
    return collection


# --- Newsletter ------------------------------------------------------------------------------


def ensure_demo_edition(folder: Path = DATA_DIR):
    """The demo's newsletter edition, scheduled for the day the demo is loaded (once)."""
    from newsletter.models import Edition

    spec = read("newsletter", folder)
    if Edition.objects.filter(title=spec["title"]).exists():
        return None
    edition = Edition.objects.create(
        title=spec["title"],
        title_en=spec["title_en"],
        editorial=spec["editorial"],
        editorial_en=spec["editorial_en"],
        send_on=timezone.localdate(),
    )
    edition.collections.set(CollectionPage.objects.filter(slug__in=spec["collections"]))
    return edition
