"""Ratings: a logged-in teacher rates a resource (1 to 5 stars, optional comment) by POST to
/<lang>/evaluations/<page id>/; one rating per user and resource; the page keeps its counters."""

import pytest
from django.db import IntegrityError, transaction

from resources.models import Rating, ResourcePage
from resources.ratings import rate, refresh_stats

pytestmark = pytest.mark.django_db

CHOOSE_STARS = "Choisissez de 1 à 5 étoiles."
OWN_RESOURCE = "Vous ne pouvez pas évaluer votre propre ressource."
SAVED = "Merci\xa0: votre évaluation est enregistrée."


@pytest.fixture
def author(make_member):
    return make_member("Marie Tremblay")


@pytest.fixture
def teacher(make_member):
    return make_member("Luc Gagnon")


@pytest.fixture
def resource(make_resource, author):
    return make_resource("Notes de cours : limites", slug="limites", authors=[author])


def _rate_url(page) -> str:
    return f"/fr/evaluations/{page.pk}/"


def _counters(page) -> tuple[int, int]:
    page.refresh_from_db()
    return page.rating_count, page.rating_sum


def _error_notice(message: str) -> str:
    return f'<p class="notice notice--error">{message}</p>'


# --- Rating ---------------------------------------------------------------------------------


def test_a_logged_in_user_rates_a_resource(client, resource, teacher):
    # given
    client.force_login(teacher)

    # when
    response = client.post(_rate_url(resource), {"score": "4", "comment": "  Très utile.  "})

    # then
    assert response.status_code == 302
    assert response["Location"] == "/fr/ressources/limites/#evaluations"
    rating = Rating.objects.get()
    assert (rating.resource_id, rating.user, rating.score, rating.comment, rating.hidden) == (
        resource.pk,
        teacher,
        4,
        "Très utile.",
        False,
    )
    assert _counters(resource) == (1, 4)


