"""boutique/refunds.refund, the staff's request to Stripe, in detail: what it asks for (amount,
idempotency key: the same request twice is one refund, two different ones are two), what it
records, and why it refuses — without stripe-mock: the one call to Stripe is recorded here and
answered as Stripe would (its real answers are tested in test_refunds.py and test_gateway.py)."""

import logging

import pytest
from django.core import mail

from boutique import fulfilment, refunds, stripe_gateway
from boutique.models import Order, OrderLine, Refund
from tests.boutique.helpers import event, make_order, session_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def buyer(luc):
    return luc


@pytest.fixture
def asked(monkeypatch):
    """The refunds asked of Stripe (create_refund's arguments); each answered with an id."""
    calls = []

    def create_refund(**kwargs):
        calls.append(kwargs)
        return f"re_{len(calls)}"

    monkeypatch.setattr(stripe_gateway, "create_refund", create_refund)
    return calls


@pytest.fixture
def order(buyer, exams, notes, django_capture_on_commit_callbacks):
    """Paid: exams 1250 and notes 2000, total 3250 (no transfer: the seller has no account)."""
    order = make_order(buyer, [exams, notes])
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfil_order(order.reference, session=session_for(order))
    order.refresh_from_db()
    mail.outbox.clear()
    return order


def line(order, resource) -> OrderLine:
    return OrderLine.objects.get(order=order, resource=resource)


def test_each_request_has_its_own_key_and_the_same_request_the_same_key(order, exams, notes, asked):
    refunds.refund(order, line=line(order, exams))
    refunds.refund(order)  # the rest: 2000

    reference = order.reference
    assert [(call["amount_cents"], call["key"], call["line_id"]) for call in asked] == [
        (1250, f"refund-{reference}-line{line(order, exams).pk}-0-1250", line(order, exams).pk),
        (2000, f"refund-{reference}-order-1250-2000", None),
    ]
    assert [call["payment_intent"] for call in asked] == [f"pi_{reference}"] * 2
    assert list(Refund.objects.order_by("pk").values_list("stripe_refund_id", "reason")) == [
        ("re_1", ""),
        ("re_2", ""),
    ]


def test_the_refund_row_records_who_and_why(order, notes, asked, make_member):
    staff = make_member("Élise Éditrice", is_staff=True)

    made = refunds.refund(order, line=line(order, notes), by=staff, reason="x" * 300)

    made.refresh_from_db()
    assert (made.order, made.line, made.amount_cents, made.created_by) == (
        order,
        line(order, notes),
        2000,
        staff,
    )
    assert made.reason == "x" * 255


def test_the_last_cent_can_still_be_refunded(
    order, post_event, asked, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_event(
            event(
                "charge_refunded",
                order,
                payment_intent=order.stripe_payment_intent,
                amount_refunded=3249,
                refunded="false",
            )
        )
    order.refresh_from_db()

    made = refunds.refund(order)

    assert made.amount_cents == 1
    assert asked[-1]["amount_cents"] == 1


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("no payment", "Cette commande n’a aucun paiement Stripe à rembourser."),
        ("another order's line", "Cette ligne ne fait pas partie de la commande."),
        ("pending", "Seule une commande payée peut être remboursée."),
    ],
)
def test_a_refund_staff_cannot_make_says_why_and_asks_nothing(
    order, buyer, exams, asked, case, message
):
    target = None
    if case == "no payment":
        Order.objects.filter(pk=order.pk).update(stripe_payment_intent="")
        order.refresh_from_db()
    elif case == "another order's line":
        target = OrderLine.objects.get(order=make_order(buyer, [exams]))
    else:
        order = make_order(buyer, [exams])

    with pytest.raises(refunds.RefundError) as refused:
        refunds.refund(order, line=target)

    assert str(refused.value) == message
    assert asked == []
    assert Refund.objects.count() == 0


def test_a_refund_stripe_refuses_is_logged_with_its_order(order, monkeypatch, caplog):
    def refuse(**kwargs):
        raise stripe_gateway.GatewayError("InvalidRequestError: charge already refunded")

    monkeypatch.setattr(stripe_gateway, "create_refund", refuse)

    with caplog.at_level(logging.ERROR, logger="boutique.refunds"):
        with pytest.raises(refunds.RefundError):
            refunds.refund(order)

    assert [record.getMessage() for record in caplog.records] == [
        f"Refund of order {order.reference} failed"
    ]
    assert Refund.objects.count() == 0
