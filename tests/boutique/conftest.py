"""Boutique fixtures: the people and resources of the boutique tests, and webhook events posted
signed exactly as Stripe signs them. stripe_mock and the catalogue builders (make_member,
make_resource) are in tests/conftest.py; the plain builders in tests/boutique/helpers.py."""

import datetime
import json

import pytest
from django.utils import timezone

from tests.boutique.helpers import signature_header

NEXT_YEAR = timezone.localdate() + datetime.timedelta(days=365)


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


# The people and resources of the fulfilment, webhook, refund and payout tests. Their buyer is
# Luc, whom those modules take as `buyer` (the cart and checkout tests' buyer is Théo).
@pytest.fixture
def seller(make_member):
    return make_member("Marie Tremblay", language="en", email="marie@example.org")


@pytest.fixture
def luc(make_member):
    return make_member("Luc Gagnon", language="en", email="luc@example.org")


@pytest.fixture
def exams(make_resource, seller):
    return make_resource("Corrected exams", slug="exams", authors=[seller], price_cents=1250)


@pytest.fixture
def notes(make_resource, seller):
    return make_resource("Course notes", slug="course-notes", authors=[seller], price_cents=2000)


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
