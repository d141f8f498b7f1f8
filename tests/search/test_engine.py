"""The real OpenSearch node: French and English analysis, the index lifecycle and its alias,
the index following publication, and the database fallback when the node goes away."""

import re
import threading
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.http import QueryDict
from django.test import override_settings

from resources.models import Discipline, Rating, ResourcePage
from search import indexing, queries, service
from search.connection import get_engine
from search.models import SearchEntry
from search.params import parse_params
from search.results import SearchResult
from tests.search.helpers import OPENSEARCH_URL, TcpProxy, ids, use_engine


def run(query: str = ""):
    return service.search(parse_params(QueryDict(query)))


def analyze(engine, analyzer: str, text: str) -> list[str]:
    answer = engine.client.indices.analyze(
        index=engine.config.alias, body={"analyzer": analyzer, "text": text}
    )
    return [token["token"] for token in answer["tokens"]]


def test_the_node_analyses_french_and_english(opensearch, known_catalogue):
    assert analyze(opensearch, "apop_french", "Les mathématiques de l’évaluation") == [
        "mathemat",
        "evalu",
    ]
    assert analyze(opensearch, "apop_french", "Les exercices et l'exercice") == [
        "exercic",
        "exercic",
    ]
    assert analyze(opensearch, "apop_english", "The teacher's exercises") == [
        "teacher",
        "exercis",
    ]
    assert analyze(opensearch, "apop_folded", "Évaluation FORMATIVE") == [
        "evaluation",
        "formative",
    ]


def test_typos_are_forgiven_on_words_of_four_letters_or_more(opensearch, known_catalogue):
    assert ids(run("q=calcul+diferentiel")) == [known_catalogue["calcul"].pk]
    assert set(ids(run("q=pyhton"))) == {known_catalogue[k].pk for k in ("python", "english")}
    # Two letters wrong in a word of 7+ letters: still found; one in a 3-letter word: not.
    assert ids(run("q=mathematikuez")) == [known_catalogue["finance"].pk]
    assert run("q=bas").count == 0


def test_rebuild_swaps_the_alias_to_a_new_index_and_drops_the_old(opensearch, known_catalogue):
    alias = opensearch.config.alias
    [first] = opensearch.index_names(alias)

    report = indexing.rebuild()

    assert opensearch.index_names(alias) == [report.index]
    assert report.index != first
    assert report.removed_indices == [first]
    assert report.documents == 6
    assert opensearch.indices_with_prefix(f"{alias}-") == [report.index]
    assert run("").count == 6
    # The swap is one step of the rebuild, timed on its own (benchmarks' `index.swap_ms`).
    assert 0 <= report.swap_ms <= report.seconds * 1000


def test_the_rebuild_command_says_how_long_the_alias_swap_took(opensearch, known_catalogue):
    output = StringIO()

    call_command("search_index", "--rebuild", stdout=output)

    assert re.fullmatch(
        r"Index \S+: 6 resources in \d+\.\d s \(\d+ documents/s\); alias swapped in \d+ ms; "
        r"removed \S+\.\n",
        output.getvalue(),
    )


def test_searches_never_see_an_empty_index_during_a_rebuild(opensearch, known_catalogue):
    counts, done = [], threading.Event()
    params = parse_params(QueryDict(""))

    def search_until_done():
        # Straight to the engine (this thread has no database transaction to fall back on).
        while not done.is_set():
            counts.append(queries.run_search(opensearch, params).count)

    worker = threading.Thread(target=search_until_done)
    worker.start()
    try:
        for _ in range(3):
            indexing.rebuild()
    finally:
        done.set()
        worker.join()

    assert len(counts) >= 3
    assert set(counts) == {6}


