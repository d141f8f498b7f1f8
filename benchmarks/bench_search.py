"""Search latency, SQL query counts and index rebuild rate, measured in-process.

    make bench                      # after `make setup`: the database implementation
    OPENSEARCH_URL=http://127.0.0.1:9200 SEARCH_INDEX_PREFIX=bench make bench
    cp db.sqlite3 /tmp/apop-bench.sqlite3
    DATABASE_URL=sqlite:////tmp/apop-bench.sqlite3 BENCH_SCALE=10000 \
        .venv/bin/python benchmarks/bench_search.py

Prints which implementation answers (the database, or the engine's kind and URL) and the number
of published resources, rebuilds the index with `search.indexing.rebuild()` and prints its rate
(on the database implementation that is the folded text table only: there is no engine index),
then p50 / p95 / max in milliseconds and the SQL queries of one warm request for the search API,
the autocomplete, the search page and a discipline page, with the search API's p95 target.

The rebuild runs first so that the engine's index (a new one under SEARCH_INDEX_PREFIX) holds
every published resource before it is searched; with an engine it also refreshes the database's
folded text, as `search_index --rebuild` does. The search page also lists editorial pages from
Wagtail's own search backend: when its index is missing under that prefix, Wagtail's
`update_index` builds it first. Delete the benchmark's indices afterwards:
`curl -X DELETE "$OPENSEARCH_URL/bench-*"`.

BENCH_REQUESTS (default 300): timed requests per URL. BENCH_SCALE=N: first add N published
resources, copies of the existing ones (same text, taxonomy terms, authors, tags and prices; new
slugs `bench-<n>`, titles ending in "#n", spread dates and download counts): real live
ResourcePage rows with correct treebeard paths, `numchild` and URL paths, but without revisions,
files or preview images, and left out of Wagtail's own search index and reference index. They
are bulk inserted: `ResourceIndexPage.add_child()` in a loop (page validation, locale, audit log,
parental m2m: about twenty queries each) measured 20 to 50 ms per resource. Bulk inserts cost
about 1 ms per resource on SQLite (10,000 in 7 to 11 s). That writes to the database, so it is
refused unless the database's name looks like a throwaway one (bench, test, tmp, temp, scratch,
or a file in the temporary directory) or BENCH_ALLOW_WRITES=1 is set.
"""

import io
import logging
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "apop.settings.dev")
os.environ.setdefault("DEBUG", "False")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import F  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from benchmarks.database import check_throwaway  # noqa: E402
from benchmarks.generate import insert_resource_pages, published_child  # noqa: E402
from resources.detail import bump_catalogue_version  # noqa: E402
from resources.models import ResourcePage, ResourceTag  # noqa: E402
from search import indexing  # noqa: E402
from search.connection import SearchUnavailable, get_engine  # noqa: E402
from search.sources import published_resources  # noqa: E402

SEARCH_API_P95_MS = 50
REBUILD_DOCS_PER_S = 2000
# (URL, p95 target in ms or None). Codes exist in the demo catalogue: 201 is Mathématiques,
# collegial_preuniversitaire a level of resources/data/ordres_enseignement.csv.
URLS = [
    ("/api/v1/search", SEARCH_API_P95_MS),
    ("/api/v1/search?q=calcul+differentiel&discipline=201", SEARCH_API_P95_MS),
    ("/api/v1/search?q=mathematiques&prix=gratuit&tri=populaire", SEARCH_API_P95_MS),
    ("/api/v1/search?q=exercices&page=2&page_size=10", SEARCH_API_P95_MS),
    ("/api/v1/search/suggest?q=calc", None),
    ("/fr/recherche/?q=calcul", None),
    ("/fr/disciplines/201/?niveau=collegial_preuniversitaire", None),
]
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "300"))
SCALE = int(os.environ.get("BENCH_SCALE", "0"))


def describe_implementation() -> str:
    engine = get_engine()
    if engine is None:
        return f"database implementation ({connection.vendor})"
    if not engine.ping():
        sys.exit(f"{engine.config.kind} at {engine.config.url} does not answer")
    return f"{engine.config.kind} at {engine.config.url}, alias {engine.config.alias}"


M2M_FIELDS = ("authors", "disciplines", "levels", "types", "dimensions")
CHUNK = 1000


