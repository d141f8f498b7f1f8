"""Stripe Tax (BOUTIQUE_AUTOMATIC_TAX): the session asks for automatic tax, fulfilment records the
taxes Stripe added on top of our prices, the order page shows them, the sellers' shares do not
change; a session whose subtotal is not the order's is refused."""

import pytest

from boutique import fulfilment
from boutique.models import Order, Payout
from tests.boutique.helpers import make_order, session_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def exams(make_resource, author):
    return make_resource("Corrected exams", slug="exams", authors=[author], price_cents=1000)


def test_taxes_added_by_stripe_are_recorded_and_shown(client, buyer, author, exams):
    order = make_order(buyer, [exams])
    session = session_for(
        order, amount_subtotal=1000, amount_total=1150, total_details={"amount_tax": 150}
    )

    fulfilment.fulfil_order(order.reference, session=session)

    order.refresh_from_db()
    assert (order.status, order.subtotal_cents, order.tax_cents, order.total_cents) == (
        Order.Status.PAID,
        1000,
        150,
        1150,
    )
    assert Payout.objects.get(order=order).amount_cents == 800
    client.force_login(buyer)
    html = client.get(f"/en/orders/{order.reference}/").content.decode()
    assert "Taxes" in html
    assert "$1.50" in html or "1.50" in html


def test_a_session_whose_subtotal_is_not_the_order_s_is_refused(buyer, exams):
    order = make_order(buyer, [exams])
    session = session_for(
        order, amount_subtotal=900, amount_total=1000, total_details={"amount_tax": 100}
    )

    with pytest.raises(fulfilment.FulfilmentError, match="total"):
        fulfilment.fulfil_order(order.reference, session=session)

    order.refresh_from_db()
    assert (order.status, order.tax_cents, order.total_cents) == (Order.Status.PENDING, 0, 1000)


def test_the_checkout_asks_stripe_for_automatic_tax_when_set(settings, stripe_mock, monkeypatch):
    from boutique import stripe_gateway

    sent = {}
    create = stripe_gateway.client().v1.checkout.sessions.create

    def spy(params, options=None):
        sent.update(params)
        return create(params=params, options=options)

    monkeypatch.setattr(stripe_gateway.client().v1.checkout.sessions, "create", spy)
    stripe_gateway.create_checkout_session(
        reference="APOP-2026-000777",
        lines=[stripe_gateway.CheckoutLine("Corrected exams", 1000)],
        email="buyer@example.org",
        locale="fr",
        success_url="http://testserver/fr/commandes/APOP-2026-000777/",
        cancel_url="http://testserver/fr/panier/",
        automatic_tax=True,
    )

    assert sent["automatic_tax"] == {"enabled": True}
    assert sent["locale"] == "fr-CA"
