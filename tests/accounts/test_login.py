"""Log-in and log-out pages under /<lang>/compte/."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher():
    return get_user_model().objects.create_user("prof@example.org", "pw-long-enough")


def test_login_page_renders_in_french(client, site_pages):
    response = client.get("/fr/compte/connexion/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Connexion</h1>" in html
    assert 'type="email" name="username"' in html


def test_login_with_email_and_password_redirects_to_next(client, site_pages, teacher):
    response = client.post(
        "/fr/compte/connexion/",
        {"username": "PROF@example.org", "password": "pw-long-enough", "next": "/fr/a-propos/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/fr/a-propos/"
    assert client.session["_auth_user_id"] == str(teacher.pk)


@pytest.mark.parametrize(
    ("email", "lang", "message"),
    [
        (
            "prof@example.org",
            "fr",
            "Cette adresse courriel et ce mot de passe ne correspondent à aucun compte actif.",
        ),
        (
            "nobody@example.org",
            "fr",
            "Cette adresse courriel et ce mot de passe ne correspondent à aucun compte actif.",
        ),
        (
            "nobody@example.org",
            "en",
            "This e-mail address and password do not match an active account.",
        ),
    ],
)
def test_failed_login_says_the_same_whether_or_not_the_account_exists(
    client, site_pages, teacher, email, lang, message
):
    response = client.post(f"/{lang}/compte/connexion/", {"username": email, "password": "wrong"})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_is_a_post_and_ends_the_session(client, site_pages, teacher):
    client.force_login(teacher)

    response = client.post("/fr/compte/deconnexion/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
