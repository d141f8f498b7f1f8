"""The search API's latency under the fixed mixed workload (benchmarks/workload.py)."""

from benchmarks import report
from benchmarks.harness import BenchError, Run, timed
from benchmarks.workload import API, CATEGORIES, distinct_requests, workload

NAME = "latency"
WARMUP_PASSES = 2  # every distinct URL twice: both workers' caches see it
CATEGORY_LABELS = {
    "keyword": "keyword only",
    "keyword_facets": "keyword + 1–3 facets",
    "facets": "1–3 facets only",
    "empty": "empty query (whole catalogue, all facets)",
    "misspelt": "misspelt word",
    "price_sort": "sorted by price",
    "deep_page": "deep page",
    "all": "**all of the above**",
}


def measure(run: Run) -> dict:
    """The mixed workload against /api/v1/search, one request at a time (one client,
    keep-alive), after WARMUP_PASSES over every distinct URL; every answer must be 200 and come
    from the engine (not the database fallback)."""
    import requests

    options = run.options
    session = requests.Session()

    def get(path: str) -> float:
        elapsed, response = timed(session, f"{run.base_url}{path}")
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
    return {
        "endpoint": API,
        "client": "one client, one request at a time (keep-alive)",
        "warmup_passes": WARMUP_PASSES,
        "variants": options.variants,
        "categories": figures,
    }


def markdown(figures: dict) -> list[str]:
    rows = [
        (CATEGORY_LABELS.get(category, category), latency)
        for category, latency in figures["categories"].items()
    ]
    return [
        f"#### Search API `{figures['endpoint']}` ({figures['client']})",
        "",
        *report.latency_table(rows, first="request"),
    ]
