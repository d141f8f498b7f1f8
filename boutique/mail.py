"""The boutique's e-mails to buyers: the receipt, a failed payment, a refund. Each is rendered in
the buyer's language (text + HTML on templates/email/base.html) and sent after the commit of the
change it reports, by a task (boutique/tasks.py) that the service which made the change
(fulfilment, refunds) enqueues: a failure to send is raised, and the task tries again later."""

from __future__ import annotations

import logging

from django.urls import reverse
from django.utils import timezone, translation

from core.formats import long_date
from core.i18n import language_of
from core.mail import send_email, site_root

from .models import Order, OrderLine

logger = logging.getLogger(__name__)


def _recipient(order: Order) -> str:
    return (order.user.email if order.user_id else "") or order.email


def order_path(order: Order, language: str) -> str:
    """/fr/commandes/<reference>/ or /en/orders/<reference>/ (boutique:order), the buyer's
    order page."""
    with translation.override(language):
        return reverse("boutique:order", args=[order.reference])


def _send(order: Order, template: str, context: dict) -> bool:
    """Render `boutique/email/<template>*` in the buyer's language (their account's, else the one
    they ordered in) and send it; False when the order has nobody to write to."""
    to = _recipient(order)
    if not to:
        logger.warning("Order %s has no e-mail address: %s not sent", order.reference, template)
        return False
    language = language_of(order.user if order.user_id else None, fallback=order.language)
    with translation.override(language):
        paid_on = long_date(timezone.localtime(order.paid_at)) if order.paid_at else ""
    context = {
        **context,
        "order": order,
        "user": order.user,
        "order_url": site_root() + order_path(order, language),
        "paid_on": paid_on,
    }
    send_email(f"boutique/email/{template}", context, to=[to], language=language)
    return True


def send_receipt(order_id: int) -> bool:
    """The receipt of a paid order, once: receipt_sent_at is claimed before sending, so that two
    fulfilments of the same order (a replayed event) never send two receipts. When sending
    fails (SMTP down) the claim is freed and the error raised: its task tries again later."""
    claimed = Order.objects.filter(pk=order_id, receipt_sent_at__isnull=True).update(
        receipt_sent_at=timezone.now()
    )
    if not claimed:
        return False
    order = Order.objects.select_related("user").get(pk=order_id)
    lines = list(order.lines.order_by("pk"))
    try:
        return _send(order, "receipt", {"lines": lines})
    except Exception:
        # Free the claim so that the retry sends it; the order itself stays paid.
        Order.objects.filter(pk=order_id).update(receipt_sent_at=None)
        logger.warning("Receipt of order %s could not be sent", order.reference)
        raise


def send_payment_failed(order_id: int) -> bool:
    """The payment of an order failed (a delayed payment method was refused): nothing is granted.
    A sending failure is raised (its task tries again later)."""
    order = Order.objects.select_related("user").get(pk=order_id)
    return _send(order, "payment_failed", {"lines": list(order.lines.order_by("pk"))})


def send_refund(order_id: int, amount_cents: int, line_ids=()) -> bool:
    """Money given back: how much, for which lines (those refunded in full lose their download).
    A sending failure is raised (its task tries again later)."""
    order = Order.objects.select_related("user").get(pk=order_id)
    lines = list(OrderLine.objects.filter(order=order, pk__in=list(line_ids)).order_by("pk"))
    return _send(
        order,
        "refund",
        {
            "amount_cents": amount_cents,
            "refunded_lines": lines,
            "revoked": [line for line in lines if line.is_refunded and line.resource_id],
        },
    )
