"""The faceted search in a real browser: the header autocomplete (keyboard and mouse), facets
that apply themselves (and the Apply button without JavaScript), removable chips, pages of
results, keyboard-only filtering, accessibility (axe-core, WCAG 2.1 A/AA) and screenshots."""

import itertools
import re
from collections import Counter
from dataclasses import dataclass

import html5lib
import pytest
from playwright.sync_api import expect

from resources.models import ResourceIndexPage, ResourcePage
from search.indexing import rebuild_entries
from tests.e2e.helpers import axe_violations
from tests.factories import build_member, build_resource

pytestmark = pytest.mark.e2e

TARGET = "Calcul différentiel : exercices"
# Titles matching « calcul differentiel » (every word, accents and case aside), by discipline.
DIFFERENTIAL_201 = [
    TARGET,
    "Calcul différentiel : notes de cours",
    "Calcul différentiel et intégral I",
]
DIFFERENTIAL_420 = ["Calcul différentiel en Python"]
# The rest of the catalogue: none of these has « différentiel » nor a word starting in « math ».
OTHERS_201 = [
    "Calcul intégral : exercices",
    "Algèbre linéaire et géométrie vectorielle",
    "Probabilités et statistiques",
    "Suites et séries",
    "Limites et continuité",
    "Fonctions trigonométriques",
    "Nombres complexes",
    "Géométrie analytique",
    "Logique et ensembles",
    "Équations polynomiales",
    "Dérivées partielles",
    "Optimisation sous contraintes",
    "Intégrales multiples",
    "Matrices et déterminants",
]
OTHERS_420 = [
    "Introduction à la programmation",
    "Structures de données",
    "Bases de données relationnelles",
    "Réseaux informatiques",
    "Développement Web",
    "Programmation orientée objet",
    "Systèmes d'exploitation",
    "Sécurité informatique",
    "Algorithmique",
    "Interfaces graphiques",
    "Tests logiciels",
    "Gestion de projet informatique",
]
# Eight types, in the taxonomy's order: the facet shows six, the last two behind "Show 2 more".
TYPES = [
    "notes-de-cours",
    "exercices",
    "scenario",
    "activite",
    "evaluation",
    "grille",
    "presentation",
    "video",
]
MATCHING = len(DIFFERENTIAL_201) + len(DIFFERENTIAL_420)
TOTAL = MATCHING + len(OTHERS_201) + len(OTHERS_420)
PAGE_SIZE = 24
# The types of the other resources, in order of creation.
OTHER_TYPES = list(itertools.islice(itertools.cycle(TYPES), len(OTHERS_201) + len(OTHERS_420)))
QUERY_URL = "/fr/recherche/?q=calcul+differentiel"


@dataclass
class Shop:
    url: str
    target: ResourcePage


@pytest.fixture(scope="module")
def shop_rows(module_snapshot):
    """The catalogue of these tests, written once for the module (module_snapshot, in
    tests/conftest.py), as each test used to write it; the target's id."""
    with module_snapshot.writing():
        catalogue = ResourceIndexPage.objects.get()
        author = build_member("Marie Tremblay")
        pages = {}
        others = iter(OTHER_TYPES)
        for discipline, matching, rest in (
            ("201", DIFFERENTIAL_201, OTHERS_201),
            ("420", DIFFERENTIAL_420, OTHERS_420),
        ):
            for title in matching + rest:
                kind = "notes-de-cours" if title in matching else next(others)
                pages[title] = build_resource(
                    catalogue,
                    title,
                    authors=[author],
                    disciplines=(discipline,),
                    types=(kind,),
                    tags=(),
                    files=(),
                )
        assert len(pages) == TOTAL == 30
        rebuild_entries()
    return pages[TARGET].pk


@pytest.fixture
def shop(site_url, shop_rows):
    return Shop(site_url, ResourcePage.objects.get(pk=shop_rows))


def count_shown(page) -> int:
    """The number at the start of « N ressources… »."""
    text = page.locator("#result-count").inner_text().strip()
    match = re.match(r"^(\d+)\s", text)
    assert match, text
    return int(match.group(1))


def cards(page):
    return page.locator("article.resource-card")


def open_all_facets(page):
    page.evaluate("document.querySelectorAll('.facets details').forEach(d => d.open = true)")


