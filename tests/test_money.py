"""Money typed in dollars, kept in cents (core/money.py): the one rule of the member's submission
form and of the editors' admin."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from core.money import MoneyField, format_price, parse_price_cents

INVALID = "Enter an amount in dollars with at most two decimals, for example 12.50."


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("12,50", 1250),
        ("12.50", 1250),
        ("12,5", 1250),
        ("12", 1200),
        (" 1 250,00 $ ", 125000),
        ("1\u202f250,00\u00a0$", 125000),
        ("0", 0),
        ("", 0),
        ("0,99", 99),
        ("100000", 100_000_00),
    ],
)
def test_dollars_become_integer_cents(text, cents):
    assert parse_price_cents(text) == cents


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("12,345", "invalid", INVALID),
        ("douze", "invalid", INVALID),
        ("12,50,1", "invalid", INVALID),
        ("1e3", "invalid", INVALID),
        ("-5", "negative", "The price cannot be negative."),
        ("\u22125", "negative", "The price cannot be negative."),
        ("100000,01", "max", "The price cannot be more than 100 000 $."),
    ],
)
def test_unreadable_amounts_are_refused_with_a_message(text, code, message):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        parse_price_cents(text)

    assert refused.value.code == code
    with translation.override("en"):
        assert [str(m) for m in refused.value.messages] == [message]


def test_the_message_is_in_the_person_s_language():
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        parse_price_cents("douze")

    with translation.override("fr"):
        assert refused.value.messages == [
            "Entrez un montant en dollars avec au plus deux décimales, par exemple 12,50."
        ]


@pytest.mark.parametrize(
    ("cents", "lang", "text"),
    [(1250, "fr", "12,50"), (1250, "en", "12.50"), (5, "fr", "0,05"), (None, "fr", "")],
)
def test_cents_are_shown_back_as_typed(cents, lang, text):
    assert format_price(cents, lang) == text


class _PriceForm(forms.Form):
    price = MoneyField(required=False)
    member_price = MoneyField(
        required=False, empty_value=None, negative_message="The member price cannot be negative."
    )


def test_the_form_field_cleans_to_cents_and_empty_to_its_empty_value():
    form = _PriceForm({"price": "12,50", "member_price": ""})

    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"price": 1250, "member_price": None}


def test_the_form_field_refuses_bad_input_with_the_field_s_own_message():
    with translation.override("en"):
        form = _PriceForm({"price": "douze", "member_price": "-2"})

        assert not form.is_valid()
        assert form.errors == {
            "price": [INVALID],
            "member_price": ["The member price cannot be negative."],
        }


@pytest.mark.parametrize(("lang", "shown"), [("fr", 'value="12,50"'), ("en", 'value="12.50"')])
def test_the_form_field_shows_stored_cents_as_dollars(lang, shown):
    with translation.override(lang):
        html = str(_PriceForm(initial={"price": 1250})["price"])

    assert shown in html
    assert 'inputmode="decimal"' in html
