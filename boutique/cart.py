"""The cart: what a buyer means to pay for, before any order exists.

Visitors' carts live in their session (resource ids and a membership flag); signed-in users' resources
are CartItem rows, so that the cart follows them from one device to another; the membership flag
and the institution licences a representative adds (resource and institution ids) stay in the
session. Prices are never stored here: every display and every checkout
reads them again from the resources (boutique/pricing.py)."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from accounts import roles
from resources import institution_offer
from resources.authorship import author_ids, is_author
from resources.models import ResourcePage

from . import entitlements, institution_licences, membership, pricing
from .models import CartItem, Entitlement

SESSION_KEY = "boutique_cart"


class CartRefused(Exception):
    """A resource that cannot go in the cart; the message is for the buyer, in their language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class CartLine:
    """A resource in the cart, priced for the buyer now."""

    resource: ResourcePage
    price_cents: int
    regular_price_cents: int
    member_price: bool
    # For visitors: the lower price they would get as a member once signed in.
    member_price_cents: int | None = None

    @property
    def title(self) -> str:
        return self.resource.title

    @property
    def resource_id(self) -> int:
        return self.resource.pk


@dataclass
class LicenceLine:
    """An institution licence in a representative's cart, priced now."""

    resource: ResourcePage
    institution: object
    price_cents: int
    renews_until: object = None  # the end of the institution's current licence, if any

    @property
    def title(self) -> str:
        return self.resource.title


@dataclass
class Cart:
    """What the cart page shows and checkout turns into an order."""

    lines: list[CartLine] = field(default_factory=list)
    licences: list[LicenceLine] = field(default_factory=list)
    membership: bool = False
    membership_price_cents: int = 0
    signed_in: bool = False

    @property
    def total_cents(self) -> int:
        total = sum(line.price_cents for line in self.lines)
        total += sum(line.price_cents for line in self.licences)
        return total + (self.membership_price_cents if self.membership else 0)

    @property
    def count(self) -> int:
        return len(self.lines) + len(self.licences) + (1 if self.membership else 0)

    @property
    def is_empty(self) -> bool:
        return self.count == 0

    @property
    def member_prices_after_login(self) -> bool:
        """A visitor sees regular prices; some lines would cost less for a member."""
        return not self.signed_in and any(line.member_price_cents for line in self.lines)


def membership_price_cents() -> int:
    """The yearly individual membership's price."""
    return membership.membership_price_cents()


# --- Session storage -----------------------------------------------------------------------


def _session_cart(request) -> dict:
    # Error pages and some renders have no session: an empty cart then.
    session = getattr(request, "session", None)
    data = (session.get(SESSION_KEY) if session is not None else None) or {}
    return {
        "resources": [int(pk) for pk in data.get("resources", [])],
        "membership": bool(data.get("membership")),
        "licences": [[int(r), int(i)] for r, i in data.get("licences", [])],
    }


def _save_session_cart(request, data: dict) -> None:
    # Institution licences only where a representative added some.
    request.session[SESSION_KEY] = {
        key: value for key, value in data.items() if key != "licences" or value
    }


def _signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


# --- Rules ---------------------------------------------------------------------------------


def purchasable():
    """Resources that may be bought: published and public."""
    return ResourcePage.objects.live().public()


def check_addable(resource: ResourcePage, user=None) -> None:
    """Raise CartRefused when this resource cannot be bought by this buyer (None: a visitor)."""
    if not purchasable().filter(pk=resource.pk).exists():
        raise CartRefused(_("This resource is not available."))
    if resource.is_free:
        raise CartRefused(
            _("This resource is free: download it or add it to your library from its page.")
        )
    if user is None:
        return
    if is_author(user, resource):
        raise CartRefused(_("You are an author of this resource: you can already download it."))
    if entitlements.holds(user, resource):
        raise CartRefused(_("You already have this resource: it is in your library."))


