"""Page latency and SQL query counts, measured in-process with Django's test client.

    make bench                      # the database `make setup` made (SQLite by default)
    DATABASE_URL=postgres://… make bench

Prints p50 / p95 / max in milliseconds and the queries of one warm request for each page. Later
issues add the catalogue pages, the search API and index rebuilds at 100,000 resources.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "apop.settings.dev")
os.environ.setdefault("DEBUG", "False")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PAGES = [
    "/fr/",
    "/en/",
    "/fr/guide-des-licences/",
    "/fr/ressources/",
    "/fr/ressources/calcul-diff-limites/",
    "/en/resources/calcul-diff-limites/",
    "/fr/disciplines/",
    "/fr/disciplines/201/",
    "/fr/collections/",
    "/fr/recherche/?q=licence",
    "/healthz",
]
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "300"))


def measure(client: Client, path: str) -> tuple[list[float], int]:
    client.get(path)  # warm caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    # Count now: the captured list is read lazily from a log that later requests reset.
    query_count = len(queries)
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
    return timings, query_count


def main() -> None:
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"database: {engine}; {REQUESTS} requests per page, one process")
    print(f"{'page':40} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}")
    for path in PAGES:
        timings, queries = measure(client, path)
        p95 = statistics.quantiles(timings, n=100)[94]
        print(
            f"{path:40} {statistics.median(timings):8.2f} {p95:8.2f} {max(timings):8.2f} {queries:8d}"
        )


if __name__ == "__main__":
    main()
