"""Settings of the product that a fault or load test serves with gunicorn (tests/faults/
services.py, AppServer): the test settings, plus the services that test started, named by
environment variables (DATABASE_URL, MEDIA_ROOT… as in production; APOP_SERVED_STRIPE_API_BASE
for the Stripe API: the test settings never reach a real one)."""

import os

from apop.settings.test import *  # noqa: F403

STRIPE_SECRET_KEY = "sk_test_apop"
STRIPE_API_BASE = os.environ.get("APOP_SERVED_STRIPE_API_BASE", "http://127.0.0.1:9")
STRIPE_TIMEOUT = 5.0
# The errors go to gunicorn's log (the test prints it when it fails).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
