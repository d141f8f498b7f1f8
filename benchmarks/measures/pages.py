"""The public pages' latency and SQL query count (issue 19: "resource, discipline, collection and
home pages: p95 and SQL query count, shown constant in N"): the home page in both languages, the
resources listing, a discipline, a collection, an author, and resource pages chosen by
benchmarks/pick_pages.py — the most files, the most keywords and disciplines, the most ratings,
a plain free one and a plain paid one — anonymous and signed in as a teacher. Anonymous visitors
get the resource, home and collection pages from the page cache (core/page_cache.py) once it is
warm; the resource pages are also measured rendered by their view for an anonymous visitor
(`?rendu=1`: a query string bypasses the cache), which is what a cache miss costs."""

from benchmarks import report
from benchmarks.harness import BenchError, Run, timed

NAME = "pages"
WARMUP_PASSES = 3  # every page three times on the measuring connection, before any timing
WARMUP_CONNECTIONS = 4  # and once on each of a few new connections: other workers warm too
SIGNED_IN_MARK = 'name="score"'  # the rating form: only a signed-in visitor who may rate sees it

# (kind, label) in the order of the table; the same kinds at every N.
RESOURCE_KINDS = {
    "files": "resource, most files",
    "terms": "resource, most keywords and disciplines",
    "ratings": "resource, most ratings",
    "plain": "resource, plain, free",
    "paid": "resource, plain, paid",
}


def _pages(picked: dict) -> list[dict]:
    pages = [
        {"kind": "home_fr", "label": "home page /fr/", "path": "/fr/"},
        {"kind": "home_en", "label": "home page /en/", "path": "/en/"},
        {"kind": "resources", "label": "resources listing", "path": "/fr/ressources/"},
        {"kind": "discipline", "label": "discipline page", **picked["discipline"]},
        {"kind": "collection", "label": "collection page", **picked["collection"]},
        {"kind": "author", "label": "author page", **picked["author"]},
    ]
    # visitor → (kind suffix, label suffix, query string)
    visitors = {
        "anonymous": ("", "", ""),
        "rendered": ("_rendered", ", anonymous, rendered (no page cache)", "?rendu=1"),
        "teacher": ("_teacher", ", signed in (teacher)", ""),
    }
    for visitor, (suffix, more, query) in visitors.items():
        for kind, label in RESOURCE_KINDS.items():
            resource = picked["resources"][kind]
            pages.append(
                {
                    **resource,
                    "path": resource["path"] + query,
                    "kind": f"resource_{kind}{suffix}",
                    "label": label + more,
                    "visitor": "teacher" if visitor == "teacher" else "anonymous",
                }
            )
    for page in pages:
        page.setdefault("visitor", "anonymous")
    return pages


def measure(run: Run) -> dict:
    """Each page `run.options.requests` times, the pages interleaved, one request at a time (one
    client per visitor, keep-alive), after the warm-up; every answer must be 200 (no redirect),
    and the teacher's resource pages signed in."""
    import requests

    picked = run.django("benchmarks.pick_pages")
    pages = _pages(picked)
    cookie = {picked["session"]["cookie"]: picked["session"]["key"]}
    sessions = {"anonymous": requests.Session(), "teacher": requests.Session()}
    sessions["teacher"].cookies.update(cookie)

    def get(session, page: dict) -> tuple[float, float, int, str, str]:
        elapsed, response = timed(session, f"{run.base_url}{page['path']}")
        if response.status_code != 200:
            raise BenchError(f"{page['path']} ({page['visitor']}) answered {response.status_code}")
        server = float(response.headers["Server-Timing"].rsplit("app;dur=", 1)[1])
        cache = response.headers.get("X-Page-Cache", "none")
        return elapsed, server, int(response.headers["X-Queries"]), cache, response.text

    for _ in range(WARMUP_PASSES):
        for page in pages:
            *_, text = get(sessions[page["visitor"]], page)
            if page["kind"].startswith("resource_") and (SIGNED_IN_MARK in text) != (
                page["visitor"] == "teacher"
            ):
                raise BenchError(f"{page['path']}: not seen as {page['visitor']}")
    for _ in range(WARMUP_CONNECTIONS):
        for page in pages:
            with requests.Session() as fresh:
                if page["visitor"] == "teacher":
                    fresh.cookies.update(cookie)
                get(fresh, page)
    timings = {page["kind"]: ([], [], [], []) for page in pages}
    for _ in range(run.options.requests):
        for page in pages:
            *measured, _text = get(sessions[page["visitor"]], page)
            for values, value in zip(timings[page["kind"]], measured, strict=True):
                values.append(value)
    figures = {}
    for page in pages:
        client, server, queries, caches = timings[page["kind"]]
        figures[page["kind"]] = {
            **{key: page[key] for key in page if key != "kind"},
            "latency": report.latency(client),
            "server": report.latency(server),
            "queries": {"min": min(queries), "max": max(queries)},
            # X-Page-Cache of the timed answers: hit (all, once warm), bypass, or none
            "page_cache": sorted(set(caches)),
        }
    return {
        "client": "one client per visitor, one request at a time (keep-alive)",
        "warmup": f"{WARMUP_PASSES} passes, then {WARMUP_CONNECTIONS} new connections per page",
        "teacher": "an account without membership or institution, signed in by its session",
        "pages": figures,
    }


def _queries(figures: dict) -> str:
    low, high = figures["min"], figures["max"]
    return str(low) if low == high else f"{low}–{high}"


def markdown(figures: dict) -> list[str]:
    lines = [
        f"#### Pages ({figures['client']}; SQL queries per answer, from X-Queries)",
        "",
        "| page | requests | p50 ms | p95 ms | p99 ms | queries | page cache |",
        "|---|---|---|---|---|---|---|",
    ]
    for page in figures["pages"].values():
        latency = page["latency"]
        lines.append(
            f"| {page['label']} | {latency['requests']} | {latency['p50']} | {latency['p95']} | "
            f"{latency['p99']} | {_queries(page['queries'])} | {', '.join(page['page_cache'])} |"
        )
    return lines
