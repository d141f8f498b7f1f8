"""Accounts in a real browser: sign up in French, open the confirmation link from the e-mail,
confirm, log in and land on the dashboard; accessibility (axe-core, WCAG 2.1 A/AA) of the sign-up
page with its errors shown, the log-in page and the password reset pages; screenshots."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from tests.e2e.helpers import axe_violations
from tests.helpers import lang_path

pytestmark = pytest.mark.e2e

PASSWORD = "pw-long-enough-2026"


def confirmation_link() -> str:
    """The live server runs in this process: its e-mails are in Django's locmem outbox."""
    assert len(mail.outbox) == 1
    return re.search(r"https?://\S+/compte/confirm-email/\S+/", mail.outbox[0].body).group(0)


def test_sign_up_confirm_and_log_in_in_french(page, site_url, axe_source, screenshot):
    page.goto(f"{site_url}/fr/compte/signup/")
    expect(page.locator("#id_terms")).not_to_be_checked()
    expect(page.locator("#id_newsletter")).not_to_be_checked()

    # An empty form: every error is shown next to its field, and the page stays accessible.
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("#id_terms_error")).to_be_visible()
    expect(page.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    assert axe_violations(page, axe_source) == []
    screenshot(page, "accounts-signup-errors-fr")

    page.locator("#id_email").fill("nadia.prof@cegep.example")
    page.locator("#id_display_name").fill("Nadia Prof")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("#id_terms").check()
    page.locator("form.form button[type=submit]").click()

    page.wait_for_url(f"{site_url}/fr/compte/confirm-email/")
    screenshot(page, "accounts-verification-sent-fr")
    user = get_user_model().objects.get(email="nadia.prof@cegep.example")
    assert (user.language, user.newsletter_opt_in_at) == ("fr", None)
    assert user.terms_accepted_at is not None

    link = confirmation_link()
    assert link.startswith(f"{site_url}/fr/compte/confirm-email/")
    page.goto(link)
    assert EmailAddress.objects.get(user=user).verified is False  # opening the link is not enough
    assert axe_violations(page, axe_source) == []
    screenshot(page, "accounts-confirm-fr")
    page.locator("form.form button[type=submit]").click()

    page.wait_for_url(f"{site_url}/fr/compte/login/")
    assert EmailAddress.objects.get(user=user).verified is True
    page.locator("#id_login").fill("nadia.prof@cegep.example")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()

    page.wait_for_url(f"{site_url}/fr/compte/")
    page.goto(f"{site_url}/fr/")
    expect(page.locator('.utility-nav a[href="/fr/compte/"]')).to_be_visible()
    expect(page.locator(".utility-nav").get_by_role("button", name="Déconnexion")).to_be_visible()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_login_page_is_accessible_and_shows_its_error(page, site_url, axe_source, screenshot, lang):
    page.goto(f"{site_url}{lang_path(lang, 'compte/login/')}")
    expect(page.locator("h1")).to_have_count(1)
    assert axe_violations(page, axe_source) == []

    page.locator("#id_login").fill("personne@example.org")
    page.locator("#id_password").fill("pas-le-bon")
    page.locator("form.form button[type=submit]").click()

    expect(page.locator("#form-errors")).to_be_visible()
    assert axe_violations(page, axe_source) == []
    screenshot(page, f"accounts-login-error-{lang}")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_password_reset_pages_are_accessible(page, site_url, axe_source, screenshot, lang):
    page.goto(f"{site_url}{lang_path(lang, 'compte/password/reset/')}")
    assert axe_violations(page, axe_source) == []
    screenshot(page, f"accounts-password-reset-{lang}")

    page.locator("#id_email").fill("personne@example.org")
    page.locator("form.form button[type=submit]").click()

    page.wait_for_url(f"{site_url}{lang_path(lang, 'compte/password/reset/done/')}")
    assert axe_violations(page, axe_source) == []
    assert [m.to for m in mail.outbox] == [["personne@example.org"]]


def test_sign_up_page_fits_a_phone(page, site_url, screenshot):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{site_url}/fr/compte/signup/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "accounts-signup-fr-390")
