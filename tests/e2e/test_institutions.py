"""A local representative in a real browser, as on `make run` (demonstration payments): their
institution page, then an institution licence bought from a resource page — « Acheter pour … »,
the cart line « Licence d'établissement — … », « Payer (démonstration) », « Payer » — which shows
on their page and lets a teacher of the college download the resource. French and English, at
desktop and phone widths, axe-core clean; screenshots in test-results/."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts import roles
from accounts.models import Institution, InstitutionDomain, InstitutionRepresentative
from boutique.models import InstitutionLicence
from tests.e2e.helpers import axe_violations, log_in_as
from tests.helpers import lang_path
from tests.resources.helpers import a_year_from_now

pytestmark = pytest.mark.e2e

RESERVED = "LicenseRef-APOP-All-Rights-Reserved"

WORDS = {
    "fr": {
        "page_title": "Mon établissement",
        "member": "Membre",
        "no_licence": "Aucune licence d’établissement pour l’instant.",
        "buy": "Acheter pour Cégep de l’Exemple",
        "line": "Licence d’établissement — Cégep de l’Exemple",
        "pay_demo": "Payer (démonstration)",
        "pay": "Payer 62,50\u00a0$",
        "renew": "Renouveler",
        "download": "Télécharger",
        "licensed": "Licence d’établissement de Cégep de l’Exemple",
    },
    "en": {
        "page_title": "My institution",
        "member": "Member",
        "no_licence": "No institution licence yet.",
        "buy": "Buy for Cégep de l’Exemple",
        "line": "Institution licence — Cégep de l’Exemple",
        "pay_demo": "Pay (demonstration)",
        "pay": "Pay $62.50",
        "renew": "Renew",
        "download": "Download",
        "licensed": "Institution licence of Cégep de l’Exemple",
    },
}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "accept_downloads": True}


@pytest.fixture
def college(site_url, settings, make_member, make_resource):
    settings.STRIPE_SECRET_KEY = ""
    settings.PAYMENTS_DEMO = True
    start, end = roles.fcp_year(roles.academic_year())
    institution = Institution.objects.create(
        name="Cégep de l’Exemple", member_from=min(start, roles.today()), member_until=end
    )
    InstitutionDomain.objects.create(institution=institution, domain="cegep-exemple.example")
    representative = make_member("Rachel Mandataire", email="mandataire@cegep-exemple.example")
    InstitutionRepresentative.objects.create(institution=institution, user=representative)
    teacher = make_member("Paul Prof", email="paul@cegep-exemple.example")
    marie = make_member(
        "Marie Tremblay", email="marie@example.org", membership_expires_on=a_year_from_now()
    )
    make_resource(
        "Examens corrigés",
        slug="examens",
        authors=[marie],
        licence=RESERVED,
        price_cents=1250,
        files=(("examens.pdf", b"%PDF-1.4 examens\n"),),
    )
    return {"representative": representative, "teacher": teacher}


def check(page, axe_source, screenshot, name):
    assert axe_violations(page, axe_source) == [], name
    screenshot(page, name)
    page.set_viewport_size({"width": 375, "height": 740})
    assert axe_violations(page, axe_source) == [], f"{name} (phone)"
    screenshot(page, f"{name}-phone")
    page.set_viewport_size({"width": 1280, "height": 720})


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_representative_buys_an_institution_licence_for_the_college(
    page, context, site_url, college, axe_source, screenshot, lang
):
    words = WORDS[lang]
    log_in_as(context, site_url, college["representative"])

    page.goto(site_url + lang_path(lang, "compte/etablissement/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["page_title"])
    expect(page.locator(".institution-status")).to_have_text(words["member"])
    expect(page.locator("main")).to_contain_text(words["no_licence"])
    check(page, axe_source, screenshot, f"institution-page-empty-{lang}")

    page.goto(site_url + lang_path(lang, "ressources/examens/"))
    check(page, axe_source, screenshot, f"institution-offer-{lang}")
    page.get_by_role("button", name=words["buy"]).click()
    page.goto(site_url + lang_path(lang, "panier/"))
    expect(page.locator(".cart-table__licence")).to_contain_text(words["line"])
    check(page, axe_source, screenshot, f"institution-cart-{lang}")

    page.get_by_role("button", name=words["pay_demo"]).click()
    page.wait_for_url(
        re.compile(re.escape(lang_path(lang, "panier/paiement-demo/")) + r"cs_demo_[0-9a-f]+/$")
    )
    page.get_by_role("button", name=words["pay"]).click()
    page.wait_for_url(
        re.compile(re.escape(lang_path(lang, "commandes/")) + r"APOP-\d{4}-\d+/\?paiement=retour$")
    )
    (licence,) = InstitutionLicence.objects.live()
    assert licence.resource.slug == "examens"

    page.goto(site_url + lang_path(lang, "compte/etablissement/"))
    expect(page.locator("main table")).to_contain_text("Examens corrigés")
    expect(page.get_by_role("button", name=re.compile(words["renew"]))).to_be_visible()
    check(page, axe_source, screenshot, f"institution-page-{lang}")

    # A teacher of the college downloads it from the resource page, without buying it.
    context.clear_cookies()
    log_in_as(context, site_url, college["teacher"])
    page.goto(site_url + lang_path(lang, "ressources/examens/"))
    expect(page.locator(".buy-box__licensed")).to_contain_text(words["licensed"])
    check(page, axe_source, screenshot, f"institution-licensed-{lang}")
    with page.expect_download() as info:
        page.locator(".buy-box").get_by_role("link", name=words["download"]).click()
    archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert archive.read("examens.pdf").startswith(b"%PDF-1.4 examens")
