"""The search on the database: the embedded default, and the fallback when the engine is down.

Filters, facet counts and sorts run on the catalogue's own tables (always up to date: the total
and every facet's counts in one statement, _facet_counts); the text matches a folded copy of
each resource's text (SearchEntry), word by word, so that case and accents never matter (on
PostgreSQL through trigram indexes, migration 0002). No relevance score is computed per row
(Wagtail's database search does, and it grows too slow on SQLite): "pertinence" puts title
matches first, then the newest. A fixed number of queries per search."""

import difflib
import hashlib
import json

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, F, IntegerField, Q, Value, When

from resources.detail import catalogue_version
from resources.models import ResourcePage
from resources.taxonomies import all_terms

from .facets import facet_values
from .models import SearchEntry
from .params import FACETS, SearchParams
from .results import Hit, SearchResult, Suggestion
from .sources import POPULARITY_RATING_WEIGHT, display_documents, published_resources
from .text import WORD_RE, fold, highlight, query_words, singular

# facet → (through model, its column for the term, attribute giving the term's key)
_TAXONOMY_FACETS = {
    "discipline": (ResourcePage.disciplines.through, "discipline", "code"),
    "cours": (ResourcePage.courses.through, "course", "number"),
    "niveau": (ResourcePage.levels.through, "educationlevel", "code"),
    "type": (ResourcePage.types.through, "resourcetype", "code"),
    "dimension": (ResourcePage.dimensions.through, "digitalcompetencydimension", "number"),
}
VOCABULARY_CACHE_KEY = "search:vocabulary:v2"
COUNTS_CACHE_KEY = "search:database-counts:v1"
COUNTS_CACHE_SECONDS = 300


def _facet_condition(name: str, values) -> Q:
    if name in _TAXONOMY_FACETS:
        through, column, key = _TAXONOMY_FACETS[name]
        page_ids = through.objects.filter(**{f"{column}__{key}__in": list(values)}).values(
            "resourcepage_id"
        )
        return Q(pk__in=page_ids)
    if name == "prix":
        free, paid = "gratuit" in values, "payant" in values
        if free and paid:
            return Q()
        return Q(price_cents=0) if free else Q(price_cents__gt=0)
    return Q(**{f"{FACETS[name].field}__in": list(values)})


# Up to this many text matches are passed to the other queries as a list of ids (the text scan
# then runs once per search instead of once per facet); more stay a sub-query.
TEXT_IDS_LIMIT = 5000


def _text_condition(words: list[str]) -> Q:
    entries = SearchEntry.objects.all()
    for word in words:
        entries = entries.filter(text__contains=singular(word))
    ids = list(entries.values_list("page_id", flat=True)[: TEXT_IDS_LIMIT + 1])
    if len(ids) <= TEXT_IDS_LIMIT:
        return Q(pk__in=ids)
    return Q(pk__in=entries.values("page_id"))


def _base(params: SearchParams, published, text: Q | None, *, except_facet: str | None = None):
    """Published resources matching the text and every facet but `except_facet`."""
    queryset = published if text is None else published.filter(text)
    for name, values in params.filters.items():
        if name != except_facet:
            queryset = queryset.filter(_facet_condition(name, values))
    return queryset


