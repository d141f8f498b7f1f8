"""The benchmark harness: its percentiles, its throwaway database and indices (the whole small run
is in test_small_run.py)."""

import os

import pytest
import requests
from django.conf import settings

from benchmarks import report
from benchmarks.database import Scratch, SearchIndices, ThrowawayDatabase
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
