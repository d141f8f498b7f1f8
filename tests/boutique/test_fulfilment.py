"""boutique/fulfilment.py: a paid session grants each resource once, extends a membership, creates
one payout per seller (sent at once when the seller can receive), sends one receipt, empties the
cart of what was bought; a session that does not match the order changes nothing."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from boutique import fulfilment, stripe_gateway
from boutique.models import CartItem, Entitlement, Order, Payout, SellerAccount
from tests.boutique.helpers import make_order, session_for

pytestmark = pytest.mark.django_db


def live_entitlements(user):
    return Entitlement.objects.filter(user=user, revoked_at__isnull=True)


@pytest.fixture
def buyer(luc):
    """The buyer here is Luc (tests/boutique/conftest.py), not the cart tests' Théo."""
    return luc


# --- Tests -----------------------------------------------------------------------------------


def test_a_paid_session_fulfils_the_order(
    buyer, seller, exams, notes, make_member, make_resource, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams, notes])
    CartItem.objects.create(user=buyer, resource=exams)
    CartItem.objects.create(user=buyer, resource=notes)
    # What the order did not buy stays in carts: another resource, another person's cart.
    later = make_resource("Later", slug="later", authors=[seller], price_cents=700)
    kept = CartItem.objects.create(user=buyer, resource=later)
    other = CartItem.objects.create(user=make_member("Other Buyer"), resource=exams)

    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfil_order(order.reference, session=session_for(order))

    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert order.paid_at is not None
    assert order.stripe_payment_intent == f"pi_{order.reference}"
    assert order.stripe_session_id == f"cs_test_{order.reference}"
    assert order.receipt_sent_at is not None
    assert sorted(live_entitlements(buyer).values_list("resource_id", flat=True)) == sorted(
        [exams.pk, notes.pk]
    )
    assert all(e.order_line.order_id == order.pk for e in live_entitlements(buyer))
    payout = Payout.objects.get(order=order)
    assert (payout.seller, payout.amount_cents, payout.status) == (
        seller,
        1000 + 1600,
        Payout.Status.PENDING,  # no Connect account yet
    )
    assert list(CartItem.objects.order_by("pk")) == [kept, other]
    assert len(mail.outbox) == 1


def test_the_receipt_lists_the_lines_and_links_to_the_order(
    buyer, exams, notes, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams, notes])

    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfil_order(order.reference, session=session_for(order))

    (message,) = mail.outbox
    assert message.to == ["luc@example.org"]
    assert message.subject == f"APOP boutique · Receipt for your order {order.reference}"
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "Corrected exams" in body
        assert "Course notes" in body
        assert "$12.50" in body
        assert "$20.00" in body
        assert "$32.50" in body
        assert f"http://testserver/en/orders/{order.reference}/" in body


def test_a_paid_order_is_returned_unchanged(buyer, exams, django_capture_on_commit_callbacks):
    order = make_order(buyer, [exams])
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfil_order(order.reference, session=session_for(order))
    paid_at = Order.objects.get(pk=order.pk).paid_at

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = fulfilment.fulfil_order(order.reference, session=session_for(order))

    assert again.paid_at == paid_at
    assert callbacks == []
    assert live_entitlements(buyer).count() == 1
    assert Payout.objects.filter(order=order).count() == 1
    assert len(mail.outbox) == 1


def test_a_resource_already_held_keeps_its_entitlement(buyer, exams, notes):
    free = Entitlement.objects.create(user=buyer, resource=exams)
    order = make_order(buyer, [exams, notes])

    fulfilment.fulfil_order(order.reference, session=session_for(order))

    assert live_entitlements(buyer).count() == 2
    assert live_entitlements(buyer).get(resource=exams) == free


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ({"amount_total": 1}, "total"),
        ({"currency": "usd"}, "currency"),
        ({"client_reference_id": "APOP-2026-999999"}, "not APOP"),
        ({"metadata": {"order": "APOP-2026-999999"}}, "not APOP"),
        ({"payment_status": "unpaid"}, "not paid"),
    ],
)
def test_a_session_that_does_not_match_changes_nothing(buyer, exams, fields, why):
    order = make_order(buyer, [exams])

    with pytest.raises(fulfilment.FulfilmentError, match=why):
        fulfilment.fulfil_order(order.reference, session=session_for(order, **fields))

    order.refresh_from_db()
    assert (order.status, order.paid_at, order.stripe_payment_intent) == (
        Order.Status.PENDING,
        None,
        "",
    )
    assert live_entitlements(buyer).count() == 0
    assert Payout.objects.count() == 0