def _ordered(queryset, params: SearchParams):
    if params.sort == "populaire":
        return queryset.annotate(
            popularity=F("download_count") + POPULARITY_RATING_WEIGHT * F("rating_sum")
        ).order_by("-popularity", "-first_published_at", "-pk")
    if params.sort == "prix":
        return queryset.order_by("price_cents", "-first_published_at", "-pk")
    if params.sort == "pertinence":
        words = [singular(word) for word in query_words(params.q)]
        title_match = SearchEntry.objects.all()
        for word in words:
            title_match = title_match.filter(title__contains=word)
        return queryset.annotate(
            in_title=Case(
                When(pk__in=title_match.values("page_id"), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        ).order_by("-in_title", "-first_published_at", "-pk")
    return queryset.order_by("-first_published_at", "-pk")


# The facets read from the resource's own columns, as the columns of the matching set.
_PRICE_BUCKET = Case(When(price_cents=0, then=Value("gratuit")), default=Value("payant"))
_COLUMN_FACETS = {"licence": "m_licence", "langue": "m_language", "prix": "m_bucket"}
_TOTAL = ""  # the facet name of the row holding the number of matches


def _sql(queryset) -> tuple[str, tuple]:
    return queryset.query.sql_with_params()


def _with_columns(queryset):
    """The matching resources' ids and column facet values (the WITH's columns)."""
    return (
        queryset.order_by()
        .annotate(m_licence=F("licence"), m_language=F("language"), m_bucket=_PRICE_BUCKET)
        .values("pk", *_COLUMN_FACETS.values())
    )


def _taxonomy_part(name: str, source: str) -> str:
    """One facet's counts: its terms' keys among the resources of `source` (a set of distinct
    `pk`: a join, which the planners run as a hash join; `IN (SELECT pk FROM matching)` made
    PostgreSQL, blind to the WITH's distinct values, probe the index once per resource)."""
    through, column, key = _TAXONOMY_FACETS[name]
    field = through._meta.get_field(column)
    term = field.related_model._meta
    page_column = through._meta.get_field("resourcepage").column
    return (
        f"SELECT '{name}', CAST(t.\"{term.get_field(key).column}\" AS varchar), COUNT(*) "
        f'FROM "{through._meta.db_table}" x INNER JOIN {source} ON x."{page_column}" = m.pk '
        f'INNER JOIN "{term.db_table}" t ON x."{field.column}" = t."{term.pk.column}" GROUP BY 2'
    )


def _facet_counts(params: SearchParams, published, text) -> tuple[int, dict[str, dict[str, int]]]:
    """(the number of matching resources, the counts of every facet), in one statement.

    The matching set is read once, as a WITH (PostgreSQL and SQLite materialise it, as it is
    used many times): every facet without a selected value counts over it, and so does the
    total. A facet with a selected value counts without its own filter (its own sub-query).
    At 100,000 resources each read of the catalogue's rows (resource ⋈ page) cost 100 to 200 ms
    on the 2-core machine: they were 9 (a count, a UNION of 5 taxonomy counts, 3 column counts),
    they are 1 plus one per selected facet (benchmarks/README.md, Database search at 100,000).

    Without words (the whole catalogue, a discipline's page, facets only: the same few
    searches again and again) the counts are cached until the catalogue changes
    (catalogue_version: every publication, withdrawal, move, rating or taxonomy change), and at
    most COUNTS_CACHE_SECONDS (what the version does not follow: a view restriction)."""
    key = None
    if text is None:
        filters = sorted((name, sorted(values)) for name, values in params.filters.items())
        digest = hashlib.sha1(json.dumps(filters).encode()).hexdigest()
        key = f"{COUNTS_CACHE_KEY}:{catalogue_version()}:{digest}"
        cached = cache.get(key)
        if cached is not None:
            return cached
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    total = 0
    try:
        statement, arguments = _counts_statement(params, published, text)
    except EmptyResultSet:  # no text match (`pk IN ()`): every set is empty
        return total, counts
    with connections[published.db].cursor() as cursor:
        cursor.execute(statement, arguments)
        for name, value, n in cursor.fetchall():
            if name == _TOTAL:
                total = n
            else:
                counts[name][str(value)] = n
    if key is not None:
        cache.set(key, (total, counts), COUNTS_CACHE_SECONDS)
    return total, counts


def _counts_statement(params: SearchParams, published, text) -> tuple[str, list]:
    shared_sql, arguments = _sql(_with_columns(_base(params, published, text)))
    arguments = list(arguments)
    parts = []
    for name in _TAXONOMY_FACETS:
        source = "matching m"
        if name in params.filters:
            except_set = _base(params, published, text, except_facet=name).order_by()
            except_sql, except_arguments = _sql(except_set.values("pk"))
            source = f"({except_sql}) m"
            arguments += except_arguments
        parts.append(_taxonomy_part(name, source))
    for name, column in _COLUMN_FACETS.items():
        source = "matching"
        if name in params.filters:
            except_sql, except_arguments = _sql(
                _with_columns(_base(params, published, text, except_facet=name))
            )
            source = f"({except_sql}) AS except_{name}"
            arguments += except_arguments
        parts.append(
            f"SELECT '{name}', CAST({column} AS varchar), COUNT(*) FROM {source} GROUP BY 2"
        )
    parts.append(f"SELECT '{_TOTAL}', '', COUNT(*) FROM matching")
    return f"WITH matching AS ({shared_sql}) {' UNION ALL '.join(parts)}", arguments


def _vocabulary() -> dict[str, str]:
    """{folded word: the word as written} for the words of 4+ letters of published titles and
    of the disciplines' and courses' names (« chimmie » → « chimie »; did-you-mean), cached for
    a few minutes."""
    words = cache.get(VOCABULARY_CACHE_KEY)
    if words is None:
        words = {}
        titles = published_resources().values_list("title", flat=True)
        terms = all_terms()
        names = [
            name
            for kind in ("discipline", "course")
            for term in terms[kind].values()
            for name in (term.name_fr, term.name_en)
        ]
        for text in [*titles.iterator(), *names]:
            for word in WORD_RE.findall(text.lower()):
                if len(word) >= 4:
                    words.setdefault(fold(word), word)
        cache.set(VOCABULARY_CACHE_KEY, words, 300)
    return words


def restore_accents(text: str) -> str:
    """« calcul differentiel » → « calcul différentiel », as the titles write those words."""
    vocabulary = _vocabulary()
    return " ".join(vocabulary.get(word, word) for word in text.split())


def _did_you_mean(q: str) -> str | None:
    vocabulary = list(_vocabulary())
    words = query_words(q)
    changed = False
    for position, word in enumerate(words):
        if len(word) < 4 or any(singular(word) in known for known in vocabulary):
            continue
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        if close:
            words[position] = close[0]
            changed = True
    return restore_accents(" ".join(words)) if changed else None


def run_search(params: SearchParams) -> SearchResult:
    """The faceted search on the database (the same answer shape as queries.run_search)."""
    # Wagtail's public() reads the view restrictions when called: once per search, not per query.
    published = published_resources()
    words = query_words(params.q)
    text = _text_condition(words) if words else None
    matching = _base(params, published, text)
    count, counts = _facet_counts(params, published, text)
    ids = list(
        _ordered(matching, params).values_list("pk", flat=True)[
            params.offset : params.offset + params.page_size
        ]
    )
    documents = display_documents(ids, published)
    hits = []
    for page_id in ids:
        document = documents.get(page_id)
        if document is None:  # unpublished between the two queries
            continue
        highlights = {}
        if words:
            highlights = {
                "title": highlight(document["title"], words),
                "summary": highlight(document["summary"], words),
            }
        hits.append(Hit(page_id, document, highlights))
    return SearchResult(
        params=params,
        count=count,
        hits=hits,
        facets=facet_values(params, counts),
        did_you_mean=_did_you_mean(params.q) if params.q and count == 0 else None,
    )


def run_suggest(q: str, size: int) -> list[Suggestion]:
    """Resource titles that start with (or contain a word starting with) the folded `q`."""
    folded = fold(q).strip()
    if not folded:
        return []
    published = published_resources()
    rows = (
        SearchEntry.objects.filter(Q(title__startswith=folded) | Q(title__contains=f" {folded}"))
        .filter(page__in=published)
        .annotate(
            starts=Case(
                When(title__startswith=folded, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("-starts", "-page__download_count", "title")
        .values_list("page_id", flat=True)[:size]
    )
    ids = list(rows)
    documents = display_documents(ids, published)
    return [
        Suggestion(documents[pk]["title"], "resource", documents[pk]["path"])
        for pk in ids
        if pk in documents
    ]
