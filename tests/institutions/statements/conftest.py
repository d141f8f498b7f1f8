"""The world of the statement tests: a member college, its staff (confirmed addresses in its
domain and a sub-domain), people who are not its staff, a month of downloads and orders around
November 2026's boundaries in Toronto, and two representatives (French and English)."""

import datetime
import itertools
from types import SimpleNamespace

import pytest

from accounts.models import Institution, InstitutionDomain, InstitutionRepresentative
from boutique.models import InstitutionLicence, Order, OrderLine
from resources.models import Download

TORONTO = datetime.timezone(datetime.timedelta(hours=-5))  # EST, all of November after the 1st
EDT = datetime.timezone(datetime.timedelta(hours=-4))  # until November 1, 2:00
NOVEMBER = datetime.date(2026, 11, 1)

_references = itertools.count(1)


def at(year, month, day, hour=12, minute=0, zone=TORONTO):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=zone)


def download(user, resource, when):
    record = Download.objects.create(user=user, resource=resource)
    Download.objects.filter(pk=record.pk).update(created_at=when)
    return record


def order(buyer, lines, *, paid_at, tax_cents=0, status=Order.Status.PAID):
    """A paid order built with the models: `lines` are (kind, resource, price, member price?,
    refunded, institution) tuples; commission is the whole price (shares do not matter here)."""
    subtotal = sum(line[2] for line in lines)
    refunded = sum(line[4] for line in lines)
    record = Order.objects.create(
        reference=f"APOP-STMT-{next(_references):05d}",
        user=buyer,
        email=buyer.email if buyer else "",
        status=status,
        subtotal_cents=subtotal,
        tax_cents=tax_cents,
        total_cents=subtotal + tax_cents,
        refunded_cents=refunded,
        paid_at=paid_at if status != Order.Status.PENDING else None,
    )
    for kind, resource, price, member_price, line_refunded, institution in lines:
        line = OrderLine.objects.create(
            order=record,
            kind=kind,
            resource=resource,
            title=resource.title,
            institution=institution,
            price_cents=price,
            commission_cents=price,
            seller_share_cents=0,
            member_price=member_price,
            refunded_cents=line_refunded,
        )
        if kind == OrderLine.Kind.INSTITUTION:
            InstitutionLicence.objects.create(
                institution=institution,
                resource=resource,
                order_line=line,
                starts_at=paid_at,
                ends_at=paid_at + datetime.timedelta(days=365),
            )
    return record


ALL_RIGHTS_RESERVED = "LicenseRef-APOP-All-Rights-Reserved"
RESOURCE = OrderLine.Kind.RESOURCE
LICENCE = OrderLine.Kind.INSTITUTION


@pytest.fixture
def college(db):
    college = Institution.objects.create(
        name="Cégep de Test",
        member_from=datetime.date(2026, 7, 1),
        member_until=datetime.date(2027, 6, 30),
    )
    InstitutionDomain.objects.create(institution=college, domain="cegep-test.qc.ca")
    # A sub-domain that is another institution's: its people are not the college's staff.
    other = Institution.objects.create(name="Centre de recherche affilié")
    InstitutionDomain.objects.create(institution=other, domain="crea.cegep-test.qc.ca")
    college.other = other
    return college


@pytest.fixture
def world(college, make_member, make_resource):
    """November 2026 at the college (Toronto time):
    - Ana (staff): « Limites » twice on Nov 3, « Python » on Nov 30 at 23:30 (Dec 1 in UTC);
      « Limites » on Oct 31 at 23:50 and on Dec 1 at 00:05 (neither in November).
    - Ben (staff, chimie.cegep-test.qc.ca): « Cinétique » on Nov 1 at 00:10 (EDT).
    - Eve (staff): nothing. Cara (address not confirmed), Dan (the other institution's
      sub-domain), Olga (elsewhere) and an anonymous visitor download in November: not counted.
    - Orders: Ana Nov 5 (Limites at the member price 10,00 $ + Cinétique 20,00 $, taxes
      4,50 $); Ben Nov 20 (Limites at the member price, taxes 1,50 $, refunded 10,00 $);
      Rachel (representative, staff) buys the college's licence of « Cinétique » Nov 12
      (200,00 $, taxes 30,00 $). Not in: Ana's pending order, her order of Oct 31 23:00, Dan's
      order, Olga's licence for the other institution."""
    make = make_member
    ana = make("Ana Lopez", email="ana.lopez@cegep-test.qc.ca")
    ben = make("Ben Côté", email="ben.cote@chimie.cegep-test.qc.ca")
    eve = make("Eve Dubois", email="eve@CEGEP-TEST.qc.ca")
    rachel = make("Rachel Mandataire", email="rachel@cegep-test.qc.ca", language="fr")
    robert = make("Robert Delegate", email="robert@cegep-test.qc.ca", language="en")
    cara = make("Cara Nonconfirmée", email="cara@cegep-test.qc.ca")
    cara.emailaddress_set.update(verified=False)
    dan = make("Dan Ailleurs", email="dan@crea.cegep-test.qc.ca")
    olga = make("Olga Externe", email="olga@example.org")
    for user in (rachel, robert):
        InstitutionRepresentative.objects.create(institution=college, user=user)

    author = make("Marie Auteure", email="marie@example.org")
    sold = {"authors": [author], "licence": ALL_RIGHTS_RESERVED}
    limits = make_resource(
        "Limites", disciplines=("201",), price_cents=1250, member_price_cents=1000, **sold
    )
    kinetics = make_resource(
        "Cinétique", disciplines=("202",), price_cents=2000, member_price_cents=1500, **sold
    )
    python = make_resource("Python", disciplines=("420", "201"), price_cents=0)

    download(ana, limits, at(2026, 11, 3, 9))
    download(ana, limits, at(2026, 11, 3, 10))
    download(ana, python, at(2026, 11, 30, 23, 30))
    download(ana, limits, at(2026, 10, 31, 23, 50, zone=EDT))
    download(ana, limits, at(2026, 12, 1, 0, 5))
    download(ben, kinetics, at(2026, 11, 1, 0, 10, zone=EDT))
    for outsider in (cara, dan, olga, None):
        download(outsider, limits, at(2026, 11, 15))

    o1 = order(
        ana,
        [(RESOURCE, limits, 1000, True, 0, None), (RESOURCE, kinetics, 2000, False, 0, None)],
        paid_at=at(2026, 11, 5),
        tax_cents=450,
    )
    o2 = order(
        ben,
        [(RESOURCE, limits, 1000, True, 1000, None)],
        paid_at=at(2026, 11, 20),
        tax_cents=150,
        status=Order.Status.PARTIALLY_REFUNDED,
    )
    o3 = order(
        rachel,
        [(LICENCE, kinetics, 20000, False, 0, college)],
        paid_at=at(2026, 11, 12),
        tax_cents=3000,
    )
    order(ana, [(RESOURCE, kinetics, 2000, False, 0, None)], paid_at=None, status="pending")
    order(ana, [(RESOURCE, python, 500, False, 0, None)], paid_at=at(2026, 10, 31, 23, zone=EDT))
    order(dan, [(RESOURCE, limits, 1250, False, 0, None)], paid_at=at(2026, 11, 8))
    order(olga, [(LICENCE, limits, 9000, False, 0, college.other)], paid_at=at(2026, 11, 9))
    return SimpleNamespace(
        college=college,
        ana=ana,
        ben=ben,
        eve=eve,
        rachel=rachel,
        robert=robert,
        cara=cara,
        dan=dan,
        olga=olga,
        limits=limits,
        kinetics=kinetics,
        python=python,
        orders=[o1, o2, o3],
    )
