"""The same code against a real Elasticsearch 8 node (the integ-test distribution from Maven
Central, see scripts/services.sh). That distribution has no analysis-common module, so its
indices here use the core `standard` analyzer under our analyzers' names; everything else is
the product's: the elasticsearch client, request bodies, bulk indexing, alias swap, facets."""

import pytest
from django.http import QueryDict

from search import documents, indexing, service
from search.connection import get_engine
from search.params import parse_params
from tests.helpers import ON_CI
from tests.search.helpers import ELASTICSEARCH_URL, drop_indices, ids, use_engine

CORE_ANALYZERS = ("apop_french", "apop_english", "apop_folded", "apop_suggest")


def core_analysis_body() -> dict:
    body = documents.index_body()
    body["settings"]["analysis"] = {
        "analyzer": {name: {"type": "standard"} for name in CORE_ANALYZERS}
    }
    return body


@pytest.fixture
def elasticsearch(settings, monkeypatch):
    if not ELASTICSEARCH_URL:
        message = "The Elasticsearch node is not running (scripts/services.sh start)"
        if ON_CI:
            pytest.fail(message)
        pytest.skip(f"{message} — SKIPPED")
    prefix = use_engine(settings, "elasticsearch", ELASTICSEARCH_URL)
    monkeypatch.setattr(indexing, "index_body", core_analysis_body)
    yield get_engine()
    drop_indices(prefix)


def run(query: str = ""):
    return service.search(parse_params(QueryDict(query)))


def test_the_elasticsearch_client_talks_to_the_node(elasticsearch, client, db):
    from elasticsearch import Elasticsearch

    assert isinstance(elasticsearch.client, Elasticsearch)
    assert elasticsearch.ping() is True
    assert client.get("/healthz").json()["checks"]["search"] == "ok"


def test_rebuild_bulk_indexes_and_swaps_the_alias(elasticsearch, known_catalogue):
    alias = elasticsearch.config.alias
    [first] = elasticsearch.index_names(alias)

    report = indexing.rebuild()

    assert report.documents == 6
    assert elasticsearch.index_names(alias) == [report.index]
    assert report.removed_indices == [first]
    assert elasticsearch.count(alias) == 6
    assert indexing.check().ok


def test_facets_filters_and_sorts_on_elasticsearch(elasticsearch, known_catalogue):
    everything = run("")
    free_math = run("discipline=201&prix=gratuit")
    popular = run("tri=populaire")

    assert everything.count == 6
    assert everything.degraded is False
    assert {v.key: v.count for v in everything.facets["discipline"]} == {"201": 4, "420": 3}
    assert set(ids(free_math)) == {known_catalogue["calcul"].pk, known_catalogue["formative"].pk}
    assert {v.key: v.count for v in free_math.facets["discipline"]} == {"201": 2, "420": 3}
    assert {v.key: v.count for v in free_math.facets["prix"]} == {"gratuit": 2, "payant": 2}
    order = ["python", "english", "calcul", "integral", "finance", "formative"]
    assert ids(popular) == [known_catalogue[key].pk for key in order]


def test_words_and_highlights_with_the_standard_analyzer(elasticsearch, known_catalogue):
    result = run("q=python")

    assert set(ids(result)) == {known_catalogue["python"].pk, known_catalogue["english"].pk}
    assert all("<mark>Python</mark>" in hit.highlights["title"] for hit in result.hits)


def test_publication_reaches_elasticsearch_on_commit(
    elasticsearch, known_catalogue, make_resource, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_resource("Statistiques descriptives", summary="Moyenne et variance.")
    elasticsearch.refresh(elasticsearch.config.alias)

    assert ids(run("q=variance")) == [page.pk]
    assert [s.text for s in service.suggest("statis")][-1] == "Statistiques descriptives"
