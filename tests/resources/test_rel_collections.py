"""Open (REL) collections: only free resources under an open licence may go in — refused with a
message naming the resource, in the admin's form and by the rule (resources/rules.py); the
admin's resource chooser shows each resource's licence and price; the « Collections REL » menu;
the public page shows compact cards and never a resource that stopped being open."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.users.models import UserProfile

from resources.models import CollectionPage
from resources.rules import collection_errors, rel_refusals
from tests.resources.helpers import form_data

pytestmark = pytest.mark.django_db

ARR = "LicenseRef-APOP-All-Rights-Reserved"


def _english(messages) -> list[str]:
    with translation.override("en"):
        return [str(message) for message in messages]


# --- The rule -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("licence", "price", "expected"),
    [
        ("CC-BY-4.0", 0, []),
        ("CC0-1.0", 0, []),
        ("CC-BY-NC-ND-4.0", 0, []),
        (
            ARR,
            0,
            [
                "“Notes” cannot go into an open (REL) collection: its licence (All rights "
                "reserved) is not an open licence."
            ],
        ),
        (
            "CC-BY-NC-4.0",
            750,
            [
                "“Notes” cannot go into an open (REL) collection: it is sold ($7.50); an open "
                "collection holds only free resources."
            ],
        ),
        (
            ARR,
            1200,
            [
                "“Notes” cannot go into an open (REL) collection: its licence (All rights "
                "reserved) is not an open licence.",
                "“Notes” cannot go into an open (REL) collection: it is sold ($12.00); an open "
                "collection holds only free resources.",
            ],
        ),
    ],
)
def test_an_open_collection_takes_only_free_openly_licensed_resources(licence, price, expected):
    resource = SimpleNamespace(title="Notes", licence=licence, price_cents=price)

    assert _english(rel_refusals(resource)) == expected


def test_the_messages_read_as_quebec_french():
    resource = SimpleNamespace(title="Notes", licence=ARR, price_cents=1250)

    with translation.override("fr"):
        messages = [str(m) for m in rel_refusals(resource)]

    assert messages == [
        "«\u00a0Notes\u00a0» ne peut pas entrer dans une collection REL\u00a0: sa licence (Tous "
        "droits réservés) n’est pas une licence ouverte.",
        "«\u00a0Notes\u00a0» ne peut pas entrer dans une collection REL\u00a0: elle est vendue "
        "(12,50\u00a0$); une collection REL ne contient que des ressources gratuites.",
    ]


def test_a_collection_that_is_not_open_takes_anything():
    sold = SimpleNamespace(title="Notes", licence=ARR, price_cents=1200)

    assert collection_errors(False, [sold]) == []
    assert len(collection_errors(True, [sold])) == 2


# --- The admin ------------------------------------------------------------------------------


@pytest.fixture
def open_and_sold(make_resource, make_member, make_collection):
    author = make_member()
    free = make_resource("Notes libres", slug="notes-libres", licence="CC-BY-4.0")
    sold = make_resource(
        "Examen vendu", slug="examen-vendu", licence=ARR, price_cents=1250, authors=[author]
    )
    collection = make_collection("Calcul", [(free, "")], slug="calcul")
    return collection, free, sold


def _post_with_item(client, collection, resource, **changes):
    url = f"/admin/pages/{collection.pk}/edit/"
    data = form_data(client.get(url).content.decode(), "page-edit-form")
    data["items-0-resource"] = [str(resource.pk)]
    data.update(changes)
    return client.post(url, {**data, "action-publish": "publish"})


def test_the_admin_refuses_a_sold_resource_in_an_open_collection_and_changes_nothing(
    client, editor, open_and_sold
):
    collection, free, sold = open_and_sold
    revisions = collection.revisions.count()

    response = _post_with_item(client, collection, sold)

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "«\u00a0Examen vendu\u00a0» ne peut pas entrer dans une collection REL\u00a0: elle est "
        "vendue (12,50\u00a0$)" in html
    )
    assert "sa licence (Tous droits réservés) n’est pas une licence ouverte" in html
    assert collection.revisions.count() == revisions
    assert [
        item.resource_id for item in CollectionPage.objects.get(pk=collection.pk).items.all()
    ] == [free.pk]


def test_a_collection_that_is_not_open_accepts_a_sold_resource(client, editor, open_and_sold):
    collection, _free, sold = open_and_sold

    response = _post_with_item(client, collection, sold, is_open=[])

    assert response.status_code == 302

    collection = CollectionPage.objects.get(pk=collection.pk)
    assert collection.is_open is False
    assert [item.resource_id for item in collection.items.all()] == [sold.pk]


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("fr", ("Licence", "Prix", "Tous droits réservés", "12,50\u00a0$", "Gratuit")),
        ("en", ("Licence", "Price", "All rights reserved", "$12.50", "Free")),
    ],
)
def test_the_resource_chooser_shows_each_resource_s_licence_and_price(
    client, editor, open_and_sold, language, labels
):
    UserProfile.get_for_user(editor)
    UserProfile.objects.filter(user=editor).update(preferred_language=language)

    response = client.get("/admin/ressources/choisir/")

    assert response.status_code == 200
    html = response.json()["html"]
    for label in labels:
        assert label in html
    assert "Examen vendu" in html
    assert "Notes libres" in html


def test_the_collection_form_uses_the_resource_chooser(client, editor, open_and_sold):
    collection, _free, _sold = open_and_sold

    html = client.get(f"/admin/pages/{collection.pk}/edit/").content.decode()

    assert "/admin/ressources/choisir/" in html
    assert "Notes libres — CC BY 4.0 · Gratuit" in html


def test_the_rel_collections_menu_lists_the_open_collections(
    client, editor, open_and_sold, make_collection
):
    _collection, _free, sold = open_and_sold
    make_collection("Stages", [(sold, "")], slug="stages", is_open=False)

    menu = client.get("/admin/").content.decode()
    listing = client.get("/admin/collections-rel/")

    assert "/admin/collections-rel/" in menu
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Calcul" in html
    assert "Stages" not in html


def test_wagtail_s_media_folders_no_longer_read_collections(client, editor):
    # Superusers manage the media folders.
    editor.is_superuser = True
    editor.save()
    UserProfile.get_for_user(editor)
    UserProfile.objects.filter(user=editor).update(preferred_language="en")

    menu = client.get("/admin/").content.decode()
    folders = client.get("/admin/collections/").content.decode()

    assert '"Media folders"' in menu
    assert '"REL collections"' in menu
    assert "Media folders" in folders


# --- The public page ------------------------------------------------------------------------


def test_a_resource_that_became_sold_leaves_an_open_collection_s_page(
    client, open_and_sold, make_resource
):
    collection, free, _sold = open_and_sold
    assert "Notes libres" in client.get("/fr/collections/calcul/").content.decode()
    free.price_cents = 500
    free.authors = []
    free.licence = "CC-BY-4.0"
    free.save_revision().publish()

    html = client.get("/fr/collections/calcul/").content.decode()

    assert "Notes libres" not in html
    assert "Tout télécharger" not in html


def test_an_open_collection_offers_everything_in_one_download_and_compact_cards(
    client, open_and_sold
):
    collection, _free, _sold = open_and_sold

    html = client.get("/fr/collections/calcul/").content.decode()

    assert f'href="/telechargement/collections/{collection.pk}/"' in html
    assert ">Tout télécharger</a>" in html
    assert "Collection REL" in html
    assert '<ol class="card-grid card-grid--results collection-list">' in html


def test_a_collection_that_is_not_open_offers_no_download(client, open_and_sold, make_collection):
    _collection, _free, sold = open_and_sold
    make_collection("Stages", [(sold, "")], slug="stages", is_open=False)

    html = client.get("/fr/collections/stages/").content.decode()

    assert "Examen vendu" in html
    assert "Tout télécharger" not in html
    assert "/telechargement/collections/" not in html


def test_a_collection_page_costs_the_same_queries_whatever_its_size(
    client, make_resource, make_collection
):
    def queries(count, slug):
        resources = [
            make_resource(f"Ressource {slug} {n}", slug=f"{slug}-{n}", licence="CC-BY-4.0")
            for n in range(count)
        ]
        make_collection(slug, [(r, "") for r in resources], slug=slug)
        client.get(f"/fr/collections/{slug}/")  # warm the caches of the site and taxonomies
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/fr/collections/{slug}/")
        assert response.status_code == 200
        return len(captured)

    assert queries(2, "petite") == queries(9, "grande")
