"""The digest's rules: who receives an edition, what it tells each of them, and sending it once.

Only people who consented (accounts.User.newsletter_opt_in_at, Law 25), active, with a confirmed
address, receive it. Each reads, in their language, the resources published since their last
digest (two weeks for a first one) in the disciplines of their profile and by the authors they
follow, the collections editors featured and the editorial text. Someone with nothing new gets no
mail for an edition without text or collections. A delivery row per person and edition makes a
second run, or a second batch, skip whoever was served.
"""

import datetime
import logging
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Count, Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.models import Follow
from core.formats import long_date
from core.i18n import language_of
from core.mail import render_email, site_root
from resources.models import CollectionPage, ResourcePage

from . import unsubscribe
from .models import Delivery, Edition

logger = logging.getLogger(__name__)

FIRST_PERIOD = datetime.timedelta(days=14)
# Two runs a month apart at most one day early still make a new edition (cron every second week).
MIN_INTERVAL = datetime.timedelta(days=13)
MAX_ITEMS = 8
BATCH_SIZE = 100


@dataclass
class Digest:
    user: object
    language: str
    in_disciplines: list = field(default_factory=list)
    by_followed: list = field(default_factory=list)

    @property
    def resource_count(self) -> int:
        return len(self.in_disciplines) + len(self.by_followed)


def recipients():
    """Everyone who may receive the digest now."""
    confirmed = EmailAddress.objects.filter(user=OuterRef("pk"), primary=True, verified=True)
    return (
        get_user_model()
        .objects.filter(is_active=True, newsletter_opt_in_at__isnull=False)
        .filter(pk__in=Subquery(confirmed.values("user")))
        .order_by("pk")
    )


def due_edition(today: datetime.date) -> Edition | None:
    """The scheduled edition due today, or a new edition without text when none was sent for
    two weeks; None when the last one is recent (a second run the same day sends nothing)."""
    scheduled = (
        Edition.objects.filter(send_on__lte=today, started_at__isnull=True)
        .order_by("send_on", "pk")
        .first()
    )
    if scheduled is not None:
        return scheduled
    last = Edition.objects.filter(started_at__isnull=False).order_by("-started_at").first()
    if last is not None and timezone.localdate(last.started_at) > today - MIN_INTERVAL:
        return None
    with translation.override("fr"):
        title = gettext("Newsletter of %(date)s") % {"date": long_date(today)}
    with translation.override("en"):
        title_en = gettext("Newsletter of %(date)s") % {"date": long_date(today)}
    return Edition.objects.create(title=title, title_en=title_en, send_on=today)


def start(edition: Edition) -> list[list[int]]:
    """Mark the edition started (once) and cut its recipients into batches of ids."""
    Edition.objects.filter(pk=edition.pk, started_at__isnull=True).update(started_at=timezone.now())
    ids = list(recipients().values_list("pk", flat=True))
    return [ids[i : i + BATCH_SIZE] for i in range(0, len(ids), BATCH_SIZE)]


def digests_for(users, now) -> list[Digest]:
    """What each user's digest lists, in a fixed number of queries for the whole batch."""
    users = list(users)
    ids = [user.pk for user in users]
    last_sent = dict(
        Delivery.objects.filter(user__in=ids, status=Delivery.Status.SENT)
        .values_list("user")
        .annotate(Max("at"))
    )
    since = {user.pk: last_sent.get(user.pk, now - FIRST_PERIOD) for user in users}
    disciplines: dict[int, set[int]] = {pk: set() for pk in ids}
    for user_id, discipline_id in (
        get_user_model()
        .disciplines.through.objects.filter(user_id__in=ids)
        .values_list("user_id", "discipline_id")
    ):
        disciplines[user_id].add(discipline_id)
    followed: dict[int, set[int]] = {pk: set() for pk in ids}
    for follower, author in Follow.objects.filter(follower__in=ids).values_list(
        "follower", "author"
    ):
        followed[follower].add(author)
    oldest = min(since.values(), default=now)
    new = list(
        ResourcePage.objects.live()
        .public()
        .filter(first_published_at__gt=oldest)
        .prefetch_related("disciplines", "authors")
        .order_by("-first_published_at", "-pk")[:500]
    )
    digests = []
    for user in users:
        digest = Digest(user=user, language=language_of(user))
        for page in new:
            if page.first_published_at <= since[user.pk]:
                continue
            page_disciplines = {d.pk for d in page.disciplines.all()}
            page_authors = {a.pk for a in page.authors.all()} | {page.owner_id}
            if page_disciplines & disciplines[user.pk] and len(digest.in_disciplines) < MAX_ITEMS:
                digest.in_disciplines.append(page)
            elif page_authors & followed[user.pk] and len(digest.by_followed) < MAX_ITEMS:
                digest.by_followed.append(page)
        digests.append(digest)
    return digests


def _message(edition: Edition, digest: Digest, collections):
    root = site_root()
    with translation.override(digest.language):
        leave = root + reverse("newsletter:unsubscribe", args=[unsubscribe.token_for(digest.user)])
    message = render_email(
        "newsletter/email/digest",
        {
            "user": digest.user,
            "edition_title": edition.title_in(digest.language),
            "editorial": edition.editorial_in(digest.language),
            "in_disciplines": digest.in_disciplines,
            "by_followed": digest.by_followed,
            "collections": collections,
            "root": root,
            "unsubscribe_url": leave,
        },
        to=[digest.user.email],
        language=digest.language,
    )
    # RFC 2369 and RFC 8058: mail programs offer a one-click unsubscribe that POSTs to the URL.
    message.extra_headers["List-Unsubscribe"] = f"<{leave}>"
    message.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message


def send_batch(edition: Edition, user_ids: list[int]) -> dict[str, int]:
    """Send the edition to these users, skipping whoever was already served; the counts."""
    served = Delivery.objects.filter(
        edition=edition, status__in=[Delivery.Status.SENT, Delivery.Status.SKIPPED]
    ).values("user")
    users = recipients().filter(pk__in=user_ids).exclude(pk__in=served)
    collections = list(
        CollectionPage.objects.live().public().filter(pk__in=edition.collections.values("pk"))
    )
    has_news = bool(edition.editorial or edition.editorial_en or collections)
    counts = {"sent": 0, "skipped": 0, "failed": 0}
    for digest in digests_for(users, timezone.now()):
        if not digest.resource_count and not has_news:
            status = Delivery.Status.SKIPPED
        else:
            try:
                _message(edition, digest, collections).send()
                status = Delivery.Status.SENT
            except Exception:  # one address failing must not stop the batch: retried next run
                logger.exception("Digest %s to user %s failed", edition.pk, digest.user.pk)
                status = Delivery.Status.FAILED
        Delivery.objects.update_or_create(
            edition=edition,
            user=digest.user,
            defaults={"status": status, "resources": digest.resource_count},
        )
        counts[str(status)] += 1
    _recount(edition)
    return counts


def _recount(edition: Edition) -> None:
    """The admin's counts, from the delivery rows (right whatever order batches finish in)."""

    def count(status):
        rows = (
            Delivery.objects.filter(edition=OuterRef("pk"), status=status)
            .values("edition")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(rows), Value(0))

    Edition.objects.filter(pk=edition.pk).update(
        sent_count=count(Delivery.Status.SENT),
        skipped_count=count(Delivery.Status.SKIPPED),
        failed_count=count(Delivery.Status.FAILED),
    )


def retry_failed(edition: Edition) -> list[int]:
    """The users a run failed to reach, to send again."""
    return list(
        edition.deliveries.filter(status=Delivery.Status.FAILED).values_list("user", flat=True)
    )
