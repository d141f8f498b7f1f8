"""The only module that imports `stripe`. One StripeClient with the API version pinned here;
everything else in the product calls these functions with plain values and gets plain values
(ids, URLs, dicts) back, or a GatewayError / SignatureError."""

import functools
import hashlib
import hmac
import json
import time
from dataclasses import dataclass

import stripe
from django.conf import settings

# Pinned once: the shape of every object and event we read depends on it. Raise it deliberately,
# with the fixtures in tests/boutique/events/.
API_VERSION = "2026-02-25.clover"


class GatewayError(Exception):
    """Stripe refused or could not be reached; the message is for logs, not for people."""


class SignatureError(Exception):
    """A webhook payload whose signature does not verify (forged, altered or too old)."""


def is_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def is_live() -> bool:
    """Whether the keys are live ones (real money): live events are expected, test ones are not."""
    return settings.STRIPE_SECRET_KEY.startswith(("sk_live_", "rk_live_"))


@functools.cache
def _client_for(
    api_key: str, api_base: str, timeout: float = 80.0, retries: int = 2
) -> "stripe.StripeClient":
    options = {
        "stripe_version": API_VERSION,
        "max_network_retries": retries,
        "http_client": stripe.RequestsClient(timeout=timeout),
    }
    if api_base:
        options["base_addresses"] = {"api": api_base, "connect": api_base, "files": api_base}
    return stripe.StripeClient(api_key, **options)


def client() -> "stripe.StripeClient":
    if not is_configured():
        raise GatewayError("Stripe is not configured (STRIPE_SECRET_KEY)")
    return _client_for(
        settings.STRIPE_SECRET_KEY,
        settings.STRIPE_API_BASE,
        settings.STRIPE_TIMEOUT,
        settings.STRIPE_MAX_NETWORK_RETRIES,
    )


def _call(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except stripe.StripeError as error:
        raise GatewayError(f"{type(error).__name__}: {error.user_message or error}") from error


@dataclass(frozen=True)
class CheckoutLine:
    name: str
    amount_cents: int
    description: str = ""


@dataclass(frozen=True)
class CheckoutSession:
    id: str
    url: str
    payment_intent: str


def create_checkout_session(
    *,
    reference: str,
    lines: list[CheckoutLine],
    email: str,
    locale: str,
    success_url: str,
    cancel_url: str,
    automatic_tax: bool = False,
) -> CheckoutSession:
    """A Checkout Session in payment mode, one line item per order line, tied to the order by
    client_reference_id, metadata and transfer_group (the sellers' transfers share it). The
    idempotency key is the order's reference: a retried request never makes a second session."""
    params = {
        "mode": "payment",
        "client_reference_id": reference,
        "customer_email": email,
        "locale": "fr-CA" if locale == "fr" else "en",
        "success_url": success_url,
        "cancel_url": cancel_url,
        "metadata": {"order": reference},
        "payment_intent_data": {"transfer_group": reference, "metadata": {"order": reference}},
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": settings.BOUTIQUE_CURRENCY.lower(),
                    "unit_amount": line.amount_cents,
                    "product_data": {"name": line.name[:250]}
                    | ({"description": line.description[:500]} if line.description else {}),
                },
            }
            for line in lines
        ],
    }
    if automatic_tax:
        params["automatic_tax"] = {"enabled": True}
    session = _call(
        client().v1.checkout.sessions.create,
        params=params,
        options={"idempotency_key": f"checkout-{reference}"},
    )
    return CheckoutSession(session.id, session.url or "", _id(session.get("payment_intent")))


def retrieve_checkout_session(session_id: str) -> dict:
    session = _call(client().v1.checkout.sessions.retrieve, session_id)
    # The fields the checkout reads, as plain values.
    return {
        "id": session.id,
        "status": session.get("status") or "",
        "payment_status": session.get("payment_status") or "",
        "url": session.get("url") or "",
        "amount_total": session.get("amount_total"),
        "client_reference_id": session.get("client_reference_id") or "",
    }


