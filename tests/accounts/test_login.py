"""Log-in, log-out, throttling, password reset and change, and e-mail change (django-allauth under
/<lang>/compte/), in both languages."""

import re
from collections import Counter

import html5lib
import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from tests.accounts.helpers import PASSWORD, link_in
from tests.helpers import lang_path

pytestmark = pytest.mark.django_db
User = get_user_model()

MISMATCH_FR = "Cette adresse courriel et ce mot de passe ne correspondent à aucun compte actif."
MISMATCH_EN = "This e-mail address and password do not match an active account."
LOCKED = {  # allauth's own message, with allauth's French
    "en": "Too many failed login attempts. Try again later.",
    "fr": "Trop de tentatives de connexion échouées. Veuillez réessayer ultérieurement.",
}


def main_text(response) -> str:
    """The visible text of the page's <main>, spaces collapsed (attributes, hence the address
    typed in the form and the CSRF token, are left out)."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")


@pytest.mark.parametrize(
    ("lang", "html_lang", "heading", "button"),
    [("fr", "fr-CA", "Connexion", "Connexion"), ("en", "en-CA", "Log in", "Log in")],
)
def test_login_page_in_each_language(client, site_pages, lang, html_lang, heading, button):
    response = client.get(lang_path(lang, "compte/login/"))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{html_lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert f'<button type="submit" class="button button--primary">{button}</button>' in html
    assert 'type="email" name="login"' in html
    assert 'type="password" name="password"' in html
    assert 'type="checkbox" name="remember"' in html
    assert f'href="{lang_path(lang, "compte/password/reset/")}"' in html
    assert f'href="{lang_path(lang, "compte/signup/")}"' in html


def test_login_page_labels_are_ours(client, site_pages):
    response = client.get("/en/account/login/")

    html = response.content.decode()
    assert '<label for="id_login">E-mail address</label>' in html
    assert '<label for="id_password">Password</label>' in html
    assert '<label for="id_remember">Remember me</label>' in html
    assert "placeholder=" not in html.split("<main", 1)[1]


def test_old_login_address_is_gone(client, site_pages):
    assert client.get("/fr/compte/connexion/").status_code == 404


def test_login_with_a_confirmed_address_lands_on_the_dashboard(client, site_pages, make_account):
    teacher = make_account()

    response = client.post("/fr/compte/login/", {"login": "PROF@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/fr/compte/"
    assert logged_in_user_id(client) == str(teacher.pk)


def test_login_goes_to_a_safe_next_address(client, site_pages, make_account):
    make_account()

    response = client.post(
        "/fr/compte/login/",
        {"login": "prof@example.org", "password": PASSWORD, "next": "/fr/a-propos/"},
    )

    assert response["Location"] == "/fr/a-propos/"


def test_login_ignores_a_next_address_on_another_site(client, site_pages, make_account):
    make_account()

    response = client.post(
        "/fr/compte/login/",
        {"login": "prof@example.org", "password": PASSWORD, "next": "https://evil.example/"},
    )

    assert response["Location"] == "/fr/compte/"


@pytest.mark.parametrize(("remember", "ends_with_browser"), [("on", False), ("", True)])
def test_remember_me_keeps_the_session_after_the_browser_closes(
    client, site_pages, make_account, remember, ends_with_browser
):
    make_account()

    client.post(
        "/fr/compte/login/",
        {"login": "prof@example.org", "password": PASSWORD, "remember": remember},
    )

    assert client.session.get_expire_at_browser_close() is ends_with_browser


@pytest.mark.parametrize(
    ("email", "lang", "message"),
    [
        ("prof@example.org", "fr", MISMATCH_FR),
        ("nobody@example.org", "fr", MISMATCH_FR),
        ("prof@example.org", "en", MISMATCH_EN),
        ("nobody@example.org", "en", MISMATCH_EN),
    ],
)
def test_failed_login_says_the_same_whether_or_not_the_account_exists(
    client, site_pages, make_account, email, lang, message
):
    make_account()

    response = client.post(lang_path(lang, "compte/login/"), {"login": email, "password": "wrong"})

    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(rf'role="alert" id="form-errors">\s*<p>{re.escape(message)}</p>', html)
    assert logged_in_user_id(client) is None


def test_login_before_the_address_is_confirmed_sends_to_the_confirmation_page(
    client, site_pages, make_account, send
):
    make_account(verified=False)

    response = send("/fr/compte/login/", {"login": "prof@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/fr/compte/confirm-email/"
    assert logged_in_user_id(client) is None
    assert [m.to for m in mail.outbox] == [["prof@example.org"]]


def test_a_closed_account_can_never_log_in(client, site_pages, make_account):
    make_account(is_active=False, deleted_at=timezone.now())

    response = client.post(
        "/en/account/login/", {"login": "prof@example.org", "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain == [("/en/account/inactive/", 302)]
    assert "<h1>Account closed</h1>" in response.content.decode()
    assert logged_in_user_id(client) is None


def test_a_closed_account_with_a_wrong_password_looks_like_no_account(
    client, site_pages, make_account
):
    make_account(is_active=False, deleted_at=timezone.now())

    closed = client.post("/en/account/login/", {"login": "prof@example.org", "password": "x"})
    unknown = client.post("/en/account/login/", {"login": "nobody@example.org", "password": "x"})

    assert main_text(closed) == main_text(unknown)
    assert MISMATCH_EN in main_text(closed)


# --- Throttling ------------------------------------------------------------------------------


def fail_six_times(client, email, lang="en"):
    return [
        client.post(lang_path(lang, "compte/login/"), {"login": email, "password": f"wrong-{n}"})
        for n in range(6)
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_after_five_failures_the_address_is_locked_with_the_same_page_whether_or_not_it_exists(
    client, site_pages, make_account, lang
):
    make_account()

    existing = fail_six_times(client, "prof@example.org", lang)
    unknown = fail_six_times(client, "nobody@example.org", lang)

    assert [r.status_code for r in existing + unknown] == [200] * 12
    assert [LOCKED[lang] in main_text(r) for r in existing] == [False] * 5 + [True]
    assert [main_text(r) for r in existing] == [main_text(r) for r in unknown]
    assert logged_in_user_id(client) is None


def test_the_right_password_is_refused_during_the_lockout(client, site_pages, make_account):
    make_account()
    locked = fail_six_times(client, "prof@example.org")[-1]

    response = client.post(
        "/en/account/login/", {"login": "prof@example.org", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert main_text(response) == main_text(locked)
    assert LOCKED["en"] in main_text(response)
    assert logged_in_user_id(client) is None


def test_the_lockout_is_per_address(client, site_pages, make_account):
    make_account()
    make_account("other@example.org")
    fail_six_times(client, "prof@example.org")

    response = client.post(
        "/en/account/login/", {"login": "other@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_too_many_requests_get_a_429_page_in_the_site_look(client, site_pages, settings, lang):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    data = {"login": "nobody@example.org", "password": "wrong"}
    client.post(lang_path(lang, "compte/login/"), data)
    client.post(lang_path(lang, "compte/login/"), data)

    response = client.post(lang_path(lang, "compte/login/"), data)

    html = response.content.decode()
    assert response.status_code == 429
    assert f'<html lang="{lang}-CA">' in html
    assert 'class="site-header"' in html
    assert '<p class="error-page__code" aria-hidden="true">429</p>' in html


def test_the_429_page_reads_english_in_english(client, site_pages, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "1/m/ip"}
    client.post("/en/account/login/", {"login": "a@example.org", "password": "x"})

    response = client.post("/en/account/login/", {"login": "a@example.org", "password": "x"})

    assert response.status_code == 429
    assert "<h1>Too many attempts</h1>" in response.content.decode()


# --- Log-out ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_logout_is_a_post_that_ends_the_session_and_goes_home(
    client, site_pages, make_account, lang
):
    client.force_login(make_account())

    response = client.post(lang_path(lang, "compte/logout/"))

    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/"
    assert logged_in_user_id(client) is None


def test_logout_by_get_only_asks_for_confirmation(client, site_pages, make_account):
    teacher = make_account()
    client.force_login(teacher)

    response = client.get("/en/account/logout/")

    assert response.status_code == 200
    assert "<h1>Log out</h1>" in response.content.decode()
    assert logged_in_user_id(client) == str(teacher.pk)


# --- Password reset and change ---------------------------------------------------------------


def test_password_reset_journey(client, site_pages, make_account, send):
    teacher = make_account(language="en")

    requested = send("/en/account/password/reset/", {"email": "PROF@example.org"})
    assert requested["Location"] == "/en/account/password/reset/done/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "APOP boutique · Choose a new password"
    assert message.to == ["prof@example.org"]
    link = link_in(message)
    assert link.startswith("http://testserver/en/account/password/reset/key/")
    assert message.alternatives[0][1] == "text/html"
    assert link in message.alternatives[0][0]

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert "<h1>Choose a new password</h1>" in form_page.content.decode()
    set_password_url = form_page.redirect_chain[-1][0]
    done = send(set_password_url, {"password1": "a-new-pw-2026-x", "password2": "a-new-pw-2026-x"})

    assert done["Location"] == "/en/account/password/reset/key/done/"
    teacher.refresh_from_db()
    assert teacher.check_password("a-new-pw-2026-x")
    assert client.get(link).status_code == 200  # the used link now says it expired
    assert "<h1>Link expired</h1>" in client.get(link, follow=True).content.decode()


def test_password_reset_for_an_unknown_address_looks_the_same_and_tells_the_address(
    client, site_pages, make_account, send
):
    make_account()

    known = send("/en/account/password/reset/", {"email": "prof@example.org"}, follow=True)
    unknown = send("/en/account/password/reset/", {"email": "nobody@example.org"}, follow=True)

    assert main_text(known) == main_text(unknown)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        # The account's language (French) for its owner, the page's for an unknown address.
        (["prof@example.org"], "APOP boutique · Choisir un nouveau mot de passe"),
        (["nobody@example.org"], "APOP boutique · No account uses this address"),
    ]
    assert link_in(mail.outbox[1]) == "http://testserver/en/account/signup/"


def test_password_reset_email_is_in_the_account_language_not_the_page_language(
    site_pages, make_account, send
):
    make_account(language="en")

    send("/fr/compte/password/reset/", {"email": "prof@example.org"})

    assert mail.outbox[0].subject == "APOP boutique · Choose a new password"
    assert link_in(mail.outbox[0]).startswith("http://testserver/en/account/password/reset/key/")


def test_password_change(client, site_pages, make_account):
    teacher = make_account()
    client.force_login(teacher)

    response = client.post(
        "/en/account/password/change/",
        {"oldpassword": PASSWORD, "password1": "a-new-pw-2026-x", "password2": "a-new-pw-2026-x"},
    )

    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.check_password("a-new-pw-2026-x")
    assert logged_in_user_id(client) == str(teacher.pk)


def test_password_change_with_a_wrong_current_password_changes_nothing(
    client, site_pages, make_account
):
    teacher = make_account()
    client.force_login(teacher)

    response = client.post(
        "/en/account/password/change/",
        {"oldpassword": "wrong", "password1": "a-new-pw-2026-x", "password2": "a-new-pw-2026-x"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_oldpassword_error"' in html
    assert 'aria-invalid="true"' in html
    teacher.refresh_from_db()
    assert teacher.check_password(PASSWORD)


def test_security_notices_when_turned_on_go_in_the_account_language(
    client, site_pages, settings, make_account, send
):
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    teacher = make_account(language="en")
    client.force_login(teacher)

    send(
        "/fr/compte/password/change/",
        {"oldpassword": PASSWORD, "password1": "a-new-pw-2026-x", "password2": "a-new-pw-2026-x"},
    )

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["prof@example.org"], "APOP boutique · Your password has changed")
    ]
    assert link_in(mail.outbox[0]) == "http://testserver/en/account/password/reset/"
    assert "text/html" in [kind for _, kind in mail.outbox[0].alternatives]


# --- E-mail change ---------------------------------------------------------------------------


def test_email_change_takes_effect_once_the_new_address_is_confirmed(
    client, site_pages, make_account, send
):
    teacher = make_account(language="en")
    client.force_login(teacher)

    asked = send("/en/account/email/", {"action_add": "", "email": "New.Address@example.org"})

    assert asked.status_code == 302
    teacher.refresh_from_db()
    assert teacher.email == "prof@example.org"
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["new.address@example.org"], "APOP boutique · Confirm your e-mail address")
    ]
    page = client.get("/en/account/email/").content.decode()
    assert "Change waiting for confirmation" in page

    confirmed = send(link_in(mail.outbox[0]), {})

    assert confirmed.status_code == 302
    teacher.refresh_from_db()
    assert teacher.email == "new.address@example.org"
    assert list(
        EmailAddress.objects.filter(user=teacher).values_list("email", "verified", "primary")
    ) == [("new.address@example.org", True, True)]


def test_email_change_to_the_same_address_is_refused(client, site_pages, make_account, send):
    teacher = make_account()
    client.force_login(teacher)

    response = send("/en/account/email/", {"action_add": "", "email": "prof@example.org"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "This is already the e-mail address of your account." in html
    assert mail.outbox == []


def test_email_page_needs_a_login(client, site_pages):
    response = client.get("/fr/compte/email/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/compte/login/?next=/fr/compte/email/"


# --- Markup ----------------------------------------------------------------------------------


def assert_valid_html_with_unique_ids(html):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(html)  # raises html5lib.html5parser.ParseError on the first error
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [name for name, count in ids.items() if count > 1] == []


@pytest.mark.parametrize(
    "path",
    [
        "/fr/compte/login/",
        "/en/account/signup/",
        "/fr/compte/password/reset/",
        "/fr/compte/password/reset/done/",
        "/fr/compte/confirm-email/",
        "/fr/compte/confirm-email/not-a-key/",
        "/en/account/password/reset/key/1-not-a-key/",
        "/fr/compte/inactive/",
    ],
)
def test_entrance_pages_are_valid_html(client, site_pages, path):
    response = client.get(path)

    assert response.status_code == 200
    assert_valid_html_with_unique_ids(response.content.decode())


@pytest.mark.parametrize(
    "path", ["/fr/compte/email/", "/en/account/password/change/", "/fr/compte/logout/"]
)
def test_pages_for_logged_in_people_are_valid_html(client, site_pages, make_account, path):
    client.force_login(make_account())

    response = client.get(path)

    assert response.status_code == 200
    assert_valid_html_with_unique_ids(response.content.decode())


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/fr/compte/login/", {"login": "x", "password": ""}),
        ("/en/account/signup/", {"email": "x", "password1": "a", "password2": "b"}),
        ("/fr/compte/password/reset/", {"email": "x"}),
    ],
)
def test_forms_with_errors_are_valid_html(client, site_pages, path, data):
    response = client.post(path, data)

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert_valid_html_with_unique_ids(response.content.decode())
