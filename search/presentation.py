"""From a SearchResult to what the search page and the discipline pages show: cards, facet
checkboxes, removable filter chips, sort links, pages, and suggestions when nothing matches.
Cards render from the documents and the cached taxonomies; previews come in two queries."""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.utils.safestring import mark_safe

from resources.listing import ResourceCard, previews_for
from resources.taxonomies import all_terms

from .params import FACETS, SORTS, SearchParams, default_sort
from .results import SearchResult
from .service import localized_url

# A course is known by its number as much as by its title: its chip shows both.
KEYED_FACETS = ("cours",)


def query_string(items: list[tuple]) -> str:
    return "?" + urlencode(items) if items else "?"


@dataclass
class Chip:
    label: str
    facet_title: str
    remove_url: str


@dataclass
class FacetBlock:
    name: str
    title: str
    values: list  # FacetValue with .url (toggle) added
    selected_count: int


def _terms_by_code(kind: str) -> dict[str, object]:
    return {term.code: term for term in all_terms()[kind].values()}


def cards_for(result: SearchResult) -> list[ResourceCard]:
    """Cards of the hits, in their order (highlights in `title_html` / `summary_html`)."""
    kinds = ("discipline", "course", "level", "type", "dimension")
    terms = {kind: _terms_by_code(kind) for kind in kinds}
    previews = previews_for([hit.id for hit in result.hits])
    cards = []
    for hit in result.hits:
        document = hit.document

        def pick(kind, key, document=document):
            return [terms[kind][code] for code in document.get(key, []) if code in terms[kind]]

        published = document.get("published")
        card = ResourceCard(
            id=hit.id,
            title=document["title"],
            url=localized_url(document["path"]),
            summary=document["summary"],
            language=document["language"],
            price_cents=document["price_cents"],
            member_price_cents=document.get("member_price_cents"),
            licence_id=document["licence"],
            rating_average=round(document["rating_average"], 1)
            if document.get("rating_average") is not None
            else None,
            rating_count=document.get("rating_count", 0),
            download_count=document.get("download_count", 0),
            is_validated=document.get("is_validated", False),
            first_published_at=datetime.fromisoformat(published) if published else None,
            disciplines=pick("discipline", "disciplines"),
            courses=pick("course", "courses"),
            levels=pick("level", "levels"),
            types=pick("type", "types"),
            dimensions=pick("dimension", "dimensions"),
            preview=(previews.get(hit.id) or [None])[0],
            authors=list(document.get("author_names", [])),
            formats=list(document.get("formats", [])),
            page_count=document.get("page_count") or 0,
        )
        # Highlights are escaped by the engine (encoder "html") or by text.highlight.
        card.title_html = mark_safe(hit.highlights.get("title", ""))  # noqa: S308
        card.summary_html = mark_safe(hit.highlights.get("summary", ""))  # noqa: S308
        cards.append(card)
    return cards


def _toggle(params: SearchParams, facet: str, key: str, selected: bool) -> str:
    if selected:
        return query_string(params.without(facet, key).query_items())
    filters = dict(params.filters)
    filters[facet] = (*params.selected(facet), key)
    toggled = SearchParams(params.q, filters, params.sort, 1, params.page_size)
    return query_string(toggled.query_items())


def page_context(result: SearchResult, *, hidden_facets: tuple[str, ...] = ()) -> dict:
    """Everything the search template needs, as plain data."""
    params = result.params
    visible = SearchParams(
        params.q,
        {k: v for k, v in params.filters.items() if k not in hidden_facets},
        params.sort,
        params.page,
        params.page_size,
    )
    facets = []
    for name, values in result.facets.items():
        if name in hidden_facets:
            continue
        for value in values:
            value.url = _toggle(visible, name, value.key, value.selected)
        facets.append(
            FacetBlock(
                name,
                str(FACETS[name].title),
                values,
                sum(1 for value in values if value.selected),
            )
        )
    chips = []
    for name, keys in visible.filters.items():
        labels = FACETS[name].values()
        for key in keys:
            label = labels.get(key, key)
            chips.append(
                Chip(
                    f"{key} {label}" if name in KEYED_FACETS else label,
                    str(FACETS[name].title),
                    query_string(visible.without(name, key).query_items()),
                )
            )
    sorts = [
        {
            "key": key,
            "label": str(label),
            "selected": key == params.sort,
            "url": query_string(SearchParams(params.q, visible.filters, key, 1).query_items()),
        }
        for key, label in SORTS.items()
        if key != "pertinence" or params.q
    ]
    pages = {
        "number": params.page,
        "total": result.num_pages,
        "previous_url": query_string(visible.query_items(page=params.page - 1))
        if params.page > 1
        else None,
        "next_url": query_string(visible.query_items(page=params.page + 1))
        if params.page < result.num_pages
        else None,
        "first_url": query_string(visible.query_items(page=1)),
    }
    suggestions = {}
    if result.count == 0:
        if result.did_you_mean:
            corrected = SearchParams(result.did_you_mean, visible.filters, default_sort("x"), 1)
            suggestions["did_you_mean"] = {
                "text": result.did_you_mean,
                "url": query_string(corrected.query_items()),
            }
        suggestions["without"] = [
            {"label": chip.label, "facet": chip.facet_title, "url": chip.remove_url}
            for chip in chips
        ]
        if params.q and visible.filters:
            suggestions["without_words"] = query_string(
                SearchParams("", visible.filters, "recent", 1).query_items()
            )
    return {
        "search_params": params,
        "result": result,
        "resources": cards_for(result),
        "facets": facets,
        "chips": chips,
        "clear_url": query_string([("q", params.q)] if params.q else []),
        "sorts": sorts,
        "pages": pages,
        "beyond_last_page": result.count > 0 and not result.hits,
        "suggestions": suggestions,
        "degraded": result.degraded,
    }
