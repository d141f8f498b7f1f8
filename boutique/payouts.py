"""Sellers' shares: one Payout per seller and order, sent as one Stripe transfer once the seller's
connected account can receive money (payouts_enabled), pending until then."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from . import stripe_gateway
from .models import Payout, SellerAccount

logger = logging.getLogger(__name__)


def _account(seller) -> SellerAccount | None:
    if seller is None:
        return None
    return SellerAccount.objects.filter(user=seller).first()


def transfer(payout: Payout) -> Payout:
    """Send a pending payout to the seller's connected account, when it can receive. On a Stripe
    failure the payout stays pending (logged) and a later release tries again.

    The row lock and the status make a second call a no-op; the idempotency key
    (`payout-<pk>`) makes Stripe answer a retried request with the same transfer, never a
    second one."""
    with transaction.atomic():
        payout = Payout.objects.select_for_update().select_related("order").get(pk=payout.pk)
        if payout.status != Payout.Status.PENDING or payout.amount_cents <= 0:
            return payout
        account = _account(payout.seller)
        if account is None or not account.can_receive:
            return payout
        try:
            transfer_id = stripe_gateway.create_transfer(
                amount_cents=payout.amount_cents,
                destination=account.stripe_account_id,
                transfer_group=payout.order.reference,
                source_transaction=payout.order.stripe_charge,
                key=f"payout-{payout.pk}",
            )
        except stripe_gateway.GatewayError:
            logger.exception(
                "Transfer of payout %s (order %s) failed; it stays pending",
                payout.pk,
                payout.order.reference,
            )
            return payout
        payout.status = Payout.Status.TRANSFERRED
        payout.stripe_transfer_id = transfer_id
        payout.transferred_at = timezone.now()
        payout.save(update_fields=["status", "stripe_transfer_id", "transferred_at"])
    return payout


def transfer_all(payout_ids) -> list[int]:
    """Each payout's transfer on its own (one failure does not stop the rest); returns the ids
    Stripe did not take, to try again (those waiting for their seller's account are not)."""
    failed = []
    for payout in Payout.objects.filter(pk__in=list(payout_ids)).order_by("pk"):
        payout = transfer(payout)
        if payout.status != Payout.Status.PENDING or payout.amount_cents <= 0:
            continue
        account = _account(payout.seller)
        if account is not None and account.can_receive:
            failed.append(payout.pk)
    return failed


def release_pending(seller) -> list[Payout]:
    """Transfer the seller's pending payouts, oldest first, once their account can receive;
    returns those transferred now. Safe to call again: transferred payouts are skipped."""
    account = _account(seller)
    if account is None or not account.can_receive:
        return []
    pending = Payout.objects.filter(
        seller=seller, status=Payout.Status.PENDING, amount_cents__gt=0
    ).order_by("created_at", "pk")
    done = []
    for payout in pending:
        payout = transfer(payout)
        if payout.status == Payout.Status.TRANSFERRED:
            done.append(payout)
    return done


def release_all() -> int:
    """Every pending payout whose seller can receive it (`manage.py release_payouts`: the net
    under failed transfers); how many went out now."""
    sellers = (
        Payout.objects.filter(status=Payout.Status.PENDING, amount_cents__gt=0)
        .exclude(seller=None)
        .values_list("seller", flat=True)
        .distinct()
    )
    sent = 0
    for account in SellerAccount.objects.filter(user__in=list(sellers)).select_related("user"):
        sent += len(release_pending(account.user))
    return sent
