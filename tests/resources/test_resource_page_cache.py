"""The resource, home and collection pages in the page cache (core/page_cache.py): anonymous visitors get a
stored copy, which a publication, a review or a preview never leaves stale or leaks; signed-in
visitors and those with a cart always get their own page."""

import re

import pytest
from django.test import Client

from boutique.models import Entitlement
from resources import ratings

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
URL = "/fr/ressources/exercices/"


@pytest.fixture
def marie(make_member):
    return make_member("Marie Tremblay")


@pytest.fixture
def paid(make_resource, marie):
    return make_resource(
        "Exercices corrigés",
        slug="exercices",
        authors=[marie],
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=1250,
    )


def _publish(page, django_capture_on_commit_callbacks, **changes):
    draft = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()


def test_a_second_anonymous_view_is_served_from_the_cache_without_a_query(
    paid, django_assert_num_queries
):
    first = Client().get(URL)
    with django_assert_num_queries(0):
        second = Client().get(URL)

    assert [first["X-Page-Cache"], second["X-Page-Cache"]] == ["miss", "hit"]
    assert ">Exercices corrigés</h1>" in second.content.decode()
    assert "12,50\xa0$" in second.content.decode()


def test_the_add_to_cart_form_of_a_cached_copy_works_for_another_visitor(paid):
    Client().get(URL)  # stored with the first visitor's page
    visitor = Client(enforce_csrf_checks=True)
    cached = visitor.get(URL)
    token = TOKEN.search(cached.content.decode().split('class="buy-box__form"')[1])[1]

    added = visitor.post(f"/fr/panier/ajouter/{paid.pk}/", {"csrfmiddlewaretoken": token})
    after = visitor.get(URL)

    assert cached["X-Page-Cache"] == "hit"
    assert added.status_code == 302
    # Their cart lives in their session now: their own page, never the stored one.
    assert after["X-Page-Cache"] == "bypass"
    assert "Dans votre panier" in after.content.decode()
    assert "Dans votre panier" not in Client().get(URL).content.decode()


def test_a_signed_in_visitor_right_after_an_anonymous_one_sees_their_own_page(paid, make_member):
    Client().get(URL)
    Client().get(URL)
    member = Client()
    member.force_login(make_member("Sophie Gagnon"))

    response = member.get(URL)

    html = response.content.decode()
    assert response["X-Page-Cache"] == "bypass"
    assert "Déconnexion" in html
    assert "Mon compte" in html
    assert "Évaluer cette ressource" in html
    assert "Connectez-vous pour évaluer" not in html


def test_a_teacher_who_bought_the_resource_sees_it_in_their_library(paid, make_member):
    buyer = make_member("Daniel O'Brien")
    Entitlement.objects.create(user=buyer, resource=paid)
    Client().get(URL)
    teacher = Client()
    teacher.force_login(buyer)

    html = teacher.get(URL).content.decode()

    assert "Dans votre bibliothèque" in html
    assert "Ajouter au panier" not in html
    assert "Ajouter au panier" in Client().get(URL).content.decode()


def test_a_publication_shows_at_the_next_anonymous_view(paid, django_capture_on_commit_callbacks):
    Client().get(URL)

    _publish(paid, django_capture_on_commit_callbacks, title="Exercices corrigés, 2e édition")
    response = Client().get(URL)

    assert response["X-Page-Cache"] == "miss"
    assert ">Exercices corrigés, 2e édition</h1>" in response.content.decode()


def test_a_new_review_shows_and_a_hidden_one_goes(
    paid, make_member, django_capture_on_commit_callbacks
):
    Client().get(URL)
    with django_capture_on_commit_callbacks(execute=True):
        rating = ratings.rate(make_member("Sophie Gagnon"), paid, 5, "Très utile en classe.")

    shown = Client().get(URL).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        rating.hidden = True
        rating.save()
    hidden = Client().get(URL).content.decode()

    assert "Très utile en classe." in shown
    assert "Très utile en classe." not in hidden


def test_an_anonymous_looking_preview_of_a_draft_neither_fills_nor_reads_the_cache(
    paid, django_capture_on_commit_callbacks
):
    """Wagtail runs a preview through the whole middleware chain as a GET of the page's own
    address: without the editor's cookies it looks like an anonymous visitor's."""
    draft = paid.get_latest_revision_as_object()
    draft.title = "Titre secret non révisé"
    draft.save_revision()
    draft = paid.get_latest_revision_as_object()

    preview_first = draft.make_preview_request()
    public = Client().get(URL)
    preview_after = draft.make_preview_request()

    assert "Titre secret non révisé" in preview_first.content.decode()
    assert "X-Page-Cache" not in preview_first
    assert public["X-Page-Cache"] == "miss"
    assert "Titre secret" not in public.content.decode()
    assert "Titre secret non révisé" in preview_after.content.decode()
    assert Client().get(URL)["X-Page-Cache"] == "hit"


def test_english_and_french_pages_are_stored_apart(paid):
    french = Client().get(URL)
    english = Client().get("/en/resources/exercices/")

    assert [french["X-Page-Cache"], english["X-Page-Cache"]] == ["miss", "miss"]
    assert "Add to cart" in english.content.decode()


def test_the_home_page_is_cached_for_visitors_and_follows_new_resources(
    make_resource, make_member, django_capture_on_commit_callbacks
):
    Client().get("/fr/")
    cached = Client().get("/fr/")
    with django_capture_on_commit_callbacks(execute=True):
        make_resource("Laboratoire de titrage", slug="titrage")
    refreshed = Client().get("/fr/")
    member = Client()
    member.force_login(make_member("Sophie Gagnon"))

    assert cached["X-Page-Cache"] == "hit"
    assert refreshed["X-Page-Cache"] == "miss"
    assert "Laboratoire de titrage" in refreshed.content.decode()
    assert member.get("/fr/")["X-Page-Cache"] == "bypass"


def test_a_cached_collection_drops_a_resource_unpublished_since(
    make_resource, make_collection, django_capture_on_commit_callbacks
):
    kept = make_resource("Notes de cours : limites", slug="limites")
    other = make_resource("Laboratoire de titrage", slug="titrage")
    make_collection("Pour commencer", [(kept, "D'abord."), (other, "")], slug="commencer")
    Client().get("/fr/collections/commencer/")
    cached = Client().get("/fr/collections/commencer/")

    with django_capture_on_commit_callbacks(execute=True):
        other.unpublish()
    after = Client().get("/fr/collections/commencer/")

    assert cached["X-Page-Cache"] == "hit"
    assert "Laboratoire de titrage" in cached.content.decode()
    assert after["X-Page-Cache"] == "miss"
    assert "Laboratoire de titrage" not in after.content.decode()
    assert "Notes de cours : limites" in after.content.decode()
