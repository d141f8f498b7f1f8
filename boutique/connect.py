"""Sellers' Stripe Connect Express accounts: created once per member, onboarded through Stripe's
hosted Account Links, and kept in sync with Stripe's flags (from the return page and from the
`account.updated` webhook). Payouts wait as "pending" until the account can receive them."""

from __future__ import annotations

import logging
from enum import StrEnum

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts import roles

from . import payouts, stripe_gateway
from .models import OrderLine, SellerAccount

logger = logging.getLogger(__name__)

FLAGS = ("charges_enabled", "payouts_enabled", "details_submitted")


class Status(StrEnum):
    NOT_CONNECTED = "not_connected"
    ONBOARDING = "onboarding"
    READY = "ready"


def account_of(user) -> SellerAccount | None:
    return SellerAccount.objects.filter(user=user).first()


def status_of(account: SellerAccount | None) -> Status:
    """Not connected (no account yet), onboarding to finish, or ready to receive payouts."""
    if account is None:
        return Status.NOT_CONNECTED
    return Status.READY if account.can_receive else Status.ONBOARDING


def has_sales(user) -> bool:
    return OrderLine.objects.filter(seller=user).exists()


def may_sell(user) -> bool:
    """Members sell; a former member who still has sales may connect an account to receive
    what is owed to them."""
    return roles.is_member(user) or has_sales(user)


def ensure_account(user) -> SellerAccount:
    """The user's Express account, created at Stripe the first time only. The user's row is
    locked so that two clicks make one account; the idempotency key makes a retried request
    return the same Stripe account. Raises GatewayError."""
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).get()
        account = SellerAccount.objects.filter(user=user).first()
        if account is not None:
            return account
        account_id = stripe_gateway.create_express_account(
            email=user.email, key=f"seller-{user.pk}"
        )
        return SellerAccount.objects.create(user=user, stripe_account_id=account_id)


def onboarding_link(account: SellerAccount, *, refresh_url: str, return_url: str) -> str:
    """A fresh Account Link (they expire after a few minutes and work once). Raises
    GatewayError."""
    return stripe_gateway.create_account_link(
        account_id=account.stripe_account_id, refresh_url=refresh_url, return_url=return_url
    )


def sync_account(account_id: str, flags: dict) -> SellerAccount | None:
    """Store Stripe's charges_enabled / payouts_enabled / details_submitted for a connected
    account; None when the account is not one of ours. A flag missing from `flags` keeps its
    stored value."""
    with transaction.atomic():
        account = (
            SellerAccount.objects.select_for_update().filter(stripe_account_id=account_id).first()
        )
        if account is None:
            logger.info("Stripe account %s is not a seller account of ours", account_id)
            return None
        changed = []
        for name in FLAGS:
            if name in flags and bool(flags[name]) != getattr(account, name):
                setattr(account, name, bool(flags[name]))
                changed.append(name)
        if changed:
            account.save(update_fields=[*changed, "updated_at"])
    return account


def refresh_from_stripe(account: SellerAccount) -> SellerAccount:
    """Read the account at Stripe, store its flags, and release the seller's pending payouts
    when it can receive them. Raises GatewayError when Stripe cannot be read."""
    flags = stripe_gateway.retrieve_account(account.stripe_account_id)
    account = sync_account(account.stripe_account_id, flags) or account
    if account.can_receive:
        release_pending(account.user)
    return account


def release_pending(user) -> list:
    """Transfer the seller's pending payouts (boutique.payouts). A failure there leaves them
    pending: the next `account.updated` event or return from Stripe tries again."""

    try:
        return payouts.release_pending(user)
    except stripe_gateway.GatewayError:
        logger.exception("Releasing the pending payouts of user %s failed", user.pk)
        return []
