"""Wagtail images of the catalogue (previews)."""

from wagtail.models import Collection


def root_collection() -> Collection:
    """Wagtail's root collection (its migration makes it; a flushed database may lack it)."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")
