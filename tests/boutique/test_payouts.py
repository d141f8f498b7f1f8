"""boutique/payouts.py and the `account.updated` event: a seller's payouts wait until their
connected account can receive money, then go out once each, oldest first."""

import pytest
from django.core import mail

from boutique import fulfilment, payouts, stripe_gateway
from boutique.models import Payout, SellerAccount, StripeEvent
from tests.boutique.helpers import event, make_order, session_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def buyer(luc):
    """The buyer here is Luc (tests/boutique/conftest.py), not the cart tests' Théo."""
    return luc


@pytest.fixture
def transfers(monkeypatch):
    """The calls to stripe_gateway.create_transfer (still made, to stripe-mock)."""
    calls = []
    real = stripe_gateway.create_transfer

    def create_transfer(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(stripe_gateway, "create_transfer", create_transfer)
    return calls


@pytest.fixture
def two_sales(stripe_mock, buyer, exams, notes, django_capture_on_commit_callbacks):
    """Two paid orders whose payouts wait for the seller's account (oldest first)."""
    orders = [make_order(buyer, [exams]), make_order(buyer, [notes])]
    with django_capture_on_commit_callbacks(execute=True):
        for order in orders:
            fulfilment.fulfil_order(order.reference, session=session_for(order))
    mail.outbox.clear()
    return orders


def account_updated(account_id: str, *, payouts_enabled: bool) -> dict:
    flag = "true" if payouts_enabled else "false"
    return event(
        "account_updated",
        account=account_id,
        charges_enabled=flag,
        payouts_enabled=flag,
        details_submitted="true",
    )


def test_payouts_wait_while_the_account_cannot_receive(two_sales, seller, transfers):
    SellerAccount.objects.create(user=seller, stripe_account_id="acct_seller")

    assert payouts.release_pending(seller) == []

    assert set(Payout.objects.values_list("status", flat=True)) == {Payout.Status.PENDING}
    assert transfers == []


def test_a_seller_without_an_account_has_nothing_released(two_sales, seller, transfers):
    assert payouts.release_pending(seller) == []
    assert transfers == []


def test_release_pending_transfers_oldest_first_and_once(two_sales, seller, transfers):
    SellerAccount.objects.create(user=seller, stripe_account_id="acct_seller", payouts_enabled=True)

    released = payouts.release_pending(seller)

    assert [p.order for p in released] == two_sales
    assert [(c["amount_cents"], c["destination"], c["transfer_group"]) for c in transfers] == [
        (1000, "acct_seller", two_sales[0].reference),
        (1600, "acct_seller", two_sales[1].reference),
    ]
    assert [c["key"] for c in transfers] == [f"payout-{p.pk}" for p in released]
    assert all(p.status == Payout.Status.TRANSFERRED for p in Payout.objects.all())
    assert all(p.stripe_transfer_id.startswith("tr_") for p in Payout.objects.all())

    assert payouts.release_pending(seller) == []
    assert len(transfers) == 2


def test_account_updated_on_the_connect_endpoint_releases_the_payouts(
    two_sales, seller, post_event, transfers, django_capture_on_commit_callbacks
):
    SellerAccount.objects.create(user=seller, stripe_account_id="acct_seller")

    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(account_updated("acct_seller", payouts_enabled=True), connect=True)

    assert response.status_code == 200
    stored = StripeEvent.objects.get()
    assert (stored.account, stored.error) == ("acct_seller", "")
    account = SellerAccount.objects.get(user=seller)
    assert (account.payouts_enabled, account.charges_enabled, account.details_submitted) == (
        True,
        True,
        True,
    )
    assert [p.status for p in Payout.objects.order_by("pk")] == [Payout.Status.TRANSFERRED] * 2
    assert len(transfers) == 2


def test_account_updated_without_payouts_enabled_releases_nothing(
    two_sales, seller, post_event, transfers, django_capture_on_commit_callbacks
):
    SellerAccount.objects.create(user=seller, stripe_account_id="acct_seller")

    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(account_updated("acct_seller", payouts_enabled=False), connect=True)

    assert response.status_code == 200
    assert SellerAccount.objects.get(user=seller).details_submitted is True
    assert set(Payout.objects.values_list("status", flat=True)) == {Payout.Status.PENDING}
    assert transfers == []


def test_account_updated_for_an_account_not_ours_changes_nothing(
    post_event, transfers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(account_updated("acct_stranger", payouts_enabled=True), connect=True)

    assert response.status_code == 200
    assert StripeEvent.objects.get().processed_at is not None
    assert SellerAccount.objects.count() == 0
    assert transfers == []
