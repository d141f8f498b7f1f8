"""Sign-up (django-allauth at /<lang>/compte/signup/): the two separate consents of Quebec's
Law 25, the confirmation e-mail in the person's language, confirming by POST, then logging in;
and a sign-up that never reveals whether an address already has an account."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from tests.accounts.helpers import PASSWORD, link_in
from tests.helpers import lang_path

pytestmark = pytest.mark.django_db
User = get_user_model()

TERMS_REQUIRED = "Accept the terms of use and the privacy policy to create an account."


def signup_data(**overrides):
    data = {
        "email": "Nouvelle.Prof@Cegep.example",
        "display_name": "Nadia Prof",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "terms": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def main_text(response) -> str:
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


# --- The page --------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "html_lang"), [("fr", "fr-CA"), ("en", "en-CA")])
def test_signup_page_asks_two_separate_consents_both_unticked(client, site_pages, lang, html_lang):
    response = client.get(lang_path(lang, "compte/signup/"))

    html = response.content.decode()
    links = response.context["site_links"]
    assert response.status_code == 200
    assert f'<html lang="{html_lang}">' in html
    assert '<input type="checkbox" name="terms" required id="id_terms">' in html
    assert (
        '<input type="checkbox" name="newsletter" aria-describedby="id_newsletter_helptext" '
        'id="id_newsletter">'
    ) in html
    assert f'<a href="{links["terms_page"]}">' in html
    assert f'<a href="{links["privacy_page"]}">' in html
    assert links["terms_page"].startswith(f"/{lang}/")
    assert 'name="display_name"' in html
    assert 'name="password1"' in html
    assert 'name="password2"' in html


def test_signup_page_in_english_reads_english(client, site_pages):
    response = client.get("/en/account/signup/")

    html = response.content.decode()
    assert "<h1>Create an account</h1>" in html
    assert '<label for="id_email">E-mail address</label>' in html
    assert (
        '<label for="id_display_name">Display name <span class="field__optional">(optional)</span></label>'
        in html
    )
    assert "I accept the <a href=" in html
    assert '<label for="id_newsletter">I want to receive the newsletter.</label>' in html


# --- Sign-up, confirmation, log-in -----------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_signup_creates_an_unconfirmed_account_and_sends_the_confirmation_in_the_page_language(
    site_pages, send, lang
):
    response = send(lang_path(lang, "compte/signup/"), signup_data())

    assert response.status_code == 302
    assert response["Location"] == lang_path(lang, "compte/confirm-email/")
    user = User.objects.get()
    assert (user.email, user.display_name, user.language) == (
        "nouvelle.prof@cegep.example",
        "Nadia Prof",
        lang,
    )
    assert user.slug == "nadia-prof"
    assert list(EmailAddress.objects.values_list("email", "verified", "primary")) == [
        ("nouvelle.prof@cegep.example", False, True)
    ]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nouvelle.prof@cegep.example"]
    assert message.subject.startswith("APOP boutique · ")
    assert link_in(message).startswith(
        f"http://testserver{lang_path(lang, 'compte/confirm-email/')}"
    )
    assert message.alternatives[0][1] == "text/html"
    assert f'<html lang="{lang}-CA">' in message.alternatives[0][0]
    assert link_in(message) in message.alternatives[0][0]


def test_confirmation_email_in_english(site_pages, send):
    send("/en/account/signup/", signup_data())

    message = mail.outbox[0]
    assert message.subject == "APOP boutique · Confirm your e-mail address"
    assert message.body.startswith("Hello Nadia Prof,\n\nWelcome to APOP boutique!")
    assert "APOP boutique\nhttp://testserver/en/" in message.body


def test_the_link_shows_a_confirm_button_and_only_a_post_confirms(client, site_pages, send):
    send("/fr/compte/signup/", signup_data())
    link = link_in(mail.outbox[0])

    page = client.get(link)

    html = page.content.decode()
    assert page.status_code == 200
    assert re.search(
        r'<form method="post" action="/fr/compte/confirm-email/[^"]+/" class="form">', html
    )
    assert '<button type="submit" class="button button--primary">' in html
    assert EmailAddress.objects.get().verified is False

    confirmed = send(link, {})

    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/fr/compte/login/"
    assert EmailAddress.objects.get().verified is True


def test_full_journey_sign_up_confirm_then_log_in(client, site_pages, send):
    send("/fr/compte/signup/", signup_data())
    refused = send(
        "/fr/compte/login/", {"login": "nouvelle.prof@cegep.example", "password": PASSWORD}
    )
    send(link_in(mail.outbox[0]), {})

    logged_in = client.post(
        "/fr/compte/login/", {"login": "nouvelle.prof@cegep.example", "password": PASSWORD}
    )

    assert refused["Location"] == "/fr/compte/confirm-email/"
    assert logged_in.status_code == 302
    assert logged_in["Location"] == "/fr/compte/"
    assert client.session["_auth_user_id"] == str(User.objects.get().pk)


def test_an_expired_or_unknown_link_says_so(client, site_pages):
    response = client.get("/en/account/confirm-email/not-a-real-key/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "This confirmation link has expired or has already been used." in html
    assert "<form" not in html.split("<main", 1)[1]


# --- Consents (Law 25) -----------------------------------------------------------------------


@pytest.mark.parametrize(("newsletter", "subscribed"), [("on", True), (None, False)])
def test_consents_are_recorded_separately_and_dated(site_pages, send, newsletter, subscribed):
    before = timezone.now()

    send("/fr/compte/signup/", signup_data(newsletter=newsletter))

    user = User.objects.get()
    after = timezone.now()
    assert before <= user.terms_accepted_at <= after
    if subscribed:
        assert before <= user.newsletter_opt_in_at <= after
    else:
        assert user.newsletter_opt_in_at is None


def test_signup_without_accepting_the_terms_is_refused_next_to_the_checkbox(
    client, site_pages, send
):
    response = send("/en/account/signup/", signup_data(terms=None, newsletter="on"))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<div class="field__error" id="id_terms_error"><p>{TERMS_REQUIRED}</p></div>' in html
    assert (
        '<input type="checkbox" name="terms" required aria-invalid="true" '
        'aria-describedby="id_terms_error" id="id_terms">'
    ) in html
    assert 'id="form-errors"' in html
    assert User.objects.count() == 0
    assert EmailAddress.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"email": None}, "email"),
        ({"email": "pas-une-adresse"}, "email"),
        ({"password2": "another-pw-2026"}, "password2"),
        ({"password1": "short", "password2": "short"}, "password1"),
        ({"password1": "12345678901", "password2": "12345678901"}, "password1"),
        ({"display_name": "x" * 121}, "display_name"),
        ({"terms": None}, "terms"),
    ],
)
def test_bad_signup_creates_nothing_and_marks_the_field(site_pages, send, overrides, field):
    response = send("/fr/compte/signup/", signup_data(**overrides))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in html
    assert User.objects.count() == 0
    assert mail.outbox == []


def test_french_pages_show_allauth_messages_in_french(site_pages, send):
    response = send("/fr/compte/signup/", signup_data(password2="another-pw-2026"))

    html = response.content.decode()
    assert (
        '<div class="field__error" id="id_password2_error">'
        "<p>Vous devez saisir deux fois le même mot de passe.</p></div>"
    ) in html
    assert User.objects.count() == 0


# --- No enumeration --------------------------------------------------------------------------


def test_signup_with_an_address_that_has_an_account_looks_the_same_and_tells_its_owner(
    client, site_pages, make_account, send
):
    owner = make_account("nouvelle.prof@cegep.example", display_name="Nadia", language="en")

    taken = send("/fr/compte/signup/", signup_data(), follow=True)
    mail_for_owner = list(mail.outbox)
    mail.outbox.clear()
    fresh = send("/fr/compte/signup/", signup_data(email="autre@cegep.example"), follow=True)

    assert taken.redirect_chain == fresh.redirect_chain == [("/fr/compte/confirm-email/", 302)]
    assert main_text(taken) == main_text(fresh)
    assert User.objects.filter(email="nouvelle.prof@cegep.example").get() == owner
    assert [(m.to, m.subject) for m in mail_for_owner] == [
        (["nouvelle.prof@cegep.example"], "APOP boutique · You already have an account")
    ]
    assert mail_for_owner[0].body.startswith("Hello Nadia,")
    assert link_in(mail_for_owner[0]) == "http://testserver/en/account/password/reset/"
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)
