"""The search on Elasticsearch/OpenSearch: one request returns the page of results, their
highlights, every facet's counts and a did-you-mean; the body is built with elasticsearch-dsl.

Facet counts follow the usual rule: each facet's aggregation applies the other facets' filters
but not its own (a post_filter narrows the hits), so a teacher sees how far a choice widens."""

from elasticsearch.dsl import Q, Search

from core.i18n import is_english

from .connection import Engine
from .database import restore_accents
from .documents import TEXT_FIELDS
from .facets import facet_values
from .params import FACETS, SearchParams
from .results import Hit, SearchResult, Suggestion
from .text import compact_course_numbers, query_words

HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}
SORTS = {
    # Newest first, then the highest id, as the database search orders; an index built before
    # the id was indexed sorts its ties as it stored them (`unmapped_type`) until rebuilt.
    "recent": [
        {"published": {"order": "desc"}},
        {"pk": {"order": "desc", "unmapped_type": "integer"}},
    ],
    "populaire": [
        {"popularity": {"order": "desc"}},
        {"rating_average": {"order": "desc", "missing": "_last"}},
        {"published": {"order": "desc"}},
    ],
    "prix": [{"price_cents": {"order": "asc"}}, {"published": {"order": "desc"}}],
    "pertinence": ["_score", {"published": {"order": "desc"}}],
}


def _fields(*suffixes: str) -> list[str]:
    return [
        f"{name}{suffix}^{boost}" for name, boost in TEXT_FIELDS.items() for suffix in suffixes
    ] + ["author_names^2", "courses_text^4"]


def text_query(q: str) -> Q:
    """Every word must match somewhere (in its language's stemmed form, or folded), or the
    title with typos forgiven on words of 4+ letters; exact phrases in the title rank first.
    Course numbers are matched in their compact form, however they were typed."""
    q = compact_course_numbers(q)
    return Q(
        "bool",
        should=[
            Q(
                "multi_match",
                query=q,
                type="cross_fields",
                operator="and",
                fields=_fields("", "_fr", "_en"),
            ),
            # Typo tolerance on titles only: fuzzy expansion over every text field costs
            # several times the whole rest of the query (measured), for little gain.
            Q(
                "match",
                title={
                    "query": q,
                    "operator": "and",
                    "fuzziness": "AUTO:4,7",
                    "prefix_length": 1,
                    "max_expansions": 20,
                    "boost": 0.5 * TEXT_FIELDS["title"],
                },
            ),
            Q("match_phrase", title={"query": q, "boost": 4}),
        ],
        minimum_should_match=1,
    )


def _filter(name: str, values) -> Q:
    return Q("terms", **{FACETS[name].field: list(values)})


def build_search(params: SearchParams, index: str) -> Search:
    search = Search(index=index).filter("term", kind="resource")
    # Only words count (as in the database implementation): a query of syntax characters alone
    # lists everything rather than nothing.
    has_words = bool(query_words(params.q))
    if has_words:
        search = search.query(text_query(params.q))
    filters = {name: _filter(name, values) for name, values in params.filters.items()}
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    for name, facet in FACETS.items():
        others = [query for other, query in filters.items() if other != name]
        bucket = search.aggs.bucket(
            name, "filter", filter=Q("bool", filter=others) if others else Q("match_all")
        )
        bucket.bucket("values", "terms", field=facet.field, size=200)
    search = search.sort(*SORTS[params.sort])
    search = search.extra(track_total_hits=True)
    search = search[params.offset : params.offset + params.page_size]
    search = search.source(
        excludes=[
            "*_fr",
            "*_en",
            "description",
            "tags",
            "disciplines_text",
            "courses_text",
            "suggest",
        ]
    )
    if has_words:
        search = search.highlight_options(**HIGHLIGHT)
        search = search.highlight("title", number_of_fragments=0)
        search = search.highlight("summary", number_of_fragments=0)
        # Words of titles first, then of discipline and course names (« chimmie » → « chimie »).
        for name, field in (("did_you_mean", "title"), ("did_you_mean_terms", "disciplines_text")):
            search = search.suggest(
                name,
                params.q,
                term={
                    "field": field,
                    "suggest_mode": "popular",
                    "min_word_length": 4,
                    # Typos of the first letter too (the query's fuzziness cannot reach them).
                    "prefix_length": 0,
                },
            )
    return search


def _did_you_mean(params: SearchParams, answer: dict) -> str | None:
    suggestions = answer.get("suggest", {})
    words = query_words(params.q)
    changed = False
    replaced: set[str] = set()
    for entry in [*suggestions.get("did_you_mean", []), *suggestions.get("did_you_mean_terms", [])]:
        options = entry.get("options") or []
        if options and entry["text"] in words and entry["text"] not in replaced:
            words[words.index(entry["text"])] = options[0]["text"]
            replaced.add(entry["text"])
            changed = True
    # The engine suggests folded words; show them as the titles write them.
    return restore_accents(" ".join(words)) if changed else None


def run_search(engine: Engine, params: SearchParams) -> SearchResult:
    """One request to the engine; raises SearchUnavailable when it cannot answer."""
    answer = engine.search(engine.config.alias, build_search(params, engine.config.alias).to_dict())
    hits = []
    for raw in answer["hits"]["hits"]:
        document = raw["_source"]
        highlights = {
            name: fragments[0] for name, fragments in raw.get("highlight", {}).items() if fragments
        }
        hits.append(Hit(int(document["id"]), document, highlights))
    counts = {
        name: {
            str(bucket["key"]): bucket["doc_count"]
            for bucket in answer["aggregations"][name]["values"]["buckets"]
        }
        for name in FACETS
    }
    total = answer["hits"]["total"]
    return SearchResult(
        params=params,
        count=total["value"] if isinstance(total, dict) else int(total),
        hits=hits,
        facets=facet_values(params, counts),
        did_you_mean=_did_you_mean(params, answer),
        engine_ms=answer.get("took"),
    )


def run_suggest(engine: Engine, q: str, size: int) -> list[Suggestion]:
    """Titles of resources and collections starting like `q` (completion suggester)."""
    body = (
        Search()
        .suggest(
            "titles", q, completion={"field": "suggest", "size": size, "skip_duplicates": True}
        )
        .source(["kind", "path", "title", "title_en"])
        .extra(size=0)
        .to_dict()
    )
    answer = engine.search(engine.config.alias, body)
    suggestions: dict[str, Suggestion] = {}
    for entry in answer.get("suggest", {}).get("titles", []):
        for option in entry.get("options", []):
            source = option["_source"]
            # A collection's English title for English visitors (a resource has one title).
            title = (is_english() and source.get("title_en")) or source["title"]
            suggestions.setdefault(
                source["path"], Suggestion(title, source["kind"], source["path"])
            )
    return list(suggestions.values())[:size]
