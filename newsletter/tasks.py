"""The digest's batches, run by the task worker (django-tasks)."""

from django_tasks import task

from . import digest
from .models import Edition


@task()
def send_digest_batch(edition_id: int, user_ids: list[int]) -> dict:
    edition = Edition.objects.get(pk=edition_id)
    return digest.send_batch(edition, user_ids)
