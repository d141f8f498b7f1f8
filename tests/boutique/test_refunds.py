"""boutique/refunds.py: staff ask Stripe for a refund; the `charge.refunded` event applies what
was refunded — to the right line, revoking what was refunded in full, taking back the sellers'
share in proportion — once, whoever made the refund (our admin or Stripe's dashboard)."""

import pytest
from django.core import mail

from boutique import fulfilment, refunds, stripe_gateway
from boutique.models import (
    Entitlement,
    Order,
    OrderLine,
    Payout,
    Refund,
    SellerAccount,
    StripeEvent,
)
from tests.boutique.helpers import event, make_order, session_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def buyer(luc):
    """The buyer here is Luc (tests/boutique/conftest.py), not the cart tests' Théo."""
    return luc


@pytest.fixture
def paid_order(stripe_mock, buyer, seller, exams, notes, django_capture_on_commit_callbacks):
    """A paid order of two resources by the same seller (shares 1000 + 1600), whose payout was
    transferred; the receipt is cleared from the outbox."""
    SellerAccount.objects.create(user=seller, stripe_account_id="acct_seller", payouts_enabled=True)
    order = make_order(buyer, [exams, notes])
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfil_order(order.reference, session=session_for(order))
    mail.outbox.clear()
    order.refresh_from_db()
    assert Payout.objects.get(order=order).status == Payout.Status.TRANSFERRED
    return order


@pytest.fixture
def paid_offline(buyer, exams, notes, django_capture_on_commit_callbacks):
    """The same order paid without any answer from Stripe (its address is a closed port in the
    test settings): the seller has no Connect account, so the payout waits, unsent."""
    order = make_order(buyer, [exams, notes])
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfil_order(order.reference, session=session_for(order))
    mail.outbox.clear()
    order.refresh_from_db()
    assert Payout.objects.get(order=order).status == Payout.Status.PENDING
    return order


def charge_refunded(order: Order, amount_refunded: int, **values) -> dict:
    return event(
        "charge_refunded",
        order,
        payment_intent=order.stripe_payment_intent,
        amount_refunded=amount_refunded,
        refunded="true" if amount_refunded >= order.total_cents else "false",
        **values,
    )


def line_of(order, resource) -> OrderLine:
    return OrderLine.objects.get(order=order, resource=resource)


def live(user):
    return Entitlement.objects.filter(user=user, revoked_at__isnull=True)


