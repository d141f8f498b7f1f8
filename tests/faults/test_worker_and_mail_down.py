"""The SMTP server down, and the task worker stopped (the database task backend, django-tasks-db,
with its real worker loop): an order is fulfilled all the same, and nothing is lost — the
receipt goes out once the SMTP server is back; index updates, packages, e-mails and transfers
all run when the worker comes back."""

import pytest
from django.core import mail

from boutique.models import Entitlement, Order, Payout
from resources.models import Package
from search.models import SearchEntry
from tests.boutique.helpers import event, make_order
from tests.faults.helpers import run_worker, tasks_waiting, time_passes
from tests.faults.services import SmtpServer

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def smtp(settings):
    """A real SMTP server of this test's own, which the product sends through."""
    server = SmtpServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 2
    yield server
    server.stop()


def test_with_smtp_down_the_order_is_fulfilled_and_the_receipt_goes_out_when_it_is_back(
    smtp, database_tasks, stripe_mock, post_event, luc, exams
):
    order = make_order(luc, [exams])
    smtp.stop()

    assert post_event(event("checkout_session_completed", order)).status_code == 200
    run_worker()

    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert Entitlement.objects.filter(user=luc, resource=exams).count() == 1
    assert order.receipt_sent_at is None
    assert smtp.messages == []
    assert tasks_waiting() == ["send_receipt"]  # again in a minute

    smtp.start()
    time_passes(hours=1)
    run_worker()

    [receipt] = smtp.messages
    assert receipt["To"] == "luc@example.org"
    # (The header, folded and encoded by Django, unfolds with a leading space.)
    subject = receipt["Subject"].strip()
    assert subject == f"APOP boutique · Receipt for your order {order.reference}"
    order.refresh_from_db()
    assert order.receipt_sent_at is not None
    time_passes(hours=48)
    run_worker()
    assert len(smtp.messages) == 1
    assert tasks_waiting() == []


def test_with_the_worker_stopped_for_an_hour_nothing_is_lost(
    database_tasks, stripe_mock, post_event, luc, exams, receiving_seller
):
    """`exams` was just published, then bought: its index update and package, the receipt and
    the seller's transfer wait in the queue while no worker runs."""
    order = make_order(luc, [exams])
    assert post_event(event("checkout_session_completed", order)).status_code == 200
    time_passes(hours=1)  # an hour without a worker

    assert set(tasks_waiting()) == {
        "build_package",
        "update_search_index",
        "send_receipt",
        "transfer_payouts",
        # Wagtail's own: its admin search index and its reference index.
        "insert_or_update_object_task",
        "update_reference_index_task",
    }
    assert not SearchEntry.objects.filter(page_id=exams.pk).exists()
    assert not Package.objects.filter(resource=exams).exclude(file="").exists()
    assert mail.outbox == []
    assert Payout.objects.get(order=order).status == Payout.Status.PENDING

    run_worker()  # the worker is back

    assert tasks_waiting() == []
    assert SearchEntry.objects.filter(page_id=exams.pk).exists()
    assert Package.objects.filter(resource=exams).exclude(file="").exists()
    assert [message.to for message in mail.outbox] == [["luc@example.org"]]
    assert Payout.objects.get(order=order).status == Payout.Status.TRANSFERRED
