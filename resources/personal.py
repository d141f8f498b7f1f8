"""What the catalogue offers a signed-in person: new resources in their disciplines (their
profile's), and new resources of the authors they follow. Each list costs a fixed number of
queries whatever its length (cards: listing.py)."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from core.pagination import PAGE_SIZE

from .listing import ResourceCard, card_queryset, resource_cards
from .models import ResourcePage
from .taxonomies import Term, all_terms

# The library shows at most one page of new resources from the authors the member follows.
NEW_FROM_FOLLOWED_MAX = PAGE_SIZE
HOME_PERSONAL_CARDS = 6


def published_resources():
    return ResourcePage.objects.live().public()


def new_from_followed(user, request, limit: int = NEW_FROM_FOLLOWED_MAX) -> list[ResourceCard]:
    """Published resources by authors the member follows, published after they started
    following that author, newest first."""
    # One Exists over the authorship table: the same author row must be followed by this user
    # and have been followed before the resource was published.
    followed_before = ResourcePage.authors.through.objects.filter(
        resourcepage_id=OuterRef("pk"),
        user__followers__follower=user,
        user__followers__created_at__lt=OuterRef("first_published_at"),
    )
    pages = (
        published_resources()
        .filter(Exists(followed_before))
        .order_by("-first_published_at", "-pk")[:limit]
    )
    return resource_cards(card_queryset(pages), request)


def profile_disciplines(user) -> list[Term]:
    """The disciplines of the person's profile, as cached terms, by code (one query)."""
    terms = all_terms()["discipline"]
    ids = user.disciplines.through.objects.filter(user_id=user.pk).values_list(
        "discipline_id", flat=True
    )
    return sorted((terms[pk] for pk in ids if pk in terms), key=lambda term: term.code)


def new_in_disciplines(disciplines: list[Term], request, limit: int) -> list[ResourceCard]:
    """The newest published resources of these disciplines."""
    if not disciplines:
        return []
    through = ResourcePage.disciplines.through
    in_disciplines = through.objects.filter(
        resourcepage_id=OuterRef("pk"), discipline_id__in=[term.id for term in disciplines]
    )
    pages = (
        published_resources()
        .filter(Exists(in_disciplines))
        .order_by("-first_published_at", "-pk")[:limit]
    )
    return resource_cards(card_queryset(pages), request)


@dataclass
class PersonalHome:
    """The signed-in visitor's part of the home page."""

    disciplines: list[Term] = field(default_factory=list)
    in_disciplines: list[ResourceCard] = field(default_factory=list)
    from_followed: list[ResourceCard] = field(default_factory=list)
    follows_anyone: bool = False


def personal_home(user, request, limit: int = HOME_PERSONAL_CARDS) -> PersonalHome:
    """The visitor's disciplines with their newest resources, and the new resources of the
    authors they follow (none for anonymous visitors)."""
    if not getattr(user, "is_authenticated", False):
        return PersonalHome()
    disciplines = profile_disciplines(user)
    follows_anyone = user.following.exists()
    return PersonalHome(
        disciplines=disciplines,
        in_disciplines=new_in_disciplines(disciplines, request, limit),
        from_followed=new_from_followed(user, request, limit) if follows_anyone else [],
        follows_anyone=follows_anyone,
    )
