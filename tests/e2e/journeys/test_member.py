"""A member's journey, by clicks from the home page: the language switcher, log-in, the
« Ressources » menu, an open resource (CC BY 4.0) and its « Adapter cette ressource », the five
steps of the submission that names its source — the licence step says what the source allows,
and what the member will receive per sale follows the prices they type — then the submission
sent, its receipt e-mailed and « Mes dépôts » listing it in review."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from resources.models import ResourcePage
from tests.e2e.journeys.conftest import arrive_by_the_switcher, header_link, log_in
from tests.resources.helpers import a_year_from_now, pdf_bytes

pytestmark = pytest.mark.e2e

SOURCE = "Limites et continuité : notes de cours"
NBSP = "\u00a0"

WORDS = {
    "fr": {
        "resources": "Ressources",
        "adapt": "Adapter cette ressource",
        "adapting": "Vous adaptez",
        "title": "Limites : version avec exercices",
        "terms": "vous laisse choisir toute licence et vendre votre adaptation",
        "typed": ("12,50", "10"),
        "heading": "Ce que vous recevez par vente",
        # regular, member, institution licence (5 × the price by default)
        "net": [f"10,00{NBSP}$", f"8,00{NBSP}$", f"50,00{NBSP}$"],
        "commission": [f"2,50{NBSP}$", f"2,00{NBSP}$", f"12,50{NBSP}$"],
        "allowed": "Les règles des licences permettent cette licence et ce prix.",
        "submit": "Soumettre pour révision",
        "in_review": "En révision",
        "receipt": "Nous avons bien reçu",
    },
    "en": {
        "resources": "Resources",
        "adapt": "Adapt this resource",
        "adapting": "You are adapting",
        "title": "Limits: a version with exercises",
        "terms": "lets you choose any licence and sell your adaptation",
        "typed": ("12.50", "10"),
        "heading": "What you receive per sale",
        "net": ["$10.00", "$8.00", "$50.00"],
        "commission": ["$2.50", "$2.00", "$12.50"],
        "allowed": "The licence rules allow this licence and this price.",
        "submit": "Submit for review",
        "in_review": "In review",
        "receipt": "We received",
    },
}


@pytest.fixture
def member(site_url, make_member, make_resource, lang):
    """An APOP member, and an open resource of another member (CC BY 4.0: its adaptations may
    carry any licence and be sold)."""
    author = make_member("Sophie Gagnon", membership_expires_on=a_year_from_now())
    make_resource(SOURCE, slug="limites", authors=[author], licence="CC-BY-4.0")
    return make_member(
        "Marie Tremblay",
        email="marie@example.org",
        membership_expires_on=a_year_from_now(),
        language=lang,
    )


def continue_(page):
    page.locator('button[name="action"][value="continue"]').click()


def test_a_member_adapts_an_open_resource_and_sees_what_they_will_earn(
    page, site_url, member, journey, lang, tmp_path
):
    words, me = WORDS[lang], journey("member")
    pdf = tmp_path / "limites-exercices.pdf"
    pdf.write_bytes(pdf_bytes("Limites : exercices"))

    # 1. The language switcher, then log-in from the header
    arrive_by_the_switcher(page, site_url, lang)
    log_in(page, lang, member)
    me.step(page, "logged-in")

    # 2. « Ressources » in the menu, the open resource, its « Adapter cette ressource »
    header_link(page, words["resources"]).click()
    page.locator(".resource-card__title").get_by_role("link", name=SOURCE).click()
    expect(page.locator("h1")).to_have_text(SOURCE)
    adapt = page.locator(".licence-box").get_by_role("link", name=words["adapt"])
    expect(adapt).to_be_visible()
    assert page.url.startswith(f"{site_url}/{lang}/")
    me.step(page, "open-resource")
    adapt.click()

    # 3. Step 1 names the source; the member describes the adaptation
    notice = page.locator(".adapting")
    expect(notice).to_contain_text(words["adapting"])
    expect(notice.get_by_role("link", name=SOURCE)).to_be_visible()
    expect(notice).to_contain_text("CC BY 4.0")
    me.step(page, "adaptation-description")
    page.locator("#id_title").fill(words["title"])
    page.locator("#id_summary").fill("Les notes de Sophie, avec vingt exercices corrigés.")
    continue_(page)

    # 4. Step 2 starts from the source's classification; step 3 takes a PDF
    expect(page.locator("input[name=disciplines]:checked")).to_have_count(1)
    me.step(page, "adaptation-classification")
    continue_(page)
    page.locator("#id_files").set_input_files(str(pdf))
    page.locator('button[name="action"][value="upload"]').click()
    expect(page.locator(".file-list__name")).to_have_text(["limites-exercices.pdf"])
    me.step(page, "adaptation-file")
    continue_(page)

    # 5. The licence step: what the source allows; a price, and what each sale brings
    expect(page.locator(".adapting")).to_contain_text(words["terms"])
    page.locator(".licence-option").filter(
        has=page.locator(".licence-option__name", has_text=re.compile(r"^CC BY 4\.0$"))
    ).locator("input").check()
    earnings = page.locator("[data-earnings]")
    expect(earnings.get_by_role("heading")).to_have_text(words["heading"])
    page.locator("#id_price").fill(words["typed"][0])
    page.locator("#id_member_price").fill(words["typed"][1])
    expect(page.locator(".earnings-table__commission td")).to_have_text(words["commission"])
    expect(page.locator(".earnings-table__net td")).to_have_text(words["net"])
    earnings.scroll_into_view_if_needed()
    me.step(page, "earnings")
    continue_(page)

    # 6. The review: the rules allow it; sent to the editors
    expect(page.locator(".review__decision")).to_have_text(words["allowed"])
    expect(page.locator(".review")).to_contain_text(SOURCE)
    me.step(page, "adaptation-review")
    page.get_by_role("button", name=words["submit"]).click()

    # 7. « Mes dépôts » lists it in review; the receipt is in the member's mailbox
    with translation.override(lang):
        submissions = reverse("submissions:list")
    page.wait_for_url(f"{site_url}{submissions}")
    item = page.locator(".submission-item", has_text=words["title"])
    expect(item.locator(".state-badge")).to_have_text([words["in_review"]])
    me.step(page, "submitted")
    (receipt,) = [message for message in mail.outbox if message.to == [member.email]]
    assert words["receipt"] in receipt.subject + receipt.body
    assert words["title"] in receipt.body
    draft = ResourcePage.objects.get(draft_title=words["title"]).get_latest_revision_as_object()
    assert (draft.adapted_from_page.title, draft.licence, draft.price_cents) == (
        SOURCE,
        "CC-BY-4.0",
        1250,
    )
