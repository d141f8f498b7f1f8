"""Checkout: the cart becomes a pending Order, then a Stripe Checkout Session (or, without Stripe
keys outside production, a demonstration session: boutique/demo_payments.py).

Every amount is read again from the database here (boutique/pricing.py): nothing the browser sends
is trusted. The order is written in one transaction before Stripe is called, so that a session
always points at an existing order; nothing is granted here — the `checkout.session.completed`
webhook (boutique/fulfilment.py) does that once Stripe confirms the payment."""

import datetime
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.i18n import current_language

from . import cart as carts
from . import demo_payments, institution_licences, pricing, stripe_gateway
from .models import Order, OrderLine

logger = logging.getLogger(__name__)

# A pending order with the same lines is reused for this long (a second click, a back button),
# and so is one whose checkout failed to reach Stripe (a retry): one order and one Stripe session
# rather than several.
REUSE_MINUTES = 30


class CheckoutError(Exception):
    """Checkout cannot go on; `message` is for the buyer, `status` the HTTP answer."""

    status = 400

    def __init__(self, message: str, order: Order | None = None):
        super().__init__(message)
        self.message = message
        self.order = order


class NotConfigured(CheckoutError):
    status = 503


class EmptyCart(CheckoutError):
    status = 400


class PaymentUnavailable(CheckoutError):
    """Stripe refused or could not be reached: the order is marked failed, nothing was charged."""

    status = 502


@dataclass(frozen=True)
class PlannedLine:
    """An order line before it is written."""

    kind: str
    resource: object
    title: str
    seller: object
    amounts: pricing.LineAmounts
    institution: object = None  # institution licences only

    @property
    def signature(self) -> tuple:
        return (
            self.kind,
            self.resource.pk if self.resource else None,
            self.institution.pk if self.institution else None,
            self.amounts.price_cents,
        )


def not_configured_message() -> str:
    # Production without Stripe keys: said plainly, for visitors (no configuration words).
    return _("Online purchases are not open yet.")


class Mode:
    """How the cart is paid: Stripe Checkout, the demonstration page, or not at all yet."""

    STRIPE = "stripe"
    DEMO = "demo"
    CLOSED = "closed"


def payment_mode() -> str:
    if stripe_gateway.is_configured():
        return Mode.STRIPE
    return Mode.DEMO if demo_payments.is_active() else Mode.CLOSED


def _gateway():
    """Who stands on the other side of the checkout: Stripe, or the demonstration (same calls)."""
    return demo_payments if payment_mode() == Mode.DEMO else stripe_gateway


def status_label(status: str) -> str:
    """An order's status in words, for its buyer."""
    # A context of their own: "Paid" is also a price filter (« Payant ») in the search.
    return {
        Order.Status.PENDING: pgettext("order status", "Payment pending"),
        Order.Status.PAID: pgettext("order status", "Paid"),
        Order.Status.FAILED: pgettext("order status", "Payment failed"),
        Order.Status.REFUNDED: pgettext("order status", "Refunded"),
        Order.Status.PARTIALLY_REFUNDED: pgettext("order status", "Partially refunded"),
    }.get(status, status)


def seller_of(resource):
    """Who is paid for a resource: its owner when they are among its authors, else its first
    author (by id); None when no author has an account."""
    authors = sorted(resource.authors.all(), key=lambda author: author.pk)
    for author in authors:
        if author.pk == resource.owner_id:
            return author
    return authors[0] if authors else None


def membership_title() -> str:
    return _("APOP individual membership (one year)")


def plan_lines(request) -> list[PlannedLine]:
    """The order lines of the buyer's cart, priced now from the database."""
    cart = carts.cart_for(request)
    user = request.user
    lines = [
        PlannedLine(
            OrderLine.Kind.RESOURCE,
            line.resource,
            line.resource.title,
            seller_of(line.resource),
            pricing.resource_line(line.resource, user),
        )
        for line in cart.lines
    ]
    lines += [
        PlannedLine(
            OrderLine.Kind.INSTITUTION,
            line.resource,
            institution_licences.line_title(line.resource, line.institution),
            seller_of(line.resource),
            pricing.institution_line(line.price_cents),
            line.institution,
        )
        for line in cart.licences
    ]
    if cart.membership:
        lines.append(
            PlannedLine(
                OrderLine.Kind.MEMBERSHIP,
                None,
                membership_title(),
                None,
                pricing.membership_line(cart.membership_price_cents),
            )
        )
    return lines


def reference_for(order: Order) -> str:
    """APOP-2026-000123: the year the order was made in Quebec and its number."""
    year = timezone.localdate(order.created_at, timezone.get_default_timezone()).year
    return f"APOP-{year}-{order.pk:06d}"


