"""The database search's benchmark (benchmarks/fallback.py): a tiny run on the test database,
its refusals, its table."""

import pytest

from benchmarks import fallback
from benchmarks.workload import CATEGORIES
from resources.models import ResourceIndexPage
from tests.factories import build_resource


@pytest.fixture
def database_search(settings, db):
    settings.APOP_SEARCH = {**settings.APOP_SEARCH, "ENGINE": "", "URL": ""}
    catalogue = ResourceIndexPage.objects.get()
    build_resource(catalogue, "Dérivées et limites")
    build_resource(catalogue, "Conversation en classe")


def test_a_tiny_run_times_every_category_and_counts_its_queries(database_search):
    figures = fallback.measure(count=2, seed=19, requests=3, variants=1)

    assert list(figures["latency"]) == [*CATEGORIES, "all"]
    assert all(figures["latency"][category]["requests"] == 3 for category in CATEGORIES)
    assert figures["latency"]["all"]["requests"] == 3 * len(CATEGORIES)
    assert set(figures["queries"]) == set(CATEGORIES)
    assert all(counted["min"] >= 1 for counted in figures["queries"].values())
    assert figures["resources"] == 2
    assert figures["target_p95_ms"] == {"postgresql": 300, "sqlite": 500}[figures["vendor"]]
    table = fallback.markdown(figures, "Tiny")
    assert table.startswith("### Tiny: 2 resources on ")
    assert "| misspelt word | 3 |" in table


def test_it_refuses_a_catalogue_smaller_than_asked(database_search):
    with pytest.raises(SystemExit, match="holds 2 published resources, not 3"):
        fallback.measure(count=3, seed=19, requests=3, variants=1)


def test_it_refuses_to_run_with_an_engine_configured(settings, db):
    settings.APOP_SEARCH = {**settings.APOP_SEARCH, "ENGINE": "opensearch", "URL": "http://x"}

    with pytest.raises(SystemExit, match="An engine is configured"):
        fallback.measure(count=1, seed=19, requests=3, variants=1)


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_it_refuses_a_database_that_is_not_a_throwaway_one(settings, monkeypatch):
    monkeypatch.delenv("BENCH_ALLOW_WRITES", raising=False)
    settings.DATABASES = {"default": {**settings.DATABASES["default"], "NAME": "apop"}}

    with pytest.raises(SystemExit, match="does not look like a throwaway one"):
        fallback.main(["--count", "1"])
