"""Throughput: requests/s that the product sustains on the resource page, the search API and the
home page, with wrk (benchmarks/wrk.py) at increasing numbers of connections, and the best of
them whose p95 stays within P95_LIMIT_MS.

The run's own server is not pinned to a core: this measurement starts a second gunicorn (same
environment, same workers and threads) pinned with taskset to one core and runs wrk on the
other, so that the load generator does not take the server's processor time; PostgreSQL and the
search engine run on the same machine, unpinned. The pinned server is stopped afterwards."""

import os
import shutil
from urllib.parse import quote

from benchmarks import wrk
from benchmarks.harness import BenchError, Run, Server
from benchmarks.measures import footprint
from benchmarks.workload import API, distinct_requests

NAME = "throughput"
P95_LIMIT_MS = 100
TARGET = {"page": "resource", "requests_per_second": 300}
LEVELS = (1, 2, 4, 8, 16, 32)
SHORT_LEVELS = (1, 2)  # loads under SHORT_SECONDS (the whole-run test's): seconds, not minutes
SHORT_SECONDS = 5
RESOURCE_PAGES = 8  # distinct resource pages cycled through
SEARCH_VARIANTS = 2  # distinct search URLs per workload category
WARMUP_CONNECTIONS = 4
PAGE_LABELS = {
    "resource": "resource page",
    "search": f"search API `{API}`",
    "home": "home page `/fr/`",
}


def _encoded(path: str) -> str:
    return quote(path, safe="/?=&%+:,;@-._~")


def _paths(run: Run) -> dict[str, list[str]]:
    """The paths of each page: the newest resources' pages (as the search API lists them), a
    few URLs of each category of the search workload, the home page."""
    import requests

    answer = requests.get(
        f"{run.base_url}{API}",
        params={"lang": "fr", "page_size": RESOURCE_PAGES},
        timeout=30,
    ).json()
    resources = [result["url"] for result in answer["results"]]
    if not resources:
        raise BenchError("the search API lists no resource: nothing to load")
    options = run.options
    search = distinct_requests(options.count, options.seed, SEARCH_VARIANTS)
    return {
        "resource": [_encoded(url) for url in resources],
        "search": [request.path for request in search],
        "home": ["/fr/"],
    }


def _check(base_url: str, paths: list[str]) -> None:
    """Each path answers 200 (the search API from the engine) before it is loaded."""
    import requests

    for path in paths:
        response = requests.get(f"{base_url}{path}", timeout=30)
        if response.status_code != 200:
            raise BenchError(f"{path} answered {response.status_code}")
        if path.startswith(API) and response.json().get("degraded"):
            raise BenchError(f"{path}: the database fallback answered, not the engine")


def best(levels: list[dict]) -> dict | None:
    """The level with the most requests/s among those with p95 ≤ P95_LIMIT_MS and no error."""
    within = [
        level for level in levels if level["p95"] <= P95_LIMIT_MS and not level["socket_errors"]
    ]
    return max(within, key=lambda level: level["requests_per_second"], default=None)


def _cores() -> tuple[str, str]:
    """(the server's cores, wrk's core): the last core for gunicorn, the first for wrk; none
    pinned on a single core or without taskset."""
    cores = sorted(os.sched_getaffinity(0))
    if len(cores) < 2 or not shutil.which("taskset"):
        return "", ""
    return str(cores[-1]), str(cores[0])


def measure(run: Run) -> dict:
    options = run.options
    tool = wrk.version()
    levels = LEVELS if options.duration >= SHORT_SECONDS else SHORT_LEVELS
    warmup = min(options.duration, 2)
    server_cpus, client_cpus = _cores()
    server = Server(
        run.env, options.workers, options.threads, run.folder / "gunicorn-pinned.log", server_cpus
    )
    pages = {}
    try:
        server.start()
        for page, paths in _paths(run).items():
            _check(server.url, paths)
            # Warm-up: every worker's caches (taxonomies, cached page parts) see every path.
            wrk.run(server.url, paths, WARMUP_CONNECTIONS, warmup, run.folder, client_cpus)
            measured = []
            for connections in levels:
                figures = wrk.run(
                    server.url, paths, connections, options.duration, run.folder, client_cpus
                )
                measured.append({"connections": connections, **figures})
            pages[page] = {"paths": paths, "levels": measured, "best": best(measured)}
        memory = footprint.workers_memory(server.process.pid)
    finally:
        server.stop()
    if server_cpus:
        pinned = (
            f"gunicorn on core {server_cpus}, wrk on core {client_cpus} (taskset); "
            "PostgreSQL and the search engine not pinned"
        )
    else:
        pinned = "nothing pinned (one core, or no taskset)"
    target = pages[TARGET["page"]]["best"]
    return {
        "tool": f"{tool}, 1 thread, keep-alive connections, each sending its next request "
        "when the previous answer arrived",
        "pinned": pinned,
        "server": {"workers": options.workers, "threads": options.threads, "cpus": server_cpus},
        "client_cpus": client_cpus,
        "seconds_per_level": options.duration,
        "warmup_seconds": warmup,
        "p95_limit_ms": P95_LIMIT_MS,
        "pages": pages,
        "target": {
            **TARGET,
            "measured": target["requests_per_second"] if target else 0.0,
            "met": bool(target and target["requests_per_second"] >= TARGET["requests_per_second"]),
        },
        "workers_memory_after_load": memory,
    }


def markdown(figures: dict) -> list[str]:
    lines = [
        f"#### Throughput ({figures['tool']}; {figures['seconds_per_level']:g} s per level "
        f"after a {figures['warmup_seconds']:g} s warm-up)",
        "",
        f"Pinned: {figures['pinned']}. Best: the most requests/s with p95 ≤ "
        f"{figures['p95_limit_ms']} ms and no error.",
        "",
        "| page | connections | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for page, measured in figures["pages"].items():
        best_level = measured["best"]
        for level in measured["levels"]:
            mark = "**" if level == best_level else ""
            lines.append(
                f"| {PAGE_LABELS.get(page, page)} | {level['connections']} | "
                f"{mark}{level['requests_per_second']:,.1f}{mark} | {level['p50']} | "
                f"{level['p95']} | {level['p99']} | {level['max']} | {level['socket_errors']} |"
            )
    lines.append("")
    for page, measured in figures["pages"].items():
        chosen = measured["best"]
        lines.append(
            f"- {PAGE_LABELS.get(page, page)}: "
            + (
                f"**{chosen['requests_per_second']:,.1f} requests/s** at p95 ≤ "
                f"{figures['p95_limit_ms']} ms ({chosen['connections']} connections)"
                if chosen
                else f"no level within p95 ≤ {figures['p95_limit_ms']} ms"
            )
        )
    memory = figures["workers_memory_after_load"]
    lines.append(
        "- the pinned server's resident memory after the loads: workers "
        + ", ".join(f"{worker['rss_mib']} MiB" for worker in memory["workers"])
        + f" (master {memory['master']['rss_mib']} MiB)"
    )
    target = figures["target"]
    verdict = "met" if target["met"] else "missed"
    lines.append(
        f"- target ≥ {target['requests_per_second']} requests/s on the "
        f"{PAGE_LABELS[target['page']]} at p95 ≤ {figures['p95_limit_ms']} ms: "
        f"**{verdict}** ({target['measured']:,.1f})"
    )
    return lines
