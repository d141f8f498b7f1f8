"""The order page (/<lang>/commandes/<reference>/) and the library's purchases: only the buyer sees
an order; the page shows and never grants (a forged return from Stripe changes nothing); bought
resources and the buyer's orders are listed in the library."""

import datetime
import re
from collections import Counter

import html5lib
import pytest
from django.test import Client
from django.utils import timezone

from boutique.models import Entitlement, Order, OrderLine
from members.profiles import purchased_entries
from tests.helpers import lang_path

pytestmark = pytest.mark.django_db

LIBRARY = "/en/account/library/"


@pytest.fixture
def exams(make_resource, author):
    return make_resource(
        "Examens corrigés",
        slug="examens",
        authors=[author],
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=1250,
        member_price_cents=1000,
    )


def _order(user, resources=(), *, membership=False, status=Order.Status.PENDING, **fields):
    lines = [(resource, resource.price_cents) for resource in resources]
    total = sum(price for _resource, price in lines) + (6000 if membership else 0)
    tax = fields.pop("tax_cents", 0)
    order = Order.objects.create(
        reference=f"APOP-2026-{Order.objects.count() + 1:06d}",
        user=user,
        email=user.email,
        status=status,
        subtotal_cents=total,
        tax_cents=tax,
        total_cents=total + tax,
        language="en",
        stripe_session_id=f"cs_test_{Order.objects.count() + 1}",
        **fields,
    )
    for resource, price in lines:
        commission = price // 5
        OrderLine.objects.create(
            order=order,
            resource=resource,
            title=resource.title,
            seller=resource.authors.first(),
            price_cents=price,
            commission_cents=commission,
            seller_share_cents=price - commission,
        )
    if membership:
        OrderLine.objects.create(
            order=order,
            kind=OrderLine.Kind.MEMBERSHIP,
            title="APOP individual membership (one year)",
            price_cents=6000,
            commission_cents=6000,
            seller_share_cents=0,
        )
    return order


def _url(order) -> str:
    return f"/en/orders/{order.reference}/"


# --- Who sees an order -------------------------------------------------------------------------


def test_the_buyer_sees_their_pending_order(client, buyer, exams):
    order = _order(buyer, [exams])
    client.force_login(buyer)

    response = client.get(_url(order))

    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>Order {order.reference}</h1>" in html
    assert "Payment pending" in html
    assert "The confirmation can take a few seconds" in html
    assert f'<a href="{_url(order)}">Reload this page</a>' in html
    assert "Examens corrigés" in html
    assert "$12.50" in html
    assert f"/telechargement/{exams.pk}/" not in html  # not paid yet: nothing to download


@pytest.mark.parametrize("who", ["anonymous", "someone else", "the author"])
def test_nobody_else_sees_an_order(client, who, buyer, author, exams, make_member):
    order = _order(buyer, [exams])
    if who == "someone else":
        client.force_login(make_member("Autre"))
    elif who == "the author":
        client.force_login(author)

    response = client.get(_url(order))

    assert response.status_code == 404


def test_an_unknown_reference_is_not_found(client, buyer):
    client.force_login(buyer)

    assert client.get("/en/orders/APOP-2026-999999/").status_code == 404


def test_a_forged_return_from_stripe_grants_nothing(client, buyer, exams):
    order = _order(buyer, [exams], membership=True)
    client.force_login(buyer)

    response = client.get(_url(order) + "?paiement=retour")

    order.refresh_from_db()
    buyer.refresh_from_db()
    assert response.status_code == 200
    assert "Stripe is confirming your payment" in response.content.decode()
    assert order.status == Order.Status.PENDING
    assert order.paid_at is None
    assert Entitlement.objects.count() == 0
    assert buyer.membership_expires_on is None


# --- What a paid order shows -------------------------------------------------------------------


def test_a_paid_order_has_download_buttons_and_the_new_membership_date(client, buyer, exams):
    order = _order(
        buyer, [exams], membership=True, status=Order.Status.PAID, paid_at=timezone.now()
    )
    Entitlement.objects.create(user=buyer, resource=exams, order_line=order.lines.first())
    buyer.membership_expires_on = datetime.date(2027, 5, 31)
    buyer.save()
    client.force_login(buyer)
    client.post("/en/cart/membership/")  # still in the cart from before the payment

    html = client.get(_url(order) + "?paiement=retour").content.decode()

    assert "<strong>Paid</strong>" in html
    assert "Thank you for your purchase" in html
    assert "Paid on" in html
    assert f'href="/telechargement/{exams.pk}/">Download' in html
    assert "APOP individual membership (one year)" in html
    assert "Membership valid until May\xa031,\xa02027" in html
    assert '<span class="price">$72.50</span>' in html
    # Bought: the membership left the cart.
    assert client.session["boutique_cart"]["membership"] is False


