"""The boutique's part of Law 25: what a person's data export says about their purchases and
sales, and what closing an account does to their orders (accounts/privacy.py calls both)."""

from django.db.models import Prefetch
from django.utils import timezone

from .models import CartItem, Entitlement, Order, OrderLine, Payout, SellerAccount


def _when(value):
    # Local time, as in the rest of the export (accounts/privacy.py).
    return timezone.localtime(value).isoformat() if value else None


def purchases(user) -> list[dict]:
    """One entry per order, with its lines and refunds (three queries whatever their number)."""
    orders = (
        Order.objects.filter(user=user)
        .prefetch_related(Prefetch("lines", queryset=OrderLine.objects.order_by("pk")), "refunds")
        .order_by("created_at", "pk")
    )
    return [
        {
            "reference": order.reference,
            "status": order.status,
            "created_at": _when(order.created_at),
            "paid_at": _when(order.paid_at),
            "currency": order.currency,
            "subtotal_cents": order.subtotal_cents,
            "tax_cents": order.tax_cents,
            "total_cents": order.total_cents,
            "refunded_cents": order.refunded_cents,
            "lines": [
                {
                    "kind": line.kind,
                    "title": line.title,
                    "price_cents": line.price_cents,
                    "member_price": line.member_price,
                    "refunded_cents": line.refunded_cents,
                }
                for line in order.lines.all()
            ],
            "refunds": [
                {"amount_cents": refund.amount_cents, "created_at": _when(refund.created_at)}
                for refund in order.refunds.all()
            ],
        }
        for order in orders
    ]


def sales(user) -> dict:
    account = SellerAccount.objects.filter(user=user).first()
    return {
        "stripe_account_id": account.stripe_account_id if account else None,
        "payouts": [
            {
                "order": payout.order.reference,
                "amount_cents": payout.amount_cents,
                "reversed_cents": payout.reversed_cents,
                "status": payout.status,
                "transferred_at": _when(payout.transferred_at),
            }
            for payout in Payout.objects.filter(seller=user)
            .select_related("order")
            .order_by("created_at", "pk")
        ],
    }


def anonymise_orders(user) -> None:
    """Orders and payouts stay for the accounts (six years, tax law), linked to the emptied
    tombstone of the account but without the buyer's e-mail; the cart and the download rights
    go with the person."""
    Order.objects.filter(user=user).update(email="")
    CartItem.objects.filter(user=user).delete()
    Entitlement.objects.filter(user=user).delete()
