"""The resource page's buy box for paid resources, per visitor: the page's own context is cached
for everybody (resources/detail.py), so whether this visitor owns the resource or has it in their
cart is read here, at most one query for a signed-in user and none for a visitor."""

from django import template
from django.db.models import Exists, OuterRef

from accounts import roles
from resources import institution_offer
from resources.models import ResourcePage
from resources.templatetags import resource_tags

from .. import cart as carts
from .. import checkout, entitlements, institution_licences, pricing
from ..models import CartItem, Entitlement, Order

register = template.Library()


def buy_state(
    request, page, author_ids=(), institutions=None, renewals=()
) -> tuple[str, object, dict | None]:
    """The visitor's state — owned (entitlement, author or staff), licensed (a live licence of
    one of their `institutions`), in_cart, or buy —, that licence (LicenceShown) and, for the
    `renewals` institutions, the end of their running licence of the resource (current_ends;
    None when not asked). No query for a visitor, one for a signed-in user (their institutions
    given)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ("in_cart" if carts.in_cart(request, page.pk) else "buy"), None, None
    if user.is_staff or user.pk in author_ids:
        return "owned", None, None
    # One query for all: owned, in the cart, the licence of one of the institutions, and the
    # ends of the licences a representative would renew.
    columns = {
        "owned": Exists(Entitlement.objects.live().filter(user=user, resource=OuterRef("pk"))),
        "in_cart": Exists(CartItem.objects.filter(user=user, resource=OuterRef("pk"))),
    }
    if institutions:
        columns.update(institution_licences.licence_columns(institutions))
    columns.update(institution_licences.end_columns(renewals))
    row = (
        ResourcePage.objects.filter(pk=page.pk).annotate(**columns).values(*columns).first()
    ) or {"owned": False, "in_cart": False}
    ends = institution_licences.ends_in(row, page.pk) if renewals else None
    if row["owned"]:
        return "owned", None, ends
    licence = institution_licences.licence_shown(row, institutions or [])
    if licence is not None:
        return "licensed", licence, ends
    return ("in_cart" if row["in_cart"] else "buy"), None, ends


@register.inclusion_tag("boutique/includes/buy_box.html", takes_context=True)
def buy_box(context, page):
    """{% buy_box page %}: price, member price and the visitor's action (download, in the cart,
    add to cart, or « purchases not open yet » in production without Stripe keys); for a local
    representative, the institution licence of each of their institutions."""
    request = context.get("request")
    user = getattr(request, "user", None)
    # The visitor's institutions, read once for their licences and their offers (one query).
    institutions = roles.institutions_of(user) if user is not None else []
    payments_open = checkout.payment_mode() != checkout.Mode.CLOSED
    represented = roles.represented_institutions(user, institutions) if institutions else []
    renewals = represented if payments_open and institution_offer.price_cents(page) else []
    state, licence, ends = buy_state(
        request, page, context.get("author_ids") or (), institutions, renewals
    )
    offers = []
    if renewals:
        offers = institution_licences.offers(
            user,
            page,
            carts.licence_pairs(request),
            institutions,
            has_authors=context.get("has_listed_authors"),
            ends=ends,
        )
    return {
        "page": page,
        "request": request,
        "state": state,
        "licence": licence,
        "offers": offers,
        "payments_open": payments_open,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("boutique/includes/earnings.html")
def seller_earnings(price_cents, member_price_cents=None, institution_price_cents=None):
    """{% seller_earnings price member_price institution_price %}: the commission and the
    seller's net per sale at each price (boutique.pricing), as a table; the institution price as
    the seller chose it (None: the default)."""
    return {
        "earnings": pricing.seller_earnings(
            price_cents or 0,
            member_price_cents,
            institution_price_cents=institution_offer.price_for(
                price_cents, institution_price_cents
            ),
        ),
        "percent": pricing.commission_percent(),
    }


@register.simple_tag
def commission_percent() -> int:
    """{% commission_percent as percent %}: the platform's commission on each sale, in percent."""
    return pricing.commission_percent()


@register.simple_tag(takes_context=True)
def in_library(context, page) -> bool:
    """{% in_library page as kept %}: whether the signed-in visitor added this free resource to
    their library (one query; none for a visitor)."""
    request = context.get("request")
    return entitlements.holds(getattr(request, "user", None), page.pk)


# The library's "My orders" list: the library page (accounts/profiles.py) is not the boutique's,
# so its orders are read here, in one query.
MY_ORDERS_MAX = 50


@register.simple_tag(takes_context=True)
def my_orders(context) -> list:
    """{% my_orders as orders %}: the signed-in user's latest orders (one query)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    return list(
        Order.objects.filter(user=user)
        .only("reference", "status", "total_cents", "currency", "created_at")
        .order_by("-created_at", "-pk")[:MY_ORDERS_MAX]
    )


@register.filter
def order_status(status: str) -> str:
    """An order's status in words."""
    return checkout.status_label(status)


# The boutique's templates load this library only: the catalogue's date filter, under its name.
register.filter("long_date", resource_tags.long_date)
