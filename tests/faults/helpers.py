"""Plain helpers of the fault and load tests (fixtures in conftest.py, services in services.py):
the task worker, time passing for its queue, requests counted on their way to Stripe, webhook
deliveries to a served product."""

import datetime
import json

import requests
from django.conf import settings
from django.utils import timezone

from tests.boutique.helpers import signature_header


def run_worker() -> int:
    """`manage.py db_worker --batch`: the real worker runs every task that is due, then stops;
    how many it ran. (Its loop without the command's signal handlers and log settings, which
    would stay on in this test process.)"""
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="faults-worker",
        excluded_queue_names=[],
    )
    worker.run()
    return worker._run_tasks


def time_passes(hours: float = 1) -> None:
    """`hours` go by for the task queue: the retries planned within them fall due."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    deferred = DBTaskResult.objects.filter(status="READY", run_after__gt=now).exclude(
        run_after=get_date_max()  # how the queue stores « as soon as possible »
    )
    for result in deferred:
        result.run_after -= datetime.timedelta(hours=hours)
        result.save(update_fields=["run_after"])


def tasks_waiting() -> list[str]:
    """The names of the tasks in the queue that have not run, sorted."""
    from django_tasks_db.models import DBTaskResult

    paths = DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True)
    return sorted(path.rsplit(".", 1)[-1] for path in paths)


def transfer_requests(proxy) -> int:
    """How many transfer requests reached Stripe through `proxy` (a TcpProxy)."""
    return bytes(proxy.received).count(b"POST /v1/transfers ")


def deliver(base_url: str, stripe_event: dict) -> requests.Response:
    """One delivery of the event to the product served at `base_url`, signed as Stripe signs
    each delivery (with a fresh timestamp)."""
    payload = json.dumps(stripe_event).encode()
    return requests.post(
        f"{base_url}/stripe/webhook/",
        data=payload,
        headers={
            "Content-Type": "application/json",
            "Stripe-Signature": signature_header(payload, settings.STRIPE_WEBHOOK_SECRET),
        },
        timeout=120,
    )
