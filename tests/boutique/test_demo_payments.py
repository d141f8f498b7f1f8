"""Demonstration payments (boutique/demo_payments.py): without Stripe keys outside production, the
cart pays on a local page that stands for Stripe Checkout; « Payer » hands the signed
`checkout.session.completed` to the platform webhook's processing, so the same code fulfils the
order: paid, downloads granted, the sellers' payouts recorded (pending: no Connect account without
Stripe), receipt e-mailed, library and sales page. Only the buyer sees their session; paying twice
pays once; nothing else is changed by cancelling."""

import json
import re

import pytest
from django.core import mail

from boutique import demo_payments, stripe_gateway, webhooks
from boutique.models import CartItem, Entitlement, Order, Payout, SellerAccount, StripeEvent

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

CART = "/en/cart/"
PAY = "/en/cart/pay/"
RESERVED = "LicenseRef-APOP-All-Rights-Reserved"


@pytest.fixture(autouse=True)
def demo(settings):
    """`make run`: no Stripe keys, demonstration payments on."""
    settings.STRIPE_SECRET_KEY = ""
    settings.PAYMENTS_DEMO = True


@pytest.fixture
def exams(make_resource, author):
    return make_resource(
        "Examens corrigés",
        slug="examens",
        authors=[author],
        licence=RESERVED,
        price_cents=1250,
        member_price_cents=1000,
    )


@pytest.fixture
def labs(make_resource, author):
    return make_resource(
        "Laboratoires", slug="laboratoires", authors=[author], licence=RESERVED, price_cents=999
    )


@pytest.fixture
def pending(client, buyer, exams, labs):
    """The buyer's cart of two resources turned into a pending order on the demonstration."""
    CartItem.objects.create(user=buyer, resource=exams)
    CartItem.objects.create(user=buyer, resource=labs)
    client.force_login(buyer)
    response = client.post(PAY)
    order = Order.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"/en/cart/demo-payment/{order.stripe_session_id}/"
    return order


def demo_url(order):
    return f"/en/cart/demo-payment/{order.stripe_session_id}/"


def nothing_paid(order):
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING
    assert order.paid_at is None
    assert StripeEvent.objects.count() == 0
    assert Entitlement.objects.count() == 0
    assert Payout.objects.count() == 0
    assert CartItem.objects.count() == 2
    assert mail.outbox == []


def test_the_cart_offers_the_demonstration_payment(client, buyer, exams, labs):
    CartItem.objects.create(user=buyer, resource=exams)
    client.force_login(buyer)

    cart = client.get(CART).content.decode()
    resource_page = client.get("/en/resources/laboratoires/").content.decode()

    assert "Pay (demonstration)" in cart
    assert "no card is asked and no money changes hands" in cart
    assert "Pay securely" not in cart
    assert "not configured" not in cart
    assert "not open yet" not in cart
    assert f'action="/en/cart/add/{labs.pk}/"' in resource_page
    assert "not configured" not in resource_page
    assert "not open yet" not in resource_page


def test_checkout_makes_the_pending_order_as_with_stripe(pending, buyer):
    assert pending.status == Order.Status.PENDING
    assert pending.user == buyer
    assert re.fullmatch(r"cs_demo_[0-9a-f]{24}", pending.stripe_session_id)
    assert pending.stripe_payment_intent == ""
    assert (pending.subtotal_cents, pending.tax_cents, pending.total_cents) == (2249, 0, 2249)
    lines = list(pending.lines.order_by("pk").values_list("price_cents", "seller_share_cents"))
    assert lines == [(1250, 1000), (999, 799)]


def test_the_demonstration_page_shows_the_order_and_says_no_money_moves(client, pending):
    response = client.get(demo_url(pending))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Demonstration — no money changes hands." in html
    assert pending.reference in html
    assert "Examens corrigés" in html
    assert "Laboratoires" in html
    assert "$12.50" in html
    assert "$9.99" in html
    assert "Pay $22.49" in html
    assert 'href="/en/cart/?paiement=annule"' in html
    nothing_paid(pending)


