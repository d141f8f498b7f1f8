"""The Atom feeds (/<lang>/flux/…): each parses as a feed reader parses it (feedparser), lists
exactly the public resources of its scope, newest update first, with summary, authors, licence,
disciplines and dates; each answers 404 exactly when its page does; pages link to their feed."""

import re

import feedparser
import pytest

from resources.models import ResourcePage
from tests.feeds.conftest import UPDATED

ATOM = "application/atom+xml; charset=utf-8"


@pytest.fixture
def rows(feed_rows, db):
    return feed_rows


def _feed(client, url):
    answer = client.get(url)
    assert answer.status_code == 200, url
    assert answer["Content-Type"] == ATOM
    feed = feedparser.parse(answer.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def _titles(feed) -> list[str]:
    return [entry.title for entry in feed.entries]


def _links(entry, rel):
    return [link.href for link in entry.links if link.rel == rel]


def test_the_catalogue_feed_lists_every_public_resource_newest_update_first(client, rows):
    feed = _feed(client, "/fr/flux/ressources.xml")

    assert feed.feed.title == "Nouvelles ressources · APOP boutique"
    assert feed.feed.subtitle == (
        "Des ressources pour l’enseignement collégial, de la plus récemment mise à jour à la "
        "plus ancienne."
    )
    assert feed.feed.language == "fr"
    assert feed.feed.link == "http://testserver/fr/ressources/"
    assert _links(feed.feed, "self") == ["http://testserver/fr/flux/ressources.xml"]
    assert feed.feed.author == "APOP boutique"
    assert _titles(feed) == [
        "Calcul différentiel : exercices <corrigés>",
        "Introduction à Python",
        "Examen de calcul intégral",
        "D'un compte fermé",
    ]


def test_an_entry_carries_summary_authors_licence_disciplines_and_dates(client, rows):
    calcul, python = _feed(client, "/fr/flux/ressources.xml").entries[:2]
    slug = ResourcePage.objects.get(pk=rows["calcul"]).slug

    assert calcul.link == f"http://testserver/fr/ressources/{slug}/"
    assert calcul.id == calcul.link
    assert calcul.summary_detail.type == "text/plain"
    assert calcul.summary == "Dérivées & limites, avec <b>solutions</b>."
    assert [author.name for author in calcul.authors] == ["Marie Tremblay", "Paul Roy"]
    assert [(tag.term, tag.label, tag.scheme) for tag in calcul.tags] == [
        ("201", "Mathématiques", "http://testserver/fr/disciplines/")
    ]
    assert _links(calcul, "license") == ["https://creativecommons.org/licenses/by/4.0/deed.fr"]
    assert calcul.rights == "CC BY 4.0"
    assert calcul.updated == UPDATED["calcul"].isoformat() == "2026-03-05T10:00:00+00:00"
    assert calcul.published == "2026-01-15T14:30:00+00:00"
    # A paid resource: the licence of use, a page of this site, by its full address.
    assert [author.name for author in python.authors] == ["Marie Tremblay", "Sophie Gagnon"]
    assert [tag.term for tag in python.tags] == ["201", "420"]
    assert _links(python, "license") == ["http://testserver/fr/conditions-utilisation/"]
    assert python.rights == "Tous droits réservés"


def test_the_english_feed_speaks_english(client, rows):
    feed = _feed(client, "/en/feeds/resources.xml")
    calcul = feed.entries[0]

    assert feed.feed.title == "New resources · APOP boutique"
    assert feed.feed.language == "en"
    assert calcul.link.startswith("http://testserver/en/resources/")
    assert [tag.label for tag in calcul.tags] == ["Mathematics"]
    assert _links(calcul, "license") == ["https://creativecommons.org/licenses/by/4.0/deed.en"]
    assert _links(feed.entries[1], "license") == ["http://testserver/en/conditions-utilisation/"]
    assert feed.entries[1].rights == "All rights reserved"


def test_a_discipline_feed_lists_its_public_resources(client, rows):
    feed = _feed(client, "/fr/flux/disciplines/201.xml")

    assert feed.feed.title == "201 Mathématiques · APOP boutique"
    assert feed.feed.link == "http://testserver/fr/disciplines/201/"
    assert _titles(feed) == [
        "Calcul différentiel : exercices <corrigés>",
        "Introduction à Python",
        "Examen de calcul intégral",
    ]
    assert _titles(_feed(client, "/en/feeds/disciplines/420.xml")) == [
        "Introduction à Python",
        "D'un compte fermé",
    ]
    assert _feed(client, "/en/feeds/disciplines/420.xml").feed.title == (
        "420 Computer Science · APOP boutique"
    )
    assert _feed(client, "/fr/flux/disciplines/109.xml").entries == []


def test_an_author_feed_lists_the_authors_public_resources(client, rows):
    from django.contrib.auth import get_user_model

    marie = get_user_model().objects.get(pk=rows["marie"])
    feed = _feed(client, f"/fr/flux/auteurs/{marie.slug}.xml")

    assert feed.feed.title == "Ressources de Marie Tremblay · APOP boutique"
    assert feed.feed.link == f"http://testserver/fr/auteurs/{marie.slug}/"
    assert _titles(feed) == ["Calcul différentiel : exercices <corrigés>", "Introduction à Python"]


@pytest.mark.parametrize("who", ["teacher", "closed", "unknown"])
def test_an_author_feed_is_a_404_exactly_when_the_author_page_is(client, rows, who):
    from django.contrib.auth import get_user_model

    slug = "personne" if who == "unknown" else get_user_model().objects.get(pk=rows[who]).slug

    assert client.get(f"/fr/auteurs/{slug}/").status_code == 404
    assert client.get(f"/fr/flux/auteurs/{slug}.xml").status_code == 404


def test_a_collection_feed_lists_its_public_resources_newest_update_first(client, rows):
    feed = _feed(client, "/fr/flux/collections/calcul-au-collegial.xml")

    assert feed.feed.title == "Calcul au collégial · APOP boutique"
    assert feed.feed.link == "http://testserver/fr/collections/calcul-au-collegial/"
    assert _titles(feed) == [
        "Calcul différentiel : exercices <corrigés>",
        "Examen de calcul intégral",
    ]
    english = _feed(client, "/en/feeds/collections/calcul-au-collegial.xml")
    assert english.feed.title == "College calculus · APOP boutique"


@pytest.mark.parametrize(
    "url",
    [
        "/fr/flux/collections/cachee.xml",  # behind a view restriction
        "/fr/flux/collections/pas-encore.xml",  # never published
        "/fr/flux/collections/inconnue.xml",
        "/fr/flux/disciplines/999.xml",
        "/fr/flux/disciplines/abc.xml",
    ],
)
def test_a_feed_of_nothing_public_is_a_404(client, rows, url):
    assert client.get(url).status_code == 404


def test_no_feed_lists_a_draft_or_a_restricted_resource(client, rows):
    from django.contrib.auth import get_user_model

    marie = get_user_model().objects.get(pk=rows["marie"])
    urls = [
        "/fr/flux/ressources.xml",
        "/en/feeds/resources.xml",
        "/fr/flux/disciplines/201.xml",
        f"/fr/flux/auteurs/{marie.slug}.xml",
        "/fr/flux/collections/calcul-au-collegial.xml",
    ]
    for url in urls:
        content = client.get(url).content.decode()
        assert "Brouillon secret" not in content, url
        assert "Réservée aux membres" not in content, url


ALTERNATE = re.compile(
    r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)" title="([^"]+)">'
)


def test_pages_link_to_their_feeds(client, rows):
    from django.contrib.auth import get_user_model

    marie = get_user_model().objects.get(pk=rows["marie"])
    everything = ("/fr/flux/ressources.xml", "Nouvelles ressources (flux Atom)")
    pages = {
        "/fr/": [everything],
        "/fr/ressources/": [everything],
        "/fr/disciplines/201/": [
            everything,
            ("/fr/flux/disciplines/201.xml", "Nouvelles ressources en Mathématiques (flux Atom)"),
        ],
        f"/fr/auteurs/{marie.slug}/": [
            everything,
            (f"/fr/flux/auteurs/{marie.slug}.xml", "Ressources de Marie Tremblay (flux Atom)"),
        ],
        "/fr/collections/calcul-au-collegial/": [
            everything,
            (
                "/fr/flux/collections/calcul-au-collegial.xml",
                "Ressources de la collection «\xa0Calcul au collégial\xa0» (flux Atom)",
            ),
        ],
    }
    for url, expected in pages.items():
        html = client.get(url).content.decode()
        assert ALTERNATE.findall(html) == expected, url
        for href, _title in expected:
            assert client.get(href).status_code == 200
    english = client.get("/en/disciplines/201/").content.decode()
    assert ALTERNATE.findall(english)[1] == (
        "/en/feeds/disciplines/201.xml",
        "New resources in Mathematics (Atom feed)",
    )
