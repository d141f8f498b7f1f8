"""The benchmark harness (`make bench`, `make bench-full`; benchmarks/README.md):

    .venv/bin/python -m benchmarks.run --count 10000

1. a database of its own, `apop_bench_<N>`, on the PostgreSQL server DATABASE_URL names; the
   product's migrations and site structure (`migrate`, `load_demo --structure-only`);
   two buckets of its own on the S3 server (APOP_TEST_S3_*) for the files, and stripe-mock
   (APOP_TEST_STRIPE_MOCK_URL) for the payments;
2. N generated resources (benchmarks/generate.py), then a full index rebuild on the OpenSearch
   node (OPENSEARCH_URL, else APOP_TEST_OPENSEARCH_URL of `scripts/services.sh env`) under an
   index prefix of its own;
3. the product under gunicorn on 127.0.0.1 (benchmarks/settings.py), and each measurement of
   benchmarks/measures/ (`--only` chooses some), mostly through real HTTP;
4. benchmarks/results/<date>-<N>.json and .md (benchmarks/report.py), the table printed;
5. whatever happens, the database, the indices, the buckets and the folder removed (--keep leaves
   them, and prints how to reach them).

benchmarks/measures/__init__.py says what a measurement is."""

import argparse
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

if __package__ in (None, ""):  # `python benchmarks/run.py`: the repository on the path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import report  # noqa: E402
from benchmarks.catalogue import DEFAULT_SEED  # noqa: E402
from benchmarks.database import (  # noqa: E402
    S3Buckets,
    Scratch,
    SearchIndices,
    ThrowawayDatabase,
)
from benchmarks.harness import (  # noqa: E402
    REPO,
    THREADS,
    WORKERS,
    BenchError,
    Options,
    Run,
    Server,
    step,
)
from benchmarks.measures import MODULES  # noqa: E402
from benchmarks.workload import MIN_REQUESTS, VARIANTS  # noqa: E402


def _engine_url() -> str:
    url = os.environ.get("OPENSEARCH_URL") or os.environ.get("APOP_TEST_OPENSEARCH_URL")
    if not url:
        raise BenchError(
            "No OpenSearch node: start the services (`make services`) and export what "
            "`scripts/services.sh env` prints, or set OPENSEARCH_URL."
        )
    return url.rstrip("/")


SERVICES_MISSING = (
    "start the services (`make services`) and export what `scripts/services.sh env` prints"
)


def _buckets(suffix: str) -> S3Buckets:
    """The run's buckets on the S3 server of `scripts/services.sh` (APOP_TEST_S3_*)."""
    endpoint = os.environ.get("APOP_TEST_S3_ENDPOINT", "")
    if not endpoint:
        raise BenchError(f"No S3 server (APOP_TEST_S3_ENDPOINT): {SERVICES_MISSING}.")
    return S3Buckets(
        endpoint=endpoint.rstrip("/"),
        access_key=os.environ.get("APOP_TEST_S3_ACCESS_KEY", ""),
        secret_key=os.environ.get("APOP_TEST_S3_SECRET_KEY", ""),
        region=os.environ.get("APOP_TEST_S3_REGION", "ca-central-1"),
        prefix=f"apop-bench-{suffix.replace('_', '-')}",
    )


def _stripe_url() -> str:
    url = os.environ.get("APOP_TEST_STRIPE_MOCK_URL", "")
    if not url:
        raise BenchError(f"No stripe-mock (APOP_TEST_STRIPE_MOCK_URL): {SERVICES_MISSING}.")
    return url.rstrip("/")


def _create_buckets(scratch: Scratch) -> None:
    buckets = scratch.buckets
    try:
        buckets.create()
    except Exception as error:  # botocore's connection and client errors alike
        scratch.buckets = None  # nothing made there: nothing to remove
        raise BenchError(
            f"The S3 server {buckets.endpoint} did not make the run's buckets ({error}): "
            f"{SERVICES_MISSING}."
        ) from error


def _versions(database: ThrowawayDatabase, engine_url: str) -> tuple[str, str]:
    import requests

    rows = database._execute("SHOW server_version")
    info = requests.get(engine_url, timeout=10).json()
    kind = "OpenSearch" if info["version"].get("distribution") == "opensearch" else "Elasticsearch"
    return f"PostgreSQL {rows[0][0].split()[0]}", f"{kind} {info['version']['number']}"


