"""What the search API answers (/api/v1/search and /api/v1/search/suggest; README, The search
API), as plain JSON-ready data: the api app serves it, the contract is kept here, beside the
search it describes. Each function works in the language asked for (`lang`, else the request's)."""

from django.conf import settings
from django.utils import translation

from core.i18n import current_language, normalise_language

from . import service
from .params import parse_params
from .text import clean_query


def answer_language(data) -> str:
    """« fr » or « en »: the `lang` parameter, else the interface language of the request."""
    return normalise_language(data.get("lang") or current_language())


def _result_json(hit) -> dict:
    document = hit.document
    return {
        "id": hit.id,
        "url": service.localized_url(document["path"]),
        "title": document["title"],
        "summary": document["summary"],
        "price": document["price_cents"],
        "member_price": document.get("member_price_cents"),
        "currency": settings.BOUTIQUE_CURRENCY,
        "licence": document["licence"],
        "disciplines": document.get("disciplines", []),
        "courses": document.get("courses", []),
        "levels": document.get("levels", []),
        "types": document.get("types", []),
        "language": document["language"],
        "authors": document.get("author_names", []),
        "formats": document.get("formats", []),
        "page_count": document.get("page_count") or 0,
        "rating": document.get("rating_average"),
        "rating_count": document.get("rating_count", 0),
        "downloads": document.get("download_count", 0),
        "validated": document.get("is_validated", False),
        "published": document.get("published"),
        "highlights": hit.highlights,
    }


def engine_timing(result) -> str:
    """The `Server-Timing` entry of the engine's own time (« engine;dur=7 »), for browsers'
    developer tools and the benchmarks' overhead figure; "" when the database answered."""
    return "" if result.engine_ms is None else f"engine;dur={result.engine_ms}"


def timed_search_answer(data) -> tuple[dict, str]:
    """The search of a QueryDict (the search page's parameters plus page_size ≤ 100), and the
    engine's Server-Timing entry ("" when the database answered); raises InvalidSearch, with its
    message in the answer's language, for a page it cannot serve."""
    with translation.override(answer_language(data)):
        params = parse_params(data, allow_page_size=True)
        result = service.search(params)
        answer = {
            "count": result.count,
            "page": params.page,
            "page_size": params.page_size,
            "num_pages": result.num_pages,
            "query": params.q,
            "sort": params.sort,
            "degraded": result.degraded,
            "did_you_mean": result.did_you_mean,
            "results": [_result_json(hit) for hit in result.hits],
            "facets": {
                name: [
                    {
                        "key": value.key,
                        "label": value.label,
                        "count": value.count,
                        "selected": value.selected,
                    }
                    for value in values
                ]
                for name, values in result.facets.items()
            },
        }
        return answer, engine_timing(result)


def suggest_answer(data) -> dict:
    """Autocomplete entries for `q`: disciplines, then titles."""
    with translation.override(answer_language(data)):
        q = data.get("q", "")
        suggestions = service.suggest(q)
        return {
            "query": clean_query(q)[:100],
            "suggestions": [{"text": s.text, "kind": s.kind, "url": s.url} for s in suggestions],
        }
