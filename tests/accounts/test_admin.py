"""Editors manage accounts in the Wagtail admin with the e-mail login."""

import datetime

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


def test_staff_grant_a_membership_in_the_user_admin(client, editor):
    member = User.objects.create_user("membre@example.org", "pw-long-enough")
    form = client.get(f"/admin/users/edit/{member.pk}/")
    assert 'name="membership_expires_on"' in form.content.decode()

    response = client.post(
        f"/admin/users/edit/{member.pk}/",
        {
            "email": "membre@example.org",
            "first_name": "",
            "last_name": "",
            "display_name": "Marie Membre",
            "membership_expires_on": "2027-11-30",
            "language": "fr",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert str(member.membership_expires_on) == "2027-11-30"
    assert member.display_name == "Marie Membre"


def test_editors_create_an_institution_with_its_domains(client, editor):
    from accounts.models import Institution

    response = client.post(
        "/admin/snippets/accounts/institution/add/",
        {
            "name": "Cégep de l'Exemple",
            "member_from": "2026-08-01",
            "member_until": "2027-06-30",
            "domains-TOTAL_FORMS": "2",
            "domains-INITIAL_FORMS": "0",
            "domains-MIN_NUM_FORMS": "1",
            "domains-MAX_NUM_FORMS": "1000",
            "domains-0-domain": "cegep-exemple.qc.ca",
            "domains-0-ORDER": "1",
            "domains-0-DELETE": "",
            "domains-0-id": "",
            "domains-1-domain": "Etu.Cegep-Exemple.qc.ca",
            "domains-1-ORDER": "2",
            "domains-1-DELETE": "",
            "domains-1-id": "",
            "representatives-TOTAL_FORMS": "0",
            "representatives-INITIAL_FORMS": "0",
            "representatives-MIN_NUM_FORMS": "0",
            "representatives-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 302
    institution = Institution.objects.get()
    assert (institution.name, institution.member_from, institution.member_until) == (
        "Cégep de l'Exemple",
        datetime.date(2026, 8, 1),
        datetime.date(2027, 6, 30),
    )
    assert sorted(institution.domains.values_list("domain", flat=True)) == [
        "cegep-exemple.qc.ca",
        "etu.cegep-exemple.qc.ca",
    ]


def test_an_institution_without_domain_is_refused(client, editor):
    from accounts.models import Institution

    response = client.post(
        "/admin/snippets/accounts/institution/add/",
        {
            "name": "Cégep sans domaine",
            "domains-TOTAL_FORMS": "0",
            "domains-INITIAL_FORMS": "0",
            "domains-MIN_NUM_FORMS": "1",
            "domains-MAX_NUM_FORMS": "1000",
            "representatives-TOTAL_FORMS": "0",
            "representatives-INITIAL_FORMS": "0",
            "representatives-MIN_NUM_FORMS": "0",
            "representatives-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 200
    assert Institution.objects.count() == 0
