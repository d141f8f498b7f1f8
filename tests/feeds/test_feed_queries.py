"""Each feed costs the same number of SQL queries with 5 entries as with 50."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from resources.models import ResourceIndexPage, ResourcePage
from tests.factories import build_collection, build_member, build_resource

FULL = 50


@pytest.fixture(scope="module")
def many_rows(module_transaction) -> dict:
    """50 resources in two disciplines, by one author (and a co-author without an account each),
    in one collection."""
    with module_transaction.writing():
        catalogue = ResourceIndexPage.objects.get()
        author = build_member(
            "Anne Auteure", membership_expires_on=timezone.localdate() + datetime.timedelta(days=9)
        )
        pages = [
            build_resource(
                catalogue,
                f"Ressource {number:02d}",
                authors=[author],
                co_authors=f"Invité {number}",
                disciplines=("410", "201"),
                files=(),
                tags=(),
            )
            for number in range(FULL)
        ]
        build_collection("Tout", [(page, "") for page in pages], slug="tout")
    return {"ids": [page.pk for page in pages], "author": author.slug}


def _queries(client, url) -> tuple[int, int]:
    client.get(url)  # the taxonomies and the site's root paths are cached from then on
    with CaptureQueriesContext(connection) as queries:
        answer = client.get(url)
    assert answer.status_code == 200
    return len(queries), answer.content.decode().count("<entry>")


@pytest.mark.parametrize(
    "url",
    [
        "/fr/flux/ressources.xml",
        "/fr/flux/disciplines/410.xml",
        "/en/feeds/authors/{author}.xml",
        "/fr/flux/collections/tout.xml",
    ],
)
def test_a_feed_costs_the_same_queries_for_5_entries_as_for_50(client, many_rows, db, url):
    url = url.format(author=many_rows["author"])
    full, entries = _queries(client, url)
    assert entries == FULL

    ResourcePage.objects.filter(pk__in=many_rows["ids"][5:]).update(live=False)
    few, entries = _queries(client, url)

    assert entries == 5
    assert few == full
    assert full <= 8
