"""The submission's price step takes the seller's institution licence price (issue 18, point 2),
typed in dollars like the other prices; empty: 5 × the price."""

from tests.resources.helpers import EN_BASE, latest, licence_data, step_url

RESERVED = "LicenseRef-APOP-All-Rights-Reserved"


def test_the_submission_s_price_step_saves_the_institution_price(member_client, draft):
    response = member_client.post(
        step_url(draft, "licence"),
        licence_data(licence=RESERVED, price="12,50", institution_price="80"),
    )

    assert response.status_code == 302
    assert latest(draft).institution_price_cents == 8000


def test_the_submission_s_price_step_refuses_a_negative_institution_price(member_client, draft):
    response = member_client.post(
        step_url(draft, "licence", EN_BASE),
        licence_data(licence=RESERVED, price="12,50", institution_price="-1"),
    )

    assert response.status_code == 200
    assert (
        '<li class="field__error">The institution licence price cannot be negative.</li>'
        in response.content.decode()
    )
    assert latest(draft).institution_price_cents is None
