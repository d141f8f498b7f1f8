"""Resource cards for listings (index, disciplines, collections, home, related resources).

A page of N cards costs a fixed number of queries, whatever N: one UNION query for the five
taxonomies of all the cards (names come from the cached taxonomies), one for the authors, one
for the files' formats and pages, one for the previews and one for their renditions."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import CharField, F, Value

from core.pagination import PAGE_SIZE, page_of

from . import licences
from .models import ResourceFile, ResourcePage, ResourcePreview
from .taxonomies import Term, all_terms
from .uploads.types import ACCEPTED

CARD_RENDITION = "fill-480x300"

_RELATIONS = {
    # kind → (through model, column of the term)
    "discipline": (ResourcePage.disciplines.through, "discipline_id"),
    "course": (ResourcePage.courses.through, "course_id"),
    "level": (ResourcePage.levels.through, "educationlevel_id"),
    "type": (ResourcePage.types.through, "resourcetype_id"),
    "dimension": (ResourcePage.dimensions.through, "digitalcompetencydimension_id"),
}


@dataclass
class Preview:
    url: str
    width: int
    height: int
    alt: str


@dataclass
class ResourceCard:
    """What a card shows of a resource; plain data, safe to cache."""

    id: int
    title: str
    url: str
    summary: str
    language: str
    price_cents: int
    member_price_cents: int | None
    licence_id: str
    rating_average: float | None
    rating_count: int
    download_count: int
    is_validated: bool
    first_published_at: object = None
    disciplines: list[Term] = field(default_factory=list)
    courses: list[Term] = field(default_factory=list)
    levels: list[Term] = field(default_factory=list)
    types: list[Term] = field(default_factory=list)
    dimensions: list[Term] = field(default_factory=list)
    preview: Preview | None = None
    authors: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)  # « PDF », « DOCX »…, in file order, once
    page_count: int = 0  # pages of its PDF files (0: none, or not counted)

    @property
    def licence(self) -> licences.Licence:
        return licences.get_licence(self.licence_id)

    @property
    def is_free(self) -> bool:
        return self.price_cents == 0


def taxonomy_terms(page_ids) -> dict[int, dict[str, list[Term]]]:
    """The taxonomy terms of each page: {page_id: {"discipline": [...], "level": [...], …}}."""
    page_ids = list(page_ids)
    result: dict[int, dict[str, list[Term]]] = {
        pk: {kind: [] for kind in _RELATIONS} for pk in page_ids
    }
    if not page_ids:
        return result
    queries = [
        through.objects.filter(resourcepage_id__in=page_ids)
        .annotate(kind=Value(kind, output_field=CharField()), term=F(column))
        .values_list("resourcepage_id", "kind", "term")
        for kind, (through, column) in _RELATIONS.items()
    ]
    terms = all_terms()
    rows = queries[0].union(*queries[1:], all=True)
    for page_id, kind, term_id in rows:
        term = terms[kind].get(term_id)
        if term is not None:
            result[page_id][kind].append(term)
    for by_kind in result.values():
        for kind, found in by_kind.items():
            found.sort(key=lambda term: term.code.zfill(3) if kind == "dimension" else term.code)
    return result


def author_names(page_ids) -> dict[int, list[tuple[int, str]]]:
    """[(user id, public name)] of each page's member authors, in one query."""
    rows = (
        ResourcePage.authors.through.objects.filter(resourcepage_id__in=list(page_ids))
        .select_related("user")
        .only(
            "resourcepage_id",
            "user__display_name",
            "user__first_name",
            "user__last_name",
            "user__email",
        )
        .order_by("resourcepage_id", "user_id")
    )
    names: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for row in rows:
        names[row.resourcepage_id].append((row.user_id, row.user.get_full_name()))
    return names


def co_author_names(co_authors: str) -> list[str]:
    """People without an account, as typed (« A; B »)."""
    return [name.strip() for name in (co_authors or "").split(";") if name.strip()]


