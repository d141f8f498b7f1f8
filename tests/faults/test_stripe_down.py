"""Stripe unreachable: a stripe-mock of this module's own, stopped; a server answering 500; a
listener that accepts and never answers. Checkout then shows a message, keeps the cart and makes
one order, which the next try reuses once Stripe is back; a seller's transfer that failed is
sent later, once, by the task worker or by `manage.py release_payouts`."""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from boutique.models import CartItem, Order, Payout
from tests.boutique.helpers import event, make_order
from tests.faults import services
from tests.faults.helpers import run_worker, tasks_waiting, time_passes, transfer_requests
from tests.search.helpers import TcpProxy

pytestmark = pytest.mark.django_db(transaction=True)

PAY = "/fr/panier/payer/"
UNREACHABLE = "Le service de paiement est injoignable. Rien n’a été facturé"


@pytest.fixture(params=["stopped", "answering 500", "silent"])
def broken_stripe(request, own_stripe, stripe_at):
    """The product's Stripe broken one way; `repair()` brings stripe-mock back."""
    if request.param == "stopped":
        stripe_at(own_stripe.url)
        own_stripe.stop()
        yield SimpleNamespace(repair=own_stripe.start)
        own_stripe.start()  # unless the test did
        return
    if request.param == "answering 500":
        failing = services.ErrorServer()
        stripe_at(failing.url)
        yield SimpleNamespace(repair=lambda: stripe_at(own_stripe.url))
        failing.stop()
        return
    silent = TcpProxy(own_stripe.url)
    silent.delay = 3600  # accepts, never answers
    silent.start()
    stripe_at(silent.url, timeout=1.0)
    yield SimpleNamespace(repair=lambda: stripe_at(own_stripe.url))
    silent.stop()


@pytest.fixture
def counted_stripe(own_stripe, stripe_at):
    """The product reaching the module's stripe-mock through a relay that counts requests."""
    relay = TcpProxy(own_stripe.url)
    relay.start()
    stripe_at(relay.url)
    yield relay
    relay.stop()
    own_stripe.start()  # unless the test did


def test_checkout_without_stripe_keeps_the_cart_and_one_order(client, broken_stripe, luc, exams):
    CartItem.objects.create(user=luc, resource=exams)
    client.force_login(luc)

    attempts = [client.post(PAY), client.post(PAY)]

    for response in attempts:
        html = response.content.decode()
        assert response.status_code == 502
        assert UNREACHABLE in html
        assert "Corrected exams" in html  # the cart, shown again
    assert CartItem.objects.filter(user=luc).count() == 1
    failed = Order.objects.get()  # one order for both tries
    assert (failed.status, failed.stripe_session_id) == (Order.Status.FAILED, None)

    broken_stripe.repair()
    paying = client.post(PAY)

    assert paying.status_code == 303
    assert paying["Location"].startswith("https://checkout.stripe.com/")
    order = Order.objects.get()
    assert (order.pk, order.reference) == (failed.pk, failed.reference)
    assert order.status == Order.Status.PENDING
    assert order.stripe_session_id.startswith("cs_test_")
    assert CartItem.objects.filter(user=luc).count() == 1  # until the payment is confirmed


def test_a_failed_transfer_is_retried_by_the_task_worker_and_paid_once(
    own_stripe, counted_stripe, database_tasks, post_event, luc, exams, receiving_seller
):
    order = make_order(luc, [exams])
    own_stripe.stop()

    assert post_event(event("checkout_session_completed", order)).status_code == 200
    run_worker()

    order.refresh_from_db()
    payout = Payout.objects.get(order=order)
    assert order.status == Order.Status.PAID
    assert payout.status == Payout.Status.PENDING
    assert tasks_waiting() == ["transfer_payouts"]  # again in a minute

    own_stripe.start()
    time_passes(hours=1)
    run_worker()

    payout.refresh_from_db()
    assert payout.status == Payout.Status.TRANSFERRED
    assert payout.stripe_transfer_id.startswith("tr_")
    assert transfer_requests(counted_stripe) == 1
    assert tasks_waiting() == []
    out = StringIO()
    call_command("release_payouts", stdout=out)
    assert out.getvalue() == "0 payout(s) transferred.\n"
    assert transfer_requests(counted_stripe) == 1


def test_a_failed_transfer_is_paid_once_by_release_payouts(
    own_stripe, counted_stripe, post_event, luc, exams, receiving_seller
):
    """With the immediate task backend nothing can wait: the hourly command sends it."""
    order = make_order(luc, [exams])
    own_stripe.stop()

    assert post_event(event("checkout_session_completed", order)).status_code == 200
    assert Payout.objects.get(order=order).status == Payout.Status.PENDING

    own_stripe.start()
    first, second = StringIO(), StringIO()
    call_command("release_payouts", stdout=first)
    call_command("release_payouts", stdout=second)

    assert first.getvalue() == "1 payout(s) transferred.\n"
    assert second.getvalue() == "0 payout(s) transferred.\n"
    assert Payout.objects.get(order=order).status == Payout.Status.TRANSFERRED
    assert transfer_requests(counted_stripe) == 1
