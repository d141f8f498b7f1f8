"""Sellers' Stripe Connect: the account is created once, onboarding goes through a fresh Account
Link (against stripe-mock), the return page stores Stripe's flags and releases pending payouts,
and without Stripe keys nothing is attempted."""

import datetime

import pytest

from boutique import connect, stripe_gateway
from boutique.models import SellerAccount

PAGE = "/en/account/sales/"
ONBOARD = "/en/account/sales/stripe/"
REFRESH = "/en/account/sales/stripe/refresh/"
RETURN = "/en/account/sales/stripe/return/"


@pytest.fixture
def member(make_member):
    return make_member("Alice Martin", membership_expires_on=datetime.date(2030, 1, 1))


@pytest.fixture
def spy(monkeypatch):
    """Record the gateway calls while letting them reach stripe-mock."""
    calls = {"accounts": [], "links": []}
    create_account = stripe_gateway.create_express_account
    create_link = stripe_gateway.create_account_link

    def account(**kwargs):
        calls["accounts"].append(kwargs)
        return create_account(**kwargs)

    def link(**kwargs):
        url = create_link(**kwargs)
        calls["links"].append({**kwargs, "url": url})
        return url

    monkeypatch.setattr(stripe_gateway, "create_express_account", account)
    monkeypatch.setattr(stripe_gateway, "create_account_link", link)
    return calls


def _flags(account):
    account.refresh_from_db()
    return (account.charges_enabled, account.payouts_enabled, account.details_submitted)


# --- The page ------------------------------------------------------------------------------


