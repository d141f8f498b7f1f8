"""Quebec's Law 25 in the member's own hands: everything we hold about them, in one JSON file
(`export_user_data`), and closing their account (`closure_plan`, `close_account`).

Closing keeps the User row as an emptied tombstone: Wagtail's revisions, log entries, comments
and workflow states point at users (some without a database constraint), and a row that stays
means nothing ever points nowhere. What identifies the person is erased; what the site needs to
stay consistent (download counts, other people's resources, accounting) is kept, anonymised.
"""

import logging
from dataclasses import dataclass, field
from importlib import import_module
from urllib.parse import urljoin

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.db import models, transaction
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.models import EditingSession, FormState
from wagtail.models import APIToken, Page, PageSubscription, Revision
from wagtail.users.models import UserProfile

from accounts.models import Follow
from accounts.roles import institution_of
from boutique import privacy as boutique_privacy
from core.i18n import language_of
from core.mail import send_email_on_commit
from home.models import SiteLinks
from resources.detail import bump_catalogue_version
from resources.events import announce_change
from resources.models import Download, Rating, ResourcePage
from resources.ratings import refresh_stats

from .models import LibraryFolder, LibraryFolderItem

logger = logging.getLogger(__name__)

EXPORT_FORMAT_VERSION = 1
# Stored page content, hence French like the rest of the catalogue's text.
ANONYMOUS_CREDIT = "Membre APOP (compte supprimé)"
# RFC 2606: a domain that can never receive mail, so a tombstone's address reaches nobody.
TOMBSTONE_EMAIL = "supprime-{pk}@invalid.example"


class ResourcesChoice(models.TextChoices):
    """What happens to the free resources a closing member published alone."""

    ANONYMISE = "anonymise", _("Transfer them to an anonymous author credit")
    UNPUBLISH = "unpublish", _("Unpublish them")


class AccountClosingError(ValueError):
    """The account cannot be closed now (the message says why, in the user's language)."""


# --- Export ------------------------------------------------------------------------------------


def _when(value):
    """ISO 8601 in the site's time zone (dates stay dates); None stays None."""
    if value is None:
        return None
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def _absolute(url: str | None, request=None) -> str | None:
    if not url:
        return None
    if url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return urljoin(settings.WAGTAILADMIN_BASE_URL, url)


def _page_url(page, request=None) -> str | None:
    """The public address of a live page; None for a draft or an unpublished page."""
    if not page.live:
        return None
    return _absolute(page.get_url(request=request), request)


def _author_url(user, request=None) -> str | None:
    if not user.slug:
        return None
    return _absolute(reverse("authors:detail", kwargs={"slug": user.slug}), request)


