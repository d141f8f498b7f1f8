"""The buyer's pages: the cart (/<lang>/panier/), the membership offer (/<lang>/adhesion/), the
checkout POST, the demonstration payment page (/<lang>/panier/paiement-demo/<session>/) and the
order page (/<lang>/commandes/<reference>/). Thin: the rules are in cart.py, checkout.py and
demo_payments.py."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import roles
from accounts.models import Institution
from core.redirects import safe_next
from resources.models import ResourcePage

from . import cart as carts
from . import checkout as checkouts
from . import demo_payments
from .models import Entitlement, InstitutionLicence, Order, OrderLine


def _resource_url(request, resource: ResourcePage) -> str:
    return resource.get_url(request=request) or reverse("boutique:cart")


def _cart_page(request, *, status: int = 200, error: str = "") -> TemplateResponse:
    user = request.user
    context = {
        "cart": carts.cart_for(request),
        "payment_mode": checkouts.payment_mode(),
        "payment_cancelled": request.GET.get("paiement") == "annule",
        "checkout_error": error,
        "is_member": roles.is_member(user),
        "not_configured_message": checkouts.not_configured_message(),
    }
    return TemplateResponse(request, "boutique/cart.html", context, status=status)


@require_GET
def cart_page(request):
    """The cart: its lines priced now, the membership line, the total and the pay button."""
    return _cart_page(request)


@require_POST
def add(request, resource_id):
    """POST: put a paid resource in the cart, then back to where the buyer was."""
    resource = get_object_or_404(ResourcePage, pk=resource_id)
    try:
        added = carts.add_resource(request, resource)
    except carts.CartRefused as refusal:
        messages.error(request, refusal.message)
        if not carts.purchasable().filter(pk=resource.pk).exists():
            return redirect("boutique:cart")
        return redirect(safe_next(request, _resource_url(request, resource)))
    if added:
        messages.success(request, _("“%(title)s” is in your cart.") % {"title": resource.title})
    else:
        messages.info(
            request, _("“%(title)s” is already in your cart.") % {"title": resource.title}
        )
    return redirect(safe_next(request, _resource_url(request, resource)))


@require_POST
def remove(request, resource_id):
    """POST: take a resource out of the cart."""
    if carts.remove_resource(request, resource_id):
        messages.success(request, _("The resource was removed from your cart."))
    return redirect(safe_next(request, reverse("boutique:cart")))


@require_POST
def add_licence(request, resource_id, institution_id):
    """POST: a representative puts an institution licence of a paid resource in the cart."""
    resource = get_object_or_404(ResourcePage, pk=resource_id)
    if not request.user.is_authenticated:
        return redirect_to_login(_resource_url(request, resource))
    institution = Institution.objects.filter(pk=institution_id).first()
    try:
        added = carts.add_licence(request, resource, institution)
    except carts.CartRefused as refusal:
        messages.error(request, refusal.message)
        return redirect(safe_next(request, _resource_url(request, resource)))
    if added:
        messages.success(
            request,
            _("The institution licence of “%(title)s” for %(institution)s is in your cart.")
            % {"title": resource.title, "institution": institution.name},
        )
    else:
        messages.info(request, _("This institution licence is already in your cart."))
    return redirect(safe_next(request, _resource_url(request, resource)))


@require_POST
def remove_licence(request, resource_id, institution_id):
    """POST: take an institution licence out of the cart."""
    if carts.remove_licence(request, resource_id, institution_id):
        messages.success(request, _("The institution licence was removed from your cart."))
    return redirect(safe_next(request, reverse("boutique:cart")))


@require_POST
def membership_line(request):
    """POST: add the yearly membership to the cart (action=remove takes it out)."""
    if request.POST.get("action") == "remove":
        if carts.set_membership(request, False):
            messages.success(request, _("The membership was removed from your cart."))
        return redirect(safe_next(request, reverse("boutique:cart")))
    if carts.set_membership(request, True):
        messages.success(request, _("The APOP membership is in your cart."))
    else:
        messages.info(request, _("The APOP membership is already in your cart."))
    return redirect(safe_next(request, reverse("boutique:cart")))


@require_GET
def membership(request):
    """What the yearly individual membership gives, its price, and the add-to-cart button."""
    user = request.user
    context = {
        "price_cents": carts.membership_price_cents(),
        "is_member": roles.is_member(user),
        "expires_on": user.membership_expires_on if user.is_authenticated else None,
        "in_cart": carts._session_cart(request)["membership"],
    }
    return TemplateResponse(request, "boutique/membership.html", context)


@require_POST
def obtain(request, resource_id):
    """POST: add a free resource to the signed-in user's library (an entitlement without an
    order); idempotent. Free resources stay downloadable without an account."""
    resource = get_object_or_404(carts.purchasable(), pk=resource_id)
    page_url = _resource_url(request, resource)
    if not request.user.is_authenticated:
        return redirect_to_login(page_url)
    if not resource.is_free:
        messages.error(request, _("This resource is for sale: add it to your cart to buy it."))
        return redirect(page_url)
    try:
        with transaction.atomic():
            Entitlement.objects.live().get_or_create(user=request.user, resource=resource)
    except IntegrityError:
        pass  # a concurrent click made it: one live entitlement, as wanted
    messages.success(request, _("Added to your library"))
    return redirect(safe_next(request, page_url))


@require_POST
def release(request, resource_id):
    """POST: take a free resource out of the signed-in user's library (their entitlement without
    an order); purchases stay. Idempotent; the resource need not be published any more."""
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("accounts:library"))
    Entitlement.objects.filter(
        user=request.user, resource_id=resource_id, order_line__isnull=True
    ).delete()
    messages.success(request, _("Removed from your library"))
    return redirect(safe_next(request, reverse("accounts:library")))


def _see_other(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303  # See Other: the browser follows with a GET
    return response


@require_POST
def start_checkout(request):
    """POST: the cart becomes a pending order and the buyer goes to Stripe Checkout (303).
    Amounts come from the server only: any price in the form is ignored."""
    cart_url = reverse("boutique:cart")
    if not request.user.is_authenticated:
        return redirect_to_login(cart_url)
    try:
        _order, url = checkouts.start_checkout(request)
    except checkouts.EmptyCart as error:
        messages.info(request, error.message)
        return redirect(cart_url)
    except checkouts.CheckoutError as error:
        return _cart_page(request, status=error.status, error=error.message)
    return _see_other(url)  # the browser GETs Stripe's page (or the demonstration's)


@require_http_methods(["GET", "POST"])
def demo_payment(request, session_id):
    """The demonstration's stand-in for Stripe Checkout: the order's lines and total, « Payer »
    (POST: the signed `checkout.session.completed` goes through the webhook's processing) and
    « Annuler » (back to the cart, untouched). Only the order's buyer sees it (404 otherwise), and
    only while the site runs demonstration payments."""
    if not demo_payments.is_active():
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    order = demo_payments.order_for(session_id, request.user)
    if order is None:
        raise Http404
    order_url = reverse("boutique:order", args=[order.reference])
    if order.status != Order.Status.PENDING:
        return _see_other(order_url)  # paid already (a second « Payer »), or failed
    status = 200
    error = ""
    if request.method == "POST":
        demo_payments.pay(order)
        order.refresh_from_db()
        if order.is_paid:
            return _see_other(f"{order_url}?paiement=retour")
        status = 502
        error = _("The demonstration payment could not be recorded. Nothing changed; try again.")
    context = {
        "order": order,
        "lines": list(order.lines.order_by("pk")),
        "cancel_url": reverse("boutique:cart") + "?paiement=annule",
        "error": error,
    }
    return TemplateResponse(request, "boutique/demo_payment.html", context, status=status)


@require_GET
def order_detail(request, reference):
    """The buyer's order: status, lines, totals and download buttons. Shows; never grants (a
    forged `?paiement=retour` changes nothing: only the webhook fulfils)."""
    user = request.user
    if not user.is_authenticated:
        raise Http404
    order = Order.objects.filter(reference=reference, user=user).first()
    if order is None:
        raise Http404  # another buyer's order does not exist for this one
    lines = list(order.lines.select_related("resource").order_by("pk"))
    resource_ids = [line.resource_id for line in lines if line.resource_id]
    entitled = set(
        Entitlement.objects.live()
        .filter(user=user, resource_id__in=resource_ids)
        .values_list("resource_id", flat=True)
    )
    has_membership = any(line.kind == OrderLine.Kind.MEMBERSHIP for line in lines)
    paid = order.is_paid
    if paid and has_membership:
        carts.clear_membership(request)  # bought: it leaves the cart
    licences = {
        licence.order_line_id: licence
        for licence in InstitutionLicence.objects.filter(
            order_line__in=lines, revoked_at__isnull=True
        )
    }
    if paid and licences:
        carts.clear_licences(
            request,
            [(line.resource_id, line.institution_id) for line in lines if line.pk in licences],
        )
    for line in lines:
        line.can_download = line.resource_id in entitled
        line.licence_until = licences[line.pk].ends_at if line.pk in licences else None
        line.resource_url = (
            line.resource.get_url(request=request) if line.resource and line.resource.live else ""
        )
    context = {
        "order": order,
        "lines": lines,
        "status_label": checkouts.status_label(order.status),
        "is_paid": paid,
        "returning": request.GET.get("paiement") == "retour",
        "membership_expires_on": user.membership_expires_on if has_membership and paid else None,
    }
    return TemplateResponse(request, "boutique/order_detail.html", context)
