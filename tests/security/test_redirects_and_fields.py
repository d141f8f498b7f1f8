"""Two classes of tampering, table-driven. Open redirects: every `next` the site honours keeps
visitors on the site, whatever form the foreign address takes. Hidden fields: fields a member's
form does not show (staff flags, membership, owner, authors, price, validation) are ignored when
added to a request, and nothing they name changes."""

from urllib.parse import urlsplit

import pytest

from resources.models import Rating
from tests.resources.helpers import DESCRIPTION, a_year_from_now, latest, start_submission, step_url

pytestmark = pytest.mark.django_db

FOREIGN = [
    "https://evil.example/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "https:evil.example",
    " //evil.example",
    "\t//evil.example",
    "javascript:alert(1)",
    "data:text/html,x",
    "http://testserver@evil.example/",
    "https://testserver.evil.example/",
]


def _stays_on_site(location: str) -> bool:
    parts = urlsplit(location)
    return (
        not parts.scheme
        and not parts.netloc
        and location.startswith("/")
        and not location.startswith(("//", "/\\"))
    )


@pytest.fixture
def teacher(client, make_member):
    user = make_member("Théo Enseignant")
    client.force_login(user)
    return user


@pytest.fixture
def free(make_resource):
    return make_resource("Notes libres")


@pytest.fixture
def paid(make_resource, make_member):
    return make_resource(
        "Examens",
        price_cents=1000,
        licence="LicenseRef-APOP-All-Rights-Reserved",
        authors=[make_member("Autrice")],
    )


@pytest.mark.parametrize("target", FOREIGN)
def test_the_boutique_s_next_stays_on_the_site(client, teacher, free, paid, target):
    for url in (
        f"/fr/panier/ajouter/{paid.pk}/",
        f"/fr/panier/retirer/{paid.pk}/",
        f"/fr/panier/obtenir/{free.pk}/",
        f"/fr/panier/obtenir/{free.pk}/retirer/",
        "/fr/panier/adhesion/",
    ):
        response = client.post(url, {"next": target})
        assert response.status_code == 302, url
        assert _stays_on_site(response["Location"]), (url, response["Location"])


@pytest.mark.parametrize("target", FOREIGN)
def test_following_an_author_stays_on_the_site(client, teacher, make_member, make_resource, target):
    author = make_member("Marie Tremblay")
    make_resource("Notes", authors=[author])

    response = client.post(f"/fr/auteurs/{author.slug}/suivre/", {"next": target})

    assert response.status_code == 302
    assert _stays_on_site(response["Location"])


@pytest.mark.parametrize("target", FOREIGN)
@pytest.mark.parametrize("door", ["/admin/login/", "/fr/_util/login/"])
def test_the_log_in_doors_keep_next_on_the_site(client, door, target):
    response = client.get(door, {"next": target})

    assert response.status_code == 302
    assert _stays_on_site(response["Location"])
    login_next = urlsplit(response["Location"]).query.removeprefix("next=")
    assert "evil" not in login_next
    assert "javascript" not in login_next


@pytest.mark.parametrize("target", FOREIGN)
def test_allauth_s_log_in_keeps_next_on_the_site(client, make_member, target):
    make_member("Théo Enseignant", email="theo@example.org")

    response = client.post(
        "/fr/compte/login/",
        {"login": "theo@example.org", "password": "pw-long-enough", "next": target},
    )

    assert response.status_code == 302
    assert _stays_on_site(response["Location"])


# --- Hidden fields ----------------------------------------------------------------------------


def test_the_profile_ignores_fields_it_does_not_show(client, teacher):
    before = (teacher.email, teacher.slug, teacher.membership_expires_on)

    response = client.post(
        "/fr/compte/profil/",
        {
            "display_name": "Théo E.",
            "bio": "",
            "bio_en": "",
            "links": "",
            "language": "fr",
            "is_staff": "on",
            "is_superuser": "on",
            "membership_expires_on": "2099-12-31",
            "slug": "administrateur",
            "email": "autre@example.org",
            "password": "x",
        },
    )

    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.display_name == "Théo E."
    assert (teacher.is_staff, teacher.is_superuser) == (False, False)
    assert (teacher.email, teacher.slug, teacher.membership_expires_on) == before


def test_a_submission_step_ignores_fields_it_does_not_show(client, catalogue, make_member):
    member = make_member("Marie Tremblay", membership_expires_on=a_year_from_now())
    intruder = make_member("Ivan Intrus")
    client.force_login(member)
    draft = start_submission(client)

    client.post(
        step_url(draft, "description"),
        DESCRIPTION
        | {
            "price_cents": "1",
            "member_price_cents": "1",
            "owner": intruder.pk,
            "authors": intruder.pk,
            "validated": "on",
            "validated_by": intruder.pk,
            "live": "on",
            "licence": "CC0-1.0",
        },
    )

    draft.refresh_from_db()
    saved = latest(draft)
    assert (draft.owner_id, draft.live) == (member.pk, False)
    assert (saved.price_cents, saved.member_price_cents) == (
        draft.price_cents,
        draft.member_price_cents,
    )
    assert not getattr(saved, "validated_at", None)
    assert saved.licence == draft.licence
    assert [author.pk for author in saved.authors.all()] == [member.pk]


def test_a_rating_ignores_fields_it_does_not_show(client, teacher, free, make_member):
    other = make_member("Ivan Intrus")

    client.post(
        f"/fr/evaluations/{free.pk}/",
        {"score": "5", "comment": "Bien", "user": other.pk, "hidden": "on", "resource": 1},
    )

    rating = Rating.objects.get()
    assert (rating.user, rating.resource, rating.hidden) == (teacher, free, False)