def type_in_header(page, text):
    box = page.locator("#site-search-q")
    box.click()
    box.press_sequentially(text, delay=30)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    return box, listbox


# --- 1. Autocomplete -----------------------------------------------------------------------------


def test_autocomplete_keyboard_picks_a_resource(page, shop):
    page.goto(f"{shop.url}/fr/")
    box, listbox = type_in_header(page, "calcul diff")

    options = listbox.get_by_role("option")
    expect(options).to_have_count(MATCHING)
    texts = [text.strip() for text in options.locator(".autocomplete__text").all_inner_texts()]
    assert sorted(texts) == sorted(DIFFERENTIAL_201 + DIFFERENTIAL_420)
    # The kind is named in the page's language (the template's data-label-* attributes).
    resource_label = page.locator("form.site-search").get_attribute("data-label-resource")
    assert resource_label
    expect(options.locator(".autocomplete__kind").first).to_have_text(f", {resource_label}")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-controls", "site-search-listbox")
    expect(box).to_have_attribute("aria-autocomplete", "list")
    # The live region says how many there are.
    expect(page.locator("#site-search-status")).to_contain_text(str(MATCHING))

    for _ in range(texts.index(TARGET) + 1):
        box.press("ArrowDown")
    active_id = box.get_attribute("aria-activedescendant")
    assert active_id
    active = page.locator(f"#{active_id}")
    expect(active).to_have_attribute("aria-selected", "true")
    expect(active.locator(".autocomplete__text")).to_have_text(TARGET)
    expect(box).to_be_focused()

    box.press("Enter")

    page.wait_for_url(f"{shop.url}/fr/ressources/{shop.target.slug}/")
    expect(page.locator("h1")).to_have_text(TARGET)


def test_autocomplete_escape_closes_and_enter_submits_the_search(page, shop):
    page.goto(f"{shop.url}/fr/")
    box, listbox = type_in_header(page, "calcul diff")

    box.press("ArrowDown")
    box.press("Escape")

    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    assert box.get_attribute("aria-activedescendant") is None
    expect(box).to_have_value("calcul diff")  # Escape closes the list, not the text

    box.press("Enter")  # no active option: the search form is submitted

    page.wait_for_url(re.compile(r"/fr/recherche/\?q=calcul\+diff$"))
    assert count_shown(page) == MATCHING


def test_autocomplete_click_on_a_discipline(page, shop):
    page.goto(f"{shop.url}/fr/")
    _box, listbox = type_in_header(page, "math")

    discipline = listbox.locator(".autocomplete__option--discipline").filter(
        has_text="Mathématiques (201)"
    )
    expect(discipline).to_have_count(1)
    expect(discipline.locator(".autocomplete__kind")).to_have_text(", Discipline")

    discipline.click()

    page.wait_for_url(f"{shop.url}/fr/disciplines/201/")
    expect(page.locator("h1")).to_contain_text("Mathématiques")
    assert count_shown(page) == len(DIFFERENTIAL_201) + len(OTHERS_201)
    # The discipline page has the other facets, not the discipline one.
    expect(page.locator("input[name=discipline]")).to_have_count(0)
    expect(page.locator("input[name=niveau]").first).to_be_attached()


# --- 2. Facets, chips and pages --------------------------------------------------------------------


def test_facet_filters_chip_removes_it(page, shop):
    page.goto(f"{shop.url}{QUERY_URL}")
    assert count_shown(page) == MATCHING
    expect(cards(page)).to_have_count(MATCHING)
    expect(page.locator("button.facets__apply")).to_be_hidden()  # JavaScript applies at once
    expect(page.locator(".facets__hint")).to_be_visible()
    expect(page.locator("mark").first).to_be_visible()

    page.locator("#f-discipline-201").check()

    page.wait_for_url(re.compile(r"[?&]discipline=201(&|#|$)"))
    assert count_shown(page) == len(DIFFERENTIAL_201)
    expect(cards(page)).to_have_count(len(DIFFERENTIAL_201))
    chip = page.locator(".filter-chips .chip--removable")
    expect(chip).to_have_count(1)
    expect(chip.locator(".chip__label")).to_have_text("Mathématiques")
    expect(page.locator("#f-discipline-201")).to_be_checked()
    expect(page.locator("#f-discipline-201")).to_be_focused()  # focus comes back

    chip.click()

    page.wait_for_url(re.compile(r"/fr/recherche/\?q=calcul\+differentiel(#resultats)?$"))
    assert count_shown(page) == MATCHING
    expect(page.locator(".filter-chips")).to_have_count(0)
    expect(page.locator("#f-discipline-201")).not_to_be_checked()


