"""The boutique's records: carts, orders and their lines, entitlements, Stripe events, sellers'
connected accounts, payouts (transfers to sellers) and refunds. Money is in integer cents (CAD).
Business rules live in the service modules (pricing, cart, checkout, fulfilment, refunds…)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CartItem(models.Model):
    """A resource in a signed-in user's cart (visitors' carts live in their session)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cart_items"
    )
    resource = models.ForeignKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cart item")
        verbose_name_plural = _("cart items")
        constraints = [
            models.UniqueConstraint(fields=["user", "resource"], name="boutique_cart_one_line")
        ]


# The Checkout Session ids of demonstration payments (boutique/demo_payments.py).
DEMO_SESSION_PREFIX = "cs_demo_"


class Order(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        PAID = "paid", _("paid")
        FAILED = "failed", _("payment failed")
        REFUNDED = "refunded", _("refunded")
        PARTIALLY_REFUNDED = "partially_refunded", _("partially refunded")

    # The money was taken: refunded orders stay paid ones (in the sales figures, with their
    # refunds; a replayed payment event must not fulfil them again). The others are pending or
    # failed, never paid yet.
    PAID_STATUSES = (Status.PAID, Status.PARTIALLY_REFUNDED, Status.REFUNDED)
    # Paid, with money left to give back.
    REFUNDABLE_STATUSES = (Status.PAID, Status.PARTIALLY_REFUNDED)

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="orders",
        verbose_name=_("buyer"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    currency = models.CharField(max_length=3, default=settings.BOUTIQUE_CURRENCY)
    subtotal_cents = models.PositiveIntegerField(_("subtotal (cents)"), default=0)
    tax_cents = models.PositiveIntegerField(_("taxes (cents)"), default=0)
    total_cents = models.PositiveIntegerField(_("total (cents)"), default=0)
    refunded_cents = models.PositiveIntegerField(_("refunded (cents)"), default=0)
    language = models.CharField(max_length=2, default="fr")
    stripe_session_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    stripe_payment_intent = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_charge = models.CharField(max_length=255, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True, db_index=True)
    paid_at = models.DateTimeField(_("paid on"), null=True, blank=True)
    receipt_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(total_cents=models.F("subtotal_cents") + models.F("tax_cents")),
                name="boutique_order_total",
            ),
            models.CheckConstraint(
                condition=Q(refunded_cents__lte=models.F("total_cents")),
                name="boutique_order_refund_le_total",
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_paid(self) -> bool:
        return self.status in self.PAID_STATUSES

    @property
    def is_demonstration(self) -> bool:
        """Paid (or being paid) through the demonstration payments (boutique/demo_payments.py):
        no money moved."""
        return (self.stripe_session_id or "").startswith(DEMO_SESSION_PREFIX)


class OrderLine(models.Model):
    class Kind(models.TextChoices):
        RESOURCE = "resource", _("resource")
        MEMBERSHIP = "membership", _("individual membership")
        INSTITUTION = "institution", _("institution licence")

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.RESOURCE)
    resource = models.ForeignKey(
        "resources.ResourcePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="order_lines",
        verbose_name=_("resource"),
    )
    title = models.CharField(_("title"), max_length=255)  # as bought, whatever happens later
    seller = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sold_lines",
        verbose_name=_("seller"),
    )
    # Set on institution licence lines: the institution the licence is bought for.
    institution = models.ForeignKey(
        "accounts.Institution",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="order_lines",
        verbose_name=_("institution"),
    )
    price_cents = models.PositiveIntegerField(_("price paid (cents)"))
    commission_cents = models.PositiveIntegerField(_("commission (cents)"))
    seller_share_cents = models.PositiveIntegerField(_("seller's share (cents)"))
    member_price = models.BooleanField(_("member price"), default=False)
    refunded_cents = models.PositiveIntegerField(_("refunded (cents)"), default=0)

    class Meta:
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    price_cents=models.F("commission_cents") + models.F("seller_share_cents")
                ),
                name="boutique_line_shares_add_up",
            ),
            models.CheckConstraint(
                condition=Q(refunded_cents__lte=models.F("price_cents")),
                name="boutique_line_refund_le_price",
            ),
            # One purchase of a resource per order, and one institution licence of a resource
            # per institution (a representative of two colleges may buy one for each).
            models.UniqueConstraint(
                fields=["order", "resource"],
                condition=Q(institution__isnull=True),
                name="boutique_line_one_per_resource",
            ),
            models.UniqueConstraint(
                fields=["order", "resource", "institution"],
                condition=Q(institution__isnull=False),
                name="boutique_line_one_licence_per_institution",
            ),
        ]

    def __str__(self):
        return f"{self.order.reference} · {self.title}"

    @property
    def is_refunded(self) -> bool:
        return self.refunded_cents >= self.price_cents > 0


