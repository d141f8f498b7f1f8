"""One rule for who counts as an author of a resource (resources/authorship.py): the accounts
listed in its authors, and its owner — the member who submitted it — even when the list does not
name them. Rating, the cart, downloads, the resource page and the member's submissions agree."""

import pytest
from django.contrib.messages import get_messages
from wagtail.models import Page

from boutique.models import CartItem
from resources.authorship import author_ids, is_author
from resources.models import Rating, ResourcePage
from resources.ratings import can_rate
from submissions.service import submission_for, submissions_of

pytestmark = pytest.mark.django_db

OWN_RESOURCE = "Vous ne pouvez pas évaluer votre propre ressource."
OWN_PURCHASE = "You are an author of this resource: you can already download it."


@pytest.fixture
def owner(make_member):
    return make_member("Marie Tremblay")


@pytest.fixture
def co_author(make_member):
    return make_member("Paul Roy")


@pytest.fixture
def teacher(make_member):
    return make_member("Luc Gagnon")


@pytest.fixture
def paid(make_resource, owner, co_author):
    """A paid resource the owner submitted, whose list of authors names only the co-author."""
    page = make_resource(
        "Examens corrigés",
        slug="examens",
        authors=[co_author],
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=500,
    )
    Page.objects.filter(pk=page.pk).update(owner=owner)
    return ResourcePage.objects.get(pk=page.pk)


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_listed_authors_and_the_owner_are_the_authors(paid, owner, co_author, teacher):
    assert author_ids(paid) == {owner.pk, co_author.pk}
    assert [is_author(user, paid) for user in (owner, co_author, teacher)] == [True, True, False]


def test_the_owner_cannot_rate_their_resource(client, paid, owner):
    client.force_login(owner)

    response = client.post(f"/fr/evaluations/{paid.pk}/", {"score": "5", "comment": "Parfait"})

    assert can_rate(owner, paid) is False
    assert response.status_code == 302
    assert _messages(response) == [OWN_RESOURCE]
    assert Rating.objects.count() == 0


def test_the_owner_downloads_their_paid_resource(client, paid, owner):
    client.force_login(owner)

    response = client.get(f"/telechargement/{paid.pk}/")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="examens.zip"'


def test_the_owner_cannot_put_their_resource_in_the_cart(client, paid, owner):
    client.force_login(owner)

    response = client.post(f"/en/cart/add/{paid.pk}/")

    assert _messages(response) == [OWN_PURCHASE]
    assert CartItem.objects.count() == 0


def test_the_owner_sees_their_resource_as_theirs_on_its_page(client, paid, owner):
    client.force_login(owner)

    response = client.get("/fr/ressources/examens/")

    assert response.status_code == 200
    assert response.context["can_rate"] is False
    assert 'class="form rating-form"' not in response.content.decode()


def test_the_owner_finds_it_in_their_submissions(paid, owner):
    assert [submission.page.pk for submission in submissions_of(owner)] == [paid.pk]
    assert submission_for(owner, paid.pk).pk == paid.pk


def test_someone_else_may_rate_and_buy_it_but_not_download_it(client, paid, teacher):
    client.force_login(teacher)

    rated = client.post(f"/fr/evaluations/{paid.pk}/", {"score": "4", "comment": ""})
    assert rated.status_code == 302
    assert Rating.objects.get().user == teacher

    added = client.post(f"/en/cart/add/{paid.pk}/")
    assert _messages(added)[-1] == "“Examens corrigés” is in your cart."
    assert CartItem.objects.get().user == teacher

    downloaded = client.get(f"/telechargement/{paid.pk}/")
    assert "Content-Disposition" not in downloaded
    assert submissions_of(teacher) == []
