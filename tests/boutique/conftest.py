"""Boutique fixtures: stripe-mock (started by scripts/services.sh, APOP_TEST_STRIPE_MOCK_URL),
webhook payloads signed exactly as Stripe signs them, and the catalogue builders."""

import datetime
import hashlib
import hmac
import json
import os
import time
from pathlib import Path

import pytest
from django.utils import timezone

from boutique import stripe_gateway
from tests.conftest import ON_CI

STRIPE_MOCK_URL = os.environ.get("APOP_TEST_STRIPE_MOCK_URL", "")
NEXT_YEAR = timezone.localdate() + datetime.timedelta(days=365)
EVENTS = Path(__file__).parent / "events"


@pytest.fixture
def stripe_mock(settings):
    """The product talking to stripe-mock (real request validation, realistic answers)."""
    if not STRIPE_MOCK_URL:
        message = "stripe-mock is not running (scripts/services.sh start stripe)"
        if ON_CI:
            pytest.fail(message)
        pytest.skip(f"{message} — SKIPPED: run `make test` to test the Stripe gateway")
    settings.STRIPE_SECRET_KEY = "sk_test_apop"
    settings.STRIPE_API_BASE = STRIPE_MOCK_URL
    stripe_gateway._client_for.cache_clear()
    yield STRIPE_MOCK_URL
    stripe_gateway._client_for.cache_clear()


# People of the cart, checkout and order tests (English pages and e-mails).
@pytest.fixture
def author(make_member):
    return make_member("Marie Tremblay", membership_expires_on=NEXT_YEAR, language="en")


@pytest.fixture
def buyer(make_member):
    return make_member("Théo Enseignant", language="en", email="theo@example.org")


@pytest.fixture
def member(make_member):
    return make_member("Léa Membre", membership_expires_on=NEXT_YEAR, language="en")


def signature_header(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """The Stripe-Signature header Stripe sends: t=<unix time>,v1=<HMAC-SHA256 of
    "<t>.<payload>" keyed with the endpoint's secret>."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def load_event(name: str, **replacements) -> dict:
    """A JSON fixture of tests/boutique/events/ (modelled on real Stripe events), with
    "{{key}}" placeholders replaced."""
    text = (EVENTS / f"{name}.json").read_text()
    for key, value in replacements.items():
        text = text.replace("{{" + key + "}}", str(value))
    return json.loads(text)


@pytest.fixture
def post_event(client, settings):
    """POST an event to a webhook endpoint, signed with that endpoint's secret."""

    def post(event: dict, *, connect: bool = False, secret: str | None = None, timestamp=None):
        payload = json.dumps(event).encode()
        if secret is None:
            secret = (
                settings.STRIPE_CONNECT_WEBHOOK_SECRET
                if connect
                else settings.STRIPE_WEBHOOK_SECRET
            )
        url = "/stripe/webhook/connect/" if connect else "/stripe/webhook/"
        return client.post(
            url,
            data=payload,
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=signature_header(payload, secret, timestamp),
        )

    return post
