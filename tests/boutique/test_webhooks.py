"""The Stripe webhook endpoints: nothing is stored from a request that does not verify; each
event is stored and handled once, even delivered twice or twice at the same moment; each event
type does what it says, and an event we cannot act on is recorded and answered 200."""

import json
import threading
import time

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from boutique import fulfilment
from boutique.models import Entitlement, Order, OrderLine, Payout, Refund, StripeEvent
from tests.boutique.helpers import event, make_order, signature_header

pytestmark = pytest.mark.django_db


@pytest.fixture
def buyer(luc):
    """The buyer here is Luc (tests/boutique/conftest.py), not the cart tests' Théo."""
    return luc


def live(user):
    return Entitlement.objects.filter(user=user, revoked_at__isnull=True)


def test_the_endpoints_have_their_public_paths():
    assert reverse("stripe_webhooks:platform") == "/stripe/webhook/"
    assert reverse("stripe_webhooks:connect") == "/stripe/webhook/connect/"


@pytest.mark.parametrize("url", ["/stripe/webhook/", "/stripe/webhook/connect/"])
def test_only_post_is_allowed(client, url):
    assert client.get(url).status_code == 405
    assert StripeEvent.objects.count() == 0


# --- Requests that do not verify -------------------------------------------------------------


@pytest.mark.parametrize(
    "case", ["bad signature", "connect secret", "expired", "missing header", "not JSON"]
)
def test_a_request_that_does_not_verify_is_refused_and_nothing_is_stored(
    client, settings, buyer, exams, case
):
    order = make_order(buyer, [exams])
    payload = json.dumps(event("checkout_session_completed", order)).encode()
    secret = settings.STRIPE_WEBHOOK_SECRET
    timestamp = None
    headers = {}
    if case == "bad signature":
        headers["HTTP_STRIPE_SIGNATURE"] = signature_header(payload, "whsec_forged")
    elif case == "connect secret":
        headers["HTTP_STRIPE_SIGNATURE"] = signature_header(
            payload, settings.STRIPE_CONNECT_WEBHOOK_SECRET
        )
    elif case == "expired":
        timestamp = int(time.time()) - 301
        headers["HTTP_STRIPE_SIGNATURE"] = signature_header(payload, secret, timestamp)
    elif case == "not JSON":
        payload = b"not json at all"
        headers["HTTP_STRIPE_SIGNATURE"] = signature_header(payload, secret)

    response = client.post(
        "/stripe/webhook/", data=payload, content_type="application/json", **headers
    )

    assert response.status_code == 400
    assert StripeEvent.objects.count() == 0
    order.refresh_from_db()
    assert (order.status, order.paid_at) == (Order.Status.PENDING, None)
    assert live(buyer).count() == 0
    assert mail.outbox == []


def test_the_platform_secret_does_not_open_the_connect_endpoint(post_event, settings):
    delivered = event(
        "account_updated",
        account="acct_x",
        charges_enabled="true",
        payouts_enabled="true",
        details_submitted="true",
    )

    response = post_event(delivered, connect=True, secret=settings.STRIPE_WEBHOOK_SECRET)

    assert response.status_code == 400
    assert StripeEvent.objects.count() == 0


def test_a_payment_event_on_the_connect_endpoint_fulfils_nothing(post_event, buyer, exams):
    """The Connect endpoint handles the connected accounts' events only: a completed checkout
    there (a seller's own payment, or a replay of ours) is stored and answered, never run."""
    order = make_order(buyer, [exams])
    delivered = event("checkout_session_completed", order)

    response = post_event(delivered, connect=True)

    assert response.status_code == 200
    stored = StripeEvent.objects.get()
    assert (stored.event_id, stored.processed_at is not None) == (delivered["id"], True)
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING
    assert live(buyer).count() == 0
    assert mail.outbox == []


def test_an_account_event_on_the_platform_endpoint_changes_no_seller(post_event, seller):
    from boutique.models import SellerAccount

    SellerAccount.objects.create(user=seller, stripe_account_id="acct_seller")
    delivered = event(
        "account_updated",
        account="acct_seller",
        charges_enabled="true",
        payouts_enabled="true",
        details_submitted="true",
    )

    response = post_event(delivered)

    assert response.status_code == 200
    account = SellerAccount.objects.get()
    assert (account.charges_enabled, account.payouts_enabled) == (False, False)


def test_a_live_event_on_a_site_with_test_keys_is_recorded_and_not_run(post_event, buyer, exams):
    order = make_order(buyer, [exams])
    delivered = event("checkout_session_completed", order)
    delivered["livemode"] = True

    response = post_event(delivered)

    assert response.status_code == 200
    stored = StripeEvent.objects.get()
    assert stored.livemode is True
    assert stored.error == "livemode True does not match this site's Stripe keys"
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING
    assert live(buyer).count() == 0