def create_transfer(
    *, amount_cents: int, destination: str, transfer_group: str, source_transaction: str, key: str
) -> str:
    """Send a seller's share to their connected account; `source_transaction` (the charge) lets
    the transfer go out before the charge's funds are available."""
    params = {
        "amount": amount_cents,
        "currency": settings.BOUTIQUE_CURRENCY.lower(),
        "destination": destination,
        "transfer_group": transfer_group,
    }
    if source_transaction:
        params["source_transaction"] = source_transaction
    transfer = _call(client().v1.transfers.create, params=params, options={"idempotency_key": key})
    return transfer.id


def reverse_transfer(*, transfer_id: str, amount_cents: int, key: str) -> str:
    reversal = _call(
        client().v1.transfers.reversals.create,
        transfer_id,
        params={"amount": amount_cents},
        options={"idempotency_key": key},
    )
    return reversal.id


def create_refund(
    *,
    payment_intent: str,
    amount_cents: int,
    reference: str,
    key: str,
    line_id: int | None = None,
) -> str:
    """Give back `amount_cents` of a payment; the metadata says which order (and which line, when
    our admin refunds one line) so that the refund reads clearly in Stripe's dashboard too."""
    metadata = {"order": reference}
    if line_id is not None:
        metadata["line"] = str(line_id)
    refund = _call(
        client().v1.refunds.create,
        params={"payment_intent": payment_intent, "amount": amount_cents, "metadata": metadata},
        options={"idempotency_key": key},
    )
    return refund.id


def create_express_account(*, email: str, key: str) -> str:
    account = _call(
        client().v1.accounts.create,
        params={
            "type": "express",
            "country": "CA",
            "email": email,
            "capabilities": {"transfers": {"requested": True}},
        },
        options={"idempotency_key": key},
    )
    return account.id


def create_account_link(*, account_id: str, refresh_url: str, return_url: str) -> str:
    link = _call(
        client().v1.account_links.create,
        params={
            "account": account_id,
            "refresh_url": refresh_url,
            "return_url": return_url,
            "type": "account_onboarding",
        },
    )
    return link.url


def retrieve_account(account_id: str) -> dict:
    account = _call(client().v1.accounts.retrieve, account_id)
    return {
        "id": account.id,
        "charges_enabled": bool(account.get("charges_enabled")),
        "payouts_enabled": bool(account.get("payouts_enabled")),
        "details_submitted": bool(account.get("details_submitted")),
    }


def retrieve_payment_intent(payment_intent_id: str) -> dict:
    """The PaymentIntent as a dict; fulfilment reads its `latest_charge` (the charge the sellers'
    transfers are tied to through source_transaction)."""
    intent = _call(client().v1.payment_intents.retrieve, payment_intent_id)
    return {
        "id": intent.id,
        "status": intent.get("status") or "",
        "amount": intent.get("amount"),
        "currency": intent.get("currency") or "",
        "latest_charge": _id(intent.get("latest_charge")),
        "metadata": dict(intent.get("metadata") or {}),
    }


def verify_event(payload: bytes, signature_header: str, secret: str) -> dict:
    """The event as a dict once its Stripe-Signature header verifies against `secret` (HMAC-SHA256
    over "timestamp.payload", within the default tolerance of 5 minutes)."""
    if not secret:
        raise SignatureError("no webhook secret configured")
    try:
        stripe.WebhookSignature.verify_header(
            payload.decode("utf-8"), signature_header or "", secret, tolerance=300
        )
    except (stripe.SignatureVerificationError, UnicodeDecodeError) as error:
        raise SignatureError(str(error)) from error
    try:
        return json.loads(payload)
    except ValueError as error:
        raise SignatureError("the payload is not JSON") from error


def signature_header(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """The Stripe-Signature header Stripe sends with a webhook payload: t=<unix time>,
    v1=<HMAC-SHA256 of "<t>.<payload>" keyed with the endpoint's secret>. Demonstration payments
    (boutique/demo_payments.py) sign their events with it, so that verify_event checks them as it
    checks Stripe's."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def _id(value) -> str:
    """An expandable field: an id string, an object with an id, or nothing."""
    if not value:
        return ""
    return value if isinstance(value, str) else value.get("id", "")
