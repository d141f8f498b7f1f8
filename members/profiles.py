"""The member's own space and public face: the account summary, profile changes, public author
pages, following authors, and the library (downloads, purchases, ratings, followed authors' new
resources). Views stay thin: they call these functions and render what comes back.

Every list here costs a fixed number of queries whatever its length: taxonomy names come from the
cached taxonomies (resources/taxonomies.py), cards from resources/listing.py."""

import datetime
import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Max, Sum
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from accounts import roles
from accounts.models import Follow
from boutique.models import Entitlement
from core.formats import long_date
from core.i18n import is_english
from core.pagination import page_of
from resources.listing import ResourceCard, card_queryset, resource_cards
from resources.models import Download, Rating, ResourcePage
from resources.personal import new_from_followed, profile_disciplines
from resources.taxonomies import Term

PROFILE_FIELDS = ("display_name", "bio", "bio_en", "language", "links")


def published_resources():
    """Resources anyone may see: live, outside any Wagtail view restriction."""
    return ResourcePage.objects.live().public()


# --- Account summary (the dashboard) -----------------------------------------------------------


@dataclass
class AccountSummary:
    """What the dashboard says about the member's roles and what they may do."""

    name: str
    is_member: bool
    membership_expires_on: datetime.date | None
    membership_ended: bool
    renewal_due: bool
    days_left: int | None
    institution: object
    gets_member_price: bool
    may_submit: bool
    author_slug: str
    represented: list  # the institutions whose local representative they are

    @property
    def membership_expires_label(self) -> str:
        return long_date(self.membership_expires_on)


def account_summary(user) -> AccountSummary:
    """Roles of a signed-in user: teacher, APOP member (until when), staff of an institution
    with member prices; whether a renewal reminder is due and whether they have an author page."""
    today = roles.today()
    member = roles.is_member(user, today)
    expires = user.membership_expires_on
    days_left = (expires - today).days if member else None
    institution = roles.institution_of(user)
    return AccountSummary(
        name=user.get_short_name(),
        is_member=member,
        membership_expires_on=expires,
        membership_ended=expires is not None and not member,
        renewal_due=days_left is not None
        and days_left <= settings.BOUTIQUE_MEMBERSHIP_REMINDER_DAYS,
        days_left=days_left,
        institution=institution,
        gets_member_price=roles.gets_member_price(user, today),
        may_submit=roles.may_submit(user),
        author_slug=user.slug if has_author_page(user) else "",
        represented=roles.represented_institutions(user),
    )


# --- Profile -----------------------------------------------------------------------------------


@transaction.atomic
def save_profile(user, data: dict) -> None:
    """Apply the profile form's cleaned data. The newsletter consent is dated when given and
    erased when withdrawn (Law 25: withdrawing is as easy as consenting). A replaced or removed
    photo's file is deleted once the change is committed; the slug never changes here, so the
    author page keeps its address."""
    for name in PROFILE_FIELDS:
        setattr(user, name, data[name])
    if data["newsletter"]:
        # Keep the date consent was first given while it stands.
        user.newsletter_opt_in_at = user.newsletter_opt_in_at or timezone.now()
    else:
        user.newsletter_opt_in_at = None
    old_photo = user.photo.name if user.photo else ""
    if data.get("photo"):
        user.photo = data["photo"]
    elif data.get("remove_photo"):
        user.photo = ""
    user.save()
    user.disciplines.set(data["disciplines"])
    if old_photo and old_photo != user.photo.name:
        storage = user.photo.storage
        transaction.on_commit(lambda: storage.delete(old_photo))


# --- Author pages ------------------------------------------------------------------------------


def has_author_page(user) -> bool:
    """An open account (active, not closed) of a member or of an author of a published
    resource. Anyone else has no public page: teachers stay private."""
    if not user.slug or not user.is_active or user.deleted_at is not None:
        return False
    return roles.is_member(user) or published_resources().filter(authors=user).exists()


def author_by_slug(slug: str):
    """The author whose page this is, or Http404 (unknown address or no public page)."""
    author = (
        get_user_model().objects.filter(slug=slug, is_active=True, deleted_at__isnull=True).first()
    )
    if author is None or not has_author_page(author):
        raise Http404
    return author


@dataclass
class ProfileLink:
    url: str
    host: str


@dataclass
class AuthorPage:
    """Everything an author page shows; never the e-mail address."""

    author: object
    name: str
    initials: str
    photo_url: str
    bio: str
    bio_language: str
    institution: object
    disciplines: list[Term]
    links: list[ProfileLink]
    resource_count: int
    rating_average: float | None
    rating_count: int
    resources: list[ResourceCard]
    page_obj: object
    follower_count: int
    is_following: bool
    is_self: bool
    json_ld: str = ""
    description: str = ""


