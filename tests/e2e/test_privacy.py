"""Privacy in a real browser: downloading my data from /compte/confidentialite/ (the JSON file
itself, parsed), deleting an account through the confirmation form, accessibility (axe-core,
WCAG 2.1 A/AA) of both pages in both languages, and screenshots."""

import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from home.models import SiteLinks
from members.privacy import ANONYMOUS_CREDIT
from resources.models import ResourcePage
from tests.accounts.people import PASSWORD, build_people
from tests.e2e.helpers import axe_violations, log_in_as

# make_member and make_resource (tests/conftest.py) build on `catalogue`, redefined below on
# the live server.

pytestmark = pytest.mark.e2e
User = get_user_model()


@pytest.fixture
def people(site_url, catalogue, make_member, make_resource):
    links = SiteLinks.objects.get()
    links.privacy_officer_name = "Geneviève Lavoie"
    links.privacy_officer_title = "directrice générale"
    links.privacy_officer_email = "confidentialite@apop.example"
    links.save()
    return build_people(make_member, make_resource)


def test_download_my_data_with_the_button(page, context, site_url, people, screenshot):
    log_in_as(context, site_url, people.marie)
    page.goto(f"{site_url}/en/account/privacy/")
    expect(page.locator("h1")).to_have_text("My data and privacy")
    screenshot(page, "privacy-page-en")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download my data", exact=True).click()

    download = info.value
    today = timezone.localdate().isoformat()
    assert download.suggested_filename == f"apop-mes-donnees-{today}.json"
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == "marie@cegep.example"
    assert data["account"]["institution"] == "Cégep de démonstration"
    assert sorted(r["title"] for r in data["resources"]) == [
        "Brouillon : intégrales",
        "Examens corrigés",
        "Notes de cours : limites",
        "Projet commun",
    ]
    assert [r["resource"] for r in data["ratings"]] == ["Atelier Python"]
    assert data["purchases"] == []
    files = [f["download_url"] for r in data["resources"] for f in r["files"]]
    assert len(files) == 5
    assert all(url.startswith(f"{site_url}/telechargement/") for url in files)


def test_delete_my_account_through_the_form(page, context, site_url, people, screenshot):
    log_in_as(context, site_url, people.marie)
    page.goto(f"{site_url}/en/account/privacy/")
    page.get_by_role("link", name="Delete my account", exact=True).click()
    page.wait_for_url(f"{site_url}/en/account/privacy/delete/")
    expect(page.locator("h1")).to_have_text("Delete my account")

    # A wrong password first: refused, nothing changes.
    page.get_by_label("Transfer them to an anonymous author credit").check()
    page.get_by_label("Your password").fill("not-my-password")
    page.get_by_label("I understand that deleting my account is permanent").check()
    page.get_by_role("button", name="Delete my account permanently").click()
    expect(page.locator("#id_password_error")).to_have_text("This password is not the right one.")
    expect(page.get_by_label("Your password")).to_have_attribute(
        "aria-describedby", "id_password_error"
    )
    assert User.objects.get(pk=people.marie.pk).is_active is True
    screenshot(page, "delete-account-error-en")

    page.get_by_label("Transfer them to an anonymous author credit").check()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("I understand that deleting my account is permanent").check()
    page.get_by_role("button", name="Delete my account permanently").click()

    page.wait_for_url(f"{site_url}/en/")
    expect(page.locator(".messages .notice--success")).to_contain_text(
        "Your account has been deleted."
    )
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    marie = User.objects.get(pk=people.marie.pk)
    assert (marie.is_active, marie.email) == (False, f"supprime-{marie.pk}@invalid.example")
    free = ResourcePage.objects.get(pk=people.free.pk)
    assert (free.live, free.co_authors) == (True, ANONYMOUS_CREDIT)
    assert ResourcePage.objects.get(pk=people.paid.pk).live is False
    page.goto(f"{site_url}/en/account/privacy/")
    assert page.url.startswith(f"{site_url}/en/account/login/")  # sent to the log-in page
    screenshot(page, "delete-account-done-en")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/compte/confidentialite/", "privacy"),
        ("/compte/confidentialite/supprimer/", "delete-account"),
        ("/confidentialite/", "privacy-policy"),
    ],
)
def test_privacy_pages_pass_axe(
    page, context, site_url, people, axe_source, screenshot, lang, path, name
):
    log_in_as(context, site_url, people.marie)

    page.goto(f"{site_url}/{lang}{path}")

    assert axe_violations(page, axe_source) == []
    screenshot(page, f"{name}-{lang}")


def test_the_delete_form_with_errors_passes_axe(page, context, site_url, people, axe_source):
    log_in_as(context, site_url, people.marie)
    page.goto(f"{site_url}/fr/compte/confidentialite/supprimer/")

    page.locator("form.delete-account__form button[type=submit]").click()

    expect(page.locator(".field__error")).to_have_count(3)
    assert axe_violations(page, axe_source) == []


def test_the_privacy_page_at_phone_width(page, context, site_url, people, screenshot):
    log_in_as(context, site_url, people.marie)
    page.set_viewport_size({"width": 360, "height": 800})

    page.goto(f"{site_url}/fr/compte/confidentialite/supprimer/")

    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert overflow is False
    screenshot(page, "delete-account-fr-phone")


def test_the_footer_shows_the_privacy_officer(page, site_url, people):
    page.goto(f"{site_url}/en/")

    officer = page.locator("footer address.site-footer__officer")
    expect(officer).to_contain_text("Geneviève Lavoie, directrice générale")
    expect(officer.get_by_role("link", name="confidentialite@apop.example")).to_have_attribute(
        "href", "mailto:confidentialite@apop.example"
    )
