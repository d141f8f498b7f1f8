"""What the measurements of a run share (benchmarks/run.py makes it, benchmarks/measures/ use
it): the options, the run's environment (its own database, index prefix and folder), the
product served by gunicorn, and a way to run a Django script of the product in that
environment. Nothing here imports Django's models: the harness drives the product through
subprocesses and HTTP."""

import json
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import report
from benchmarks.catalogue import DEFAULT_SEED
from benchmarks.workload import MIN_REQUESTS, VARIANTS

REPO = Path(__file__).resolve().parent.parent
WORKERS, THREADS = 2, 4  # one gunicorn worker per core of the 2-core machine


class BenchError(Exception):
    """A step of the run failed (its message says which and why)."""


@dataclass
class Options:
    count: int
    seed: int = DEFAULT_SEED
    requests: int = MIN_REQUESTS  # per category, or per page measured
    variants: int = VARIANTS  # distinct URLs per category
    workers: int = WORKERS
    threads: int = THREADS
    duration: float = 10.0  # seconds of each throughput load
    results: Path = report.RESULTS
    keep: bool = False
    only: tuple[str, ...] = ()  # measurement names; empty: all of them


@dataclass
class Run:
    """What the measurements share: the options, the environment and the served product."""

    options: Options
    env: dict[str, str]
    base_url: str = ""
    engine_url: str = ""
    index_prefix: str = ""
    folder: Path = REPO
    server: "Server | None" = None
    figures: dict = field(default_factory=dict)

    def django(self, module: str, *args: str) -> dict:
        """Run `python -m <module> <args>` with the run's settings; the JSON it prints last."""
        output = step(module, [sys.executable, "-m", module, *args], self.env, capture=True)
        return json.loads(output.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def timed(session, url: str, method: str = "GET", **kwargs):
    """(milliseconds until the whole answer is read, the answer) of one request of a
    requests.Session, redirects not followed: what every measurement times."""
    started = time.perf_counter()
    response = session.request(method, url, timeout=60, allow_redirects=False, **kwargs)
    response.content  # noqa: B018 -- read the body within the time
    return (time.perf_counter() - started) * 1000, response


def step(what: str, command: list[str], env: dict, capture: bool = False) -> str:
    print(f"[bench] {what}", file=sys.stderr, flush=True)
    completed = subprocess.run(
        command, cwd=REPO, env=env, text=True, stdout=subprocess.PIPE if capture else None
    )
    if completed.returncode != 0:
        raise BenchError(f"{what} failed (exit status {completed.returncode})")
    return completed.stdout or ""


class Server:
    """The product under gunicorn (gthread workers) on a free port of 127.0.0.1; `cpus` pins it
    (taskset) to those cores."""

    def __init__(self, env: dict, workers: int, threads: int, log: Path, cpus: str = ""):
        self.port = free_port()
        self.log = log
        self.command = [
            sys.executable,
            "-m",
            "gunicorn",
            "apop.wsgi:application",
            "--config",
            str(REPO / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--timeout",
            "120",
            "--preload",
            "--error-logfile",
            str(log),
        ]
        if cpus:
            self.command = ["taskset", "--cpu-list", cpus, *self.command]
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
            except (requests.ConnectionError, requests.Timeout):
                pass  # not listening yet, or a loaded machine: until the deadline
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
