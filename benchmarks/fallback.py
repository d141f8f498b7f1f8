"""The database search (the embedded default, and the fallback when the engine is down) under
the fixed workload, in process: no HTTP, no engine.

    DJANGO_SETTINGS_MODULE=benchmarks.settings DATABASE_URL=postgres://…/apop_bench_fallback \\
        OPENSEARCH_URL= ELASTICSEARCH_URL= nice -n 10 .venv/bin/python -m benchmarks.fallback \\
        --count 100000 [--requests 200] [--out benchmarks/results/<date>-fallback-pg]

The database must hold a generated catalogue of `--count` resources with its folded text
(`python -m benchmarks.generate --count N --index` without an engine: `--index` then builds the
folded text only) and look like a throwaway one (benchmarks.database.check_throwaway): the
search itself writes nothing, but a benchmark database is never the real one.

Each request of benchmarks/workload.py becomes SearchParams as the search API makes them
(`parse_params(…, allow_page_size=True)`, in the answer's language), then `service.search()`
is timed: with no engine configured that is `search.database.run_search()` and, for a search
that finds nothing, the did-you-mean check the API makes too. After a warm-up (every distinct
request twice), `--requests` timed searches per category; then each distinct request once more
with its SQL captured: the queries per search, and the share of the time spent in SQL.

Prints the Markdown table (`--json`: and the figures as JSON); `--out STEM` writes STEM.json
and STEM.md."""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

if __name__ == "__main__":  # run as a script: the repository on the path, Django set up
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()

from django.db import connection  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from benchmarks import report  # noqa: E402
from benchmarks.catalogue import DEFAULT_SEED  # noqa: E402
from benchmarks.database import check_throwaway  # noqa: E402
from benchmarks.measures.search_latency import CATEGORY_LABELS  # noqa: E402
from benchmarks.workload import (  # noqa: E402
    CATEGORIES,
    MIN_REQUESTS,
    VARIANTS,
    distinct_requests,
    workload,
)
from search import service  # noqa: E402
from search.answers import answer_language  # noqa: E402
from search.connection import get_engine  # noqa: E402
from search.params import SearchParams, parse_params  # noqa: E402
from search.sources import published_resources  # noqa: E402

WARMUP_PASSES = 2
TARGET_P95_MS = {"postgresql": 300, "sqlite": 500}  # issue 19: at 100,000 and 10,000


def _prepared(path: str) -> tuple[str, SearchParams]:
    """(language, params) of a workload URL, as the search API reads them."""
    data = QueryDict(urlsplit(path).query)
    language = answer_language(data)
    with translation.override(language):
        return language, parse_params(data, allow_page_size=True)


def _search(language: str, params: SearchParams) -> float:
    with translation.override(language):
        started = time.perf_counter()
        service.search(params)
        return (time.perf_counter() - started) * 1000


def _queries(prepared: dict, distinct) -> dict[str, dict]:
    """Per category: SQL queries per search (min, max) and the share of time spent in SQL."""
    found: dict[str, dict] = {}
    for request in distinct:
        language, params = prepared[request.path]
        with CaptureQueriesContext(connection) as captured:
            total = _search(language, params)
        sql = sum(float(query["time"]) for query in captured.captured_queries) * 1000
        figures = found.setdefault(request.category, {"counts": [], "sql_share": []})
        figures["counts"].append(len(captured.captured_queries))
        figures["sql_share"].append(sql / total if total else 0)
    return {
        category: {
            "min": min(figures["counts"]),
            "max": max(figures["counts"]),
            "sql_share": round(statistics.fmean(figures["sql_share"]), 2),
        }
        for category, figures in found.items()
    }


def _database_version() -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return connection.display_name


def measure(count: int, seed: int, requests: int, variants: int) -> dict:
    if get_engine() is not None:
        raise SystemExit("An engine is configured: set OPENSEARCH_URL= and ELASTICSEARCH_URL=.")
    published = published_resources().count()
    if published < count:
        raise SystemExit(f"The database holds {published:,} published resources, not {count:,}.")
    distinct = distinct_requests(count, seed, variants)
    prepared = {request.path: _prepared(request.path) for request in distinct}
    for _ in range(WARMUP_PASSES):
        for request in distinct:
            _search(*prepared[request.path])
    timings: dict[str, list[float]] = {}
    for request in workload(count, seed, requests, variants):
        timings.setdefault(request.category, []).append(_search(*prepared[request.path]))
    latency = {category: report.latency(timings[category]) for category in CATEGORIES}
    latency["all"] = report.latency([value for values in timings.values() for value in values])
    vendor = connection.vendor
    return {
        "database": _database_version(),
        "vendor": vendor,
        "resources": published,
        "seed": seed,
        "variants": variants,
        "warmup_passes": WARMUP_PASSES,
        "target_p95_ms": TARGET_P95_MS.get(vendor),
        "load_average": round(os.getloadavg()[0], 2),
        "latency": latency,
        "queries": _queries(prepared, distinct),
    }


def markdown(figures: dict, title: str = "") -> str:
    queries = figures["queries"]
    lines = [
        f"### {title or 'Database search'}: {figures['resources']:,} resources on "
        f"{figures['database']}",
        "",
        "In process (`service.search()` with no engine: `search.database.run_search()`), one "
        f"search at a time after {figures['warmup_passes']} warm-up passes; load average "
        f"{figures['load_average']} at the end; target p95 ≤ {figures['target_p95_ms']} ms.",
        "",
        *(
            [
                "Time in SQL is the statements' execution as Django records it: SQLite computes "
                "rows while they are read, so on SQLite it understates.",
                "",
            ]
            if figures["vendor"] == "sqlite"
            else []
        ),
        "| request | searches | p50 ms | p95 ms | p99 ms | max ms | SQL queries | time in SQL |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for category, latency in figures["latency"].items():
        counted = queries.get(category)
        sql = share = ""  # the "all" row: per category only
        if counted:
            sql = str(counted["min"])
            if counted["max"] != counted["min"]:
                sql += f"–{counted['max']}"
            share = f"{counted['sql_share']:.0%}"
        lines.append(
            f"| {CATEGORY_LABELS.get(category, category)} | {latency['requests']} | "
            f"{latency['p50']} | {latency['p95']} | {latency['p99']} | {latency['max']} | "
            f"{sql} | {share} |"
        )
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True, help="resources in the database")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--requests", type=int, default=MIN_REQUESTS, help="per category")
    parser.add_argument("--variants", type=int, default=VARIANTS, help="distinct URLs per category")
    parser.add_argument("--out", type=Path, help="write STEM.json and STEM.md")
    parser.add_argument("--title", default="", help="the Markdown table's title")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    options = parser.parse_args(argv)
    check_throwaway()
    figures = measure(options.count, options.seed, options.requests, options.variants)
    table = markdown(figures, options.title)
    if options.out:
        options.out.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(figures, indent=2, ensure_ascii=False) + "\n"
        options.out.with_suffix(".json").write_text(text, encoding="utf-8")
        options.out.with_suffix(".md").write_text(table, encoding="utf-8")
    print(table)
    if options.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
