"""How a refunded amount is shared out (boutique/refunds.py): among the order's lines (the
admin's claims first, then in order, never past a line's price), among the sellers (their share
in proportion, to the cent), and taken back from payouts not sent yet — the right seller's payout
of the right order. Nothing here reaches Stripe: the payouts wait, unsent."""

import pytest
from django.core import mail

from boutique import fulfilment, refunds
from boutique.models import OrderLine, Payout, Refund
from tests.boutique.helpers import event, make_order, session_for

pytestmark = pytest.mark.django_db


def lines(*prices, refunded=()):
    """Unsaved order lines with these prices (pk 1, 2…), seller's share 80 %."""
    refunded = list(refunded) + [0] * (len(prices) - len(refunded))
    return [
        OrderLine(pk=pk, price_cents=price, seller_share_cents=price * 4 // 5, refunded_cents=done)
        for pk, (price, done) in enumerate(zip(prices, refunded, strict=True), start=1)
    ]


@pytest.mark.parametrize(
    ("prices", "claims", "refunded", "before", "targets"),
    [
        # No claim: the lines in order, each up to its price.
        ((1250, 2000), {}, 1500, (), {1: 1250, 2: 250}),
        # The admin refunded line 2: it goes first, whatever the order of the lines.
        ((1250, 2000), {2: 2000}, 2000, (), {1: 0, 2: 2000}),
        # A claim on line 2 larger than what Stripe reports refunded yet: only that much.
        ((1250, 2000), {2: 2000}, 1000, (), {1: 0, 2: 1000}),
        # A claim partly covered, the rest in order: never past a line's price.
        ((1250, 2000), {1: 1000}, 1500, (), {1: 1250, 2: 250}),
        # More than the lines (taxes): each line its price, the rest is nobody's.
        ((1250, 2000), {}, 3400, (), {1: 1250, 2: 2000}),
        # A line never has less refunded than before.
        ((1250, 2000), {}, 500, (0, 700), {1: 500, 2: 700}),
    ],
)
def test_the_refunded_amount_is_shared_among_the_lines(prices, claims, refunded, before, targets):
    assert refunds._line_targets(lines(*prices, refunded=before), claims, refunded) == targets


@pytest.mark.parametrize(
    ("price", "share", "refunded", "part"),
    [
        (0, 0, 0, 0),  # a free line: nothing to take back
        (1250, 1000, 625, 500),
        (1250, 1000, 2, 1),  # 1,6 cent: rounded down until the line is refunded in full
        (1250, 1000, 1250, 1000),
        (1250, 1000, 5000, 1000),  # never more than the share
    ],
)
def test_the_sellers_part_of_a_refund(price, share, refunded, part):
    line = OrderLine(price_cents=price, seller_share_cents=share)

    assert refunds._seller_part(line, refunded) == part


# --- Payouts not sent yet ------------------------------------------------------------------------


@pytest.fixture
def buyer(luc):
    return luc


@pytest.fixture
def sophie(make_member):
    return make_member("Sophie Gagnon", language="en", email="sophie@example.org")


def pay(order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfil_order(order.reference, session=session_for(order))
    order.refresh_from_db()
    return order


def refunded_in_all(post_event, order, cents, django_capture_on_commit_callbacks):
    """Stripe's charge.refunded saying `cents` are refunded on the order, in all."""
    delivered = event(
        "charge_refunded",
        order,
        payment_intent=order.stripe_payment_intent,
        amount_refunded=cents,
        refunded="true" if cents >= order.total_cents else "false",
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert post_event(delivered).status_code == 200


def payouts_of(order):
    return {
        payout.seller.email: (payout.amount_cents, payout.status)
        for payout in Payout.objects.filter(order=order).select_related("seller")
    }


def test_each_seller_gives_back_their_share_of_their_own_lines(
    post_event, buyer, seller, sophie, make_resource, django_capture_on_commit_callbacks
):
    # Sophie (created after Marie) sells the first line, Marie the second; a refund of the first
    # line and one cent of the second takes Sophie's share of hers, and nothing yet of Marie's.
    labs = make_resource("Labs", slug="labs", authors=[sophie], price_cents=1250)
    notes = make_resource("Notes", slug="notes", authors=[seller], price_cents=2000)
    order = pay(make_order(buyer, [labs, notes]), django_capture_on_commit_callbacks)

    refunded_in_all(post_event, order, 1251, django_capture_on_commit_callbacks)

    assert payouts_of(order) == {
        "sophie@example.org": (0, Payout.Status.REVERSED),  # nothing left to send
        "marie@example.org": (1600, Payout.Status.PENDING),
    }

    refunded_in_all(post_event, order, 1252, django_capture_on_commit_callbacks)  # 2 cents of hers

    assert payouts_of(order) == {
        "sophie@example.org": (0, Payout.Status.REVERSED),
        "marie@example.org": (1599, Payout.Status.PENDING),  # 1600 × 2 / 2000 = 1,6 → 1
    }


def test_only_this_orders_payout_is_reduced(
    post_event, buyer, seller, exams, notes, django_capture_on_commit_callbacks
):
    earlier = pay(make_order(buyer, [notes]), django_capture_on_commit_callbacks)
    order = pay(make_order(buyer, [exams]), django_capture_on_commit_callbacks)

    refunded_in_all(post_event, order, 625, django_capture_on_commit_callbacks)

    assert payouts_of(earlier) == {"marie@example.org": (1600, Payout.Status.PENDING)}
    assert payouts_of(order) == {"marie@example.org": (500, Payout.Status.PENDING)}


def test_a_seller_without_a_payout_does_not_stop_the_others(
    post_event, buyer, seller, sophie, make_resource, django_capture_on_commit_callbacks
):
    labs = make_resource("Labs", slug="labs", authors=[sophie], price_cents=1250)
    notes = make_resource("Notes", slug="notes", authors=[seller], price_cents=2000)
    order = pay(make_order(buyer, [labs, notes]), django_capture_on_commit_callbacks)
    # Marie's payout is gone (she comes first: created first); Sophie's is still taken back.
    Payout.objects.filter(order=order, seller=seller).delete()

    refunded_in_all(post_event, order, 3250, django_capture_on_commit_callbacks)

    assert payouts_of(order) == {"sophie@example.org": (0, Payout.Status.REVERSED)}


def test_a_full_refund_before_payment_refunds_every_line_and_says_so(
    post_event, buyer, exams, notes, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams, notes])
    order.stripe_payment_intent = "pi_early"
    order.save()
    refunded_in_all(post_event, order, 3250, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    pay(order, django_capture_on_commit_callbacks)

    assert sorted(order.lines.values_list("price_cents", "refunded_cents")) == [
        (1250, 1250),
        (2000, 2000),
    ]
    assert Refund.objects.get(order=order).amount_cents == 3250
    (message,) = mail.outbox
    assert "We refunded $32.50 on your order" in message.body
    assert "Corrected exams" in message.body
    assert "Course notes" in message.body


def test_each_refund_email_tells_what_this_refund_gave_back(
    post_event, buyer, exams, notes, django_capture_on_commit_callbacks
):
    order = pay(make_order(buyer, [exams, notes]), django_capture_on_commit_callbacks)
    mail.outbox.clear()

    refunded_in_all(post_event, order, 500, django_capture_on_commit_callbacks)
    refunded_in_all(post_event, order, 1250, django_capture_on_commit_callbacks)
    refunded_in_all(post_event, order, 1250, django_capture_on_commit_callbacks)  # a replay

    assert [message.body.split("\n")[2][:40] for message in mail.outbox] == [
        f"We refunded $5.00 on your order {order.reference}"[:40],
        f"We refunded $7.50 on your order {order.reference}"[:40],
    ]
    assert "Refunded on this order in all: $12.50 of $32.50." in mail.outbox[1].body


def test_one_cent_refunded_is_applied_and_settling_it_again_changes_nothing(
    post_event, buyer, exams, notes, django_capture_on_commit_callbacks
):
    order = pay(make_order(buyer, [exams, notes]), django_capture_on_commit_callbacks)
    mail.outbox.clear()

    refunded_in_all(post_event, order, 1, django_capture_on_commit_callbacks)

    order.refresh_from_db()
    assert (order.refunded_cents, order.status) == (1, order.Status.PARTIALLY_REFUNDED)
    assert sorted(order.lines.values_list("refunded_cents", flat=True)) == [0, 1]
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert refunds.settle(order, 1) == []

    assert callbacks == []
    order.refresh_from_db()
    assert (order.refunded_cents, order.status) == (1, order.Status.PARTIALLY_REFUNDED)
