"""Closing an account, what the person sees: the confirmation e-mail and the confirmation page."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core import mail

from members.privacy import (
    ResourcesChoice,
    close_account,
)
from resources.models import ResourcePage
from tests.accounts.people import PASSWORD
from tests.members.helpers import DELETE_URL

pytestmark = pytest.mark.django_db
User = get_user_model()


# --- The confirmation e-mail -------------------------------------------------------------------


def test_the_confirmation_goes_to_the_old_address_after_commit(
    world, django_capture_on_commit_callbacks
):
    world.marie.language = "en"
    world.marie.save()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        close_account(world.marie, ResourcesChoice.ANONYMISE)
    assert mail.outbox == []
    for callback in callbacks:
        callback()

    (message,) = mail.outbox
    assert message.to == ["marie@cegep.example"]
    assert message.subject == "APOP boutique · Your account has been deleted"
    assert "As you asked, your APOP boutique account was deleted on" in message.body
    assert "Drafts deleted:\n- Brouillon : intégrales\n" in message.body
    assert "Resources unpublished:\n- Examens corrigés\n" in message.body
    assert (
        "Resources still online, credited to an anonymous author:\n"
        "- Projet commun\n- Notes de cours : limites\n- Exercices : dérivées\n"
    ) in message.body
    assert "http://testserver/en/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="en-CA">' in html
    assert '<a href="http://testserver/en/"' in html


def test_the_confirmation_is_in_the_user_s_language(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        close_account(world.marie, ResourcesChoice.ANONYMISE)

    (message,) = mail.outbox
    assert message.subject == "APOP boutique · Votre compte a été supprimé"
    assert '<html lang="fr-CA">' in message.alternatives[0][0]


# --- The confirmation page ---------------------------------------------------------------------


def test_the_page_needs_a_login(client, site_pages):
    response = client.get(DELETE_URL)

    assert response.status_code == 302
    assert "?next=/fr/compte/confidentialite/supprimer/" in response["Location"]


def test_get_shows_the_plan_and_the_form(world):
    response = world.marie_session.get("/en/account/privacy/delete/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Delete my account</h1>" in html
    assert "A confirmation is sent to marie@cegep.example." in html
    for heading, title in [
        ("Drafts never published: deleted", "Brouillon : intégrales"),
        ("Shared with other members: they stay as they are", "Projet commun"),
        ("For sale: unpublished", "Examens corrigés"),
        ("Free and published: you choose", "Notes de cours : limites"),
    ]:
        assert f"<h3>{heading}</h3>" in html
        assert f"<li>{title}</li>" in html
    assert "A resource cannot stay for sale without its rights holder" in html
    assert "<legend>What should happen to your free published resources?</legend>" in html
    assert html.count('type="radio" name="resources"') == 2
    assert 'value="anonymise"' in html
    assert 'value="unpublish"' in html
    assert 'type="password" name="password"' in html
    assert 'autocomplete="current-password"' in html
    assert 'type="checkbox" name="confirm"' in html


def test_the_choice_is_not_asked_when_nothing_depends_on_it(client, make_member, make_resource):
    member = make_member("Paul Payant")
    make_resource(
        "À vendre", authors=[member], price_cents=500, licence="LicenseRef-APOP-All-Rights-Reserved"
    )
    client.force_login(member)

    html = client.get(DELETE_URL).content.decode()

    assert 'name="resources"' not in html
    assert 'name="password"' in html


def test_a_wrong_password_is_refused_and_nothing_changes(world):
    response = world.marie_session.post(
        "/en/account/privacy/delete/",
        {"resources": "anonymise", "password": "not-my-password", "confirm": "on"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Your account has not been deleted." in html
    assert (
        '<div class="field__error" id="id_password_error"><p>This password is not the right one.</p>'
        in html
    )
    assert (
        '<input type="password" name="password" autocomplete="current-password" required '
        'aria-invalid="true" aria-describedby="id_password_error" id="id_password">'
    ) in html
    marie = User.objects.get(pk=world.marie.pk)
    assert (marie.email, marie.is_active, marie.display_name) == (
        "marie@cegep.example",
        True,
        "Marie Tremblay",
    )
    assert EmailAddress.objects.filter(user=marie).count() == 2
    assert ResourcePage.objects.filter(pk=world.draft.pk).exists() is True
    assert ResourcePage.objects.get(pk=world.free.pk).live is True
    assert mail.outbox == []
    assert world.marie_session.get("/fr/compte/confidentialite/").status_code == 200


@pytest.mark.parametrize(
    ("data", "field", "message", "describedby"),
    [
        (
            {"password": PASSWORD, "confirm": "on"},
            "resources",
            "Choose what happens to your published resources.",
            "id_resources_helptext id_resources_error",
        ),
        (
            {"resources": "keep-forever", "password": PASSWORD, "confirm": "on"},
            "resources",
            "Select a valid choice. keep-forever is not one of the available choices.",
            "id_resources_helptext id_resources_error",
        ),
        (
            {"resources": "anonymise", "confirm": "on"},
            "password",
            "Enter your password to confirm.",
            "id_password_error",
        ),
        (
            {"resources": "anonymise", "password": PASSWORD},
            "confirm",
            "Tick the box to confirm that you want to delete it.",
            "id_confirm_error",
        ),
    ],
)
def test_incomplete_confirmations_are_refused(world, data, field, message, describedby):
    response = world.marie_session.post("/en/account/privacy/delete/", data)

    html = response.content.decode()
    assert response.status_code == 400
    assert f'<div class="field__error" id="id_{field}_error"><p>{message}</p></div>' in html
    assert f'aria-describedby="{describedby}"' in html
    assert User.objects.get(pk=world.marie.pk).is_active is True


def test_too_many_attempts_are_slowed_down(world):
    for _ in range(10):
        world.marie_session.post(DELETE_URL, {"password": "wrong"})

    right = world.marie_session.post(
        "/en/account/privacy/delete/",
        {"resources": "anonymise", "password": PASSWORD, "confirm": "on"},
    )
    wrong = world.marie_session.post(
        "/en/account/privacy/delete/",
        {"resources": "anonymise", "password": "guess", "confirm": "on"},
    )

    assert (right.status_code, wrong.status_code) == (429, 429)
    assert "Too many attempts. Wait a minute, then try again." in right.content.decode()
    # Past the limit, the answer says nothing about the password.
    assert "This password is not the right one." not in wrong.content.decode()
    assert User.objects.get(pk=world.marie.pk).is_active is True


def test_confirming_deletes_logs_out_and_says_so(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = world.marie_session.post(
            "/en/account/privacy/delete/",
            {"resources": "unpublish", "password": PASSWORD, "confirm": "on"},
        )

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Your account has been deleted. A confirmation has been sent to your former e-mail "
        "address. Thank you for having been part of the APOP boutique."
    ]
    marie = User.objects.get(pk=world.marie.pk)
    assert (marie.is_active, marie.email) == (False, f"supprime-{marie.pk}@invalid.example")
    assert ResourcePage.objects.get(pk=world.free.pk).live is False
    assert len(mail.outbox) == 1
    assert world.marie_session.get("/fr/compte/confidentialite/").status_code == 302


def test_the_last_administrator_sees_why_and_gets_no_form(client, make_member):
    admin = make_member("Seule Admin", is_staff=True, is_superuser=True)
    client.force_login(admin)

    get = client.get("/en/account/privacy/delete/")
    post = client.post("/en/account/privacy/delete/", {"password": PASSWORD, "confirm": "on"})

    assert "You are the site&#x27;s only administrator" in get.content.decode()
    assert 'name="password"' not in get.content.decode()
    assert post.status_code == 409
    assert User.objects.get(pk=admin.pk).is_active is True
