"""Figures of a run: latency percentiles, the results file (benchmarks/results/<date>-<N>.json)
and its Markdown table (same name, .md), which `make bench` also prints."""

import json
import statistics
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
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


def latency(timings_ms: list[float]) -> dict:
    """p50, p95, p99, mean and max in ms ("inclusive" quantiles: never above the maximum)."""
    if len(timings_ms) < 2:
        raise ValueError("at least two timings are needed for percentiles")
    cuts = statistics.quantiles(timings_ms, n=100, method="inclusive")
    return {
        "requests": len(timings_ms),
        "p50": round(statistics.median(timings_ms), 2),
        "p95": round(cuts[94], 2),
        "p99": round(cuts[98], 2),
        "mean": round(statistics.fmean(timings_ms), 2),
        "max": round(max(timings_ms), 2),
    }


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number > 1 else ''}"


def markdown(results: dict) -> str:
    """The run's table: one row per category of the workload, then how it was measured."""
    run = results["run"]
    generation = results["generation"]
    index = results["index"]
    server = results["server"]
    lines = [
        f"### {run['date']}, {run['resources']:,} resources (seed {run['seed']})",
        "",
        f"Search API `{results['workload']['endpoint']}`, through HTTP against gunicorn "
        f"({_count(server['workers'], 'worker')} × {_count(server['threads'], 'thread')}) on "
        "127.0.0.1, "
        f"{results['workload']['client']}; {server['database']}, {server['engine']}; "
        f"{run['cores']} cores, load average {run['load_before']} before the run.",
        "",
        "| request | requests | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|",
    ]
    for category, figures in results["latency"].items():
        label = CATEGORY_LABELS.get(category, category)
        lines.append(
            f"| {label} | {figures['requests']} | {figures['p50']} | {figures['p95']} | "
            f"{figures['p99']} | {figures['max']} |"
        )
    lines += [
        "",
        f"Generation: {generation['resources']:,} resources in {generation['seconds']:.1f} s "
        f"({generation['per_second']:,.0f} resources/s); index rebuild: "
        f"{index['documents']:,} documents in {index['seconds']:.1f} s "
        f"({index['per_second']:,.0f} documents/s).",
    ]
    return "\n".join(lines) + "\n"


def write(results: dict, folder: Path = RESULTS) -> tuple[Path, Path]:
    """benchmarks/results/<date>-<N>.json and .md; an earlier run of the same day is replaced."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{results['run']['date']}-{results['run']['resources']}"
    data, table = folder / f"{stem}.json", folder / f"{stem}.md"
    data.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    table.write_text(markdown(results), encoding="utf-8")
    return data, table