def test_pay_runs_the_webhook_code_end_to_end(
    client, pending, buyer, author, exams, labs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(demo_url(pending))

    assert response.status_code == 303
    assert response["Location"] == f"/en/orders/{pending.reference}/?paiement=retour"
    order = Order.objects.get()
    assert order.status == Order.Status.PAID
    assert order.paid_at is not None
    assert order.total_cents == 2249
    # One event, as Stripe would have sent it, verified and handled by the webhook code.
    (event,) = StripeEvent.objects.all()
    assert event.type == "checkout.session.completed"
    assert event.event_id.startswith("evt_demo_")
    assert event.processed_at is not None
    assert event.error == ""
    assert event.livemode is False
    assert event.payload["data"]["object"]["client_reference_id"] == order.reference
    # Downloads granted, the cart emptied.
    granted = Entitlement.objects.filter(user=buyer, revoked_at__isnull=True)
    assert sorted(granted.values_list("resource_id", flat=True)) == sorted([exams.pk, labs.pk])
    assert CartItem.objects.count() == 0
    # The seller's share recorded, pending as for any seller without a Connect account.
    (payout,) = Payout.objects.all()
    assert (payout.seller, payout.amount_cents, payout.status, payout.stripe_transfer_id) == (
        author,
        1799,
        Payout.Status.PENDING,
        "",
    )
    # The receipt, in the buyer's language, saying it was a demonstration.
    (receipt,) = mail.outbox
    assert receipt.to == ["theo@example.org"]
    assert order.reference in receipt.subject + receipt.body
    assert "Demonstration payment: no money changed hands." in receipt.body
    # The order page, the library.
    order_page = client.get(response["Location"]).content.decode()
    assert "Thank you for your purchase: your payment is confirmed." in order_page
    assert "Demonstration payment: no money changed hands." in order_page
    library = client.get("/en/account/library/").content.decode()
    purchases = library[library.index('id="purchases"') :]
    for resource in (exams, labs):
        assert f'href="/telechargement/{resource.pk}/"' in purchases
    # The seller's sales page.
    client.force_login(author)
    sales = client.get("/en/account/sales/").content.decode()
    assert "Demonstration payments." in sales
    assert "Connect my Stripe account" not in sales
    assert "not configured" not in sales
    assert "Examens corrigés" in sales
    assert "$10.00" in sales
    assert "Laboratoires" in sales
    assert "$7.99" in sales
    assert re.search(r"Pending payouts</dt><dd>\$17\.99</dd>", sales)


def test_cancel_goes_back_to_the_cart_as_it_was(client, pending):
    response = client.get(f"{CART}?paiement=annule")

    html = response.content.decode()
    assert "Payment cancelled: nothing was charged." in html
    assert "Examens corrigés" in html
    assert "Laboratoires" in html
    nothing_paid(pending)


def test_paying_twice_pays_once(client, pending, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(demo_url(pending))
    first = (
        Order.objects.get().paid_at,
        list(Payout.objects.values_list("pk", "amount_cents", "status")),
        list(Entitlement.objects.values_list("pk", flat=True)),
    )

    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(demo_url(pending))

    assert again.status_code == 303
    assert again["Location"] == f"/en/orders/{pending.reference}/"
    assert StripeEvent.objects.count() == 1
    assert len(mail.outbox) == 1
    assert (
        Order.objects.get().paid_at,
        list(Payout.objects.values_list("pk", "amount_cents", "status")),
        list(Entitlement.objects.values_list("pk", flat=True)),
    ) == first


def test_the_same_signed_event_delivered_twice_is_handled_once(
    pending, django_capture_on_commit_callbacks
):
    payload = json.dumps(demo_payments.completed_event(pending)).encode()
    secret = demo_payments.webhook_secret()
    header = stripe_gateway.signature_header(payload, secret)

    with django_capture_on_commit_callbacks(execute=True):
        first = webhooks.deliver_platform_event(payload, header, secret=secret)
        second = webhooks.deliver_platform_event(payload, header, secret=secret)

    assert (first, second) == (200, 200)
    assert StripeEvent.objects.count() == 1
    assert Payout.objects.count() == 1
    assert Entitlement.objects.count() == 2
    assert len(mail.outbox) == 1


def test_an_event_not_signed_with_the_demonstration_secret_is_refused(pending):
    payload = json.dumps(demo_payments.completed_event(pending)).encode()

    status = webhooks.deliver_platform_event(
        payload,
        stripe_gateway.signature_header(payload, "whsec_forged"),
        secret=demo_payments.webhook_secret(),
    )

    assert status == 400
    nothing_paid(pending)


def test_the_public_endpoint_does_not_take_demonstration_events(client, settings, pending):
    # The demonstration's secret signs in-process deliveries only; the public endpoint keeps
    # Stripe's secret.
    payload = json.dumps(demo_payments.completed_event(pending)).encode()

    response = client.post(
        "/stripe/webhook/",
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=stripe_gateway.signature_header(
            payload, demo_payments.webhook_secret()
        ),
    )

    assert response.status_code == 400
    nothing_paid(pending)


def test_another_buyer_cannot_see_or_pay_the_session(client, pending, make_member):
    client.force_login(make_member("Paul Autre", email="paul@example.org"))

    assert client.get(demo_url(pending)).status_code == 404
    assert client.post(demo_url(pending)).status_code == 404
    nothing_paid(pending)


def test_a_visitor_is_sent_to_log_in_and_nothing_is_paid(client, pending):
    client.logout()

    response = client.post(demo_url(pending))

    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/login/?next=")
    nothing_paid(pending)


def test_an_unknown_session_is_not_found(client, pending):
    assert client.get("/en/cart/demo-payment/cs_demo_000000000000000000000000/").status_code == 404
    assert client.post(f"/en/cart/demo-payment/{pending.reference}/").status_code == 404
    nothing_paid(pending)


def test_paying_again_from_the_cart_reuses_the_pending_order(client, pending):
    response = client.post(PAY)

    assert response.status_code == 303
    assert response["Location"] == demo_url(pending)
    assert Order.objects.count() == 1


def test_with_stripe_keys_the_demonstration_page_does_not_exist(client, settings, pending):
    settings.STRIPE_SECRET_KEY = "sk_test_apop"

    assert client.get(demo_url(pending)).status_code == 404
    assert client.post(demo_url(pending)).status_code == 404
    nothing_paid(pending)


def test_a_seller_cannot_connect_stripe_in_the_demonstration_and_is_told_why(client, author):
    client.force_login(author)

    page = client.get("/en/account/sales/").content.decode()
    response = client.post("/en/account/sales/stripe/")

    assert "Demonstration payments." in page
    assert "You can sell already" not in page
    assert "Connect my Stripe account" not in page
    assert response.status_code == 503
    assert "This site runs demonstration payments: a Stripe account can be connected" in (
        response.content.decode()
    )
    assert SellerAccount.objects.count() == 0
