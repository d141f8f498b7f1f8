"""The benchmark harness (`make bench`, `make bench-full`; benchmarks/README.md):

    .venv/bin/python -m benchmarks.run --count 10000

1. a database of its own, `apop_bench_<N>`, on the PostgreSQL server DATABASE_URL names; the
   product's migrations and site structure (`migrate`, `load_demo --structure-only`);
2. N generated resources (benchmarks/generate.py), then a full index rebuild on the OpenSearch
   node (OPENSEARCH_URL, else APOP_TEST_OPENSEARCH_URL of `scripts/services.sh env`) under an
   index prefix of its own;
3. the product under gunicorn on 127.0.0.1 (benchmarks/settings.py), and each measurement of
   MEASUREMENTS through real HTTP;
4. benchmarks/results/<date>-<N>.json and .md (benchmarks/report.py), the table printed;
5. whatever happens, the database, the indices and the media folder removed (--keep leaves
   them, and prints how to reach them).

A measurement is a function of a Run returning a dict of figures, stored under its name."""

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

if __package__ in (None, ""):  # `python benchmarks/run.py`: the repository on the path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import report  # noqa: E402
from benchmarks.catalogue import DEFAULT_SEED  # noqa: E402
from benchmarks.database import Scratch, SearchIndices, ThrowawayDatabase  # noqa: E402
from benchmarks.workload import (  # noqa: E402
    API,
    CATEGORIES,
    MIN_REQUESTS,
    VARIANTS,
    distinct_requests,
    workload,
)

REPO = Path(__file__).resolve().parent.parent
WORKERS, THREADS = 2, 4  # one gunicorn worker per core of the 2-core machine
WARMUP_PASSES = 2  # every distinct URL twice: both workers' caches see it


class BenchError(Exception):
    """A step of the run failed (its message says which and why)."""


@dataclass
class Options:
    count: int
    seed: int = DEFAULT_SEED
    requests: int = MIN_REQUESTS  # per category
    variants: int = VARIANTS  # distinct URLs per category
    workers: int = WORKERS
    threads: int = THREADS
    results: Path = report.RESULTS
    keep: bool = False


@dataclass
class Run:
    """What the measurements share: the options, the environment and the served product."""

    options: Options
    env: dict[str, str]
    base_url: str = ""
    figures: dict = field(default_factory=dict)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _step(what: str, command: list[str], env: dict, capture: bool = False) -> str:
    print(f"[bench] {what}", file=sys.stderr, flush=True)
    completed = subprocess.run(
        command, cwd=REPO, env=env, text=True, stdout=subprocess.PIPE if capture else None
    )
    if completed.returncode != 0:
        raise BenchError(f"{what} failed (exit status {completed.returncode})")
    return completed.stdout or ""