def test_an_unknown_order_is_an_error(buyer):
    with pytest.raises(fulfilment.UnknownOrder, match="^no order 'APOP-2026-999999'$"):
        fulfilment.fulfil_order("APOP-2026-999999", session={})


def test_a_membership_line_extends_the_membership(buyer, monkeypatch):
    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime(2026, 3, 10, 15, tzinfo=datetime.UTC)
    )
    buyer.membership_expires_on = datetime.date(2026, 5, 1)
    buyer.save()
    order = make_order(buyer, membership_cents=6000)

    fulfilment.fulfil_order(order.reference, session=session_for(order))

    buyer.refresh_from_db()
    assert buyer.membership_expires_on == datetime.date(2027, 5, 1)
    assert Payout.objects.count() == 0  # all of a membership goes to APOP


def test_a_seller_who_can_receive_is_paid_after_the_commit(
    stripe_mock, buyer, seller, exams, django_capture_on_commit_callbacks
):
    SellerAccount.objects.create(user=seller, stripe_account_id="acct_seller", payouts_enabled=True)
    order = make_order(buyer, [exams])

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        fulfilment.fulfil_order(order.reference, session=session_for(order))
    assert Payout.objects.get(order=order).status == Payout.Status.PENDING  # not before commit
    # stripe-mock's PaymentIntent names no latest_charge: no charge id is recorded, and the
    # transfer draws on the balance.
    assert Order.objects.get(pk=order.pk).stripe_charge == ""
    for callback in callbacks:
        callback()

    payout = Payout.objects.get(order=order)
    assert payout.status == Payout.Status.TRANSFERRED
    assert payout.stripe_transfer_id.startswith("tr_")
    assert payout.transferred_at is not None


def test_a_failed_transfer_leaves_the_payout_pending(
    buyer, seller, exams, monkeypatch, django_capture_on_commit_callbacks
):
    SellerAccount.objects.create(user=seller, stripe_account_id="acct_seller", payouts_enabled=True)

    def refuse(**kwargs):
        raise stripe_gateway.GatewayError("InvalidRequestError: insufficient funds")

    monkeypatch.setattr(stripe_gateway, "create_transfer", refuse)
    order = make_order(buyer, [exams])

    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfil_order(order.reference, session=session_for(order))

    payout = Payout.objects.get(order=order)
    assert (payout.status, payout.stripe_transfer_id) == (Payout.Status.PENDING, "")
    assert Order.objects.get(pk=order.pk).status == Order.Status.PAID


def test_mark_failed_fails_a_pending_order_and_tells_the_buyer(
    buyer, exams, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams])

    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.mark_failed(order.reference)

    assert Order.objects.get(pk=order.pk).status == Order.Status.FAILED
    assert live_entitlements(buyer).count() == 0
    (message,) = mail.outbox
    assert message.subject == f"APOP boutique · The payment for your order {order.reference} failed"


def test_a_paid_order_is_never_marked_failed(buyer, exams, django_capture_on_commit_callbacks):
    order = make_order(buyer, [exams])
    fulfilment.fulfil_order(order.reference, session=session_for(order))

    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.mark_failed(order.reference)

    assert Order.objects.get(pk=order.pk).status == Order.Status.PAID
    assert live_entitlements(buyer).count() == 1
    assert mail.outbox == []


def test_the_receipt_is_in_the_buyers_language(
    make_member, exams, django_capture_on_commit_callbacks
):
    buyer = make_member("Julie Roy", language="fr")
    order = make_order(buyer, [exams])

    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.fulfil_order(order.reference, session=session_for(order))

    (message,) = mail.outbox
    assert "12,50\xa0$" in message.body
    assert f"http://testserver/fr/commandes/{order.reference}/" in message.body


