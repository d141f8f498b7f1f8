"""Who may do what, in one place: teacher (any account), individual APOP member (publishes and
sells until their membership expires), staff of an FCP member institution (member prices),
editor (the Wagtail « Éditeurs » group) and staff."""

import datetime

from django.utils import timezone

# The Wagtail group of the editors (made by resources/moderation.py with its permissions).
EDITORS_GROUP = "Éditeurs"

# Quebec colleges start their academic year in August; July 1 keeps summer courses with the
# year they prepare.
ACADEMIC_YEAR_START_MONTH = 7


def today() -> datetime.date:
    return timezone.localdate()


def academic_year(on: datetime.date | None = None) -> int:
    """The year the academic year of this date started in: 2026 for 2026-07-01 … 2027-06-30."""
    on = on or today()
    return on.year if on.month >= ACADEMIC_YEAR_START_MONTH else on.year - 1


def is_member(user, on: datetime.date | None = None) -> bool:
    """An individual APOP member today (membership valid through its expiry date)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    expires = user.membership_expires_on
    return expires is not None and expires >= (on or today())


def is_editor(user) -> bool:
    """In the « Éditeurs » group, or a superuser; active."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=EDITORS_GROUP).exists()


def may_submit(user) -> bool:
    """May use the submission form: members, and staff (who help members)."""
    return is_member(user) or (getattr(user, "is_authenticated", False) and user.is_staff)


def _domain_candidates(address: str) -> list[str]:
    """cegep.qc.ca for prof@info.cegep.qc.ca: the domain and each parent domain."""
    domain = address.rsplit("@", 1)[-1].strip().lower().rstrip(".")
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts) - 1)]


def institution_of(user):
    """The institution whose domain matches one of the user's confirmed e-mail addresses."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    from allauth.account.models import EmailAddress

    from .models import InstitutionDomain

    candidates = []
    for address in EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    ):
        candidates.extend(_domain_candidates(address))
    if not candidates:
        return None
    # The most specific domain wins (dept.cegep.qc.ca over cegep.qc.ca).
    domains = {
        d.domain: d.institution
        for d in InstitutionDomain.objects.filter(domain__in=candidates).select_related(
            "institution"
        )
    }
    for candidate in candidates:
        if candidate in domains:
            return domains[candidate]
    return None


def staff_user_ids(institution) -> set[int]:
    """The accounts (active or not) that institution_of counts as this institution's staff: a
    confirmed address in one of its domains or their sub-domains, unless a more specific domain
    belongs to another institution. Three queries, whatever the number of staff."""
    from allauth.account.models import EmailAddress
    from django.db.models import Q

    from .models import InstitutionDomain

    own = list(institution.domains.values_list("domain", flat=True))
    if not own:
        return set()
    in_domains = Q()
    for domain in own:
        in_domains |= Q(email__iendswith=f"@{domain}") | Q(email__iendswith=f".{domain}")
    addresses = list(
        EmailAddress.objects.filter(in_domains, verified=True).values_list("user_id", "email")
    )
    candidates = {address: _domain_candidates(address) for _user, address in addresses}
    owners = dict(
        InstitutionDomain.objects.filter(
            domain__in={c for found in candidates.values() for c in found}
        ).values_list("domain", "institution_id")
    )
    staff = set()
    for user_id, address in addresses:
        # The most specific domain wins, as in institution_of.
        owner = next((owners[c] for c in candidates[address] if c in owners), None)
        if owner == institution.pk:
            staff.add(user_id)
    return staff


def gets_member_price(user, on: datetime.date | None = None) -> bool:
    """Does this user get the member price now? Individual APOP members, and staff of an
    institution that is an FCP member for the current academic year (confirmed e-mail)."""
    on = on or today()
    if is_member(user, on):
        return True
    institution = institution_of(user)
    return bool(
        institution is not None
        and institution.fcp_member
        and institution.fcp_member_year == academic_year(on)
    )
