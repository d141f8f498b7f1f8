"""Index updates as django-tasks tasks, scheduled once the transaction that changed the
catalogue has committed (a rolled-back publication must not reach the index)."""

from django.db import transaction
from django_tasks import task

from . import indexing


@task()
def update_search_index(resource_ids: list[int], collection_ids: list[int]) -> dict:
    """Refresh these pages in the database fallback and in the engine."""
    return indexing.update_pages(resource_ids, collection_ids)


def schedule_update(resource_ids=(), collection_ids=()) -> None:
    """Enqueue an index update for after the current transaction commits."""
    resources = sorted({int(pk) for pk in resource_ids})
    collections = sorted({int(pk) for pk in collection_ids})
    if not resources and not collections:
        return
    transaction.on_commit(lambda: update_search_index.enqueue(resources, collections))
