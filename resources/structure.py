"""The catalogue's place in the page tree: the resource and collection index pages under the home
page. Run by `load_demo` (with --structure-only in production). Idempotent."""

from wagtail.models import Page

from .models import CollectionIndexPage, ResourceIndexPage


def _ensure_index(home: Page, model, **fields):
    """The home page's child of this type, created and published when missing."""
    page = model.objects.child_of(home).first()
    if page is None:
        page = home.add_child(instance=model(live=False, **fields))
        page.save_revision().publish()
    return page


def ensure_catalogue_structure(home: Page) -> tuple[ResourceIndexPage, CollectionIndexPage]:
    """The two index pages under the home page: /ressources/ and /collections/."""
    index = _ensure_index(
        home,
        ResourceIndexPage,
        title="Ressources",
        slug="ressources",
        intro="Toutes les ressources publiées, des plus récentes aux plus anciennes.",
        intro_en="Every published resource, newest first.",
    )
    collections = _ensure_index(
        home,
        CollectionIndexPage,
        title="Collections",
        slug="collections",
        intro="Des sélections de ressources préparées par l'équipe éditoriale de l'APOP.",
        intro_en="Selections of resources prepared by APOP's editorial team.",
    )
    return index, collections