class Server:
    """The product under gunicorn (gthread workers) on a free port of 127.0.0.1."""

    def __init__(self, env: dict, workers: int, threads: int, log: Path):
        self.port = _free_port()
        self.log = log
        self.command = [
            sys.executable,
            "-m",
            "gunicorn",
            "apop.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            "gthread",
            "--timeout",
            "120",
            "--preload",
            "--error-logfile",
            str(log),
        ]
        self.env = env
        self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90) -> None:
        import requests

        self.process = subprocess.Popen(self.command, cwd=REPO, env=self.env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn stopped at start: see {self.log}")
            try:
                if requests.get(f"{self.url}/healthz", timeout=5).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        raise BenchError(f"gunicorn did not answer /healthz within {timeout:.0f} s")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# --- Measurements --------------------------------------------------------------------------


def search_api_latency(run: Run) -> dict:
    """The mixed workload of benchmarks/workload.py against /api/v1/search, one request at a
    time (one client, keep-alive), after WARMUP_PASSES over every distinct URL; every answer
    must be 200 and come from the engine (not the database fallback)."""
    import requests

    options = run.options
    session = requests.Session()

    def get(path: str) -> float:
        started = time.perf_counter()
        response = session.get(f"{run.base_url}{path}", timeout=30)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise BenchError(f"{path} answered {response.status_code}")
        if response.json().get("degraded"):
            raise BenchError(f"{path}: the database fallback answered, not the engine")
        return elapsed

    distinct = distinct_requests(options.count, options.seed, options.variants)
    for _ in range(WARMUP_PASSES):
        for request in distinct:
            get(request.path)
    timings: dict[str, list[float]] = {}
    for request in workload(options.count, options.seed, options.requests, options.variants):
        timings.setdefault(request.category, []).append(get(request.path))
    figures = {category: report.latency(timings[category]) for category in CATEGORIES}
    figures["all"] = report.latency([value for values in timings.values() for value in values])
    return figures


# name → measurement; the results file holds each under its name.
MEASUREMENTS: dict[str, Callable[[Run], dict]] = {"latency": search_api_latency}


# --- The run ---------------------------------------------------------------------------------


def _engine_url() -> str:
    url = os.environ.get("OPENSEARCH_URL") or os.environ.get("APOP_TEST_OPENSEARCH_URL")
    if not url:
        raise BenchError(
            "No OpenSearch node: start the services (`make services`) and export what "
            "`scripts/services.sh env` prints, or set OPENSEARCH_URL."
        )
    return url.rstrip("/")


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


def run(options: Options) -> dict:
    """Everything of one run; the results dict (also written to options.results)."""
    server_url = os.environ.get("DATABASE_URL", "")
    engine_url = _engine_url()
    suffix = f"{options.count}_{os.getpid()}"
    database = ThrowawayDatabase(server_url, f"apop_bench_{suffix}")
    scratch = Scratch(database, SearchIndices(engine_url, f"bench-{suffix.replace('_', '-')}"))
    env = {**os.environ, **scratch.environment()}
    python = [sys.executable]
    load_before = round(os.getloadavg()[0], 2)
    server = Server(env, options.workers, options.threads, scratch.folder / "gunicorn.log")
    try:
        database.create()
        versions = _versions(database, engine_url)
        _step("migrate", [*python, "manage.py", "migrate", "--noinput", "-v0"], env)
        _step("site structure", [*python, "manage.py", "load_demo", "--structure-only"], env)
        command = [*python, "-m", "benchmarks.generate", "--count", str(options.count)]
        command += ["--seed", str(options.seed), "--index", "--json"]
        prepared = json.loads(_step(f"{options.count:,} resources, index", command, env, True))
        print("[bench] gunicorn", file=sys.stderr, flush=True)
        server.start()
        current = Run(options, env, server.url)
        for name, measure in MEASUREMENTS.items():
            print(f"[bench] measuring: {name}", file=sys.stderr, flush=True)
            current.figures[name] = measure(current)
    finally:
        server.stop()
        if options.keep:
            print(
                f"[bench] kept: database {database.name}, index prefix "
                f"{scratch.indices.prefix}, folder {scratch.folder}",
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
        },
        **prepared,
        "server": {
            "workers": options.workers,
            "threads": options.threads,
            "worker_class": "gthread",
            "database": versions[0],
            "engine": versions[1],
        },
        "workload": {
            "endpoint": API,
            "client": "one client, one request at a time (keep-alive)",
            "per_category": options.requests,
            "variants": options.variants,
            "warmup_passes": WARMUP_PASSES,
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
        help=f"timed requests per category (at least {MIN_REQUESTS} for figures to quote)",
    )
    parser.add_argument("--variants", type=int, default=VARIANTS, help="distinct URLs per category")
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument("--threads", type=int, default=THREADS)
    parser.add_argument("--results", type=Path, default=report.RESULTS)
    parser.add_argument("--keep", action="store_true", help="leave the database and indices")
    options = Options(**vars(parser.parse_args(argv)))
    try:
        results = run(options)
    except BenchError as error:
        sys.exit(f"[bench] {error}")
    print(report.markdown(results))


if __name__ == "__main__":
    main()
