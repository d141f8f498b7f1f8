"""The catalogue in a real browser: the resource index, disciplines and resource pages in both
languages, the licence in plain words, prices, copying the attribution, accessibility (axe-core,
WCAG 2.1 A/AA) and the resource page at phone width."""

import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

from resources.licences import LICENCES
from resources.models import ResourcePage
from tests.e2e.helpers import axe_violations
from tests.helpers import lang_path

# make_member and make_resource (tests/conftest.py) build on `catalogue`, redefined below on
# the live server.

pytestmark = pytest.mark.e2e

NBSP = "\u00a0"
PASSWORD = "pw-long-enough"
NC_SA = LICENCES["CC-BY-NC-SA-4.0"]
RESERVED = "LicenseRef-APOP-All-Rights-Reserved"

LIMITS = "Notes de cours : limites et continuité"
DERIVATIVES = "Exercices corrigés : dérivées"
PYTHON = "Introduction à la programmation en Python"


@dataclass
class Catalogue:
    url: str
    author: object
    visitor: object
    free: ResourcePage  # 201, CC BY-NC-SA 4.0, free; the source of `python`
    paid: ResourcePage  # 201, all rights reserved, 12,50 $
    python: ResourcePage  # 420, CC BY-NC-SA 4.0, free, adapted from `free`

    def path(self, lang, resource):
        return f"{self.url}{lang_path(lang, 'ressources/')}{resource.slug}/"


@pytest.fixture
def shop(site_url, catalogue, make_member, make_resource):
    author = make_member("Marie Tremblay")
    visitor = make_member("Amina Diallo")
    free = make_resource(LIMITS, slug="limites", authors=[author], licence="CC-BY-NC-SA-4.0")
    paid = make_resource(
        DERIVATIVES,
        slug="derivees",
        authors=[author],
        licence=RESERVED,
        price_cents=1250,
        tags=("dérivées",),
    )
    python = make_resource(
        PYTHON,
        slug="python",
        authors=[author],
        disciplines=("420",),
        types=(),
        tags=("python",),
        licence="CC-BY-NC-SA-4.0",
        adapted_from_page=free,
        summary="Une introduction à Python adaptée des notes de cours sur les limites.",
    )
    return Catalogue(site_url, author, visitor, free, paid, python)


def log_in(page, shop, member, next_path):
    page.goto(f"{shop.url}/fr/compte/login/?next={next_path}")
    page.locator("#id_login").fill(member.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"{shop.url}{next_path}")


def card(page, title):
    return page.locator("article.resource-card").filter(
        has=page.get_by_role("heading", name=title, exact=True)
    )


def exactly(text):
    return re.compile(rf"^{re.escape(text)}$")