def test_publishing_unpublishing_and_deleting_update_the_index_on_commit(
    opensearch, known_catalogue, make_resource, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_resource("Statistiques descriptives", summary="Moyenne, médiane et mode.")
    opensearch.refresh(opensearch.config.alias)
    assert ids(run("q=mediane")) == [page.pk]

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    opensearch.refresh(opensearch.config.alias)
    assert run("q=mediane").count == 0
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()

    python = known_catalogue["python"]
    with django_capture_on_commit_callbacks(execute=True):
        python.delete()
    opensearch.refresh(opensearch.config.alias)
    assert run("q=python").count == 1


def test_a_rating_and_a_renamed_discipline_reach_the_index(
    opensearch, known_catalogue, make_member, django_capture_on_commit_callbacks
):
    finance = known_catalogue["finance"]
    with django_capture_on_commit_callbacks(execute=True):
        Rating.objects.create(resource=finance, user=make_member("Jo"), score=5)
        ResourcePage.objects.filter(pk=finance.pk).update(rating_count=1, rating_sum=5)
    with django_capture_on_commit_callbacks(execute=True):
        # The signal fires on save; the counters above were updated before it.
        Rating.objects.filter(resource=finance).first().save()
    opensearch.refresh(opensearch.config.alias)
    [hit] = run("q=financieres").hits
    assert hit.document["rating_average"] == 5.0

    with django_capture_on_commit_callbacks(execute=True):
        discipline = Discipline.objects.get(code="420")
        discipline.name_fr = "Sciences informatiques"
        discipline.save()
    opensearch.refresh(opensearch.config.alias)
    assert run("q=sciences+informatiques").count == 3


def test_check_reports_missing_and_stale_documents(opensearch, known_catalogue):
    assert indexing.check().ok

    ResourcePage.objects.filter(pk=known_catalogue["calcul"].pk).update(title="Nouveau titre")
    opensearch.client.delete(
        index=opensearch.config.alias, id=str(known_catalogue["python"].pk), refresh=True
    )
    report = indexing.check()

    assert report.stale == [known_catalogue["calcul"].pk]
    assert report.missing == [known_catalogue["python"].pk]
    with pytest.raises(CommandError, match="out of date"):
        call_command("search_index", "--check")
    call_command("search_index", "--rebuild")
    assert indexing.check().ok


@pytest.fixture
def proxied(settings, known_catalogue):
    """The product reaching the node through a relay the test can cut."""
    if not OPENSEARCH_URL:
        pytest.skip("needs the OpenSearch node")
    proxy = TcpProxy(OPENSEARCH_URL)
    proxy.start()
    prefix = settings.APOP_SEARCH["INDEX_PREFIX"]
    settings.APOP_SEARCH = {**settings.APOP_SEARCH, "URL": proxy.url, "TIMEOUT": 1.0}
    yield proxy
    proxy.stop()
    settings.APOP_SEARCH = {**settings.APOP_SEARCH, "URL": OPENSEARCH_URL, "INDEX_PREFIX": prefix}


def test_a_stopped_node_degrades_to_the_database_and_catches_up_later(
    opensearch,
    proxied,
    client,
    make_resource,
    django_capture_on_commit_callbacks,
):
    assert run("q=calcul+differentiel").degraded is False
    assert client.get("/healthz").json()["checks"]["search"] == "ok"

    proxied.stop()  # the node is gone, mid-test
    result = run("q=calcul+differentiel&discipline=201")
    page = client.get("/fr/recherche/?q=calcul+differentiel")
    health = client.get("/healthz")

    assert result.degraded is True
    assert result.count == 1
    assert page.status_code == 200
    assert "simplified mode" in page.content.decode() or "mode simplifié" in page.content.decode()
    assert health.status_code == 200
    assert health.json()["checks"]["search"] == "degraded"
    assert health.json()["status"] == "degraded"

    # Publishing still works; the fallback sees it at once, the engine later.
    with django_capture_on_commit_callbacks(execute=True):
        page = make_resource("Géométrie vectorielle", summary="Vecteurs et droites.")
    assert ids(run("q=geometrie")) == [page.pk]
    assert not SearchEntry.objects.get(page_id=page.pk).is_indexed

    proxied.start()  # back, on the same port
    service.cache.delete(service.BREAKER_KEY)
    with pytest.raises(CommandError, match="out of date"):
        call_command("search_index", "--check", stdout=StringIO())  # behind by one
    call_command("search_index", "--catch-up")
    get_engine().refresh(opensearch.config.alias)

    result = run("q=geometrie")
    assert result.degraded is False
    assert ids(result) == [page.pk]
    assert SearchEntry.objects.get(page_id=page.pk).is_indexed
    assert indexing.check().ok
    report = StringIO()
    call_command("search_index", "--check", stdout=report)  # clean: no CommandError
    assert report.getvalue() == "7 published resources; missing 0, stale 0, extra 0.\n"


def test_a_slow_node_is_a_down_node(opensearch, proxied):
    proxied.delay = 1.5  # longer than the 1 s timeout of this test

    result = run("q=calcul")

    assert result.degraded is True
    assert result.count == 2
    # The breaker keeps the next visitors from waiting on the engine.
    proxied.delay = 0
    assert run("q=calcul").degraded is True


def test_settings_pick_the_opensearch_client(settings):
    use_engine(settings, "opensearch", "http://127.0.0.1:1")
    from opensearchpy import OpenSearch

    assert isinstance(get_engine().client, OpenSearch)
    use_engine(settings, "elasticsearch", "http://127.0.0.1:1")
    from elasticsearch import Elasticsearch

    assert isinstance(get_engine().client, Elasticsearch)


def test_the_opensearch_client_keeps_a_connection_per_thread(settings, opensearch):
    """Under gunicorn's threads, opensearch-py's default pool of one connection made each
    concurrent search open a new one and throw it away."""
    from search.connection import CONNECTIONS_PER_NODE

    connection = opensearch.client.transport.connection_pool.connections[0]
    assert connection.pool.pool.maxsize == CONNECTIONS_PER_NODE == 10  # urllib3 pool, its queue


def test_wagtail_admin_search_uses_the_opensearch2_backend(
    opensearch, known_catalogue, settings, client, django_user_model
):
    prefix = f"{opensearch.config.prefix}-wagtail-"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch2",
            "URLS": [OPENSEARCH_URL],
            "INDEX_PREFIX": prefix,
        }
    }
    try:
        call_command("update_index", stdout=StringIO())
        opensearch.client.indices.refresh(index=f"{prefix}*")
        admin = django_user_model.objects.create_superuser("admin@example.org", "pw")
        client.force_login(admin)

        # The admin searches as you type (Wagtail's autocomplete on edge n-grams).
        answer = client.get("/admin/pages/search/?q=financ")

        assert answer.status_code == 200
        assert "Mathématiques financières appliquées" in answer.content.decode()
        assert "Introduction à la programmation Python" not in answer.content.decode()
        assert opensearch.indices_with_prefix(prefix)
    finally:
        for name in opensearch.indices_with_prefix(prefix):
            opensearch.delete_index(name)


def test_the_engines_time_is_its_took(opensearch, known_catalogue):
    found = run("q=calcul")

    assert found.count == 2
    assert isinstance(found.engine_ms, int)
    assert found.engine_ms >= 0
    with override_settings(APOP_SEARCH={**settings.APOP_SEARCH, "URL": ""}):
        assert run("q=calcul").engine_ms is None  # the database answered


def test_the_engines_time_counts_the_did_you_mean_check(db):
    """The check of a did-you-mean is a second request: both requests' `took` are the time."""
    params = parse_params(QueryDict("q=nathematiques"))
    nothing = SearchResult(params, 0, [], {}, did_you_mean="mathématiques", engine_ms=5)
    corrected = SearchResult(params, 4, [], {}, engine_ms=3)

    checked = service._checked_suggestion(nothing, lambda _params: corrected)

    assert checked.engine_ms == 8
    assert checked.did_you_mean == "mathématiques"
