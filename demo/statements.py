"""A month of the demo member institution's activity (demo/data/statements.yaml): its staff's
downloads during the past month, then that month's statement, as the first-of-the-month
command makes it (institutions/statements.py). Idempotent, like the rest of the demo."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.db import transaction

from accounts.models import InstitutionDomain
from institutions import statements
from resources.models import Download, ResourcePage

from .loader import DATA_DIR, DemoDataError, ensure_confirmed_account, read

# When the demo downloads happen in the month: these days, at this hour (Toronto), in turn.
_DAYS = (3, 6, 10, 13, 17, 20, 24, 27)
_HOUR = datetime.time(10, 30)


@transaction.atomic
def ensure_demo_statement(folder: Path = DATA_DIR, today: datetime.date | None = None):
    """The staff accounts, their downloads of the past month (once) and the statement of that
    month for the demo institution; the statement, or None without the demo institution."""
    domain = read("accounts", folder)["institution"]["domain"]
    owner = InstitutionDomain.objects.filter(domain=domain).select_related("institution").first()
    if owner is None:
        return None
    institution = owner.institution
    first_day = statements.previous_month(today)
    start, end = statements.month_bounds(first_day)
    password = read("accounts", folder)["password"]
    specs = read("statements", folder)["staff"]
    staff = [(ensure_confirmed_account(spec, password), spec["downloads"]) for spec in specs]
    users = [user for user, _downloads in staff]
    if not Download.objects.filter(
        user__in=users, created_at__gte=start, created_at__lt=end
    ).exists():
        slugs = {slug for _user, downloads in staff for slug, _n in downloads}
        pages = {page.slug: page for page in ResourcePage.objects.filter(slug__in=slugs)}
        moments = (
            datetime.datetime.combine(first_day.replace(day=day), _HOUR, tzinfo=start.tzinfo)
            for day in _DAYS * 10
        )
        for user, downloads in staff:
            for slug, times in downloads:
                if slug not in pages:
                    raise DemoDataError(f"statements.yaml: no resource {slug!r}")
                for _time in range(times):
                    download = Download.objects.create(resource=pages[slug], user=user)
                    # created_at is set on creation: the month's dates come after.
                    Download.objects.filter(pk=download.pk).update(created_at=next(moments))
    return statements.ensure_statement(institution, first_day)
