"""The search page. For now a full-text search of published pages; the discipline search with
facets (search/queries.py) replaces the query below without changing the URL or its parameters."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200


def search(request):
    """/<lang>/recherche/?q=…&page=…"""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().specific().search(query)
    paginator = Paginator(results, PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": page, "paginator": paginator},
    )
