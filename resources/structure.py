"""The catalogue's place in the page tree: the resource and collection index pages under the home
page. Run by `load_demo` (with --structure-only in production). Idempotent."""

from wagtail.models import Page

from .models import CollectionIndexPage, ResourceIndexPage


def ensure_catalogue_structure(home: Page) -> tuple[ResourceIndexPage, CollectionIndexPage]:
    """The two index pages under the home page: /ressources/ and /collections/."""
    index = ResourceIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=ResourceIndexPage(
                title="Ressources",
                slug="ressources",
                intro="Toutes les ressources publiées, des plus récentes aux plus anciennes.",
                intro_en="Every published resource, newest first.",
                live=False,
            )
        )
        index.save_revision().publish()
    collections = CollectionIndexPage.objects.child_of(home).first()
    if collections is None:
        collections = home.add_child(
            instance=CollectionIndexPage(
                title="Collections",
                slug="collections",
                intro="Des sélections de ressources préparées par l'équipe éditoriale de l'APOP.",
                intro_en="Selections of resources prepared by APOP's editorial team.",
                live=False,
            )
        )
        collections.save_revision().publish()
    return index, collections
