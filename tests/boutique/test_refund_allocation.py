"""How a refunded amount is shared out (boutique/refunds.py): among the order's lines (the
admin's claims first, then in order, never past a line's price), among the sellers (their share
in proportion, to the cent), and taken back from payouts not sent yet — the right seller's payout
of the right order. Nothing here reaches Stripe: the payouts wait, unsent."""

import pytest
from django.core import mail

from boutique import fulfilment, refunds
from boutique.models import Order, OrderLine, Payout, Refund
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
        # A claim counts up to its line's price only: the rest goes to the lines in order, the
        # lines before it included.
        ((1000, 500), {2: 2000}, 1500, (), {1: 1000, 2: 500}),
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


# --- Which order a refunded charge is about, and what it records -------------------------------


@pytest.fixture
def known(buyer, exams, django_capture_on_commit_callbacks):
    """A paid order whose payment (pi_known) and charge (ch_known) we know."""
    order = pay(make_order(buyer, [exams]), django_capture_on_commit_callbacks)
    Order.objects.filter(pk=order.pk).update(
        stripe_payment_intent="pi_known", stripe_charge="ch_known"
    )
    order.refresh_from_db()
    return order


@pytest.mark.parametrize(
    "charge",
    [
        {"payment_intent": "pi_known", "id": "ch_other"},
        {"payment_intent": {"id": "pi_known", "object": "payment_intent"}},
        {"payment_intent": "pi_other", "id": "ch_known"},
        {"id": "ch_known"},
        {"metadata": {"order": "{ref}"}},
        {"transfer_group": "{ref}", "metadata": {}},
    ],
)
def test_a_charge_finds_its_order_by_payment_charge_or_reference(known, charge):
    charge = {
        key: value.replace("{ref}", known.reference) if isinstance(value, str) else value
        for key, value in charge.items()
    }
    if "metadata" in charge and charge["metadata"]:
        charge["metadata"] = {"order": known.reference}

    assert refunds._find_order(charge) == known


def test_a_reference_to_an_order_of_another_payment_finds_nothing(known, caplog):
    charge = {"id": "ch_x", "payment_intent": "pi_x", "metadata": {"order": known.reference}}

    with caplog.at_level("ERROR", logger="boutique.refunds"):
        assert refunds._find_order(charge) is None

    assert [r.getMessage() for r in caplog.records if r.name == "boutique.refunds"] == [
        f"Charge ch_x names order {known.reference} of another payment"
    ]
    assert refunds._find_order({"id": "ch_x"}) is None
    with pytest.raises(refunds.UnknownCharge, match="^no order for charge 'ch_x'$"):
        refunds.apply_charge_refunded({"id": "ch_x", "amount_refunded": 100})


def test_an_early_refund_is_recorded_with_its_payment_on_the_pending_order(buyer, exams, notes):
    order = make_order(buyer, [exams, notes])
    charge = {
        "id": "ch_early",
        "payment_intent": "pi_early",
        "metadata": {"order": order.reference},
        "amount_refunded": 500,
    }

    refunds.apply_charge_refunded({**charge, "amount_refunded": 0})  # nothing refunded yet
    order.refresh_from_db()
    assert (order.refunded_cents, order.stripe_payment_intent, order.stripe_charge) == (0, "", "")

    refunds.apply_charge_refunded(charge)
    order.refresh_from_db()
    assert (order.refunded_cents, order.stripe_payment_intent, order.stripe_charge) == (
        500,
        "pi_early",
        "ch_early",
    )
    assert order.status == Order.Status.PENDING
    del charge["amount_refunded"]  # Stripe always sends it; without it, nothing is refunded
    assert refunds.apply_charge_refunded(charge).refunded_cents == 500


def test_an_early_refund_of_a_charge_without_an_id_records_none(buyer, exams):
    order = make_order(buyer, [exams])

    refunds.apply_charge_refunded(
        {"payment_intent": "pi_early", "metadata": {"order": order.reference}, "amount_refunded": 5}
    )

    order.refresh_from_db()
    assert (order.refunded_cents, order.stripe_payment_intent, order.stripe_charge) == (
        5,
        "pi_early",
        "",
    )


def test_an_early_refund_keeps_the_payment_the_order_already_has(buyer, exams):
    order = make_order(buyer, [exams])
    Order.objects.filter(pk=order.pk).update(
        stripe_payment_intent="pi_mine", stripe_charge="ch_mine"
    )

    refunds.apply_charge_refunded(
        {"id": "ch_mine", "payment_intent": "pi_mine", "amount_refunded": 300}
    )

    order.refresh_from_db()
    assert (order.refunded_cents, order.stripe_payment_intent, order.stripe_charge) == (
        300,
        "pi_mine",
        "ch_mine",
    )


@pytest.mark.parametrize(
    ("listed", "recorded_id"),
    [
        (["re_new"], "re_new"),
        (["re_admin", "re_new"], "re_new"),  # the admin's own refund is known
        (["re_new", "re_other"], None),  # which one? none named
        ([], None),
    ],
)
def test_a_dashboard_refund_is_recorded_with_its_stripe_id_when_it_is_clear(
    known, listed, recorded_id, django_capture_on_commit_callbacks
):
    Refund.objects.create(order=known, amount_cents=1, stripe_refund_id="re_admin")
    charge = {
        "id": "ch_known",
        "payment_intent": "pi_known",
        "amount_refunded": 2,
        "refunds": {"data": [{"id": refund_id} for refund_id in listed] + [{"id": None}]},
    }

    with django_capture_on_commit_callbacks(execute=True):
        refunds.apply_charge_refunded(charge)

    dashboard = Refund.objects.exclude(stripe_refund_id="re_admin").get()
    assert (dashboard.amount_cents, dashboard.stripe_refund_id, dashboard.reason) == (
        1,
        recorded_id,
        refunds.DASHBOARD_REASON,
    )


@pytest.mark.parametrize(
    ("value", "identifier"),
    [
        (None, ""),
        ("", ""),
        ("pi_1", "pi_1"),
        ({"id": "pi_2", "object": "x"}, "pi_2"),
        ({}, ""),
        ({"object": "payment_intent"}, ""),  # expanded, but without its id
    ],
)
def test_the_id_of_an_expandable_stripe_field(value, identifier):
    assert refunds.object_id(value) == identifier


def test_a_one_cent_order_refunded_before_its_payment_is_refunded(
    post_event, buyer, django_capture_on_commit_callbacks
):
    order = make_order(buyer, membership_cents=1)
    order.stripe_payment_intent = "pi_cent"
    order.save()
    refunded_in_all(post_event, order, 1, django_capture_on_commit_callbacks)

    pay(order, django_capture_on_commit_callbacks)

    assert (order.status, order.refunded_cents) == (Order.Status.REFUNDED, 1)
    buyer.refresh_from_db()
    assert buyer.membership_expires_on is None
