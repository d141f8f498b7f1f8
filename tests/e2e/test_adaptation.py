"""In a real browser: a member adapts an open resource (the resource page's « Adapter cette
ressource » → a submission that names its source → a licence step offering only what the
source's licence allows), in French and in English; and a teacher puts a free resource of their
library in a new folder, on a desktop and a phone. Each screen is clean for axe-core (WCAG 2.1
A/AA), with screenshots in test-results/."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from members.models import LibraryFolder
from resources.models import ResourcePage
from tests.e2e.helpers import axe_violations
from tests.helpers import lang_path
from tests.resources.helpers import pdf_bytes

pytestmark = pytest.mark.e2e

NEXT_YEAR = timezone.localdate() + datetime.timedelta(days=365)
SOURCE = "Notes de cours : limites et continuité"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def source(site_url, catalogue, make_member, make_resource):
    author = make_member("Sophie Gagnon", membership_expires_on=NEXT_YEAR)
    return make_resource(SOURCE, slug="limites", authors=[author], licence="CC-BY-NC-SA-4.0")


def sign_in(page, site_url, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": site_url}])


def check_axe(page, axe_source, label):
    assert axe_violations(page, axe_source) == [], label


def save_and_continue(page):
    page.locator('button[name="action"][value="continue"]').click()


WORDS = {
    "fr": {
        "button": "Adapter cette ressource",
        "adapting": "Vous adaptez",
        "free": "Gratuit",
        "title": "Limites : version avec exercices",
    },
    "en": {
        "button": "Adapt this resource",
        "adapting": "You are adapting",
        "free": "Free",
        "title": "Limits: a version with exercises",
    },
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_member_adapts_an_open_resource(
    page, site_url, source, make_member, axe_source, screenshot, tmp_path, lang
):
    words = WORDS[lang]
    member = make_member("Marie Tremblay", membership_expires_on=NEXT_YEAR, language=lang)
    pdf = tmp_path / "limites-exercices.pdf"
    pdf.write_bytes(pdf_bytes("Limites : exercices"))
    sign_in(page, site_url, member)

    # The resource page offers the adaptation in its licence box
    page.goto(f"{site_url}{lang_path(lang, 'ressources/limites/')}")
    button = page.locator(".licence-box").get_by_role("link", name=words["button"])
    expect(button).to_be_visible()
    check_axe(page, axe_source, "resource page")
    screenshot(page, f"adapt-{lang}-1-resource-page")
    button.click()

    # Step 1 names the source and what its licence leaves
    page.wait_for_url(f"{site_url}{lang_path(lang, 'compte/depots/adapter/')}{source.pk}/")
    notice = page.locator(".adapting")
    expect(notice).to_contain_text(words["adapting"])
    expect(notice.get_by_role("link", name=SOURCE)).to_be_visible()
    expect(notice).to_contain_text("CC BY-NC-SA 4.0")
    check_axe(page, axe_source, "step 1 of an adaptation")
    screenshot(page, f"adapt-{lang}-2-description")
    page.locator("#id_title").fill(words["title"])
    page.locator("#id_summary").fill("Les notes de Sophie, avec vingt exercices corrigés.")
    save_and_continue(page)

    # Step 2 starts from the source's classification
    expect(page.locator("input[name=disciplines]:checked")).to_have_count(1)
    save_and_continue(page)

    # Step 3: a file
    page.locator("#id_files").set_input_files(str(pdf))
    page.locator('button[name="action"][value="upload"]').click()
    expect(page.locator(".file-list__name")).to_have_text(["limites-exercices.pdf"])
    save_and_continue(page)

    # Step 4: the source first, then only the licence it allows, and no price
    expect(page.locator(".adapting")).to_contain_text(SOURCE)
    expect(page.locator("input[name=licence]")).to_have_count(1)
    expect(page.locator("input[name=licence]:checked")).to_have_value("CC-BY-NC-SA-4.0")
    expect(page.locator("input[name=price]")).to_have_count(0)
    expect(page.locator("[data-price=free]")).to_contain_text(words["free"])
    check_axe(page, axe_source, "licence step of an adaptation")
    screenshot(page, f"adapt-{lang}-3-licence")
    page.set_viewport_size(PHONE)
    screenshot(page, f"adapt-{lang}-3-licence-phone")
    save_and_continue(page)

    # Review: the source is named; the rules allow it
    expect(page.locator(".review__decision")).to_be_visible()
    expect(page.locator(".review")).to_contain_text(SOURCE)
    check_axe(page, axe_source, "review of an adaptation")
    screenshot(page, f"adapt-{lang}-4-review-phone")
    draft = ResourcePage.objects.get(draft_title=words["title"]).get_latest_revision_as_object()
    assert (draft.adapted_from_page_id, draft.licence, draft.price_cents) == (
        source.pk,
        "CC-BY-NC-SA-4.0",
        0,
    )


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_a_teacher_adds_a_free_resource_to_a_folder(
    page, site_url, source, make_member, axe_source, screenshot, viewport
):
    teacher = make_member("Amina Diallo")
    sign_in(page, site_url, teacher)
    if viewport:
        page.set_viewport_size(viewport)
    suffix = "phone" if viewport else "desktop"

    # The resource page: add it to the library, then file it in a new folder
    page.goto(f"{site_url}/fr/ressources/limites/")
    page.get_by_role("button", name="Ajouter à ma bibliothèque").click()
    expect(
        page.locator(".buy-box").get_by_role("link", name="Dans ma bibliothèque")
    ).to_be_visible()
    box = page.locator(".folder-box")
    box.locator("summary").click()
    box.get_by_label("Nom d’un nouveau dossier").fill("Calcul 201-NYA-05")
    check_axe(page, axe_source, "resource page with the folder box")
    box.get_by_role("button", name="Enregistrer les dossiers").click()
    expect(page.locator(".folder-box summary")).to_contain_text("Calcul 201-NYA-05")
    expect(page.locator(".folder-box input[type=checkbox]:checked")).to_have_count(1)
    screenshot(page, f"folders-1-resource-page-{suffix}")

    # The library lists the folder with its count; the folder lists the resource
    page.goto(f"{site_url}/fr/compte/bibliotheque/")
    folder = LibraryFolder.objects.get(owner=teacher)
    link = page.locator(".folder-list").get_by_role("link", name="Calcul 201-NYA-05")
    expect(link).to_be_visible()
    expect(page.locator(".folder-list")).to_contain_text("1 ressource")
    check_axe(page, axe_source, "library with a folder")
    screenshot(page, f"folders-2-library-{suffix}")
    link.click()
    page.wait_for_url(f"{site_url}/fr/compte/bibliotheque/dossiers/{folder.pk}/")
    expect(page.locator("h1")).to_contain_text("Calcul 201-NYA-05")
    expect(
        page.locator(".library-item").get_by_role("link", name=SOURCE, exact=True)
    ).to_be_visible()
    expect(page.locator(".library-item").get_by_role("link", name="Télécharger")).to_be_visible()
    check_axe(page, axe_source, "a folder")
    screenshot(page, f"folders-3-folder-{suffix}")
