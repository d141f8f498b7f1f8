"""The search page and the search API. Thin: parameters in params.py, the search in
service.py (engine or database, the view does not know which), the page in presentation.py."""

from dataclasses import replace

from django.conf import settings
from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core.i18n import current_language, normalise_language
from resources.taxonomies import disciplines_by_code

from . import service
from .params import InvalidSearch, parse_params
from .presentation import page_context
from .results import SearchResult


def page_search(request, fixed=None) -> SearchResult:
    """The search of an HTML page: a bad page number shows the first page, one past the
    results the last page (the API answers 400 instead)."""
    params = parse_params(request.GET, fixed=fixed, lenient_page=True)
    result = service.search(params)
    if result.count and params.page > result.num_pages:
        result = service.search(replace(params, page=result.num_pages))
    return result


@require_GET
def search(request):
    """/<lang>/recherche/?q=&discipline=&cours=&niveau=&type=&licence=&langue=&prix=&dimension=&tri=&page="""
    result = page_search(request)
    context = page_context(result)
    if result.params.page == 1:
        context["site_pages"] = service.site_pages(result.params.q)
    return TemplateResponse(request, "search/search.html", context)


def resource_index_context(request) -> dict:
    """/<lang>/ressources/: the search page's context (every facet and sort) for the index."""
    return page_context(page_search(request))


def _api_error(message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=400)


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


@require_GET
def api_search(request):
    """/api/v1/search: the search page's parameters (plus page_size ≤ 100), as JSON."""
    language = normalise_language(request.GET.get("lang") or current_language())
    with translation.override(language):
        try:
            params = parse_params(request.GET, allow_page_size=True)
        except InvalidSearch as error:
            return _api_error(str(error))
        result = service.search(params)
        payload = {
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
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})


@require_GET
@cache_control(max_age=300, public=True)  # called on each keystroke; titles change rarely
def api_suggest(request):
    """/api/v1/search/suggest?q=: autocomplete entries (disciplines, then titles)."""
    language = normalise_language(request.GET.get("lang") or current_language())
    with translation.override(language):
        suggestions = service.suggest(request.GET.get("q", ""))
        payload = {
            "query": " ".join(request.GET.get("q", "").split())[:100],
            "suggestions": [{"text": s.text, "kind": s.kind, "url": s.url} for s in suggestions],
        }
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})


def discipline_detail(request, code):
    """/<lang>/disciplines/<code>/: the discipline's resources (newest first) with the other
    facets of the search, through the same search service as /recherche/."""
    discipline = disciplines_by_code().get(code)
    if discipline is None:
        raise Http404(_("No discipline has this code."))
    result = page_search(request, fixed={"discipline": (code,)})
    context = {"discipline": discipline, **page_context(result, hidden_facets=("discipline",))}
    return TemplateResponse(request, "resources/discipline_detail.html", context)
