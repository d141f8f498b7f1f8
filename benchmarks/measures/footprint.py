"""Footprint, measured last (after every other measurement ran against the run's server): the
resident memory of gunicorn's master and of each worker, the index's size on the engine's disk,
the database's size. The figures that size a deployment (README, « Grandir au-delà d'une
machine »): memory per worker, index bytes per resource, database bytes per resource."""

from pathlib import Path

from benchmarks.harness import BenchError, Run

NAME = "footprint"
PROC = Path("/proc")
MIB = 1024 * 1024


def status_fields(text: str) -> dict[str, int]:
    """The sizes of a /proc/<pid>/status or smaps_rollup text, in kB (VmRSS, VmHWM, Pss…)."""
    fields = {}
    for line in text.splitlines():
        name, _, value = line.partition(":")
        words = value.split()
        if len(words) == 2 and words[1] == "kB" and words[0].isdigit():
            fields[name.strip()] = int(words[0])
    return fields


def process_memory(pid: int) -> dict:
    """A process's resident memory in MiB: VmRSS (every page it touches, shared ones too),
    VmHWM (its peak) and, when readable, Pss (shared pages divided among their sharers: with
    --preload the workers share the master's code and imported modules)."""
    status = status_fields((PROC / str(pid) / "status").read_text())
    figures = {
        "pid": pid,
        "rss_mib": round(status["VmRSS"] / 1024, 1),
        "peak_rss_mib": round(status["VmHWM"] / 1024, 1),
    }
    try:
        rollup = status_fields((PROC / str(pid) / "smaps_rollup").read_text())
    except OSError:
        return figures
    if "Pss" in rollup:
        figures["pss_mib"] = round(rollup["Pss"] / 1024, 1)
    return figures


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (gunicorn's workers of its master)."""
    found = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        # The command name in brackets may hold spaces: the fields after its closing bracket.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def workers_memory(master_pid: int) -> dict:
    """gunicorn's master and each of its workers (process_memory)."""
    workers = [process_memory(pid) for pid in children(master_pid)]
    if not workers:
        raise BenchError(f"gunicorn's master {master_pid} has no worker")
    return {"master": process_memory(master_pid), "workers": workers}


def index_sizes(engine_url: str, prefix: str) -> dict:
    """The product's index (`<prefix>-resources-…`) and Wagtail's (`<prefix>-wagtail…`) on the
    engine: documents, bytes on disk of all copies and of the primaries only."""
    import requests

    response = requests.get(
        f"{engine_url}/_cat/indices/{prefix}-*",
        params={"format": "json", "bytes": "b"},
        timeout=30,
    )
    response.raise_for_status()
    sizes = {}
    for row in response.json():
        kind = "product" if row["index"].startswith(f"{prefix}-resources") else "wagtail"
        entry = sizes.setdefault(
            kind, {"indices": [], "documents": 0, "store_bytes": 0, "primary_bytes": 0}
        )
        entry["indices"].append(row["index"])
        entry["documents"] += int(row["docs.count"] or 0)
        entry["store_bytes"] += int(row["store.size"] or 0)
        entry["primary_bytes"] += int(row["pri.store.size"] or 0)
    if "product" not in sizes:
        raise BenchError(f"no index {prefix}-resources… on {engine_url}")
    return sizes


def database_size(database_url: str) -> dict:
    """pg_database_size of the run's database, and its five largest tables (indexes and TOAST
    included)."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        total = connection.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        tables = connection.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind = 'r' AND n.nspname = 'public' "
            "ORDER BY 2 DESC LIMIT 5"
        ).fetchall()
    return {"bytes": total, "largest_tables": dict(tables)}


def measure(run: Run) -> dict:
    if run.server is None or run.server.process is None:
        raise BenchError("the footprint needs the run's server")
    memory = workers_memory(run.server.process.pid)
    index = index_sizes(run.engine_url, run.index_prefix)
    database = database_size(run.env["DATABASE_URL"])
    product = index["product"]
    # The documents at the end of the run: N resources, those the operations published, and
    # the collection the pages measurement made.
    resources = product["documents"] or run.options.count
    return {
        "memory": memory,
        "server": {"workers": run.options.workers, "threads": run.options.threads},
        "index": index,
        "index_bytes_per_document": round(product["primary_bytes"] / resources),
        "database": database,
        "database_bytes_per_resource": round(database["bytes"] / resources),
    }


def _mib(size: int) -> str:
    return f"{size / MIB:,.1f} MiB"


def markdown(figures: dict) -> list[str]:
    memory = figures["memory"]
    lines = [
        "#### Footprint (after every other measurement)",
        "",
        "| process | resident (VmRSS) MiB | peak MiB | proportional (Pss) MiB |",
        "|---|---|---|---|",
    ]
    rows = [("gunicorn master", memory["master"])]
    rows += [(f"worker {number}", w) for number, w in enumerate(memory["workers"], start=1)]
    for label, process in rows:
        lines.append(
            f"| {label} | {process['rss_mib']} | {process['peak_rss_mib']} | "
            f"{process.get('pss_mib', '–')} |"
        )
    lines += ["", "| what | documents | size on disk | per document |", "|---|---|---|---|"]
    index = figures["index"]
    product = index["product"]
    lines.append(
        f"| product's index (primaries; all copies {_mib(product['store_bytes'])}) | "
        f"{product['documents']:,} | {_mib(product['primary_bytes'])} | "
        f"{figures['index_bytes_per_document']:,} bytes |"
    )
    if "wagtail" in index:
        wagtail = index["wagtail"]
        lines.append(
            f"| Wagtail's indices ({len(wagtail['indices'])}) | {wagtail['documents']:,} | "
            f"{_mib(wagtail['primary_bytes'])} | – |"
        )
    database = figures["database"]
    largest = ", ".join(
        f"{name} {_mib(size)}" for name, size in list(database["largest_tables"].items())[:3]
    )
    lines.append(
        f"| PostgreSQL database (largest: {largest}) | – | {_mib(database['bytes'])} | "
        f"{figures['database_bytes_per_resource']:,} bytes |"
    )
    return lines