def test_the_success_message_and_the_review_show_on_the_page(client, resource, teacher):
    client.force_login(teacher)

    response = client.post(
        _rate_url(resource), {"score": "4", "comment": "Très utile."}, follow=True
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<p class="notice notice--success">{SAVED}</p>' in html
    assert '4,0 sur 5 <span class="rating__count">(1 évaluation)</span>' in html
    assert "<p>Très utile.</p>" in html
    assert "Luc Gagnon, <time" in html
    assert "Modifier votre évaluation" in html


def test_rating_again_updates_the_same_rating(client, resource, teacher):
    # given
    client.force_login(teacher)
    client.post(_rate_url(resource), {"score": "2", "comment": "Bof."})
    first = Rating.objects.get()

    # when
    response = client.post(_rate_url(resource), {"score": "5", "comment": "Finalement, super."})

    # then
    assert response.status_code == 302
    assert Rating.objects.count() == 1
    rating = Rating.objects.get()
    assert (rating.pk, rating.score, rating.comment) == (first.pk, 5, "Finalement, super.")
    assert _counters(resource) == (1, 5)


def test_two_users_make_an_average(client, resource, teacher, make_member):
    # given
    other = make_member("Julie Roy")
    client.force_login(teacher)
    client.post(_rate_url(resource), {"score": "4", "comment": ""})
    client.force_login(other)
    client.post(_rate_url(resource), {"score": "5", "comment": "Excellent."})

    # when
    client.logout()
    html = client.get("/fr/ressources/limites/").content.decode()

    # then
    assert Rating.objects.count() == 2
    assert _counters(resource) == (2, 9)
    assert '4,5 sur 5 <span class="rating__count">(2 évaluations)</span>' in html
    assert '<span aria-hidden="true" class="rating__stars">★★★★☆</span>' in html
    assert "<p>Excellent.</p>" in html


def test_the_average_in_english(client, resource, teacher, make_member):
    rate(teacher, resource, 4)
    rate(make_member("Julie Roy"), resource, 5)

    html = client.get("/en/resources/limites/").content.decode()

    assert '4.5 out of 5 <span class="rating__count">(2 ratings)</span>' in html


# --- Who may not rate -----------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, resource):
    response = client.post(_rate_url(resource), {"score": "5", "comment": "Anonyme."})

    assert response.status_code == 302
    assert response["Location"] == f"/fr/compte/login/?next=/fr/evaluations/{resource.pk}/"
    assert Rating.objects.count() == 0
    assert _counters(resource) == (0, 0)


def test_an_anonymous_get_is_sent_to_the_login_page(client, resource):
    response = client.get(_rate_url(resource))

    assert response.status_code == 302
    assert response["Location"] == f"/fr/compte/login/?next=/fr/evaluations/{resource.pk}/"
    assert Rating.objects.count() == 0


def test_a_get_is_not_allowed(client, resource, teacher):
    client.force_login(teacher)

    response = client.get(_rate_url(resource), {"score": "5"})

    assert response.status_code == 405
    assert Rating.objects.count() == 0
    assert _counters(resource) == (0, 0)


def test_an_author_cannot_rate_their_own_resource(client, resource, author):
    # given
    client.force_login(author)

    # when
    response = client.post(_rate_url(resource), {"score": "5", "comment": "Parfait !"})

    # then
    assert response.status_code == 302
    assert response["Location"] == "/fr/ressources/limites/"
    assert Rating.objects.count() == 0
    assert _counters(resource) == (0, 0)
    html = client.get(response["Location"]).content.decode()
    assert _error_notice(OWN_RESOURCE) in html
    assert 'class="form rating-form"' not in html


def test_an_unpublished_resource_cannot_be_rated(client, make_resource, teacher):
    draft = make_resource("Brouillon", publish=False)
    client.force_login(teacher)

    response = client.post(_rate_url(draft), {"score": "5", "comment": ""})

    assert response.status_code == 404
    assert Rating.objects.count() == 0


def test_an_unknown_resource_cannot_be_rated(client, resource, teacher):
    client.force_login(teacher)

    response = client.post(f"/fr/evaluations/{resource.pk + 1000}/", {"score": "5"})

    assert response.status_code == 404
    assert Rating.objects.count() == 0


# --- Bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"score": "0", "comment": "Zéro."}, CHOOSE_STARS),
        ({"score": "6", "comment": "Six."}, CHOOSE_STARS),
        ({"score": "abc", "comment": "Lettres."}, CHOOSE_STARS),
        ({"score": "", "comment": "Vide."}, CHOOSE_STARS),
        ({"comment": "Sans note."}, CHOOSE_STARS),
        (
            {"score": "5", "comment": "x" * 2001},
            "Assurez-vous que cette valeur comporte au plus 2000 caractères (actuellement 2001).",
        ),
    ],
)
def test_invalid_input_changes_nothing_and_says_why(client, resource, teacher, data, message):
    # given an earlier rating of 3 stars
    rate(teacher, resource, 3, "Correct.")
    client.force_login(teacher)

    # when
    response = client.post(_rate_url(resource), data, follow=True)

    # then
    assert response.redirect_chain == [("/fr/ressources/limites/#evaluations", 302)]
    assert _error_notice(message) in response.content.decode()
    rating = Rating.objects.get()
    assert (rating.score, rating.comment) == (3, "Correct.")
    assert _counters(resource) == (1, 3)


# --- Moderation of reviews ------------------------------------------------------------------


def test_a_hidden_review_leaves_the_average_and_the_page(client, resource, teacher, make_member):
    # given
    rate(teacher, resource, 5, "Excellent travail.")
    unkind = rate(make_member("Julie Roy"), resource, 2, "Décevant.")
    assert _counters(resource) == (2, 7)

    # when an editor hides the second review
    Rating.objects.filter(pk=unkind.pk).update(hidden=True)
    refresh_stats(resource.pk)

    # then
    html = client.get("/fr/ressources/limites/").content.decode()
    assert _counters(resource) == (1, 5)
    assert '5,0 sur 5 <span class="rating__count">(1 évaluation)</span>' in html
    assert "<p>Excellent travail.</p>" in html
    assert "Décevant." not in html
    assert Rating.objects.count() == 2


def test_refreshing_stats_counts_only_visible_ratings(resource, teacher, make_member):
    rate(teacher, resource, 4)
    Rating.objects.update(hidden=True)

    refresh_stats(resource.pk)

    assert _counters(resource) == (0, 0)
    assert ResourcePage.objects.get(pk=resource.pk).rating_average is None


# --- Database constraints -------------------------------------------------------------------


def test_one_rating_per_user_and_resource_is_enforced_by_the_database(resource, teacher):
    Rating.objects.create(resource=resource, user=teacher, score=4)

    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.create(resource=resource, user=teacher, score=5)

    assert list(Rating.objects.values_list("score", flat=True)) == [4]


@pytest.mark.parametrize("score", [0, 6])
def test_a_score_outside_1_to_5_is_refused_by_the_database(resource, teacher, score):
    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.create(resource=resource, user=teacher, score=score)

    assert Rating.objects.count() == 0
