"""Prices and shares, computed once when an order is created: what the buyer pays for a line
(the member price where it applies), the platform's commission and the seller's share, so that
share + commission == price on every line, whatever the rounding."""

from dataclasses import dataclass

from django.conf import settings

from accounts.roles import gets_member_price


@dataclass(frozen=True)
class LineAmounts:
    price_cents: int
    commission_cents: int
    seller_share_cents: int
    member_price: bool


def commission_for(price_cents: int, percent: int | None = None) -> int:
    """The platform's share of a price, rounded half up to the cent (in integers: no float
    ever touches money)."""
    if price_cents < 0:
        raise ValueError("a price is never negative")
    percent = settings.BOUTIQUE_COMMISSION_PERCENT if percent is None else percent
    if not 0 <= percent <= 100:
        raise ValueError("the commission is a percentage between 0 and 100")
    return (price_cents * percent + 50) // 100


def split(price_cents: int, percent: int | None = None) -> tuple[int, int]:
    """(commission, seller's share), adding up to the price."""
    commission = commission_for(price_cents, percent)
    return commission, price_cents - commission


def unit_price(resource, user) -> tuple[int, bool]:
    """(price in cents, whether it is the member price) of a resource for this buyer."""
    member_price = resource.member_price_cents
    if member_price is not None and member_price < resource.price_cents and gets_member_price(user):
        return member_price, True
    return resource.price_cents, False


def resource_line(resource, user, percent: int | None = None) -> LineAmounts:
    price, is_member_price = unit_price(resource, user)
    commission, share = split(price, percent)
    return LineAmounts(price, commission, share, is_member_price)


def institution_line(price_cents: int, percent: int | None = None) -> LineAmounts:
    """An institution licence (its price from resources/institution_offer.py): the same
    commission as any sale of the resource, never a member price."""
    commission, share = split(price_cents, percent)
    return LineAmounts(price_cents, commission, share, False)


def membership_line(price_cents: int) -> LineAmounts:
    """The yearly membership: all of it goes to APOP."""
    return LineAmounts(price_cents, price_cents, 0, False)


def commission_percent() -> int:
    """The platform's commission on each sale, in percent (BOUTIQUE_COMMISSION_PERCENT)."""
    return settings.BOUTIQUE_COMMISSION_PERCENT


@dataclass(frozen=True)
class Earning:
    """What one sale at one of a resource's prices gives its seller."""

    member_price: bool
    price_cents: int
    commission_cents: int
    net_cents: int
    institution: bool = False  # a sale of an institution licence


def seller_earnings(
    price_cents: int,
    member_price_cents: int | None = None,
    percent: int | None = None,
    *,
    institution_price_cents: int | None = None,
) -> list[Earning]:
    """The seller's net per sale at the regular price, then at the member price when there is
    one below it (as unit_price charges members), then for an institution licence when one is
    offered (`institution_price_cents`: resources.institution_offer.price_for); nothing for a
    free resource. The same split as the order lines the checkout writes."""
    if price_cents <= 0:
        return []
    earnings = [Earning(False, price_cents, *split(price_cents, percent))]
    if member_price_cents is not None and member_price_cents < price_cents:
        earnings.append(Earning(True, member_price_cents, *split(member_price_cents, percent)))
    if institution_price_cents:
        earnings.append(
            Earning(False, institution_price_cents, *split(institution_price_cents, percent), True)
        )
    return earnings
