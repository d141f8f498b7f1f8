"""boutique/pricing.py: shares add up to the price on every line, rounding half up to the cent;
member prices apply to members and staff of member institutions only."""

import datetime
from types import SimpleNamespace

import pytest
from allauth.account.models import EmailAddress
from hypothesis import given
from hypothesis import strategies as st

from accounts import roles
from accounts.models import Institution, InstitutionDomain
from boutique import pricing

prices = st.integers(min_value=0, max_value=10_000_000)
percents = st.integers(min_value=0, max_value=100)


@given(prices, percents)
def test_commission_and_share_add_up_to_the_price(price, percent):
    commission, share = pricing.split(price, percent)

    assert commission + share == price
    assert 0 <= commission <= price
    assert 0 <= share <= price


@given(prices, percents)
def test_the_commission_is_the_exact_percentage_rounded_to_the_nearest_cent(price, percent):
    commission = pricing.commission_for(price, percent)

    # |commission − price × percent / 100| ≤ ½ cent, in integers: |100c − p·r| ≤ 50.
    assert abs(100 * commission - price * percent) <= 50


@given(prices, percents)
def test_halves_round_up(price, percent):
    exact_hundredths = price * percent
    commission = pricing.commission_for(price, percent)

    if exact_hundredths % 100 == 50:
        assert commission == (exact_hundredths + 50) // 100


@pytest.mark.parametrize(
    ("price", "percent", "commission", "share"),
    [
        (1250, 20, 250, 1000),
        (999, 20, 200, 799),  # 199,8 → 200
        (1, 20, 0, 1),  # 0,2 → 0
        (3, 50, 2, 1),  # 1,5 → 2 (half up)
        (0, 20, 0, 0),
        (500, 0, 0, 500),
        (500, 100, 500, 0),
    ],
)
def test_examples(price, percent, commission, share):
    assert pricing.split(price, percent) == (commission, share)


def test_the_default_percent_comes_from_the_settings(settings):
    settings.BOUTIQUE_COMMISSION_PERCENT = 30

    assert pricing.split(1000) == (300, 700)


@pytest.mark.parametrize("percent", [-1, 101])
def test_an_impossible_percent_is_refused(percent):
    with pytest.raises(ValueError, match="^the commission is a percentage between 0 and 100$"):
        pricing.commission_for(100, percent)


def test_a_negative_price_is_refused():
    with pytest.raises(ValueError, match="^a price is never negative$"):
        pricing.commission_for(-1, 20)


@pytest.mark.parametrize(
    ("price", "percent", "line"),
    [
        # The same commission as any sale of the resource, at the settings' percent or a given one.
        (6250, None, pricing.LineAmounts(6250, 1250, 5000, False)),
        (6250, 30, pricing.LineAmounts(6250, 1875, 4375, False)),
        (4999, None, pricing.LineAmounts(4999, 1000, 3999, False)),  # 999.8 rounds to 1,000
    ],
)
def test_an_institution_licence_line_is_never_at_a_member_price(settings, price, percent, line):
    settings.BOUTIQUE_COMMISSION_PERCENT = 20

    assert pricing.institution_line(price, percent) == line
    assert pricing.institution_line(price, percent=percent) == line


def test_the_membership_goes_entirely_to_apop():
    assert pricing.membership_line(6000) == pricing.LineAmounts(6000, 6000, 0, False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("today", "amounts"),
    [
        # Winter term of the institution's 2026–2027 membership (calendar year 2027).
        (datetime.date(2027, 2, 1), pricing.LineAmounts(1000, 200, 800, True)),
        (datetime.date(2026, 9, 1), pricing.LineAmounts(1000, 200, 800, True)),
        (datetime.date(2027, 8, 1), pricing.LineAmounts(1250, 250, 1000, False)),
    ],
)
def test_staff_of_an_fcp_member_pay_the_member_price_all_academic_year(
    monkeypatch, settings, make_member, today, amounts
):
    settings.BOUTIQUE_COMMISSION_PERCENT = 30  # the percent given below wins
    institution = Institution.objects.create(
        name="Cégep de l'Exemple",
        member_from=datetime.date(2026, 8, 1),
        member_until=datetime.date(2027, 6, 30),
    )
    InstitutionDomain.objects.create(institution=institution, domain="cegep-exemple.qc.ca")
    teacher = make_member("Prof Exemple", email="prof@cegep-exemple.qc.ca")
    assert EmailAddress.objects.filter(user=teacher, verified=True).exists()
    monkeypatch.setattr(roles, "today", lambda: today)
    resource = SimpleNamespace(price_cents=1250, member_price_cents=1000)

    assert pricing.resource_line(resource, teacher, percent=20) == amounts


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("price", "member_price", "is_member", "line"),
    [
        (1250, 1000, True, pricing.LineAmounts(1000, 200, 800, True)),
        (1250, 1000, False, pricing.LineAmounts(1250, 250, 1000, False)),
        (1250, None, True, pricing.LineAmounts(1250, 250, 1000, False)),
        # A "member price" equal to the price is no member price.
        (1250, 1250, True, pricing.LineAmounts(1250, 250, 1000, False)),
    ],
)
def test_a_resource_line_for_a_member_and_for_anyone(
    settings, make_member, price, member_price, is_member, line
):
    settings.BOUTIQUE_COMMISSION_PERCENT = 20
    expires = roles.today() + datetime.timedelta(days=30) if is_member else None
    buyer = make_member("Léa Membre", membership_expires_on=expires)
    resource = SimpleNamespace(price_cents=price, member_price_cents=member_price)

    assert pricing.resource_line(resource, buyer) == line
    assert pricing.unit_price(resource, buyer) == (line.price_cents, line.member_price)


def test_what_a_seller_earns_at_a_percent_given_rather_than_the_settings_one(settings):
    settings.BOUTIQUE_COMMISSION_PERCENT = 20

    assert pricing.seller_earnings(1250, 1000, percent=30) == [
        pricing.Earning(False, 1250, 375, 875),
        pricing.Earning(True, 1000, 300, 700),
    ]
