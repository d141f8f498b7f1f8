"""Settings of the product under benchmark (benchmarks/run.py serves it with gunicorn): the
development settings without debugging — templates cached, no debug toolbar or tracebacks —
with persistent database connections as in production. What differs from production: plain
HTTP on 127.0.0.1 (no HTTPS redirect or secure cookies), a per-process memory cache (production
shares Redis between workers), receipts rendered but not sent. The run's database, index
prefix, S3 buckets and Stripe (stripe-mock) come from the environment (benchmarks/database.py,
Scratch.environment)."""

from apop.settings.dev import *  # noqa: F403
from apop.settings.dev import DATABASES
from core.logging import logging_settings

DEBUG = False
WHITENOISE_AUTOREFRESH = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES["default"]["CONN_MAX_AGE"] = 60
# Warnings and errors only: a line per request would be part of what is measured.
LOGGING = logging_settings(json=False, level="WARNING")
# The engine clients log a 404 of a missing index at WARNING (Wagtail's own index, unused here).
for _name in ("opensearch", "elastic_transport"):
    LOGGING["loggers"][_name] = {"level": "ERROR"}
# X-Queries and Server-Timing on every answer (benchmarks/middleware.py), outermost so that
# they cover every other middleware's queries and time.
MIDDLEWARE = ["benchmarks.middleware.measured", *MIDDLEWARE]  # noqa: F405
# The product's URLs and the search page written with Wagtail's search API, that
# benchmarks/measures/compare.py compares with ours (benchmarks/wagtail_page.py).
ROOT_URLCONF = "benchmarks.urls"
