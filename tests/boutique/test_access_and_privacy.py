"""What the boutique's records change elsewhere: entitlements open paid downloads (and keep a
withdrawn purchase downloadable), the data export lists purchases and sales, and closing an
account keeps the orders for the accounts without the buyer's e-mail."""

import io
import json
import zipfile

import pytest
from django.utils import timezone

from boutique import pricing
from boutique.models import CartItem, Entitlement, Order, OrderLine, Payout, SellerAccount
from members.privacy import ResourcesChoice, close_account, export_user_data

pytestmark = pytest.mark.django_db

NOTES = b"%PDF-1.4 examens\n"


@pytest.fixture
def seller(make_member):
    return make_member("Marie Tremblay")


@pytest.fixture
def buyer(make_member):
    return make_member("Luc Gagnon", email="luc@example.org")


@pytest.fixture
def paid(make_resource, seller):
    return make_resource(
        "Examens corrigés",
        slug="examens",
        authors=[seller],
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=1250,
        files=(("examens.pdf", NOTES),),
    )


def paid_order(buyer, resource, seller) -> Order:
    amounts = pricing.resource_line(resource, buyer, percent=20)
    order = Order.objects.create(
        reference="APOP-2026-000001",
        user=buyer,
        email=buyer.email,
        status=Order.Status.PAID,
        subtotal_cents=amounts.price_cents,
        total_cents=amounts.price_cents,
        paid_at=timezone.now(),
    )
    line = OrderLine.objects.create(
        order=order,
        resource=resource,
        title=resource.title,
        seller=seller,
        price_cents=amounts.price_cents,
        commission_cents=amounts.commission_cents,
        seller_share_cents=amounts.seller_share_cents,
    )
    Entitlement.objects.create(user=buyer, resource=resource, order_line=line)
    return order


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


# --- Downloads ------------------------------------------------------------------------------


def test_a_buyer_downloads_the_resource_they_paid_for(client, buyer, seller, paid):
    paid_order(buyer, paid, seller)
    client.force_login(buyer)

    response = client.get(f"/telechargement/{paid.pk}/")

    assert response.status_code == 200
    assert zipfile.ZipFile(io.BytesIO(_body(response))).read("examens.pdf") == NOTES


def test_a_revoked_entitlement_no_longer_opens_the_download(client, buyer, seller, paid):
    paid_order(buyer, paid, seller)
    Entitlement.objects.update(revoked_at=timezone.now())
    client.force_login(buyer)

    response = client.get(f"/telechargement/{paid.pk}/{paid.files.get().pk}/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/ressources/examens/"


def test_a_withdrawn_purchase_stays_downloadable_for_its_buyer_only(
    client, buyer, seller, paid, make_member
):
    paid_order(buyer, paid, seller)
    paid.unpublish()

    client.force_login(make_member("Autre personne"))
    assert client.get(f"/telechargement/{paid.pk}/").status_code == 404
    client.force_login(buyer)
    response = client.get(f"/telechargement/{paid.pk}/")
    assert response.status_code == 200
    assert zipfile.ZipFile(io.BytesIO(_body(response))).read("examens.pdf") == NOTES


# --- Law 25 ---------------------------------------------------------------------------------


def test_the_export_lists_purchases_and_sales(buyer, seller, paid):
    order = paid_order(buyer, paid, seller)
    SellerAccount.objects.create(user=seller, stripe_account_id="acct_123", payouts_enabled=True)
    Payout.objects.create(order=order, seller=seller, amount_cents=1000)

    bought = json.loads(json.dumps(export_user_data(buyer)))
    sold = json.loads(json.dumps(export_user_data(seller)))

    assert bought["purchases"] == [
        {
            "reference": "APOP-2026-000001",
            "status": "paid",
            "created_at": timezone.localtime(order.created_at).isoformat(),
            "paid_at": timezone.localtime(order.paid_at).isoformat(),
            "currency": "CAD",
            "subtotal_cents": 1250,
            "tax_cents": 0,
            "total_cents": 1250,
            "refunded_cents": 0,
            "lines": [
                {
                    "kind": "resource",
                    "title": "Examens corrigés",
                    "price_cents": 1250,
                    "member_price": False,
                    "refunded_cents": 0,
                }
            ],
            "refunds": [],
        }
    ]
    assert bought["sales"] == {"stripe_account_id": None, "payouts": []}
    assert sold["purchases"] == []
    assert sold["sales"] == {
        "stripe_account_id": "acct_123",
        "payouts": [
            {
                "order": "APOP-2026-000001",
                "amount_cents": 1000,
                "reversed_cents": 0,
                "status": "pending",
                "transferred_at": None,
            }
        ],
    }


def test_closing_an_account_keeps_its_orders_without_the_e_mail(buyer, seller, paid):
    order = paid_order(buyer, paid, seller)
    CartItem.objects.create(user=buyer, resource=paid)

    close_account(buyer, ResourcesChoice.UNPUBLISH)

    order.refresh_from_db()
    assert (order.user_id, order.email, order.total_cents, order.status) == (
        buyer.pk,
        "",
        1250,
        "paid",
    )
    assert order.lines.get().title == "Examens corrigés"
    assert not Entitlement.objects.filter(user=buyer).exists()
    assert not CartItem.objects.filter(user=buyer).exists()