class EntitlementQuerySet(models.QuerySet):
    def live(self):
        """Not revoked (a refund revokes): the rights that let someone download."""
        return self.filter(revoked_at__isnull=True)


class Entitlement(models.Model):
    """The right to download a resource: bought (with its order line) or obtained free."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="entitlements"
    )
    resource = models.ForeignKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="entitlements"
    )
    order_line = models.ForeignKey(
        OrderLine, null=True, blank=True, on_delete=models.SET_NULL, related_name="entitlements"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = EntitlementQuerySet.as_manager()

    class Meta:
        verbose_name = _("entitlement")
        verbose_name_plural = _("entitlements")
        constraints = [
            # One live entitlement per user and resource: a replayed fulfilment cannot add one.
            models.UniqueConstraint(
                fields=["user", "resource"],
                condition=Q(revoked_at__isnull=True),
                name="boutique_one_live_entitlement",
            )
        ]


class InstitutionLicenceQuerySet(models.QuerySet):
    def live(self, on=None):
        """Not revoked (a refund revokes) and within its period at `on` (default: now)."""
        from django.utils import timezone

        on = on or timezone.now()
        return self.filter(revoked_at__isnull=True, starts_at__lte=on, ends_at__gt=on)


class InstitutionLicence(models.Model):
    """An institution licence (« licence d'établissement »): every staff member of the institution
    (confirmed e-mail in its domains) may download the resource while it lasts."""

    institution = models.ForeignKey(
        "accounts.Institution",
        on_delete=models.PROTECT,
        related_name="licences",
        verbose_name=_("institution"),
    )
    resource = models.ForeignKey(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        related_name="institution_licences",
        verbose_name=_("resource"),
    )
    order_line = models.OneToOneField(
        OrderLine,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="institution_licence",
    )
    starts_at = models.DateTimeField(_("starts on"))
    ends_at = models.DateTimeField(_("ends on"))
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InstitutionLicenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("institution licence")
        verbose_name_plural = _("institution licences")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="boutique_licence_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.institution} · {self.resource_id}"


class StripeEvent(models.Model):
    """Every webhook event, stored once (its id is unique) before it is handled."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100, db_index=True)
    account = models.CharField(max_length=255, blank=True)  # Connect events
    livemode = models.BooleanField(default=False)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.type} {self.event_id}"


class SellerAccount(models.Model):
    """A member's Stripe Connect Express account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="seller_account"
    )
    stripe_account_id = models.CharField(max_length=255, unique=True)
    charges_enabled = models.BooleanField(default=False)
    payouts_enabled = models.BooleanField(default=False)
    details_submitted = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("seller account")
        verbose_name_plural = _("seller accounts")

    def __str__(self):
        return self.stripe_account_id

    @property
    def can_receive(self) -> bool:
        return self.payouts_enabled


class Payout(models.Model):
    """A seller's share of one order: pending until their account can receive it, then one
    Stripe transfer (transfer_group = the order's reference)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        TRANSFERRED = "transferred", _("transferred")
        REVERSED = "reversed", _("reversed")

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="payouts")
    seller = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="payouts",
        verbose_name=_("seller"),
    )
    amount_cents = models.PositiveIntegerField(_("amount (cents)"))
    reversed_cents = models.PositiveIntegerField(_("reversed (cents)"), default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    stripe_transfer_id = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    transferred_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")
        constraints = [
            models.UniqueConstraint(fields=["order", "seller"], name="boutique_one_payout"),
            models.CheckConstraint(
                condition=Q(reversed_cents__lte=models.F("amount_cents")),
                name="boutique_payout_reversal_le_amount",
            ),
        ]


class Refund(models.Model):
    """Money given back on an order (or one line of it), from the admin or Stripe's dashboard."""

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="refunds")
    line = models.ForeignKey(
        OrderLine, null=True, blank=True, on_delete=models.PROTECT, related_name="refunds"
    )
    amount_cents = models.PositiveIntegerField(_("amount (cents)"))
    stripe_refund_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
