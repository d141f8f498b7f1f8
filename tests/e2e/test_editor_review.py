"""An editor reviews in place, in a real browser: the review summary at the top of the
submission's edit view (licence, price, disciplines, the PDF's first page, the verdict), the
author chooser found by typing, approval with a comment that the member then reads in « Mes
soumissions »; and an open (REL) collection that refuses a sold resource picked in the chooser,
which shows each resource's licence and price. Screenshots in test-results/; axe on our parts of
the admin (Wagtail's own screens are Wagtail's)."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from resources.models import ResourcePage
from tests.e2e.helpers import axe_in, axe_violations
from tests.e2e.test_submission import log_in
from tests.resources.helpers import a_year_from_now, fill_all_steps, make_editor, step_url

pytestmark = pytest.mark.e2e

COMMENT = "Très clair, merci pour le corrigé."


def _footer_action(page, selector) -> None:
    """Click an action of the admin's footer, opening its menu when the action is in it."""
    action = page.locator(selector).first
    if not action.is_visible():
        page.locator(
            "footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]"
        ).first.click()
    action.click()


@pytest.fixture
def people(site_url, make_member):
    member = make_member("Marie Tremblay", membership_expires_on=a_year_from_now())
    make_member("Sophie Gagnon", email="sophie.gagnon@example.org")
    return member, make_editor(make_member)


def _submitted(member) -> ResourcePage:
    client = Client()
    client.force_login(member)
    page = fill_all_steps(client)
    assert client.post(step_url(page, "verification"), {"action": "submit"}).status_code == 302
    return ResourcePage.objects.get(pk=page.pk)


@pytest.mark.parametrize("width", [1280, 390])
def test_an_editor_reviews_a_submission_in_place_and_the_member_reads_the_comment(
    browser, site_url, people, axe_source, screenshot, width
):
    member, editor = people
    resource = _submitted(member)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="fr-CA")
    page = context.new_page()
    log_in(context, site_url, editor)

    # The dashboard's queue: licence, price and disciplines before opening anything
    page.goto(f"{site_url}/admin/")
    row = page.locator(f'[data-queue-resource="{resource.pk}"]')
    expect(row).to_contain_text("CC BY-NC-SA 4.0")
    expect(row).to_contain_text("Gratuit")
    expect(row).to_contain_text("201 Mathématiques")
    assert axe_in(page, axe_source, "#resources-to-review-section, .apop-queue") == []
    screenshot(page, f"editor-review-queue-{width}")
    row.locator("a").first.click()

    # The review summary: what the editor judges, without downloading anything
    page.wait_for_url(f"{site_url}/admin/pages/{resource.pk}/edit/")
    summary = page.locator("[data-review-summary]")
    expect(summary.locator('[data-review="licence"]')).to_have_text("CC BY-NC-SA 4.0")
    expect(summary.locator('[data-review="price"]')).to_have_text("Gratuit")
    expect(summary.locator('[data-review="disciplines"]')).to_have_text("201 Mathématiques")
    expect(summary.locator('[data-review="verdict"]')).to_contain_text(
        "Les vérifications de licence sont concluantes"
    )
    thumbnail = summary.locator('[data-review="file"] img')
    expect(thumbnail).to_be_visible()
    # The first page is rendered on its first request (lazy image): wait for it, not a fixed time.
    thumbnail.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0",
        arg=thumbnail.element_handle(),
        timeout=20_000,
    )
    assert axe_in(page, axe_source, "[data-review-summary]") == []
    screenshot(page, f"editor-review-summary-{width}")

    # Authors are found by typing, not picked from every account
    search = page.locator(".apop-authors__search")
    search.scroll_into_view_if_needed()
    search.fill("sophie")
    option = page.locator('.apop-authors__results [role="option"]')
    expect(option).to_have_text("Sophie Gagnon <sophie.gagnon@example.org>")
    search.press("ArrowDown")
    search.press("Enter")
    expect(page.locator(".apop-authors__chosen li")).to_have_count(2)
    assert axe_in(page, axe_source, "[data-author-chooser]") == []
    screenshot(page, f"editor-review-authors-{width}")
    page.locator(".apop-authors__chosen li[data-author-id] [data-remove]").last.click()
    expect(page.locator(".apop-authors__chosen li")).to_have_count(1)

    # Approval with a comment, from the same screen
    _footer_action(
        page, 'button[data-workflow-action-name="approve"][data-workflow-action-modal-url]'
    )
    comment = page.locator("textarea[name=comment]")
    expect(comment).to_be_visible()
    comment.fill(COMMENT)
    screenshot(page, f"editor-review-approve-{width}")
    page.locator(".modal button[type=submit], .w-dialog button[type=submit]").last.click()
    # Approved: the admin goes back to the resources' listing.
    page.wait_for_url(f"{site_url}/admin/pages/{resource.get_parent().pk}/")
    resource.refresh_from_db()
    assert resource.live is True
    context.close()

    # The member reads the comment in « Mes soumissions »
    member_context = browser.new_context(viewport={"width": width, "height": 900}, locale="fr-CA")
    member_page = member_context.new_page()
    log_in(member_context, site_url, member)
    member_page.goto(f"{site_url}/fr/compte/depots/")
    item = member_page.locator(".submission-item")
    expect(item.locator('[data-state="published"]')).to_have_count(1)
    expect(item.locator('[data-editor-comment="approved"] blockquote')).to_have_text(COMMENT)
    screenshot(member_page, f"editor-review-member-comment-{width}")
    member_context.close()


def test_an_open_collection_refuses_a_sold_resource_chosen_in_the_chooser(
    browser, site_url, people, make_resource, make_collection, axe_source, screenshot
):
    member, editor = people
    free = make_resource("Notes libres", slug="notes-libres", licence="CC-BY-4.0")
    make_resource(
        "Examen vendu",
        slug="examen-vendu",
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=1250,
        authors=[member],
    )
    collection = make_collection("Calcul", [(free, "")], slug="calcul")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-CA")
    page = context.new_page()
    log_in(context, site_url, editor)

    page.goto(f"{site_url}/admin/pages/{collection.pk}/edit/")
    chooser = page.locator("#id_items-0-resource-chooser")
    chooser.locator("[data-w-dropdown-target=toggle]").first.click()  # the chosen item's actions
    chooser.locator("[data-chooser-action-choose]:visible").first.click()
    modal = page.locator(".modal-content, .w-dialog").last
    row = modal.locator("tr", has_text="Examen vendu")
    expect(row).to_contain_text("Tous droits réservés")
    expect(row).to_contain_text("12,50\u00a0$")
    screenshot(page, "editor-rel-chooser")
    row.locator("a").first.click()
    expect(chooser.locator("[data-chooser-title]")).to_contain_text("Examen vendu")
    _footer_action(page, 'button[name="action-publish"]')
    expect(page.get_by_text("ne peut pas entrer dans une collection REL").first).to_be_visible()
    screenshot(page, "editor-rel-refused")
    assert [item.resource_id for item in collection.items.all()] == [free.pk]

    # The public page: compact cards and « Tout télécharger », at desktop and phone widths
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{site_url}/fr/collections/calcul/")
        expect(page.locator("article.resource-card")).to_have_count(1)
        expect(page.locator("[data-collection-download]")).to_have_attribute(
            "href", f"/telechargement/collections/{collection.pk}/"
        )
        assert axe_violations(page, axe_source) == []
        screenshot(page, f"collection-rel-{width}")
    context.close()
