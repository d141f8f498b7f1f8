"""Plain builders of the boutique tests (their fixtures are in conftest.py): Stripe's signed
webhook payloads and events, and orders built directly with the models."""

import hashlib
import hmac
import itertools
import json
import random
import time
import uuid
from pathlib import Path

from boutique import pricing
from boutique.models import Order, OrderLine, Payout

EVENTS = Path(__file__).parent / "events"

# --- Stripe's events ----------------------------------------------------------------------------


def signature_header(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """The Stripe-Signature header Stripe sends: t=<unix time>,v1=<HMAC-SHA256 of
    "<t>.<payload>" keyed with the endpoint's secret>."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def load_event(name: str, **replacements) -> dict:
    """A JSON fixture of tests/boutique/events/ (modelled on real Stripe events), with
    "{{key}}" placeholders replaced."""
    text = (EVENTS / f"{name}.json").read_text()
    for key, value in replacements.items():
        text = text.replace("{{" + key + "}}", str(value))
    return json.loads(text)


def event(name: str, order: Order | None = None, **values) -> dict:
    """A fixture event of tests/boutique/events/, about `order` unless told otherwise."""
    token = uuid.uuid4().hex[:16]
    defaults = {
        "event_id": f"evt_{token}",
        "session_id": f"cs_test_{token}",
        "payment_intent": f"pi_{token}",
        "charge": f"ch_{token}",
        "object_id": f"cus_{token}",
    }
    if order is not None:
        defaults |= {"reference": order.reference, "amount": order.total_cents}
    return load_event(name, **(defaults | values))


# --- Orders as the checkout writes them (fulfilment, webhooks, refunds, payouts, tax) ----------

# References unique across tests, also those that commit (transactional tests).
_numbers = itertools.count(random.randrange(100_000, 800_000))


def make_order(buyer, resources=(), *, membership_cents=None, percent=20, reference=None) -> Order:
    """A pending order as the checkout writes it: one line per resource, priced by
    boutique.pricing, the seller being the resource's first author."""
    order = Order.objects.create(
        reference=reference or f"APOP-2026-{next(_numbers):06d}",
        user=buyer,
        email=buyer.email,
        language=buyer.language,
    )
    subtotal = 0
    for resource in resources:
        amounts = pricing.resource_line(resource, buyer, percent=percent)
        OrderLine.objects.create(
            order=order,
            kind=OrderLine.Kind.RESOURCE,
            resource=resource,
            title=resource.title,
            seller=resource.authors.first(),
            price_cents=amounts.price_cents,
            commission_cents=amounts.commission_cents,
            seller_share_cents=amounts.seller_share_cents,
            member_price=amounts.member_price,
        )
        subtotal += amounts.price_cents
    if membership_cents is not None:
        amounts = pricing.membership_line(membership_cents)
        OrderLine.objects.create(
            order=order,
            kind=OrderLine.Kind.MEMBERSHIP,
            title="Individual membership",
            price_cents=amounts.price_cents,
            commission_cents=amounts.commission_cents,
            seller_share_cents=amounts.seller_share_cents,
        )
        subtotal += amounts.price_cents
    order.subtotal_cents = order.total_cents = subtotal
    order.save(update_fields=["subtotal_cents", "total_cents"])
    return order


def session_for(order: Order, **fields) -> dict:
    """A paid Checkout Session of this order, as Stripe returns it (the fields we read)."""
    return {
        "id": f"cs_test_{order.reference}",
        "object": "checkout.session",
        "client_reference_id": order.reference,
        "metadata": {"order": order.reference},
        "amount_total": order.total_cents,
        "currency": "cad",
        "payment_status": "paid",
        "status": "complete",
        "payment_intent": f"pi_{order.reference}",
        **fields,
    }


# --- Paid orders built directly (sales, admin) --------------------------------------------------

LICENCE = "LicenseRef-APOP-All-Rights-Reserved"
_references = itertools.count(1)


def paid_order(buyer, resources, *, paid_at, status=Order.Status.PAID, refunded=()):
    """An order built directly with the models and pricing (no cart, no Stripe): one line per
    resource, sold by its first author; `refunded` resources have their whole line refunded."""
    reference = f"APOP-2026-{next(_references):06d}"
    amounts = [(resource, pricing.resource_line(resource, buyer)) for resource in resources]
    total = sum(a.price_cents for _, a in amounts)
    refunded_total = sum(a.price_cents for r, a in amounts if r in refunded)
    order = Order.objects.create(
        reference=reference,
        user=buyer,
        email=buyer.email,
        status=status,
        subtotal_cents=total,
        total_cents=total,
        refunded_cents=refunded_total,
        stripe_payment_intent=f"pi_{reference}",
        paid_at=paid_at if status != Order.Status.PENDING else None,
    )
    for resource, a in amounts:
        OrderLine.objects.create(
            order=order,
            resource=resource,
            title=resource.title,
            seller=resource.authors.first(),
            price_cents=a.price_cents,
            commission_cents=a.commission_cents,
            seller_share_cents=a.seller_share_cents,
            member_price=a.member_price,
            refunded_cents=a.price_cents if resource in refunded else 0,
        )
    return order


def payout(order, seller, *, status=Payout.Status.PENDING, reversed_cents=0):
    amount = sum(
        line.seller_share_cents for line in order.lines.all() if line.seller_id == seller.pk
    )
    return Payout.objects.create(
        order=order,
        seller=seller,
        amount_cents=amount,
        status=status,
        reversed_cents=reversed_cents,
    )
