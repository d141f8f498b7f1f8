"""The account dashboard (/<lang>/compte/): a greeting, the member's roles (teacher, APOP member
until a date with a renewal notice in the last 30 days, staff of an institution with member
prices) and the way to every account page."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from accounts import roles
from accounts.models import Institution, InstitutionDomain
from accounts.roles import academic_year, fcp_year

pytestmark = pytest.mark.django_db
User = get_user_model()
URL = "/en/account/"


def _user(client, email="theo@example.org", **fields):
    user = User.objects.create_user(email, "pw-long-enough", display_name="Théo Roy", **fields)
    client.force_login(user)
    return user


def _in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def _english_date(day):
    return f"{day:%B}\u00a0{day.day},\u00a0{day.year}"


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/fr/compte/")

    with translation.override("fr"):
        login = reverse("account_login")
    assert response.status_code == 302
    assert response["Location"] == f"{login}?next=/fr/compte/"


def test_a_teacher_sees_the_account_pages_and_how_to_become_a_member(client):
    _user(client)

    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Hello, Théo Roy" in html
    assert "Teacher account" in html
    assert "APOP member until" not in html
    assert "member prices" not in html
    with translation.override("en"):
        for name in ("accounts:library", "accounts:profile", "accounts:privacy", "submissions:new"):
            assert f'href="{reverse(name)}"' in html
        assert f'href="{reverse("account_email")}"' in html
        assert f'href="{reverse("account_change_password")}"' in html
        assert f'href="{reverse("submissions:list")}"' not in html
    assert "My author page" not in html
    # Selling is for members: the card leads to the membership instead.
    assert '<a href="/en/membership/">Become a member</a>' in html
    assert "/en/account/sales/" not in html


def test_a_member_sees_until_when_and_their_author_page(client):
    expires = _in_days(200)
    user = _user(client, membership_expires_on=expires)

    html = client.get(URL).content.decode()

    assert f"APOP member until {_english_date(expires)}" in html
    assert "You get member prices on resources for sale." in html
    assert 'href="/en/account/submissions/"' in html
    assert f'href="/en/authors/{user.slug}/"' in html
    assert "notice--warning" not in html


@pytest.mark.parametrize(("days", "warned"), [(0, True), (30, True), (31, False)])
def test_a_renewal_notice_in_the_last_30_days(client, days, warned):
    _user(client, membership_expires_on=_in_days(days))

    html = client.get(URL).content.decode()

    assert ("Your APOP membership ends on" in html) is warned


def test_an_expired_membership_is_mentioned(client):
    ended = _in_days(-3)
    _user(client, membership_expires_on=ended)

    html = client.get(URL).content.decode()

    assert f"Your APOP membership ended on {_english_date(ended)}." in html
    assert "Teacher account" in html


def test_staff_of_a_member_institution_get_member_prices(client):
    start, end = fcp_year(academic_year())
    institution = Institution.objects.create(
        name="Cégep de l'Exemple", member_from=min(start, roles.today()), member_until=end
    )
    InstitutionDomain.objects.create(institution=institution, domain="cegep-exemple.qc.ca")
    user = _user(client, email="prof@cegep-exemple.qc.ca")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    html = client.get(URL).content.decode()

    assert "Staff of Cégep de l&#x27;Exemple" in html
    assert "You get member prices on resources for sale." in html


def test_a_teacher_with_a_published_resource_has_an_author_page_link(client, make_resource):
    user = _user(client)
    make_resource(slug="theo", authors=[user])

    html = client.get(URL).content.decode()

    assert f'href="/en/authors/{user.slug}/"' in html
