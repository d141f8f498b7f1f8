"""The measurements of a run, in the order they run and appear in the results.

Each module has NAME (its key in the results file), `measure(run) -> dict` (its figures, JSON
serialisable; it raises harness.BenchError when an answer is wrong, so that no figure is ever
measured on errors) and `markdown(figures) -> list[str]` (its part of the printed table).
Each measurement honours `run.options.requests` (how many timed requests per figure), so that
the whole-run test can run them all in seconds."""

from benchmarks.measures import (
    compare,
    footprint,
    operations,
    pages,
    search_latency,
    throughput,
)

# pages and throughput before operations (which add resources, orders and downloads to the
# catalogue); footprint last: the workers' memory after everything else ran.
MODULES = (search_latency, compare, pages, throughput, operations, footprint)
