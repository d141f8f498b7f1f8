"""Search listens to the catalogue (resources.events): the pages it names are re-indexed once
the transaction that changed them commits."""

from django.dispatch import receiver

from resources.events import pages_changed

from .tasks import schedule_update


@receiver(pages_changed, dispatch_uid="search-reindex-changed-pages")
def _reindex(sender, resource_ids=(), collection_ids=(), **kwargs):
    schedule_update(resource_ids=resource_ids, collection_ids=collection_ids)
