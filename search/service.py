"""The one entry point of views and the API: search, suggest, and whether the engine is up.

The engine answers when one is configured; when it is down or slow (the client's timeout is at
most 2 s), the database answers the same question and the result says so (`degraded`), and
for a short while no request waits on the engine again. Views never ask which one answered."""

import logging
from dataclasses import replace

from django.core.cache import cache

from core.i18n import current_language
from core.paths import page_path
from resources.taxonomies import all_terms

from . import database, queries
from .connection import SearchUnavailable, get_engine
from .params import SearchParams, default_sort
from .results import SearchResult, Suggestion
from .text import clean_query, fold, query_words

logger = logging.getLogger(__name__)

# After a failure, the engine is left alone this long (a down engine must not cost each
# visitor a timeout).
BREAKER_SECONDS = 30
BREAKER_KEY = "search:engine-down"
SUGGEST_SIZE = 8


def engine_is_down() -> bool:
    return bool(cache.get(BREAKER_KEY))


def _engine_failed(error: Exception) -> None:
    logger.warning("Search engine unavailable, answering from the database: %s", error)
    cache.set(BREAKER_KEY, True, BREAKER_SECONDS)


def localized_url(path: str) -> str:
    """A page path below the site root (ressources/x/) as a URL in the current language, with
    its English words on the English site (/en/resources/x/)."""
    return f"/{current_language()}/{page_path(path)}"


def search(params: SearchParams) -> SearchResult:
    """The faceted search, from the engine when it answers, else from the database."""
    engine = get_engine()
    if engine is not None and not engine_is_down():
        try:
            result = queries.run_search(engine, params)
            return _checked_suggestion(result, lambda p: queries.run_search(engine, p))
        except SearchUnavailable as error:
            _engine_failed(error)
    result = _checked_suggestion(database.run_search(params), database.run_search)
    result.degraded = engine is not None
    return result


def _checked_suggestion(result: SearchResult, run) -> SearchResult:
    """A did-you-mean only where nothing was found, and only when it finds something itself
    (with the same filters): a suggestion that leads to no result is worse than none."""
    suggestion = result.did_you_mean
    if not suggestion:
        return result
    params = result.params
    if result.count or query_words(suggestion) == query_words(params.q):
        result.did_you_mean = None
        return result
    corrected = replace(params, q=suggestion, sort=default_sort(suggestion), page=1, page_size=1)
    checked = run(corrected)
    if result.engine_ms is not None and checked.engine_ms is not None:
        result.engine_ms += checked.engine_ms  # the engine's time for the whole answer
    if checked.count == 0:
        result.did_you_mean = None
    return result


def _discipline_suggestions(q: str, size: int) -> list[Suggestion]:
    """Disciplines whose code or name starts like `q` (a name's first word first)."""
    folded = fold(q).strip()
    ranked = []
    for term in all_terms()["discipline"].values():
        name, other = (
            fold(term.name),
            fold(term.name_en if term.name == term.name_fr else term.name_fr),
        )
        if term.code.startswith(folded) or name.startswith(folded):
            rank = 0
        elif f" {folded}" in f" {name}" or f"'{folded}" in name:
            rank = 1
        elif other.startswith(folded) or f" {folded}" in other:
            rank = 2
        else:
            continue
        ranked.append((rank, term.code, term))
    return [
        Suggestion(f"{term.name} ({term.code})", "discipline", f"disciplines/{term.code}/")
        for _rank, _code, term in sorted(ranked)[:size]
    ]


def suggest(q: str, size: int = SUGGEST_SIZE) -> list[Suggestion]:
    """Autocomplete: disciplines first (from the cached taxonomy), then titles."""
    q = clean_query(q)[:100]
    if len(q) < 2:
        return []
    disciplines = _discipline_suggestions(q, 3)
    engine = get_engine()
    titles = None
    if engine is not None and not engine_is_down():
        try:
            titles = queries.run_suggest(engine, q, size)
        except SearchUnavailable as error:
            _engine_failed(error)
    if titles is None:
        titles = database.run_suggest(q, size)
    suggestions = (disciplines + titles)[:size]
    return [Suggestion(s.text, s.kind, localized_url(s.url)) for s in suggestions]


def site_pages(q: str, size: int = 4) -> list:
    """Editorial pages and collections matching `q` (a short list beside the resources), from
    Wagtail's own search backend; nothing rather than an error when it cannot answer."""
    from wagtail.models import Page

    from resources.models import ResourcePage

    if not query_words(q):
        return []
    try:
        pages = (
            Page.objects.live()
            .public()
            .not_type(ResourcePage)
            .filter(depth__gt=2)
            .specific()
            .search(q, operator="and", order_by_relevance=False)[:size]
        )
        return list(pages)
    except Exception:  # the engine's errors have many classes; this list is a bonus
        logger.warning("Site page search failed", exc_info=True)
        return []


def engine_status() -> str:
    """For /healthz: "ok" (engine answers, or none configured) or "degraded" (the database
    is answering searches instead)."""
    engine = get_engine()
    if engine is None:
        return "ok"
    if engine.ping():
        return "ok"
    return "degraded"
