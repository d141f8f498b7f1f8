"""The price step in a real browser: as a member types the price and the member price, the table
of what they receive per sale (the APOP commission, their net at each price) follows, asked from
the server's boutique.pricing; in French and in English, axe-core clean, on desktop and phone."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from submissions import service
from tests.e2e.helpers import axe_violations
from tests.helpers import lang_path
from tests.resources.helpers import a_year_from_now

pytestmark = pytest.mark.e2e

NBSP = "\u00a0"
EXPECTED = {
    "fr": {
        # regular, member, institution licence (5 × the price by default)
        "price": ["12,50 $", "10,00 $", "62,50 $"],
        "commission": ["2,50 $", "2,00 $", "12,50 $"],
        "net": ["10,00 $", "8,00 $", "50,00 $"],
        "heading": "Ce que vous recevez par vente",
        "summary": "Vous recevez 10,00 $ par vente au prix régulier.",
        "typed": "12,50",
    },
    "en": {
        "price": ["$12.50", "$10.00", "$62.50"],
        "commission": ["$2.50", "$2.00", "$12.50"],
        "net": ["$10.00", "$8.00", "$50.00"],
        "heading": "What you receive per sale",
        "summary": "You receive $10.00 per sale at the regular price.",
        "typed": "12.50",
    },
}


@pytest.fixture
def draft(site_url, make_member):
    member = make_member("Marie Tremblay", membership_expires_on=a_year_from_now())
    page = service.create_submission(
        member, {"title": "Examens corrigés", "summary": "Des examens.", "language": "fr"}
    )
    return member, page


def log_in(context, site_url, user) -> None:
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_url}]
    )


def cells(page, kind):
    return page.locator(f".earnings-table__{kind} td")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_earnings_follow_the_prices_as_they_are_typed(
    page, site_url, draft, axe_source, screenshot, lang
):
    member, resource = draft
    words = {
        key: [v.replace(" ", NBSP) for v in value] if isinstance(value, list) else value
        for key, value in EXPECTED[lang].items()
    }
    log_in(page.context, site_url, member)
    page.goto(f"{site_url}{lang_path(lang, 'compte/depots/')}{resource.pk}/licence/")
    section = page.locator("[data-earnings]")
    expect(section.get_by_role("heading")).to_have_text(words["heading"])
    expect(page.locator(".earnings-table")).to_have_count(0)  # free so far

    page.locator("#id_price").fill(words["typed"])
    for kind in ("price", "commission", "net"):
        expect(cells(page, kind)).to_have_text([words[kind][0], words[kind][2]])
    page.locator("#id_member_price").fill("10")
    for kind in ("price", "commission", "net"):
        expect(cells(page, kind)).to_have_text(words[kind])
    expect(page.locator("[data-earnings-status]")).to_contain_text(
        words["summary"].replace(" $", f"{NBSP}$")
    )

    assert axe_violations(page, axe_source) == []
    screenshot(page, f"earnings-price-step-{lang}")
    page.set_viewport_size({"width": 375, "height": 740})
    section.scroll_into_view_if_needed()
    # The table fits a phone's width: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert axe_violations(page, axe_source) == []
    screenshot(page, f"earnings-price-step-phone-{lang}")
