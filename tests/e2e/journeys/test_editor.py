"""An editor's journey, by clicks from the home page to the admin and back: the language
switcher, log-in, « Administration »; the queue on the dashboard says what each submission is;
the review screen shows licence, price, disciplines, the licence checks' verdict and the file's
first page without downloading anything; the « Collections REL » menu, where an open collection
refuses a sold resource; then the approval with a comment — which the author receives by e-mail
and reads in « Mes dépôts ». Axe checks our parts of the admin (Wagtail's own screens are
Wagtail's) and every public page."""

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from resources.models import ResourcePage
from tests.e2e.journeys.conftest import HEADER, arrive_by_the_switcher, header_link, log_in
from tests.e2e.test_editor_review import _footer_action
from tests.resources.helpers import a_year_from_now, fill_all_steps, make_editor, step_url

pytestmark = pytest.mark.e2e

SUBMITTED = "Exercices : limites"
SOLD = "Examen vendu"

WORDS = {
    "fr": {
        "admin": "Administration",
        "free": "Gratuit",
        "discipline": "201 Mathématiques",
        "verdict": "Les vérifications de licence sont concluantes",
        "rel_menu": "Collections REL",
        "reserved": "Tous droits réservés",
        "price": "12,50\u00a0$",
        "refused": "ne peut pas entrer dans une collection REL",
        "dashboard": "Tableau de bord",
        "comment": "Très clair, merci pour le corrigé.",
        "published": "est publiée",
        "submissions": "Mes dépôts",
    },
    "en": {
        "admin": "Administration",
        "free": "Free",
        "discipline": "201 Mathematics",
        "verdict": "The licence checks pass",
        "rel_menu": "REL collections",
        "reserved": "All rights reserved",
        "price": "$12.50",
        "refused": "cannot go into an open (REL) collection",
        "dashboard": "Dashboard",
        "comment": "Very clear, thank you for the answers.",
        "published": "is published",
        "submissions": "My submissions",
    },
}


@pytest.fixture
def desk(site_url, make_member, make_resource, make_collection, lang):
    """A member's submission waiting for review, an open collection and a sold resource; the
    editor's admin in the journey's language (their Wagtail profile)."""
    author = make_member(
        "Marie Tremblay",
        email="marie@example.org",
        membership_expires_on=a_year_from_now(),
        language=lang,
    )
    client = Client()
    client.force_login(author)
    draft = fill_all_steps(client, SUBMITTED)
    assert client.post(step_url(draft, "verification"), {"action": "submit"}).status_code == 302
    free = make_resource("Notes libres", slug="notes-libres", licence="CC-BY-4.0")
    make_resource(
        SOLD,
        slug="examen-vendu",
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=1250,
        authors=[author],
    )
    collection = make_collection("Calcul", [(free, "")], slug="calcul")
    editor = make_editor(make_member)
    UserProfile.get_for_user(editor)
    UserProfile.objects.filter(user=editor).update(preferred_language=lang)
    mail.outbox.clear()  # the submission's receipt and review request: not this journey's
    return {"author": author, "editor": editor, "draft": draft, "collection": collection}


def admin_menu(page, name):
    """A link of the admin's sidebar; on a phone the sidebar folds behind its toggle."""
    toggle = page.locator(".sidebar-nav-toggle--mobile")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
        toggle.click()
    return page.locator("#wagtail-sidebar").get_by_role("link", name=name)