# --- Stored once, handled once -----------------------------------------------------------------


def test_the_same_event_delivered_twice_is_handled_once(
    post_event, buyer, seller, exams, notes, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams, notes])
    delivered = event("checkout_session_completed", order)

    with django_capture_on_commit_callbacks(execute=True):
        first = post_event(delivered)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        second = post_event(delivered)

    assert (first.status_code, second.status_code) == (200, 200)
    assert callbacks == []
    stored = StripeEvent.objects.get()
    assert (stored.event_id, stored.type, stored.error) == (
        delivered["id"],
        "checkout.session.completed",
        "",
    )
    assert stored.processed_at is not None
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert order.stripe_payment_intent == delivered["data"]["object"]["payment_intent"]
    assert live(buyer).count() == 2
    assert Payout.objects.filter(order=order).count() == 1
    assert len(mail.outbox) == 1


def test_a_second_event_of_the_same_payment_changes_nothing(
    post_event, buyer, exams, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams])
    with django_capture_on_commit_callbacks(execute=True):
        post_event(event("checkout_session_completed", order))
        response = post_event(event("async_payment_succeeded", order))

    assert response.status_code == 200
    assert StripeEvent.objects.count() == 2
    assert live(buyer).count() == 1
    assert Payout.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_event_delivered_concurrently_is_handled_once(
    settings, site_pages, make_member, make_resource
):
    buyer = make_member("Luc Gagnon", language="en")
    seller = make_member("Marie Tremblay", language="en")
    resources = [
        make_resource("Corrected exams", authors=[seller], price_cents=1250),
        make_resource("Course notes", authors=[seller], price_cents=2000),
    ]
    order = make_order(buyer, resources)
    payload = json.dumps(event("checkout_session_completed", order)).encode()
    barrier = threading.Barrier(2)
    statuses = []

    def deliver():
        try:
            header = signature_header(payload, settings.STRIPE_WEBHOOK_SECRET)
            barrier.wait()
            response = Client().post(
                "/stripe/webhook/",
                data=payload,
                content_type="application/json",
                HTTP_STRIPE_SIGNATURE=header,
            )
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert statuses == [200, 200]
    assert StripeEvent.objects.count() == 1
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert sorted(live(buyer).values_list("resource_id", flat=True)) == sorted(
        r.pk for r in resources
    )
    assert Payout.objects.filter(order=order).count() == 1
    receipts = [m for m in mail.outbox if "Receipt" in m.subject]
    assert len(receipts) == 1


def test_a_failing_handler_answers_500_and_the_retry_handles_it(
    post_event, buyer, exams, monkeypatch, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams])
    delivered = event("checkout_session_completed", order)
    real = fulfilment.fulfil_order

    def broken(reference, *, session):
        real(reference, session=session)  # its writes must be rolled back
        raise RuntimeError("database went away")

    monkeypatch.setattr(fulfilment, "fulfil_order", broken)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(delivered)

    assert response.status_code == 500
    stored = StripeEvent.objects.get()
    assert (stored.processed_at, stored.error) == (None, "RuntimeError: database went away")
    assert Order.objects.get(pk=order.pk).status == Order.Status.PENDING
    assert live(buyer).count() == 0
    assert mail.outbox == []

    monkeypatch.setattr(fulfilment, "fulfil_order", real)
    with django_capture_on_commit_callbacks(execute=True):
        retry = post_event(delivered)

    assert retry.status_code == 200
    stored.refresh_from_db()
    assert stored.processed_at is not None
    assert stored.error == ""
    assert Order.objects.get(pk=order.pk).status == Order.Status.PAID
    assert live(buyer).count() == 1
    assert len(mail.outbox) == 1


# --- Each type ---------------------------------------------------------------------------------


def test_an_unpaid_completed_session_leaves_the_order_pending(
    post_event, buyer, exams, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams])

    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(event("checkout_session_completed_unpaid", order))

    assert response.status_code == 200
    assert StripeEvent.objects.get().processed_at is not None
    assert Order.objects.get(pk=order.pk).status == Order.Status.PENDING
    assert live(buyer).count() == 0
    assert mail.outbox == []


def test_async_payment_succeeded_fulfils_the_order(
    post_event, buyer, exams, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams])
    payment_intent = "pi_async_debit"
    with django_capture_on_commit_callbacks(execute=True):
        post_event(event("checkout_session_completed_unpaid", order, payment_intent=payment_intent))
        response = post_event(
            event("async_payment_succeeded", order, payment_intent=payment_intent)
        )

    assert response.status_code == 200
    order.refresh_from_db()
    assert (order.status, order.stripe_payment_intent) == (Order.Status.PAID, payment_intent)
    assert live(buyer).count() == 1
    assert len(mail.outbox) == 1


