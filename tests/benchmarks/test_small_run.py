"""One whole small run of the harness (N = 30, every measurement, 3 requests per figure)
against the real PostgreSQL server, OpenSearch node, stripe-mock and S3 server: each
measurement's figures are checked here, and the run must leave nothing behind.

The run is made once for the module (about half a minute); each measurement adds its tests
below, on `small_run`."""

import json
import os

import pytest
from django.conf import settings

from benchmarks.database import SearchIndices, ThrowawayDatabase
from benchmarks.measures import throughput
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


def test_throughput_loads_each_page_at_increasing_connections_on_a_pinned_server(small_run):
    results, folder = small_run
    figures = results["throughput"]
    assert list(figures["pages"]) == ["resource", "search", "home"]
    pages = figures["pages"]
    assert len(pages["resource"]["paths"]) == throughput.RESOURCE_PAGES
    assert all(path.startswith("/fr/ressources/") for path in pages["resource"]["paths"])
    assert all(path.startswith("/api/v1/search") for path in pages["search"]["paths"])
    assert pages["home"]["paths"] == ["/fr/"]
    for page in pages.values():
        # duration=1: the short levels, so that the test takes seconds.
        assert [level["connections"] for level in page["levels"]] == [1, 2]
        for level in page["levels"]:
            assert level["requests"] > 0
            assert level["requests_per_second"] > 0
            assert level["p50"] <= level["p95"] <= level["p99"] <= level["max"]
        assert page["best"] == throughput.best(page["levels"])
    measured = pages["resource"]["best"]["requests_per_second"] if pages["resource"]["best"] else 0
    assert figures["target"] == {
        "page": "resource",
        "requests_per_second": 300,
        "measured": measured,
        "met": measured >= 300,
    }
    # The pinned server (one worker, as the run's) was stopped after the loads.
    memory = figures["workers_memory_after_load"]
    assert len(memory["workers"]) == 1
    assert not os.path.exists(f"/proc/{memory['master']['pid']}")
    if len(os.sched_getaffinity(0)) >= 2:
        assert figures["server"]["cpus"] != figures["client_cpus"]
        assert figures["pinned"].startswith(f"gunicorn on core {figures['server']['cpus']}")
    table = (folder / f"{results['run']['date']}-{COUNT}.md").read_text()
    assert "#### Throughput (wrk 4." in table
    assert "| home page `/fr/` | 2 |" in table


def test_footprint_gives_the_workers_memory_and_the_index_and_database_sizes(small_run):
    results, folder = small_run
    figures = results["footprint"]
    memory = figures["memory"]
    assert len(memory["workers"]) == 1  # the run's server: workers=1
    for process in (memory["master"], *memory["workers"]):
        assert 20 < process["rss_mib"] <= process["peak_rss_mib"]
    product = figures["index"]["product"]
    assert product["documents"] == COUNT
    assert len(product["indices"]) == 1
    assert 0 < product["primary_bytes"] <= product["store_bytes"]
    assert figures["index_bytes_per_resource"] == round(product["primary_bytes"] / COUNT)
    assert figures["database"]["bytes"] > sum(figures["database"]["largest_tables"].values()) > 0
    assert len(figures["database"]["largest_tables"]) == 5
    table = (folder / f"{results['run']['date']}-{COUNT}.md").read_text()
    assert "| worker 1 |" in table
    assert "| product's index (primaries; all copies" in table
    # Measured last: after every other measurement.
    assert list(results)[-1] == "footprint"
