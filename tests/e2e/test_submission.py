"""Submission in a real browser: a member goes through the five steps with a PDF and a PNG
preview, an editor approves the page in the Wagtail admin, and the member finds it published.
Every step's form (one of them showing errors) and the list are checked with axe-core."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from resources.models import ResourcePage
from tests.e2e.helpers import axe_violations
from tests.resources.helpers import a_year_from_now, make_editor, pdf_bytes, png_bytes

pytestmark = pytest.mark.e2e

TITLE = "Exercices corrigés : limites"


def log_in(context, site_url, user) -> None:
    """The session of a user logged in with Django's test client, handed to the browser."""
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_url}]
    )


def check_axe(page, axe_source, label):
    assert axe_violations(page, axe_source) == [], label


def save_and_continue(page):
    page.locator('button[name="action"][value="continue"]').click()


@pytest.fixture
def member(site_url, make_member):
    return make_member("Marie Tremblay", membership_expires_on=a_year_from_now(), language="en")


@pytest.fixture
def editor(site_url, make_member):
    return make_editor(make_member)


def test_a_member_submits_an_editor_approves_and_the_member_sees_it_published(
    page, browser, site_url, member, editor, axe_source, screenshot, tmp_path
):
    pdf = tmp_path / "notes-limites.pdf"
    pdf.write_bytes(pdf_bytes("Limites et continuité"))
    png = tmp_path / "apercu.png"
    png.write_bytes(png_bytes((320, 200)))
    log_in(page.context, site_url, member)

    # 1. Description — first with an error shown, then filled in
    page.goto(f"{site_url}/fr/compte/depots/nouveau/")
    expect(page.locator("h1")).to_contain_text("Description")
    check_axe(page, axe_source, "description, empty")
    save_and_continue(page)
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#id_title")).to_have_attribute("aria-invalid", "true")
    check_axe(page, axe_source, "description, with errors")
    screenshot(page, "submission-1-description-errors")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Vingt exercices corrigés sur les limites et la continuité.")
    page.locator("#id_description").fill("Pour le cours de calcul différentiel.\n\nAvec corrigé.")
    save_and_continue(page)

    # 2. Classification: checkboxes usable with the keyboard
    expect(page.locator(".submission-steps [aria-current=step]")).to_contain_text("2")
    check_axe(page, axe_source, "classification")
    page.locator("label", has_text="201").first.click()
    page.locator("#id_tags").fill("limites, continuité")
    screenshot(page, "submission-2-classification")
    save_and_continue(page)

    # 3. Files and previews
    expect(page.locator("#id_files")).to_be_visible()
    check_axe(page, axe_source, "files, empty")
    page.locator("#id_files").set_input_files(str(pdf))
    page.locator("#id_preview").set_input_files(str(png))
    page.locator("#id_preview_alt").fill("Première page : l'énoncé des exercices")
    page.locator('button[name="action"][value="upload"]').click()
    expect(page.locator(".file-list__name")).to_have_text(["notes-limites.pdf"])
    expect(page.locator(".preview-list img")).to_have_attribute(
        "alt", "Première page : l'énoncé des exercices"
    )
    check_axe(page, axe_source, "files, uploaded")
    screenshot(page, "submission-3-files")
    save_and_continue(page)

    # 4. Licence and price
    expect(page.locator("input[name=licence]:checked")).to_have_value("CC-BY-NC-SA-4.0")
    check_axe(page, axe_source, "licence")
    screenshot(page, "submission-4-licence")
    save_and_continue(page)

    # 5. Review, then submit
    expect(page.locator(".review__decision")).to_be_visible()
    check_axe(page, axe_source, "review")
    screenshot(page, "submission-5-review")
    page.locator('button[name="action"][value="submit"]').click()
    page.wait_for_url(f"{site_url}/fr/compte/depots/")
    expect(page.locator('.submission-item [data-state="in_review"]')).to_have_count(1)
    check_axe(page, axe_source, "list, in review")

    resource = ResourcePage.objects.get(draft_title=TITLE)

    # The editor approves it in the Wagtail admin, from the page's edit view
    editor_context = browser.new_context()
    editor_page = editor_context.new_page()
    log_in(editor_context, site_url, editor)
    editor_page.goto(f"{site_url}/admin/pages/{resource.pk}/edit/")
    approve = editor_page.locator('button[data-workflow-action-name="approve"]').first
    if not approve.is_visible():
        editor_page.locator(
            "footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]"
        ).first.click()
    approve.click()
    editor_page.wait_for_load_state()
    screenshot(editor_page, "submission-6-admin-approved")
    editor_context.close()
    resource.refresh_from_db()
    assert resource.live is True

    # The member finds it published, and opens its public page
    page.goto(f"{site_url}/fr/compte/depots/")
    item = page.locator(".submission-item")
    expect(item.locator('[data-state="published"]')).to_have_count(1)
    check_axe(page, axe_source, "list, published")
    screenshot(page, "submission-7-list-published")
    item.locator(f'a[href="/fr/ressources/{resource.slug}/"]').click()
    page.wait_for_url(f"{site_url}/fr/ressources/{resource.slug}/")
    expect(page.locator("h1")).to_have_text(TITLE)


def test_a_teacher_without_membership_reads_how_to_become_a_member(
    page,
    site_url,
    make_member,
    axe_source,
    screenshot,
):
    log_in(page.context, site_url, make_member("Amina Diallo"))

    page.goto(f"{site_url}/en/account/submissions/new/")

    expect(page.locator("[data-state=not_member]")).to_be_visible()
    expect(page.locator('a[href="https://www.apop.qc.ca/"]').first).to_be_visible()
    expect(page.locator("#id_title")).to_have_count(0)
    check_axe(page, axe_source, "become a member")
    screenshot(page, "submission-become-member")