def test_async_payment_failed_fails_the_order_and_grants_nothing(
    post_event, buyer, exams, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams])
    with django_capture_on_commit_callbacks(execute=True):
        post_event(event("checkout_session_completed_unpaid", order))
        response = post_event(event("async_payment_failed", order))

    assert response.status_code == 200
    assert Order.objects.get(pk=order.pk).status == Order.Status.FAILED
    assert live(buyer).count() == 0
    assert Payout.objects.count() == 0
    (message,) = mail.outbox
    assert message.to == [buyer.email]
    assert "failed" in message.subject
    assert "$12.50" in message.body


def test_an_amount_that_does_not_match_fulfils_nothing(
    post_event, buyer, exams, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams])

    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(event("checkout_session_completed", order, amount=1))

    assert response.status_code == 200  # retrying cannot make it right
    stored = StripeEvent.objects.get()
    assert "total 1" in stored.error
    assert stored.processed_at is not None
    assert Order.objects.get(pk=order.pk).status == Order.Status.PENDING
    assert live(buyer).count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize("forgery", ["unknown order", "another order's metadata"])
def test_a_forged_reference_grants_nothing(
    post_event, buyer, exams, forgery, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams])
    delivered = event("checkout_session_completed", order)
    session = delivered["data"]["object"]
    if forgery == "unknown order":
        session["client_reference_id"] = session["metadata"]["order"] = "APOP-2026-999999"
    else:
        session["metadata"]["order"] = "APOP-2026-999999"

    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(delivered)

    assert response.status_code == 200
    assert StripeEvent.objects.get().error != ""
    assert Order.objects.get(pk=order.pk).status == Order.Status.PENDING
    assert Entitlement.objects.count() == 0
    assert Payout.objects.count() == 0
    assert mail.outbox == []


def test_an_unknown_type_is_stored_and_answered_200(post_event):
    delivered = event("unknown_type")

    response = post_event(delivered)

    assert response.status_code == 200
    stored = StripeEvent.objects.get()
    assert (stored.event_id, stored.type, stored.error) == (delivered["id"], "customer.created", "")
    assert stored.payload == delivered
    assert stored.processed_at is not None


# --- A refund before the payment event (events out of order) -------------------------------------


def test_a_full_refund_before_completion_grants_nothing_later(
    post_event, buyer, exams, notes, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams, notes])
    payment_intent = "pi_refunded_early"
    with django_capture_on_commit_callbacks(execute=True):
        refunded = post_event(
            event(
                "charge_refunded",
                order,
                payment_intent=payment_intent,
                amount_refunded=order.total_cents,
                refunded="true",
            )
        )
    assert refunded.status_code == 200
    order.refresh_from_db()
    assert (order.status, order.refunded_cents) == (Order.Status.PENDING, order.total_cents)

    with django_capture_on_commit_callbacks(execute=True):
        completed = post_event(
            event("checkout_session_completed", order, payment_intent=payment_intent)
        )

    assert completed.status_code == 200
    order.refresh_from_db()
    assert order.status == Order.Status.REFUNDED
    assert live(buyer).count() == 0
    assert Payout.objects.count() == 0
    assert set(OrderLine.objects.filter(order=order).values_list("refunded_cents", flat=True)) == {
        1250,
        2000,
    }
    assert Refund.objects.get(order=order).amount_cents == order.total_cents
    assert [m.subject for m in mail.outbox] == [
        f"APOP boutique · Refund on your order {order.reference}"
    ]


def test_a_partial_refund_before_completion_is_applied_at_completion(
    post_event, buyer, seller, exams, notes, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams, notes])
    payment_intent = "pi_partly_refunded_early"
    with django_capture_on_commit_callbacks(execute=True):
        post_event(
            event(
                "charge_refunded",
                order,
                payment_intent=payment_intent,
                amount_refunded=1250,  # the first line
                refunded="false",
            )
        )
        post_event(event("checkout_session_completed", order, payment_intent=payment_intent))

    order.refresh_from_db()
    assert (order.status, order.refunded_cents) == (Order.Status.PARTIALLY_REFUNDED, 1250)
    assert list(live(buyer).values_list("resource_id", flat=True)) == [notes.pk]
    payout = Payout.objects.get(order=order)
    assert (payout.amount_cents, payout.reversed_cents) == (1600, 0)  # 1000 + 1600 − 1000
    assert len(mail.outbox) == 2  # the receipt, then the refund
    # What this refund gave back, to the cent.
    assert "We refunded $12.50 on your order" in mail.outbox[1].body
