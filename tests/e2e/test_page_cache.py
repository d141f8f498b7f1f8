"""Cached pages in a real browser (core/page_cache.py): an anonymous visitor served a stored
copy of a resource page downloads, adds to the cart with the form of that copy (its CSRF token
is theirs), then logs in and sees their own page; Chromium reports no CSP violation."""

import urllib.request

import pytest
from playwright.sync_api import expect

from tests.resources.helpers import make_pdf

pytestmark = pytest.mark.e2e

PASSWORD = "pw-long-enough"
RESERVED = "LicenseRef-APOP-All-Rights-Reserved"
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-CA", "accept_downloads": True}


@pytest.fixture
def shop(site_url, make_member, make_resource):
    marie = make_member("Marie Tremblay")
    free = make_resource(
        "Notes de cours : limites",
        slug="limites",
        authors=[marie],
        licence="CC-BY-NC-SA-4.0",
        files=(("notes.pdf", make_pdf("Page un")),),
    )
    paid = make_resource(
        "Examens corrigés", slug="examens", authors=[marie], licence=RESERVED, price_cents=1250
    )
    teacher = make_member("Amina Diallo", email="amina@example.org")
    return {"free": free, "paid": paid, "teacher": teacher}


def _stored(site_url, path) -> None:
    """A first, cookieless visitor: their answer is what the cache keeps."""
    with urllib.request.urlopen(f"{site_url}{path}") as answer:  # noqa: S310 — the live server
        assert answer.headers["X-Page-Cache"] == "miss"


def test_a_visitor_served_cached_pages_downloads_buys_then_logs_in(page, site_url, shop):
    console = []
    page.on("console", lambda m: console.append(m.text) if "Content Security" in m.text else None)
    page.add_init_script(WATCH)
    _stored(site_url, "/fr/ressources/limites/")
    _stored(site_url, "/fr/ressources/examens/")

    free = page.goto(f"{site_url}/fr/ressources/limites/")
    assert free.headers["x-page-cache"] == "hit"
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger", exact=True).click()
    assert download_info.value.suggested_filename == "limites.zip"
    violations = page.evaluate("window.__csp")

    paid = page.goto(f"{site_url}/fr/ressources/examens/")
    # The download put a counter in their session: their own page from now on.
    assert paid.headers["x-page-cache"] == "bypass"
    page.context.clear_cookies()
    paid = page.goto(f"{site_url}/fr/ressources/examens/")
    assert paid.headers["x-page-cache"] == "hit"
    violations += page.evaluate("window.__csp")
    page.get_by_role("button", name="Ajouter au panier").click()
    page.wait_for_url(f"{site_url}/fr/ressources/examens/")
    expect(page.locator(".buy-box__in-cart")).to_contain_text("Dans votre panier")

    page.goto(f"{site_url}/fr/compte/login/?next=/fr/ressources/examens/")
    page.locator("#id_login").fill(shop["teacher"].email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"{site_url}/fr/ressources/examens/")

    expect(page.get_by_role("button", name="Déconnexion")).to_be_visible()
    expect(page.locator(".buy-box__in-cart")).to_contain_text("Dans votre panier")
    expect(page.get_by_role("button", name="Enregistrer mon évaluation")).to_be_visible()
    violations += page.evaluate("window.__csp")
    assert violations == []
    assert console == []
