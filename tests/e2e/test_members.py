"""Members in a real browser: a teacher opens an author page, follows the author with the button
(no JavaScript needed), and finds the author's next resource in their library; the author page,
the profile form (with an error shown) and the library are clean for axe-core (WCAG 2.1 A/AA),
with screenshots in French and English."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Follow
from resources.models import Discipline, Rating
from tests.e2e.helpers import axe_violations
from tests.helpers import lang_path

# make_member and make_resource (tests/conftest.py) build on `catalogue`, redefined below on
# the live server.

pytestmark = pytest.mark.e2e

NEXT_YEAR = timezone.localdate() + datetime.timedelta(days=365)
OLD = "Notes de cours : limites et continuité"
NEW = "Exercices corrigés : dérivées"


@pytest.fixture
def people(site_url, catalogue, make_member, make_resource):
    author = make_member(
        "Marie Tremblay",
        email="marie.tremblay@cegep-exemple.qc.ca",
        membership_expires_on=NEXT_YEAR,
        bio="J'enseigne les mathématiques au cégep de l'Exemple depuis quinze ans.",
        bio_en="I have taught mathematics at the Cégep de l'Exemple for fifteen years.",
        links="https://www.example.org/marie\nhttps://orcid.org/0000-0002-1825-0097",
    )
    author.disciplines.set(Discipline.objects.filter(code__in=["201", "420"]))
    make_resource(OLD, slug="limites", authors=[author], licence="CC-BY-NC-SA-4.0")
    teacher = make_member("Amina Diallo")
    return author, teacher


def sign_in(page, site_url, user):
    """A session made on the server side, handed to the browser (the log-in form has its own
    tests)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": site_url}])


def test_follow_an_author_and_see_their_new_resource_in_the_library(
    page,
    site_url,
    people,
    make_resource,
    screenshot,
):
    author, teacher = people
    sign_in(page, site_url, teacher)

    # The author page: profile and resources, never the e-mail address
    page.goto(f"{site_url}/fr/ressources/limites/")
    page.locator(".author-card").get_by_role("link", name="Marie Tremblay").click()
    page.wait_for_url(f"{site_url}/fr/auteurs/{author.slug}/")
    expect(page.locator("h1")).to_have_text("Marie Tremblay")
    expect(page.locator(".author-profile__disciplines a")).to_have_count(2)
    expect(page.locator("article.resource-card")).to_have_count(1)
    assert "marie.tremblay@" not in page.content()
    expect(page.locator("#follower-count")).to_have_text("0")

    # Follow with the button
    page.locator(f"form[action='/fr/auteurs/{author.slug}/suivre/'] button").click()
    page.wait_for_url(f"{site_url}/fr/auteurs/{author.slug}/")
    expect(page.locator(".messages .notice--success")).to_have_count(1)
    expect(page.locator("#follower-count")).to_have_text("1")
    assert Follow.objects.filter(follower=teacher, author=author).count() == 1

    # The author publishes something new: it shows in the teacher's library
    make_resource(NEW, slug="derivees", authors=[author], licence="CC-BY-NC-SA-4.0")
    page.goto(f"{site_url}/fr/compte/bibliotheque/")
    followed = page.locator("#followed")
    expect(followed.locator("article.resource-card")).to_have_count(1)
    expect(followed.get_by_role("heading", name=NEW)).to_be_visible()
    expect(followed.get_by_role("link", name="Marie Tremblay")).to_be_visible()
    screenshot(page, "members-library-followed-fr")

    # Unfollow from the library, back to the same section
    followed.locator(f"form[action='/fr/auteurs/{author.slug}/suivre/'] button").click()
    page.wait_for_url(f"{site_url}/fr/compte/bibliotheque/#followed")
    assert Follow.objects.count() == 0


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_author_page_is_accessible(page, site_url, people, axe_source, screenshot, lang):
    author, teacher = people
    sign_in(page, site_url, teacher)

    page.goto(f"{site_url}{lang_path(lang, 'auteurs/')}{author.slug}/")

    expect(page.locator("h1")).to_have_text("Marie Tremblay")
    bio = "quinze ans" if lang == "fr" else "fifteen years"
    expect(page.locator(".prose")).to_contain_text(bio)
    assert axe_violations(page, axe_source) == []
    screenshot(page, f"members-author-{lang}")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_profile_form_with_an_error_is_accessible(
    page, site_url, people, axe_source, screenshot, lang
):
    author, _teacher = people
    sign_in(page, site_url, author)
    page.goto(f"{site_url}{lang_path(lang, 'compte/profil/')}")

    page.locator("#id_links").fill("https://example.org\nmon site web")
    page.locator("form.profile-form button[type=submit]").click()

    error = page.locator("#id_links_error")
    expect(error).to_be_visible()
    expect(page.locator("#id_links")).to_have_attribute("aria-invalid", "true")
    assert "id_links_error" in page.locator("#id_links").get_attribute("aria-describedby")
    assert axe_violations(page, axe_source) == []
    screenshot(page, f"members-profile-error-{lang}")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_library_and_dashboard_are_accessible(
    page,
    site_url,
    people,
    make_resource,
    axe_source,
    screenshot,
    lang,
):
    author, teacher = people
    free = make_resource(NEW, slug="derivees", authors=[author], licence="CC-BY-NC-SA-4.0")
    Rating.objects.create(resource=free, user=teacher, score=4, comment="Très utile.")
    sign_in(page, site_url, teacher)
    page.goto(f"{site_url}{lang_path(lang, 'auteurs/')}{author.slug}/")
    page.locator(
        f"form[action='{lang_path(lang, f'auteurs/{author.slug}/suivre/')}'] button"
    ).click()
    page.wait_for_url(f"{site_url}{lang_path(lang, 'auteurs/')}{author.slug}/")
    with page.expect_download():
        page.goto(f"{site_url}{lang_path(lang, 'ressources/limites/')}")
        page.locator(".buy-box a.button").click()

    page.goto(f"{site_url}{lang_path(lang, 'compte/bibliotheque/')}")

    expect(page.locator("#downloads .library-item")).to_have_count(1)
    expect(page.locator("#ratings .library-item")).to_have_count(1)
    assert axe_violations(page, axe_source) == []
    screenshot(page, f"members-library-{lang}")

    page.goto(f"{site_url}{lang_path(lang, 'compte/')}")
    # Library, submissions, membership (a teacher), profile, e-mail, password, privacy.
    expect(page.locator(".dashboard-card")).to_have_count(7)
    expect(page.locator(f".dashboard-card a[href='{lang_path(lang, 'adhesion/')}']")).to_have_count(
        1
    )
    assert axe_violations(page, axe_source) == []
    screenshot(page, f"members-dashboard-{lang}")
