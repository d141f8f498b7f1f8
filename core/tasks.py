"""Background work that survives outages (django-tasks): a task whose outside service failed
(SMTP, Stripe, S3) is enqueued again for later, with a delay that grows at each attempt, instead
of being lost. The database backend (`TASKS_BACKEND=database`, `manage.py db_worker`) keeps
those retries in its table until they are due; the immediate backend of development and tests
cannot wait, so there the work is left to the commands that catch up (README, « Pannes »)."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

# Seconds before attempt 2, 3, …: a minute, then longer, up to a day (about 40 hours in all).
RETRY_DELAYS = (60, 300, 900, 3600, 3 * 3600, 12 * 3600, 24 * 3600)


def retry_later(task, *args, attempt: int, **kwargs) -> bool:
    """Enqueue `task(*args, attempt=attempt + 1, **kwargs)` after the delay of this attempt;
    False when no attempt is left or when the backend cannot defer work."""
    if attempt > len(RETRY_DELAYS) or not task.get_backend().supports_defer:
        return False
    run_after = timezone.now() + datetime.timedelta(seconds=RETRY_DELAYS[attempt - 1])
    task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1, **kwargs)
    logger.warning("%s failed (attempt %s); tried again after %s", task.name, attempt, run_after)
    return True


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """Enqueue `task` once the current transaction commits (nothing if it rolls back): the work
    must see what the transaction wrote. A failure to enqueue never undoes that transaction."""

    def enqueue():
        try:
            task.enqueue(*args, **kwargs)
        except Exception:
            logger.exception("%s%r could not be enqueued", task.name, args)

    transaction.on_commit(enqueue)