def test_refunding_one_line_then_the_event_revokes_that_line_only(
    paid_order, post_event, buyer, exams, notes, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []
    real_reverse = stripe_gateway.reverse_transfer

    def reverse_transfer(**kwargs):
        calls.append(kwargs)
        return real_reverse(**kwargs)

    monkeypatch.setattr(stripe_gateway, "reverse_transfer", reverse_transfer)
    line = line_of(paid_order, exams)

    made = refunds.refund(paid_order, line=line, by=None, reason="Wrong file")

    assert (made.line, made.amount_cents, made.reason) == (line, 1250, "Wrong file")
    assert made.stripe_refund_id.startswith("re_")
    assert live(buyer).count() == 2  # nothing revoked before Stripe's event

    delivered = charge_refunded(paid_order, 1250)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(delivered)

    assert response.status_code == 200
    paid_order.refresh_from_db()
    assert (paid_order.status, paid_order.refunded_cents) == (
        Order.Status.PARTIALLY_REFUNDED,
        1250,
    )
    assert line_of(paid_order, exams).refunded_cents == 1250
    assert line_of(paid_order, notes).refunded_cents == 0
    assert list(live(buyer).values_list("resource_id", flat=True)) == [notes.pk]
    payout = Payout.objects.get(order=paid_order)
    assert (payout.amount_cents, payout.reversed_cents, payout.status) == (
        2600,
        1000,  # the seller's share of the refunded line, and only that
        Payout.Status.TRANSFERRED,
    )
    # Its idempotency key names the payout and the total reversed after it: a retry of the same
    # event sends the same key, a later refund another.
    assert [(c["transfer_id"], c["amount_cents"], c["key"]) for c in calls] == [
        (payout.stripe_transfer_id, 1000, f"reversal-{payout.pk}-1000")
    ]
    assert Refund.objects.filter(order=paid_order).count() == 1
    (message,) = mail.outbox
    assert message.subject == f"APOP boutique · Refund on your order {paid_order.reference}"
    assert "$12.50" in message.body
    assert "Corrected exams" in message.body
    assert "can no longer be downloaded" in message.body

    # The same event again, and a later event telling the same total: nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert post_event(delivered).status_code == 200
        assert post_event(charge_refunded(paid_order, 1250)).status_code == 200

    paid_order.refresh_from_db()
    assert paid_order.refunded_cents == 1250
    assert Payout.objects.get(order=paid_order).reversed_cents == 1000
    assert len(calls) == 1
    assert live(buyer).count() == 1
    assert len(mail.outbox) == 1


def test_the_line_refunded_by_the_admin_is_the_one_revoked(
    paid_order, post_event, buyer, exams, notes, django_capture_on_commit_callbacks
):
    # The second line, though the lines-in-order rule alone would pick the first.
    refunds.refund(paid_order, line=line_of(paid_order, notes))

    with django_capture_on_commit_callbacks(execute=True):
        post_event(charge_refunded(paid_order, 2000))

    assert list(live(buyer).values_list("resource_id", flat=True)) == [exams.pk]
    assert Payout.objects.get(order=paid_order).reversed_cents == 1600


def test_refunding_the_whole_order(
    paid_order, post_event, buyer, django_capture_on_commit_callbacks
):
    made = refunds.refund(paid_order)
    assert (made.line, made.amount_cents) == (None, 3250)

    with django_capture_on_commit_callbacks(execute=True):
        post_event(charge_refunded(paid_order, 3250))

    paid_order.refresh_from_db()
    assert (paid_order.status, paid_order.refunded_cents) == (Order.Status.REFUNDED, 3250)
    assert live(buyer).count() == 0
    payout = Payout.objects.get(order=paid_order)
    assert (payout.reversed_cents, payout.status) == (2600, Payout.Status.REVERSED)
    assert len(mail.outbox) == 1


def test_a_dashboard_refund_goes_to_the_lines_in_order(
    paid_order, post_event, buyer, exams, notes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_event(charge_refunded(paid_order, 625))  # half of the first line

    assert line_of(paid_order, exams).refunded_cents == 625
    assert live(buyer).count() == 2  # half refunded: still downloadable
    assert Payout.objects.get(order=paid_order).reversed_cents == 500
    recorded = Refund.objects.get(order=paid_order)
    assert (recorded.line, recorded.amount_cents, recorded.reason) == (
        None,
        625,
        refunds.DASHBOARD_REASON,
    )

    # Then the rest of the first line and part of the second.
    with django_capture_on_commit_callbacks(execute=True):
        post_event(charge_refunded(paid_order, 1750))

    assert line_of(paid_order, exams).refunded_cents == 1250
    assert line_of(paid_order, notes).refunded_cents == 500
    assert list(live(buyer).values_list("resource_id", flat=True)) == [notes.pk]
    # 1000 for the first line, 1600 × 500 / 2000 = 400 for the second.
    assert Payout.objects.get(order=paid_order).reversed_cents == 1400
    assert Refund.objects.filter(order=paid_order).count() == 2


def test_a_pending_payout_is_reduced_instead_of_reversed(
    stripe_mock, post_event, buyer, seller, exams, notes, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams, notes])  # the seller has no Connect account
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfil_order(order.reference, session=session_for(order))
    order.refresh_from_db()
    refunds.refund(order, line=line_of(order, notes))

    with django_capture_on_commit_callbacks(execute=True):
        post_event(charge_refunded(order, 2000))

    payout = Payout.objects.get(order=order)
    assert (payout.amount_cents, payout.reversed_cents, payout.status) == (
        1000,
        0,
        Payout.Status.PENDING,
    )


def test_a_refund_is_only_for_a_paid_order(buyer, exams):
    order = make_order(buyer, [exams])

    with pytest.raises(refunds.RefundError, match="Seule une commande payée peut être remboursée"):
        refunds.refund(order)

    assert Refund.objects.count() == 0


def test_a_line_cannot_be_refunded_twice(paid_order, exams):
    line = line_of(paid_order, exams)
    refunds.refund(paid_order, line=line)

    with pytest.raises(refunds.RefundError, match="Il ne reste rien à rembourser"):
        refunds.refund(paid_order, line=line)

    refunds.refund(paid_order)  # the rest of the order: the other line
    assert list(Refund.objects.order_by("pk").values_list("amount_cents", flat=True)) == [
        1250,
        2000,
    ]
    with pytest.raises(refunds.RefundError, match="Il ne reste rien à rembourser"):
        refunds.refund(paid_order)


def test_a_refund_stripe_refuses_records_nothing(paid_offline, exams, monkeypatch):
    def refuse(**kwargs):
        raise stripe_gateway.GatewayError("InvalidRequestError: charge already refunded")

    monkeypatch.setattr(stripe_gateway, "create_refund", refuse)

    with pytest.raises(refunds.RefundError, match="Stripe n’a pas effectué le remboursement"):
        refunds.refund(paid_offline, line=line_of(paid_offline, exams))

    assert Refund.objects.count() == 0


def test_the_refund_tells_stripe_which_line(paid_offline, exams, monkeypatch):
    calls = []
    monkeypatch.setattr(
        stripe_gateway, "create_refund", lambda **kwargs: calls.append(kwargs) or "re_1"
    )
    line = line_of(paid_offline, exams)

    refunds.refund(paid_offline, line=line)

    (call,) = calls
    assert call["line_id"] == line.pk
    assert call["payment_intent"] == paid_offline.stripe_payment_intent
    assert (call["amount_cents"], call["reference"]) == (1250, paid_offline.reference)


def test_a_charge_of_no_order_of_ours_is_recorded_and_answered_200(post_event, buyer, exams):
    order = make_order(buyer, [exams])
    delivered = charge_refunded(order, 100, reference="APOP-2026-999999")

    response = post_event(delivered)

    assert response.status_code == 200
    assert StripeEvent.objects.get().error.startswith("no order for charge")
    assert Order.objects.get(pk=order.pk).refunded_cents == 0
    assert Refund.objects.count() == 0


def test_dashboard_refunds_reduce_a_pending_payout_line_by_line(
    paid_offline, post_event, buyer, exams, notes, django_capture_on_commit_callbacks
):
    """Refunds made in Stripe's dashboard, before the seller could be paid: the lines in order,
    the seller's share taken back from the payout not sent yet (1000 + 1600 to begin with)."""
    with django_capture_on_commit_callbacks(execute=True):
        post_event(charge_refunded(paid_offline, 625))  # half of the first line
    payout = Payout.objects.get(order=paid_offline)
    assert (payout.amount_cents, payout.status) == (2100, Payout.Status.PENDING)
    assert list(live(buyer).order_by("resource_id").values_list("resource_id", flat=True)) == [
        exams.pk,
        notes.pk,
    ]

    with django_capture_on_commit_callbacks(execute=True):
        post_event(charge_refunded(paid_offline, 1750))  # the rest of it, a quarter of the next

    assert (
        line_of(paid_offline, exams).refunded_cents,
        line_of(paid_offline, notes).refunded_cents,
    ) == (1250, 500)
    payout.refresh_from_db()
    assert (payout.amount_cents, payout.reversed_cents, payout.status) == (
        1200,  # 2600 − 1000 − 1600 × 500 / 2000
        0,
        Payout.Status.PENDING,
    )
    assert list(live(buyer).values_list("resource_id", flat=True)) == [notes.pk]
    paid_offline.refresh_from_db()
    assert (paid_offline.status, paid_offline.refunded_cents) == (
        Order.Status.PARTIALLY_REFUNDED,
        1750,
    )
    assert len(mail.outbox) == 2


def test_a_one_cent_share_of_a_sent_payout_is_reversed_too(
    paid_order, post_event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_event(charge_refunded(paid_order, 2))  # 1000 × 2 / 1250 = 1,6 → 1 cent

    payout = Payout.objects.get(order=paid_order)
    assert (payout.reversed_cents, payout.status) == (1, Payout.Status.TRANSFERRED)
