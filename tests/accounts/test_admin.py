"""Editors manage accounts in the Wagtail admin with the e-mail login."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("editrice@example.org", "pw-long-enough")
    client.force_login(user)
    return user


def test_admin_dashboard_opens_for_an_editor(client, editor, site_pages):
    response = client.get("/admin/")

    assert response.status_code == 200


def test_admin_creates_a_user_identified_by_email(client, editor):
    form = client.get("/admin/users/new/")
    assert form.status_code == 200
    assert 'name="username"' not in form.content.decode()

    response = client.post(
        "/admin/users/new/",
        {
            "email": "Nouveau.Prof@Example.org",
            "first_name": "Nadia",
            "last_name": "Roy",
            "password1": "Un-Mot-De-Passe-Solide-2026",
            "password2": "Un-Mot-De-Passe-Solide-2026",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    created = User.objects.get(email__iexact="nouveau.prof@example.org")
    assert created.get_full_name() == "Nadia Roy"
    assert created.check_password("Un-Mot-De-Passe-Solide-2026")


def test_admin_is_closed_to_anonymous_visitors(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