def initials(name: str) -> str:
    """« MT » for Marie Tremblay: the default avatar when there is no photo."""
    letters = [part[0] for part in name.replace("-", " ").split() if part[:1].isalnum()]
    return "".join(letters[:1] + letters[1:][-1:]).upper() or "?"


def profile_links(user) -> list[ProfileLink]:
    """The member's links with the host people will land on (www. dropped)."""
    links = []
    for url in user.link_list:
        host = urlsplit(url).hostname or url
        links.append(ProfileLink(url, host.removeprefix("www.")))
    return links


def localized_bio(user) -> tuple[str, str]:
    """(bio, its language): the English bio on /en/ when there is one, else the French one,
    else whichever exists."""
    if is_english() and user.bio_en:
        return user.bio_en, "en"
    if user.bio:
        return user.bio, "fr"
    return user.bio_en, "en"


def user_disciplines(user) -> list[Term]:
    """The member's disciplines as cached terms (one query for the ids), by code."""
    return profile_disciplines(user)


def author_page(author, request) -> AuthorPage:
    """The data of /auteurs/<slug>/: profile, figures, one page of published resources and
    the follow state of the visitor, in a number of queries independent of the resources."""
    resources = published_resources().filter(authors=author)
    figures = resources.aggregate(
        count=Count("pk"), ratings=Sum("rating_count"), stars=Sum("rating_sum")
    )
    page_obj = page_of(
        request,
        card_queryset(resources).order_by("-first_published_at", "-pk"),
        count=figures["count"],
    )
    rating_count = figures["ratings"] or 0
    average = round(figures["stars"] / rating_count, 1) if rating_count else None
    visitor = request.user
    is_self = visitor.is_authenticated and visitor.pk == author.pk
    is_following = (
        visitor.is_authenticated
        and not is_self
        and Follow.objects.filter(follower=visitor, author=author).exists()
    )
    bio, bio_language = localized_bio(author)
    name = author.get_full_name()
    data = AuthorPage(
        author=author,
        name=name,
        initials=initials(name),
        photo_url=author.photo.url if author.photo else "",
        bio=bio,
        bio_language=bio_language,
        institution=roles.institution_of(author),
        disciplines=user_disciplines(author),
        links=profile_links(author),
        resource_count=figures["count"],
        rating_average=average,
        rating_count=rating_count,
        resources=resource_cards(page_obj.object_list, request),
        page_obj=page_obj,
        follower_count=author.followers.count(),
        is_following=is_following,
        is_self=is_self,
    )
    data.description = Truncator(" ".join(bio.split())).chars(200)
    data.json_ld = _person_json_ld(data, request)
    return data


def _person_json_ld(data: AuthorPage, request) -> str:
    """schema.org Person for search engines: name, page, photo, links; no e-mail."""
    person = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": data.name,
        "url": request.build_absolute_uri(reverse("authors:detail", args=[data.author.slug])),
        "image": request.build_absolute_uri(data.photo_url) if data.photo_url else None,
        "description": data.bio or None,
        "sameAs": [link.url for link in data.links] or None,
        "affiliation": (
            {"@type": "Organization", "name": data.institution.name} if data.institution else None
        ),
        "knowsAbout": [term.name for term in data.disciplines] or None,
    }
    text = json.dumps({k: v for k, v in person.items() if v is not None}, ensure_ascii=False)
    # Same escaping as Django's json_script: the JSON cannot close the <script> element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 — escaped just above


# --- Following ---------------------------------------------------------------------------------


class SelfFollowError(ValueError):
    """Nobody follows themselves."""


def follow(follower, author) -> bool:
    """Follow an author (idempotent); True when the follow is new."""
    if follower.pk == author.pk:
        raise SelfFollowError
    _follow, created = Follow.objects.get_or_create(follower=follower, author=author)
    return created


def unfollow(follower, author) -> bool:
    """Stop following an author (idempotent); True when there was a follow to remove."""
    deleted, _ = Follow.objects.filter(follower=follower, author=author).delete()
    return bool(deleted)


# --- Library -----------------------------------------------------------------------------------


@dataclass
class LibraryEntry:
    """A resource in the library. `url` is empty when it was withdrawn (unpublished or
    deleted): then it is listed without a link or a download button."""

    resource_id: int
    title: str
    language: str
    url: str
    date: datetime.datetime | None

    @property
    def is_withdrawn(self) -> bool:
        return not self.url

    @property
    def date_label(self) -> str:
        return long_date(self.date)


@dataclass
class RatingEntry:
    resource: LibraryEntry
    score: int
    comment: str
    hidden: bool


