"""What the webhook endpoints answer and record, word for word: the reason of each 400 (nothing
stored), the error kept on an event we can never act on, what is stored of an event, and the log
lines operations read (event ids and order references only). No call to Stripe is needed."""

import json
import logging

import pytest

from boutique.models import Order, StripeEvent
from tests.boutique.helpers import event, make_order, signature_header

pytestmark = pytest.mark.django_db


@pytest.fixture
def buyer(luc):
    return luc


def post_signed(client, settings, payload: bytes, *, header: str | None = None):
    headers = {}
    if header != "none":
        headers["HTTP_STRIPE_SIGNATURE"] = header or signature_header(
            payload, settings.STRIPE_WEBHOOK_SECRET
        )
    return client.post("/stripe/webhook/", data=payload, content_type="application/json", **headers)


@pytest.mark.parametrize(
    ("payload", "header", "answer"),
    [
        (
            b'{"id": "evt_1", "type": "customer.created"}',
            "none",
            b"missing Stripe-Signature header",
        ),
        (b'{"id": "evt_1", "type": "customer.created"}', "t=1,v1=00", b"invalid signature"),
        (b'[{"id": "evt_1", "type": "customer.created"}]', None, b"not an event"),
        (b'{"id": 1, "type": "customer.created"}', None, b"not an event"),
        (b'{"id": "evt_1", "type": ["customer.created"]}', None, b"not an event"),
        (b'{"type": "customer.created"}', None, b"not an event"),
    ],
)
def test_a_request_that_is_not_a_signed_event_is_told_why(
    client, settings, caplog, payload, header, answer
):
    with caplog.at_level(logging.WARNING, logger="boutique.webhooks"):
        response = post_signed(client, settings, payload, header=header)

    assert (response.status_code, response.content) == (400, answer)
    assert StripeEvent.objects.count() == 0
    warnings = [r.getMessage() for r in caplog.records if r.name == "boutique.webhooks"]
    if answer == b"invalid signature":
        (warning,) = warnings
        # Stripe's library says why (stripe.SignatureVerificationError's message).
        assert warning == (
            "Stripe webhook refused: "
            "No signatures found matching the expected signature for payload"
        )
    else:
        assert warnings == []


def test_what_is_stored_of_a_platform_event(post_event):
    delivered = event("unknown_type")  # the platform's own: no "account"

    post_event(delivered)

    stored = StripeEvent.objects.get()
    assert (stored.type, stored.account, stored.livemode) == ("customer.created", "", False)


def test_what_is_stored_of_an_event(post_event):
    delivered = event(
        "account_updated",
        account="acct_" + "s" * 300,
        charges_enabled="false",
        payouts_enabled="false",
        details_submitted="false",
    )
    delivered["type"] = "account.updated." + "x" * 120  # longer than the column

    post_event(delivered, connect=True)

    stored = StripeEvent.objects.get()
    assert (stored.event_id, stored.type, stored.account, stored.livemode) == (
        delivered["id"],
        ("account.updated." + "x" * 120)[:100],
        ("acct_" + "s" * 300)[:255],
        False,
    )
    assert stored.payload == delivered


@pytest.mark.parametrize(
    ("build", "error"),
    [
        ("completed without reference", "session {session!r} names no order"),
        ("failed for an unknown order", "no order 'APOP-2026-999998'"),
        ("account without id", "account.updated without an account id"),
    ],
)
def test_an_event_we_can_never_act_on_is_answered_200_with_its_reason(
    post_event, buyer, exams, caplog, build, error
):
    order = make_order(buyer, [exams])
    connect = False
    if build == "completed without reference":
        delivered = event("checkout_session_completed", order)
        session = delivered["data"]["object"]
        session["client_reference_id"] = None
        session["metadata"] = {}
        error = error.format(session=session["id"])
    elif build == "failed for an unknown order":
        delivered = event("async_payment_failed", order, reference="APOP-2026-999998")
    else:
        delivered = event(
            "account_updated",
            account="",
            charges_enabled="true",
            payouts_enabled="true",
            details_submitted="true",
        )
        connect = True

    with caplog.at_level(logging.INFO, logger="boutique.webhooks"):
        response = post_event(delivered, connect=connect)

    assert response.status_code == 200
    stored = StripeEvent.objects.get()
    assert (stored.error, stored.processed_at is not None) == (error, True)
    assert [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.ERROR and r.name == "boutique.webhooks"
    ] == [f"Stripe event {delivered['id']} ({delivered['type']}): {error}"]
    assert Order.objects.get(pk=order.pk).status == Order.Status.PENDING


