"""Fulfilment: a paid Checkout Session turns its order into a paid order — downloads granted,
institution licences started, membership extended, sellers' payouts created (and sent when their account can receive), the
receipt e-mailed. One function, idempotent and safe when two deliveries of the same event (or
two events of the same payment) arrive at once: the order row is locked and its status decides."""

from __future__ import annotations

import logging
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.tasks import enqueue_on_commit

from . import institution_licences, membership, refunds, stripe_gateway, tasks
from .models import CartItem, Entitlement, Order, OrderLine, Payout
from .refunds import object_id

logger = logging.getLogger(__name__)


class FulfilmentError(Exception):
    """This session can never fulfil this order (unknown order, another order's session, wrong
    amount or currency, not paid); retrying will not help."""


class UnknownOrder(FulfilmentError):
    pass


def session_reference(session: dict) -> str:
    """The order reference our checkout put in the session (client_reference_id, metadata)."""
    return session.get("client_reference_id") or (session.get("metadata") or {}).get("order") or ""


def session_tax(session: dict) -> int:
    """The taxes Stripe Tax added (BOUTIQUE_AUTOMATIC_TAX): GST/QST on top of our prices."""
    return int((session.get("total_details") or {}).get("amount_tax") or 0)


def _check_session(order: Order, session: dict) -> None:
    """The session must be this order's and carry exactly its amount: a forged or mistaken
    session never marks an order paid."""
    references = {
        session.get("client_reference_id"),
        (session.get("metadata") or {}).get("order"),
    } - {None, ""}
    if references != {order.reference}:
        raise FulfilmentError(
            f"session {session.get('id')!r} is for {sorted(references)!r}, not {order.reference}"
        )
    if session.get("payment_status") not in ("paid", "no_payment_required"):
        raise FulfilmentError(
            f"session {session.get('id')!r} is not paid ({session.get('payment_status')!r})"
        )
    tax = session_tax(session)
    subtotal = session.get("amount_subtotal", order.subtotal_cents)
    if (
        subtotal != order.subtotal_cents
        or session.get("amount_total") != order.subtotal_cents + tax
    ):
        raise FulfilmentError(
            f"session {session.get('id')!r} total {session.get('amount_total')!r} ≠ "
            f"order {order.reference} total {order.subtotal_cents} + tax {tax}"
        )
    if str(session.get("currency") or "").lower() != order.currency.lower():
        raise FulfilmentError(
            f"session {session.get('id')!r} currency {session.get('currency')!r} ≠ "
            f"order {order.reference} currency {order.currency}"
        )


def _charge_of(payment_intent: str) -> str:
    """The charge of the payment (the PaymentIntent's latest_charge), for the transfers'
    source_transaction; empty when Stripe cannot tell us now (the transfers then draw on the
    available balance)."""
    if not payment_intent:
        return ""
    try:
        return stripe_gateway.retrieve_payment_intent(payment_intent).get("latest_charge") or ""
    except stripe_gateway.GatewayError:
        logger.warning("PaymentIntent %s could not be read; no charge id", payment_intent)
        return ""


def _grant(order: Order, lines: list[OrderLine]) -> None:
    """One live entitlement per buyer and resource: one they already hold is kept as it is."""
    for line in lines:
        if line.kind != OrderLine.Kind.RESOURCE or line.resource_id is None:
            continue
        live = Entitlement.objects.live().filter(user=order.user, resource_id=line.resource_id)
        if live.exists():
            continue
        try:
            # The partial unique constraint settles a race with another grant (a free download
            # recorded at the same moment): that one stays, this one is not needed.
            with transaction.atomic():
                Entitlement.objects.create(
                    user=order.user, resource_id=line.resource_id, order_line=line
                )
        except IntegrityError:
            logger.info("User %s already holds resource %s", order.user_id, line.resource_id)


def _extend_membership(order: Order, lines: list[OrderLine]) -> None:
    paid_on = timezone.localdate(order.paid_at)
    for line in lines:
        if line.kind == OrderLine.Kind.MEMBERSHIP:
            membership.extend_membership(order.user, paid_on=paid_on)


