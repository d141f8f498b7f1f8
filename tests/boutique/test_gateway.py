"""boutique/stripe_gateway.py against stripe-mock (Stripe's own OpenAPI validation of every
request), and the rule that it is the only module of the product that imports `stripe`."""

import re
from pathlib import Path

import pytest

from boutique import stripe_gateway
from tests.boutique.helpers import signature_header

REPO = Path(__file__).resolve().parents[2]
PRODUCT = ("apop", "accounts", "boutique", "home", "resources", "search")
IMPORTS_STRIPE = re.compile(r"^\s*(import\s+stripe\b|from\s+stripe\b)", re.MULTILINE)


def test_only_the_gateway_imports_stripe():
    importers = sorted(
        str(path.relative_to(REPO))
        for package in PRODUCT
        for path in (REPO / package).rglob("*.py")
        if IMPORTS_STRIPE.search(path.read_text(encoding="utf-8"))
    )

    assert importers == ["boutique/stripe_gateway.py"]


def test_checkout_session(stripe_mock):
    session = stripe_gateway.create_checkout_session(
        reference="APOP-2026-000123",
        lines=[
            stripe_gateway.CheckoutLine("Corrected exams", 1250),
            stripe_gateway.CheckoutLine("Course notes", 2000, "Chapters 1 to 4"),
        ],
        email="luc@example.org",
        locale="fr",
        success_url="http://testserver/fr/commandes/APOP-2026-000123/",
        cancel_url="http://testserver/fr/panier/",
    )

    assert session.id.startswith("cs_")
    assert stripe_gateway.retrieve_checkout_session(session.id)["id"] == session.id


def test_transfer_and_reversal(stripe_mock):
    transfer_id = stripe_gateway.create_transfer(
        amount_cents=1000,
        destination="acct_seller",
        transfer_group="APOP-2026-000123",
        source_transaction="ch_123",
        key="payout-1",
    )
    reversal_id = stripe_gateway.reverse_transfer(
        transfer_id=transfer_id, amount_cents=400, key="reversal-1-400"
    )

    assert transfer_id.startswith("tr_")
    assert reversal_id.startswith("trr_")


@pytest.mark.parametrize("line_id", [None, 42])
def test_refund(stripe_mock, line_id):
    refund_id = stripe_gateway.create_refund(
        payment_intent="pi_123",
        amount_cents=1250,
        reference="APOP-2026-000123",
        key=f"refund-{line_id}",
        line_id=line_id,
    )

    assert refund_id.startswith("re_")


def test_connected_account_and_link(stripe_mock):
    account_id = stripe_gateway.create_express_account(email="marie@example.org", key="seller-1")
    url = stripe_gateway.create_account_link(
        account_id=account_id,
        refresh_url="http://testserver/fr/compte/ventes/",
        return_url="http://testserver/fr/compte/ventes/",
    )
    account = stripe_gateway.retrieve_account(account_id)

    assert account_id.startswith("acct_")
    assert url.startswith("https://")
    assert set(account) == {"id", "charges_enabled", "payouts_enabled", "details_submitted"}


def test_retrieve_payment_intent(stripe_mock):
    intent = stripe_gateway.retrieve_payment_intent("pi_123")

    assert intent["id"].startswith("pi_")
    assert isinstance(intent["latest_charge"], str)  # "" when Stripe has none yet


def test_a_stripe_failure_is_a_gateway_error(settings):
    # STRIPE_API_BASE points at a closed port in the test settings.
    stripe_gateway._client_for.cache_clear()
    with pytest.raises(stripe_gateway.GatewayError):
        stripe_gateway.retrieve_payment_intent("pi_123")


def test_verify_event_accepts_a_signed_payload_and_refuses_the_rest():
    payload = b'{"id": "evt_1", "object": "event", "type": "customer.created"}'
    secret = "whsec_test"

    assert (
        stripe_gateway.verify_event(payload, signature_header(payload, secret), secret)["id"]
        == "evt_1"
    )
    for header in (signature_header(payload, "whsec_other"), "", "t=1,v1=00"):
        with pytest.raises(stripe_gateway.SignatureError):
            stripe_gateway.verify_event(payload, header, secret)
    with pytest.raises(stripe_gateway.SignatureError):
        stripe_gateway.verify_event(payload, signature_header(payload, secret), "")