def export_user_data(user, request=None) -> dict:
    """Everything the site holds about this user, as JSON-ready data (documented keys, ISO dates
    with the time zone). A fixed number of queries, whatever the amount of data."""
    institution = institution_of(user)
    email_addresses = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    ratings = Rating.objects.filter(user=user).select_related("resource").order_by("created_at")
    downloads = (
        Download.objects.filter(user=user).select_related("resource").order_by("created_at", "pk")
    )
    follows = Follow.objects.filter(follower=user).select_related("author").order_by("created_at")
    folders = (
        LibraryFolder.objects.filter(owner=user)
        .order_by("created_at", "pk")
        .prefetch_related(
            Prefetch(
                "items", LibraryFolderItem.objects.select_related("resource").order_by("added_at")
            )
        )
    )
    resources = (
        ResourcePage.objects.filter(authors=user)
        .prefetch_related("files")
        .order_by("first_published_at", "path")
    )
    return {
        "format_version": EXPORT_FORMAT_VERSION,
        "generated_at": _when(timezone.now()),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "slug": user.slug,
            "author_page_url": _author_url(user, request),
            "bio": user.bio,
            "bio_en": user.bio_en,
            "links": user.link_list,
            "disciplines": sorted(user.disciplines.values_list("code", flat=True)),
            "membership_expires_on": _when(user.membership_expires_on),
            "institution": institution.name if institution else None,
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in email_addresses
        ],
        "consents": {
            "terms_accepted_at": _when(user.terms_accepted_at),
            "newsletter_opt_in_at": _when(user.newsletter_opt_in_at),
        },
        "ratings": [
            {
                "resource": r.resource.title,
                "resource_url": _page_url(r.resource, request),
                "score": r.score,
                "comment": r.comment,
                "hidden": r.hidden,
                "created_at": _when(r.created_at),
                "updated_at": _when(r.updated_at),
            }
            for r in ratings
        ],
        "downloads": [
            {
                "resource": d.resource.title,
                "resource_url": _page_url(d.resource, request),
                "downloaded_at": _when(d.created_at),
            }
            for d in downloads
        ],
        "follows": [
            {
                "author": f.author.get_full_name(),
                "author_page_url": _author_url(f.author, request),
                "followed_at": _when(f.created_at),
            }
            for f in follows
        ],
        "followers_count": Follow.objects.filter(author=user).count(),
        "resources": [_resource_entry(page, request) for page in resources],
        "profile_photo": _absolute(user.photo.url, request) if user.photo else None,
        # The boutique's records: one entry per order, and what the person sold.
        "purchases": boutique_privacy.purchases(user),
        "sales": boutique_privacy.sales(user),
        "library_folders": [
            {
                "name": folder.name,
                "created_at": _when(folder.created_at),
                "resources": [
                    {
                        "resource": item.resource.title,
                        "resource_url": _page_url(item.resource, request),
                    }
                    for item in folder.items.all()
                ],
            }
            for folder in folders
        ],
    }


def _resource_entry(page: ResourcePage, request=None) -> dict:
    files = sorted(page.files.all(), key=lambda f: (f.sort_order or 0, f.pk))
    return {
        "id": page.pk,
        "title": page.title,
        "state": "published" if page.live else "draft",
        "url": _page_url(page, request),
        "licence": page.licence,
        "price_cents": page.price_cents,
        "member_price_cents": page.member_price_cents,
        "currency": page.currency,
        "first_published_at": _when(page.first_published_at),
        "files": [
            {
                "name": f.display_name,
                "size": f.size,
                "content_type": f.content_type,
                "download_url": _absolute(
                    reverse("downloads:file", kwargs={"resource_id": page.pk, "file_id": f.pk}),
                    request,
                ),
            }
            for f in files
        ],
    }


# --- Closing an account ------------------------------------------------------------------------


@dataclass
class ClosurePlan:
    """What closing the account does to each resource the user authors (shown before, done by
    `close_account`: one classification for both)."""

    delete: list = field(default_factory=list)  # never published, theirs alone
    shared: list = field(default_factory=list)  # other members author it too: stays as it is
    offline: list = field(default_factory=list)  # published once, offline now: stays offline
    paid: list = field(default_factory=list)  # live and for sale: unpublished, whatever the choice
    free: list = field(default_factory=list)  # live and free, theirs alone: the choice applies

    @property
    def choice_matters(self) -> bool:
        return bool(self.free)

    @property
    def kept(self) -> list:
        """The resources that stay, credited to ANONYMOUS_CREDIT instead of the user."""
        return self.shared + self.offline + self.paid + self.free

    def to_unpublish(self, choice: str) -> list:
        # A paid resource cannot stay for sale without a rights holder to pay and answer for it.
        return self.paid + (self.free if choice == ResourcesChoice.UNPUBLISH else [])


def closure_plan(user) -> ClosurePlan:
    """Sort the user's resources by what closing the account will do to them."""
    plan = ClosurePlan()
    pages = ResourcePage.objects.filter(authors=user).prefetch_related("authors").order_by("path")
    for page in pages:
        if any(author.pk != user.pk for author in page.authors.all()):
            plan.shared.append(page)
        elif not page.live and page.first_published_at is None:
            plan.delete.append(page)
        elif not page.live:
            plan.offline.append(page)
        elif page.price_cents > 0:
            plan.paid.append(page)
        else:
            plan.free.append(page)
    return plan


