"""Side by side, in the same run, on the same data, with the same queries (issue 19, point 3):

- ours: the search API /api/v1/search (one engine request with every facet);
- Wagtail: the same page written with Wagtail's own search API on the same engine
  (benchmarks/wagtail_page.py: .search(), Django's paginator, one .facet() per facet), served
  by the same gunicorn at /bench/wagtail-search, after Wagtail's index is built
  (benchmarks/wagtail_index.py, timed: a side figure);
- fallback: our database implementation on PostgreSQL, the same API URLs answered by a second
  gunicorn started without an engine (OPENSEARCH_URL empty), on the same database;

and our overhead over the engine: for our requests, the engine's own time (its `took`, which
the API sends as `Server-Timing: engine;dur=…`) against the server's time (the bench
middleware's `app;dur`) and the client's."""

import re
import sys

from benchmarks import report
from benchmarks.harness import BenchError, Run, Server, timed
from benchmarks.measures.search_latency import CATEGORY_LABELS, WARMUP_PASSES
from benchmarks.workload import API, distinct_requests, workload

NAME = "compare"
WAGTAIL_SEARCH = "/bench/wagtail-search"  # benchmarks/urls.py
# What every implementation answers the same way: words and facets.
CATEGORIES = ("keyword", "keyword_facets", "facets", "empty")
LEFT_OUT = {
    "misspelt": "Wagtail's page has no did-you-mean (the engine's typo tolerance is ours)",
    "price_sort": "a sort of the same page: left out to compare the faceted search itself",
    "deep_page": "an offset of the same page: left out for the same reason",
}
# Categories without words: every implementation must find exactly as many resources.
WITHOUT_WORDS = ("facets", "empty")
IMPLEMENTATIONS = ("ours", "wagtail", "fallback")
LABELS = {"ours": "ours", "wagtail": "Wagtail", "fallback": "fallback"}
TARGETS = {  # at 100,000 resources on the 2-core machine (issue 19)
    "wagtail_over_ours_p95": "≥ 3×",
    "fallback_over_ours_p95": "≥ 10×",
    "fallback_p95": "≤ 300 ms",
    "overhead_p95": "≤ 10 ms",
}
_TIMING = re.compile(r"\s*([\w-]+)\s*;\s*dur=([0-9.]+)")


def server_timing(header: str) -> dict[str, float]:
    """{"engine": 7.0, "app": 12.34} from « engine;dur=7, app;dur=12.34 »."""
    found = {}
    for entry in header.split(","):
        if match := _TIMING.match(entry):
            found[match.group(1)] = float(match.group(2))
    return found


def ratio(slower: float, faster: float) -> float | None:
    """How many times `faster` is faster (2 decimals); None without a time to divide by."""
    return round(slower / faster, 2) if faster > 0 else None


def ratios(latency: dict[str, dict]) -> dict[str, dict]:
    """Per category, Wagtail's and the fallback's p50 and p95 over ours."""
    return {
        category: {
            f"{other}_over_ours_{cut}": ratio(
                latency[other][category][cut], latency["ours"][category][cut]
            )
            for other in ("wagtail", "fallback")
            for cut in ("p50", "p95")
        }
        for category in latency["ours"]
    }


def overhead(samples: list[tuple[float, float, float]]) -> dict:
    """From (engine took, server time, client time) in ms: each one's figures, and ours
    (server − took) and the transport's (client − server)."""
    return {
        "took": report.latency([took for took, _server, _client in samples]),
        "server": report.latency([server for _took, server, _client in samples]),
        "client": report.latency([client for _took, _server, client in samples]),
        "overhead": report.latency([server - took for took, server, _client in samples]),
        "transport": report.latency([client - server for _took, server, client in samples]),
    }


class _Client:
    """One implementation through HTTP: one keep-alive session, every answer checked."""

    def __init__(self, name: str, base_url: str, endpoint: str):
        import requests

        self.name, self.base_url, self.endpoint = name, base_url, endpoint
        self.session = requests.Session()

    def get(self, path: str) -> tuple[float, dict, dict]:
        """(client ms, Server-Timing entries, the answer with `queries` and `engine_requests`)."""
        url = f"{self.base_url}{self.endpoint}{path[len(API) :]}"
        elapsed, response = timed(self.session, url)
        if response.status_code != 200:
            raise BenchError(f"{self.name}: {url} answered {response.status_code}")
        answer = response.json()
        if answer.get("degraded"):
            raise BenchError(f"{self.name}: {url} answered degraded")
        timing = server_timing(response.headers.get("Server-Timing", ""))
        if self.name == "ours" and "engine" not in timing:
            raise BenchError(f"ours: {url} has no engine time (did the engine answer?)")
        answer["queries"] = int(response.headers["X-Queries"])
        answer["engine_requests"] = int(response.headers.get("X-Engine-Requests", 0))
        return elapsed, timing, answer


