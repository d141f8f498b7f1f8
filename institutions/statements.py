"""The monthly statement (« état de compte mensuel ») of a member institution: what its staff
downloaded, per discipline and per resource, what they bought, the institution licences bought
for it, the taxes, refunds and the savings member prices gave, and how many staff members were
active. Months are calendar months in the site's time zone (America/Toronto).

Law 25: downloads are counted, never listed by person; staff purchases are grouped by resource
without the buyer; only the buyers of institution licences (billed to the institution) are
named. Staff are the accounts with a confirmed address in the institution's domains today
(accounts.roles.staff_user_ids, the rule of the member price)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from accounts import roles
from accounts.models import Institution
from accounts.roles import staff_user_ids
from boutique.models import Order, OrderLine
from resources.models import Download

from .models import Statement

# The figures' layout; a reader of an older layout knows it by this number.
FIGURES_VERSION = 1


# --- Months ----------------------------------------------------------------------------------


def month_bounds(first_day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """[start, end) of the month starting on `first_day`: midnight in Toronto on its first day
    and on the next month's (daylight saving time included)."""
    zone = timezone.get_default_timezone()
    following = (first_day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return (
        datetime.datetime.combine(first_day, datetime.time(), tzinfo=zone),
        datetime.datetime.combine(following, datetime.time(), tzinfo=zone),
    )


def previous_month(today: datetime.date | None = None) -> datetime.date:
    """The first day of the month before `today` (Toronto's date by default)."""
    today = today or timezone.localdate()
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def parse_month(text: str) -> datetime.date:
    """« 2026-11 » as 2026-11-01; ValueError otherwise."""
    try:
        return datetime.datetime.strptime(text.strip(), "%Y-%m").date()  # noqa: DTZ007 (a date)
    except ValueError:
        raise ValueError(f"{text!r} is not a month written YYYY-MM") from None


def is_over(first_day: datetime.date, now: datetime.datetime | None = None) -> bool:
    """Has the month ended (in Toronto)? Only then are its figures final."""
    return month_bounds(first_day)[1] <= (now or timezone.now())


def member_during(institution: Institution, first_day: datetime.date) -> bool:
    """Was the institution an FCP member for part of the month (its membership period, both end
    days included, touches the month)?"""
    last_day = month_bounds(first_day)[1].date() - datetime.timedelta(days=1)
    if institution.member_from and institution.member_until:
        return institution.member_from <= last_day and institution.member_until >= first_day
    return False


# --- Figures ---------------------------------------------------------------------------------


def _downloads(staff: set[int], start, end) -> tuple[dict, set[int]]:
    """Counts per discipline and per resource, and who downloaded (for the active count only:
    never written into the figures)."""
    month = Download.objects.filter(user_id__in=staff, created_at__gte=start, created_at__lt=end)
    by_resource = list(
        month.values("resource_id", "resource__title")
        .annotate(n=Count("pk"))
        .order_by("-n", "resource__title", "resource_id")
    )
    # A resource in two disciplines counts in both: the discipline rows may add up to more than
    # the total, which the statement says.
    by_discipline = list(
        month.values(
            "resource__disciplines__code",
            "resource__disciplines__name_fr",
            "resource__disciplines__name_en",
        )
        .annotate(n=Count("pk"))
        .order_by("-n", "resource__disciplines__code")
    )
    users = set(month.values_list("user_id", flat=True).distinct())
    return {
        "total": sum(row["n"] for row in by_resource),
        "by_discipline": [
            {
                "code": row["resource__disciplines__code"] or "",
                "name_fr": row["resource__disciplines__name_fr"] or "",
                "name_en": row["resource__disciplines__name_en"] or "",
                "downloads": row["n"],
            }
            for row in by_discipline
        ],
        "by_resource": [
            {
                "resource_id": row["resource_id"],
                "title": row["resource__title"],
                "downloads": row["n"],
            }
            for row in by_resource
        ],
    }, users


def allocate_tax(tax_cents: int, prices: list[int]) -> list[int]:
    """An order's taxes shared among its lines in proportion to their prices, in whole cents
    that add up to the order's taxes (largest remainders first, then the earlier line)."""
    subtotal = sum(prices)
    if subtotal == 0:
        return [0] * len(prices)
    shares = [tax_cents * price // subtotal for price in prices]
    remainders = sorted(range(len(prices)), key=lambda i: (-(tax_cents * prices[i] % subtotal), i))
    for i in remainders[: tax_cents - sum(shares)]:
        shares[i] += 1
    return shares


def _lines(institution: Institution, staff: set[int], start, end) -> list[tuple[OrderLine, int]]:
    """The month's relevant paid lines with their share of their order's taxes: the staff's
    resource purchases and the institution licences bought for the institution (by anyone)."""
    paid = Order.objects.filter(status__in=Order.PAID_STATUSES, paid_at__gte=start, paid_at__lt=end)
    relevant = Q(kind=OrderLine.Kind.RESOURCE, order__user_id__in=staff) | Q(
        kind=OrderLine.Kind.INSTITUTION, institution=institution
    )
    orders = paid.filter(lines__in=OrderLine.objects.filter(relevant)).distinct()
    # Every line of those orders, to share each order's taxes exactly.
    every_line = (
        OrderLine.objects.filter(order__in=orders)
        .select_related("order__user", "resource", "institution_licence")
        .order_by("order__paid_at", "order_id", "pk")
    )
    by_order = defaultdict(list)
    for line in every_line:
        by_order[line.order_id].append(line)
    kept = []
    for lines in by_order.values():
        order = lines[0].order
        taxes = allocate_tax(order.tax_cents, [line.price_cents for line in lines])
        for line, tax in zip(lines, taxes, strict=True):
            is_staff_purchase = line.kind == OrderLine.Kind.RESOURCE and order.user_id in staff
            is_licence = (
                line.kind == OrderLine.Kind.INSTITUTION and line.institution_id == institution.pk
            )
            if is_staff_purchase or is_licence:
                kept.append((line, tax))
    return kept


def _savings(line: OrderLine) -> int:
    """What the member price saved on a line: the resource's regular price (order lines keep
    only the price paid) less the price paid; nothing when the resource is gone."""
    if not line.member_price or line.resource is None:
        return 0
    return max(line.resource.price_cents - line.price_cents, 0)


def _local_date(moment: datetime.datetime | None) -> str:
    return timezone.localdate(moment).isoformat() if moment else ""


def _purchases(kept) -> tuple[list[dict], list[dict], set[int]]:
    """Staff purchases grouped by resource (no buyer), institution licences one by one (their
    buyer named: they are billed to the institution), and the staff buyers' ids."""
    purchases: dict = {}
    licences = []
    buyers = set()
    for line, tax in kept:
        order = line.order
        if line.kind == OrderLine.Kind.RESOURCE:
            buyers.add(order.user_id)
            row = purchases.setdefault(
                line.resource_id or f"title:{line.title}",
                {
                    "resource_id": line.resource_id,
                    "title": line.title,
                    "count": 0,
                    "amount_cents": 0,
                    "tax_cents": 0,
                    "refunded_cents": 0,
                    "member_price_count": 0,
                    "savings_cents": 0,
                },
            )
            row["count"] += 1
            row["amount_cents"] += line.price_cents
            row["tax_cents"] += tax
            row["refunded_cents"] += line.refunded_cents
            row["member_price_count"] += int(line.member_price)
            row["savings_cents"] += _savings(line)
            continue
        licence = getattr(line, "institution_licence", None)
        buyer = order.user
        licences.append(
            {
                "date": _local_date(order.paid_at),
                "order": order.reference,
                "title": line.title,
                # None: the buyer closed their account (the statement says so in its language).
                "buyer": (buyer.display_name or buyer.get_full_name()) if buyer else None,
                "buyer_id": order.user_id,
                "amount_cents": line.price_cents,
                "tax_cents": tax,
                "refunded_cents": line.refunded_cents,
                "starts_on": _local_date(licence.starts_at) if licence else "",
                "ends_on": _local_date(licence.ends_at) if licence else "",
            }
        )
    rows = sorted(purchases.values(), key=lambda row: (-row["amount_cents"], row["title"]))
    return rows, licences, buyers


def compute(institution: Institution, first_day: datetime.date) -> dict:
    """The statement's figures for the month starting on `first_day`, as JSON-ready data; a
    fixed number of queries whatever the number of staff, downloads or orders."""
    start, end = month_bounds(first_day)
    staff = staff_user_ids(institution)
    downloads, downloaders = _downloads(staff, start, end)
    purchases, licences, buyers = _purchases(_lines(institution, staff, start, end))
    licence_buyers = {row.pop("buyer_id") for row in licences}
    rows = purchases + licences
    amount = sum(row["amount_cents"] for row in rows)
    tax = sum(row["tax_cents"] for row in rows)
    refunded = sum(row["refunded_cents"] for row in rows)
    return {
        "version": FIGURES_VERSION,
        "institution": institution.name,
        "month": first_day.strftime("%Y-%m"),
        "staff": len(staff),
        # Staff who downloaded or bought anything, or bought a licence for the institution.
        "active_staff": len(downloaders | buyers | (licence_buyers & staff)),
        "downloads": downloads,
        "purchases": purchases,
        "licences": licences,
        "totals": {
            "purchases_cents": sum(row["amount_cents"] for row in purchases),
            "licences_cents": sum(row["amount_cents"] for row in licences),
            "amount_cents": amount,
            "tax_cents": tax,
            "total_cents": amount + tax,
            "refunded_cents": refunded,
            "net_cents": amount + tax - refunded,
            "savings_cents": sum(row["savings_cents"] for row in purchases),
        },
    }


# --- Records ---------------------------------------------------------------------------------


def ensure_statement(institution: Institution, first_day: datetime.date) -> Statement:
    """The institution's statement of that month, computed the first time only: a second run
    (or two at once) finds the one already made."""
    existing = Statement.objects.filter(institution=institution, month=first_day).first()
    if existing is not None:
        return existing
    figures = compute(institution, first_day)
    try:
        with transaction.atomic():
            return Statement.objects.create(
                institution=institution, month=first_day, figures=figures
            )
    except IntegrityError:
        # Another run made it between our look and our write: theirs is the statement.
        return Statement.objects.get(institution=institution, month=first_day)


def member_institutions(first_day: datetime.date) -> list[Institution]:
    """The institutions that were members for part of the month: they get a statement."""
    return [
        institution
        for institution in Institution.objects.order_by("name")
        if member_during(institution, first_day)
    ]


def statements_of(institutions) -> dict[int, list[Statement]]:
    """{institution id: its statements, latest month first}, in one query (the representative's
    page)."""
    grouped: dict[int, list[Statement]] = {institution.pk: [] for institution in institutions}
    for statement in Statement.objects.filter(institution__in=institutions).order_by("-month"):
        grouped[statement.institution_id].append(statement)
    return grouped


def statement_for_representative(user, pk: int) -> Statement | None:
    """Statement `pk` when `user` represents its institution today (named, and a confirmed
    address still in its domains: accounts.roles), else None."""
    represented = [institution.pk for institution in roles.represented_institutions(user)]
    if not represented:
        return None
    return (
        Statement.objects.filter(pk=pk, institution_id__in=represented)
        .select_related("institution")
        .first()
    )