def closing_blocker(user) -> str | None:
    """Why this account cannot be closed now, or None."""
    if user.is_superuser:
        others = get_user_model().objects.filter(is_superuser=True, is_active=True)
        if not others.exclude(pk=user.pk).exists():
            # Closing the last administrator would leave nobody able to run the site.
            return str(
                _(
                    "You are the site's only administrator: make someone else an administrator "
                    "before closing your account."
                )
            )
    return None


@dataclass
class ClosureReport:
    """What `close_account` did, by resource title (for the confirmation e-mail and tests)."""

    deleted: list[str]
    unpublished: list[str]
    anonymised: list[str]  # still online, under the anonymous credit


@transaction.atomic
def close_account(user, resources_choice: str, by=None) -> ClosureReport:
    """Close the account: erase or anonymise the person's data in one transaction, keep the row
    as a tombstone, end every session, and send a confirmation to the old address on commit.

    `resources_choice`: a ResourcesChoice for the free resources they published alone. `by`:
    who does it, recorded in the pages' history (the user themselves when None).
    """
    if resources_choice not in ResourcesChoice.values:
        raise AccountClosingError(f"Unknown choice for resources: {resources_choice!r}")
    blocker = closing_blocker(user)
    if blocker:
        raise AccountClosingError(blocker)
    by = by or user
    User = get_user_model()
    # Lock the row: two closings at once (two tabs) must not interleave.
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.deleted_at is not None:
        raise AccountClosingError(str(_("This account is already deleted.")))
    old_email, language = user.email, language_of(user)

    # 1. Resources: decided once, before anything changes.
    report = _close_resources(user, closure_plan(user), resources_choice, by)
    # 2. Activity: ratings go (and the averages they fed are recounted); downloads stay
    #    anonymous so that counts stay right; follows go in both directions.
    _delete_ratings(user)
    Download.objects.filter(user=user).update(user=None)
    Follow.objects.filter(Q(follower=user) | Q(author=user)).delete()
    LibraryFolder.objects.filter(owner=user).delete()
    # 3. Purchases: the boutique's orders are kept for accounting, without the buyer's identity.
    _anonymise_orders(user)
    # 4. Sign-in and the Wagtail admin's own per-user records.
    _delete_personal_rows(user)
    # 5. The tombstone.
    _empty_user(user)
    _end_sessions(user)

    transaction.on_commit(bump_catalogue_version)
    send_closure_email(old_email, language, report)
    logger.info("Account %s closed by %s", user.pk, by.pk)
    return report


def _with_credit(co_authors: str) -> str:
    names = [name.strip() for name in co_authors.split(";") if name.strip()]
    if ANONYMOUS_CREDIT not in names:
        names.append(ANONYMOUS_CREDIT)
    return "; ".join(names)


def _close_resources(user, plan: ClosurePlan, choice: str, by) -> ClosureReport:
    deleted = [page.title for page in plan.delete]
    for page in plan.delete:
        DeletePageAction(page, user=by).execute(skip_permission_checks=True)

    to_unpublish = plan.to_unpublish(choice)
    for page in to_unpublish:
        # A fresh instance: unpublishing saves the whole page, relations included.
        fresh = ResourcePage.objects.get(pk=page.pk)
        UnpublishPageAction(fresh, user=by).execute(skip_permission_checks=True)

    kept = plan.kept
    if kept:
        _replace_author_by_credit(user, [page.pk for page in kept])
        # The author's name is in the search index and in the cached pages.
        announce_change(resource_ids=[page.pk for page in kept])
    unpublished_ids = {page.pk for page in to_unpublish}
    return ClosureReport(
        deleted=deleted,
        unpublished=[page.title for page in to_unpublish],
        anonymised=[page.title for page in kept if page.live and page.pk not in unpublished_ids],
    )


