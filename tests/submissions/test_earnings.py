"""What a member receives per sale, shown at the price step (4) and at the review (5), and asked
for as prices are typed (/<lang>/compte/depots/gains/): the APOP commission and the net at the
regular and at the member price, from boutique/pricing.py, in cents formatted as Quebec reads
them (« 12,50 $ »)."""

import re

import pytest

from boutique import pricing
from tests.resources.helpers import BASE, licence_data, step_url

RESERVED = "LicenseRef-APOP-All-Rights-Reserved"
EARNINGS = f"{BASE}gains/"
NBSP = "\u00a0"


def fr(cents: int) -> str:
    """« 12,50 $ » as the page writes it."""
    return f"{cents // 100},{cents % 100:02d}{NBSP}$"


def rows(html: str) -> dict[str, list[str]]:
    """The earnings table's rows, one cell per price (regular, then member):
    {"price" | "commission" | "net": [amount, …]}."""
    found = {}
    for kind, body in re.findall(
        r'<tr class="earnings-table__(price|commission|net)">(.*?)</tr>', html, re.S
    ):
        found[kind] = [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)
        ]
    return found


# --- boutique.pricing.seller_earnings ----------------------------------------------------------


def test_the_net_at_each_price_is_the_price_minus_the_commission(settings):
    settings.BOUTIQUE_COMMISSION_PERCENT = 20

    regular, member = pricing.seller_earnings(1250, 1000)

    assert regular == pricing.Earning(False, 1250, 250, 1000)
    assert member == pricing.Earning(True, 1000, 200, 800)


def test_an_institution_licence_is_split_like_any_sale(settings):
    settings.BOUTIQUE_COMMISSION_PERCENT = 20

    earnings = pricing.seller_earnings(1250, None, institution_price_cents=6250)

    assert earnings == [
        pricing.Earning(False, 1250, 250, 1000),
        pricing.Earning(False, 6250, 1250, 5000, institution=True),
    ]
    assert pricing.seller_earnings(0, None, institution_price_cents=6250) == []
    # A percent given for the resource's sales applies to its institution licence too.
    assert pricing.seller_earnings(1250, None, 10, institution_price_cents=6250)[1] == (
        pricing.Earning(False, 6250, 625, 5625, institution=True)
    )


@pytest.mark.parametrize(
    ("price", "member_price", "expected"),
    [
        (999, None, [(False, 999, 200, 799)]),  # 199,8 ¢ rounds up to 200 ¢
        (1, None, [(False, 1, 0, 1)]),
        (1250, 1250, [(False, 1250, 250, 1000)]),  # not below the price: no member row
        (1250, 0, [(False, 1250, 250, 1000), (True, 0, 0, 0)]),
        (0, None, []),
        (0, 0, []),
    ],
)
def test_earnings_per_price(settings, price, member_price, expected):
    settings.BOUTIQUE_COMMISSION_PERCENT = 20

    earnings = pricing.seller_earnings(price, member_price)

    assert [
        (e.member_price, e.price_cents, e.commission_cents, e.net_cents) for e in earnings
    ] == expected


def test_the_net_is_what_the_order_line_gives_the_seller(settings):
    settings.BOUTIQUE_COMMISSION_PERCENT = 15

    (earning,) = pricing.seller_earnings(1999)
    commission, share = pricing.split(1999)

    assert (earning.commission_cents, earning.net_cents) == (commission, share) == (300, 1699)


# --- The price step and the review ---------------------------------------------------------------


def test_the_price_step_shows_the_commission_and_the_net_in_french(member_client, draft):
    member_client.post(
        step_url(draft, "licence"),
        licence_data(licence=RESERVED, price="12,50", member_price="10", action="leave"),
    )

    html = member_client.get(step_url(draft, "licence")).content.decode()

    assert "Ce que vous recevez par vente" in html
    assert re.search(
        r'<th scope="col" class="data-table__number">Prix régulier</th>'
        r'<th scope="col" class="data-table__number">Prix membre</th>'
        r'<th scope="col" class="data-table__number">Licence d’établissement</th>',
        html,
    )
    assert f"Commission de l’APOP (20{NBSP}%)" in html
    # The institution licence at its default price, 5 × 12,50 $.
    assert rows(html) == {
        "price": [fr(1250), fr(1000), fr(6250)],
        "commission": [fr(250), fr(200), fr(1250)],
        "net": [fr(1000), fr(800), fr(5000)],
    }
    assert 'data-earnings="/fr/compte/depots/gains/"' in html
    assert "js/earnings.js" in html


def test_a_free_resource_says_there_is_nothing_to_receive(member_client, draft):
    html = member_client.get(step_url(draft, "licence")).content.decode()

    assert rows(html) == {}
    assert f"Ressource gratuite{NBSP}: aucune commission, rien à recevoir." in html


def test_the_review_shows_the_same_table(member_client, draft):
    member_client.post(
        step_url(draft, "licence"),
        licence_data(licence=RESERVED, price="9,99", action="leave"),
    )

    html = member_client.get(step_url(draft, "verification")).content.decode()

    assert rows(html) == {
        "price": [fr(999), fr(4995)],
        "commission": [fr(200), fr(999)],
        "net": [fr(799), fr(3996)],
    }
    assert "Prix membre</th>" not in html[html.index("earnings-table") :]


# --- Asked for as the prices are typed -----------------------------------------------------------


def test_the_table_for_prices_being_typed(member_client):
    response = member_client.get(EARNINGS, {"prix": "25", "prix_membre": "19,50"})

    html = response.content.decode()
    assert response.status_code == 200
    assert rows(html) == {
        "price": [fr(2500), fr(1950), fr(12500)],
        "commission": [fr(500), fr(390), fr(2500)],
        "net": [fr(2000), fr(1560), fr(10000)],
    }
    assert (
        f'data-earnings-summary="Vous recevez 20,00{NBSP}$ par vente au prix régulier. '
        f"Vous recevez 15,60{NBSP}$ par vente à un membre. "
        f'Vous recevez 100,00{NBSP}$ par licence d’établissement."'
    ) in html


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("80", {"price": [fr(2500), fr(8000)], "commission": [fr(500), fr(1600)]}),
        ("0", {"price": [fr(2500)], "commission": [fr(500)]}),  # not offered: no column
    ],
)
def test_the_institution_price_being_typed(member_client, typed, expected):
    response = member_client.get(EARNINGS, {"prix": "25", "prix_etablissement": typed})

    found = rows(response.content.decode())
    assert response.status_code == 200
    assert {kind: found[kind] for kind in expected} == expected


def test_an_unreadable_price_answers_400_with_the_message(member_client):
    response = member_client.get(EARNINGS, {"prix": "douze", "prix_membre": ""})

    html = response.content.decode()
    assert response.status_code == 400
    assert rows(html) == {}
    assert "Entrez un montant en dollars avec au plus deux décimales" in html


@pytest.mark.parametrize("who", ["visitor", "non-member"])
def test_only_members_may_ask(client, make_member, who):
    if who == "non-member":
        client.force_login(make_member("Amina Diallo"))

    response = client.get(EARNINGS, {"prix": "12"})

    assert response.status_code == 403
    assert "earnings-table" not in response.content.decode()
