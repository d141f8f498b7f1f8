"""Money and dates as people in Quebec read them, in the interface language: « 12,50 $ » and
« 22 novembre 2026 » in French, "$12.50" and "November 22, 2026" in English."""

import datetime
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency
from django.conf import settings
from django.utils import timezone

from .i18n import current_language

_LOCALES = {"fr": "fr_CA", "en": "en_CA"}


def _locale() -> str:
    return _LOCALES.get(current_language(), "fr_CA")


def money(cents, currency: str | None = None) -> str:
    """From integer cents, never floats; the site's currency (BOUTIQUE_CURRENCY) by default."""
    if cents is None:
        return ""
    return format_currency(
        Decimal(int(cents)) / 100, currency or settings.BOUTIQUE_CURRENCY, locale=_locale()
    )


def long_date(value: datetime.date | datetime.datetime | None) -> str:
    """The date in the site's time zone, on one line (a date cut after its day reads badly)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return format_date(value, "long", locale=_locale()).replace(" ", "\u00a0")


def month_name(first_day: datetime.date) -> str:
    """« novembre 2026 » / "November 2026": a month, as statements and reports title it."""
    return format_date(first_day, "LLLL y", locale=_locale()).replace(" ", "\u00a0")
