"""What a feed lists: the newest public resources of a scope (the catalogue, a discipline, an
author, a collection), newest update first, as plain entries. A feed of any length costs the
same queries: the pages, their disciplines (one UNION query, names from the cached taxonomies)
and their authors (one query)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from core.i18n import current_language
from members.profiles import published_resources
from resources.licences import Licence, get_licence
from resources.listing import taxonomy_terms
from resources.models import ResourcePage
from resources.taxonomies import Term

FEED_SIZE = 50


@dataclass(frozen=True)
class Entry:
    id: int
    title: str
    url: str  # in the feed's language
    summary: str
    language: str
    authors: tuple[str, ...]
    disciplines: tuple[Term, ...]
    licence: Licence
    licence_url: str  # its deed, in the feed's language
    published: datetime | None
    updated: datetime | None


def _author_names(page_ids: list[int]) -> dict[int, list[str]]:
    through = ResourcePage.authors.through
    names: dict[int, list[str]] = {pk: [] for pk in page_ids}
    rows = (
        through.objects.filter(resourcepage_id__in=page_ids)
        .select_related("user")
        .order_by("resourcepage_id", "user_id")
    )
    for row in rows:
        names[row.resourcepage_id].append(row.user.get_full_name())
    return names


def feed_entries(request, condition: Q | None = None, size: int = FEED_SIZE) -> list[Entry]:
    """The `size` most recently updated public resources meeting `condition`."""
    pages = list(
        published_resources()
        .filter(condition or Q())
        .only(
            "id",
            "title",
            "slug",
            "url_path",
            "path",
            "depth",
            "summary",
            "language",
            "licence",
            "co_authors",
            "first_published_at",
            "last_published_at",
        )
        .order_by("-last_published_at", "-pk")[:size]
    )
    lang = current_language()
    ids = [page.pk for page in pages]
    terms = taxonomy_terms(ids)
    authors = _author_names(ids)
    return [
        Entry(
            id=page.pk,
            title=page.title,
            url=request.build_absolute_uri(page.get_url(request=request)),
            summary=page.summary,
            language=page.language,
            authors=tuple(authors[page.pk] + page.co_author_names),
            disciplines=tuple(terms[page.pk]["discipline"]),
            licence=get_licence(page.licence),
            # The licence of use of paid resources is a page of this site: its full address.
            licence_url=request.build_absolute_uri(get_licence(page.licence).deed_url(lang)),
            published=page.first_published_at,
            updated=page.last_published_at,
        )
        for page in pages
    ]
