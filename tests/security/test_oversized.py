"""Too much at once: a body over Django's limits gets the site's 400 page in the visitor's language
and nothing is saved; a field over its length gets its message and nothing is saved either."""

import pytest

from resources.models import Rating
from tests.helpers import lang_path
from tests.security.helpers import profile_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(client, make_member):
    user = make_member("Marie Tremblay")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("language", "heading"), [("fr", "Requête refusée"), ("en", "Request refused")]
)
def test_a_body_over_the_memory_limit_gets_the_400_page_and_saves_nothing(
    client, author, settings, language, heading
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000

    response = client.post(
        lang_path(language, "compte/profil/"), profile_form(author, bio="x" * 20_000)
    )

    assert response.status_code == 400
    assert f"<h1>{heading}</h1>" in response.content.decode()
    author.refresh_from_db()
    assert author.bio == ""


def test_too_many_fields_get_the_400_page(client, author, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50

    response = client.post(
        "/en/account/profile/", profile_form(author) | {f"f{i}": "1" for i in range(100)}
    )

    assert response.status_code == 400
    assert "<h1>Request refused</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value"),
    [("display_name", "M" * 121), ("links", "https://a.example/" + "a" * 2000)],
)
def test_a_field_over_its_length_is_refused_with_its_message(client, author, field, value):
    response = client.post(
        "/en/account/profile/", profile_form(author, **{field: value}, bio="Nouvelle")
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert "at most" in response.context["form"].errors[field][0]
    author.refresh_from_db()
    assert (author.display_name, author.bio) == ("Marie Tremblay", "")


def test_a_rating_comment_over_its_length_is_not_stored(client, author, make_resource):
    resource = make_resource("Notes")

    client.post(f"/fr/evaluations/{resource.pk}/", {"score": "4", "comment": "x" * 2001})

    assert Rating.objects.count() == 0