def _reusable_order(user, planned: list[PlannedLine]) -> Order | None:
    """A recent order of this user with exactly these lines (same resources, same prices), or
    None: a pending one with its Stripe session, or one whose checkout never reached Stripe
    (failed without a session, in the same language: Stripe gets the very same request again)."""
    since = timezone.now() - datetime.timedelta(minutes=REUSE_MINUTES)
    wanted = sorted((line.signature for line in planned), key=repr)
    candidates = (
        Order.objects.filter(user=user, created_at__gte=since)
        .filter(
            Q(status=Order.Status.PENDING, stripe_session_id__isnull=False)
            | Q(
                status=Order.Status.FAILED,
                stripe_session_id__isnull=True,
                language=current_language(),
            )
        )
        .prefetch_related("lines")
        .order_by("-created_at")
    )
    for order in candidates:
        lines = sorted(
            (
                (line.kind, line.resource_id, line.institution_id, line.price_cents)
                for line in order.lines.all()
            ),
            key=repr,
        )
        if lines == wanted:
            return order
    return None


def _create_order(request, planned: list[PlannedLine]) -> Order:
    user = request.user
    subtotal = sum(line.amounts.price_cents for line in planned)
    order = Order.objects.create(
        # A placeholder until the number exists; replaced in the same transaction.
        reference=f"tmp-{uuid.uuid4().hex[:16]}",
        user=user,
        email=user.email,
        status=Order.Status.PENDING,
        currency=settings.BOUTIQUE_CURRENCY,
        subtotal_cents=subtotal,
        tax_cents=0,
        total_cents=subtotal,
        language=current_language(),
    )
    order.reference = reference_for(order)
    order.save(update_fields=["reference"])
    OrderLine.objects.bulk_create(
        OrderLine(
            order=order,
            kind=line.kind,
            resource=line.resource,
            title=line.title[:255],
            seller=line.seller,
            institution=line.institution,
            price_cents=line.amounts.price_cents,
            commission_cents=line.amounts.commission_cents,
            seller_share_cents=line.amounts.seller_share_cents,
            member_price=line.amounts.member_price,
        )
        for line in planned
    )
    return order


def _unreachable() -> PaymentUnavailable:
    return PaymentUnavailable(
        _(
            "The payment service could not be reached. Nothing was charged; "
            "please try again in a few minutes."
        )
    )


def _reuse_url(request, order: Order) -> str:
    """Where to send the buyer for a reused order: its open Checkout Session; the order page
    when that session is already paid (the webhook is on its way); empty when it expired (a new
    order follows). Raises PaymentUnavailable when Stripe cannot tell (the order stays as it is:
    no second order while Stripe is down)."""
    try:
        session = _gateway().retrieve_checkout_session(order.stripe_session_id)
    except stripe_gateway.GatewayError as error:
        logger.warning("checkout: session of %s unreadable: %s", order.reference, error)
        raise _unreachable() from error
    if session.get("status") == "complete":
        return order_url(request, order) + "?paiement=retour"
    if session.get("status") == "open" and session.get("url"):
        return session["url"]
    return ""


def order_url(request, order: Order) -> str:
    return request.build_absolute_uri(reverse("boutique:order", args=[order.reference]))


def start_checkout(request) -> tuple[Order, str]:
    """Turn the signed-in buyer's cart into a pending order and a Stripe Checkout Session;
    returns (order, the URL to send the buyer to). Raises NotConfigured (no order is made),
    EmptyCart, or PaymentUnavailable (the order is marked failed)."""
    if payment_mode() == Mode.CLOSED:
        raise NotConfigured(not_configured_message())
    gateway = _gateway()
    user = request.user
    with transaction.atomic():
        # One checkout at a time per buyer: two clicks cannot make two orders.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        planned = plan_lines(request)
        if not planned:
            raise EmptyCart(_("Your cart is empty."))
        order = _reusable_order(user, planned)
        if order is not None and order.stripe_session_id:
            if url := _reuse_url(request, order):
                return order, url
            order = None
        if order is not None:
            # Stripe could not be reached last time: the same order tries again, under the same
            # reference and idempotency key (a session Stripe made while we timed out is the one
            # it returns), rather than a second order for the same cart.
            order.status = Order.Status.PENDING
            order.save(update_fields=["status"])
        else:
            order = _create_order(request, planned)

    lines = list(order.lines.order_by("pk"))
    cart_url = request.build_absolute_uri(reverse("boutique:cart"))
    try:
        session = gateway.create_checkout_session(
            reference=order.reference,
            lines=[stripe_gateway.CheckoutLine(line.title, line.price_cents) for line in lines],
            email=order.email,
            locale=order.language,
            success_url=f"{order_url(request, order)}?paiement=retour",
            cancel_url=f"{cart_url}?paiement=annule",
            automatic_tax=settings.BOUTIQUE_AUTOMATIC_TAX,
        )
    except stripe_gateway.GatewayError as error:
        logger.error("checkout: Stripe refused %s: %s", order.reference, error)
        Order.objects.filter(pk=order.pk, status=Order.Status.PENDING).update(
            status=Order.Status.FAILED
        )
        order.status = Order.Status.FAILED
        unavailable = _unreachable()
        unavailable.order = order
        raise unavailable from error
    order.stripe_session_id = session.id
    order.stripe_payment_intent = session.payment_intent
    order.save(update_fields=["stripe_session_id", "stripe_payment_intent"])
    return order, session.url
