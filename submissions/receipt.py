"""The receipt a member gets when they send a resource to the editors: what was received, and
when to expect an answer (REVIEW_EXPECTED_DAYS business days), in the member's language."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from core.formats import long_date
from core.i18n import language_of
from core.mail import send_email, site_root

SATURDAY = 5  # date.weekday(): Monday is 0


def add_business_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` business days (Monday to Friday) after `start`."""
    day = start
    while days > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < SATURDAY:
            days -= 1
    return day


def expected_answer_date(submitted_on: datetime.date | None = None) -> datetime.date:
    """When the editors should have answered a submission sent on `submitted_on` (today)."""
    return add_business_days(submitted_on or timezone.localdate(), settings.REVIEW_EXPECTED_DAYS)


def schedule_receipt(user, page) -> None:
    """Send the receipt once the submission is committed (nothing if it rolls back)."""
    user_id, page_id = user.pk, page.pk
    transaction.on_commit(lambda: send_receipt(user_id, page_id))


def send_receipt(user_id: int, page_id: int) -> bool:
    """« Nous avons bien reçu « … » », to the member who submitted; False when there is nobody
    to write to (a closed account, no address) or the resource is gone."""
    from resources.models import ResourcePage

    user = (
        get_user_model()
        .objects.filter(pk=user_id, is_active=True, deleted_at__isnull=True)
        .exclude(email="")
        .first()
    )
    page = ResourcePage.objects.filter(pk=page_id).first()
    if user is None or page is None:
        return False
    language = language_of(user)
    root = site_root()
    with translation.override(language):
        list_url = root + reverse("submissions:list")
        expected_on = long_date(expected_answer_date())
    send_email(
        "resources/email/submission_received",
        {
            "user": user,
            "title": page.draft_title or page.title,
            "days": settings.REVIEW_EXPECTED_DAYS,
            "expected_on": expected_on,
            "list_url": list_url,
            "is_change": page.live,
        },
        to=[user.email],
        language=language,
        root=root,
    )
    return True