def _check_same_catalogue(category: str, path: str, answers: dict[str, dict]) -> None:
    ours = answers["ours"]["count"]
    if category in WITHOUT_WORDS:
        for name in ("wagtail", "fallback"):
            if answers[name]["count"] != ours:
                raise BenchError(
                    f"{name} found {answers[name]['count']} for {path}, ours {ours}: "
                    "not the same search"
                )


def _check_words_found(found: dict[str, dict[str, int]]) -> None:
    """With words, the engine also matches titles within two typos (« cellule » finds dozens of
    "cellular" at 100,000) where the database does not, so one URL may rightly find nothing on
    the fallback; a fallback finding nothing for most of them is broken."""
    searched = [path for path, count in found["ours"].items() if count and "q=" in path]
    empty = [path for path in searched if not found["fallback"][path]]
    if searched and len(empty) * 2 > len(searched):
        raise BenchError(
            f"the fallback found nothing for {len(empty)} of {len(searched)} searches with "
            f"words that ours answered (e.g. {empty[0]})"
        )


def _figures(values: dict[str, list[float]]) -> dict:
    figures = {category: report.latency(values[category]) for category in CATEGORIES}
    figures["all"] = report.latency(
        [value for category in CATEGORIES for value in values[category]]
    )
    return figures


def _compare(run: Run, clients: dict[str, _Client]) -> dict:
    options = run.options
    distinct = [
        request
        for request in distinct_requests(options.count, options.seed, options.variants)
        if request.category in CATEGORIES
    ]
    found = {name: {} for name in IMPLEMENTATIONS}
    for _ in range(WARMUP_PASSES):
        for request in distinct:
            answers = {name: client.get(request.path)[2] for name, client in clients.items()}
            _check_same_catalogue(request.category, request.path, answers)
            for name, answer in answers.items():
                found[name][request.path] = answer["count"]
    _check_words_found(found)
    timings = {name: {category: [] for category in CATEGORIES} for name in IMPLEMENTATIONS}
    queries = {name: [] for name in IMPLEMENTATIONS}
    engine_requests = {name: set() for name in IMPLEMENTATIONS}
    samples: dict[str, list[tuple[float, float, float]]] = {c: [] for c in CATEGORIES}
    compared = [
        request
        for request in workload(options.count, options.seed, options.requests, options.variants)
        if request.category in CATEGORIES
    ]
    for number, request in enumerate(compared):
        # Each URL of each implementation in turn, the first one rotating: the engine's caches
        # and the machine's neighbours treat the three alike.
        shift = number % len(IMPLEMENTATIONS)
        for name in IMPLEMENTATIONS[shift:] + IMPLEMENTATIONS[:shift]:
            elapsed, timing, answer = clients[name].get(request.path)
            timings[name][request.category].append(elapsed)
            queries[name].append(answer["queries"])
            engine_requests[name].add(answer["engine_requests"])
            if name == "ours":
                samples[request.category].append((timing["engine"], timing["app"], elapsed))
    latency = {name: _figures(timings[name]) for name in IMPLEMENTATIONS}
    every = [sample for category in CATEGORIES for sample in samples[category]]
    return {
        "latency": latency,
        "queries": {name: {"min": min(q), "max": max(q)} for name, q in queries.items()},
        "engine_requests": {name: max(values) for name, values in engine_requests.items()},
        "found": {
            name: {"urls": len(counts), "empty": sum(1 for c in counts.values() if not c)}
            for name, counts in found.items()
        },
        "ratios": ratios(latency),
        "overhead": {
            **{category: overhead(samples[category]) for category in CATEGORIES},
            "all": overhead(every),
        },
    }


