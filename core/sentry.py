"""Error reports to Sentry, when SENTRY_DSN is set, without personal data.

`data_collection` keeps Sentry's SDK from collecting the user, cookies, request bodies, query
strings, SQL parameters and local variables; the scrubber below is the safety net behind it: it
removes them again if an integration added them, keeps only the user's id, and blanks e-mail
addresses, card numbers and Stripe secrets in every remaining string (exception messages,
breadcrumbs, log messages).
"""

from collections.abc import Callable

from .logging import redact

# Parts of an event that may carry what people typed or who they are.
_REQUEST_DROPPED = ("data", "cookies", "query_string", "env")
_HEADERS_DROPPED = {"cookie", "authorization", "x-forwarded-for", "x-real-ip", "stripe-signature"}


def _scrubbed(value):
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _scrubbed(item) for key, item in value.items() if key != "vars"}
    if isinstance(value, list | tuple):
        return [_scrubbed(item) for item in value]
    return value


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """Sentry's `before_send` (and `before_send_transaction`): the event without personal data."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in _REQUEST_DROPPED:
            request.pop(key, None)
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {
                name: value
                for name, value in headers.items()
                if name.lower() not in _HEADERS_DROPPED
            }
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    return _scrubbed(event)


def scrub_breadcrumb(crumb: dict, hint: dict | None = None) -> dict:
    return _scrubbed(crumb)


def init(
    dsn: str,
    *,
    environment: str = "production",
    release: str | None = None,
    traces_sample_rate: float = 0.0,
    transport: Callable | type | None = None,
) -> None:
    """Start Sentry's SDK with the Django integration and the scrubbers above."""
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    options = {}
    if transport is not None:  # the tests' in-process transport
        options["transport"] = transport
    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        data_collection={
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_headers": {
                "request": {"mode": "allowlist", "terms": ["user-agent", "accept-language"]}
            },
            "http_bodies": [],
            "url_query_params": {"mode": "off"},
            "database_query_data": False,
            "stack_frame_variables": False,
        },
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
        environment=environment,
        release=release,
        traces_sample_rate=traces_sample_rate,
        **options,
    )
