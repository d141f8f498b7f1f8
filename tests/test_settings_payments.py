"""PAYMENTS_DEMO (boutique/demo_payments.py): on by default without Stripe keys (`make run`), off
with them, refused next to Stripe keys, and refused by the production settings at start-up."""

import json

import pytest

from tests.test_settings import PRODUCTION_ENV, run_python

PRINT = (
    "-c",
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps([s.PAYMENTS_DEMO, s.STRIPE_SECRET_KEY]))",
)


def loaded(settings_module, env=None):
    result = run_python(settings_module, env, PRINT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_make_run_pays_through_the_demonstration_without_stripe_keys():
    assert loaded("apop.settings.dev") == [True, ""]


def test_stripe_test_keys_turn_the_demonstration_off():
    assert loaded("apop.settings.dev", {"STRIPE_SECRET_KEY": "sk_test_apop"}) == [
        False,
        "sk_test_apop",
    ]


def test_the_demonstration_and_stripe_keys_together_are_refused():
    result = run_python(
        "apop.settings.dev", {"STRIPE_SECRET_KEY": "sk_test_apop", "PAYMENTS_DEMO": "true"}, PRINT
    )

    assert result.returncode == 1
    assert "django.core.exceptions.ImproperlyConfigured" in result.stderr
    assert "PAYMENTS_DEMO stands for Stripe when there are no Stripe keys" in result.stderr


def test_production_without_stripe_keys_has_no_demonstration():
    assert loaded("apop.settings.production", PRODUCTION_ENV) == [False, ""]


@pytest.mark.parametrize("value", ["true", "1", "on"])
def test_production_refuses_the_demonstration_at_start_up(value):
    result = run_python(
        "apop.settings.production", {**PRODUCTION_ENV, "PAYMENTS_DEMO": value}, PRINT
    )

    assert result.returncode == 1
    assert "django.core.exceptions.ImproperlyConfigured" in result.stderr
    assert "PAYMENTS_DEMO is for trying the product locally" in result.stderr
