"""benchmarks/generate.py on PostgreSQL: a generated catalogue is a valid page tree whose
pages are served and found by both search implementations, written as the seed's plan says."""

from itertools import islice

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count, Sum
from django.utils.html import escape
from taggit.models import Tag
from wagtail.models import Page

from benchmarks.catalogue import FILE_POOL, Planner
from benchmarks.generate import EMAIL_DOMAIN, GenerationError, generate
from benchmarks.workload import distinct_requests
from resources.models import Rating, ResourceFile, ResourceIndexPage, ResourcePage
from search import indexing
from search.connection import get_engine
from tests.search.helpers import OPENSEARCH_URL, drop_indices, use_engine

pytestmark = pytest.mark.postgres

N, SEED, AUTHORS = 50, 7, 40


@pytest.fixture(scope="module")
def generated(module_transaction):
    with module_transaction.writing():
        return generate(N, seed=SEED, authors=AUTHORS)


def _pages():
    return ResourcePage.objects.filter(owner__email__endswith=f"@{EMAIL_DOMAIN}").order_by("path")


def test_the_report_counts_what_was_written(generated, db):
    assert generated.resources == N == _pages().count()
    assert generated.authors == AUTHORS
    assert get_user_model().objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").count() == AUTHORS
    assert generated.ratings == Rating.objects.filter(resource__in=_pages()).count()
    assert generated.per_second > 0


def test_the_rows_are_the_seeds_plan(generated, db):
    planner = Planner(SEED, AUTHORS)
    plan = list(islice(planner.resources(N), N))
    rows = list(_pages().values_list("title", "price_cents", "language", "licence", "slug"))
    assert rows == [(s.title, s.price_cents, s.language, s.licence, s.slug) for s in plan]
    page = _pages().first()
    spec = plan[0]
    assert sorted(page.disciplines.values_list("code", flat=True)) == sorted(spec.disciplines)
    assert sorted(page.tags.names()) == sorted(set(spec.tags))
    assert [a.email for a in page.authors.order_by("pk")] == [
        planner.authors[index].email for index in sorted(spec.authors)
    ]


def test_the_page_tree_is_valid(generated, db):
    assert Page.find_problems() == ([], [], [], [], [])
    index = ResourceIndexPage.objects.get()
    assert index.numchild == index.get_children().count()
    for page in _pages():
        assert page.depth == index.depth + 1
        assert page.path.startswith(index.path)
        assert page.url_path == f"{index.url_path}{page.slug}/"
        assert page.live
        assert not page.has_unpublished_changes


def test_counters_match_the_rating_rows(generated, db):
    totals = dict(
        Rating.objects.filter(resource__in=_pages())
        .values("resource")
        .annotate(count=Count("pk"), total=Sum("score"))
        .values_list("resource", "count")
    )
    for page in _pages():
        assert page.rating_count == totals.get(page.pk, 0)


def test_files_are_a_few_real_pdfs_shared_by_reference(generated, db):
    files = ResourceFile.objects.filter(page__in=_pages())
    keys = set(files.values_list("file", flat=True))
    assert files.count() >= N
    assert len(keys) <= FILE_POOL
    for stored in files.distinct("file").order_by("file"):
        with stored.file.open("rb") as handle:
            content = handle.read()
        assert content.startswith(b"%PDF")
        assert len(content) == stored.size


def test_generating_twice_in_one_database_is_refused_and_changes_nothing(generated, db):
    before = (ResourcePage.objects.count(), Tag.objects.count(), Rating.objects.count())
    with pytest.raises(GenerationError, match="already holds a generated catalogue"):
        generate(5, seed=SEED, authors=AUTHORS)
    assert (ResourcePage.objects.count(), Tag.objects.count(), Rating.objects.count()) == before


def test_generated_pages_are_served(generated, client, db):
    for page in _pages()[:5]:
        response = client.get(f"/fr/ressources/{page.slug}/")
        assert response.status_code == 200
        assert escape(page.title) in response.content.decode()
    assert client.get("/fr/ressources/").status_code == 200


def _found(client, page) -> bool:
    """Whether a search for the page's title lists it among the first five results."""
    answer = client.get("/api/v1/search", {"q": page.title, "page_size": 5})
    assert answer.status_code == 200
    return page.pk in [hit["id"] for hit in answer.json()["results"]]


def test_generated_pages_are_found_by_the_database_search(generated, client, db):
    indexing.rebuild()
    pages = list(_pages()[:5])
    assert all(_found(client, page) for page in pages)
    for request in distinct_requests(N, SEED, variants=2):
        assert client.get(request.path).status_code == 200, request.path


def test_generated_pages_are_found_by_the_engine(generated, client, settings, db):
    if not OPENSEARCH_URL:
        pytest.skip("The OpenSearch node is not running (scripts/services.sh start)")
    prefix = use_engine(settings, "opensearch", OPENSEARCH_URL)
    try:
        report = indexing.rebuild(get_engine())
        assert report.documents >= N
        pages = list(_pages()[:5])
        assert all(_found(client, page) for page in pages)
        for request in distinct_requests(N, SEED, variants=2):
            answer = client.get(request.path)
            assert answer.status_code == 200, request.path
            assert not answer.json()["degraded"], request.path
    finally:
        drop_indices(prefix)