def format_label(content_type: str) -> str:
    """« PDF », « DOCX »: the usual extension of an accepted type, upper case ("" otherwise)."""
    accepted = ACCEPTED.get(content_type)
    return accepted.extensions[0].upper() if accepted else ""


def file_facts(page_ids) -> dict[int, tuple[list[str], int]]:
    """(formats, PDF pages) of each page's files, in one query."""
    rows = (
        ResourceFile.objects.filter(page_id__in=list(page_ids))
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "content_type", "page_count")
    )
    facts: dict[int, tuple[list[str], int]] = {}
    for page_id, content_type, pages in rows:
        formats, total = facts.get(page_id, ([], 0))
        label = format_label(content_type)
        if label and label not in formats:
            formats.append(label)
        facts[page_id] = (formats, total + (pages or 0))
    return facts


def previews_for(
    page_ids, spec: str = CARD_RENDITION, first_only: bool = True
) -> dict[int, list[Preview]]:
    """Preview renditions of each page (two queries: previews with images, their renditions)."""
    found: dict[int, list[Preview]] = defaultdict(list)
    rows = (
        ResourcePreview.objects.filter(page_id__in=list(page_ids))
        .select_related("image")
        .prefetch_related("image__renditions")
        .order_by("page_id", "sort_order", "pk")
    )
    for row in rows:
        if first_only and found[row.page_id]:
            continue
        rendition = row.image.get_rendition(spec)
        found[row.page_id].append(
            Preview(rendition.url, rendition.width, rendition.height, row.alt_text)
        )
    return found


def resource_cards(pages, request=None, with_previews: bool = True) -> list[ResourceCard]:
    """Cards for these pages, in their order."""
    pages = list(pages)
    ids = [page.pk for page in pages]
    terms = taxonomy_terms(ids)
    previews = previews_for(ids) if with_previews else {}
    authors = author_names(ids)
    files = file_facts(ids)
    cards = []
    for page in pages:
        page_terms = terms[page.pk]
        page_previews = previews.get(page.pk)
        formats, page_count = files.get(page.pk, ([], 0))
        cards.append(
            ResourceCard(
                id=page.pk,
                title=page.title,
                url=page.get_url(request=request),
                summary=page.summary,
                language=page.language,
                price_cents=page.price_cents,
                member_price_cents=page.member_price_cents,
                licence_id=page.licence,
                rating_average=page.rating_average,
                rating_count=page.rating_count,
                download_count=page.download_count,
                is_validated=page.is_validated,
                first_published_at=page.first_published_at,
                disciplines=page_terms["discipline"],
                courses=page_terms["course"],
                levels=page_terms["level"],
                types=page_terms["type"],
                dimensions=page_terms["dimension"],
                preview=page_previews[0] if page_previews else None,
                authors=[name for _id, name in authors.get(page.pk, [])]
                + co_author_names(page.co_authors),
                formats=formats,
                page_count=page_count,
            )
        )
    return cards


def card_queryset(queryset):
    """Only the columns a card needs (the page row is wide: revisions keep their own copy)."""
    return queryset.only(
        "id",
        "title",
        "slug",
        "url_path",
        "path",
        "depth",
        "locale_id",
        "summary",
        "language",
        "price_cents",
        "member_price_cents",
        "licence",
        "rating_count",
        "rating_sum",
        "download_count",
        "validated_at",
        "first_published_at",
        "co_authors",
        "live",
        "content_type_id",
    )


def paginate_resources(request, queryset, page_size: int = PAGE_SIZE) -> dict:
    """{"resources": cards of the requested page, "page_obj": the paginator page}."""
    page_obj = page_of(request, card_queryset(queryset), page_size)
    return {"resources": resource_cards(page_obj.object_list, request), "page_obj": page_obj}


__all__ = ["Preview", "ResourceCard", "paginate_resources", "resource_cards"]
