"""The boutique's admin screens, under one « Boutique » menu: orders, Stripe events, payouts,
refunds and seller accounts. All are read-only: money moves through Stripe and its webhooks,
never by editing a row; the one staff action, refunding, has its own screen (admin_views)."""

import json

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from core.formats import money

from . import admin_views
from .models import Order, Payout, Refund, SellerAccount, StripeEvent

# URL names of views a read-only screen must not have, nor link to.
WRITE_URL_NAMES = (
    "add_url_name",
    "edit_url_name",
    "delete_url_name",
    "copy_url_name",
    "history_url_name",
    "usage_url_name",
)


def money_column(name: str, label, attribute: str) -> Column:
    return Column(name, label=label, accessor=lambda obj: money(getattr(obj, attribute)))


class ReadOnlyViewSet(ModelViewSet):
    """A listing and an inspect page, and nothing that writes: no add, edit, copy or delete
    URL exists, so no permission can open one, the superuser's included."""

    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None  # plain database lookups: these models are not search-indexed
    add_to_reference_index = False

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in WRITE_URL_NAMES:
            view_kwargs[name] = None
        return view_kwargs

    def get_urlpatterns(self):
        pk = f"<{self.pk_path_converter}:pk>"
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/{pk}/", self.inspect_view, name="inspect"),
        ]


class OrderInspectView(InspectView):
    """The order with its lines, payouts and refunds, and the refund button for staff who may."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = self.object
        context.update(
            order=order,
            lines=order.lines.select_related("seller").order_by("pk"),
            payouts=order.payouts.select_related("seller").order_by("pk"),
            refunds=order.refunds.select_related("line", "created_by").order_by("created_at"),
        )
        return context

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if admin_views.may_refund(self.request.user) and admin_views.refundable(self.object):
            buttons.append(
                HeaderButton(
                    _("Refund"),
                    url=reverse("boutique_refund", args=[self.object.pk]),
                    icon_name="undo",
                )
            )
        return buttons


class OrderViewSet(ReadOnlyViewSet):
    model = Order
    name = "boutique_orders"
    url_prefix = "boutique/commandes"
    icon = "list-ul"
    menu_label = _("Orders")
    inspect_view_class = OrderInspectView
    inspect_template_name = "boutique/admin/order_inspect.html"
    list_display = [
        "reference",
        "email",
        "status",
        money_column("total", _("Total"), "total_cents"),
        "created_at",
        "paid_at",
    ]
    list_filter = ["status"]
    search_fields = ["reference", "email"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "reference",
        "user",
        "email",
        "status",
        "language",
        "subtotal_cents",
        "tax_cents",
        "total_cents",
        "refunded_cents",
        "stripe_session_id",
        "stripe_payment_intent",
        "stripe_charge",
        "created_at",
        "paid_at",
        "receipt_sent_at",
    ]


class StripeEventInspectView(InspectView):
    def get_payload_display_value(self):
        text = json.dumps(self.object.payload, indent=2, ensure_ascii=False, sort_keys=True)
        return format_html('<pre class="boutique-payload">{}</pre>', text)


class StripeEventViewSet(ReadOnlyViewSet):
    model = StripeEvent
    name = "boutique_stripe_events"
    url_prefix = "boutique/evenements-stripe"
    icon = "code"
    menu_label = _("Stripe events")
    inspect_view_class = StripeEventInspectView
    list_display = ["event_id", "type", "account", "received_at", "processed_at", "error"]
    list_filter = ["type"]
    search_fields = ["event_id", "type"]
    ordering = ["-received_at"]
    inspect_view_fields = [
        "event_id",
        "type",
        "account",
        "livemode",
        "received_at",
        "processed_at",
        "error",
        "payload",
    ]


class PayoutViewSet(ReadOnlyViewSet):
    model = Payout
    name = "boutique_payouts"
    url_prefix = "boutique/versements"
    icon = "resubmit"
    menu_label = _("Payouts")
    list_display = [
        "order",
        "seller",
        money_column("amount", _("Amount"), "amount_cents"),
        money_column("reversed", _("Reversed"), "reversed_cents"),
        "status",
        "transferred_at",
    ]
    list_filter = ["status"]
    search_fields = ["order__reference", "seller__email", "stripe_transfer_id"]
    ordering = ["-created_at"]


class RefundViewSet(ReadOnlyViewSet):
    model = Refund
    name = "boutique_refunds"
    url_prefix = "boutique/remboursements"
    icon = "undo"
    menu_label = _("Refunds")
    list_display = [
        "order",
        "line",
        money_column("amount", _("Amount"), "amount_cents"),
        "reason",
        "created_by",
        "created_at",
    ]
    search_fields = ["order__reference", "reason", "stripe_refund_id"]
    ordering = ["-created_at"]


class SellerAccountViewSet(ReadOnlyViewSet):
    model = SellerAccount
    name = "boutique_seller_accounts"
    url_prefix = "boutique/comptes-vendeurs"
    icon = "user"
    menu_label = _("Seller accounts")
    list_display = [
        "stripe_account_id",
        "user",
        "charges_enabled",
        "payouts_enabled",
        "details_submitted",
        "updated_at",
    ]
    list_filter = ["payouts_enabled", "details_submitted"]
    search_fields = ["stripe_account_id", "user__email"]
    ordering = ["-updated_at"]


class BoutiqueGroup(ViewSetGroup):
    menu_label = _("Boutique")
    menu_icon = "pick"
    menu_order = 230
    items = (
        OrderViewSet,
        StripeEventViewSet,
        PayoutViewSet,
        RefundViewSet,
        SellerAccountViewSet,
    )


@hooks.register("register_admin_viewset")
def register_boutique_viewsets():
    return BoutiqueGroup()


@hooks.register("register_admin_urls")
def register_refund_url():
    return [
        path(
            "boutique/commandes/<int:pk>/remboursement/",
            admin_views.refund_view,
            name="boutique_refund",
        )
    ]
