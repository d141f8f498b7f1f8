"""What the home page shows of the catalogue."""

from django.core.cache import cache
from django.db.models import Count, Q

from core.i18n import current_language

from .detail import CACHE_SECONDS, catalogue_version
from .listing import card_queryset, resource_cards
from .models import CollectionPage, Discipline, ResourcePage

NEW_RESOURCES = 6
HOME_DISCIPLINES = 12


def home_sections(request) -> dict:
    """Disciplines with the most resources, featured collections, newest resources; cached
    until the catalogue changes."""
    key = f"home-sections:{catalogue_version()}:{current_language()}"
    sections = cache.get(key)
    if sections is None:
        sections = _sections(request)
        cache.set(key, sections, CACHE_SECONDS)
    return sections


def _sections(request) -> dict:
    disciplines = list(
        Discipline.objects.annotate(
            resource_count=Count("resources", filter=Q(resources__live=True), distinct=True)
        )
        .filter(resource_count__gt=0)
        .order_by("-resource_count", "code")[:HOME_DISCIPLINES]
    )
    disciplines.sort(key=lambda d: d.code)
    collections = list(
        CollectionPage.objects.live()
        .public()
        .filter(featured=True)
        .select_related("cover", "discipline")
        .order_by("title")[:3]
    )
    newest = card_queryset(
        ResourcePage.objects.live().public().order_by("-first_published_at", "-pk")
    )[:NEW_RESOURCES]
    return {
        "home_disciplines": disciplines,
        "featured_collections": collections,
        "new_resources": resource_cards(newest, request),
    }
