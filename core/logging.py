"""Log lines without personal data or secrets (Law 25).

The code logs identifiers (order references, primary keys, Stripe ids), never people: no e-mail,
no name. The formatters below are the safety net behind that rule, for what a library or an
exception message may carry: they blank e-mail addresses, card numbers (digit runs that pass the
Luhn check) and Stripe keys and signing secrets from the whole formatted line, traceback included.
Production writes one JSON object per line (python-json-logger), for the log collector; the other
settings keep a plain line for people reading a terminal.
"""

import logging
import re

from pythonjsonlogger.json import JsonFormatter

# Also URL-encoded (`%40`), as in a logged query string or form body.
EMAIL = re.compile(r"[\w.+%-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+")
# 13 to 19 digits, optionally grouped by spaces or hyphens: the lengths of payment card numbers.
CARD_CANDIDATE = re.compile(r"(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])")
STRIPE_SECRET = re.compile(r"\b(?:sk|rk)_(?:live|test)_\w+|\bwhsec_\w+")

REDACTED = "[redacted]"


def _passes_luhn(digits: str) -> bool:
    total = 0
    for position, digit in enumerate(int(d) for d in reversed(digits)):
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def _card(match: re.Match) -> str:
    digits = re.sub(r"\D", "", match.group())
    return REDACTED if _passes_luhn(digits) else match.group()


def redact(text: str) -> str:
    """`text` with every e-mail address, card number and Stripe secret replaced."""
    text = EMAIL.sub(REDACTED, text)
    text = STRIPE_SECRET.sub(REDACTED, text)
    return CARD_CANDIDATE.sub(_card, text)


class PlainFormatter(logging.Formatter):
    """One readable line, redacted."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class JsonLineFormatter(JsonFormatter):
    """One JSON object per line (time, level, logger, message, traceback), redacted. Redacting
    the serialised line keeps it valid JSON: the patterns never match quotes or backslashes."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def logging_settings(*, json: bool, level: str) -> dict:
    """The LOGGING setting: one console handler, JSON lines or plain lines."""
    if json:
        formatter = {
            "()": "core.logging.JsonLineFormatter",
            "format": "{asctime}{levelname}{name}{message}",
            "style": "{",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    else:
        formatter = {
            "()": "core.logging.PlainFormatter",
            "format": "{asctime} {levelname} {name}: {message}",
            "style": "{",
        }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "default"}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "INFO"},
            # Stripe's library logs whole requests and answers at DEBUG (the buyer's e-mail, the
            # cardholder's name on the session): never below WARNING, whatever LOG_LEVEL says.
            "stripe": {"level": "WARNING"},
            "urllib3": {"level": "WARNING"},
            # One line per task run is noise at INFO; failures still show.
            "django_tasks": {"level": "WARNING"},
        },
    }
