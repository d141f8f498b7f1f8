"""Institution licences (« licences d'établissement »): a college's local representative buys one
for a paid resource through the cart and Checkout; once paid, every staff member of the college
(a confirmed e-mail in its domains) downloads the resource without buying it, for a year. A
renewal extends from the current end; a refund revokes. The resource's seller is paid through
the same payouts as for other lines.

Who may buy (a representative, resources/institution_offer.py's offer and licence rule), the
licence's period, and who may download through one, in one place."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Max, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from resources import institution_offer

from .models import InstitutionLicence, OrderLine


def one_year_after(moment: datetime.datetime) -> datetime.datetime:
    """The same moment a year later (February 29 becomes February 28)."""
    try:
        return moment.replace(year=moment.year + 1)
    except ValueError:
        return moment.replace(year=moment.year + 1, day=28)


def line_title(resource, institution) -> str:
    """The order line's title (kept as bought): « <resource> — Licence d'établissement — <institution> »."""
    return _("%(title)s — Institution licence — %(institution)s") % {
        "title": resource.title,
        "institution": institution.name,
    }


def refusal(resource, institution, user) -> str:
    """Why this user cannot buy an institution licence of `resource` for `institution` (a
    message for them), or "" when they can."""
    if institution is None or institution not in roles.represented_institutions(user):
        return _("Only a local representative of the institution may buy its licences.")
    reason = institution_offer.offer_refusal(resource)
    return str(reason) if reason else ""


def _running():
    """Licences not revoked and not over yet: the last one's end is where a renewal starts."""
    return InstitutionLicence.objects.filter(revoked_at__isnull=True, ends_at__gt=timezone.now())


def current_ends(institution_ids, resource_ids) -> dict[tuple[int, int], datetime.datetime]:
    """{(institution id, resource id): the end of its running licences}: where a renewal
    starts. One query."""
    rows = (
        _running()
        .filter(institution_id__in=list(institution_ids), resource_id__in=list(resource_ids))
        .values("institution_id", "resource_id")
        .annotate(end=Max("ends_at"))
    )
    return {(row["institution_id"], row["resource_id"]): row["end"] for row in rows}


def end_columns(institutions) -> dict:
    """Annotations of a ResourcePage query: `end_<institution id>`, what current_ends gives for
    each of these institutions and the row's resource, so that the resource page reads them
    inside the query it makes anyway."""
    return {
        f"end_{institution.pk}": Subquery(
            _running()
            .filter(institution_id=institution.pk, resource=OuterRef("pk"))
            .order_by("-ends_at")
            .values("ends_at")[:1]
        )
        for institution in institutions
    }


def ends_in(row: dict, resource_id: int) -> dict[tuple[int, int], datetime.datetime]:
    """current_ends from a row annotated with end_columns."""
    return {
        (int(column.removeprefix("end_")), resource_id): end
        for column, end in row.items()
        if column.startswith("end_") and end is not None
    }


def grant(lines: list[OrderLine], paid_at: datetime.datetime) -> None:
    """A licence for each institution line of a paid order: from the payment, or from the end
    of the institution's current licence of the resource (a renewal), for a year. An order's
    line never gets two (its licence is one-to-one with it)."""
    wanted = [
        line
        for line in lines
        if line.kind == OrderLine.Kind.INSTITUTION
        and line.resource_id is not None
        and line.institution_id is not None
    ]
    if not wanted:
        return
    already = set(
        InstitutionLicence.objects.filter(order_line__in=wanted).values_list(
            "order_line_id", flat=True
        )
    )
    # An order holds one line per institution and resource (a constraint): the current ends,
    # read once, are each line's own.
    ends = current_ends(
        {line.institution_id for line in wanted}, {line.resource_id for line in wanted}
    )
    for line in wanted:
        if line.pk in already:
            continue
        start = max(paid_at, ends.get((line.institution_id, line.resource_id), paid_at))
        InstitutionLicence.objects.create(
            institution_id=line.institution_id,
            resource_id=line.resource_id,
            order_line=line,
            starts_at=start,
            ends_at=one_year_after(start),
        )


def revoke(line: OrderLine, when: datetime.datetime) -> None:
    """A refunded line's licence stops now."""
    InstitutionLicence.objects.filter(order_line=line, revoked_at__isnull=True).update(
        revoked_at=when
    )


def _usable(institutions):
    """The live licences of these institutions, the one lasting longest first."""
    return (
        InstitutionLicence.objects.live()
        .filter(institution__in=institutions)
        .order_by("-ends_at", "-pk")
    )


def live_licence(user, resource_id, institutions=None):
    """The live licence through which this user (staff of its institution) may download the
    resource, the one lasting longest; None otherwise. `institutions`: the user's, when the
    caller has them (roles.institutions_of). At most two queries, whatever the numbers."""
    if not getattr(user, "is_authenticated", False):
        return None
    if institutions is None:
        institutions = roles.institutions_of(user)
    if not institutions:
        return None
    return (
        _usable(institutions).filter(resource_id=resource_id).select_related("institution").first()
    )


@dataclass(frozen=True)
class LicenceShown:
    """The live licence a resource page names: its institution and its end."""

    institution: object
    ends_at: datetime.datetime


def licence_columns(institutions) -> dict:
    """Annotations of a ResourcePage query: `licence_institution` and `licence_ends` of the live
    licence live_licence would find among `institutions` (None without one), so that the page
    reads it inside the query it makes anyway."""
    usable = _usable(institutions).filter(resource=OuterRef("pk"))
    return {
        "licence_institution": Subquery(usable.values("institution_id")[:1]),
        "licence_ends": Subquery(usable.values("ends_at")[:1]),
    }


def licence_shown(row: dict, institutions) -> LicenceShown | None:
    """The licence of a row annotated with licence_columns(institutions), or None."""
    institution = next((i for i in institutions if i.pk == row.get("licence_institution")), None)
    return LicenceShown(institution, row["licence_ends"]) if institution is not None else None


@dataclass
class Offer:
    """What a representative sees on a resource page for one of their institutions."""

    institution: object
    price_cents: int
    live_until: datetime.datetime | None  # its current licence's end: buying renews it
    in_cart: bool = False


def offers(
    user, resource, cart_pairs=(), institutions=None, *, has_authors=None, ends=None
) -> list[Offer]:
    """The institution licences this user may buy for `resource`, one per institution they
    represent (none for anybody else). What the caller already has saves a query each:
    `institutions`, the user's (roles.institutions_of); `has_authors`, whether the resource has
    any; `ends`, current_ends of the represented institutions. Three queries at most."""
    price = institution_offer.price_cents(resource)
    if price is None or not getattr(user, "is_authenticated", False):
        return []
    institutions = roles.represented_institutions(user, institutions)
    if not institutions or institution_offer.offer_refusal(resource, has_authors):
        return []
    if ends is None:
        ends = current_ends([i.pk for i in institutions], [resource.pk])
    pairs = {tuple(pair) for pair in cart_pairs}
    return [
        Offer(
            institution=institution,
            price_cents=price,
            live_until=ends.get((institution.pk, resource.pk)),
            in_cart=(resource.pk, institution.pk) in pairs,
        )
        for institution in institutions
    ]
