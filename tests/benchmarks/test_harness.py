"""The benchmark harness: its percentiles, its throwaway database and indices (the whole small run
is in test_small_run.py)."""

import os

import pytest
import requests

from benchmarks import report
from benchmarks.database import Scratch, SearchIndices, ThrowawayDatabase, check_throwaway
from tests.benchmarks.helpers import buckets, server_url
from tests.conftest import S3_ENDPOINT
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


def test_only_benchmark_databases_on_postgresql_are_accepted():
    with pytest.raises(ValueError, match="not a benchmark database"):
        ThrowawayDatabase("postgres://apop@127.0.0.1:5432/apop", "apop")
    with pytest.raises(SystemExit, match="PostgreSQL"):
        ThrowawayDatabase("sqlite:////tmp/x.sqlite3", "apop_bench_1")


def test_only_benchmark_bucket_prefixes_are_accepted():
    with pytest.raises(ValueError, match="not a benchmark bucket prefix"):
        buckets("apop-private")


@pytest.mark.postgres
def test_scratch_removes_its_database_indices_buckets_and_folder():
    if not (OPENSEARCH_URL and S3_ENDPOINT):
        pytest.skip("The OpenSearch node or the S3 server is not running (scripts/services.sh)")
    database = ThrowawayDatabase(server_url(), f"apop_bench_test_{os.getpid()}")
    scratch = Scratch(
        database,
        SearchIndices(OPENSEARCH_URL, f"bench-test-{os.getpid()}"),
        buckets=buckets(f"apop-bench-test-{os.getpid()}"),
        stripe_url="http://127.0.0.1:12111",
    )
    database.create()
    requests.put(f"{OPENSEARCH_URL}/{scratch.indices.prefix}-resources-1", timeout=30)
    scratch.buckets.create()
    scratch.buckets._client().put_object(
        Bucket=scratch.buckets.private, Key="resources/a.pdf", Body=b"%PDF-1.4"
    )
    (scratch.folder / "private").mkdir()
    assert database.exists()
    assert scratch.indices.names()
    assert scratch.buckets.names() == [scratch.buckets.private, scratch.buckets.public]
    environment = scratch.environment()
    assert environment["DATABASE_URL"].endswith(f"/{database.name}")
    assert environment["S3_PRIVATE_BUCKET"] == f"apop-bench-test-{os.getpid()}-private"
    assert environment["S3_ENDPOINT_URL"] == S3_ENDPOINT
    assert environment["STRIPE_API_BASE"] == "http://127.0.0.1:12111"
    assert environment["STRIPE_WEBHOOK_SECRET"] == scratch.webhook_secret

    assert scratch.remove() == []
    assert not database.exists()
    assert scratch.indices.names() == []
    assert scratch.buckets.names() == []
    assert not scratch.folder.exists()


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_only_throwaway_databases_take_generated_rows(settings, monkeypatch, tmp_path):
    monkeypatch.delenv("BENCH_ALLOW_WRITES", raising=False)
    monkeypatch.chdir(tmp_path)  # a checkout under /tmp: a server's database name is no path
    postgres = "django.db.backends.postgresql"
    settings.DATABASES = {"default": {"ENGINE": postgres, "NAME": "apop"}}
    with pytest.raises(SystemExit, match="'apop' does not look like a throwaway one"):
        check_throwaway()
    settings.DATABASES = {"default": {"ENGINE": postgres, "NAME": "apop_bench_1"}}
    check_throwaway()
    sqlite = "django.db.backends.sqlite3"
    settings.DATABASES = {"default": {"ENGINE": sqlite, "NAME": str(tmp_path / "apop.sqlite3")}}
    check_throwaway()  # a file in the temporary directory
    settings.DATABASES = {"default": {"ENGINE": sqlite, "NAME": "/srv/apop/db.sqlite3"}}
    with pytest.raises(SystemExit, match="does not look like a throwaway one"):
        check_throwaway()
