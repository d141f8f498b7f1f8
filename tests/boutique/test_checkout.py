"""Checkout (boutique/checkout.py, POST /<lang>/panier/payer/): one pending order priced by the
server, then a Stripe Checkout Session (stripe-mock); resubmitting reuses it; without Stripe or
when Stripe fails, nothing is charged and the buyer is told."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Page

from boutique import stripe_gateway
from boutique.models import CartItem, Entitlement, Order, OrderLine

pytestmark = pytest.mark.django_db

CART = "/en/cart/"
PAY = "/en/cart/pay/"


def _paid(make_resource, title, slug, price, member_price=None, authors=()):
    return make_resource(
        title,
        slug=slug,
        authors=list(authors),
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=price,
        member_price_cents=member_price,
    )


@pytest.fixture
def exams(make_resource, author):
    return _paid(make_resource, "Examens corrigés", "examens", 1250, 1000, [author])


@pytest.fixture
def labs(make_resource, author):
    return _paid(make_resource, "Laboratoires", "laboratoires", 999, None, [author])


@pytest.fixture
def cart_of(client):
    def fill(user, *resources, membership=False):
        for resource in resources:
            CartItem.objects.create(user=user, resource=resource)
        client.force_login(user)
        if membership:
            client.post("/en/cart/membership/")

    return fill


# --- The order ---------------------------------------------------------------------------------


def test_checkout_makes_one_pending_order_and_sends_the_buyer_to_stripe(
    client, stripe_mock, buyer, author, exams, labs, cart_of
):
    cart_of(buyer, exams, labs)

    response = client.post(PAY)

    order = Order.objects.get()
    year = timezone.localdate().year
    assert response.status_code == 303
    session = stripe_gateway.retrieve_checkout_session(order.stripe_session_id)
    assert response["Location"] == session["url"]
    assert response["Location"].startswith("https://checkout.stripe.com/")
    assert order.reference == f"APOP-{year}-{order.pk:06d}"
    assert re.fullmatch(r"APOP-\d{4}-\d{6}", order.reference)
    assert (order.status, order.user, order.email, order.language) == (
        Order.Status.PENDING,
        buyer,
        "theo@example.org",
        "en",
    )
    assert (order.subtotal_cents, order.tax_cents, order.total_cents) == (2249, 0, 2249)
    assert order.stripe_session_id.startswith("cs_test_")
    assert order.stripe_payment_intent.startswith("pi_")
    lines = list(
        order.lines.order_by("pk").values_list(
            "kind",
            "resource_id",
            "title",
            "seller_id",
            "price_cents",
            "commission_cents",
            "seller_share_cents",
            "member_price",
        )
    )
    assert lines == [
        ("resource", exams.pk, "Examens corrigés", author.pk, 1250, 250, 1000, False),
        ("resource", labs.pk, "Laboratoires", author.pk, 999, 200, 799, False),
    ]
    assert Entitlement.objects.count() == 0  # nothing is granted before Stripe confirms


def test_a_member_pays_the_member_price(client, stripe_mock, member, exams, cart_of):
    cart_of(member, exams)

    client.post(PAY)

    line = OrderLine.objects.get()
    assert (line.price_cents, line.commission_cents, line.seller_share_cents) == (1000, 200, 800)
    assert line.member_price is True
    assert Order.objects.get().total_cents == 1000


def test_prices_posted_by_the_browser_are_ignored(client, stripe_mock, buyer, exams, cart_of):
    cart_of(buyer, exams)

    response = client.post(
        PAY, {"price_cents": "1", "total_cents": "1", "amount": "0.01", "member_price": "1"}
    )

    assert response.status_code == 303
    order = Order.objects.get()
    assert order.total_cents == 1250
    assert list(order.lines.values_list("price_cents", "member_price")) == [(1250, False)]


def test_the_session_is_asked_with_the_order_s_lines_and_addresses(
    client, stripe_mock, monkeypatch, settings, buyer, exams, cart_of
):
    settings.BOUTIQUE_AUTOMATIC_TAX = True
    calls = []
    real = stripe_gateway.create_checkout_session

    def spy(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(stripe_gateway, "create_checkout_session", spy)
    cart_of(buyer, exams, membership=True)

    client.post(PAY)

    order = Order.objects.get()
    assert calls == [
        {
            "reference": order.reference,
            "lines": [
                stripe_gateway.CheckoutLine("Examens corrigés", 1250),
                stripe_gateway.CheckoutLine("APOP individual membership (one year)", 6000),
            ],
            "email": "theo@example.org",
            "locale": "en",
            "success_url": f"http://testserver/en/orders/{order.reference}/?paiement=retour",
            "cancel_url": "http://testserver/en/cart/?paiement=annule",
            "automatic_tax": True,
        }
    ]


def test_the_membership_becomes_an_order_line(client, stripe_mock, buyer, cart_of):
    cart_of(buyer, membership=True)

    response = client.post(PAY)

    assert response.status_code == 303
    line = OrderLine.objects.get()
    assert (
        line.kind,
        line.resource,
        line.seller,
        line.price_cents,
        line.commission_cents,
        line.seller_share_cents,
    ) == (OrderLine.Kind.MEMBERSHIP, None, None, 6000, 6000, 0)
    assert Order.objects.get().total_cents == 6000


def test_the_seller_is_the_owner_among_the_authors_else_the_first_author(
    client, stripe_mock, make_member, make_resource, buyer, cart_of
):
    first, second = make_member("Auteur Un"), make_member("Auteur Deux")
    by_first = _paid(make_resource, "Un", "un", 500, None, [second, first])
    by_owner = _paid(make_resource, "Deux", "deux", 700, None, [first, second])
    Page.objects.filter(pk=by_owner.pk).update(owner=second)
    cart_of(buyer, by_first, by_owner)

    client.post(PAY)

    sellers = dict(OrderLine.objects.values_list("resource_id", "seller_id"))
    assert sellers == {by_first.pk: first.pk, by_owner.pk: second.pk}


# --- Resubmission ------------------------------------------------------------------------------


def test_resubmitting_the_same_cart_reuses_the_pending_order(
    client, stripe_mock, buyer, exams, cart_of
):
    cart_of(buyer, exams)
    first = client.post(PAY)
    session_id = Order.objects.get().stripe_session_id

    second = client.post(PAY)

    assert second.status_code == 303
    assert second["Location"] == first["Location"]
    assert Order.objects.count() == 1
    assert Order.objects.get().stripe_session_id == session_id


def test_a_changed_cart_makes_a_new_order(client, stripe_mock, buyer, exams, labs, cart_of):
    cart_of(buyer, exams)
    client.post(PAY)
    CartItem.objects.create(user=buyer, resource=labs)

    client.post(PAY)

    assert Order.objects.count() == 2
    assert sorted(order.total_cents for order in Order.objects.all()) == [1250, 2249]


def test_an_old_pending_order_is_not_reused(client, stripe_mock, buyer, exams, cart_of):
    cart_of(buyer, exams)
    client.post(PAY)
    Order.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=31))

    client.post(PAY)

    assert Order.objects.count() == 2


# --- Refusals and failures ---------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_log_in(client, stripe_mock, exams):
    client.post(f"/en/cart/add/{exams.pk}/")

    response = client.post(PAY)

    assert response.status_code == 302
    assert response["Location"] == "/en/account/login/?next=/en/cart/"
    assert Order.objects.count() == 0


def test_an_empty_cart_goes_back_to_the_cart(client, stripe_mock, buyer):
    client.force_login(buyer)

    response = client.post(PAY)

    assert response.status_code == 302
    assert response["Location"] == CART
    assert "Your cart is empty." in client.get(CART).content.decode()
    assert Order.objects.count() == 0


def test_without_stripe_nor_demonstration_no_order_is_made(client, settings, buyer, exams, cart_of):
    # Production without Stripe keys (the production settings refuse PAYMENTS_DEMO).
    settings.STRIPE_SECRET_KEY = ""
    settings.PAYMENTS_DEMO = False
    cart_of(buyer, exams)

    page = client.get(CART).content.decode()
    response = client.post(PAY)

    assert "Online purchases are not open yet." in page
    assert "Pay securely" not in page
    assert "Pay (demonstration)" not in page
    assert response.status_code == 503
    assert "Online purchases are not open yet." in response.content.decode()
    assert Order.objects.count() == 0
    assert CartItem.objects.count() == 1


def test_a_stripe_failure_marks_the_order_failed(client, settings, buyer, exams, cart_of):
    # The test settings' STRIPE_API_BASE: nothing listens there.
    settings.STRIPE_SECRET_KEY = "sk_test_apop"
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    stripe_gateway._client_for.cache_clear()
    cart_of(buyer, exams)

    response = client.post(PAY)

    html = response.content.decode()
    assert response.status_code == 502
    assert "The payment service could not be reached. Nothing was charged" in html
    assert "Examens corrigés" in html  # the cart is shown again
    order = Order.objects.get()
    assert order.status == Order.Status.FAILED
    assert order.stripe_session_id is None
    assert Entitlement.objects.count() == 0
    assert CartItem.objects.count() == 1


def test_checkout_needs_a_post(client, buyer):
    client.force_login(buyer)

    assert client.get(PAY).status_code == 405
    assert Order.objects.count() == 0
