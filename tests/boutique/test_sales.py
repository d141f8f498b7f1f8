"""boutique/sales.py and the seller's page: figures by resource and by month (Toronto), downloads,
payouts pending and paid, the CSV export; only the seller's own lines; a fixed number of queries."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from boutique import sales
from boutique.models import Order, Payout
from resources.models import Download
from tests.boutique.helpers import LICENCE, paid_order, payout

UTC = datetime.UTC


@pytest.fixture
def shop(make_member, make_resource):
    """Alice sells « Limites » (12,50 $) and « Dérivées » (20,00 $); Bob sells « Intégrales »
    (5,00 $). Orders: A (November: Limites + Dérivées + Bob's Intégrales), B (October 31 in
    Toronto, November 1 in UTC: Limites, refunded), C (September: Dérivées), D (pending)."""
    alice = make_member("Alice Martin", membership_expires_on=datetime.date(2030, 1, 1))
    bob = make_member("Bob Roy", membership_expires_on=datetime.date(2030, 1, 1))
    buyer, other_buyer = make_member("Buyer One"), make_member("Buyer Two")
    limits = make_resource("Limites", authors=[alice], price_cents=1250, licence=LICENCE)
    derivatives = make_resource("Dérivées", authors=[alice], price_cents=2000, licence=LICENCE)
    integrals = make_resource("Intégrales", authors=[bob], price_cents=500, licence=LICENCE)
    order_a = paid_order(
        buyer,
        [limits, derivatives, integrals],
        paid_at=datetime.datetime(2026, 11, 10, 15, 0, tzinfo=UTC),
    )
    order_b = paid_order(
        other_buyer,
        [limits],
        paid_at=datetime.datetime(2026, 11, 1, 3, 0, tzinfo=UTC),
        status=Order.Status.REFUNDED,
        refunded=[limits],
    )
    order_c = paid_order(
        other_buyer, [derivatives], paid_at=datetime.datetime(2026, 9, 5, 14, 0, tzinfo=UTC)
    )
    paid_order(other_buyer, [integrals, derivatives], paid_at=None, status=Order.Status.PENDING)
    paid_order(
        buyer,
        [limits],
        paid_at=datetime.datetime(2026, 9, 1, tzinfo=UTC),
        status=Order.Status.FAILED,
    )
    payout(order_a, alice)
    payout(order_a, bob, status=Payout.Status.TRANSFERRED)
    payout(order_b, alice, status=Payout.Status.REVERSED, reversed_cents=1000)
    payout(order_c, alice, status=Payout.Status.TRANSFERRED)
    Download.objects.bulk_create(
        [Download(resource=limits)] * 3 + [Download(resource=integrals)] * 5
    )
    Download.objects.create(resource=derivatives)
    return {
        "alice": alice,
        "bob": bob,
        "buyer": buyer,
        "limits": limits,
        "derivatives": derivatives,
        "integrals": integrals,
        "orders": (order_a, order_b, order_c),
    }


def test_sales_by_resource(shop):
    rows = sales.sales_by_resource(shop["alice"])

    assert rows == [
        sales.ResourceSales(shop["derivatives"].pk, "Dérivées", 2, 4000, 800, 3200, 0),
        sales.ResourceSales(shop["limits"].pk, "Limites", 2, 2500, 500, 2000, 1250),
    ]


def test_sales_by_month_in_toronto_time(shop):
    rows = sales.sales_by_month(shop["alice"])

    assert rows == [
        sales.MonthSales(datetime.date(2026, 11, 1), 2, 3250, 2600, 0),
        # Paid on November 1 at 03:00 UTC: still October 31 in Toronto.
        sales.MonthSales(datetime.date(2026, 10, 1), 1, 1250, 1000, 1250),
        sales.MonthSales(datetime.date(2026, 9, 1), 1, 2000, 1600, 0),
    ]


def test_downloads_of_the_sellers_resources_only(shop):
    rows = sales.downloads_by_resource(shop["alice"])

    assert rows == [
        sales.ResourceDownloads(shop["limits"].pk, "Limites", 3),
        sales.ResourceDownloads(shop["derivatives"].pk, "Dérivées", 1),
    ]


def test_payouts_pending_and_paid_net_of_reversals(shop):
    assert sales.payout_amounts(shop["alice"]) == (2600, 1600)
    assert sales.payout_amounts(shop["bob"]) == (0, 400)


def test_summary_totals(shop):
    summary = sales.summary(shop["alice"])

    assert summary.totals == sales.Totals(4, 6500, 1300, 5200, 1250)
    assert (summary.pending_cents, summary.paid_cents) == (2600, 1600)
    assert summary.has_sales is True


def test_the_sales_page_in_english(client, shop):
    client.force_login(shop["alice"])

    response = client.get("/en/account/sales/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>My sales</h1>" in html
    assert "Dérivées" in html
    assert "$40.00" in html  # Dérivées, gross
    assert "$26.00" in html  # pending payouts
    assert "$16.00" in html  # paid
    assert "$65.00" in html  # total gross
    assert "October 2026" in html
    assert 'href="/en/account/sales/export.csv"' in html
    assert "Intégrales" not in html  # Bob's


def test_the_sales_page_in_french_formats_money_the_quebec_way(client, shop):
    client.force_login(shop["alice"])

    html = client.get("/fr/compte/ventes/").content.decode()

    assert "40,00\u00a0$" in html
    assert "26,00\u00a0$" in html


def test_a_member_without_sales_sees_empty_states(client, make_member):
    member = make_member(membership_expires_on=datetime.date(2030, 1, 1))
    client.force_login(member)

    response = client.get("/en/account/sales/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "No sales yet" in html
    assert "No resources yet" in html
    assert "export.csv" not in html


def test_a_former_member_with_sales_still_sees_them(client, shop):
    alice = shop["alice"]
    alice.membership_expires_on = datetime.date(2020, 1, 1)
    alice.save()
    client.force_login(alice)

    html = client.get("/en/account/sales/").content.decode()

    assert "Dérivées" in html
    assert "Your membership has ended" in html


def test_csv_export(client, shop):
    client.force_login(shop["alice"])
    order_a, order_b, order_c = shop["orders"]

    response = client.get("/en/account/sales/export.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ventes-apop.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")  # BOM
    assert response.content.decode("utf-8-sig").splitlines() == [
        "Date,Order,Resource,Price,Commission,My share,Refunded,Payout",
        f"2026-09-05,{order_c.reference},Dérivées,20.00,4.00,16.00,0.00,transferred",
        f"2026-10-31,{order_b.reference},Limites,12.50,2.50,10.00,12.50,reversed",
        f"2026-11-10,{order_a.reference},Limites,12.50,2.50,10.00,0.00,pending",
        f"2026-11-10,{order_a.reference},Dérivées,20.00,4.00,16.00,0.00,pending",
    ]


def test_another_sellers_lines_never_appear(client, shop):
    client.force_login(shop["bob"])
    order_a = shop["orders"][0]

    rows = client.get("/en/account/sales/export.csv").content.decode("utf-8-sig").splitlines()
    page = client.get("/en/account/sales/").content.decode()

    assert rows[1:] == [
        f"2026-11-10,{order_a.reference},Intégrales,5.00,1.00,4.00,0.00,transferred"
    ]
    assert "Limites" not in page
    assert "Dérivées" not in page


def test_the_export_of_someone_without_sales_is_a_header(client, make_member):
    client.force_login(make_member())

    rows = client.get("/en/account/sales/export.csv").content.decode("utf-8-sig").splitlines()

    assert rows == ["Date,Order,Resource,Price,Commission,My share,Refunded,Payout"]


def test_the_export_cannot_run_a_formula_typed_in_a_title(client, make_member, make_resource):
    """CSV injection: titles starting with =, +, -, @, a tab or a carriage return are written as
    text (a leading apostrophe); amounts stay numbers."""
    seller = make_member("Alice Martin", membership_expires_on=datetime.date(2030, 1, 1))
    titles = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rRetour"]
    pages = [
        make_resource(title, authors=[seller], price_cents=500, licence=LICENCE) for title in titles
    ]
    order = paid_order(
        make_member("Buyer"), pages, paid_at=datetime.datetime(2026, 11, 10, 15, 0, tzinfo=UTC)
    )
    client.force_login(seller)

    content = client.get("/en/account/sales/export.csv").content.decode("utf-8-sig")

    rows = list(csv.reader(io.StringIO(content)))
    assert sorted(row[2] for row in rows[1:]) == sorted("'" + title for title in titles)
    assert {row[3] for row in rows[1:]} == {"5.00"}
    assert all(row[1] == order.reference for row in rows[1:])


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+1+1", "-x", "@A1", "\tA", "\rA"],
)
def test_a_formula_cell_becomes_text(value):
    from core.spreadsheet import safe_cell

    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["-2.50", "12.50", "+3", "Limites", "", 7, None])
def test_numbers_and_plain_text_are_left_alone(value):
    from core.spreadsheet import safe_cell

    assert safe_cell(value) == value


@pytest.mark.parametrize(
    ("cents", "text"),
    [(0, "0.00"), (5, "0.05"), (1250, "12.50"), (100000, "1000.00"), (-250, "-2.50")],
)
def test_decimal_amounts(cents, text):
    assert sales.decimal_amount(cents) == text


@pytest.mark.parametrize("url", ["/en/account/sales/", "/en/account/sales/export.csv"])
def test_signed_in_only(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert "/compte/login/" in response["Location"] or "login" in response["Location"]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/en/account/sales/", "/en/account/sales/export.csv"])
def test_the_number_of_queries_does_not_grow_with_the_sales(
    client, make_member, make_resource, url
):
    seller = make_member(membership_expires_on=datetime.date(2030, 1, 1))
    buyer = make_member()
    resources = [
        make_resource(f"Ressource {n}", authors=[seller], price_cents=1000 + n, licence=LICENCE)
        for n in range(5)
    ]
    first = paid_order(buyer, resources[:1], paid_at=datetime.datetime(2026, 1, 5, tzinfo=UTC))
    payout(first, seller)
    client.force_login(seller)
    client.get(url)  # warm up: session, site, content types
    one_sale = _queries(client, url)

    for month, resource in enumerate(resources[1:], start=2):
        order = paid_order(buyer, [resource], paid_at=datetime.datetime(2026, month, 5, tzinfo=UTC))
        payout(order, seller, status=Payout.Status.TRANSFERRED)
        Download.objects.create(resource=resource)
    five_sales = _queries(client, url)

    assert five_sales == one_sale
