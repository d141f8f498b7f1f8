"""The home page in a real browser: both languages, the language switch, keyboard focus,
accessibility (axe-core, WCAG 2.1 A/AA), and screenshots at desktop and phone widths."""

import pytest

from tests.e2e.helpers import axe_violations

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("lang", "html_lang", "heading", "search_button"),
    [
        ("fr", "fr-CA", "Des ressources pour enseigner au collégial", "Rechercher"),
        ("en", "en-CA", "Resources for teaching in Quebec colleges", "Search"),
    ],
)
def test_home_page_in_each_language(page, site_url, lang, html_lang, heading, search_button):
    page.goto(f"{site_url}/{lang}/")

    assert page.locator("html").get_attribute("lang") == html_lang
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text() == heading
    assert page.get_by_role("search").first.get_by_role("button").inner_text() == search_button
    assert page.locator("main#contenu").count() == 1
    assert page.locator("header.site-header").count() == 1
    assert page.locator("footer.site-footer").count() == 1


def test_language_switch_keeps_the_page(page, site_url):
    page.goto(f"{site_url}/fr/guide-des-licences/")

    page.get_by_role("link", name="English").click()

    page.wait_for_url(f"{site_url}/en/guide-des-licences/")
    assert page.locator("html").get_attribute("lang") == "en-CA"
    assert page.locator("h1").inner_text() == "Guide to open licences"
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(f"{site_url}/fr/guide-des-licences/")
    assert page.locator("h1").inner_text() == "Guide des licences libres"


def test_language_switch_maps_a_resource_and_a_search_to_their_english_paths(
    page, site_url, make_resource
):
    make_resource("Notes de cours : limites", slug="limites")
    page.goto(f"{site_url}/fr/ressources/limites/")

    page.get_by_role("link", name="English").click()

    page.wait_for_url(f"{site_url}/en/resources/limites/")
    assert page.locator("h1").inner_text() == "Notes de cours : limites"
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(f"{site_url}/fr/ressources/limites/")
    page.goto(f"{site_url}/fr/recherche/?q=limites&tri=recent")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{site_url}/en/search/?q=limites&tri=recent")
    assert page.locator("html").get_attribute("lang") == "en-CA"


def test_an_old_french_address_under_en_lands_on_the_english_page(page, site_url, make_resource):
    make_resource("Notes de cours : limites", slug="limites")

    response = page.goto(f"{site_url}/en/ressources/limites/")

    assert response is not None
    assert response.status == 200
    assert page.url == f"{site_url}/en/resources/limites/"
    assert response.request.redirected_from is not None
    assert response.request.redirected_from.url == f"{site_url}/en/ressources/limites/"


def test_keyboard_focus_is_visible_and_the_skip_link_works(page, site_url):
    page.goto(f"{site_url}/fr/")

    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Passer au contenu principal"
    box = skip.bounding_box()
    assert box is not None
    assert box["y"] >= 0
    assert box["height"] > 0
    outline = skip.evaluate(
        "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"
    )
    assert outline == "solid 3px"

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"

    page.goto(f"{site_url}/fr/")
    for _ in range(3):  # skip link, brand, search field
        page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.get_attribute("id") == "site-search-q"
    assert focused.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_home_page_has_no_wcag_violation(page, site_url, axe_source, lang):
    page.goto(f"{site_url}/{lang}/")

    assert axe_violations(page, axe_source) == []


@pytest.mark.parametrize(
    "path", ["/fr/guide-des-licences/", "/en/nexiste-pas/", "/fr/compte/login/"]
)
def test_other_pages_have_no_wcag_violation(page, site_url, axe_source, path):
    page.goto(f"{site_url}{path}")

    assert axe_violations(page, axe_source) == []


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_home_page_fits_the_screen_and_is_captured(page, site_url, screenshot, lang, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site_url}/{lang}/")

    # No horizontal scrolling at phone width: everything reflows (WCAG 1.4.10).
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    path = screenshot(page, f"home-{lang}-{width}")
    assert path.stat().st_size > 10_000
