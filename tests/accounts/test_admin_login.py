"""The Wagtail admin has no door of its own: its log-in and password reset are allauth's, with
allauth's lockout, its throttled reset and its refusal of unconfirmed addresses."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from accounts.roles import EDITORS_GROUP
from tests.accounts.helpers import PASSWORD

pytestmark = pytest.mark.django_db


def _session_user(client):
    return client.session.get("_auth_user_id")


def test_the_admin_login_page_sends_to_the_site_login(client, site_pages):
    response = client.get("/admin/login/?next=/admin/pages/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 302
    assert response["Location"] == "/fr/compte/login/?next=/admin/pages/"


def test_the_admin_sends_anonymous_visitors_to_the_site_login(client, site_pages):
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en", follow=True)

    assert response.redirect_chain == [
        ("/admin/login/?next=/admin/", 302),
        ("/en/account/login/?next=/admin/", 302),
    ]
    assert response.status_code == 200


def test_an_unsafe_next_is_dropped(client, site_pages):
    response = client.get("/admin/login/?next=https://evil.example/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response["Location"] == "/fr/compte/login/?next=/admin/"


def test_a_signed_in_member_without_admin_access_is_refused_without_a_loop(
    client, make_account, site_pages
):
    client.force_login(make_account("prof@example.org"))

    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr", follow=True)

    assert response.redirect_chain == [("/admin/login/?next=/admin/", 302)]
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Accès refusé</h1>" in html
    assert '<html lang="fr-CA">' in html


def test_a_signed_in_editor_at_the_admin_login_goes_to_next(client, make_account, site_pages):
    editor = make_account("editrice@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)

    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"


def test_posting_to_the_admin_login_logs_nobody_in(client, make_account):
    make_account("editrice@example.org", is_staff=True, is_superuser=True)

    response = client.post(
        "/admin/login/", {"username": "editrice@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/fr/compte/login/")
    assert _session_user(client) is None


def test_an_unconfirmed_account_gets_no_session_through_the_admin(client, make_account):
    make_account("nouveau@example.org", verified=False)

    client.post("/admin/login/", {"username": "nouveau@example.org", "password": PASSWORD})
    dashboard = client.get("/fr/compte/")

    assert _session_user(client) is None
    assert dashboard.status_code == 302
    assert dashboard["Location"].startswith("/fr/compte/login/")


def test_wrong_passwords_at_the_admin_never_open_it(client, make_account):
    make_account("editrice@example.org", is_staff=True, is_superuser=True)

    for _attempt in range(25):
        client.post("/admin/login/", {"username": "editrice@example.org", "password": "nope"})
    client.post("/admin/login/", {"username": "editrice@example.org", "password": PASSWORD})

    assert _session_user(client) is None
    assert client.get("/admin/").status_code == 302


def test_the_admin_password_reset_sends_no_mail_and_leads_to_the_site_reset(
    client, make_account, send
):
    make_account("editrice@example.org", is_staff=True)

    responses = [
        send("/admin/password_reset/", {"email": "editrice@example.org"}) for _ in range(7)
    ]

    assert {response.status_code for response in responses} == {302}
    assert responses[0]["Location"] == "/fr/compte/password/reset/"
    assert mail.outbox == []


def test_an_editor_reaches_the_admin_through_the_site_login(client, make_account, site_pages):
    editor = make_account("editrice@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))

    login = client.post(
        "/fr/compte/login/?next=/admin/",
        {"login": "editrice@example.org", "password": PASSWORD},
    )
    admin = client.get("/admin/")

    assert login.status_code == 302
    assert login["Location"] == "/admin/"
    assert int(_session_user(client)) == editor.pk
    assert admin.status_code == 200


def test_logging_out_of_the_admin_leads_to_the_site_login(client, make_account, site_pages):
    editor = make_account("editrice@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)

    response = client.post("/admin/logout/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/"
    assert _session_user(client) is None
    assert get_user_model().objects.filter(pk=editor.pk).exists()
