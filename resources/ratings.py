"""Rating a resource: who may, and keeping the page's counters right."""

from django.db import transaction
from django.db.models import Count, Sum

from .authorship import is_author
from .models import Rating, ResourcePage


def can_rate(user, resource: ResourcePage) -> bool:
    """A logged-in user who is not an author of the resource (authorship.py).

    Later, downloads and purchases narrow this to people who used the resource."""
    if not user.is_authenticated:
        return False
    return not is_author(user, resource)


@transaction.atomic
def rate(user, resource: ResourcePage, score: int, comment: str = "") -> Rating:
    """Create or update the user's rating, then recount the resource's average."""
    rating, _created = Rating.objects.update_or_create(
        resource=resource, user=user, defaults={"score": score, "comment": comment.strip()}
    )
    refresh_stats(resource.pk)
    return rating


def refresh_stats(resource_id: int) -> None:
    """Recount from the ratings themselves (never increments that could drift)."""
    # Lock the page row so that two concurrent ratings cannot write stale totals.
    list(ResourcePage.objects.select_for_update().filter(pk=resource_id).values_list("pk"))
    stats = Rating.objects.filter(resource_id=resource_id, hidden=False).aggregate(
        count=Count("id"), total=Sum("score")
    )
    ResourcePage.objects.filter(pk=resource_id).update(
        rating_count=stats["count"], rating_sum=stats["total"] or 0
    )
