"""Tests: `make test`. Never reaches a paid or remote service.

The services (PostgreSQL, search, S3, stripe-mock) come from scripts/services.sh through the
environment it writes; without them the suite runs on SQLite and the tests that need a service
skip with a loud reason (tests/conftest.py), except with CI=true, where a missing service fails.
"""

import os

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-not-secret-apop-boutique-test-suite-000000"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # nothing is collected in this mode; WhiteNoise reads the app folders
WAGTAILADMIN_BASE_URL = "http://testserver"
# Stripe only through stripe-mock on this machine: a live key can never be used by a test.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="sk_test_123")
if not STRIPE_SECRET_KEY.startswith("sk_test_"):
    raise RuntimeError("Test settings accept only Stripe test keys (sk_test_…).")
# Nothing listens there: a test that forgets the stripe_mock fixture fails at once instead of
# reaching for api.stripe.com — Stripe is unreachable, which fulfilment, refunds and payouts
# must survive. So the tests of those rules that need no answer from Stripe run without
# stripe-mock; only those that do (a transfer made, a refund asked for) take the fixture.
STRIPE_API_BASE = "http://127.0.0.1:9"
STRIPE_MAX_NETWORK_RETRIES = 0  # refused at once, not after the client's back-off
STRIPE_WEBHOOK_SECRET = "whsec_test_apop_platform"
STRIPE_CONNECT_WEBHOOK_SECRET = "whsec_test_apop_connect"
# Stripe (through stripe-mock) unless a test turns the demonstration payments on.
PAYMENTS_DEMO = False

# Names of this run and of this pytest-xdist worker, so that neither two runs against the same
# services nor two workers of one run collide: the run's id (pytest-xdist's, shared by all its
# workers; without xdist, this process's id) and the worker's (gw0, gw1…; empty without xdist).
TEST_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")[:10] or str(os.getpid())
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")

# One test database per run; pytest-django adds the worker's suffix (test_apop_<run>_gw0…).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"test_apop_{TEST_RUN}"}  # noqa: F405
# `make mutation` runs the tests hundreds of times: one test database (a file), kept between runs.
if os.environ.get("APOP_TEST_DATABASE"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["APOP_TEST_DATABASE"]}  # noqa: F405

# Search runs on the database unless a test opts in to the real node (tests/search/conftest.py
# points APOP_SEARCH at the node scripts/services.sh started, with an index prefix of its own).
APOP_SEARCH = {  # noqa: F405
    **APOP_SEARCH,  # noqa: F405
    "ENGINE": "",
    "URL": "",
    "INDEX_PREFIX": "-".join(filter(None, ["test", TEST_RUN, TEST_WORKER])),
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