def test_a_refunded_line_loses_its_download_button(client, buyer, exams):
    order = _order(buyer, [exams], status=Order.Status.REFUNDED, paid_at=timezone.now())
    order.lines.update(refunded_cents=1250)
    Order.objects.filter(pk=order.pk).update(refunded_cents=1250)
    Entitlement.objects.create(
        user=buyer, resource=exams, order_line=order.lines.first(), revoked_at=timezone.now()
    )
    client.force_login(buyer)

    html = client.get(_url(order)).content.decode()

    assert "<strong>Refunded</strong>" in html
    assert "Refunded: $12.50" in html
    assert f"/telechargement/{exams.pk}/" not in html


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (Order.Status.FAILED, "Payment failed"),
        (Order.Status.PARTIALLY_REFUNDED, "Partially refunded"),
    ],
)
def test_every_status_is_said_in_words(client, buyer, exams, status, words):
    order = _order(buyer, [exams], status=status)
    client.force_login(buyer)

    html = client.get(_url(order)).content.decode()

    assert f"<strong>{words}</strong>" in html


def test_taxes_are_shown_when_there_are_some(client, buyer, exams):
    with_tax = _order(buyer, [exams], status=Order.Status.PAID, tax_cents=187)
    client.force_login(buyer)

    html = client.get(_url(with_tax)).content.decode()

    assert "Taxes" in html
    assert "$1.87" in html
    assert "$14.37" in html


def test_no_tax_line_without_taxes(client, buyer, exams):
    order = _order(buyer, [exams], status=Order.Status.PAID)
    client.force_login(buyer)

    assert "Taxes" not in client.get(_url(order)).content.decode()


# --- The library -------------------------------------------------------------------------------


def test_the_library_lists_purchases_and_orders(client, buyer, exams, make_resource, author):
    free = make_resource("Notes libres", slug="libres", authors=[author])
    order = _order(buyer, [exams], status=Order.Status.PAID, paid_at=timezone.now())
    Entitlement.objects.create(user=buyer, resource=exams, order_line=order.lines.first())
    Entitlement.objects.create(user=buyer, resource=free)  # obtained free: not a purchase
    client.force_login(buyer)

    html = client.get(LIBRARY).content.decode()

    purchases = html.split('id="purchases"', 1)[1].split('id="ratings"', 1)[0]
    assert "Examens corrigés" in purchases
    assert f'href="/telechargement/{exams.pk}/">Download' in purchases
    assert "Notes libres" not in purchases
    assert "No purchases yet" not in purchases
    assert "My orders" in purchases
    assert f'<a href="/en/orders/{order.reference}/">{order.reference}</a>' in purchases
    assert "<td>Paid</td>" in purchases
    assert "$12.50" in purchases


def test_purchased_entries_keep_only_live_bought_entitlements(rf, buyer, exams, author):
    order = _order(buyer, [exams], status=Order.Status.REFUNDED)
    Entitlement.objects.create(
        user=buyer, resource=exams, order_line=order.lines.first(), revoked_at=timezone.now()
    )
    request = rf.get(LIBRARY)

    assert purchased_entries(buyer, request) == []


def test_the_library_s_queries_do_not_grow_with_orders(
    buyer, exams, make_resource, author, django_assert_max_num_queries
):
    def queries() -> int:
        client = Client()
        client.force_login(buyer)
        client.get(LIBRARY)
        with django_assert_max_num_queries(22) as captured:
            client.get(LIBRARY)
        return len(captured)

    order = _order(buyer, [exams], status=Order.Status.PAID)
    Entitlement.objects.create(user=buyer, resource=exams, order_line=order.lines.first())
    one = queries()
    for number in range(5):
        page = make_resource(
            f"R{number}",
            slug=f"r{number}",
            authors=[author],
            licence="LicenseRef-APOP-All-Rights-Reserved",
            price_cents=300,
        )
        more = _order(buyer, [page], status=Order.Status.PAID)
        Entitlement.objects.create(user=buyer, resource=page, order_line=more.lines.first())

    assert queries() == one


# --- Valid HTML --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_boutique_pages_are_valid_html_with_one_h1(client, lang, buyer, exams):
    order = _order(buyer, [exams], membership=True, status=Order.Status.PAID, tax_cents=100)
    Entitlement.objects.create(user=buyer, resource=exams, order_line=order.lines.first())
    client.force_login(buyer)
    client.post(lang_path(lang, "panier/adhesion/"))

    pages = [
        client.get(lang_path(lang, "panier/")),
        client.get(lang_path(lang, "adhesion/")),
        client.get(f"{lang_path(lang, 'commandes/')}{order.reference}/"),
        client.get(lang_path(lang, "compte/bibliotheque/")),
        client.get(lang_path(lang, "ressources/examens/")),
    ]

    for response in pages:
        html = response.content.decode()
        assert response.status_code == 200
        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
        ids = Counter(re.findall(r'\sid="([^"]+)"', html))
        assert [name for name, count in ids.items() if count > 1] == []
        assert html.count("<h1") == 1
