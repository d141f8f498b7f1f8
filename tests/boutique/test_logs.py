"""A purchase's logs, as production writes them (JSON lines, core/logging.py), name nobody: no
buyer's or seller's e-mail or name, no card number, no Stripe secret — only references and ids."""

import json
from urllib.parse import quote

import pytest

from boutique.models import CartItem, Order
from tests.boutique.helpers import event

pytestmark = pytest.mark.django_db

CARD = "4242424242424242"


@pytest.fixture
def buyer(make_member):
    """Names no other log line could contain by chance."""
    return make_member("Quentin Zéphyrin", language="en", email="qzephyrin@cegep-exemple.qc.ca")


def test_a_purchase_logs_no_personal_data(
    client,
    stripe_mock,
    settings,
    buyer,
    seller,
    exams,
    post_event,
    production_log,
    django_capture_on_commit_callbacks,
):
    settings.STRIPE_WEBHOOK_SECRET = "whsec_apop_test_logs"
    CartItem.objects.create(user=buyer, resource=exams)
    client.force_login(buyer)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/en/cart/pay/").status_code == 303
        order = Order.objects.get()
        paid = event("checkout_session_completed", order, session_id=order.stripe_session_id)
        paid["data"]["object"]["customer_details"] = {
            "email": buyer.email,
            "name": buyer.display_name,
        }
        assert post_event(paid).status_code == 200
        assert post_event(paid).status_code == 200  # Stripe delivers it again
        assert post_event(event("unknown_type", order)).status_code == 200

    lines = production_log.getvalue().splitlines()
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    messages = [record["message"] for record in records]
    assert (
        f"Stripe event {paid['id']} of type checkout.session.completed: not handled" not in messages
    )
    assert any(message.endswith(": not handled") for message in messages)  # the lines are caught
    text = "\n".join(lines)
    for secret in (
        "qzephyrin",  # the e-mail's local part, however the address is encoded
        "Quentin",
        "Zéphyrin",
        "Z\\u00e9phyrin",
        quote("Zéphyrin"),
        seller.email,
        seller.display_name,
        CARD,
        "whsec_apop_test_logs",
        settings.STRIPE_SECRET_KEY,
    ):
        assert secret not in text, secret
