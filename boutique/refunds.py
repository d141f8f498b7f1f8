"""Refunds: staff ask Stripe for one (`refund`), and the `charge.refunded` event applies what
Stripe actually gave back (`apply_charge_refunded`) — also for refunds made in Stripe's
dashboard. Applying means: the refunded amount allocated to the order's lines, downloads and
institution licences of fully refunded lines revoked, the sellers' shares taken back in proportion (transfer reversals, or a
smaller pending payout), the order's status, and an e-mail to the buyer.

Allocation, from the Refund rows and the charge's `amount_refunded` (so a replayed event, or
events in any order, give the same result): the refunds our admin made for one line go to that
line first; the rest (whole-order refunds, dashboard refunds) goes to the lines in order, each up
to its price; what is left over is taxes. A line never has less refunded than before."""

from __future__ import annotations

import logging
from collections import defaultdict

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from core.tasks import enqueue_on_commit

from . import institution_licences, stripe_gateway, tasks
from .models import Entitlement, Order, OrderLine, Payout, Refund

logger = logging.getLogger(__name__)

DASHBOARD_REASON = "Refunded in Stripe's dashboard"


def object_id(value) -> str:
    """An expandable field of a Stripe object: an id, an expanded object, or nothing."""
    if not value:
        return ""
    return value if isinstance(value, str) else value.get("id", "")


class RefundError(Exception):
    """A refund staff cannot make; the message is for them, in their language."""


class UnknownCharge(Exception):
    """A refunded charge that belongs to none of our orders."""


# --- Asking for a refund (staff) ---------------------------------------------------------------


def _requested_cents(order: Order) -> int:
    return order.refunds.aggregate(total=Sum("amount_cents"))["total"] or 0


def _line_claims(order: Order) -> dict[int, int]:
    """Cents our admin refunded per line (Refund rows with a line)."""
    rows = (
        order.refunds.filter(line__isnull=False)
        .values("line_id")
        .annotate(total=Sum("amount_cents"))
    )
    return {row["line_id"]: row["total"] for row in rows}


def refund(order: Order, *, line: OrderLine | None = None, by=None, reason: str = "") -> Refund:
    """Ask Stripe to refund one line (its unrefunded price) or the whole order (its unrefunded
    total). Nothing is revoked here: the `charge.refunded` event applies it. The order stays
    locked during the Stripe call, so that event waits for this Refund row and gives the money
    to the right line."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.status not in Order.REFUNDABLE_STATUSES:
            raise RefundError(_("Only a paid order can be refunded."))
        if not order.stripe_payment_intent:
            raise RefundError(_("This order has no Stripe payment to refund."))
        requested = max(order.refunded_cents, _requested_cents(order))
        left_on_order = order.total_cents - requested
        if line is not None:
            line = order.lines.filter(pk=line.pk).first()
            if line is None:
                raise RefundError(_("This line is not part of the order."))
            claimed = max(line.refunded_cents, _line_claims(order).get(line.pk, 0))
            amount = min(line.price_cents - claimed, left_on_order)
        else:
            amount = left_on_order
        if amount <= 0:
            raise RefundError(_("Nothing is left to refund."))
        target = f"line{line.pk}" if line is not None else "order"
        try:
            refund_id = stripe_gateway.create_refund(
                payment_intent=order.stripe_payment_intent,
                amount_cents=amount,
                reference=order.reference,
                # Same request, same key: a double click cannot refund twice.
                key=f"refund-{order.reference}-{target}-{requested}-{amount}",
                line_id=line.pk if line is not None else None,
            )
        except stripe_gateway.GatewayError as error:
            logger.exception("Refund of order %s failed", order.reference)
            raise RefundError(
                _("Stripe did not make the refund. Try again in a few minutes.")
            ) from error
        return Refund.objects.create(
            order=order,
            line=line,
            amount_cents=amount,
            stripe_refund_id=refund_id,
            reason=reason[:255],
            created_by=by,
        )


# --- Applying what Stripe refunded ---------------------------------------------------------------


def _find_order(charge: dict) -> Order | None:
    """The order of a charge, locked: by payment intent, then charge id, then the reference our
    checkout put in the PaymentIntent's metadata and transfer_group."""
    orders = Order.objects.select_for_update()
    payment_intent = object_id(charge.get("payment_intent"))
    if payment_intent:
        order = orders.filter(stripe_payment_intent=payment_intent).first()
        if order is not None:
            return order
    if charge.get("id"):
        order = orders.filter(stripe_charge=charge["id"]).first()
        if order is not None:
            return order
    reference = (charge.get("metadata") or {}).get("order") or charge.get("transfer_group")
    if not reference:
        return None
    order = orders.filter(reference=reference).first()
    if (
        order is not None
        and payment_intent
        and order.stripe_payment_intent
        not in (
            "",
            payment_intent,
        )
    ):
        logger.error("Charge %s names order %s of another payment", charge.get("id"), reference)
        return None
    return order


def _record_unrequested(order: Order, refunded_cents: int, charge: dict) -> None:
    """A Refund row for money given back outside our admin (Stripe's dashboard), so that the
    order's refunds add up to what Stripe refunded."""
    missing = refunded_cents - _requested_cents(order)
    if missing <= 0:
        return
    known = set(
        order.refunds.exclude(stripe_refund_id=None).values_list("stripe_refund_id", flat=True)
    )
    listed = ((charge.get("refunds") or {}).get("data")) or []
    new_ids = [item.get("id") for item in listed if item.get("id") and item["id"] not in known]
    Refund.objects.create(
        order=order,
        amount_cents=missing,
        stripe_refund_id=new_ids[0] if len(new_ids) == 1 else None,
        reason=DASHBOARD_REASON,
    )


