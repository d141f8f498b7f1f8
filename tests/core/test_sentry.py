"""core/sentry.py: with SENTRY_DSN set, a server error reaches Sentry without the person's
e-mail, name, cookies or request body — only their id. Sentry's real SDK runs; its transport is
replaced by one that keeps the envelopes it would have sent."""

import json

import pytest
import sentry_sdk
from sentry_sdk.transport import Transport

from core import sentry
from core.logging import REDACTED

pytestmark = pytest.mark.django_db

SENT = []


class KeptTransport(Transport):
    def capture_envelope(self, envelope):
        SENT.append(envelope)


@pytest.fixture
def reports():
    SENT.clear()
    sentry.init("https://public@sentry.example.invalid/1", transport=KeptTransport)
    yield SENT
    sentry_sdk.get_client().close()
    sentry_sdk.get_global_scope().set_client(None)
    SENT.clear()


def _events(envelopes):
    return [
        item.payload.json
        for envelope in envelopes
        for item in envelope.items
        if item.type == "event"
    ]


@pytest.mark.urls("tests.core.sentry_urls")
def test_an_error_report_names_nobody(client, make_member, reports):
    person = make_member("Quentin Zéphyrin", email="qzephyrin@cegep-exemple.qc.ca")
    client.force_login(person)
    client.cookies["consent"] = "qzephyrin-cookie"
    client.raise_request_exception = False

    response = client.post("/boom/?email=qzephyrin%40cegep-exemple.qc.ca", {"note": "Quentin"})
    sentry_sdk.flush()

    assert response.status_code == 500
    (event,) = _events(reports)
    (exception,) = event["exception"]["values"]
    assert exception["type"] == "RuntimeError"
    assert exception["value"] == f"cannot bill {REDACTED}"
    assert event.get("user", {}) in ({}, {"id": str(person.pk)}, {"id": person.pk})
    assert event["transaction"] == "/boom/"  # the route says where, without the query string
    text = json.dumps(event, ensure_ascii=False)
    secrets = ("qzephyrin", "Quentin", "Zéphyrin", client.cookies["sessionid"].value, "note")
    for secret in secrets:
        assert secret not in text, secret


def test_the_scrubber_keeps_only_the_user_id_and_drops_what_people_typed():
    event = {
        "user": {"id": 7, "email": "a@b.ca", "username": "a@b.ca", "ip_address": "10.0.0.1"},
        "request": {
            "url": "https://boutique.apop.qc.ca/fr/panier/",
            "method": "POST",
            "data": {"display_name": "Quentin"},
            "cookies": {"sessionid": "abc"},
            "query_string": "email=a%40b.ca",
            "headers": {"Cookie": "sessionid=abc", "User-Agent": "Firefox", "Authorization": "x"},
        },
        "breadcrumbs": {"values": [{"message": "mail to luc@example.org"}]},
        "exception": {
            "values": [
                {
                    "value": "card 4242424242424242",
                    "stacktrace": {
                        "frames": [{"function": "pay", "vars": {"email": "luc@example.org"}}]
                    },
                }
            ]
        },
    }

    assert sentry.scrub_event(event, {}) == {
        "user": {"id": 7},
        "request": {
            "url": "https://boutique.apop.qc.ca/fr/panier/",
            "method": "POST",
            "headers": {"User-Agent": "Firefox"},
        },
        "breadcrumbs": {"values": [{"message": f"mail to {REDACTED}"}]},
        "exception": {
            "values": [
                {"value": f"card {REDACTED}", "stacktrace": {"frames": [{"function": "pay"}]}}
            ]
        },
    }
