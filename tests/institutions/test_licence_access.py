"""Who downloads through an institution licence (issue 18, point 2): every staff member of the
institution — a confirmed e-mail address in one of its domains, sub-domains included — while the
licence is live; nobody once it ends or is revoked by a refund. The resource page says so, at a
fixed number of queries."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.messages import get_messages
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import InstitutionRepresentative
from boutique import entitlements, institution_licences, pricing, refunds
from boutique.models import Entitlement, InstitutionLicence, Order, OrderLine
from tests.institutions.conftest import make_institution

pytestmark = pytest.mark.django_db

PAGE = "/en/resources/examens/"
# /telechargement/ has no language prefix: its message is in French.
FOR_SALE = "Cette ressource est en vente\xa0: elle pourra être téléchargée une fois obtenue."
_numbers = iter(range(900_000, 999_999))


def buy_licence(institution, resource, buyer, *, paid_at=None) -> OrderLine:
    """A paid order of one institution licence, and its licence, as fulfilment makes them."""
    paid_at = paid_at or timezone.now()
    amounts = pricing.institution_line(resource.price_cents * 5)
    order = Order.objects.create(
        reference=f"APOP-2026-{next(_numbers):06d}",
        user=buyer,
        email=buyer.email,
        status=Order.Status.PAID,
        subtotal_cents=amounts.price_cents,
        total_cents=amounts.price_cents,
        stripe_payment_intent="pi_test_licence",
        paid_at=paid_at,
    )
    line = OrderLine.objects.create(
        order=order,
        kind=OrderLine.Kind.INSTITUTION,
        resource=resource,
        institution=institution,
        title=institution_licences.line_title(resource, institution),
        seller=resource.authors.first(),
        price_cents=amounts.price_cents,
        commission_cents=amounts.commission_cents,
        seller_share_cents=amounts.seller_share_cents,
    )
    institution_licences.grant([line], paid_at)
    return line


def downloads(client, user, resource) -> bool:
    client.force_login(user)
    response = client.get(f"/telechargement/{resource.pk}/")
    if response.status_code == 200:
        assert response["Content-Type"] == "application/zip"
        return True
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [FOR_SALE]
    return False


def test_every_staff_member_downloads_while_the_licence_lasts(
    client, college, representative, teacher, outsider, exams
):
    buy_licence(college, exams, representative)

    assert downloads(client, teacher, exams) is True  # info.cegep-a.example: a sub-domain
    assert downloads(client, representative, exams) is True
    assert downloads(client, outsider, exams) is False


def test_an_unconfirmed_address_gives_nothing(client, college, representative, make_member, exams):
    buy_licence(college, exams, representative)
    newcomer = make_member("Nouveau", email="nouveau@cegep-a.example")
    EmailAddress.objects.filter(user=newcomer).update(verified=False)

    assert downloads(client, newcomer, exams) is False


def test_a_confirmed_secondary_address_counts(client, college, representative, outsider, exams):
    buy_licence(college, exams, representative)
    EmailAddress.objects.create(user=outsider, email="olga@cegep-a.example", verified=True)

    assert downloads(client, outsider, exams) is True


def test_the_licence_of_another_institution_or_resource_gives_nothing(
    client, college, representative, teacher, make_resource, seller, exams
):
    other = make_institution("Cégep B", "cegep-b.example")
    buy_licence(other, exams, representative)
    labs = make_resource("Labos", slug="labos", authors=[seller], price_cents=500)
    buy_licence(college, labs, representative)

    assert downloads(client, teacher, exams) is False
    assert downloads(client, teacher, labs) is True


def test_nothing_once_the_year_is_over(client, college, representative, teacher, exams):
    buy_licence(
        college, exams, representative, paid_at=timezone.now() - datetime.timedelta(days=366)
    )

    assert InstitutionLicence.objects.get().ends_at < timezone.now()
    assert downloads(client, teacher, exams) is False


def test_a_refund_revokes_the_licence(
    client, college, representative, teacher, exams, django_capture_on_commit_callbacks
):
    line = buy_licence(college, exams, representative)
    assert downloads(client, teacher, exams) is True

    with transaction.atomic(), django_capture_on_commit_callbacks(execute=False):
        order = Order.objects.select_for_update().get(pk=line.order_id)
        refunds.settle(order, order.total_cents)

    licence = InstitutionLicence.objects.get()
    assert licence.revoked_at is not None
    assert InstitutionLicence.objects.live().count() == 0
    assert downloads(client, teacher, exams) is False
    assert Order.objects.get().status == Order.Status.REFUNDED


def test_a_partial_refund_keeps_the_licence(
    client, college, representative, teacher, exams, django_capture_on_commit_callbacks
):
    line = buy_licence(college, exams, representative)

    with transaction.atomic(), django_capture_on_commit_callbacks(execute=False):
        order = Order.objects.select_for_update().get(pk=line.order_id)
        refunds.settle(order, 1000)

    assert InstitutionLicence.objects.get().revoked_at is None
    assert downloads(client, teacher, exams) is True


def test_the_resource_page_offers_the_download_and_names_the_licence(
    client, college, representative, teacher, outsider, exams
):
    buy_licence(college, exams, representative)
    end = timezone.localtime(InstitutionLicence.objects.get().ends_at)

    client.force_login(teacher)
    html = client.get(PAGE).content.decode()
    assert f'href="/telechargement/{exams.pk}/"' in html
    assert f"Institution licence of Cégep A, until {end:%B}\xa0{end.day},\xa0{end.year}" in html
    assert "Add to cart" not in html

    client.force_login(outsider)
    html = client.get(PAGE).content.decode()
    assert "Add to cart" in html
    assert "Institution licence of" not in html


def test_may_download_asks_the_entitlements_then_the_licences(
    college, representative, teacher, outsider, exams
):
    buy_licence(college, exams, representative)

    assert entitlements.may_download(teacher, exams) is True
    assert entitlements.may_download(teacher, exams.pk) is True
    assert entitlements.may_download(outsider, exams) is False
    assert entitlements.holds(teacher, exams) is False  # not a purchase of their own
    # A purchase of one's own, without any licence.
    Entitlement.objects.create(user=outsider, resource=exams)
    assert entitlements.may_download(outsider, exams) is True
    assert entitlements.may_download(outsider, exams.pk) is True


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_resource_page_costs_the_same_queries_whatever_the_licences(
    client, college, representative, teacher, make_resource, seller, exams
):
    buy_licence(college, exams, representative)
    client.force_login(teacher)
    _queries(client, PAGE)  # the page's cache filled
    few = _queries(client, PAGE)
    for n in range(4):
        other = make_institution(f"Cégep {n}", f"cegep-{n}.example")
        EmailAddress.objects.create(user=teacher, email=f"paul@cegep-{n}.example", verified=True)
        buy_licence(other, exams, representative)
        labs = make_resource(f"Labos {n}", slug=f"labos-{n}", authors=[seller], price_cents=500)
        buy_licence(college, labs, representative)
    _queries(client, PAGE)

    assert _queries(client, PAGE) == few


def test_a_representative_s_resource_page_costs_the_same_queries_whatever_the_offers(
    client, college, representative, make_resource, seller, exams
):
    buy_licence(college, exams, representative)
    client.force_login(representative)
    _queries(client, PAGE)  # the page's cache filled
    few = _queries(client, PAGE)
    for n in range(4):
        other = make_institution(f"Cégep {n}", f"cegep-{n}.example")
        EmailAddress.objects.create(
            user=representative, email=f"rachel@cegep-{n}.example", verified=True
        )
        InstitutionRepresentative.objects.create(institution=other, user=representative)
        buy_licence(other, exams, representative)
    _queries(client, PAGE)

    assert _queries(client, PAGE) == few
