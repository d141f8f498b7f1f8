"""The individual APOP membership: its price, what a payment grants (one more year), and the
renewal reminder sent a set number of days before it ends."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from accounts import roles
from core.formats import long_date
from core.i18n import language_of
from core.mail import send_email, site_root

logger = logging.getLogger(__name__)

# A reminder is sent once per member and expiry date. The key lives in the cache: it must be a
# cache shared by every process (CACHE_URL: Redis or the database) in production. The long
# timeout outlives the reminder window, so a second run the same day — or a retried task —
# finds the key and sends nothing; a renewal changes the expiry date, hence the key, so next
# year's reminder is not blocked.
REMINDER_KEY_TIMEOUT = 400 * 24 * 60 * 60


def membership_price_cents() -> int:
    """The price of one year of individual membership, in cents."""
    return settings.BOUTIQUE_MEMBERSHIP_PRICE_CENTS


def add_one_year(day: datetime.date) -> datetime.date:
    """The same day one year later; February 29 becomes February 28."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def extend_membership(user, *, paid_on: datetime.date) -> datetime.date:
    """Grant or extend the membership by one year and return the new expiry date. A renewal
    while the membership is still valid on `paid_on` starts from the current expiry (no day is
    lost); otherwise the year starts on `paid_on`."""
    user_model = get_user_model()
    with transaction.atomic():
        # Read the expiry under a row lock: two payments fulfilled at once add two years, not
        # one year twice from the same date.
        current = (
            user_model.objects.select_for_update()
            .filter(pk=user.pk)
            .values_list("membership_expires_on", flat=True)
            .get()
        )
        start = current if current is not None and current >= paid_on else paid_on
        user.membership_expires_on = add_one_year(start)
        user.save(update_fields=["membership_expires_on"])
    return user.membership_expires_on


# --- Reminders -----------------------------------------------------------------------------


def members_to_remind(on: datetime.date):
    """Active accounts whose membership ends exactly BOUTIQUE_MEMBERSHIP_REMINDER_DAYS days
    after `on` (a daily run therefore reminds each member once)."""
    expires = on + datetime.timedelta(days=settings.BOUTIQUE_MEMBERSHIP_REMINDER_DAYS)
    return (
        get_user_model()
        .objects.filter(is_active=True, deleted_at__isnull=True, membership_expires_on=expires)
        .exclude(email="")
        .order_by("pk")
    )


def _reminder_key(user) -> str:
    return f"boutique:membership-reminder:{user.pk}:{user.membership_expires_on.isoformat()}"


def _membership_path(language: str) -> str:
    """/fr/adhesion/ or /en/membership/, the page where members pay their membership
    (boutique:membership)."""
    with translation.override(language):
        return reverse("boutique:membership")


def send_reminder(user) -> None:
    """The renewal e-mail, in the member's language: when the membership ends, what renewing
    keeps, and the membership page's address."""
    language = language_of(user)
    with translation.override(language):
        context = {
            "user": user,
            "expires_label": long_date(user.membership_expires_on),
            "days": settings.BOUTIQUE_MEMBERSHIP_REMINDER_DAYS,
            "price_cents": membership_price_cents(),
            "url": site_root() + _membership_path(language),
        }
    send_email("boutique/email/membership_reminder", context, to=[user.email], language=language)


def send_reminders(on: datetime.date | None = None) -> int:
    """Remind every member whose membership ends in BOUTIQUE_MEMBERSHIP_REMINDER_DAYS days,
    never twice for the same member and expiry date; returns how many e-mails were sent."""
    on = on or roles.today()
    sent = 0
    for user in members_to_remind(on):
        key = _reminder_key(user)
        # cache.add is atomic: of two runs at the same time, only one gets to send.
        if not cache.add(key, True, timeout=REMINDER_KEY_TIMEOUT):
            continue
        try:
            send_reminder(user)
        except Exception:
            # Let a later run of the same day try again; one bad address must not stop the rest.
            cache.delete(key)
            logger.exception("Membership reminder to user %s failed", user.pk)
            continue
        sent += 1
    return sent