def test_the_log_says_what_happened_to_each_event(post_event, buyer, exams, caplog):
    order = make_order(buyer, [exams])
    unpaid = event("checkout_session_completed_unpaid", order)
    unknown = event("unknown_type")
    live = event("checkout_session_completed", order)
    live["livemode"] = True

    with caplog.at_level(logging.INFO, logger="boutique.webhooks"):
        for delivered in (unpaid, unknown, live):
            assert post_event(delivered).status_code == 200

    assert [
        (r.levelname, r.getMessage()) for r in caplog.records if r.name == "boutique.webhooks"
    ] == [
        ("INFO", f"Order {order.reference}: payment pending (unpaid)"),
        ("INFO", f"Stripe event {unknown['id']} of type customer.created: not handled"),
        (
            "ERROR",
            f"Stripe event {live['id']} refused: livemode True does not match this site's "
            "Stripe keys",
        ),
        ("INFO", f"Stripe event {live['id']} of type checkout.session.completed: not handled"),
    ]


def test_a_failing_handler_is_logged_with_its_traceback(
    post_event, buyer, exams, monkeypatch, caplog
):
    from boutique import webhooks

    def broken(data):
        raise RuntimeError("database went away")

    monkeypatch.setitem(webhooks.PLATFORM_HANDLERS, webhooks.CHECKOUT_COMPLETED, broken)
    delivered = event("checkout_session_completed", make_order(buyer, [exams]))

    with caplog.at_level(logging.ERROR, logger="boutique.webhooks"):
        response = post_event(delivered)

    assert response.status_code == 500
    (record,) = [r for r in caplog.records if r.name == "boutique.webhooks"]
    assert record.getMessage() == (
        f"Stripe event {delivered['id']} (checkout.session.completed) failed"
    )
    assert record.exc_info is not None
    stored = StripeEvent.objects.get()
    assert (stored.processed_at, stored.error) == (None, "RuntimeError: database went away")
    assert json.loads(json.dumps(stored.payload)) == delivered


@pytest.mark.parametrize(
    ("session", "reference"),
    [
        ({"client_reference_id": "APOP-1", "metadata": {"order": "APOP-2"}}, "APOP-1"),
        ({"client_reference_id": None, "metadata": {"order": "APOP-2"}}, "APOP-2"),
        ({"client_reference_id": "APOP-1"}, "APOP-1"),
        ({"client_reference_id": "", "metadata": None}, ""),
        ({}, ""),
    ],
)
def test_the_order_a_session_names(session, reference):
    from boutique import fulfilment

    assert fulfilment.session_reference(session) == reference


def test_a_session_that_needs_no_payment_fulfils_its_free_order(
    post_event, buyer, django_capture_on_commit_callbacks
):
    order = make_order(buyer, membership_cents=0)
    delivered = event("checkout_session_completed", order)
    session = delivered["data"]["object"]
    session["payment_status"] = "no_payment_required"
    session["client_reference_id"] = None  # the reference in the metadata only

    with django_capture_on_commit_callbacks(execute=True):
        assert post_event(delivered).status_code == 200

    assert StripeEvent.objects.get().error == ""
    assert Order.objects.get(pk=order.pk).status == Order.Status.PAID


def test_an_event_handed_over_in_process_is_verified_stored_and_handled_as_the_endpoint_does(
    settings, buyer, exams, django_capture_on_commit_callbacks, caplog
):
    from boutique import webhooks

    order = make_order(buyer, [exams])
    completed = event("checkout_session_completed", order)
    payload = json.dumps(completed).encode()
    secret = "whsec_in_process"  # the caller's secret, not the endpoint's

    assert webhooks.deliver_platform_event(payload, "t=1,v1=00", secret=secret) == 400
    assert (
        webhooks.deliver_platform_event(
            payload, signature_header(payload, settings.STRIPE_WEBHOOK_SECRET), secret=secret
        )
        == 400
    )
    assert StripeEvent.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        status = webhooks.deliver_platform_event(
            payload, signature_header(payload, secret), secret=secret
        )

    assert status == 200
    assert StripeEvent.objects.get().event_id == completed["id"]
    # receive() itself: a reason only for a refusal.
    assert webhooks.receive(
        payload, signature_header(payload, secret), secret=secret, handlers={}
    ) == (200, "")
    assert Order.objects.get(pk=order.pk).status == Order.Status.PAID
    # The platform's handlers only: an account's event is stored, not run.
    account = event(
        "account_updated",
        account="acct_1",
        charges_enabled="true",
        payouts_enabled="true",
        details_submitted="true",
    )
    account_payload = json.dumps(account).encode()
    with caplog.at_level(logging.INFO, logger="boutique.webhooks"):
        status = webhooks.deliver_platform_event(
            account_payload, signature_header(account_payload, secret), secret=secret
        )

    assert status == 200
    assert (
        caplog.messages[-1] == f"Stripe event {account['id']} of type account.updated: not handled"
    )
    stored = StripeEvent.objects.get(event_id=account["id"])
    assert (stored.processed_at is not None, stored.error) == (True, "")
