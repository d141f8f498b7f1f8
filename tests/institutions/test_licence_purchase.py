"""Buying an institution licence (issue 18, point 2): a local representative adds « Licence
d'établissement — <institution> » to the cart from the resource page, pays through the same
checkout (here the demonstration payments, which run the webhook's code), and the licence starts
for a year; the seller's share is a payout like any other and their sales page shows the sale
apart. Nobody else may buy one."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from boutique.models import Entitlement, InstitutionLicence, Order, OrderLine, Payout
from tests.institutions.conftest import make_institution

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

PAGE = "/en/resources/examens/"
CART = "/en/cart/"
PAY = "/en/cart/pay/"


def add_url(resource, institution):
    return f"/en/cart/licence/{resource.pk}/{institution.pk}/"


def pay(client, django_capture_on_commit_callbacks) -> Order:
    response = client.post(PAY)
    assert response.status_code == 303
    with django_capture_on_commit_callbacks(execute=True):
        paid = client.post(response["Location"])
    assert paid.status_code == 303
    # Back on the order page, as the browser is sent (Stripe too): the paid lines leave the cart.
    assert client.get(paid["Location"]).status_code == 200
    return Order.objects.latest("pk")


def test_a_representative_sees_the_offer_at_five_times_the_price(
    client, demo, representative, exams
):
    client.force_login(representative)

    html = client.get(PAGE).content.decode()

    assert "Institution licence" in html
    assert "$62.50 — every teacher of your institution downloads this resource for a year." in html
    assert f'action="{add_url(exams, representative.institution_roles.get().institution)}"' in html
    assert "Buy for Cégep A" in html


@pytest.mark.parametrize("who", ["teacher", "outsider", "seller"])
def test_nobody_else_sees_the_offer(client, demo, request, who, representative, exams):
    client.force_login(request.getfixturevalue(who))

    html = client.get(PAGE).content.decode()

    assert "Buy for" not in html
    assert "every teacher of your institution" not in html


def test_a_visitor_does_not_see_the_offer(client, demo, representative, exams):
    assert "Buy for" not in client.get(PAGE).content.decode()


def test_the_seller_s_price_replaces_the_default_and_zero_withdraws_the_offer(
    client, demo, representative, exams
):
    client.force_login(representative)
    type(exams).objects.filter(pk=exams.pk).update(institution_price_cents=9900)
    assert "$99.00 — every teacher" in client.get(PAGE).content.decode()

    type(exams).objects.filter(pk=exams.pk).update(institution_price_cents=0)
    html = client.get(PAGE).content.decode()
    assert "Buy for" not in html
    response = client.post(add_url(exams, representative.institution_roles.get().institution))
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "This resource has no institution licence."
    ]
    assert client.session.get("boutique_cart", {}).get("licences", []) == []


def test_the_cart_line_says_institution_licence_and_its_institution(
    client, demo, representative, college, exams
):
    client.force_login(representative)

    response = client.post(add_url(exams, college), {"next": PAGE})

    assert response.status_code == 302
    assert response["Location"] == PAGE
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "The institution licence of “Examens corrigés” for Cégep A is in your cart."
    ]
    html = client.get(CART).content.decode()
    assert "Institution licence — Cégep A" in html
    assert "Every teacher of the institution, for one year" in html
    assert re.search(
        r"Total</th><td class=\"cart-table__amount\"><span class=\"price\">\$62\.50", html
    )
    # The resource page now says it is in the cart.
    assert "Licence for Cégep A in your cart" in client.get(PAGE).content.decode()
    # A second click adds nothing.
    client.post(add_url(exams, college))
    assert client.session["boutique_cart"]["licences"] == [[exams.pk, college.pk]]


@pytest.mark.parametrize("who", ["teacher", "outsider"])
def test_only_a_representative_may_put_one_in_the_cart(client, demo, request, who, college, exams):
    client.force_login(request.getfixturevalue(who))

    response = client.post(add_url(exams, college))

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Only a local representative of the institution may buy its licences."
    ]
    assert client.session.get("boutique_cart", {}).get("licences", []) == []


def test_a_visitor_is_sent_to_log_in(client, demo, college, exams):
    response = client.post(add_url(exams, college))

    assert response.status_code == 302
    assert response["Location"] == f"/en/account/login/?next={PAGE}"
    assert client.session.get("boutique_cart", {}).get("licences", []) == []


def test_a_representative_of_another_institution_cannot_buy_for_this_one(
    client, demo, representative, exams
):
    other = make_institution("Cégep B", "cegep-b.example")
    client.force_login(representative)

    client.post(add_url(exams, other))

    assert client.session.get("boutique_cart", {}).get("licences", []) == []


def test_paying_starts_a_one_year_licence_and_pays_the_seller(
    client, demo, representative, college, seller, exams, django_capture_on_commit_callbacks
):
    client.force_login(representative)
    client.post(add_url(exams, college))

    order = pay(client, django_capture_on_commit_callbacks)

    assert order.status == Order.Status.PAID
    (line,) = order.lines.all()
    assert (line.kind, line.resource, line.institution, line.seller) == (
        OrderLine.Kind.INSTITUTION,
        exams,
        college,
        seller,
    )
    assert (line.price_cents, line.commission_cents, line.seller_share_cents) == (6250, 1250, 5000)
    assert line.title == "Examens corrigés — Institution licence — Cégep A"
    (licence,) = InstitutionLicence.objects.all()
    assert (licence.institution, licence.resource, licence.order_line) == (college, exams, line)
    assert licence.starts_at == order.paid_at
    assert licence.ends_at == order.paid_at.replace(year=order.paid_at.year + 1)
    assert licence.revoked_at is None
    (payout,) = Payout.objects.all()
    assert (payout.seller, payout.amount_cents, payout.status) == (
        seller,
        5000,
        Payout.Status.PENDING,
    )
    # No personal entitlement: the licence is the institution's.
    assert Entitlement.objects.count() == 0
    # The order page names the licence's end; the licence left the cart.
    order_page = client.get(f"/en/orders/{order.reference}/").content.decode()
    assert "Institution licence until" in order_page
    assert "licences" not in client.session["boutique_cart"]


def test_a_renewal_extends_from_the_current_end(
    client, demo, representative, college, exams, django_capture_on_commit_callbacks
):
    client.force_login(representative)
    client.post(add_url(exams, college))
    pay(client, django_capture_on_commit_callbacks)
    first = InstitutionLicence.objects.get()

    html = client.get(PAGE).content.decode()
    assert "Renew for Cégep A" in html
    client.post(add_url(exams, college))
    assert "Renewal: one more year after" in client.get(CART).content.decode()
    pay(client, django_capture_on_commit_callbacks)

    second = InstitutionLicence.objects.exclude(pk=first.pk).get()
    assert second.starts_at == first.ends_at
    assert second.ends_at == first.ends_at.replace(year=first.ends_at.year + 1)
    # Live today: the first; the renewal follows without a gap.
    assert list(InstitutionLicence.objects.live()) == [first]
    later = first.ends_at + datetime.timedelta(seconds=1)
    assert list(InstitutionLicence.objects.live(on=later)) == [second]


def test_the_seller_sees_institution_sales_apart(
    client, demo, representative, college, seller, exams, django_capture_on_commit_callbacks
):
    client.force_login(representative)
    client.post(add_url(exams, college))
    order = pay(client, django_capture_on_commit_callbacks)
    client.force_login(seller)

    html = client.get("/en/account/sales/").content.decode()

    section = html[html.index('id="institution-sales-title"') :]
    section = section[: section.index("</section>")]
    assert "<td>Cégep A</td>" in section
    assert '<th scope="row">Examens corrigés</th>' in section
    assert "$62.50" in section
    assert "$50.00" in section
    end = timezone.localtime(InstitutionLicence.objects.get().ends_at)
    assert f"{end:%B}\xa0{end.day},\xa0{end.year}" in section
    # Not among the sales to teachers: no sale there.
    by_resource = html[
        html.index('id="by-resource-title"') : html.index('id="institution-sales-title"')
    ]
    assert "No sales yet" in by_resource
    # The CSV export has the line, its title saying what it is.
    csv = client.get("/en/account/sales/export.csv").content.decode()
    assert (
        f"{order.reference},Examens corrigés — Institution licence — Cégep A,62.50,12.50,50.00"
        in csv
    )