def test_pages_of_results(page, shop):
    page.goto(f"{shop.url}/fr/recherche/")
    assert count_shown(page) == TOTAL
    expect(cards(page)).to_have_count(PAGE_SIZE)
    pagination = page.get_by_role("navigation", name="Pages de résultats")
    expect(pagination.locator("[aria-current=page]")).to_contain_text("1")

    pagination.get_by_role("link", name="Suivante").click()

    page.wait_for_url(re.compile(r"[?&]page=2(#resultats)?$"))
    expect(cards(page)).to_have_count(TOTAL - PAGE_SIZE)
    expect(pagination.get_by_role("link", name="Suivante")).to_have_count(0)
    expect(pagination.get_by_role("link", name="Précédente")).to_be_visible()


def test_sort_select_applies_on_change(page, shop):
    page.goto(f"{shop.url}{QUERY_URL}")
    expect(page.locator(".sort-control button")).to_be_hidden()

    page.locator("#search-sort").select_option("prix")

    page.wait_for_url(re.compile(r"[?&]tri=prix(&|#|$)"))
    assert count_shown(page) == MATCHING
    expect(page.locator("#search-sort")).to_have_value("prix")


def test_sort_select_waits_for_enter_when_browsed_with_arrow_keys(page, shop):
    page.goto(f"{shop.url}{QUERY_URL}")
    select = page.locator("#search-sort")
    select.focus()
    expect(select).to_have_value("pertinence")

    select.press("ArrowDown")  # browsing the options does not reload the page yet

    expect(select).not_to_have_value("pertinence")
    chosen = select.input_value()
    # A submission marks the form busy at once (static/js/apop.js) until the next page comes:
    # wait until none is pending; the address must then be the same.
    expect(page.locator("#search-filters")).not_to_have_attribute("aria-busy", "true")
    assert page.url == f"{shop.url}{QUERY_URL}"

    select.press("Enter")

    page.wait_for_url(re.compile(rf"[?&]tri={chosen}(&|#|$)"))
    expect(page.locator("#search-sort")).to_have_value(chosen)
    expect(page.locator("#search-sort")).to_be_focused()


def test_keyboard_only_filtering(page, shop):
    page.goto(f"{shop.url}{QUERY_URL}")
    page.locator("#search-page-q").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-discipline-201":
            break
    else:
        pytest.fail("the discipline checkbox is not reached with Tab")

    page.keyboard.press("Space")

    page.wait_for_url(re.compile(r"[?&]discipline=201(&|#|$)"))
    assert count_shown(page) == len(DIFFERENTIAL_201)
    checkbox = page.locator("#f-discipline-201")
    expect(checkbox).to_be_checked()
    expect(checkbox).to_be_focused()

    page.keyboard.press("Space")  # and off again, from where focus came back

    page.wait_for_url(re.compile(r"/fr/recherche/\?q=calcul\+differentiel(#resultats)?$"))
    assert count_shown(page) == MATCHING


def test_filters_work_without_javascript(browser, shop):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{shop.url}{QUERY_URL}")
        apply = page.locator("button.facets__apply")
        expect(apply).to_be_visible()
        expect(page.locator(".facets__hint")).to_be_hidden()

        page.locator("#f-discipline-420").check()
        apply.click()

        page.wait_for_url(re.compile(r"[?&]discipline=420(&|#|$)"))
        assert count_shown(page) == len(DIFFERENTIAL_420)
        expect(cards(page)).to_have_count(len(DIFFERENTIAL_420))
        expect(page.locator(".filter-chips .chip__label")).to_have_text("Informatique")
        expect(page.get_by_role("listbox")).to_be_hidden()
    finally:
        context.close()


