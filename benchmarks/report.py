"""Figures of a run: latency percentiles, the results file (benchmarks/results/<date>-<N>.json)
and its Markdown table (same name, .md), which `make bench` also prints."""

import json
import statistics
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


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


def latency_table(rows: list[tuple[str, dict]], first: str = "request") -> list[str]:
    """A Markdown table of (label, latency figures) rows."""
    lines = [
        f"| {first} | requests | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|",
    ]
    for label, figures in rows:
        lines.append(
            f"| {label} | {figures['requests']} | {figures['p50']} | {figures['p95']} | "
            f"{figures['p99']} | {figures['max']} |"
        )
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number > 1 else ''}"


def markdown(results: dict) -> str:
    """The run's tables: how it was measured, then each measurement's part."""
    from benchmarks.measures import MODULES

    run = results["run"]
    generation = results["generation"]
    index = results["index"]
    server = results["server"]
    lines = [
        f"### {run['date']}, {run['resources']:,} resources (seed {run['seed']})",
        "",
        "Through HTTP against gunicorn "
        f"({_count(server['workers'], 'worker')} × {_count(server['threads'], 'thread')}, "
        f"{server['worker_class']}) on 127.0.0.1; {server['database']}, {server['engine']}; "
        f"{run['cores']} cores, load average {run['load_before']} before the run and "
        f"{run['load_after']} after; commit {run['commit']}.",
        "",
        f"Generation: {generation['resources']:,} resources in {generation['seconds']:.1f} s "
        f"({generation['per_second']:,.0f} resources/s); index rebuild (`search_index "
        f"--rebuild` on a live site): {index['documents']:,} documents in "
        f"{index['seconds']:.1f} s ({index['per_second']:,.0f} documents/s), alias swap "
        f"{index.get('swap_ms', 0):.1f} ms.",
    ]
    if "index_first" in results:
        first = results["index_first"]
        lines[-1] += (
            f" The first rebuild, which also wrote every resource's folded text for the "
            f"database search: {first['seconds']:.1f} s ({first['per_second']:,.0f} documents/s)."
        )
    for module in MODULES:
        if module.NAME in results:
            lines += ["", *module.markdown(results[module.NAME])]
    return "\n".join(lines) + "\n"


def write(results: dict, folder: Path = RESULTS) -> tuple[Path, Path]:
    """benchmarks/results/<date>-<N>.json and .md; an earlier run of the same day is replaced."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{results['run']['date']}-{results['run']['resources']}"
    data, table = folder / f"{stem}.json", folder / f"{stem}.md"
    data.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    table.write_text(markdown(results), encoding="utf-8")
    return data, table