def add_resources(count: int) -> float:
    """`count` published copies of the published resources; returns the seconds it took.

    Bulk inserts (the page rows, the resource rows, the taxonomy, author and tag rows) a chunk
    at a time, with the tree paths computed as treebeard's add_child() would, in one transaction
    (add_child() itself is 20 to 50 ms per resource, see the module docstring)."""
    sources = list(published_resources().exclude(slug__startswith="bench-").order_by("pk"))
    if not sources:
        sys.exit("BENCH_SCALE: no published resource to copy (run `make setup` first)")
    index = Page.objects.get(pk=sources[0].get_parent().pk)
    # name → (through model, its column for the page, its column for the other side,
    #         {source page id: [other side ids]})
    related = {}
    for name in (*M2M_FIELDS, "tags"):
        if name == "tags":
            through, source_column, target_column = ResourceTag, "content_object_id", "tag_id"
        else:
            field = ResourcePage._meta.get_field(name)
            through = field.remote_field.through
            source_column = f"{field.m2m_field_name()}_id"
            target_column = f"{field.m2m_reverse_field_name()}_id"
        rows = through.objects.filter(
            **{f"{source_column}__in": [source.pk for source in sources]}
        ).values_list(source_column, target_column)
        by_page: dict[int, list[int]] = {}
        for page_id, target_id in rows:
            by_page.setdefault(page_id, []).append(target_id)
        related[name] = (through, source_column, target_column, by_page)
    content_type = ContentType.objects.get_for_model(ResourcePage)
    first = ResourcePage.objects.filter(slug__startswith="bench-").count() + 1
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        last = index.get_last_child()
        position = last._get_lastpos_in_path() if last else 0
        for chunk_start in range(first, first + count, CHUNK):
            pages, copied_from = [], []
            for number in range(chunk_start, min(chunk_start + CHUNK, first + count)):
                source = sources[number % len(sources)]
                published = now - timedelta(minutes=7 * number)
                position += 1
                copied_from.append(source.pk)
                slug = f"bench-{number}"
                pages.append(
                    ResourcePage(
                        title=f"{source.title} #{number}",
                        draft_title=f"{source.title} #{number}",
                        content_type=content_type,
                        **published_child(index, position, slug, published),
                        summary=source.summary,
                        description=source.description,
                        co_authors=source.co_authors,
                        language=source.language,
                        licence=source.licence,
                        price_cents=source.price_cents,
                        member_price_cents=source.member_price_cents,
                        duration_minutes=source.duration_minutes,
                        pedagogical_notes=source.pedagogical_notes,
                        adapted_from_page_id=source.adapted_from_page_id,
                        source_title=source.source_title,
                        source_author=source.source_author,
                        source_url=source.source_url,
                        source_licence=source.source_licence,
                        validated_at=source.validated_at,
                        validated_by_id=source.validated_by_id,
                        download_count=(number * 37) % 500,
                    )
                )
            insert_resource_pages(pages)
            for through, source_column, target_column, by_page in related.values():
                through.objects.bulk_create(
                    through(**{source_column: page.pk, target_column: target_id})
                    for page, source_id in zip(pages, copied_from, strict=True)
                    for target_id in by_page.get(source_id, [])
                )
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
    bump_catalogue_version()
    return time.perf_counter() - started


def ensure_wagtail_index() -> None:
    """The search page also lists editorial pages from Wagtail's own backend: on an engine with
    a fresh index prefix that index does not exist yet, and every search page would time a
    failed request instead. Build it (Wagtail's `update_index`) when it is missing."""
    backend = get_search_backend()
    if not hasattr(backend, "get_index_for_model"):
        return
    if backend.get_index_for_model(Page).exists():
        return
    started = time.perf_counter()
    call_command("update_index", stdout=io.StringIO())
    print(
        f"Wagtail's own index (editorial pages on the search page) was missing: "
        f"update_index took {time.perf_counter() - started:.1f} s"
    )


def measure(client: Client, path: str, engine_configured: bool) -> tuple[list[float], int]:
    client.get(path)  # warm caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    # Count now: the captured list is read lazily from a log that later requests reset.
    query_count = len(queries)
    if engine_configured and path.split("?")[0] == "/api/v1/search":
        assert not response.json()["degraded"], f"{path}: the database answered, not the engine"
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
    return timings, query_count


def main() -> None:
    settings.ALLOWED_HOSTS = ["*"]
    # The engine clients log every request (and update_index its 404s): noise, and a cost in the
    # timings.
    for name in ("opensearch", "elastic_transport", "elasticsearch", "urllib3"):
        logging.getLogger(name).setLevel(logging.ERROR)
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"search: {describe_implementation()}; database: {database}")
    if SCALE:
        check_throwaway()
        seconds = add_resources(SCALE)
        print(
            f"BENCH_SCALE: {SCALE:,} resources created in {seconds:.1f} s "
            f"({seconds / SCALE * 1000:.2f} ms each)"
        )
    print(f"published resources: {published_resources().count():,}")

    engine = get_engine()
    try:
        report = indexing.rebuild()
    except SearchUnavailable as error:
        sys.exit(f"rebuild failed: {error}")
    what = (
        f"index {report.index}"
        if engine is not None
        else "database implementation: the folded text table (SearchEntry) only"
    )
    verdict = "ok" if report.per_second >= REBUILD_DOCS_PER_S else "MISSED"
    print(
        f"rebuild ({what}): {report.documents:,} documents in {report.seconds:.2f} s, "
        f"{report.per_second:,.0f} documents/s (target ≥ {REBUILD_DOCS_PER_S:,} {verdict})"
    )

    if engine is not None:
        ensure_wagtail_index()
    client = Client()
    print(f"{REQUESTS} requests per URL, one process")
    print(f"{'URL':58} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}  target p95")
    for path, target in URLS:
        timings, queries = measure(client, path, engine is not None)
        # "inclusive": never above the maximum, however few the requests.
        p95 = statistics.quantiles(timings, n=100, method="inclusive")[94]
        verdict = ""
        if target is not None:
            verdict = f"≤ {target} ms {'ok' if p95 <= target else 'MISSED'}"
        print(
            f"{path:58} {statistics.median(timings):8.2f} {p95:8.2f} {max(timings):8.2f} "
            f"{queries:8d}  {verdict}"
        )


if __name__ == "__main__":
    main()
