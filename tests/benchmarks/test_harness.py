"""The benchmark harness (benchmarks/run.py): its figures, and a whole small run against the real
PostgreSQL server and OpenSearch node that leaves nothing behind."""

import json
import os

import pytest
import requests
from django.conf import settings

from benchmarks import report
from benchmarks.database import Scratch, SearchIndices, ThrowawayDatabase
from benchmarks.run import Options, run
from benchmarks.workload import CATEGORIES
from tests.faults.services import database_url
from tests.search.helpers import OPENSEARCH_URL


def test_latency_percentiles_are_inclusive_and_in_milliseconds():
    figures = report.latency([float(value) for value in range(1, 201)])
    assert figures == {
        "requests": 200,
        "p50": 100.5,
        "p95": 190.05,
        "p99": 198.01,
        "mean": 100.5,
        "max": 200.0,
    }
    with pytest.raises(ValueError, match="at least two timings"):
        report.latency([1.0])


def _server_url() -> str:
    """The test PostgreSQL server, through its maintenance database."""
    return database_url({**settings.DATABASES["default"], "NAME": "postgres"})


def test_only_benchmark_databases_on_postgresql_are_accepted():
    with pytest.raises(ValueError, match="not a benchmark database"):
        ThrowawayDatabase("postgres://apop@127.0.0.1:5432/apop", "apop")
    with pytest.raises(SystemExit, match="PostgreSQL"):
        ThrowawayDatabase("sqlite:////tmp/x.sqlite3", "apop_bench_1")


@pytest.mark.postgres
def test_scratch_removes_its_database_indices_and_folder():
    if not OPENSEARCH_URL:
        pytest.skip("The OpenSearch node is not running (scripts/services.sh start)")
    database = ThrowawayDatabase(_server_url(), f"apop_bench_test_{os.getpid()}")
    scratch = Scratch(database, SearchIndices(OPENSEARCH_URL, f"bench-test-{os.getpid()}"))
    database.create()
    requests.put(f"{OPENSEARCH_URL}/{scratch.indices.prefix}-resources-1", timeout=30)
    (scratch.folder / "private").mkdir()
    assert database.exists()
    assert scratch.indices.names()
    assert scratch.environment()["DATABASE_URL"].endswith(f"/{database.name}")

    assert scratch.remove() == []
    assert not database.exists()
    assert scratch.indices.names() == []
    assert not scratch.folder.exists()


@pytest.mark.postgres
def test_a_small_run_writes_its_figures_and_leaves_nothing_behind(tmp_path, monkeypatch):
    if not OPENSEARCH_URL:
        pytest.skip("The OpenSearch node is not running (scripts/services.sh start)")
    monkeypatch.setenv("DATABASE_URL", _server_url())
    monkeypatch.setenv("OPENSEARCH_URL", OPENSEARCH_URL)
    options = Options(count=30, requests=3, variants=2, workers=1, threads=2, results=tmp_path)

    results = run(options)

    assert list(results["latency"]["categories"]) == [*CATEGORIES, "all"]
    assert results["latency"]["categories"]["all"]["requests"] == 3 * len(CATEGORIES)
    assert results["generation"]["resources"] == 30
    assert results["index"]["documents"] == 30
    assert results["server"]["workers"] == 1
    assert results["server"]["engine"].startswith("Open")
    stem = f"{results['run']['date']}-30"
    assert json.loads((tmp_path / f"{stem}.json").read_text()) == results
    table = (tmp_path / f"{stem}.md").read_text()
    assert "| keyword + 1–3 facets | 3 |" in table
    assert "1 worker × 2 threads" in table
    suffix = f"30_{os.getpid()}"
    assert not ThrowawayDatabase(_server_url(), f"apop_bench_{suffix}").exists()
    assert SearchIndices(OPENSEARCH_URL, f"bench-{suffix.replace('_', '-')}").names() == []
