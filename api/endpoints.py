"""The public JSON API, /api/v1/ (README, Interoperability): django-ninja operations, thin — the
answers are built by search/answers.py (the search's original contract) and records.py (the
catalogue). Read-only, no authentication, no cookies: CORS lets any site read it (settings)."""

from typing import Annotated, Literal

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from ninja import NinjaAPI, Path, Query, Status
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.renderers import JSONRenderer

from core.i18n import current_language
from search.answers import suggest_answer, timed_search_answer
from search.params import FACETS, MAX_PAGE_SIZE, InvalidSearch

from . import records, schemas

# Page ids are PostgreSQL integers: anything larger names no resource (and is a 422, not a 500).
MAX_ID = 2**31 - 1


class Renderer(JSONRenderer):
    # As Django's JsonResponse wrote them before: UTF-8 text, not \u escapes.
    json_dumps_params = {"ensure_ascii": False}


class PublicApi(NinjaAPI):
    def get_content_type(self) -> str:
        # "application/json", as the search API always answered (its contract), without charset:
        # JSON is UTF-8 by definition (RFC 8259).
        return self.renderer.media_type


api = PublicApi(
    title="APOP boutique",
    version="1",
    description=(
        "Read-only public API of the APOP boutique: search, suggestions, resources, disciplines "
        "and collections. Answers in French unless `lang=en`."
    ),
    urls_namespace="api",
    renderer=Renderer(),
)

LANG_DOC = "Language of names, labels, URLs and messages: fr (default) or en."
Lang = Annotated[Literal["fr", "en"] | None, Query(description=LANG_DOC)]
ResourceId = Annotated[int, Path(ge=1, le=MAX_ID)]
# Page slugs: letters (any script), digits, "-" and "_" (Wagtail's unicode slugs).
Slug = Annotated[str, Path(pattern=r"^[-\w]+$", max_length=255)]


def _lang(lang: str | None) -> str:
    return lang or current_language()


def _not_found(message, lang: str) -> HttpError:
    with translation.override(lang):
        return HttpError(404, str(message))


# --- Search and suggest: the original contract. Their parameters are read from the query string
# as the search page reads them (search/params.py: a bad page is a 400 with its own message, an
# unknown facet value is ignored), so django-ninja only describes them.


def _query(name: str, description: str, schema: dict, *, repeat: bool = False) -> dict:
    """An OpenAPI query parameter; `repeat`: it may be given several times (?a=1&a=2)."""
    parameter = {"in": "query", "name": name, "required": False, "description": description}
    if repeat:
        return {**parameter, "schema": {"type": "array", "items": schema}, "explode": True}
    return {**parameter, "schema": schema}


SEARCH_PARAMETERS = [
    _query("q", "Words to search for.", {"type": "string"}),
    *(
        _query(
            name,
            f"Facet filter ({name}); repeat for several values.",
            {"type": "string"},
            repeat=True,
        )
        for name in FACETS
    ),
    _query(
        "tri",
        "Sort: pertinence (with q), recent, populaire, prix.",
        {"type": "string", "enum": ["pertinence", "recent", "populaire", "prix"]},
    ),
    _query("page", "Page number, from 1.", {"type": "integer", "minimum": 1}),
    _query(
        "page_size",
        f"Results a page, 1 to {MAX_PAGE_SIZE} (default 24).",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
    ),
    _query("lang", LANG_DOC, {"type": "string", "enum": ["fr", "en"]}),
]


@api.get(
    "/search",
    response={200: schemas.SearchAnswer, 400: schemas.SearchError},
    url_name="search",
    tags=["Search"],
    summary="Search resources",
    description=(
        "The search page's parameters; facet values that do not exist are ignored. A page or "
        'page size that cannot be served is a 400 with {"error": …}.'
    ),
    openapi_extra={"parameters": SEARCH_PARAMETERS},
)
def search(request, response: HttpResponse):
    try:
        answer, engine_timing = timed_search_answer(request.GET)
    except InvalidSearch as error:
        return Status(400, {"error": str(error)})
    if engine_timing:  # the engine's own time, beside ours in browsers' developer tools
        response["Server-Timing"] = engine_timing
    return answer


@api.get(
    "/search/suggest",
    response=schemas.SuggestAnswer,
    url_name="search_suggest",
    tags=["Search"],
    summary="Autocomplete suggestions",
    description="Disciplines (by code or name) first, then titles with a word starting with q.",
    openapi_extra={
        "parameters": [
            _query("q", "What was typed so far (2 characters at least).", {"type": "string"}),
            _query("lang", LANG_DOC, {"type": "string", "enum": ["fr", "en"]}),
        ]
    },
)
@decorate_view(cache_control(max_age=300, public=True))  # called on each keystroke
def search_suggest(request):
    return suggest_answer(request.GET)


# --- The catalogue -----------------------------------------------------------------------------

ERRORS = {404: schemas.Error, 422: schemas.ValidationErrors}


@api.get(
    "/resources/{resource_id}",
    response={200: schemas.Resource, **ERRORS},
    url_name="resource",
    tags=["Catalogue"],
    summary="A published resource",
    description=(
        "Every public metadata field, the licence, the attribution in French and English, the "
        "lineage (adapted from, adaptations) and the files' names, types and sizes (never their "
        "address: downloads go through the resource page)."
    ),
)
def resource(
    request,
    resource_id: ResourceId,
    lang: Lang = None,
):
    lang = _lang(lang)
    try:
        return records.resource_record(resource_id, request, lang)
    except records.NotFound:
        raise _not_found(gettext_lazy("No published resource has this id."), lang) from None


@api.get(
    "/disciplines",
    response={200: list[schemas.Discipline], 422: schemas.ValidationErrors},
    url_name="disciplines",
    tags=["Catalogue"],
    summary="Every discipline",
    description="Quebec college disciplines by code, with their number of published resources.",
)
def disciplines(request, lang: Lang = None):
    return records.discipline_records(request, _lang(lang))


@api.get(
    "/collections/{slug}",
    response={200: schemas.Collection, **ERRORS},
    url_name="collection",
    tags=["Catalogue"],
    summary="A curated collection",
    description="The collection and its published resources, in the editors' order.",
)
def collection(request, slug: Slug, lang: Lang = None):
    lang = _lang(lang)
    try:
        return records.collection_record(slug, request, lang)
    except records.NotFound:
        raise _not_found(gettext_lazy("No published collection has this address."), lang) from None
