"""The staff's refund of an order, or of one of its lines: choose and give a reason, confirm,
then ask Stripe (boutique.refunds). Stripe's `charge.refunded` event applies the refund —
entitlements, sellers' transfers, the buyer's e-mail — so this screen only asks."""

import logging

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.formats import money

from . import refunds, stripe_gateway
from .models import Order

logger = logging.getLogger(__name__)

WHOLE_ORDER = "order"


def may_refund(user) -> bool:
    """Superusers, and staff given the boutique's "change order" permission."""
    return user.is_active and (user.is_superuser or user.has_perm("boutique.change_order"))


def refundable(order: Order) -> bool:
    return order.status in Order.REFUNDABLE_STATUSES and order.refunded_cents < order.total_cents


def _line_choice(line) -> str:
    return f"line-{line.pk}"


class RefundForm(forms.Form):
    target = forms.ChoiceField(label=gettext_lazy("Refund"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=255,
        help_text=gettext_lazy("Kept with the refund, for the accounts."),
    )

    def __init__(self, *args, order: Order, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order
        # Refunds asked for but not yet confirmed by Stripe count as refunded already.
        asked = {None: 0}
        for refund in order.refunds.all():
            asked[refund.line_id] = asked.get(refund.line_id, 0) + refund.amount_cents
        self.remaining = order.total_cents - max(order.refunded_cents, sum(asked.values()))
        self.left = {}
        self.lines = {}
        for line in order.lines.order_by("pk"):
            left = line.price_cents - max(line.refunded_cents, asked.get(line.pk, 0))
            if left > 0:
                self.lines[_line_choice(line)] = line
                self.left[line.pk] = min(left, self.remaining)
        choices = [
            (WHOLE_ORDER, _("The whole order: %(amount)s") % {"amount": money(self.remaining)})
        ]
        choices += [
            (
                key,
                _("%(title)s: %(amount)s")
                % {"title": line.title, "amount": money(self.left[line.pk])},
            )
            for key, line in self.lines.items()
        ]
        self.fields["target"].choices = choices

    def line(self):
        """The line to refund, or None for the whole order."""
        return self.lines.get(self.cleaned_data["target"])

    def amount_cents(self) -> int:
        """What the refund service will ask Stripe for (boutique.refunds computes it again)."""
        line = self.line()
        return self.remaining if line is None else self.left[line.pk]


def _inspect_url(order: Order) -> str:
    return reverse("boutique_orders:inspect", args=[order.pk])


def refund_view(request, pk):
    """GET: the form. POST: the confirmation page; POST with `confirm`: the refund."""
    order = get_object_or_404(Order, pk=pk)
    if not may_refund(request.user):
        # A real 403 (Wagtail would turn PermissionDenied into a redirect to the dashboard):
        # the person stays where they were and reads why.
        return _forbidden(request, order)
    if not refundable(order):
        messages.error(
            request, _("This order cannot be refunded: it is not paid, or already refunded.")
        )
        return redirect(_inspect_url(order))
    form = RefundForm(request.POST or None, order=order)
    confirming = False
    if request.method == "POST" and form.is_valid():
        if "confirm" not in request.POST:
            confirming = True
        else:
            return _refund(request, order, form)
    title = _("Refund order %(reference)s") % {"reference": order.reference}
    return TemplateResponse(
        request,
        "boutique/admin/refund.html",
        {
            "order": order,
            "form": form,
            "confirming": confirming,
            "amount_cents": form.amount_cents() if confirming else None,
            "line": form.line() if confirming else None,
            "inspect_url": _inspect_url(order),
            "page_title": title,
            "header_title": title,
            "header_icon": "undo",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse("boutique_orders:index"), "label": _("Orders")},
                {"url": _inspect_url(order), "label": order.reference},
                {"url": "", "label": _("Refund")},
            ],
        },
    )


def _forbidden(request, order):
    title = _("Refund order %(reference)s") % {"reference": order.reference}
    return TemplateResponse(
        request,
        "boutique/admin/refund_forbidden.html",
        {
            "order": order,
            "inspect_url": _inspect_url(order),
            "page_title": title,
            "header_title": title,
            "header_icon": "undo",
        },
        status=403,
    )


def _refund(request, order, form):

    try:
        made = refunds.refund(
            order, line=form.line(), by=request.user, reason=form.cleaned_data["reason"]
        )
    except stripe_gateway.GatewayError:
        logger.exception("Refund of order %s failed at Stripe", order.reference)
        messages.error(
            request,
            _(
                "Stripe refused the refund or could not be reached: nothing was refunded. "
                "Try again in a few minutes."
            ),
        )
        return redirect(_inspect_url(order))
    except (refunds.RefundError, ValueError) as error:
        messages.error(request, _("The refund could not be made: %(error)s") % {"error": error})
        return redirect(_inspect_url(order))
    messages.success(
        request,
        _(
            "Refund of %(amount)s requested for order %(reference)s. The order is updated when "
            "Stripe confirms it."
        )
        % {"amount": money(made.amount_cents), "reference": order.reference},
    )
    return redirect(_inspect_url(order))
