"""Who may do what, in one place: teacher (any account), individual APOP member (publishes and
sells until their membership expires), staff of an institution (confirmed e-mail in its domains;
member prices during its FCP membership period), an institution's local representative,
editor (the Wagtail « Éditeurs » group) and staff."""

import datetime

from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Length
from django.utils import timezone

from .domains import addresses_in_domains, domain_candidates, domains_holding

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


def institutions_of(user) -> list:
    """The institutions whose staff this user is: for each confirmed address (primary first), the
    institution of its most specific domain (dept.cegep.qc.ca over cegep.qc.ca). One query (none
    for a visitor or an inactive account): each institution also says whether this user is one
    of its local representatives (`represented`, which represented_institutions reads)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    from allauth.account.models import EmailAddress

    from .models import Institution, InstitutionDomain, InstitutionRepresentative

    # The most specific domain holding an address is the longest one (all are its suffixes).
    best = domains_holding(InstitutionDomain.objects.all(), OuterRef("email")).order_by(
        Length("domain").desc()
    )
    addresses = (
        EmailAddress.objects.filter(user=user, verified=True)
        .annotate(institution_id=Subquery(best.values("institution_id")[:1]))
        .order_by("-primary", "pk")
    )
    # Each institution in the order of the first address it is found for.
    first = addresses.filter(institution_id=OuterRef("pk"))
    return list(
        Institution.objects.filter(pk__in=addresses.values("institution_id"))
        .annotate(
            first_primary=Subquery(first.values("primary")[:1]),
            first_address=Subquery(first.values("pk")[:1]),
            represented=Exists(
                InstitutionRepresentative.objects.filter(user=user, institution=OuterRef("pk"))
            ),
        )
        .order_by("-first_primary", "first_address")
    )


def institution_of(user):
    """The institution of the user's first confirmed address that has one (primary first)."""
    institutions = institutions_of(user)
    return institutions[0] if institutions else None


def is_institution_member(institution, on: datetime.date | None = None) -> bool:
    """An FCP member institution on this date: within its membership period (both days
    included)."""
    on = on or today()
    start, end = institution.member_from, institution.member_until
    return start is not None and end is not None and start <= on <= end


def fcp_year(year: int) -> tuple[datetime.date, datetime.date]:
    """The membership period of an FCP year: August 1 to June 30 of the next year."""
    return datetime.date(year, 8, 1), datetime.date(year + 1, 6, 30)


def represented_institutions(user, institutions=None) -> list:
    """The institutions this user is a local representative of, while one of their confirmed
    addresses is still in the institution's domains (someone who left the college loses the
    role with their address). `institutions`: the user's (institutions_of), when the caller has
    them: then no query, else one."""
    if institutions is None:
        institutions = institutions_of(user)
    return [institution for institution in institutions if institution.represented]


def is_representative(user, institution) -> bool:
    return any(i.pk == institution.pk for i in represented_institutions(user))


def staff_user_ids(institution) -> set[int]:
    """The accounts (active or not) that institution_of counts as this institution's staff: a
    confirmed address in one of its domains or their sub-domains, unless a more specific domain
    belongs to another institution. Three queries, whatever the number of staff."""
    from allauth.account.models import EmailAddress

    from .models import InstitutionDomain

    own = list(institution.domains.values_list("domain", flat=True))
    if not own:
        return set()
    addresses = list(
        EmailAddress.objects.filter(addresses_in_domains(own), verified=True).values_list(
            "user_id", "email"
        )
    )
    candidates = {address: domain_candidates(address) for _user, address in addresses}
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
    institution within its FCP membership period (confirmed e-mail)."""
    on = on or today()
    if is_member(user, on):
        return True
    return any(is_institution_member(i, on) for i in institutions_of(user))
