"""The view restrictions of a catalogue page in one query.

Wagtail's Page.get_view_restrictions() reads the ancestors' alias sources (one query), then their
restrictions (a second): every page served pays both, for a tree whose ancestors never change
while a page is served. Here the ancestors are named by their tree paths (the page's own path
holds them) and their alias sources resolved inside the same query: the same rows, one query."""

from django.db.models import Q
from django.db.models.functions import Coalesce
from wagtail.models import Page, PageViewRestriction


def view_restrictions(page: Page):
    """The restrictions of `page` and of its ancestors, an alias's being its source page's (as
    Page.get_view_restrictions)."""
    step = page.steplen
    ancestor_paths = [page.path[:end] for end in range(step, len(page.path), step)]
    # An alias's source is never itself an alias (Wagtail points aliases at the original).
    sources = Page.objects.filter(path__in=ancestor_paths).values(
        source=Coalesce("alias_of_id", "id")
    )
    own = page.alias_of_id or page.pk
    return PageViewRestriction.objects.filter(Q(page_id=own) | Q(page_id__in=sources))
