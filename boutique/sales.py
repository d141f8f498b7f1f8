"""A seller's figures: sales by resource and by month, downloads of their resources, payouts
pending and paid, and the CSV export of every sold line. Each is one query, whatever the number
of sales (the page's cost does not grow with a seller's success)."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, Max, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheet import safe_row
from resources.models import Download, ResourcePage

from .models import Order, OrderLine, Payout


def sold_lines(seller, kinds=(OrderLine.Kind.RESOURCE,)):
    """The seller's lines (resources; institution licences too when asked) on orders that were
    paid (refunded or not)."""
    return OrderLine.objects.filter(
        seller=seller, kind__in=kinds, order__status__in=Order.PAID_STATUSES
    )


def _sold_on():
    # Paid orders always have paid_at; created_at only guards against a row written by hand.
    return Coalesce("order__paid_at", "order__created_at")


@dataclass
class ResourceSales:
    resource_id: int | None
    title: str
    count: int
    gross_cents: int
    commission_cents: int
    share_cents: int
    refunded_cents: int


@dataclass
class MonthSales:
    month: datetime.date  # the first day of the month, in the site's time zone
    count: int
    gross_cents: int
    share_cents: int
    refunded_cents: int


@dataclass
class ResourceDownloads:
    resource_id: int
    title: str
    downloads: int


@dataclass
class Totals:
    count: int = 0
    gross_cents: int = 0
    commission_cents: int = 0
    share_cents: int = 0
    refunded_cents: int = 0


@dataclass
class InstitutionSale:
    """An institution licence the seller sold: shown apart from the sales to teachers."""

    sold_on: datetime.datetime
    title: str
    institution: str
    price_cents: int
    share_cents: int
    refunded_cents: int
    licence_until: datetime.datetime | None  # None once refunded (revoked)


@dataclass
class SalesSummary:
    by_resource: list[ResourceSales]
    by_month: list[MonthSales]
    downloads: list[ResourceDownloads]
    totals: Totals
    pending_cents: int
    paid_cents: int
    institution_sales: list[InstitutionSale] = field(default_factory=list)
    has_sales: bool = field(init=False)

    def __post_init__(self):
        self.has_sales = bool(self.by_resource)


def _sums():
    return {
        "count": Count("pk"),
        "gross": Sum("price_cents"),
        "commission": Sum("commission_cents"),
        "share": Sum("seller_share_cents"),
        "refunded": Sum("refunded_cents"),
    }


def sales_by_resource(seller) -> list[ResourceSales]:
    """One row per resource sold, best sellers first. Lines keep the title they were bought
    under; a resource renamed since shows one of its titles."""
    rows = (
        sold_lines(seller)
        .values("resource_id")
        .annotate(title=Max("title"), **_sums())
        .order_by("-gross", "title")
    )
    return [
        ResourceSales(
            resource_id=row["resource_id"],
            title=row["title"],
            count=row["count"],
            gross_cents=row["gross"],
            commission_cents=row["commission"],
            share_cents=row["share"],
            refunded_cents=row["refunded"],
        )
        for row in rows
    ]


def sales_by_month(seller) -> list[MonthSales]:
    """One row per month with sales (months in the site's time zone), latest first."""
    rows = (
        sold_lines(seller)
        .annotate(month=TruncMonth(_sold_on(), tzinfo=timezone.get_default_timezone()))
        .values("month")
        .annotate(**_sums())
        .order_by("-month")
    )
    return [
        MonthSales(
            month=timezone.localdate(row["month"], timezone.get_default_timezone())
            if isinstance(row["month"], datetime.datetime)
            else row["month"],
            count=row["count"],
            gross_cents=row["gross"],
            share_cents=row["share"],
            refunded_cents=row["refunded"],
        )
        for row in rows
    ]


def downloads_by_resource(seller) -> list[ResourceDownloads]:
    """Downloads of each resource the seller wrote or sold, most downloaded first."""
    count = (
        Download.objects.filter(resource=OuterRef("pk"))
        .order_by()
        .values("resource")
        .annotate(n=Count("pk"))
        .values("n")
    )
    sold = sold_lines(seller).exclude(resource=None).values("resource_id")
    pages = (
        ResourcePage.objects.filter(Q(authors=seller) | Q(pk__in=sold))
        .distinct()
        .annotate(downloads=Coalesce(Subquery(count, output_field=IntegerField()), Value(0)))
        .order_by("-downloads", "title")
        .values("pk", "title", "downloads")
    )
    return [ResourceDownloads(row["pk"], row["title"], row["downloads"]) for row in pages]


def institution_sales(seller) -> list[InstitutionSale]:
    """The seller's institution licences sold, latest first (one query)."""
    lines = (
        sold_lines(seller, kinds=(OrderLine.Kind.INSTITUTION,))
        .select_related("order", "institution", "resource", "institution_licence")
        .order_by("-order__paid_at", "-pk")
    )
    sales = []
    for line in lines:
        licence = getattr(line, "institution_licence", None)
        live = licence is not None and licence.revoked_at is None
        sales.append(
            InstitutionSale(
                sold_on=line.order.paid_at or line.order.created_at,
                title=line.resource.title if line.resource else line.title,
                institution=line.institution.name if line.institution else "",
                price_cents=line.price_cents,
                share_cents=line.seller_share_cents,
                refunded_cents=line.refunded_cents,
                licence_until=licence.ends_at if live else None,
            )
        )
    return sales


def payout_amounts(seller) -> tuple[int, int]:
    """(pending, paid) in cents: the seller's payouts waiting for their account, and those
    transferred, each net of what refunds took back."""
    net = F("amount_cents") - F("reversed_cents")
    sums = Payout.objects.filter(seller=seller).aggregate(
        pending=Sum(net, filter=Q(status=Payout.Status.PENDING)),
        paid=Sum(net, filter=Q(status=Payout.Status.TRANSFERRED)),
    )
    return sums["pending"] or 0, sums["paid"] or 0


def summary(seller) -> SalesSummary:
    """Everything the sales page shows, in five queries."""
    by_resource = sales_by_resource(seller)
    totals = Totals()
    for row in by_resource:
        totals.count += row.count
        totals.gross_cents += row.gross_cents
        totals.commission_cents += row.commission_cents
        totals.share_cents += row.share_cents
        totals.refunded_cents += row.refunded_cents
    pending, paid = payout_amounts(seller)
    return SalesSummary(
        by_resource=by_resource,
        by_month=sales_by_month(seller),
        downloads=downloads_by_resource(seller),
        totals=totals,
        pending_cents=pending,
        paid_cents=paid,
        institution_sales=institution_sales(seller),
    )


# --- CSV export ----------------------------------------------------------------------------


def decimal_amount(cents: int) -> str:
    """12.50 from 1250: a dot, two decimals, as every spreadsheet reads it."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def export_rows(seller):
    """(header, rows) of the CSV export: one row per sold line, oldest first (institution
    licences among them, their title saying so)."""
    payout_status = Payout.objects.filter(order=OuterRef("order"), seller=seller).values("status")[
        :1
    ]
    lines = (
        sold_lines(seller, kinds=(OrderLine.Kind.RESOURCE, OrderLine.Kind.INSTITUTION))
        .annotate(sold_on=_sold_on(), payout_status=Subquery(payout_status))
        .order_by("sold_on", "pk")
        .values(
            "sold_on",
            "order__reference",
            "title",
            "price_cents",
            "commission_cents",
            "seller_share_cents",
            "refunded_cents",
            "payout_status",
        )
    )
    labels = dict(Payout.Status.choices)
    header = [
        _("Date"),
        _("Order"),
        _("Resource"),
        _("Price"),
        _("Commission"),
        _("My share"),
        _("Refunded"),
        _("Payout"),
    ]
    rows = (
        [
            timezone.localdate(line["sold_on"], timezone.get_default_timezone()).isoformat(),
            line["order__reference"],
            line["title"],
            decimal_amount(line["price_cents"]),
            decimal_amount(line["commission_cents"]),
            decimal_amount(line["seller_share_cents"]),
            decimal_amount(line["refunded_cents"]),
            str(labels.get(line["payout_status"], "")),
        ]
        for line in lines
    )
    return header, rows


def export_csv(seller) -> str:
    """The export as text, starting with a byte-order mark so that spreadsheets read UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    header, rows = export_rows(seller)
    writer.writerow(header)
    # Titles are typed by members: none may run as a formula in the seller's spreadsheet.
    writer.writerows(safe_row(row) for row in rows)
    return buffer.getvalue()