# --- The details (each one a rule a mutation of boutique/fulfilment.py would break) --------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"amount_total": 1}, "session 'cs_test_{ref}' total 1 ≠ order {ref} total 1250 + tax 0"),
        (
            {"amount_subtotal": 1000, "amount_total": 1250},
            "session 'cs_test_{ref}' total 1250 ≠ order {ref} total 1250 + tax 0",
        ),
        ({"currency": "usd"}, "session 'cs_test_{ref}' currency 'usd' ≠ order {ref} currency CAD"),
        ({"payment_status": "unpaid"}, "session 'cs_test_{ref}' is not paid ('unpaid')"),
        (
            {"client_reference_id": "APOP-2026-999999"},
            "session 'cs_test_{ref}' is for {both}, not {ref}",
        ),
        (
            {"client_reference_id": None, "metadata": {}},
            "session 'cs_test_{ref}' is for [], not {ref}",
        ),
    ],
)
def test_a_refused_session_says_exactly_why(buyer, exams, fields, message):
    order = make_order(buyer, [exams])

    with pytest.raises(fulfilment.FulfilmentError) as refused:
        fulfilment.fulfil_order(order.reference, session=session_for(order, **fields))

    both = sorted([order.reference, "APOP-2026-999999"])
    assert str(refused.value) == message.format(ref=order.reference, both=both)


def test_a_session_in_upper_case_currency_and_without_payment_still_matches(buyer, exams):
    order = make_order(buyer, [exams])
    session = session_for(order, currency="CAD", payment_status="no_payment_required")
    del session["payment_intent"]

    fulfilment.fulfil_order(order.reference, session=session)

    order.refresh_from_db()
    assert (order.status, order.stripe_payment_intent, order.stripe_charge) == (
        Order.Status.PAID,
        "",
        "",
    )


def test_the_charge_of_the_payment_is_kept_for_the_transfers(buyer, exams, monkeypatch):
    asked = []

    def retrieve(payment_intent):
        asked.append(payment_intent)
        return {"id": payment_intent, "latest_charge": "ch_of_the_payment"}

    monkeypatch.setattr(stripe_gateway, "retrieve_payment_intent", retrieve)
    order = make_order(buyer, [exams])

    fulfilment.fulfil_order(order.reference, session=session_for(order))

    order.refresh_from_db()
    assert asked == [f"pi_{order.reference}"]
    assert order.stripe_charge == "ch_of_the_payment"
    assert order.stripe_session_id == f"cs_test_{order.reference}"


def test_a_payment_stripe_cannot_read_now_leaves_the_charge_empty_and_says_so(buyer, exams, caplog):
    """The test settings' Stripe address is a closed port: the read fails at once."""
    order = make_order(buyer, [exams])

    with caplog.at_level("WARNING", logger="boutique.fulfilment"):
        fulfilment.fulfil_order(order.reference, session=session_for(order))

    assert Order.objects.get(pk=order.pk).stripe_charge == ""
    assert [r.getMessage() for r in caplog.records if r.name == "boutique.fulfilment"] == [
        f"PaymentIntent pi_{order.reference} could not be read; no charge id"
    ]


def test_an_order_of_a_deleted_account_is_paid_grants_nothing_and_is_logged(
    buyer, seller, exams, caplog, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams])
    Order.objects.filter(pk=order.pk).update(user=None)

    with caplog.at_level("ERROR", logger="boutique.fulfilment"):
        fulfilment.fulfil_order(order.reference, session=session_for(order))

    assert Order.objects.get(pk=order.pk).status == Order.Status.PAID
    assert Entitlement.objects.count() == 0
    assert Payout.objects.get(order=order).amount_cents == 1000  # the seller is still paid
    assert [r.getMessage() for r in caplog.records if r.name == "boutique.fulfilment"] == [
        f"Order {order.reference} has no buyer account: nothing granted"
    ]


def test_payouts_one_per_seller_in_seller_order_none_for_a_zero_share(
    buyer, seller, make_member, make_resource
):
    sophie = make_member("Sophie Gagnon", email="sophie@example.org")
    labs = make_resource("Labs", slug="labs", authors=[sophie], price_cents=800)
    exams = make_resource("Exams", slug="exams-2", authors=[seller], price_cents=1250)
    notes = make_resource("Notes", slug="notes-2", authors=[seller], price_cents=2000)
    order = make_order(buyer, [labs, exams, notes])
    free_share = make_order(buyer, [labs], percent=100)  # all of it to APOP

    for paid in (order, free_share):
        fulfilment.fulfil_order(paid.reference, session=session_for(paid))

    assert list(
        Payout.objects.filter(order=order).order_by("pk").values_list("seller", "amount_cents")
    ) == sorted([(seller.pk, 1000 + 1600), (sophie.pk, 640)])
    assert Payout.objects.filter(order=free_share).count() == 0


