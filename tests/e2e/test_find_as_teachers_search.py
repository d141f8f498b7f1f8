"""Finding as teachers search, in a real browser at phone width (375 × 812) and on a desktop, in
French and English: a course number as teachers write it, the /ressources/ page with its facets,
the results at the top after a filter, a compact header, the title before the price, the
invitation to an account after a first download; axe clean; screenshots kept."""

import re
from dataclasses import dataclass

import pytest
from django.test import Client
from playwright.sync_api import expect

from accounts.models import Follow
from resources.models import Discipline, ResourceIndexPage, ResourcePage
from search.indexing import rebuild_entries
from tests.e2e.helpers import axe_violations, log_in_as
from tests.factories import build_member, build_resource
from tests.helpers import lang_path
from tests.resources.helpers import a_year_from_now, start_submission, step_url

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 812}
TARGET = "Limites et continuité : notes de cours"
COURSE_TITLES = [TARGET, "Dérivées : exercices gradués", "Examen final de calcul différentiel"]
OTHER_TITLES = [f"Ressource de chimie {n}" for n in range(1, 13)] + [
    f"Programmation {n}" for n in range(1, 10)
]


@dataclass
class Shop:
    url: str
    target: ResourcePage


@pytest.fixture(scope="module")
def shop_rows(module_snapshot):
    with module_snapshot.writing():
        catalogue = ResourceIndexPage.objects.get()
        author = build_member("Marie Tremblay")
        pages = {}
        for title in COURSE_TITLES:
            pages[title] = build_resource(
                catalogue, title, authors=[author], courses=("201-NYA-05",), tags=()
            )
        for title in OTHER_TITLES:
            discipline = "202" if "chimie" in title else "420"
            pages[title] = build_resource(
                catalogue, title, authors=[author], disciplines=(discipline,), tags=()
            )
        rebuild_entries()
    return pages[TARGET].pk


@pytest.fixture
def shop(site_url, shop_rows):
    return Shop(site_url, ResourcePage.objects.get(pk=shop_rows))


def titles(page) -> list[str]:
    return [t.strip() for t in page.locator(".resource-card__title").all_inner_texts()]


@pytest.mark.parametrize("typed", ["201-NYA-05", "201nya05", "201 NYA 05"])
def test_a_teacher_finds_resources_by_course_number_as_they_write_it(page, shop, typed):
    page.set_viewport_size(PHONE)
    page.goto(f"{shop.url}/fr/ressources/")

    page.locator("#index-q").fill(typed)
    page.locator("#index-q").press("Enter")

    expect(page.locator("#result-count")).to_contain_text("3 ressources")
    assert sorted(titles(page)) == sorted(COURSE_TITLES)


