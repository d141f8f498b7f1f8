"""What the catalogue tells the apps built on it, without knowing them (they listen in their
AppConfig.ready()): search re-indexes the pages named here once the change commits."""

from django.dispatch import Signal

# Sent inside the transaction that changed what these pages show (their text, terms, authors,
# ratings, download counts, URL). Keyword arguments: resource_ids, collection_ids.
pages_changed = Signal()


def announce_change(resource_ids=(), collection_ids=()) -> None:
    """Tell the listeners (search) that these resources and collections changed."""
    resources = sorted({int(pk) for pk in resource_ids})
    collections = sorted({int(pk) for pk in collection_ids})
    if resources or collections:
        pages_changed.send(sender=None, resource_ids=resources, collection_ids=collections)
