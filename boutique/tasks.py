"""Background work of the boutique (django-tasks): the buyers' e-mails and the sellers' transfers,
enqueued by fulfilment and refunds once their transaction commits. An outside service that fails
(SMTP, Stripe) makes the task try again later (core/tasks.py), so neither a receipt nor a
transfer is lost; each is sent once (the receipt's claim, the payout's status and idempotency
key)."""

import logging

from django_tasks import task

from core.tasks import retry_later

from . import mail, membership, payouts

logger = logging.getLogger(__name__)


@task()
def send_membership_reminders() -> int:
    """The daily renewal reminders (same work as `manage.py send_membership_reminders`);
    returns how many were sent."""
    return membership.send_reminders()


def _send_or_retry(task_, send, *args, attempt: int) -> bool:
    try:
        return send(*args)
    except Exception:
        if retry_later(task_, *args, attempt=attempt):
            return False
        raise  # the last attempt, or nothing can wait: the task is recorded failed


@task()
def send_receipt(order_id: int, attempt: int = 1) -> bool:
    return _send_or_retry(send_receipt, mail.send_receipt, order_id, attempt=attempt)


@task()
def send_payment_failed(order_id: int, attempt: int = 1) -> bool:
    return _send_or_retry(send_payment_failed, mail.send_payment_failed, order_id, attempt=attempt)


@task()
def send_refund(order_id: int, amount_cents: int, line_ids: list[int], attempt: int = 1) -> bool:
    return _send_or_retry(
        send_refund, mail.send_refund, order_id, amount_cents, list(line_ids), attempt=attempt
    )


@task()
def transfer_payouts(payout_ids: list[int], attempt: int = 1) -> list[int]:
    """Send these payouts to their sellers (those whose account can receive); the ones Stripe
    did not take are tried again later, then by `manage.py release_payouts`. Returns their ids."""
    failed = payouts.transfer_all(payout_ids)
    if failed and not retry_later(transfer_payouts, failed, attempt=attempt):
        logger.error("Payouts %s not transferred: `manage.py release_payouts` sends them", failed)
    return failed
