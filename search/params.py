"""What a search asks for: the URL parameters (q, discipline, cours, niveau, type, licence, langue,
prix, dimension, tri, page; README, Search), parsed and checked once, the same for the search page, the
discipline pages and /api/v1/search, whatever engine answers them."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.i18n import current_language
from core.pagination import PAGE_SIZE
from resources import licences
from resources.taxonomies import Term, all_terms, normalise_course_number

from .text import clean_query

MAX_PAGE_SIZE = 100
# Engines page with from/size; past 10,000 hits that gets slow and is never what a person wants.
MAX_RESULT_WINDOW = 10_000

SORTS = {
    "pertinence": gettext_lazy("Relevance"),
    "recent": gettext_lazy("Newest"),
    "populaire": gettext_lazy("Most popular"),
    "prix": gettext_lazy("Price, lowest first"),
}


class InvalidSearch(ValueError):
    """A parameter no search can answer; its message is for the person who sent it."""


@dataclass(frozen=True)
class Facet:
    """A filter of the search page: its URL parameter, its field in the index, its values."""

    name: str
    field: str
    title: object  # lazy translation
    values: Callable[[], dict[str, str]]  # key → label, in display order
    order_by_count: bool = False
    # How a value typed by a person becomes a key (« 201nya05 » → « 201-NYA-05 »).
    normalise: Callable[[str], str | None] | None = None


def _term_values(kind: str) -> Callable[[], dict[str, str]]:
    def values() -> dict[str, str]:
        return {term.code: term.name for term in all_terms()[kind].values()}

    return values


def _discipline_values() -> dict[str, str]:
    terms: list[Term] = sorted(all_terms()["discipline"].values(), key=lambda term: term.code)
    return {term.code: term.name for term in terms}


def _course_values() -> dict[str, str]:
    terms: list[Term] = sorted(all_terms()["course"].values(), key=lambda term: term.code)
    return {term.code: term.name for term in terms}


def _licence_values() -> dict[str, str]:
    lang = current_language()
    return {licence.id: licence.short(lang) for licence in licences.LICENCES.values()}


def _language_values() -> dict[str, str]:
    return {"fr": _("French"), "en": _("English")}


def _price_values() -> dict[str, str]:
    return {"gratuit": _("Free"), "payant": _("Paid")}


FACETS: dict[str, Facet] = {
    facet.name: facet
    for facet in (
        Facet(
            "discipline",
            "disciplines",
            gettext_lazy("Discipline"),
            _discipline_values,
            order_by_count=True,
        ),
        Facet(
            "cours",
            "courses",
            gettext_lazy("Course"),
            _course_values,
            order_by_count=True,
            normalise=normalise_course_number,
        ),
        Facet("niveau", "levels", gettext_lazy("Level"), _term_values("level")),
        Facet("type", "types", gettext_lazy("Type of resource"), _term_values("type")),
        Facet("licence", "licence", gettext_lazy("Licence"), _licence_values, order_by_count=True),
        Facet("langue", "language", gettext_lazy("Language"), _language_values),
        Facet("prix", "price_bucket", gettext_lazy("Price"), _price_values),
        Facet(
            "dimension",
            "dimensions",
            gettext_lazy("Digital competency"),
            _term_values("dimension"),
        ),
    )
}


@dataclass(frozen=True)
class SearchParams:
    """A checked search: query, selected facet values (known values only), sort, page."""

    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "recent"
    page: int = 1
    page_size: int = PAGE_SIZE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def selected(self, facet: str) -> tuple[str, ...]:
        return self.filters.get(facet, ())

    def without(self, facet: str, value: str | None = None) -> "SearchParams":
        """The same search with one value (or the whole facet) removed, back on page 1."""
        filters = dict(self.filters)
        if value is None:
            filters.pop(facet, None)
        else:
            remaining = tuple(v for v in filters.get(facet, ()) if v != value)
            if remaining:
                filters[facet] = remaining
            else:
                filters.pop(facet, None)
        return SearchParams(self.q, filters, self.sort, 1, self.page_size)

    def query_items(self, *, page: int | None = None, with_sort: bool = True) -> list[tuple]:
        """URL parameters reproducing this search (for links: chips, pages, suggestions)."""
        items: list[tuple] = [("q", self.q)] if self.q else []
        for name in FACETS:
            items.extend((name, value) for value in self.selected(name))
        if with_sort and self.sort != default_sort(self.q):
            items.append(("tri", self.sort))
        page = self.page if page is None else page
        if page > 1:
            items.append(("page", page))
        return items


def default_sort(q: str) -> str:
    return "pertinence" if q else "recent"


def _positive_int(raw: str | None, default: int, name: str) -> int:
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidSearch(
            _("The “%(name)s” parameter must be a whole number.") % {"name": name}
        ) from None
    if value < 1:
        raise InvalidSearch(_("The “%(name)s” parameter must be at least 1.") % {"name": name})
    return value


def parse_params(
    data,
    *,
    fixed: dict[str, tuple[str, ...]] | None = None,
    allow_page_size: bool = False,
    lenient_page: bool = False,
) -> SearchParams:
    """Read a QueryDict. Unknown facet values are dropped (a stale link still answers); a page
    or page size that cannot be served raises InvalidSearch — except, with `lenient_page` (the
    HTML pages), a bad page number, which becomes the first (or deepest) page."""
    q = clean_query(data.get("q", "") or "")
    filters: dict[str, tuple[str, ...]] = {}
    for name, facet in FACETS.items():
        raw_values = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        if not raw_values:
            continue
        known = facet.values()
        if facet.normalise is not None:
            raw_values = [facet.normalise(value) or value for value in raw_values]
        # Keep the order of first appearance, once each, known values only.
        chosen = tuple(dict.fromkeys(value for value in raw_values if value in known))
        if chosen:
            filters[name] = chosen
    if fixed:
        filters.update(fixed)
    sort = data.get("tri") or default_sort(q)
    if sort not in SORTS or (sort == "pertinence" and not q):
        sort = default_sort(q)
    page_size = PAGE_SIZE
    if allow_page_size:
        page_size = _positive_int(data.get("page_size"), PAGE_SIZE, "page_size")
        if page_size > MAX_PAGE_SIZE:
            raise InvalidSearch(_("The page size can be at most %(max)s.") % {"max": MAX_PAGE_SIZE})
    max_page = MAX_RESULT_WINDOW // page_size
    if lenient_page:
        try:
            page = _positive_int(data.get("page"), 1, "page")
        except InvalidSearch:
            page = 1
        page = min(page, max_page)
    else:
        page = _positive_int(data.get("page"), 1, "page")
    if page > max_page:
        raise InvalidSearch(
            _(
                "Only the first %(max)s results can be browsed; add a filter or a word to "
                "narrow the search."
            )
            % {"max": f"{MAX_RESULT_WINDOW:,}".replace(",", "\u00a0")}
        )
    return SearchParams(q=q, filters=filters, sort=sort, page=page, page_size=page_size)
