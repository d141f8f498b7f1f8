"""institutions/statements.py: a month's figures for a member institution on PostgreSQL — its
staff by confirmed address (sub-domains included, another institution's sub-domain excluded),
downloads per discipline and per resource, purchases and institution licences with their
taxes, refunds and savings, months in Toronto time, a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import staff_user_ids
from institutions import statements
from institutions.models import Statement
from resources.models import Discipline
from tests.institutions.statements.conftest import NOVEMBER, at, download, order

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

UTC = datetime.UTC


def _discipline(code, downloads):
    discipline = Discipline.objects.get(code=code)
    return {
        "code": code,
        "name_fr": discipline.name_fr,
        "name_en": discipline.name_en,
        "downloads": downloads,
    }


def test_the_staff_are_the_confirmed_addresses_of_the_domains_and_their_sub_domains(world):
    staff = staff_user_ids(world.college)

    assert staff == {u.pk for u in (world.ana, world.ben, world.eve, world.rachel, world.robert)}
    assert staff_user_ids(world.college.other) == {world.dan.pk}


def test_the_months_figures_count_the_staff_only_within_the_month_in_toronto(world):
    figures = statements.compute(world.college, NOVEMBER)

    assert figures["downloads"] == {
        "total": 4,
        "by_discipline": [_discipline("201", 3), _discipline("202", 1), _discipline("420", 1)],
        "by_resource": [
            {"resource_id": world.limits.pk, "title": "Limites", "downloads": 2},
            {"resource_id": world.kinetics.pk, "title": "Cinétique", "downloads": 1},
            {"resource_id": world.python.pk, "title": "Python", "downloads": 1},
        ],
    }
    assert (figures["staff"], figures["active_staff"]) == (5, 3)
    assert (figures["institution"], figures["month"], figures["version"]) == (
        "Cégep de Test",
        "2026-11",
        1,
    )


def test_purchases_are_grouped_by_resource_with_their_share_of_taxes_refunds_and_savings(world):
    figures = statements.compute(world.college, NOVEMBER)

    assert figures["purchases"] == [
        {
            "resource_id": world.kinetics.pk,
            "title": "Cinétique",
            "count": 1,
            "amount_cents": 2000,
            "tax_cents": 300,
            "refunded_cents": 0,
            "member_price_count": 0,
            "savings_cents": 0,
        },
        {
            "resource_id": world.limits.pk,
            "title": "Limites",
            "count": 2,
            "amount_cents": 2000,
            "tax_cents": 150 + 150,
            "refunded_cents": 1000,
            "member_price_count": 2,
            "savings_cents": 2 * (1250 - 1000),
        },
    ]


def test_institution_licences_name_their_buyer(world):
    licence_order = world.orders[2]

    figures = statements.compute(world.college, NOVEMBER)

    assert figures["licences"] == [
        {
            "date": "2026-11-12",
            "order": licence_order.reference,
            "title": "Cinétique",
            "buyer": "Rachel Mandataire",
            "amount_cents": 20000,
            "tax_cents": 3000,
            "refunded_cents": 0,
            "starts_on": "2026-11-12",
            "ends_on": "2027-11-12",
        }
    ]


def test_the_totals_equal_the_months_orders(world):
    orders = world.orders

    totals = statements.compute(world.college, NOVEMBER)["totals"]

    assert totals == {
        "purchases_cents": 4000,
        "licences_cents": 20000,
        "amount_cents": sum(o.subtotal_cents for o in orders),
        "tax_cents": sum(o.tax_cents for o in orders),
        "total_cents": sum(o.total_cents for o in orders),
        "refunded_cents": sum(o.refunded_cents for o in orders),
        "net_cents": sum(o.total_cents - o.refunded_cents for o in orders),
        "savings_cents": 500,
    }
    assert (totals["amount_cents"], totals["tax_cents"], totals["total_cents"]) == (
        24000,
        3600,
        27600,
    )


def test_a_download_at_23_30_on_the_last_day_in_toronto_belongs_to_that_month(world):
    # 23:30 on November 30 in Toronto is 04:30 on December 1 in UTC.
    december = statements.compute(world.college, datetime.date(2026, 12, 1))
    october = statements.compute(world.college, datetime.date(2026, 10, 1))

    assert december["downloads"]["by_resource"] == [
        {"resource_id": world.limits.pk, "title": "Limites", "downloads": 1}
    ]
    assert october["downloads"]["total"] == 1
    assert october["totals"]["amount_cents"] == 500  # Ana's order of October 31 at 23:00


def test_month_bounds_are_midnight_in_toronto_across_the_change_of_time():
    assert statements.month_bounds(NOVEMBER) == (
        datetime.datetime(2026, 11, 1, 4, tzinfo=UTC),  # EDT
        datetime.datetime(2026, 12, 1, 5, tzinfo=UTC),  # EST
    )
    assert statements.month_bounds(datetime.date(2026, 12, 1))[1] == datetime.datetime(
        2027, 1, 1, 5, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 12, 1), NOVEMBER),
        (datetime.date(2027, 1, 31), datetime.date(2026, 12, 1)),
        (datetime.date(2026, 3, 1), datetime.date(2026, 2, 1)),
    ],
)
def test_the_past_month(today, expected):
    assert statements.previous_month(today) == expected


@pytest.mark.parametrize("text", ["2026-13", "2026/11", "novembre", "", "2026-11-01"])
def test_a_month_is_written_yyyy_mm(text):
    with pytest.raises(ValueError, match="YYYY-MM"):
        statements.parse_month(text)


def test_a_month_is_over_at_midnight_in_toronto():
    assert not statements.is_over(NOVEMBER, now=at(2026, 11, 30, 23, 59))
    assert statements.is_over(NOVEMBER, now=at(2026, 12, 1, 0, 0))


@pytest.mark.parametrize(
    ("tax", "prices", "shares"),
    [
        (450, [1000, 2000], [150, 300]),
        (100, [1, 1, 1], [34, 33, 33]),
        (7, [500, 0, 1500], [2, 0, 5]),
        (0, [1000], [0]),
        (10, [0, 0], [0, 0]),
    ],
)
def test_an_orders_taxes_are_shared_in_whole_cents_that_add_up(tax, prices, shares):
    assert statements.allocate_tax(tax, prices) == shares


def test_an_institution_is_a_member_for_the_months_its_period_touches(college):
    assert statements.member_during(college, datetime.date(2026, 7, 1))
    assert statements.member_during(college, datetime.date(2027, 6, 1))
    assert not statements.member_during(college, datetime.date(2026, 6, 1))
    assert not statements.member_during(college, datetime.date(2027, 7, 1))
    # Without a period, never a member (the admin refuses a period with one end only).
    assert statements.member_during(college.other, NOVEMBER) is False
    college.member_from = college.member_until = None
    assert not statements.member_during(college, NOVEMBER)


def test_a_statement_is_computed_once_and_kept_as_it_was(world):
    first = statements.ensure_statement(world.college, NOVEMBER)
    download(world.eve, world.limits, at(2026, 11, 20))

    again = statements.ensure_statement(world.college, NOVEMBER)

    assert again.pk == first.pk
    assert again.figures["downloads"]["total"] == 4
    assert Statement.objects.count() == 1


def test_the_figures_cost_the_same_queries_whatever_the_activity(world):
    with CaptureQueriesContext(connection) as before:
        statements.compute(world.college, NOVEMBER)
    for day in range(2, 20):
        download(world.eve, world.python, at(2026, 11, day))
        download(world.ben, world.limits, at(2026, 11, day))
    order(world.eve, [("resource", world.python, 300, False, 0, None)], paid_at=at(2026, 11, 21))

    with CaptureQueriesContext(connection) as after:
        figures = statements.compute(world.college, NOVEMBER)

    assert figures["downloads"]["total"] == 4 + 36
    assert len(after) == len(before) == 7
