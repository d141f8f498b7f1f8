"""Collections: an editor's ordered selection of resources with notes (/collections/<slug>/),
the collection index (/collections/, featured first) and the featured collections of the home
page (cached until the catalogue changes). `make_collection` is in tests/conftest.py."""

import re

import pytest

pytestmark = pytest.mark.django_db

_CARD_TITLE = re.compile(
    r'<h3 class="resource-card__title"><a href="([^"]*)"[^>]*>(?:<span[^>]*>)?([^<]*)<'
)
_NOTE = '<p class="collection-list__note">{}</p>'


@pytest.fixture
def resources(make_resource):
    """Three published resources, created in alphabetical order."""
    return {
        name: make_resource(f"Ressource {name}", slug=f"ressource-{name.lower()}")
        for name in ("A", "B", "C")
    }


def _card_titles(html: str) -> list[str]:
    return [title for _url, title in _CARD_TITLE.findall(html)]


def _collection_entries(html: str) -> list[str]:
    """The <li> items of the collection's ordered list."""
    listing = html.split('collection-list">', 1)[1].split("</ol>", 1)[0]
    return listing.split("<li>")[1:]


def _home_section(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


# --- A collection's page --------------------------------------------------------------------


def test_a_collection_lists_its_resources_in_the_editor_s_order_with_notes(
    client, make_collection, resources
):
    # given an order that is neither creation nor alphabetical order
    make_collection(
        "Calcul différentiel",
        [
            (resources["B"], ""),
            (resources["C"], "Commencez par celle-ci en classe."),
            (resources["A"], ""),
        ],
        slug="calcul",
    )

    # when
    response = client.get("/fr/collections/calcul/")

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert ">Calcul différentiel</h1>" in html
    entries = _collection_entries(html)
    assert [_card_titles(entry) for entry in entries] == [
        ["Ressource B"],
        ["Ressource C"],
        ["Ressource A"],
    ]
    assert [_NOTE.format("Commencez par celle-ci en classe.") in entry for entry in entries] == [
        False,
        True,
        False,
    ]
    assert html.count('<p class="collection-list__note">') == 1
    assert '<a href="/fr/ressources/ressource-b/"' in entries[0]


@pytest.mark.parametrize("restriction", ["login", "password"])
def test_a_resource_behind_a_view_restriction_is_not_listed(
    client, make_collection, resources, restriction
):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=resources["B"], restriction_type=restriction, password="secret-of-the-page"
    )
    make_collection("Calcul", [(resources["A"], ""), (resources["B"], "Réservée")], slug="calcul")

    html = client.get("/fr/collections/calcul/").content.decode()

    assert [_card_titles(entry) for entry in _collection_entries(html)] == [["Ressource A"]]
    assert "Réservée" not in html


def test_the_items_keep_their_order_in_the_database(make_collection, resources):
    collection = make_collection(
        "Calcul", [(resources["C"], ""), (resources["A"], ""), (resources["B"], "")], slug="calcul"
    )

    titles = [item.resource.title for item in collection.items.order_by("sort_order")]

    assert titles == ["Ressource C", "Ressource A", "Ressource B"]


def test_an_unpublished_resource_is_not_listed(client, make_collection, resources, make_resource):
    # given
    draft = make_resource("Ressource brouillon", slug="brouillon", publish=False)
    make_collection(
        "Calcul",
        [(resources["A"], ""), (draft, "Note cachée."), (resources["B"], "")],
        slug="calcul",
    )

    # when
    html = client.get("/fr/collections/calcul/").content.decode()

    # then
    assert _card_titles(html) == ["Ressource A", "Ressource B"]
    assert "Ressource brouillon" not in html
    assert "Note cachée." not in html


def test_a_resource_unpublished_later_leaves_the_collection(client, make_collection, resources):
    make_collection("Calcul", [(resources["A"], ""), (resources["B"], "")], slug="calcul")

    resources["A"].unpublish()

    html = client.get("/fr/collections/calcul/").content.decode()
    assert _card_titles(html) == ["Ressource B"]


