"""Fixtures of the fault tests: services of their own (tests/faults/services.py) that a test may
break, the database task backend and its worker."""

import pytest

from boutique import stripe_gateway
from boutique.models import SellerAccount
from tests.boutique.conftest import exams, luc, notes, post_event, seller  # noqa: F401 (shared)
from tests.faults import services


@pytest.fixture(scope="module")
def own_stripe():
    """stripe-mock of this module's own (a test stops and starts it)."""
    process = services.stripe_mock()
    process.start()
    yield process
    process.stop()


@pytest.fixture
def stripe_at(settings):
    """Point the product's Stripe client at a URL (the client is cached per address)."""

    def point(url: str, *, timeout: float = 2.0) -> None:
        settings.STRIPE_SECRET_KEY = "sk_test_apop"
        settings.STRIPE_API_BASE = url
        settings.STRIPE_TIMEOUT = timeout
        stripe_gateway._client_for.cache_clear()

    yield point
    stripe_gateway._client_for.cache_clear()


@pytest.fixture
def database_tasks(settings):
    """Tasks go to the database (django-tasks-db) and wait for the worker (helpers.run_worker)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def receiving_seller(seller):  # noqa: F811 (the boutique's fixture)
    """The seller's connected account can receive money: their payouts go out at once."""
    SellerAccount.objects.create(
        user=seller,
        stripe_account_id="acct_faults_seller",
        charges_enabled=True,
        payouts_enabled=True,
        details_submitted=True,
    )
    return seller
