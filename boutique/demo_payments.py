"""Demonstration payments: where Stripe Checkout would be, when the site has no Stripe keys and
is not in production (`make run`, PAYMENTS_DEMO).

The checkout writes its pending order exactly as with Stripe; this module then stands for
Stripe's side only: a « session » whose page is ours (/<lang>/panier/paiement-demo/<id>/), and,
when the buyer clicks « Payer », the `checkout.session.completed` event Stripe would send, signed
as Stripe signs it and handed to the platform webhook's own processing (signature check
included). So the same code as with Stripe marks the order paid, grants the downloads, records the
sellers' payouts (pending: nobody has a Connect account without Stripe) and e-mails the receipt.
No money moves, and no request leaves the machine."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time

from django.conf import settings
from django.urls import reverse

from . import stripe_gateway, webhooks
from .models import DEMO_SESSION_PREFIX as SESSION_PREFIX
from .models import Order


def is_active() -> bool:
    """Demonstration payments stand for Stripe only when there are no Stripe keys; the production
    settings refuse PAYMENTS_DEMO at start-up."""
    return settings.PAYMENTS_DEMO and not stripe_gateway.is_configured()


def webhook_secret() -> str:
    """The demonstration's webhook signing secret: derived from SECRET_KEY, so that nobody can
    sign an event without it; used by nothing but this module's events."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), b"apop-payments-demo-webhook", hashlib.sha256
    ).hexdigest()
    return f"whsec_demo_{digest[:32]}"


def page_url(session_id: str) -> str:
    return reverse("boutique:demo_payment", args=[session_id])


# --- Stripe's side of the checkout (the same calls as boutique/stripe_gateway.py) --------------


def create_checkout_session(**_details) -> stripe_gateway.CheckoutSession:
    """A session id and the address of its demonstration page. Everything the page shows is read
    from the order that the id belongs to; no PaymentIntent exists (nothing is charged)."""
    session_id = SESSION_PREFIX + secrets.token_hex(12)
    return stripe_gateway.CheckoutSession(session_id, page_url(session_id), "")


def retrieve_checkout_session(session_id: str) -> dict:
    """The session as checkout reads it (to reuse a pending order): open while its order waits,
    complete once paid, expired otherwise (another mode's session, a failed order)."""
    order = Order.objects.filter(stripe_session_id=session_id).first()
    if order is None or not session_id.startswith(SESSION_PREFIX):
        status = "expired"
    elif order.is_paid:
        status = "complete"
    else:
        status = "open" if order.status == Order.Status.PENDING else "expired"
    return {
        "id": session_id,
        "status": status,
        "payment_status": "paid" if status == "complete" else "unpaid",
        "url": page_url(session_id) if status == "open" else "",
        "amount_total": order.total_cents if order else None,
        "client_reference_id": order.reference if order else "",
    }


def order_for(session_id: str, user) -> Order | None:
    """The buyer's order of this demonstration session; None for anybody else's (or none)."""
    if not session_id.startswith(SESSION_PREFIX) or not user.is_authenticated:
        return None
    return Order.objects.filter(stripe_session_id=session_id, user=user).first()


# --- « Payer »: the event Stripe would send -----------------------------------------------------


def completed_session(order: Order) -> dict:
    """The paid Checkout Session of this order, with the fields Stripe sends (API version of
    stripe_gateway.API_VERSION) that our fulfilment reads."""
    return {
        "id": order.stripe_session_id,
        "object": "checkout.session",
        "amount_subtotal": order.subtotal_cents,
        "amount_total": order.subtotal_cents,
        "automatic_tax": {"enabled": False, "liability": None, "provider": None, "status": None},
        "client_reference_id": order.reference,
        "created": int(order.created_at.timestamp()),
        "currency": order.currency.lower(),
        "customer_details": {"email": order.email, "tax_exempt": "none", "tax_ids": []},
        "customer_email": order.email,
        "livemode": False,
        "locale": "fr-CA" if order.language == "fr" else "en",
        "metadata": {"order": order.reference},
        "mode": "payment",
        # No PaymentIntent: nothing was charged, so nothing can be refunded or transferred from
        # it (a refund from the admin says the order has no Stripe payment).
        "payment_intent": None,
        "payment_method_types": ["card"],
        "payment_status": "paid",
        "status": "complete",
        "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
        "ui_mode": "hosted",
        "url": None,
    }


def completed_event(order: Order) -> dict:
    """`checkout.session.completed` about this order, as Stripe would deliver it."""
    return {
        "id": "evt_demo_" + secrets.token_hex(12),
        "object": "event",
        "api_version": stripe_gateway.API_VERSION,
        "created": int(time.time()),
        "data": {"object": completed_session(order)},
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": webhooks.CHECKOUT_COMPLETED,
    }


def pay(order: Order) -> int:
    """Deliver the signed `checkout.session.completed` event of this order to the platform
    webhook's processing; returns its HTTP status (200 once handled). A paid order is left as it
    is: fulfilment is idempotent, and a second « Payer » sends nothing."""
    if order.is_paid:
        return 200
    payload = json.dumps(completed_event(order)).encode()
    secret = webhook_secret()
    header = stripe_gateway.signature_header(payload, secret)
    return webhooks.deliver_platform_event(payload, header, secret=secret)