def test_no_results_offers_ways_out(page, shop):
    page.goto(f"{shop.url}/fr/recherche/?q=calcul+diferentiel&discipline=201")

    assert count_shown(page) == 0
    expect(cards(page)).to_have_count(0)
    did_you_mean = page.locator(".did-you-mean a")
    expect(did_you_mean).to_have_text("calcul différentiel")  # as the titles write it
    expect(page.locator(".no-results__filters .chip--link")).to_have_count(1)

    did_you_mean.click()

    page.wait_for_url(re.compile(r"q=calcul\+diff%C3%A9rentiel"))
    assert count_shown(page) == len(DIFFERENTIAL_201)


def test_more_values_fold_away_and_open_when_ticked(page, shop):
    page.goto(f"{shop.url}/fr/recherche/")
    facet = page.locator("details.facet").filter(has=page.locator("input[name=type]"))
    expect(facet.locator("input[name=type]")).to_have_count(len(TYPES))
    more = facet.locator("details.facet__more")
    expect(more).not_to_have_attribute("open", "")
    video = page.locator("#f-type-video")
    expect(video).to_be_hidden()

    more.locator("summary").click()
    video.check()

    page.wait_for_url(re.compile(r"/fr/recherche/\?type=video(#resultats)?$"))
    expect(page.locator("details.facet__more")).to_have_attribute("open", "")
    expect(video).to_be_checked()
    expect(video).to_be_focused()
    expect(page.locator(".filter-chips .chip__label")).to_have_text("Capsule vidéo")
    assert count_shown(page) == OTHER_TYPES.count("video")


@pytest.mark.parametrize(
    "path",
    [
        f"{QUERY_URL}&discipline=201",
        "/fr/recherche/?type=video&type=presentation",
        "/fr/recherche/?q=calcul+diferentiel&discipline=201",
        "/en/disciplines/201/?q=calcul",
    ],
)
def test_search_pages_are_valid_html_with_unique_ids(page, shop, path):
    response = page.request.get(f"{shop.url}{path}")
    assert response.ok
    html = response.text()

    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(html)  # raises html5lib.html5parser.ParseError on the first error
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [name for name, count in ids.items() if count > 1] == []


# --- 3. Accessibility --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        f"{QUERY_URL}&discipline=201",
        "/en/search/",
        "/fr/recherche/?q=calcul+diferentiel&discipline=201",
        "/fr/disciplines/201/?niveau=collegial_preuniversitaire",
    ],
)
def test_search_pages_have_no_wcag_violation(page, shop, axe_source, path):
    page.goto(f"{shop.url}{path}")
    expect(page.locator("#result-count")).to_be_visible()
    open_all_facets(page)

    assert axe_violations(page, axe_source) == []


def test_open_autocomplete_has_no_wcag_violation(page, shop, axe_source):
    page.goto(f"{shop.url}/fr/recherche/")
    box, _listbox = type_in_header(page, "calcul diff")
    box.press("ArrowDown")
    expect(page.locator("[role=option][aria-selected=true]")).to_have_count(1)

    assert axe_violations(page, axe_source) == []


# --- 4. Narrow screens and screenshots -------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 360])
def test_search_page_screenshot(page, shop, screenshot, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{shop.url}{QUERY_URL}&discipline=201")
    toggle = page.locator("[data-facets-toggle]")
    if width == 360:
        # The filters fold away behind a button on phones.
        expect(toggle).to_be_visible()
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(page.locator("#search-filters")).to_be_hidden()
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(page.locator("#search-filters")).to_be_visible()
    else:
        expect(toggle).to_be_hidden()
        expect(page.locator("#search-filters")).to_be_visible()
    path = screenshot(page, f"search-fr-{width}")

    assert path.stat().st_size > 10_000
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_autocomplete_screenshot(page, shop, screenshot):
    page.set_viewport_size({"width": 1280, "height": 700})
    page.goto(f"{shop.url}/fr/")
    box, _listbox = type_in_header(page, "calcul diff")
    box.press("ArrowDown")
    path = screenshot(page, "search-autocomplete-fr")

    assert path.stat().st_size > 10_000


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("search-discipline-fr", "/fr/disciplines/201/?q=calcul"),
        ("search-no-results-fr", "/fr/recherche/?q=calcul+diferentiel&discipline=201"),
        ("search-en", "/en/search/"),
    ],
)
def test_other_search_pages_screenshots(page, shop, screenshot, name, path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{shop.url}{path}")
    expect(page.locator("#result-count")).to_be_visible()
    path = screenshot(page, name)

    assert path.stat().st_size > 10_000