def test_a_collection_whose_resources_are_all_unpublished_says_it_is_empty(
    client, make_collection, make_resource
):
    draft = make_resource("Ressource brouillon", publish=False)
    make_collection("Calcul", [(draft, "")], slug="calcul")

    response = client.get("/fr/collections/calcul/")

    html = response.content.decode()
    assert response.status_code == 200
    assert _card_titles(html) == []
    assert '<p class="empty-state__title">Cette collection est vide pour le moment</p>' in html


def test_a_collection_in_english_shows_its_english_title(client, make_collection, resources):
    make_collection(
        "Calcul différentiel",
        [(resources["A"], "")],
        slug="calcul",
        title_en="Differential calculus",
    )

    html = client.get("/en/collections/calcul/").content.decode()

    assert ">Differential calculus</h1>" in html


def test_an_unpublished_collection_is_not_found(client, make_collection, resources):
    make_collection("Calcul", [(resources["A"], "")], slug="calcul", publish=False)

    response = client.get("/fr/collections/calcul/")

    assert response.status_code == 404


# --- The collection index -------------------------------------------------------------------


def test_the_index_lists_published_collections_featured_first(client, make_collection, resources):
    # given
    make_collection("Algèbre", [(resources["A"], "")], slug="algebre")
    make_collection("Statistiques", [(resources["B"], "")], slug="statistiques", featured=True)
    make_collection("Brouillon", [(resources["C"], "")], slug="brouillon", publish=False)

    # when
    response = client.get("/fr/collections/")

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert _CARD_TITLE.findall(html) == [
        ("/fr/collections/statistiques/", "Statistiques"),
        ("/fr/collections/algebre/", "Algèbre"),
    ]
    assert "Brouillon" not in html


def test_the_index_without_collections_says_so(client, catalogue):
    html = client.get("/fr/collections/").content.decode()

    assert _CARD_TITLE.findall(html) == []
    assert '<p class="empty-state__title">Aucune collection pour le moment</p>' in html


# --- The home page --------------------------------------------------------------------------


def test_a_featured_collection_shows_on_the_home_page(client, make_collection, resources):
    # given
    make_collection("Statistiques", [(resources["A"], "")], slug="statistiques", featured=True)
    make_collection("Algèbre", [(resources["B"], "")], slug="algebre")

    # when
    html = client.get("/fr/").content.decode()

    # then
    section = _home_section(html, "collections-title")
    assert section.startswith(">Collections en vedette</h2>")
    assert _CARD_TITLE.findall(section) == [("/fr/collections/statistiques/", "Statistiques")]
    assert "Algèbre" not in html


def test_the_home_page_has_no_featured_section_without_featured_collections(
    client, make_collection, resources
):
    make_collection("Algèbre", [(resources["B"], "")], slug="algebre")

    html = client.get("/fr/").content.decode()

    assert 'id="collections-title"' not in html
    assert "Collections en vedette" not in html


def test_publishing_a_featured_collection_refreshes_the_cached_home_page(
    client, make_collection, resources, django_capture_on_commit_callbacks
):
    # given a home page already rendered (and cached) without featured collections
    assert "Collections en vedette" not in client.get("/fr/").content.decode()

    # when a featured collection is published (the catalogue version is bumped on commit)
    with django_capture_on_commit_callbacks(execute=True):
        make_collection("Statistiques", [(resources["A"], "")], slug="statistiques", featured=True)

    # then
    section = _home_section(client.get("/fr/").content.decode(), "collections-title")
    assert _CARD_TITLE.findall(section) == [("/fr/collections/statistiques/", "Statistiques")]


def test_unpublishing_a_featured_collection_removes_it_from_the_cached_home_page(
    client, make_collection, resources, django_capture_on_commit_callbacks
):
    collection = make_collection(
        "Statistiques", [(resources["A"], "")], slug="statistiques", featured=True
    )
    assert "Collections en vedette" in client.get("/fr/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        collection.unpublish()

    assert "Collections en vedette" not in client.get("/fr/").content.decode()
