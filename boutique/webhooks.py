"""Stripe webhooks: verify the signature on the raw body → store the event once (unique on its
id) → dispatch on its type → handler, in one transaction with the event row locked.

Answers: 400 for anything that does not verify (nothing stored); 200 once handled, for an event
already handled (a replay), for types we do not handle and for events about orders we do not
have (Stripe would retry those for days to no avail; the error is recorded on the event); 500
when a handler fails, so that Stripe delivers it again and the retry handles it."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import connect, fulfilment, payouts, refunds, stripe_gateway
from .models import StripeEvent

logger = logging.getLogger(__name__)

# Event types (Stripe API 2026-02-25.clover).
CHECKOUT_COMPLETED = "checkout.session.completed"
ASYNC_PAYMENT_SUCCEEDED = "checkout.session.async_payment_succeeded"
ASYNC_PAYMENT_FAILED = "checkout.session.async_payment_failed"
CHARGE_REFUNDED = "charge.refunded"
ACCOUNT_UPDATED = "account.updated"


class Ignored(Exception):
    """An event we received but cannot act on, ever (not ours, unknown order): recorded on the
    event and answered 200."""


# --- Handlers: each gets the event's data.object -----------------------------------------------


def _reference(session: dict) -> str:
    reference = fulfilment.session_reference(session)
    if not reference:
        raise Ignored(f"session {session.get('id')!r} names no order")
    return reference


def on_checkout_completed(session: dict) -> None:
    """Paid now (card): fulfil. "unpaid" means a delayed payment method (bank debit) is on its
    way: the order stays pending until async_payment_succeeded or _failed."""
    reference = _reference(session)
    if session.get("payment_status") not in ("paid", "no_payment_required"):
        logger.info("Order %s: payment pending (%s)", reference, session.get("payment_status"))
        return
    fulfilment.fulfil_order(reference, session=session)


def on_async_payment_succeeded(session: dict) -> None:
    fulfilment.fulfil_order(_reference(session), session=session)


def on_async_payment_failed(session: dict) -> None:
    fulfilment.mark_failed(_reference(session))


def on_charge_refunded(charge: dict) -> None:
    refunds.apply_charge_refunded(charge)


def on_account_updated(account: dict) -> None:
    """A seller's connected account changed: store its flags, and send the payouts waiting for
    it once it can receive money (after the commit: transfers are calls to Stripe)."""
    if not account.get("id"):
        raise Ignored("account.updated without an account id")
    seller_account = connect.sync_account(
        account["id"],
        {
            "charges_enabled": bool(account.get("charges_enabled")),
            "payouts_enabled": bool(account.get("payouts_enabled")),
            "details_submitted": bool(account.get("details_submitted")),
        },
    )
    if seller_account is not None and seller_account.can_receive:
        seller = seller_account.user
        transaction.on_commit(lambda: payouts.release_pending(seller))


# Each endpoint handles its own account's events only: a payment event arriving on the Connect
# endpoint (a connected account's own payment) must never fulfil one of our orders.
PLATFORM_HANDLERS = {
    CHECKOUT_COMPLETED: on_checkout_completed,
    ASYNC_PAYMENT_SUCCEEDED: on_async_payment_succeeded,
    ASYNC_PAYMENT_FAILED: on_async_payment_failed,
    CHARGE_REFUNDED: on_charge_refunded,
}
CONNECT_HANDLERS = {
    ACCOUNT_UPDATED: on_account_updated,
}

# Permanent failures: retrying the same event cannot succeed.
PERMANENT = (Ignored, fulfilment.FulfilmentError, refunds.UnknownCharge)


# --- Endpoints -----------------------------------------------------------------------------------


def _store(event: dict) -> StripeEvent:
    """The event row, created once: a second delivery (even at the same moment) gets the first."""
    stored, _created = StripeEvent.objects.get_or_create(
        event_id=event["id"],
        defaults={
            "type": str(event.get("type", ""))[:100],
            "account": str(event.get("account") or "")[:255],
            "livemode": bool(event.get("livemode")),
            "payload": event,
        },
    )
    return stored


def _handle(stored: StripeEvent, handlers: dict) -> int:
    """Run the event's handler (from this endpoint's table) once, the event row locked (a
    concurrent delivery waits, then finds it processed). Returns the HTTP status for Stripe."""
    with transaction.atomic():
        event = StripeEvent.objects.select_for_update().get(pk=stored.pk)
        if event.processed_at is not None:
            return 200
        handler = handlers.get(event.type)
        error = ""
        if event.livemode != stripe_gateway.is_live():
            # A test event on the live site (or the reverse) is about no real order of ours.
            handler = None
            error = f"livemode {event.livemode} does not match this site's Stripe keys"
            logger.error("Stripe event %s refused: %s", event.event_id, error)
        if handler is None:
            logger.info("Stripe event %s of type %s: not handled", event.event_id, event.type)
        else:
            data = (event.payload.get("data") or {}).get("object") or {}
            try:
                # A savepoint: a failing handler leaves nothing half-written (and its on_commit
                # work is dropped) while the error is still recorded on the event.
                with transaction.atomic():
                    handler(data)
            except PERMANENT as failure:
                error = str(failure)
                logger.error("Stripe event %s (%s): %s", event.event_id, event.type, error)
            except Exception as failure:
                logger.exception("Stripe event %s (%s) failed", event.event_id, event.type)
                event.error = f"{type(failure).__name__}: {failure}"
                event.save(update_fields=["error"])
                return 500
        event.processed_at = timezone.now()
        event.error = error
        event.save(update_fields=["processed_at", "error"])
        return 200


def receive(payload: bytes, signature: str, *, secret: str, handlers: dict) -> tuple[int, str]:
    """Verify, store once and handle one delivery: (HTTP status, reason when refused)."""
    if not signature:
        return 400, "missing Stripe-Signature header"
    try:
        event = stripe_gateway.verify_event(payload, signature, secret)
    except stripe_gateway.SignatureError as error:
        logger.warning("Stripe webhook refused: %s", error)
        return 400, "invalid signature"
    if (
        not isinstance(event, dict)
        or not isinstance(event.get("id"), str)
        or not isinstance(event.get("type"), str)
    ):
        return 400, "not an event"
    return _handle(_store(event), handlers), ""


def deliver_platform_event(payload: bytes, signature: str, *, secret: str) -> int:
    """A platform event handed over in-process, as the platform endpoint receives Stripe's
    (signature check included): the demonstration payments' « Payer » (boutique/demo_payments.py)
    goes through here. Returns the HTTP status the endpoint would answer."""
    status, _reason = receive(payload, signature, secret=secret, handlers=PLATFORM_HANDLERS)
    return status


def _receive(request, secret: str, handlers: dict) -> HttpResponse:
    status, reason = receive(
        request.body,
        request.headers.get("Stripe-Signature") or "",
        secret=secret,
        handlers=handlers,
    )
    if status == 400:
        return HttpResponseBadRequest(reason)
    return HttpResponse(status=status)


@csrf_exempt
@require_POST
def platform_webhook(request):
    """Events of the platform's own account (payments, refunds)."""
    return _receive(request, settings.STRIPE_WEBHOOK_SECRET, PLATFORM_HANDLERS)


@csrf_exempt
@require_POST
def connect_webhook(request):
    """Events of the sellers' connected accounts (account.updated)."""
    return _receive(request, settings.STRIPE_CONNECT_WEBHOOK_SECRET, CONNECT_HANDLERS)