@pytest.mark.parametrize(("lang", "count"), [("fr", "3 ressources"), ("en", "3 resources")])
def test_on_a_phone_the_results_come_first_after_a_filter_and_the_header_is_compact(
    page, shop, screenshot, lang, count
):
    page.set_viewport_size(PHONE)
    page.goto(f"{shop.url}{lang_path(lang, 'ressources/')}")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 120, header

    toggle = page.locator("[data-facets-toggle]")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    page.locator("#f-cours-201-nya-05").check()

    expect(page.locator("#result-count")).to_contain_text(count)
    expect(toggle).to_have_attribute("aria-expanded", "false")  # the filters fold away
    expect(page.locator("#result-count")).to_be_focused()
    top = page.locator("#result-count").bounding_box()["y"]
    first_card = page.locator(".resource-card").first.bounding_box()["y"]
    assert 0 <= top < PHONE["height"] / 2, top
    assert first_card < PHONE["height"], first_card
    screenshot(page, f"phone-ressources-filtered-{lang}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_on_a_phone_the_menu_folds_behind_one_button(page, shop, lang):
    page.set_viewport_size(PHONE)
    page.goto(f"{shop.url}{lang_path(lang, 'ressources/')}")
    menu = page.locator("[data-menu-toggle]")

    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#main-nav")).to_be_hidden()
    menu.click()

    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#main-nav")).to_be_visible()
    expect(page.locator("#utility-nav")).to_be_visible()


@pytest.mark.parametrize(("lang", "download"), [("fr", "Télécharger"), ("en", "Download")])
def test_on_a_phone_the_title_comes_before_the_price_then_the_invitation_follows_a_download(
    page, shop, screenshot, lang, download
):
    page.set_viewport_size(PHONE)
    page.goto(f"{shop.url}{lang_path(lang, 'ressources/')}{shop.target.slug}/")
    title = page.locator("h1").bounding_box()["y"]
    price = page.locator(".buy-box").bounding_box()["y"]
    assert title < price < PHONE["height"]
    invite = page.locator("[data-account-invite]")
    expect(invite).to_be_hidden()

    with page.expect_download():
        page.locator(".resource-aside").get_by_role("link", name=download, exact=True).click()

    expect(invite).to_be_visible()
    screenshot(page, f"phone-resource-invitation-{lang}")
    page.reload()
    expect(invite).to_be_visible()  # the next page still offers it, until « No thanks »
    invite.locator("button").click()
    expect(page.locator("[data-account-invite]")).to_have_count(0)


@pytest.mark.parametrize(
    ("path", "width"),
    [
        ("/fr/ressources/", 375),
        ("/en/resources/?cours=201-NYA-05", 375),
        ("/fr/ressources/?q=201-nya-05", 1280),
        ("/en/resources/", 1280),
    ],
)
def test_the_resource_index_has_no_wcag_violation(page, shop, axe_source, path, width):
    page.set_viewport_size({"width": width, "height": 812})
    page.goto(f"{shop.url}{path}")
    expect(page.locator("#result-count")).to_be_visible()

    assert axe_violations(page, axe_source) == []
    if width < 500:
        page.locator("[data-menu-toggle]").click()
        page.locator("[data-facets-toggle]").click()
        assert axe_violations(page, axe_source) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_resource_index_screenshots(page, shop, screenshot, lang):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{shop.url}{lang_path(lang, 'ressources/')}")
    expect(page.locator(".facets")).to_be_visible()
    assert re.search(r"\d+", page.locator("#result-count").inner_text())
    screenshot(page, f"ressources-{lang}-1280")
    page.set_viewport_size(PHONE)
    screenshot(page, f"ressources-{lang}-375")


@pytest.mark.parametrize(("lang", "width"), [("fr", 375), ("en", 1280)])
def test_after_log_in_the_home_page_shows_their_disciplines_and_followed_authors(
    page, context, shop, screenshot, axe_source, lang, width
):
    teacher = build_member("Léa Enseignante")
    teacher.disciplines.set([Discipline.objects.get(code="202")])
    Follow.objects.create(follower=teacher, author=shop.target.authors.get())
    log_in_as(context, shop.url, teacher)
    page.set_viewport_size({"width": width, "height": 812})

    page.goto(f"{shop.url}/{lang}/")

    mine = page.locator('section[aria-labelledby="mine-title"]')
    expect(mine.locator(".chip--code")).to_have_text(
        "202 · " + ("Chimie" if lang == "fr" else "Chemistry")
    )
    expect(mine.locator(".resource-card")).to_have_count(6)
    expect(page.locator('section[aria-labelledby="followed-title"]')).to_be_visible()
    screenshot(page, f"home-signed-in-{lang}-{width}")
    assert axe_violations(page, axe_source) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_member_picks_courses_among_those_of_the_chosen_disciplines(
    page, context, shop, axe_source, lang
):
    member = build_member("Sophie Gagnon", membership_expires_on=a_year_from_now())
    client = Client()
    client.force_login(member)
    draft = start_submission(client)
    log_in_as(context, shop.url, member)
    page.goto(f"{shop.url}{step_url(draft, 'classement', lang_path(lang, 'compte/depots/'))}")
    courses = page.locator("[data-course]:visible")

    expect(courses).to_have_count(0)  # no discipline chosen yet
    expect(page.locator("[data-course-none]")).to_be_visible()
    page.locator("input[data-discipline-code='201']").check()
    expect(courses).to_have_count(3)
    page.locator("[data-course-filter]").fill("201 nyb")
    expect(courses).to_have_count(1)
    courses.locator("input").check()
    page.locator("[data-course-filter]").fill("")
    page.locator("input[data-discipline-code='201']").uncheck()
    expect(courses).to_have_count(1)  # a ticked course stays in sight
    assert axe_violations(page, axe_source) == []
