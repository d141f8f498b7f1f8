"""The purchase journey in a real browser: a teacher puts two members' resources in the cart,
pays (our server answers 303 towards the Checkout Session stripe-mock made; Stripe's hosted page
cannot load here, so the test stands in for it and then posts the signed
`checkout.session.completed` event as Stripe would), sees the order « Payée », downloads both
resources from the library; each member's sales page shows the sale. axe-core on cart and order."""

import io
import json
import re
import urllib.request
import uuid
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from boutique.models import Order, Payout, SellerAccount
from tests.boutique.helpers import load_event, signature_header
from tests.e2e.helpers import axe_violations

pytestmark = pytest.mark.e2e

PASSWORD = "pw-long-enough"
RESERVED = "LicenseRef-APOP-All-Rights-Reserved"


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-CA", "accept_downloads": True}


@pytest.fixture
def shop(site_url, stripe_mock, make_member, make_resource):
    marie = make_member("Marie Tremblay", email="marie@example.org")
    sophie = make_member("Sophie Gagnon", email="sophie@example.org")
    # Marie can receive her share at once; Sophie has not connected Stripe yet.
    SellerAccount.objects.create(
        user=marie, stripe_account_id="acct_marie", payouts_enabled=True, charges_enabled=True
    )
    exams = make_resource(
        "Examens corrigés",
        slug="examens",
        authors=[marie],
        licence=RESERVED,
        price_cents=1250,
        files=(("examens.pdf", b"%PDF-1.4 examens\n"),),
    )
    labs = make_resource(
        "Laboratoires de chimie",
        slug="laboratoires",
        authors=[sophie],
        licence=RESERVED,
        price_cents=800,
        disciplines=("202",),
        files=(("labos.pdf", b"%PDF-1.4 labos\n"),),
    )
    buyer = make_member("Amina Diallo", email="amina@example.org")
    return {"marie": marie, "sophie": sophie, "exams": exams, "labs": labs, "buyer": buyer}


def log_in(page, site_url, user, next_path="/fr/"):
    page.goto(f"{site_url}/fr/compte/login/?next={next_path}")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"{site_url}{next_path}")


def post_completed(site_url, settings, order: Order, event_id: str = "") -> int:
    event = load_event(
        "checkout_session_completed",
        event_id=event_id or f"evt_{uuid.uuid4().hex[:24]}",
        session_id=order.stripe_session_id,
        reference=order.reference,
        amount=order.total_cents,
        payment_intent=order.stripe_payment_intent or "pi_apop_test",
    )
    payload = json.dumps(event).encode()
    request = urllib.request.Request(
        f"{site_url}/stripe/webhook/",
        data=payload,
        headers={
            "Content-Type": "application/json",
            "Stripe-Signature": signature_header(payload, settings.STRIPE_WEBHOOK_SECRET),
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status


def test_a_teacher_buys_two_resources_from_two_members_and_downloads_them(
    page, site_url, settings, shop, axe_source, screenshot
):
    buyer = shop["buyer"]
    log_in(page, site_url, buyer)

    # Both resources into the cart, from their pages.
    for slug in ("examens", "laboratoires"):
        page.goto(f"{site_url}/fr/ressources/{slug}/")
        page.get_by_role("button", name="Ajouter au panier").click()
        expect(page.locator(".buy-box__in-cart")).to_be_visible()

    page.goto(f"{site_url}/fr/panier/")
    expect(page.locator("h1")).to_have_text(re.compile("Panier"))
    expect(page.get_by_text("20,50\xa0$").first).to_be_visible()
    assert axe_violations(page, axe_source) == []
    screenshot(page, "cart-fr")

    # Stripe's hosted page cannot load here: stand in for it.
    page.route(
        re.compile(r"https://checkout\.stripe\.com/.*"),
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            body="<!doctype html><html lang='fr'><title>Stripe</title><h1>Stripe Checkout</h1>",
        ),
    )
    page.get_by_role("button", name="Payer en toute sécurité").click()
    page.wait_for_url(re.compile(r"https://checkout\.stripe\.com/"))

    order = Order.objects.get(user=buyer)
    assert order.status == Order.Status.PENDING
    assert order.total_cents == 2050
    # Stripe tells us the payment succeeded, signed as Stripe signs it.
    assert post_completed(site_url, settings, order) == 200

    page.goto(f"{site_url}/fr/commandes/{order.reference}/?paiement=retour")
    expect(page.locator("main")).to_contain_text("Payée")
    assert axe_violations(page, axe_source) == []
    screenshot(page, "order-fr")

    # Both resources download from the library.
    page.goto(f"{site_url}/fr/compte/bibliotheque/")
    purchases = page.locator("#purchases")
    for title, name, content in (
        ("Examens corrigés", "examens.pdf", b"%PDF-1.4 examens\n"),
        ("Laboratoires de chimie", "labos.pdf", b"%PDF-1.4 labos\n"),
    ):
        with page.expect_download() as info:
            purchases.get_by_role("link", name=f"Télécharger {title}").click()
        archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
        assert archive.read(name).startswith(content[:16])
        assert "LICENCE.txt" in archive.namelist()

    # Marie was paid at once; Sophie's share waits for her Stripe account.
    payouts = {p.seller_id: p for p in Payout.objects.filter(order=order)}
    assert payouts[shop["marie"].pk].status == Payout.Status.TRANSFERRED
    assert payouts[shop["marie"].pk].amount_cents == 1000
    assert payouts[shop["sophie"].pk].status == Payout.Status.PENDING
    assert payouts[shop["sophie"].pk].amount_cents == 640

    # Each member sees the sale on their sales page.
    page.context.clear_cookies()
    log_in(page, site_url, shop["sophie"], "/fr/compte/ventes/")
    expect(page.locator("main")).to_contain_text("Laboratoires de chimie")
    expect(page.locator("main")).to_contain_text("6,40\xa0$")
    screenshot(page, "sales-fr")


def test_replaying_the_event_changes_nothing(page, site_url, settings, shop):
    buyer = shop["buyer"]
    log_in(page, site_url, buyer)
    page.goto(f"{site_url}/fr/ressources/examens/")
    page.get_by_role("button", name="Ajouter au panier").click()
    page.route(
        re.compile(r"https://checkout\.stripe\.com/.*"),
        lambda route: route.fulfill(status=200, content_type="text/html", body="<h1>Stripe</h1>"),
    )
    page.goto(f"{site_url}/fr/panier/")
    page.get_by_role("button", name="Payer en toute sécurité").click()
    page.wait_for_url(re.compile(r"https://checkout\.stripe\.com/"))
    order = Order.objects.get(user=buyer)

    event_id = f"evt_{uuid.uuid4().hex[:24]}"
    assert post_completed(site_url, settings, order, event_id) == 200
    first = (
        Order.objects.get(pk=order.pk).paid_at,
        list(Payout.objects.values_list("pk", "status", "stripe_transfer_id")),
    )
    # The same event again (Stripe retries), then another event for the same session.
    assert post_completed(site_url, settings, order, event_id) == 200
    assert post_completed(site_url, settings, order) == 200

    assert (
        Order.objects.get(pk=order.pk).paid_at,
        list(Payout.objects.values_list("pk", "status", "stripe_transfer_id")),
    ) == first
    assert buyer.entitlements.count() == 1
