"""One whole small run of the harness (N = 30, every measurement, 3 requests per figure)
against the real PostgreSQL server, OpenSearch node, stripe-mock and S3 server: each
measurement's figures are checked here, and the run must leave nothing behind.

The run is made once for the module (a minute or two: the comparison builds Wagtail's index and
starts a second gunicorn); each measurement adds its tests below, on `small_run`."""

import json
import os

import pytest
from django.conf import settings

from benchmarks.database import SearchIndices, ThrowawayDatabase
from benchmarks.measures import compare
from benchmarks.run import Options, run
from benchmarks.workload import CATEGORIES
from tests.faults.services import database_url
from tests.search.helpers import OPENSEARCH_URL

pytestmark = pytest.mark.postgres
COUNT = 30


def _server_url() -> str:
    """The test PostgreSQL server, through its maintenance database."""
    return database_url({**settings.DATABASES["default"], "NAME": "postgres"})


@pytest.fixture(scope="module")
def small_run(tmp_path_factory) -> tuple[dict, object]:
    """(the results, the folder they were written to)."""
    if not OPENSEARCH_URL:
        pytest.skip("The OpenSearch node is not running (scripts/services.sh start)")
    folder = tmp_path_factory.mktemp("results")
    options = Options(
        count=COUNT, requests=3, variants=2, workers=1, threads=2, duration=1, results=folder
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", _server_url())
        patch.setenv("OPENSEARCH_URL", OPENSEARCH_URL)
        return run(options), folder


def test_the_run_writes_its_figures_and_leaves_nothing_behind(small_run):
    results, folder = small_run
    assert results["generation"]["resources"] == COUNT
    assert results["index"]["documents"] == COUNT
    assert results["server"]["workers"] == 1
    assert results["server"]["engine"].startswith("Open")
    stem = f"{results['run']['date']}-{COUNT}"
    assert json.loads((folder / f"{stem}.json").read_text()) == results
    assert "1 worker × 2 threads" in (folder / f"{stem}.md").read_text()
    suffix = f"{COUNT}_{os.getpid()}"
    assert not ThrowawayDatabase(_server_url(), f"apop_bench_{suffix}").exists()
    assert SearchIndices(OPENSEARCH_URL, f"bench-{suffix.replace('_', '-')}").names() == []


def test_search_latency_has_every_category(small_run):
    results, folder = small_run
    categories = results["latency"]["categories"]
    assert list(categories) == [*CATEGORIES, "all"]
    assert categories["all"]["requests"] == 3 * len(CATEGORIES)
    table = (folder / f"{results['run']['date']}-{COUNT}.md").read_text()
    assert "| keyword + 1–3 facets | 3 |" in table


def test_compare_asks_the_same_requests_of_the_three_implementations(small_run):
    results, folder = small_run
    figures = results["compare"]
    compared = list(compare.CATEGORIES)
    assert figures["categories"] == compared
    assert set(figures["left_out"]) == set(CATEGORIES) - set(compared)
    for name in compare.IMPLEMENTATIONS:
        latency = figures["latency"][name]
        assert list(latency) == [*compared, "all"]
        assert [latency[category]["requests"] for category in compared] == [3, 3, 3, 3]
        assert latency["all"]["requests"] == 12
        # The same distinct URLs were checked (same counts without words, never empty where
        # ours found something) during the warm-up.
        assert figures["found"][name]["urls"] == figures["found"]["ours"]["urls"]
    assert figures["engine_requests"] == {"ours": 0, "wagtail": 10, "fallback": 0}
    assert figures["queries"]["wagtail"]["max"] > figures["queries"]["ours"]["max"]
    index = figures["wagtail_index"]
    assert index["resources"] == COUNT
    assert index["documents"] >= COUNT
    assert index["index"].startswith(f"bench-{COUNT}-{os.getpid()}-wagtail-")
    table = (folder / f"{results['run']['date']}-{COUNT}.md").read_text()
    assert "| category | requests | ours | Wagtail | fallback | Wagtail ÷ ours |" in table


def test_compare_ratios_are_the_p50s_and_p95s_divided(small_run):
    figures = small_run[0]["compare"]
    latency = figures["latency"]
    for category, ratios in figures["ratios"].items():
        for other in ("wagtail", "fallback"):
            for cut in ("p50", "p95"):
                expected = round(latency[other][category][cut] / latency["ours"][category][cut], 2)
                assert ratios[f"{other}_over_ours_{cut}"] == expected


def test_compare_overhead_is_within_the_server_time_within_the_clients(small_run):
    results, folder = small_run
    overhead = results["compare"]["overhead"]
    assert list(overhead) == [*compare.CATEGORIES, "all"]
    for figures in overhead.values():
        # Request by request took ≤ server ≤ client: so are their percentiles.
        for cut in ("p50", "p95", "p99", "max"):
            assert 0 <= figures["took"][cut] <= figures["server"][cut] <= figures["client"][cut]
        assert figures["overhead"]["p50"] >= 0
        assert figures["transport"]["p50"] >= 0
    assert overhead["all"]["took"]["requests"] == 12
    table = (folder / f"{results['run']['date']}-{COUNT}.md").read_text()
    assert "| **all of the above** | 12 |" in table
    assert "overhead (server − took)" in table