def add_resource(request, resource: ResourcePage) -> bool:
    """Put a resource in the buyer's cart; False when it was there already (no second line).
    Raises CartRefused (not published, free, the buyer's own or already owned)."""
    user = request.user if _signed_in(request) else None
    check_addable(resource, user)
    if user is None:
        data = _session_cart(request)
        if resource.pk in data["resources"]:
            return False
        data["resources"].append(resource.pk)
        _save_session_cart(request, data)
        return True
    try:
        # A double click may race: the unique constraint keeps one line.
        with transaction.atomic():
            _item, created = CartItem.objects.get_or_create(user=user, resource=resource)
    except IntegrityError:
        return False
    return created


def remove_resource(request, resource_id: int) -> bool:
    """Take a resource out of the cart; False when it was not there."""
    if _signed_in(request):
        deleted, _count = CartItem.objects.filter(
            user=request.user, resource_id=resource_id
        ).delete()
        return bool(deleted)
    data = _session_cart(request)
    if resource_id not in data["resources"]:
        return False
    data["resources"].remove(resource_id)
    _save_session_cart(request, data)
    return True


def set_membership(request, wanted: bool) -> bool:
    """Add (or remove) the yearly membership; False when nothing changed."""
    data = _session_cart(request)
    if data["membership"] == wanted:
        return False
    data["membership"] = wanted
    _save_session_cart(request, data)
    return True


def add_licence(request, resource: ResourcePage, institution) -> bool:
    """Put an institution licence in a representative's cart; False when it was there already.
    Raises CartRefused (not a representative of it, not offered, a licence forbidding sale)."""
    if not _signed_in(request):
        raise CartRefused(_("Log in to buy an institution licence."))
    if not purchasable().filter(pk=resource.pk).exists():
        raise CartRefused(_("This resource is not available."))
    reason = institution_licences.refusal(resource, institution, request.user)
    if reason:
        raise CartRefused(reason)
    data = _session_cart(request)
    pair = [resource.pk, institution.pk]
    if pair in data["licences"]:
        return False
    data["licences"].append(pair)
    _save_session_cart(request, data)
    return True


def remove_licence(request, resource_id: int, institution_id: int) -> bool:
    """Take an institution licence out of the cart; False when it was not there."""
    data = _session_cart(request)
    pair = [resource_id, institution_id]
    if pair not in data["licences"]:
        return False
    data["licences"].remove(pair)
    _save_session_cart(request, data)
    return True


def licence_pairs(request) -> list[list[int]]:
    """The (resource id, institution id) pairs of the institution licences in the cart."""
    return _session_cart(request)["licences"]


def clear_licences(request, pairs) -> None:
    """Once paid, the institution licences of an order leave the cart."""
    data = _session_cart(request)
    kept = [pair for pair in data["licences"] if tuple(pair) not in set(map(tuple, pairs))]
    if kept != data["licences"]:
        data["licences"] = kept
        _save_session_cart(request, data)


def clear_membership(request) -> None:
    """Once a membership is paid, it leaves the cart."""
    if _session_cart(request)["membership"]:
        set_membership(request, False)


# --- Reading the cart ----------------------------------------------------------------------


def _live_entitlement(user):
    return Entitlement.objects.live().filter(user=user, resource=OuterRef("pk"))


