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
from benchmarks.measures import pages
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


def test_pages_are_all_measured_with_a_constant_query_count(small_run):
    results, folder = small_run
    figures = results["pages"]["pages"]
    resources = [f"resource_{kind}" for kind in pages.RESOURCE_KINDS]
    assert list(figures) == [
        "home_fr",
        "home_en",
        "resources",
        "discipline",
        "collection",
        "author",
        *resources,
        *(f"{kind}_teacher" for kind in resources),
    ]
    for kind, page in figures.items():
        assert page["latency"]["requests"] == 3, kind
        assert page["server"]["requests"] == 3, kind
        assert page["queries"]["min"] == page["queries"]["max"], kind
        assert page["queries"]["min"] > 0, kind
    assert figures["collection"]["path"] == "/fr/collections/selection-banc-essai/"
    assert figures["resource_paid"]["price_cents"] > 0
    assert figures["resource_plain"]["price_cents"] == 0
    assert len({figures[kind]["path"] for kind in resources}) == len(resources)
    table = (folder / f"{results['run']['date']}-{COUNT}.md").read_text()
    home = figures["home_fr"]
    assert (
        f"| home page /fr/ | 3 | {home['latency']['p50']} | {home['latency']['p95']} | "
        f"{home['latency']['p99']} | {home['queries']['min']} |"
    ) in table


def test_pages_the_teacher_is_signed_in_and_within_the_resource_page_budget(small_run):
    results, _folder = small_run
    figures = results["pages"]["pages"]
    for kind in pages.RESOURCE_KINDS:
        anonymous = figures[f"resource_{kind}"]["queries"]["max"]
        teacher = figures[f"resource_{kind}_teacher"]["queries"]["max"]
        # The session and its user are read: the teacher is signed in (the measurement also
        # checks the rating form), within the budget of 12 queries.
        assert anonymous + 2 <= teacher <= 12, kind
