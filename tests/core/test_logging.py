"""core/logging.py: log lines never carry an e-mail address, a card number or a Stripe secret,
whatever logs them (our code, a library, an exception's message); production writes one valid
JSON object per line."""

import json
import logging
import sys

import pytest

from core.logging import REDACTED, JsonLineFormatter, PlainFormatter, logging_settings, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Receipt to luc.gagnon+apop@cegep-exemple.qc.ca failed", f"Receipt to {REDACTED} failed"),
        ("customer_email=luc%40example.org&locale=fr", f"customer_email={REDACTED}&locale=fr"),
        ("card 4242 4242 4242 4242 declined", f"card {REDACTED} declined"),
        ("card 4000-0566-5566-5556 declined", f"card {REDACTED} declined"),
        ("number 4242424242424242", f"number {REDACTED}"),
        ("key sk_test_51Habc123 and sk_live_9xyz", f"key {REDACTED} and {REDACTED}"),
        ("secret whsec_abcDEF123", f"secret {REDACTED}"),
        ("restricted rk_live_abc", f"restricted {REDACTED}"),
    ],
)
def test_personal_data_and_secrets_are_blanked(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Order APOP-2026-000042 paid",  # references, ids and dates stay readable
        "Resource 1234567890123 was indexed",  # 13 digits failing the Luhn check
        "pi_3NQ1xyz and cs_test_a1b2c3 and acct_1ABC",  # Stripe object ids are not secrets
        "2026-12-04T22:15:23Z",
    ],
)
def test_identifiers_stay_as_they_are(text):
    assert redact(text) == text


def _record(message, *args, exc_info=None):
    return logging.LogRecord(
        "boutique.fulfilment", logging.ERROR, __file__, 1, message, args, exc_info
    )


def test_the_json_formatter_writes_one_redacted_json_object_per_line():
    formatter = JsonLineFormatter(
        "{asctime}{levelname}{name}{message}",
        style="{",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
    )
    try:
        raise ValueError('no account for "marie@example.org"')
    except ValueError:
        record = _record("Mail to %s bounced", "marie@example.org", exc_info=sys.exc_info())

    line = formatter.format(record)

    assert "\n" not in line
    document = json.loads(line)
    assert document["level"] == "ERROR"
    assert document["logger"] == "boutique.fulfilment"
    assert document["message"] == f"Mail to {REDACTED} bounced"
    assert f'ValueError: no account for \\"{REDACTED}\\"' in line
    assert "example.org" not in line


def test_the_plain_formatter_redacts_the_traceback_too():
    try:
        raise RuntimeError("token sk_live_abcdef for luc@example.org")
    except RuntimeError:
        record = _record("Stripe call failed", exc_info=sys.exc_info())

    text = PlainFormatter("{levelname} {name}: {message}", style="{").format(record)

    assert text.startswith("ERROR boutique.fulfilment: Stripe call failed\nTraceback")
    assert f"RuntimeError: token {REDACTED} for {REDACTED}" in text
    assert "sk_live" not in text
    assert "luc@" not in text


def test_settings_choose_the_formatter():
    assert logging_settings(json=True, level="INFO")["formatters"]["default"]["()"] == (
        "core.logging.JsonLineFormatter"
    )
    plain = logging_settings(json=False, level="DEBUG")
    assert plain["formatters"]["default"]["()"] == "core.logging.PlainFormatter"
    assert plain["root"] == {"handlers": ["console"], "level": "DEBUG"}
