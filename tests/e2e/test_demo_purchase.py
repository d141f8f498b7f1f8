"""A teacher buys in a real browser as on `make run` (no Stripe keys: demonstration payments):
resource page → cart → « Payer (démonstration) » → the demonstration page, clearly marked → « Payer »
→ the order « Payée » → the download from the library; the receipt is e-mailed and the seller's
share recorded, pending. In French and in English, axe-core on every page, screenshots kept in
test-results/."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from boutique.models import Order, Payout, StripeEvent
from tests.e2e.helpers import axe_violations
from tests.helpers import lang_path
from tests.resources.helpers import a_year_from_now

pytestmark = pytest.mark.e2e

PASSWORD = "pw-long-enough"
RESERVED = "LicenseRef-APOP-All-Rights-Reserved"

WORDS = {
    "fr": {
        "add": "Ajouter au panier",
        "pay_demo": "Payer (démonstration)",
        "title": "Paiement de démonstration",
        "banner": "Démonstration — aucun argent ne change de mains.",
        "pay": "Payer 12,50\u00a0$",
        "paid": "Payée",
        "confirmed": "Merci de votre achat",
        "download": "Télécharger Examens corrigés",
        "sales_notice": "Paiements de démonstration.",
        "share": "10,00\u00a0$",
    },
    "en": {
        "add": "Add to cart",
        "pay_demo": "Pay (demonstration)",
        "title": "Demonstration payment",
        "banner": "Demonstration — no money changes hands.",
        "pay": "Pay $12.50",
        "paid": "Paid",
        "confirmed": "Thank you for your purchase",
        "download": "Download Examens corrigés",
        "sales_notice": "Demonstration payments.",
        "share": "$10.00",
    },
}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-CA", "accept_downloads": True}


@pytest.fixture
def demo_shop(site_url, settings, make_member, make_resource):
    """`make run`'s payments: no Stripe keys, the demonstration on."""
    settings.STRIPE_SECRET_KEY = ""
    settings.PAYMENTS_DEMO = True
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
    teacher = make_member("Amina Diallo", email="amina@example.org")
    return {"marie": marie, "teacher": teacher}


def log_in(page, site_url, lang, user):
    page.goto(f"{site_url}{lang_path(lang, 'compte/login/')}?next=/{lang}/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"{site_url}/{lang}/")


def check(page, axe_source, screenshot, name):
    assert axe_violations(page, axe_source) == [], name
    screenshot(page, name)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_teacher_buys_through_the_demonstration_and_downloads_from_the_library(
    page, site_url, demo_shop, axe_source, screenshot, lang
):
    words = WORDS[lang]
    log_in(page, site_url, lang, demo_shop["teacher"])

    page.goto(f"{site_url}{lang_path(lang, 'ressources/examens/')}")
    page.get_by_role("button", name=words["add"]).click()
    page.goto(f"{site_url}{lang_path(lang, 'panier/')}")
    check(page, axe_source, screenshot, f"demo-payment-cart-{lang}")

    page.get_by_role("button", name=words["pay_demo"]).click()
    page.wait_for_url(re.compile(rf"{lang_path(lang, 'panier/paiement-demo/cs_demo_')}[0-9a-f]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title"])
    expect(page.locator(".demo-payment__banner")).to_contain_text(words["banner"])
    expect(page.locator("main")).to_contain_text("Examens corrigés")
    check(page, axe_source, screenshot, f"demo-payment-page-{lang}")
    page.set_viewport_size({"width": 375, "height": 740})
    screenshot(page, f"demo-payment-page-phone-{lang}")
    page.set_viewport_size({"width": 1280, "height": 720})

    page.get_by_role("button", name=words["pay"]).click()
    order = Order.objects.get(user=demo_shop["teacher"])
    page.wait_for_url(
        f"{site_url}{lang_path(lang, 'commandes/')}{order.reference}/?paiement=retour"
    )
    expect(page.locator(".order-status")).to_contain_text(words["paid"])
    expect(page.locator("main")).to_contain_text(words["confirmed"])
    check(page, axe_source, screenshot, f"demo-payment-order-{lang}")

    page.goto(f"{site_url}{lang_path(lang, 'compte/bibliotheque/')}")
    with page.expect_download() as info:
        page.locator("#purchases").get_by_role("link", name=words["download"]).click()
    archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert archive.read("examens.pdf").startswith(b"%PDF-1.4 examens")
    check(page, axe_source, screenshot, f"demo-payment-library-{lang}")

    # Through the webhook's code: one event, the receipt, the seller's share waiting for Stripe.
    assert StripeEvent.objects.filter(type="checkout.session.completed").count() == 1
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    (payout,) = Payout.objects.filter(order=order)
    assert (payout.seller, payout.amount_cents, payout.status) == (
        demo_shop["marie"],
        1000,
        Payout.Status.PENDING,
    )

    # The seller sees the sale, and one message about how she will be paid.
    page.context.clear_cookies()
    log_in(page, site_url, lang, demo_shop["marie"])
    page.goto(f"{site_url}{lang_path(lang, 'compte/ventes/')}")
    expect(page.locator(".sales-demo")).to_contain_text(words["sales_notice"])
    expect(page.locator("main")).to_contain_text("Examens corrigés")
    expect(page.locator(".sales-figures")).to_contain_text(words["share"])
    check(page, axe_source, screenshot, f"demo-payment-sales-{lang}")
