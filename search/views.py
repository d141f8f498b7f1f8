"""The search page and the discipline pages. Thin: parameters in params.py, the search in
service.py (engine or database, the view does not know which), the page in presentation.py. The
search API's answers are in answers.py (served by the api app)."""

from dataclasses import replace

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from resources.taxonomies import disciplines_by_code

from . import service
from .params import parse_params
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


def discipline_detail(request, code):
    """/<lang>/disciplines/<code>/: the discipline's resources (newest first) with the other
    facets of the search, through the same search service as /recherche/."""
    discipline = disciplines_by_code().get(code)
    if discipline is None:
        raise Http404(_("No discipline has this code."))
    result = page_search(request, fixed={"discipline": (code,)})
    context = {"discipline": discipline, **page_context(result, hidden_facets=("discipline",))}
    return TemplateResponse(request, "resources/discipline_detail.html", context)