def squash(text):
    """Collapse runs of ordinary whitespace (not NO-BREAK SPACE, which typography needs)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


# --- 1. The resource index ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "heading", "reserved", "maths", "computing"),
    [
        ("fr", "Toutes les ressources", "Tous droits réservés", "Mathématiques", "Informatique"),
        ("en", "All resources", "All rights reserved", "Mathematics", "Computer Science"),
    ],
)
def test_resource_index_shows_cards_that_open_the_resource(
    page, shop, lang, heading, reserved, maths, computing
):
    page.goto(f"{shop.url}{lang_path(lang, 'ressources/')}")

    expect(page.locator("h1")).to_have_text(heading)
    expected = [
        (LIMITS, maths, "CC BY-NC-SA 4.0"),
        (DERIVATIVES, maths, reserved),
        (PYTHON, computing, "CC BY-NC-SA 4.0"),
    ]
    for title, discipline, licence in expected:
        found = card(page, title)
        expect(found).to_have_count(1)
        expect(found).to_be_visible()
        # The discipline by its name, once (not its code).
        chip = found.locator(".chip--discipline")
        expect(chip).to_have_count(1)
        assert squash(chip.text_content()) == discipline
        expect(found.locator(".licence-badge")).to_have_text(licence)

    card(page, DERIVATIVES).get_by_role("link", name=DERIVATIVES).click()

    page.wait_for_url(shop.path(lang, shop.paid))
    expect(page.locator("h1")).to_have_text(DERIVATIVES)


# --- 2. Disciplines ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "name", "count"),
    [
        ("fr", "Mathématiques", "2 ressources"),
        ("en", "Mathematics", "2 resources"),
    ],
)
def test_discipline_page_lists_only_its_resources(page, shop, lang, name, count):
    page.goto(f"{shop.url}/{lang}/disciplines/201/")

    assert squash(page.locator("h1").inner_text()) == f"201 {name}"
    expect(page.locator(".result-count")).to_have_text(count)
    expect(page.locator("article.resource-card")).to_have_count(2)
    expect(card(page, LIMITS)).to_be_visible()
    expect(card(page, DERIVATIVES)).to_be_visible()
    expect(card(page, PYTHON)).to_have_count(0)


@pytest.mark.parametrize(
    ("lang", "heading", "maths", "computing", "two", "one"),
    [
        ("fr", "Disciplines", "Mathématiques", "Informatique", "2 ressources", "1 ressource"),
        ("en", "Disciplines", "Mathematics", "Computer Science", "2 resources", "1 resource"),
    ],
)
def test_discipline_index_lists_codes_with_counts(
    page, shop, lang, heading, maths, computing, two, one
):
    page.goto(f"{shop.url}/{lang}/disciplines/")

    expect(page.locator("h1")).to_have_text(heading)
    items = page.locator(".discipline-list li")
    for code, name, count in [("201", maths, two), ("420", computing, one)]:
        item = items.filter(has=page.locator(".discipline-list__code", has_text=exactly(code)))
        expect(item).to_have_count(1)
        expect(item.locator(".discipline-list__name")).to_have_text(name)
        expect(item.locator(".discipline-list__count")).to_have_text(count)
        expect(item.get_by_role("link")).to_have_attribute("href", f"/{lang}/disciplines/{code}/")

    items.filter(has=page.locator(".discipline-list__code", has_text=exactly("201"))).get_by_role(
        "link"
    ).click()
    page.wait_for_url(f"{shop.url}/{lang}/disciplines/201/")
    expect(page.locator("article.resource-card")).to_have_count(2)


# --- 3. The resource page: title, licence in plain words, price ----------------------------------


@pytest.mark.parametrize(
    ("lang", "summary", "deed", "free_label", "price"),
    [
        ("fr", NC_SA.summary_fr, NC_SA.deed_url_fr, "Gratuit", f"12,50{NBSP}$"),
        ("en", NC_SA.summary_en, NC_SA.deed_url_en, "Free", "$12.50"),
    ],
)
def test_resource_page_explains_licence_and_price(
    page, shop, lang, summary, deed, free_label, price
):
    page.goto(shop.path(lang, shop.free))

    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text(LIMITS)
    box = page.locator("section.licence-box")
    expect(box.locator("p", has_text=summary)).to_have_count(1)
    assert box.locator("p").nth(1).text_content() == summary
    licence_link = box.locator('a[rel="license"]')
    expect(licence_link).to_have_count(1)
    expect(licence_link).to_have_attribute("href", deed)
    assert deed.endswith(f"/deed.{lang}")
    expect(licence_link).to_have_text(NC_SA.name(lang))
    assert page.locator(".buy-box__price").text_content().strip() == free_label

    page.goto(shop.path(lang, shop.paid))

    expect(page.locator("h1")).to_have_text(DERIVATIVES)
    assert page.locator(".buy-box__price").text_content().strip() == price


# --- 4. Copying the attribution ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "button", "copied"),
    [("fr", "Copier l’attribution", "Copié!"), ("en", "Copy the attribution", "Copied!")],
)
def test_copy_button_puts_the_attribution_on_the_clipboard(page, shop, lang, button, copied):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=shop.url)
    page.goto(shop.path(lang, shop.free))
    copy = page.locator("button[data-copy-target='#attribution-text']")
    expect(copy).to_have_text(button)

    copy.click()

    expect(copy).to_have_text(copied)
    clipboard = page.evaluate("navigator.clipboard.readText()")
    shown = squash(page.locator("#attribution-text").text_content())
    assert squash(clipboard) == shown
    assert LIMITS in clipboard
    assert "CC BY-NC-SA 4.0" in clipboard
    assert "Marie Tremblay" in clipboard
    expect(copy).to_have_text(button, timeout=5000)  # and back after two seconds


# --- 5. Accessibility --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", ["/ressources/", "/disciplines/", "/disciplines/201/"])
def test_catalogue_pages_have_no_wcag_violation(page, shop, axe_source, lang, path):
    page.goto(f"{shop.url}/{lang}{path}")
    expect(page.locator("article.resource-card, .discipline-list li").first).to_be_visible()

    assert axe_violations(page, axe_source) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_resource_page_with_lineage_and_rating_form_has_no_wcag_violation(
    page, shop, axe_source, lang
):
    path = f"{lang_path(lang, 'ressources/')}{shop.python.slug}/"
    log_in(page, shop, shop.visitor, path)

    expect(page.locator("#lineage-title")).to_be_visible()
    expect(
        page.locator("section[aria-labelledby=lineage-title] a", has_text=LIMITS)
    ).to_be_visible()
    expect(page.locator("form.rating-form")).to_be_visible()
    expect(page.locator("form.rating-form input[name=score]")).to_have_count(5)
    assert axe_violations(page, axe_source) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_paid_resource_page_has_no_wcag_violation(page, shop, axe_source, lang):
    page.goto(shop.path(lang, shop.paid))
    expect(page.locator(".buy-box form button[type=submit]")).to_be_visible()

    assert axe_violations(page, axe_source) == []


# --- 6. Phone width and screenshots ------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("lang", "download"), [("fr", "Télécharger"), ("en", "Download")])
def test_resource_page_shows_download_button_first_and_is_captured(
    page, shop, screenshot, lang, download, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(shop.path(lang, shop.free))
    path = screenshot(page, f"resource-{lang}-{width}")

    assert path.stat().st_size > 10_000
    button = page.locator(".resource-aside").get_by_role("link", name=download, exact=True)
    expect(button).to_be_visible()
    expect(button).to_have_attribute("href", f"/telechargement/{shop.free.pk}/")
    box = button.bounding_box()
    assert box is not None
    assert box["y"] < 900, "the download button is reached without scrolling"
    summary = page.locator(".resource-header .lead").bounding_box()
    if width == 390:
        # On narrow screens the title and summary come first, then the price and download box.
        assert page.locator("h1").bounding_box()["y"] < box["y"]
        assert summary["y"] < box["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_resource_page_does_not_scroll_sideways_at_phone_width(page, shop, lang):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(shop.path(lang, shop.free))

    # No horizontal scrolling at phone width: everything reflows (WCAG 1.4.10).
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
