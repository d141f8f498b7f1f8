"""The institution licence (« licence d'établissement ») a seller offers on a paid resource: every
teacher of a college downloads it for a year. Its price is the seller's (by default 5 × the
regular price; 0: not offered), and the licence rules apply as to any sale: nothing a licence
forbids selling is offered to institutions either (resources/licences.py)."""

from django.utils.translation import gettext_lazy as _

from . import licences

# The default price of an institution licence, in regular prices.
DEFAULT_FACTOR = 5


def default_price_cents(price_cents: int) -> int:
    return max(price_cents, 0) * DEFAULT_FACTOR


def price_for(price_cents: int | None, chosen: int | None) -> int | None:
    """What an institution licence costs at this regular price and the seller's choice (None:
    the default); None when none is offered (free resource, or 0 chosen)."""
    if (price_cents or 0) <= 0:
        return None
    price = default_price_cents(price_cents) if chosen is None else chosen
    return price or None


def price_cents(page) -> int | None:
    """What an institution licence of this resource costs; None when none is offered (free
    resource, or 0 chosen). The licence's own rule is `offer_refusal`."""
    return price_for(page.price_cents, page.institution_price_cents)


def errors(page) -> list:
    """The messages for the institution price field (resources/rules.py gathers them)."""
    chosen = page.institution_price_cents
    if chosen is None or chosen == 0:
        return []
    if chosen < 0:
        return []  # the field's own validator says it
    if (page.price_cents or 0) <= 0:
        return [_("A free resource has no institution licence: leave the field empty.")]
    if chosen < page.price_cents:
        return [_("The institution licence cannot cost less than the price.")]
    return []


def offer_refusal(page, has_authors: bool | None = None):
    """Why an institution licence of this resource cannot be sold (a lazy message), or None.
    The licence rule: only what may be sold may be sold to an institution. `has_authors`:
    whether the page has authors, when the caller knows (else one query)."""
    price = price_cents(page)
    if price is None:
        return _("This resource has no institution licence.")
    if has_authors is None:
        has_authors = bool(page.authors.all())
    licence = licences.get_licence(page.licence)
    sale = licences.can_sell(licence, price, seller_is_rights_holder=has_authors)
    return None if sale else sale.reason
