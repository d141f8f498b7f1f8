"""Production: fails fast on a missing secret and passes `manage.py check --deploy`."""

from django.core.exceptions import ImproperlyConfigured

from core import sentry
from core.logging import logging_settings

from .base import *  # noqa: F403
from .base import env

_REQUIRED = {
    "SECRET_KEY": "a long random string (e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))')",
    "ALLOWED_HOSTS": "the public host names, comma-separated (e.g. boutique.apop.qc.ca)",
    "DATABASE_URL": "the PostgreSQL URL (postgres://user:password@host:5432/apop)",
    # Throttles (log-in lockout, download limits) and cached pages must be shared by every
    # worker and machine: a per-process memory cache would multiply each limit.
    "CACHE_URL": "a cache every worker shares (e.g. redis://redis:6379/1)",
}
_missing = [name for name in _REQUIRED if not env(name, default="")]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: "
        + "; ".join(f"{name} — {_REQUIRED[name]}" for name in _missing)
    )

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
# A placeholder (such as the one an example file or a Compose file once shipped) signs sessions
# and password-reset links that anyone could forge.
_PLACEHOLDERS = ("change-me", "changeme", "insecure", "example", "secret-key")
if len(SECRET_KEY) < 50 or any(word in SECRET_KEY.lower() for word in _PLACEHOLDERS):
    raise ImproperlyConfigured(
        "SECRET_KEY is a placeholder or too short (50 characters at least): make one with "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
if CACHES["default"]["BACKEND"].rsplit(".", 1)[-1] in ("LocMemCache", "DummyCache"):  # noqa: F405
    raise ImproperlyConfigured(
        "CACHE_URL names a per-process cache: production needs one every worker shares "
        "(e.g. redis://redis:6379/1)"
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)  # noqa: F405

# The demo's accounts share a public password: `load_demo` runs with --structure-only here.
DEMO_ALLOWED = False
# Demonstration payments grant purchases without taking money: never here. Without Stripe keys,
# paid resources say that online purchases are not open yet.
PAYMENTS_DEMO = env.bool("PAYMENTS_DEMO", default=False)
if PAYMENTS_DEMO:
    raise ImproperlyConfigured(
        "PAYMENTS_DEMO is for trying the product locally: production takes real payments "
        "(STRIPE_SECRET_KEY and the webhook secrets) or none. Remove PAYMENTS_DEMO."
    )

# Client addresses (log-in lockout, download limits) behind the load balancer: how many proxies
# append to X-Forwarded-For (the last one's entry is the client), or the header a CDN sets
# instead. Without this, every visitor would share the load balancer's address.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("TRUSTED_CLIENT_IP_HEADER", default="") or None

# HTTPS everywhere. The load balancer terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Health probes come over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Only a local plain-HTTP stack (Docker Compose on a laptop) turns these off.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = env.bool(
    "SECURE_COOKIES", default=True
)
X_FRAME_OPTIONS = "DENY"

# Links in account e-mails (confirmation, password reset) use HTTPS.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="https")

# One JSON object per line for the log collector, redacted (core/logging.py).
LOGGING = logging_settings(
    json=env.bool("LOG_JSON", default=True), level=env("LOG_LEVEL", default="INFO")
)

# Error reports to Sentry when SENTRY_DSN is set, without personal data (core/sentry.py).
SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    sentry.init(
        SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        release=env("SENTRY_RELEASE", default="") or None,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
