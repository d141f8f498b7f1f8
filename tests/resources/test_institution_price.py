"""The seller's institution licence price (issue 18, point 2): empty means 5 × the price, 0 means
not offered, never below the price, none for a free resource; and the licence rules apply as to
any sale (resources/institution_offer.py, resources/rules.py)."""

import pytest
from django.utils import translation

from resources import institution_offer
from tests.resources.test_resource_rules import draft, errors_of, with_values

pytestmark = pytest.mark.django_db
RESERVED = "LicenseRef-APOP-All-Rights-Reserved"


@pytest.fixture
def marie(make_member):
    return make_member("Marie Tremblay")


@pytest.mark.parametrize(
    ("price", "chosen", "expected"),
    [(1250, None, 6250), (1250, 9900, 9900), (1250, 0, None), (0, None, None)],
)
def test_the_price_of_an_institution_licence(make_resource, marie, price, chosen, expected):
    page = draft(
        make_resource,
        authors=[marie],
        licence=RESERVED,
        price_cents=price,
        institution_price_cents=chosen,
    )

    assert institution_offer.price_cents(page) == expected
    assert (institution_offer.offer_refusal(page) is None) is (expected is not None)


def test_below_the_price_is_refused(make_resource, marie):
    page = with_values(
        draft(make_resource, authors=[marie], licence=RESERVED, price_cents=1000),
        institution_price_cents=999,
    )

    assert errors_of(page, "en") == {
        "institution_price_cents": ["The institution licence cannot cost less than the price."]
    }
    assert errors_of(page) == {
        "institution_price_cents": [
            "La licence d’établissement ne peut pas coûter moins que le prix."
        ]
    }


def test_a_free_resource_has_no_institution_licence(make_resource, marie):
    page = with_values(draft(make_resource, authors=[marie]), institution_price_cents=5000)

    assert errors_of(page, "en") == {
        "institution_price_cents": [
            "A free resource has no institution licence: leave the field empty."
        ]
    }


def test_no_institution_licence_for_what_a_licence_forbids_selling(make_resource, marie):
    # Sold under NC by nobody holding the rights (a record written around the rules): the
    # institution licence is refused with the licence's own reason.
    page = draft(make_resource, authors=[marie], licence="CC-BY-NC-4.0", price_cents=500)
    page.authors.set([])

    with translation.override("en"):
        reason = str(institution_offer.offer_refusal(page))

    assert reason == "Only the rights holder may sell a resource under CC BY-NC 4.0."