@dataclass
class FollowedAuthor:
    """An author the member follows, as components/author_card.html shows them."""

    name: str
    slug: str
    has_page: bool
    since: datetime.datetime
    photo_url: str
    initials: str

    @property
    def since_label(self) -> str:
        return long_date(self.since)


@dataclass
class Library:
    """The sections of /compte/bibliotheque/."""

    downloads: list[LibraryEntry]
    downloads_page: object
    purchases: list[LibraryEntry]
    added: list[LibraryEntry]
    ratings: list[RatingEntry]
    new_from_followed: list[ResourceCard]
    followed: list[FollowedAuthor] = field(default_factory=list)


# The page columns a library line needs (the page row is wide: revisions keep their own copy).
_ENTRY_COLUMNS = ("id", "title", "language", "url_path", "path", "depth", "locale_id", "live")


def library_entries(resource_ids, dates: dict, request) -> dict[int, LibraryEntry]:
    """Library lines for these resources (two queries: the pages, which of them are public)."""
    ids = set(resource_ids)
    if not ids:
        return {}
    pages = ResourcePage.objects.filter(pk__in=ids).only(*_ENTRY_COLUMNS)
    visible = set(published_resources().filter(pk__in=ids).values_list("pk", flat=True))
    entries = {}
    for page in pages:
        url = page.get_url(request=request) if page.pk in visible else ""
        entries[page.pk] = LibraryEntry(
            page.pk, page.title, page.language, url or "", dates.get(page.pk)
        )
    return entries


def purchased_entries(user, request) -> list[LibraryEntry]:
    """Resources the member bought and may still download (a live entitlement that came from an
    order; free ones obtained without an order are not purchases), latest purchase first; three
    queries whatever their number."""
    return _entitled_entries(user, request, bought=True)


def added_entries(user, request) -> list[LibraryEntry]:
    """Free resources the member added to their library (« Ajouter à ma bibliothèque »: a live
    entitlement without an order), latest first; three queries whatever their number."""
    return _entitled_entries(user, request, bought=False)


def _entitled_entries(user, request, *, bought: bool) -> list[LibraryEntry]:
    granted = (
        Entitlement.objects.live()
        .filter(user=user, order_line__isnull=not bought)
        .order_by("-granted_at", "-pk")
        .values_list("resource_id", "granted_at")
    )
    dates = dict(reversed(list(granted)))  # the latest date wins for a resource
    entries = library_entries(dates.keys(), dates, request)
    return sorted(
        (entries[pk] for pk in dates if pk in entries),
        key=lambda entry: (entry.date, entry.resource_id),
        reverse=True,
    )


def _followed_author(follow: Follow) -> FollowedAuthor:
    author = follow.author
    name = author.get_full_name()
    return FollowedAuthor(
        name=name,
        slug=author.slug or "",
        # A closed or deactivated account keeps the follow but has no page to link to.
        has_page=bool(author.slug and author.is_active and author.deleted_at is None),
        since=follow.created_at,
        photo_url=author.photo.url if author.photo else "",
        initials=initials(name),
    )


def library_for(user, request) -> Library:
    """Everything the library page shows, in a number of queries independent of the number
    of downloads, ratings and follows. Downloads are grouped by resource (latest first) and
    paginated."""
    grouped = (
        Download.objects.filter(user=user)
        .values("resource_id")
        .annotate(last=Max("created_at"))
        .order_by("-last", "-resource_id")
    )
    downloads_page = page_of(request, grouped)
    rows = list(downloads_page.object_list)
    ratings = list(
        Rating.objects.filter(user=user)
        .only("resource_id", "score", "comment", "hidden", "updated_at")
        .order_by("-updated_at")
    )
    dates = {row["resource_id"]: row["last"] for row in rows}
    entries = library_entries(
        [row["resource_id"] for row in rows] + [rating.resource_id for rating in ratings],
        dates,
        request,
    )
    follows = Follow.objects.filter(follower=user).select_related("author")
    followed = sorted(
        (_followed_author(follow) for follow in follows), key=lambda a: a.name.casefold()
    )
    rating_entries = []
    for rating in ratings:
        entry = entries.get(rating.resource_id)
        if entry is None:
            continue
        # Dated by the rating itself, not by the last download.
        line = LibraryEntry(
            entry.resource_id, entry.title, entry.language, entry.url, rating.updated_at
        )
        rating_entries.append(RatingEntry(line, rating.score, rating.comment, rating.hidden))
    return Library(
        downloads=[entries[row["resource_id"]] for row in rows if row["resource_id"] in entries],
        downloads_page=downloads_page,
        purchases=purchased_entries(user, request),
        added=added_entries(user, request),
        ratings=rating_entries,
        new_from_followed=new_from_followed(user, request) if followed else [],
        followed=followed,
    )