def measure(run: Run) -> dict:
    """Wagtail's index first (timed), a second gunicorn without engine, then the three
    implementations on the compared categories of the workload, one request at a time."""
    options = run.options
    wagtail_index = run.django("benchmarks.wagtail_index")
    env = {**run.env, "OPENSEARCH_URL": "", "ELASTICSEARCH_URL": ""}
    fallback = Server(env, options.workers, options.threads, run.folder / "gunicorn-fallback.log")
    print("[bench] gunicorn without engine (the database fallback)", file=sys.stderr, flush=True)
    fallback.start()
    try:
        clients = {
            "ours": _Client("ours", run.base_url, API),
            "wagtail": _Client("wagtail", run.base_url, WAGTAIL_SEARCH),
            "fallback": _Client("fallback", fallback.url, API),
        }
        compared = _compare(run, clients)
    finally:
        fallback.stop()
    return {
        "categories": list(CATEGORIES),
        "left_out": LEFT_OUT,
        "client": "one client, one request at a time (keep-alive), each URL asked of the three "
        "in turn, the first one rotating",
        "warmup_passes": WARMUP_PASSES,
        "implementations": {
            "ours": f"{API}: one engine request with every facet",
            "wagtail": f"{WAGTAIL_SEARCH}: Wagtail's search API on the same engine "
            "(benchmarks/wagtail_page.py)",
            "fallback": f"{API} on a second gunicorn without engine: the database "
            "implementation on PostgreSQL",
        },
        "wagtail_index": wagtail_index,
        "targets": TARGETS,
        **compared,
    }


def _pair(figures: dict) -> str:
    return f"{figures['p50']} / {figures['p95']}"


def _span(counts: dict) -> str:
    low, high = counts["min"], counts["max"]
    return str(low) if low == high else f"{low}–{high}"


def _ratio_pair(ratios_: dict, other: str) -> str:
    values = [ratios_[f"{other}_over_ours_{cut}"] for cut in ("p50", "p95")]
    return " / ".join("–" if value is None else f"{value}×" for value in values)


def markdown(figures: dict) -> list[str]:
    latency, ratios_ = figures["latency"], figures["ratios"]
    index = figures["wagtail_index"]
    queries = figures["queries"]
    lines = [
        "#### Side by side: ours, Wagtail's search API, our database fallback "
        f"({figures['client']})",
        "",
        "Categories compared: "
        + ", ".join(CATEGORY_LABELS.get(c, c) for c in figures["categories"])
        + f"; left out: {', '.join(figures['left_out'])}. Milliseconds, p50 / p95.",
        "",
        "| category | requests | ours | Wagtail | fallback | Wagtail ÷ ours | fallback ÷ ours |",
        "|---|---|---|---|---|---|---|",
    ]
    for category in [*figures["categories"], "all"]:
        lines.append(
            f"| {CATEGORY_LABELS.get(category, category)} | {latency['ours'][category]['requests']} "
            f"| {_pair(latency['ours'][category])} | {_pair(latency['wagtail'][category])} "
            f"| {_pair(latency['fallback'][category])} | {_ratio_pair(ratios_[category], 'wagtail')} "
            f"| {_ratio_pair(ratios_[category], 'fallback')} |"
        )
    lines += [
        "",
        "SQL queries a request: "
        + ", ".join(f"{LABELS[name]} {_span(queries[name])}" for name in IMPLEMENTATIONS)
        + "; engine requests a page: ours 1 (2 when a did-you-mean is checked), Wagtail "
        f"{figures['engine_requests']['wagtail']}. Wagtail's index built first: "
        f"{index['documents']:,} documents in {index['seconds']:.1f} s "
        f"({index['per_second']:,.0f} documents/s).",
        "",
        "Targets at 100,000 resources: Wagtail ÷ ours p95 "
        f"{TARGETS['wagtail_over_ours_p95']}, fallback ÷ ours p95 "
        f"{TARGETS['fallback_over_ours_p95']}, fallback p95 {TARGETS['fallback_p95']}.",
        "",
        "#### Our overhead over the engine's `took` (ms, p50 / p95; target p95 "
        f"{TARGETS['overhead_p95']})",
        "",
        "| category | requests | engine `took` | server | overhead (server − took) | client |",
        "|---|---|---|---|---|---|",
    ]
    for category, values in figures["overhead"].items():
        lines.append(
            f"| {CATEGORY_LABELS.get(category, category)} | {values['took']['requests']} "
            f"| {_pair(values['took'])} | {_pair(values['server'])} "
            f"| {_pair(values['overhead'])} | {_pair(values['client'])} |"
        )
    return lines