def cart_for(request) -> Cart:
    """The buyer's cart, priced now: member prices for members and staff of member institutions,
    regular prices for visitors (with a note). Unpublished, free, owned and own resources drop out
    silently (owned ones are deleted from the stored cart: they can never be bought again)."""
    data = _session_cart(request)
    signed_in = _signed_in(request)
    cart = Cart(membership=data["membership"], signed_in=signed_in)
    if cart.membership:
        cart.membership_price_cents = membership_price_cents()
    if signed_in and data["licences"]:
        cart.licences = _licence_lines(request, data)
    if signed_in:
        user = request.user
        ids = list(
            CartItem.objects.filter(user=user)
            .order_by("added_at", "pk")
            .values_list("resource_id", flat=True)
        )
    else:
        user = None
        ids = data["resources"]
    if not ids:
        return cart
    resources = purchasable().filter(pk__in=ids, price_cents__gt=0).prefetch_related("authors")
    if user is not None:
        resources = resources.annotate(owned=Exists(_live_entitlement(user)))
    by_id = {resource.pk: resource for resource in resources}
    gone = []
    for pk in ids:
        resource = by_id.get(pk)
        if resource is None:
            continue
        if user is not None and (resource.owned or user.pk in author_ids(resource)):
            gone.append(pk)
            continue
        if user is None:
            member_price = resource.member_price_cents
            cheaper = (
                member_price
                if member_price is not None and member_price < resource.price_cents
                else None
            )
            cart.lines.append(
                CartLine(resource, resource.price_cents, resource.price_cents, False, cheaper)
            )
        else:
            price, is_member_price = pricing.unit_price(resource, user)
            cart.lines.append(CartLine(resource, price, resource.price_cents, is_member_price))
    if gone and user is not None:
        CartItem.objects.filter(user=user, resource_id__in=gone).delete()
    return cart


def _licence_lines(request, data) -> list[LicenceLine]:
    """The institution licences of the cart still for sale to this representative; the others
    leave the cart silently (a role or an offer withdrawn since)."""
    user = request.user
    pairs = data["licences"]
    resources = {
        r.pk: r
        for r in purchasable()
        .filter(pk__in=[r for r, _i in pairs], price_cents__gt=0)
        .prefetch_related("authors")
    }
    institutions = {i.pk: i for i in roles.represented_institutions(user)}
    ends = institution_licences.current_ends(institutions, resources)
    lines, kept = [], []
    for resource_id, institution_id in pairs:
        resource = resources.get(resource_id)
        institution = institutions.get(institution_id)
        if resource is None or institution is None or institution_offer.offer_refusal(resource):
            continue
        kept.append([resource_id, institution_id])
        lines.append(
            LicenceLine(
                resource,
                institution,
                institution_offer.price_cents(resource),
                ends.get((institution_id, resource_id)),
            )
        )
    if kept != pairs:
        data["licences"] = kept
        _save_session_cart(request, data)
    return lines


def count_for(request) -> int:
    """The number of lines for the header: one query for a signed-in user, none for a visitor
    (the session only). Owned and unpublished resources are not counted."""
    data = _session_cart(request)
    count = (1 if data["membership"] else 0) + len(data["licences"])
    if not _signed_in(request):
        return count + len(data["resources"])
    return (
        count
        + CartItem.objects.filter(
            user=request.user, resource__live=True, resource__price_cents__gt=0
        )
        .exclude(
            Exists(
                Entitlement.objects.live().filter(user=request.user, resource=OuterRef("resource"))
            )
        )
        .count()
    )


def in_cart(request, resource_id: int) -> bool:
    """For visitors only (the session); signed-in users' carts are read with their entitlements
    in one query by the resource page's template tag."""
    return resource_id in _session_cart(request)["resources"]


# --- Login -------------------------------------------------------------------------------------


def merge_session_cart(request, user) -> int:
    """At login: the visitor's cart joins the user's stored cart. Duplicates, owned resources,
    the user's own ones and those no longer for sale are skipped. Returns the lines added."""
    data = _session_cart(request)
    if not data["resources"]:
        return 0
    added = 0
    resources = purchasable().filter(pk__in=data["resources"], price_cents__gt=0)
    for resource in resources:
        try:
            check_addable(resource, user)
        except CartRefused:
            continue
        try:
            with transaction.atomic():
                _item, created = CartItem.objects.get_or_create(user=user, resource=resource)
        except IntegrityError:
            continue
        added += created
    # The stored cart now holds them; the session keeps only the membership flag.
    data["resources"] = []
    _save_session_cart(request, data)
    return added
