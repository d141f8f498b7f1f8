"""What the repository says of a resource, read for a whole page of records at once.

A page of records costs the same queries whatever its size: the pages, their taxonomy terms
(one UNION, names from the cached taxonomies), authors, keywords, files, and the resources they
were adapted from or into. Everything is read in French (the site's first language): a record's
metadata, and so its digest, must not depend on who asks."""

import html
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urljoin

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

from resources import licences
from resources.listing import taxonomy_terms
from resources.models import ResourceFile, ResourcePage, ResourceTag
from resources.taxonomies import Term

# What the repository reads of a page (the row is wide: revisions keep their own copy).
_PAGE_COLUMNS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "summary",
    "description",
    "language",
    "licence",
    "price_cents",
    "co_authors",
    "duration_minutes",
    "first_published_at",
    "last_published_at",
    "adapted_from_page_id",
    "source_title",
    "source_author",
    "source_url",
    "source_licence",
    "content_type_id",
)


@dataclass(frozen=True)
class Related:
    """A work a resource was adapted from, or an adaptation of it."""

    title: str
    url: str
    authors: tuple[str, ...] = ()
    licence_id: str = ""


@dataclass
class ResourceMetadata:
    """A published resource as the repository describes it: plain data."""

    id: int
    title: str
    url: str
    language: str
    summary: str
    description: str
    licence: licences.Licence
    price_cents: int
    authors: list[str]
    published: date | None
    modified: date | None
    duration_minutes: int | None
    disciplines: list[Term] = field(default_factory=list)
    levels: list[Term] = field(default_factory=list)
    types: list[Term] = field(default_factory=list)
    dimensions: list[Term] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    size: int = 0
    adapted_from: Related | None = None
    adaptations: list[Related] = field(default_factory=list)

    @property
    def rights_url(self) -> str:
        """The licence's deed (in French), absolute: our own licence lives on this site."""
        return urljoin(self.url, self.licence.deed_url("fr"))

    @property
    def is_paid(self) -> bool:
        return self.price_cents > 0


def licence_label(licence: licences.Licence, lang: str) -> str:
    """« CC BY 4.0 — Attribution 4.0 International »; the name alone when it says it all."""
    short, name = licence.short(lang), licence.name(lang)
    return name if name.startswith(short) else f"{short} — {name}"


def published_pages():
    """The resources the repository discloses: live and without a view restriction."""
    return ResourcePage.objects.live().public()


def load(resource_ids, request=None) -> dict[int, ResourceMetadata]:
    """The metadata of those of these resources that are published, by id."""
    ids = sorted({int(pk) for pk in resource_ids})
    if not ids:
        return {}
    with translation.override("fr"):
        # public() reads the view restrictions once, as it is built: build it once.
        published = published_pages()
        pages = list(published.filter(pk__in=ids).only(*_PAGE_COLUMNS))
        if not pages:
            return {}
        ids = [page.pk for page in pages]
        terms = taxonomy_terms(ids)
        authors = _authors(ids)
        keywords = _keywords(ids)
        files = _files(ids)
        sources, adaptations = _lineage(published, pages, request)
        return {
            page.pk: _metadata(
                page,
                request,
                terms[page.pk],
                authors.get(page.pk, []) + page.co_author_names,
                keywords.get(page.pk, []),
                files.get(page.pk, []),
                sources.get(page.adapted_from_page_id),
                adaptations.get(page.pk, []),
            )
            for page in pages
        }


def _metadata(page, request, terms, authors, keywords, files, source, adaptations):
    licence = page.licence_info
    if source is None and page.source_title:
        source = Related(
            page.source_title,
            page.source_url,
            (page.source_author,) if page.source_author else (),
            page.source_licence,
        )
    return ResourceMetadata(
        id=page.pk,
        title=page.title,
        url=page.get_full_url(request=request) or "",
        language=page.language,
        summary=page.summary,
        description=_plain_text(page.description),
        licence=licence,
        price_cents=page.price_cents,
        authors=authors,
        published=_local_date(page.first_published_at),
        modified=_local_date(page.last_published_at),
        duration_minutes=page.duration_minutes,
        disciplines=terms["discipline"],
        levels=terms["level"],
        types=terms["type"],
        dimensions=terms["dimension"],
        keywords=keywords,
        formats=sorted({content_type for content_type, _size in files}),
        size=sum(size for _content_type, size in files),
        adapted_from=source,
        adaptations=adaptations,
    )


def _authors(ids) -> dict[int, list[str]]:
    through = ResourcePage.authors.through
    found: dict[int, list[str]] = defaultdict(list)
    rows = through.objects.filter(resourcepage_id__in=ids).select_related("user")
    for row in rows.order_by("resourcepage_id", "user_id"):
        found[row.resourcepage_id].append(row.user.get_full_name())
    return found


def _keywords(ids) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    rows = ResourceTag.objects.filter(content_object_id__in=ids).values_list(
        "content_object_id", "tag__name"
    )
    for page_id, name in rows.order_by("content_object_id", "tag__name"):
        found[page_id].append(name)
    return found


def _files(ids) -> dict[int, list[tuple[str, int]]]:
    # The type and size of each file, never where it is stored: the site delivers the files.
    found: dict[int, list[tuple[str, int]]] = defaultdict(list)
    rows = ResourceFile.objects.filter(page_id__in=ids).values_list(
        "page_id", "content_type", "size"
    )
    for page_id, content_type, size in rows.order_by("page_id", "sort_order", "pk"):
        found[page_id].append((content_type or "application/octet-stream", size))
    return found


def _lineage(published, pages, request) -> tuple[dict[int, Related], dict[int, list[Related]]]:
    """The published resources these pages were adapted from, and their published adaptations
    (one query)."""
    ids = [page.pk for page in pages]
    source_ids = {page.adapted_from_page_id for page in pages if page.adapted_from_page_id}
    related = published.filter(Q(pk__in=source_ids) | Q(adapted_from_page_id__in=ids))
    sources: dict[int, Related] = {}
    adaptations: dict[int, list[Related]] = defaultdict(list)
    columns = ("id", "title", "url_path", "path", "depth", "locale_id", "licence")
    for other in related.only(*columns, "adapted_from_page_id").order_by("title", "pk"):
        link = Related(other.title, other.get_full_url(request=request) or "", (), other.licence)
        if other.pk in source_ids:
            sources[other.pk] = link
        if other.adapted_from_page_id in ids:
            adaptations[other.adapted_from_page_id].append(link)
    return sources, adaptations


def _plain_text(rich_text: str) -> str:
    text = html.unescape(strip_tags(rich_text.replace("</p>", "</p>\n").replace("<br/>", "\n")))
    lines = (" ".join(line.split()) for line in normalize_newlines(text).split("\n"))
    return "\n".join(line for line in lines if line)


def _local_date(moment: datetime | None) -> date | None:
    return timezone.localtime(moment).date() if moment else None