def test_someone_who_cannot_sell_learns_that_selling_needs_membership(client, make_member):
    client.force_login(make_member("Teacher"))

    response = client.get(PAGE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Selling requires APOP membership" in html
    assert 'href="/en/membership/"' in html
    assert ONBOARD not in html


def test_a_member_not_connected_yet_can_sell_and_connect(client, member, stripe_mock):
    client.force_login(member)

    html = client.get(PAGE).content.decode()

    assert "Not connected to Stripe." in html
    assert "your shares accumulate as pending payouts" in html
    assert f'action="{ONBOARD}"' in html
    assert "Connect my Stripe account" in html


@pytest.mark.parametrize(
    ("payouts_enabled", "text", "button"),
    [
        (False, "Onboarding to finish.", "Continue on Stripe"),
        (True, "Ready to receive payouts.", None),
    ],
)
def test_the_account_status(client, member, stripe_mock, payouts_enabled, text, button):
    SellerAccount.objects.create(
        user=member, stripe_account_id="acct_alice", payouts_enabled=payouts_enabled
    )
    client.force_login(member)

    html = client.get(PAGE).content.decode()

    assert text in html
    if button:
        assert button in html
    else:
        assert ONBOARD not in html


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(PAGE)

    assert response.status_code == 302
    assert "login" in response["Location"]


# --- Onboarding ----------------------------------------------------------------------------


def test_onboarding_creates_the_account_once_and_redirects_to_a_fresh_link(
    client, member, stripe_mock, spy
):
    client.force_login(member)

    first = client.post(ONBOARD)
    second = client.post(ONBOARD)

    assert first.status_code == second.status_code == 303
    assert [first["Location"], second["Location"]] == [link["url"] for link in spy["links"]]
    assert first["Location"].startswith("https://")
    assert spy["accounts"] == [{"email": member.email, "key": f"seller-{member.pk}"}]
    account = SellerAccount.objects.get()
    assert account.user == member
    assert account.stripe_account_id.startswith("acct_")
    assert spy["links"][0]["account_id"] == account.stripe_account_id
    assert spy["links"][0]["refresh_url"] == "http://testserver" + REFRESH
    assert spy["links"][0]["return_url"] == "http://testserver" + RETURN


def test_onboarding_needs_a_post(client, member, stripe_mock):
    client.force_login(member)

    assert client.get(ONBOARD).status_code == 405
    assert SellerAccount.objects.count() == 0


def test_someone_who_cannot_sell_cannot_onboard(client, make_member, stripe_mock, spy):
    client.force_login(make_member("Teacher"))

    response = client.post(ONBOARD)

    assert response.status_code == 403
    assert "Selling resources requires APOP membership." in response.content.decode()
    assert spy["accounts"] == []
    assert SellerAccount.objects.count() == 0


def test_without_stripe_keys_there_is_no_button_and_the_post_answers_503(
    client, member, settings, spy
):
    settings.STRIPE_SECRET_KEY = ""
    settings.PAYMENTS_DEMO = False
    client.force_login(member)

    page = client.get(PAGE).content.decode()
    response = client.post(ONBOARD)

    assert "Online sales are not open yet." in page
    assert "You can sell already" not in page
    assert "Connect my Stripe account" not in page
    assert response.status_code == 503
    assert (
        "Online payments are not open yet: a Stripe account can be connected once they are."
        in response.content.decode()
    )
    assert spy["accounts"] == []
    assert SellerAccount.objects.count() == 0


def test_a_stripe_failure_says_so_and_creates_nothing(client, member, stripe_mock, monkeypatch):
    def refuse(**kwargs):
        raise stripe_gateway.GatewayError("APIConnectionError")

    monkeypatch.setattr(stripe_gateway, "create_express_account", refuse)
    client.force_login(member)

    response = client.post(ONBOARD)

    assert response.status_code == 502
    assert "Stripe could not be reached." in response.content.decode()
    assert SellerAccount.objects.count() == 0


# --- Refresh and return --------------------------------------------------------------------


def test_refresh_makes_a_new_link(client, member, stripe_mock, spy):
    SellerAccount.objects.create(user=member, stripe_account_id="acct_alice")
    client.force_login(member)

    response = client.get(REFRESH)

    assert response.status_code == 303
    assert response["Location"] == spy["links"][0]["url"]
    assert spy["links"][0]["account_id"] == "acct_alice"
    assert spy["accounts"] == []


def test_refresh_without_an_account_goes_back_to_the_page(client, member, stripe_mock, spy):
    client.force_login(member)

    response = client.get(REFRESH)

    assert response.status_code == 302
    assert response["Location"] == PAGE
    assert spy["links"] == []


def test_return_stores_stripes_flags(client, member, stripe_mock, monkeypatch):
    # Stored as enabled; stripe-mock's account says nothing is enabled yet: Stripe wins.
    account = SellerAccount.objects.create(
        user=member, stripe_account_id="acct_alice", charges_enabled=True, payouts_enabled=True
    )
    released = []
    monkeypatch.setattr("boutique.payouts.release_pending", released.append)
    client.force_login(member)

    response = client.get(RETURN, follow=True)

    assert response.redirect_chain == [(PAGE, 302)]
    assert _flags(account) == (False, False, False)
    assert released == []
    html = response.content.decode()
    assert "Stripe still needs information before it can pay you." in html
    assert "Continue on Stripe" in html


def test_return_with_payouts_enabled_releases_the_pending_payouts(
    client, member, stripe_mock, monkeypatch
):
    account = SellerAccount.objects.create(user=member, stripe_account_id="acct_alice")
    monkeypatch.setattr(
        stripe_gateway,
        "retrieve_account",
        lambda account_id: {
            "id": account_id,
            "charges_enabled": True,
            "payouts_enabled": True,
            "details_submitted": True,
        },
    )
    released = []
    monkeypatch.setattr("boutique.payouts.release_pending", released.append)
    client.force_login(member)

    response = client.get(RETURN, follow=True)

    assert _flags(account) == (True, True, True)
    assert released == [member]
    html = response.content.decode()
    assert "Your Stripe account is ready" in html
    assert "Ready to receive payouts." in html


def test_return_when_stripe_cannot_be_read(client, member, stripe_mock, monkeypatch):
    account = SellerAccount.objects.create(user=member, stripe_account_id="acct_alice")

    def fail(account_id):
        raise stripe_gateway.GatewayError("APIConnectionError")

    monkeypatch.setattr(stripe_gateway, "retrieve_account", fail)
    client.force_login(member)

    response = client.get(RETURN, follow=True)

    assert response.redirect_chain == [(PAGE, 302)]
    assert "We could not check your Stripe account right now" in response.content.decode()
    assert _flags(account) == (False, False, False)


# --- sync_account --------------------------------------------------------------------------


def test_sync_account_stores_the_flags(member):
    account = SellerAccount.objects.create(user=member, stripe_account_id="acct_alice")

    result = connect.sync_account(
        "acct_alice",
        {"charges_enabled": True, "payouts_enabled": True, "details_submitted": True, "x": 1},
    )

    assert result == account
    assert result.can_receive is True
    assert _flags(account) == (True, True, True)


def test_sync_account_keeps_flags_it_is_not_given(member):
    account = SellerAccount.objects.create(
        user=member, stripe_account_id="acct_alice", details_submitted=True
    )

    connect.sync_account("acct_alice", {"payouts_enabled": True})

    assert _flags(account) == (False, True, True)


def test_sync_account_of_an_unknown_account(db):
    assert connect.sync_account("acct_unknown", {"payouts_enabled": True}) is None
    assert SellerAccount.objects.count() == 0