def test_an_editor_reviews_in_place_refuses_a_sold_resource_in_rel_and_approves(
    page, browser, browser_context_args, site_url, desk, journey, lang
):
    words, me = WORDS[lang], journey("editor")
    resource = desk["draft"]

    # 1. The language switcher, log-in, « Administration » in the header
    arrive_by_the_switcher(page, site_url, lang)
    log_in(page, lang, desk["editor"])
    header_link(page, words["admin"]).click()
    page.wait_for_url(f"{site_url}/admin/")

    # 2. The queue: licence, price and disciplines before opening anything
    row = page.locator(f'[data-queue-resource="{resource.pk}"]')
    expect(row).to_contain_text("CC BY-NC-SA 4.0")
    expect(row).to_contain_text(words["free"])
    expect(row).to_contain_text(words["discipline"])
    me.step(page, "queue", scope=".apop-queue")
    row.locator("a").first.click()

    # 3. The review in place: what the editor judges, the file's first page, no download
    page.wait_for_url(f"{site_url}/admin/pages/{resource.pk}/edit/")
    summary = page.locator("[data-review-summary]")
    expect(summary.locator('[data-review="licence"]')).to_have_text("CC BY-NC-SA 4.0")
    expect(summary.locator('[data-review="price"]')).to_have_text(words["free"])
    expect(summary.locator('[data-review="disciplines"]')).to_have_text(words["discipline"])
    expect(summary.locator('[data-review="verdict"]')).to_contain_text(words["verdict"])
    thumbnail = summary.locator('[data-review="file"] img')
    thumbnail.scroll_into_view_if_needed()
    # The first page is rendered on its first request (lazy image): wait for it.
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0",
        arg=thumbnail.element_handle(),
        timeout=20_000,
    )
    me.step(page, "review-summary", scope="[data-review-summary]")

    # 4. « Collections REL »: the open collection refuses a sold resource chosen in the chooser
    admin_menu(page, words["rel_menu"]).click()
    page.get_by_role("link", name="Calcul", exact=True).first.click()
    collection = desk["collection"]
    page.wait_for_url(f"{site_url}/admin/pages/{collection.pk}/edit/")
    chooser = page.locator("#id_items-0-resource-chooser")
    chooser.locator("[data-w-dropdown-target=toggle]").first.click()
    chooser.locator("[data-chooser-action-choose]:visible").first.click()
    modal = page.locator(".modal-content, .w-dialog").last
    choice = modal.locator("tr", has_text=SOLD)
    expect(choice).to_contain_text(words["reserved"])
    expect(choice).to_contain_text(words["price"])
    me.step(page, "rel-chooser", scope=".modal-content, .w-dialog")
    choice.locator("a").first.click()
    expect(chooser.locator("[data-chooser-title]")).to_contain_text(SOLD)
    _footer_action(page, 'button[name="action-publish"]')
    expect(page.get_by_text(words["refused"]).first).to_be_visible()
    me.step(page, "rel-refused", scope="#id_items-0-resource-chooser")
    assert [item.resource.title for item in collection.items.all()] == ["Notes libres"]

    # 5. Back to the dashboard, the submission approved with a comment
    admin_menu(page, words["dashboard"]).click()
    page.locator(f'[data-queue-resource="{resource.pk}"] a').first.click()
    page.wait_for_url(f"{site_url}/admin/pages/{resource.pk}/edit/")
    _footer_action(
        page, 'button[data-workflow-action-name="approve"][data-workflow-action-modal-url]'
    )
    comment = page.locator("textarea[name=comment]")
    expect(comment).to_be_visible()
    comment.fill(words["comment"])
    me.step(page, "approve-with-comment", scope="textarea[name=comment]")
    page.locator(".modal button[type=submit], .w-dialog button[type=submit]").last.click()
    page.wait_for_url(f"{site_url}/admin/pages/{resource.get_parent().pk}/")
    assert ResourcePage.objects.get(pk=resource.pk).live

    # 6. The author receives the comment, in their language, and reads it in « Mes dépôts »
    (message,) = [m for m in mail.outbox if m.to == [desk["author"].email]]
    assert words["published"] in message.subject
    assert words["comment"] in message.body
    author_context = browser.new_context(**browser_context_args)
    author_page = author_context.new_page()
    author_page.goto(f"{site_url}/{lang}/")
    log_in(author_page, lang, desk["author"])
    header_link(author_page, HEADER[lang]["account"]).click()
    author_page.get_by_role("link", name=words["submissions"], exact=True).click()
    item = author_page.locator(".submission-item", has_text=SUBMITTED)
    expect(item.locator('[data-state="published"]')).to_have_count(1)
    expect(item.locator('[data-editor-comment="approved"] blockquote')).to_have_text(
        words["comment"]
    )
    assert author_page.url.startswith(f"{site_url}/{lang}/")
    me.step(author_page, "author-reads-the-comment")
    author_context.close()