def _replace_author_by_credit(user, page_ids: list[int]) -> None:
    """Remove the user from the pages' authors — on the page rows and in every revision, so that
    publishing or reverting to any revision later cannot bring them back — and credit the
    anonymous author instead (licences require a credit)."""
    through = ResourcePage.authors.through
    page_column = _through_field(through, ResourcePage)
    user_column = _through_field(through, get_user_model())
    through.objects.filter(**{f"{page_column}__in": page_ids, user_column: user.pk}).delete()
    for page in ResourcePage.objects.filter(pk__in=page_ids).only("pk", "co_authors"):
        ResourcePage.objects.filter(pk=page.pk).update(co_authors=_with_credit(page.co_authors))
    revisions = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in page_ids])
    for revision in revisions.iterator():
        content = revision.content
        if user.pk not in content.get("authors", []):
            continue
        content["authors"] = [pk for pk in content["authors"] if pk != user.pk]
        content["co_authors"] = _with_credit(content.get("co_authors") or "")
        revision.content = content
        revision.save(update_fields=["content"])


def _through_field(through, model) -> str:
    """The through table's column pointing at `model` (named by Django, not by us)."""
    return next(f.name for f in through._meta.fields if f.related_model is model)


def _delete_ratings(user) -> None:
    rated = sorted(set(Rating.objects.filter(user=user).values_list("resource_id", flat=True)))
    Rating.objects.filter(user=user).delete()
    for resource_id in rated:
        refresh_stats(resource_id)


def _anonymise_orders(user) -> None:
    """Orders are kept for accounting (six years, tax law) on the tombstone, without the
    buyer's e-mail; the cart and the download rights go (boutique/privacy.py)."""
    boutique_privacy.anonymise_orders(user)


def _delete_personal_rows(user) -> None:
    """Rows that exist only for this person: their addresses, Wagtail's profile (avatar,
    preferences), subscriptions, editing sessions, saved form states and API tokens."""
    EmailAddress.objects.filter(user=user).delete()
    for profile in UserProfile.objects.filter(user=user):
        if profile.avatar:
            _delete_file_on_commit(profile.avatar)
        profile.delete()
    for model in (PageSubscription, EditingSession, FormState, APIToken):
        model.objects.filter(user=user).delete()
    # A page left locked by a closed account could never be unlocked by its owner.
    Page.objects.filter(locked_by=user).update(locked=False, locked_by=None, locked_at=None)


def _delete_file_on_commit(field_file) -> None:
    storage, name = field_file.storage, field_file.name
    # After commit: a rolled-back closing must not have lost the file.
    transaction.on_commit(lambda: storage.delete(name))


def _empty_user(user) -> None:
    if user.photo:
        _delete_file_on_commit(user.photo)
    user.email = TOMBSTONE_EMAIL.format(pk=user.pk)
    user.display_name = user.first_name = user.last_name = ""
    user.bio = user.bio_en = user.links = ""
    user.photo = ""
    user.slug = None
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.membership_expires_on = None
    user.terms_accepted_at = user.newsletter_opt_in_at = None
    user.last_login = None
    user.deleted_at = timezone.now()
    user.save()
    user.disciplines.clear()
    user.groups.clear()
    user.user_permissions.clear()


def _end_sessions(user) -> None:
    """Log out everywhere. Any session store: the password hash changed (set_unusable_password)
    and the user is inactive, so Django refuses every existing session. Stores that keep
    sessions in the database also lose the rows (their data is the person's)."""
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    get_model = getattr(store_class, "get_model_class", None)
    if get_model is None:
        return
    wanted = str(user.pk)
    for session in get_model().objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == wanted:
            store_class(session.session_key).delete()


def send_closure_email(address: str, language: str, report: ClosureReport) -> None:
    """The confirmation to the address the account had, in the user's language, sent once the
    closing has committed."""
    links = SiteLinks.objects.select_related("site").filter(site__is_default_site=True).first()
    context = {
        "report": report,
        "closed_at": timezone.localtime(),
        "privacy_officer_email": links.privacy_officer_email if links else "",
    }
    send_email_on_commit("accounts/email/account_closed", context, to=[address], language=language)