def _commit() -> str:
    completed = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    )
    return completed.stdout.strip()


def _selected(options: Options) -> tuple:
    names = [module.NAME for module in MODULES]
    unknown = sorted(set(options.only) - set(names))
    if unknown:
        raise BenchError(f"unknown measurement {', '.join(unknown)} (known: {', '.join(names)})")
    return tuple(m for m in MODULES if not options.only or m.NAME in options.only)


def run(options: Options) -> dict:
    """Everything of one run; the results dict (also written to options.results)."""
    modules = _selected(options)
    server_url = os.environ.get("DATABASE_URL", "")
    engine_url = _engine_url()
    suffix = f"{options.count}_{os.getpid()}"
    database = ThrowawayDatabase(server_url, f"apop_bench_{suffix}")
    buckets = _buckets(suffix)
    scratch = Scratch(
        database,
        SearchIndices(engine_url, f"bench-{suffix.replace('_', '-')}"),
        buckets=buckets,
        stripe_url=_stripe_url(),
    )
    env = {**os.environ, **scratch.environment()}
    python = [sys.executable]
    load_before = round(os.getloadavg()[0], 2)
    server = Server(env, options.workers, options.threads, scratch.folder / "gunicorn.log")
    current = Run(options, env, engine_url=engine_url, index_prefix=scratch.indices.prefix)
    current.folder = scratch.folder
    try:
        database.create()
        _create_buckets(scratch)
        versions = _versions(database, engine_url)
        step("migrate", [*python, "manage.py", "migrate", "--noinput", "-v0"], env)
        step("site structure", [*python, "manage.py", "load_demo", "--structure-only"], env)
        command = [*python, "-m", "benchmarks.generate", "--count", str(options.count)]
        command += ["--seed", str(options.seed), "--index", "--json"]
        prepared = json.loads(step(f"{options.count:,} resources, index", command, env, True))
        print("[bench] gunicorn", file=sys.stderr, flush=True)
        server.start()
        current.base_url, current.server = server.url, server
        for module in modules:
            print(f"[bench] measuring: {module.NAME}", file=sys.stderr, flush=True)
            current.figures[module.NAME] = module.measure(current)
    finally:
        server.stop()
        if options.keep:
            print(
                f"[bench] kept: database {database.name}, index prefix "
                f"{scratch.indices.prefix}, buckets {buckets.private} and "
                f"{buckets.public}, folder {scratch.folder}",
                file=sys.stderr,
            )
        else:
            for problem in scratch.remove():
                print(f"[bench] NOT REMOVED: {problem}", file=sys.stderr)
    results = {
        "run": {
            "date": datetime.now(ZoneInfo("America/Toronto")).date().isoformat(),
            "resources": options.count,
            "seed": options.seed,
            "commit": _commit(),
            "cores": os.cpu_count(),
            "load_before": load_before,
            "load_after": round(os.getloadavg()[0], 2),
            "requests_per_figure": options.requests,
        },
        **prepared,
        "server": {
            "workers": options.workers,
            "threads": options.threads,
            "worker_class": "gthread",
            "database": versions[0],
            "engine": versions[1],
        },
        **current.figures,
    }
    report.write(results, options.results)
    return results


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Benchmark the product at N resources.")
    parser.add_argument("--count", type=int, required=True, help="resources to generate")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--requests",
        type=int,
        default=MIN_REQUESTS,
        help=f"timed requests per figure (at least {MIN_REQUESTS} for figures to quote)",
    )
    parser.add_argument("--variants", type=int, default=VARIANTS, help="distinct URLs per category")
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument("--threads", type=int, default=THREADS)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of each load")
    parser.add_argument("--results", type=Path, default=report.RESULTS)
    parser.add_argument("--keep", action="store_true", help="leave the database and indices")
    parser.add_argument(
        "--only",
        type=lambda value: tuple(name for name in value.split(",") if name),
        default=(),
        help="comma-separated measurement names (default: all of them)",
    )
    options = Options(**vars(parser.parse_args(argv)))
    try:
        results = run(options)
    except BenchError as error:
        sys.exit(f"[bench] {error}")
    print(report.markdown(results))


if __name__ == "__main__":
    main()
