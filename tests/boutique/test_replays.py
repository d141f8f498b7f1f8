"""Replays of Stripe events, the bugs no other test caught: a `checkout.session.completed` that
comes again after a refund must grant nothing back (downloads stay revoked), and an event
delivered again must not run its handler again — fulfilment's own idempotency would hide a
missing replay guard, so the handler's calls are counted. No call to Stripe succeeds here (the
test settings' closed port): none is needed, and none of these tests takes stripe-mock."""

import pytest
from django.core import mail

from boutique import webhooks
from boutique.models import Entitlement, Order, Payout, StripeEvent
from tests.boutique.helpers import event, make_order

pytestmark = pytest.mark.django_db

PAYMENT_INTENT = "pi_replayed"


@pytest.fixture
def buyer(luc):
    """The buyer here is Luc (tests/boutique/conftest.py), not the cart tests' Théo."""
    return luc


def state(order: Order) -> dict:
    """Everything a fulfilment or a refund writes, to compare before and after a replay."""
    order.refresh_from_db()
    return {
        "order": (order.status, order.paid_at, order.refunded_cents, order.total_cents),
        "entitlements": sorted(
            Entitlement.objects.filter(user=order.user).values_list(
                "pk", "resource_id", "revoked_at"
            )
        ),
        "payouts": sorted(
            Payout.objects.filter(order=order).values_list("pk", "amount_cents", "status")
        ),
        "lines": sorted(order.lines.values_list("pk", "refunded_cents")),
        "mails": [message.subject for message in mail.outbox],
    }


def live_resources(user) -> list[int]:
    return sorted(
        Entitlement.objects.live().filter(user=user).values_list("resource_id", flat=True)
    )


@pytest.mark.parametrize(
    ("refunded", "status", "still_live"),
    [
        (1250, Order.Status.PARTIALLY_REFUNDED, ["notes"]),  # the exams line, in full
        (3250, Order.Status.REFUNDED, []),  # the whole order
    ],
)
def test_a_completion_replayed_after_a_refund_grants_nothing_back(
    post_event,
    buyer,
    exams,
    notes,
    refunded,
    status,
    still_live,
    django_capture_on_commit_callbacks,
):
    order = make_order(buyer, [exams, notes])
    completed = event("checkout_session_completed", order, payment_intent=PAYMENT_INTENT)
    with django_capture_on_commit_callbacks(execute=True):
        assert post_event(completed).status_code == 200
        refund = event(
            "charge_refunded",
            order,
            payment_intent=PAYMENT_INTENT,
            amount_refunded=refunded,
            refunded="true" if refunded == order.total_cents else "false",
        )
        assert post_event(refund).status_code == 200
    resources = {"exams": exams.pk, "notes": notes.pk}
    assert live_resources(buyer) == [resources[name] for name in still_live]
    before = state(order)
    assert before["order"][0] == status

    # The same payment's completion again, as a new event (a resend, or the async twin).
    replayed = event(
        "checkout_session_completed",
        order,
        payment_intent=PAYMENT_INTENT,
        session_id=completed["data"]["object"]["id"],
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post_event(replayed)

    assert response.status_code == 200
    assert live_resources(buyer) == [resources[name] for name in still_live]
    assert state(order) == before
    assert callbacks == []
    stored = StripeEvent.objects.get(event_id=replayed["id"])
    assert (stored.processed_at is not None, stored.error) == (True, "")


@pytest.fixture
def handler_calls(monkeypatch):
    """Counts the runs of each platform handler (the real handler still runs)."""
    calls: list[str] = []
    for event_type, handler in list(webhooks.PLATFORM_HANDLERS.items()):

        def counted(data, *, _type=event_type, _handler=handler):
            calls.append(_type)
            return _handler(data)

        monkeypatch.setitem(webhooks.PLATFORM_HANDLERS, event_type, counted)
    return calls


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("checkout_session_completed", ""),  # handled
        ("async_payment_failed", ""),  # handled, order marked failed
        ("charge_refunded", "no order for charge"),  # refused for good: recorded once
    ],
)
def test_an_event_delivered_again_runs_its_handler_once(
    post_event, buyer, exams, handler_calls, name, error, django_capture_on_commit_callbacks
):
    order = make_order(buyer, [exams])
    if name == "charge_refunded":
        delivered = event(
            name,
            None,
            reference="APOP-0000-000000",
            amount=100,
            amount_refunded=100,
            refunded="false",
        )
    else:
        delivered = event(name, order)
    with django_capture_on_commit_callbacks(execute=True):
        first = post_event(delivered)
    stored = StripeEvent.objects.get()
    processed_at = stored.processed_at
    assert stored.error.startswith(error)
    before = state(order)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = post_event(delivered)

    assert (first.status_code, again.status_code) == (200, 200)
    assert handler_calls == [delivered["type"]]
    assert callbacks == []
    stored.refresh_from_db()
    assert (stored.processed_at, stored.error.startswith(error)) == (processed_at, True)
    assert StripeEvent.objects.count() == 1
    assert state(order) == before


def test_an_event_that_failed_runs_again_until_it_succeeds(
    post_event, buyer, exams, monkeypatch, django_capture_on_commit_callbacks
):
    """The guard lets a failed delivery (500, nothing processed) run again — only once it was
    handled does a replay stop at it."""
    order = make_order(buyer, [exams])
    delivered = event("checkout_session_completed", order)
    real = webhooks.PLATFORM_HANDLERS[webhooks.CHECKOUT_COMPLETED]
    outcomes = iter([RuntimeError("database went away"), None])
    calls = []

    def flaky(data):
        calls.append(data["id"])
        real(data)
        failure = next(outcomes)
        if failure:
            raise failure

    monkeypatch.setitem(webhooks.PLATFORM_HANDLERS, webhooks.CHECKOUT_COMPLETED, flaky)
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [post_event(delivered).status_code for _ in range(3)]

    assert statuses == [500, 200, 200]
    assert calls == [delivered["data"]["object"]["id"]] * 2
    assert Order.objects.get(pk=order.pk).status == Order.Status.PAID
    assert len(mail.outbox) == 1