def test_a_membership_line_grants_no_download_and_a_free_order_is_not_refunded(buyer):
    order = make_order(buyer, membership_cents=0)

    fulfilment.fulfil_order(order.reference, session=session_for(order))

    order.refresh_from_db()
    assert (order.status, order.refunded_cents) == (Order.Status.PAID, 0)
    assert live_entitlements(buyer).count() == 0
    buyer.refresh_from_db()
    assert buyer.membership_expires_on is not None


def test_a_grant_racing_another_keeps_the_other_and_says_so(buyer, exams, monkeypatch, caplog):
    """The unique constraint settles a race with a free download recorded at the same moment."""
    order = make_order(buyer, [exams])
    real_live = Entitlement.objects.live

    def nothing_live_yet():
        Entitlement.objects.live = real_live
        Entitlement.objects.create(user=buyer, resource=exams)  # the other grant, meanwhile
        return Entitlement.objects.none()

    monkeypatch.setattr(Entitlement.objects, "live", nothing_live_yet)

    with caplog.at_level("INFO", logger="boutique.fulfilment"):
        fulfilment.fulfil_order(order.reference, session=session_for(order))

    assert live_entitlements(buyer).count() == 1
    assert live_entitlements(buyer).get().order_line is None  # the other one stayed
    assert f"User {buyer.pk} already holds resource {exams.pk}" in [
        r.getMessage() for r in caplog.records if r.name == "boutique.fulfilment"
    ]


def test_who_holds_a_resource(buyer, seller, exams, notes, django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    from boutique import entitlements

    Entitlement.objects.create(user=buyer, resource=exams)
    Entitlement.objects.create(user=seller, resource=notes)
    revoked = Entitlement.objects.create(user=buyer, resource=notes)
    revoked.revoked_at = timezone.now()
    revoked.save()

    assert entitlements.holds(buyer, exams) is True
    assert entitlements.holds(buyer, exams.pk) is True
    assert entitlements.holds(buyer, notes) is False  # revoked; another one's does not count
    assert entitlements.holds(seller, exams) is False
    with django_assert_num_queries(0):  # nobody signed in: nothing to look up
        assert entitlements.holds(AnonymousUser(), exams) is False
        assert entitlements.holds(None, exams) is False


def test_what_is_granted_when_some_is_held_already_or_gone(
    buyer, seller, exams, notes, make_resource, caplog
):
    """Someone else's right changes nothing; the buyer's own is kept (nothing logged); a line
    whose resource was deleted grants nothing, and the lines after it are still granted."""
    gone = make_resource("Gone", slug="gone", authors=[seller], price_cents=500)
    Entitlement.objects.create(user=seller, resource=exams)
    own = Entitlement.objects.create(user=buyer, resource=notes)
    order = make_order(buyer, [gone, exams, notes])
    order.lines.filter(resource=gone).update(resource=None)

    with caplog.at_level("INFO", logger="boutique.fulfilment"):
        fulfilment.fulfil_order(order.reference, session=session_for(order))

    assert sorted(live_entitlements(buyer).values_list("resource_id", flat=True)) == sorted(
        [exams.pk, notes.pk]
    )
    assert live_entitlements(buyer).get(resource=notes) == own
    assert [r.getMessage() for r in caplog.records if "already holds" in r.getMessage()] == []


def test_an_empty_reference_field_is_no_reference_and_a_one_cent_share_is_paid(
    buyer, seller, make_resource
):
    tiny = make_resource("Tiny", slug="tiny", authors=[seller], price_cents=5)
    order = make_order(buyer, [tiny], percent=80)  # commission 4, share 1
    ownerless = make_order(buyer, [tiny])
    ownerless.lines.update(seller=None)  # its author's account was closed

    for paid in (order, ownerless):
        fulfilment.fulfil_order(paid.reference, session=session_for(paid, client_reference_id=""))

    assert Order.objects.get(pk=order.pk).status == Order.Status.PAID
    assert Payout.objects.get(order=order).amount_cents == 1
    assert Payout.objects.filter(order=ownerless).count() == 0