def _line_targets(lines: list[OrderLine], claims: dict[int, int], refunded: int) -> dict[int, int]:
    """How much of `refunded` each line carries (see the module's docstring)."""
    targets = {}
    remaining = refunded
    for line in lines:
        take = min(claims.get(line.pk, 0), line.price_cents, remaining)
        targets[line.pk] = take
        remaining -= take
    for line in lines:
        take = min(line.price_cents - targets[line.pk], remaining)
        targets[line.pk] += take
        remaining -= take
    return {line.pk: max(targets[line.pk], line.refunded_cents) for line in lines}


def _seller_part(line: OrderLine, refunded_cents: int) -> int:
    """The seller's share of what is refunded on a line, in proportion; all of it once the line
    is refunded in full (cumulative, so rounding never leaves a cent behind)."""
    if not line.price_cents:
        return 0
    return line.seller_share_cents * min(refunded_cents, line.price_cents) // line.price_cents


def _take_back(order: Order, per_seller: dict[int, int]) -> None:
    """Reverse the sellers' transfers by their refunded share, or reduce a payout not sent yet."""
    for seller_id, cents in sorted(per_seller.items()):
        if cents <= 0:
            continue
        payout = Payout.objects.select_for_update().filter(order=order, seller_id=seller_id).first()
        if payout is None:
            continue
        if payout.status == Payout.Status.PENDING:
            payout.amount_cents -= min(cents, payout.amount_cents)
            if payout.amount_cents == 0:
                payout.status = Payout.Status.REVERSED  # nothing left to send
            payout.save(update_fields=["amount_cents", "status"])
        elif payout.status == Payout.Status.TRANSFERRED:
            amount = min(cents, payout.amount_cents - payout.reversed_cents)
            if amount <= 0:
                continue
            # A Stripe failure raises: the event answers 500, Stripe retries, and the same key
            # (the reversed total after this one) never reverses twice.
            stripe_gateway.reverse_transfer(
                transfer_id=payout.stripe_transfer_id,
                amount_cents=amount,
                key=f"reversal-{payout.pk}-{payout.reversed_cents + amount}",
            )
            payout.reversed_cents += amount
            if payout.reversed_cents >= payout.amount_cents:
                payout.status = Payout.Status.REVERSED
            payout.save(update_fields=["reversed_cents", "status"])


def settle(order: Order, refunded_cents: int) -> list[int]:
    """Bring a paid order (locked by the caller) to `refunded_cents` refunded in all: lines,
    entitlements, payouts, status, e-mail. Returns the ids of the lines that changed; nothing
    happens when that much was already applied."""
    refunded_cents = min(refunded_cents, order.total_cents)
    newly = refunded_cents - order.refunded_cents
    if newly <= 0:
        return []
    lines = list(OrderLine.objects.select_for_update().filter(order=order).order_by("pk"))
    targets = _line_targets(lines, _line_claims(order), refunded_cents)
    now = timezone.now()
    per_seller: dict[int, int] = defaultdict(int)
    changed = []
    for line in lines:
        before = line.refunded_cents
        if targets[line.pk] == before:
            continue
        line.refunded_cents = targets[line.pk]
        line.save(update_fields=["refunded_cents"])
        changed.append(line.pk)
        if line.seller_id is not None:
            per_seller[line.seller_id] += _seller_part(line, line.refunded_cents) - _seller_part(
                line, before
            )
        if line.is_refunded:
            Entitlement.objects.live().filter(order_line=line).update(revoked_at=now)
            institution_licences.revoke(line, now)
    _take_back(order, per_seller)
    order.refunded_cents = refunded_cents
    order.status = (
        Order.Status.REFUNDED
        if refunded_cents >= order.total_cents
        else Order.Status.PARTIALLY_REFUNDED
    )
    order.save(update_fields=["refunded_cents", "status"])
    enqueue_on_commit(tasks.send_refund, order.pk, newly, changed)
    return changed


def apply_charge_refunded(charge: dict) -> Order:
    """Apply a `charge.refunded` event. Idempotent: only what `amount_refunded` adds to what the
    order already has refunded is applied. For an order not paid yet (events out of order) the
    amount is recorded on the order, and fulfilment later grants nothing of it."""
    order = _find_order(charge)
    if order is None:
        raise UnknownCharge(f"no order for charge {charge.get('id')!r}")
    refunded = min(int(charge.get("amount_refunded") or 0), order.total_cents)
    if refunded <= order.refunded_cents:
        return order
    _record_unrequested(order, refunded, charge)
    if not order.is_paid:
        order.refunded_cents = refunded
        order.stripe_payment_intent = order.stripe_payment_intent or object_id(
            charge.get("payment_intent")
        )
        order.stripe_charge = order.stripe_charge or charge.get("id", "")
        order.save(update_fields=["refunded_cents", "stripe_payment_intent", "stripe_charge"])
        return order
    settle(order, refunded)
    return order


# Atomic, as if decorated: written here because mutation testing (`make mutation`, mutmut)
# leaves decorated functions out.
apply_charge_refunded = transaction.atomic(apply_charge_refunded)


def refund_before_payment(order: Order) -> None:
    """Fulfilment of an order whose payment was refunded in full before the payment event came:
    paid and refunded at once, nothing granted, every line refunded."""
    OrderLine.objects.filter(order=order).update(refunded_cents=F("price_cents"))
    order.status = Order.Status.REFUNDED
    order.save(update_fields=["status"])
    line_ids = list(order.lines.values_list("pk", flat=True))
    enqueue_on_commit(tasks.send_refund, order.pk, order.refunded_cents, line_ids)
