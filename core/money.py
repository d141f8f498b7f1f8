"""Amounts typed by people, in dollars (« 12,50 », "12.50", « 12 », « 1 250,00 $ »), and kept in
integer cents: the one rule for every form that asks for a price — the member's submission and
the editors' admin alike. Never through floats."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .i18n import current_language

MAX_PRICE_CENTS = 100_000_00  # 100 000 $: anything above is a typing mistake

_NEGATIVE = re.compile(r"^[-\u2212]")
_AMOUNT = re.compile(r"^(\d+)(?:[.,](\d{1,2}))?$")
# Spaces of every kind (thousands separators) and the dollar sign are decoration.
_DECORATION = re.compile(r"[\s\u00a0\u202f$]")


def parse_price_cents(text: str) -> int:
    """Dollars typed by a person as integer cents; "" is 0. Raises ValidationError with a message
    for the person (codes "negative", "invalid", "max")."""
    cleaned = _DECORATION.sub("", text or "")
    if not cleaned:
        return 0
    if _NEGATIVE.match(cleaned):
        raise ValidationError(_("The price cannot be negative."), code="negative")
    match = _AMOUNT.match(cleaned)
    if match is None:
        raise ValidationError(
            _("Enter an amount in dollars with at most two decimals, for example 12.50."),
            code="invalid",
        )
    dollars, decimals = match.groups()
    cents = int(dollars) * 100 + int((decimals or "0").ljust(2, "0"))
    if cents > MAX_PRICE_CENTS:
        raise ValidationError(_("The price cannot be more than 100 000 $."), code="max")
    return cents


def parse_optional_price(text: str, negative_message=None) -> int | None:
    """An optional price (a member or an institution price): None when left empty; a negative
    amount refused with the field's own message."""
    if not (text or "").strip():
        return None
    try:
        return parse_price_cents(text)
    except ValidationError as error:
        if error.code == "negative" and negative_message:
            raise ValidationError(negative_message, code="negative") from None
        raise


def format_price(cents: int | None, lang: str = "fr") -> str:
    """Cents back into what a person types: « 12,50 » (French) or "12.50"; "" for nothing."""
    if cents is None:
        return ""
    text = f"{cents // 100}.{cents % 100:02d}"
    return text.replace(".", ",") if not lang.startswith("en") else text


class MoneyField(forms.CharField):
    """A price typed in dollars, cleaned to integer cents (None when left empty and `empty_value`
    says so). Shown back as dollars in the interface language."""

    def __init__(self, *, empty_value=0, negative_message=None, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
        )
        super().__init__(empty_value=empty_value, **kwargs)
        self.negative_message = negative_message

    def prepare_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return format_price(value, current_language())
        return value

    def to_python(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = super().to_python(value)
        if text in self.empty_values:
            return self.empty_value
        try:
            return parse_price_cents(text)
        except ValidationError as error:
            if error.code == "negative" and self.negative_message:
                raise ValidationError(self.negative_message, code="negative") from None
            raise

    def run_validators(self, value):
        # CharField's length validators read text; the amount is already checked.
        return None

    def has_changed(self, initial, data):
        try:
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True
