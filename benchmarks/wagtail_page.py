"""Bench only: our search API's page written as a Wagtail developer following Wagtail's search
documentation would write it, on the same engine (Wagtail's opensearch2 backend, the index
benchmarks/wagtail_index.py builds), to compare with ours (benchmarks/measures/compare.py).
benchmarks/urls.py serves it at /bench/wagtail-search with the API's parameters.

    results = ResourcePage.objects.live().filter(<active facets>).search(q, operator="and")
    Paginator(results, 24).get_page(page)    # a count, then the page of hits
    results.facet("disciplines") …           # one request per facet (Wagtail's facet())
    results.filter(price_cents=0).count()    # free/paid: price is no term, a filtered count

Wagtail's facet() takes a FilterField of the model itself: a FilterField on a many-to-many
field is indexed as the related rows' ids, which facet() counts (as Wagtail's own tests facet
"tags"); filtering on a related code needs a RelatedFields with a FilterField (filter() refuses
a many-to-many FilterField). So the taxonomies get both, below — bench side, added to
ResourcePage.search_fields when this module is imported, not in the product: Wagtail indexes
a ParentalManyToManyField without prefetching it, so each of them would cost every publication
a query, for an index the product never reads. What Wagtail's facet() gives differs from ours,
as Wagtail writes it: its terms aggregation asks for the engine's default 10 buckets (so the
discipline and course facets show their 10 largest values, ours all of them), and each count
is under every active filter, its own facet's included (ours: the others' only)."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.search import index
from wagtail.search.query import MATCH_ALL

from core.pagination import PAGE_SIZE
from resources import licences
from resources.listing import co_author_names, format_label
from resources.models import (
    Course,
    DigitalCompetencyDimension,
    Discipline,
    EducationLevel,
    ResourcePage,
    ResourceType,
)

# Our facet's URL parameter → (the many-to-many field, its model, the field holding the key).
RELATED_FACETS = {
    "discipline": ("disciplines", Discipline, "code"),
    "cours": ("courses", Course, "number"),
    "niveau": ("levels", EducationLevel, "code"),
    "type": ("types", ResourceType, "code"),
    "dimension": ("dimensions", DigitalCompetencyDimension, "number"),
}
FIELD_FACETS = {"licence": "licence", "langue": "language"}  # FilterFields the product has
FACET_ORDER = ("discipline", "cours", "niveau", "type", "licence", "langue", "prix", "dimension")
# What one page asks the engine: a count and a page of hits (the paginator), one aggregation
# per faceted field, one count of the free resources.
ENGINE_REQUESTS = 2 + len(RELATED_FACETS) + len(FIELD_FACETS) + 1

SEARCH_FIELDS = [
    *ResourcePage.search_fields,
    *(index.FilterField(field) for field, _model, _key in RELATED_FACETS.values()),
    *(
        index.RelatedFields(field, [index.FilterField(key)])
        for field, _model, key in RELATED_FACETS.values()
        if field != "disciplines"  # the product's RelatedFields has FilterField("code")
    ),
]
ResourcePage.search_fields = SEARCH_FIELDS


def _selected(request, name: str) -> list[str]:
    return [value for value in request.GET.getlist(name) if value]


def _filtered(request):
    """The live resources with the active facets' filters (before .search(), as Wagtail asks)."""
    pages = ResourcePage.objects.live()
    for name, (field, _model, key) in RELATED_FACETS.items():
        if values := _selected(request, name):
            pages = pages.filter(**{f"{field}__{key}__in": values})
    for name, field in FIELD_FACETS.items():
        if values := _selected(request, name):
            pages = pages.filter(**{f"{field}__in": values})
    prices = set(_selected(request, "prix"))
    if prices == {"gratuit"}:
        pages = pages.filter(price_cents=0)
    elif prices == {"payant"}:
        pages = pages.filter(price_cents__gt=0)
    return pages


def _search(pages, q: str):
    if q:
        return pages.search(q, operator="and")
    return pages.order_by("-first_published_at").search(MATCH_ALL, order_by_relevance=False)


def _values(counts, labels: dict, selected: list[str]) -> list[dict]:
    return [
        {"key": key, "label": labels.get(key, key), "count": count, "selected": key in selected}
        for key, count in counts
    ]


def _facets(request, results, pages, q: str, total: int, english: bool) -> dict:
    facets = {}
    for name, (field, model, key) in RELATED_FACETS.items():
        counts = {pk: count for pk, count in results.facet(field).items() if pk is not None}
        terms = model.objects.in_bulk(list(counts))  # facet() counts ids: their codes and names
        labels, keyed = {}, []
        for pk, count in counts.items():
            if term := terms.get(pk):
                code = str(getattr(term, key))
                labels[code] = term.name_en if english and term.name_en else term.name_fr
                keyed.append((code, count))
        facets[name] = _values(keyed, labels, _selected(request, name))
    licence_labels = {
        id_: licence.short(translation.get_language())
        for id_, licence in (licences.LICENCES.items())
    }
    field_labels = {"licence": licence_labels, "langue": dict(ResourcePage.Language.choices)}
    for name, field in FIELD_FACETS.items():
        counts = [(key, count) for key, count in results.facet(field).items() if key is not None]
        facets[name] = _values(counts, field_labels[name], _selected(request, name))
    free = _search(pages.filter(price_cents=0), q).count()
    prices = [("gratuit", free), ("payant", total - free)]
    labels = {"gratuit": _("Free"), "payant": _("Paid")}
    facets["prix"] = _values(
        [(key, count) for key, count in prices if count], labels, _selected(request, "prix")
    )
    return {name: facets[name] for name in FACET_ORDER}


def _result(page, request) -> dict:
    files = list(page.files.all())
    formats = list(dict.fromkeys(label for f in files if (label := format_label(f.content_type))))
    authors = [author.get_full_name() for author in page.authors.all()]
    published = page.first_published_at
    return {
        "id": page.pk,
        "url": page.get_url(request),
        "title": page.title,
        "summary": page.summary,
        "price": page.price_cents,
        "member_price": page.member_price_cents,
        "currency": page.currency,
        "licence": page.licence,
        "disciplines": [term.code for term in page.disciplines.all()],
        "courses": [term.number for term in page.courses.all()],
        "levels": [term.code for term in page.levels.all()],
        "types": [term.code for term in page.types.all()],
        "language": page.language,
        "authors": authors + co_author_names(page.co_authors),
        "formats": formats,
        "page_count": sum(f.page_count or 0 for f in files),
        "rating": page.rating_average,
        "rating_count": page.rating_count,
        "downloads": page.download_count,
        "validated": page.is_validated,
        "published": published.isoformat() if published else None,
        "highlights": {},
    }


def search(request):
    """The search API's answer (its shape), the Wagtail way."""
    lang = "en" if request.GET.get("lang") == "en" else "fr"
    q = request.GET.get("q", "").strip()
    with translation.override(lang):
        pages = _filtered(request).prefetch_related(
            "disciplines", "courses", "levels", "types", "authors", "files"
        )
        results = _search(pages, q)
        paginator = Paginator(results, PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        answer = {
            "count": paginator.count,
            "page": page.number,
            "page_size": PAGE_SIZE,
            "num_pages": paginator.num_pages,
            "query": q,
            "degraded": False,
            "results": [_result(resource, request) for resource in page],
            "facets": _facets(request, results, pages, q, paginator.count, lang == "en"),
        }
    response = JsonResponse(answer, json_dumps_params={"ensure_ascii": False})
    response["X-Engine-Requests"] = str(ENGINE_REQUESTS)  # for the results file
    return response
