"""What a local representative sees of each institution they represent
(/<lang>/compte/etablissement/): its membership period and status, its domains, its institution
licences (live, or bought ahead as a renewal) and how many staff accounts it has. A fixed number
of queries, whatever the number of institutions, licences or staff."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.db.models import Count
from django.utils import timezone

from accounts import roles
from accounts.domains import addresses_in_domains
from accounts.models import InstitutionDomain
from boutique.models import InstitutionLicence

from . import statements


@dataclass
class LicenceRow:
    resource: object
    starts_at: datetime.datetime  # the first day it is live (a renewal follows without a gap)
    ends_at: datetime.datetime


@dataclass
class InstitutionOverview:
    institution: object
    is_member: bool
    domains: list[str]
    staff_count: int
    licences: list[LicenceRow] = field(default_factory=list)
    statements: list = field(default_factory=list)  # the past monthly statements

    @property
    def member_from(self):
        return self.institution.member_from

    @property
    def member_until(self):
        return self.institution.member_until

    @property
    def membership_over(self) -> bool:
        until = self.institution.member_until
        return until is not None and until < roles.today()


def staff_counts(institutions) -> dict[int, int]:
    """{institution id: accounts with a confirmed address in its domains}, in one query."""
    if not institutions:
        return {}
    sums = EmailAddress.objects.filter(verified=True, user__is_active=True).aggregate(
        **{
            f"i{institution.pk}": Count(
                "user", distinct=True, filter=addresses_in_domains(institution.domain_list)
            )
            for institution in institutions
        }
    )
    return {institution.pk: sums[f"i{institution.pk}"] or 0 for institution in institutions}


def licences_of(institutions) -> dict[int, list[LicenceRow]]:
    """{institution id: its licences not revoked and not over, one row per resource (a renewal
    joins the licence it extends)}, soonest end first; one query."""
    now = timezone.now()
    rows: dict[tuple[int, int], LicenceRow] = {}
    licences = (
        InstitutionLicence.objects.filter(
            institution__in=institutions, revoked_at__isnull=True, ends_at__gt=now
        )
        .select_related("resource")
        .order_by("starts_at")
    )
    for licence in licences:
        key = (licence.institution_id, licence.resource_id)
        row = rows.get(key)
        if row is None:
            rows[key] = LicenceRow(licence.resource, licence.starts_at, licence.ends_at)
        else:
            row.ends_at = max(row.ends_at, licence.ends_at)
    grouped: dict[int, list[LicenceRow]] = {}
    for (institution_id, _resource_id), row in rows.items():
        grouped.setdefault(institution_id, []).append(row)
    for group in grouped.values():
        group.sort(key=lambda row: (row.ends_at, row.resource.title))
    return grouped


def overviews_for(user) -> list[InstitutionOverview]:
    """One overview per institution the user represents (none for anybody else)."""
    institutions = roles.represented_institutions(user)
    if not institutions:
        return []
    domains: dict[int, list[str]] = {institution.pk: [] for institution in institutions}
    for institution_id, domain in InstitutionDomain.objects.filter(
        institution__in=institutions
    ).values_list("institution_id", "domain"):
        domains[institution_id].append(domain)
    for institution in institutions:
        institution.domain_list = sorted(domains[institution.pk])
    counts = staff_counts(institutions)
    licences = licences_of(institutions)
    past_statements = statements.statements_of(institutions)
    today = roles.today()
    return [
        InstitutionOverview(
            institution=institution,
            is_member=roles.is_institution_member(institution, today),
            domains=institution.domain_list,
            staff_count=counts[institution.pk],
            licences=licences.get(institution.pk, []),
            statements=past_statements[institution.pk],
        )
        for institution in institutions
    ]