def _create_payouts(order: Order, lines: list[OrderLine]) -> list[int]:
    """One payout per seller with the sum of their shares in this order."""
    shares: dict[int, int] = defaultdict(int)
    for line in lines:
        if line.seller_id is not None and line.seller_share_cents > 0:
            shares[line.seller_id] += line.seller_share_cents
    ids = []
    for seller_id, amount in sorted(shares.items()):
        payout, _created = Payout.objects.get_or_create(
            order=order, seller_id=seller_id, defaults={"amount_cents": amount}
        )
        ids.append(payout.pk)
    return ids


def fulfil_order(reference: str, *, session: dict) -> Order:
    """Mark the order paid from its paid Checkout Session and grant what it bought; an order
    already paid is returned unchanged. Raises FulfilmentError (nothing recorded) when the
    session does not match the order."""
    order = Order.objects.select_for_update().filter(reference=reference).first()
    if order is None:
        raise UnknownOrder(f"no order {reference!r}")
    if order.is_paid:
        return order
    _check_session(order, session)

    payment_intent = object_id(session.get("payment_intent"))
    order.status = Order.Status.PAID
    order.paid_at = timezone.now()
    order.stripe_session_id = order.stripe_session_id or session.get("id")
    order.stripe_payment_intent = payment_intent or order.stripe_payment_intent
    order.stripe_charge = order.stripe_charge or _charge_of(payment_intent)
    # The tax lines of the order page: what Stripe Tax computed, the sellers' shares unchanged.
    order.tax_cents = session_tax(session)
    order.total_cents = order.subtotal_cents + order.tax_cents
    order.save(
        update_fields=[
            "tax_cents",
            "total_cents",
            "status",
            "paid_at",
            "stripe_session_id",
            "stripe_payment_intent",
            "stripe_charge",
        ]
    )
    if order.refunded_cents >= order.total_cents > 0:
        # Stripe told us of a full refund before the payment itself: grant nothing.
        refunds.refund_before_payment(order)
        return order

    lines = list(order.lines.order_by("pk"))
    if order.user_id is not None:
        _grant(order, lines)
        _extend_membership(order, lines)
        CartItem.objects.filter(
            user_id=order.user_id,
            resource_id__in=[
                line.resource_id
                for line in lines
                if line.resource_id and line.kind == OrderLine.Kind.RESOURCE
            ],
        ).delete()
    else:
        logger.error("Order %s has no buyer account: nothing granted", order.reference)
    # Licences whatever the buyer's account: they belong to the institution.
    institution_licences.grant(lines, order.paid_at)
    payout_ids = _create_payouts(order, lines)
    enqueue_on_commit(tasks.send_receipt, order.pk)

    if order.refunded_cents:
        # Part of it was refunded before the payment event came: apply it now, before any
        # transfer goes out (pending payouts are reduced, refunded lines revoked).
        already_refunded, order.refunded_cents = order.refunded_cents, 0
        refunds.settle(order, already_refunded)

    enqueue_on_commit(tasks.transfer_payouts, payout_ids)
    return order


# Atomic, as if decorated: written here because mutation testing (`make mutation`, mutmut)
# leaves decorated functions out.
fulfil_order = transaction.atomic(fulfil_order)


def mark_failed(reference: str) -> Order:
    """The payment failed (a delayed payment method was refused): a pending order becomes failed,
    nothing is granted, the buyer is told. A paid order is never marked failed."""
    order = Order.objects.select_for_update().filter(reference=reference).first()
    if order is None:
        raise UnknownOrder(f"no order {reference!r}")
    if order.status != Order.Status.PENDING:
        return order
    order.status = Order.Status.FAILED
    order.save(update_fields=["status"])
    enqueue_on_commit(tasks.send_payment_failed, order.pk)
    return order


# Atomic, as if decorated: written here because mutation testing (`make mutation`, mutmut)
# leaves decorated functions out.
mark_failed = transaction.atomic(mark_failed)
