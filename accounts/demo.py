"""Demo people for `make run`: confirmed e-mail addresses (allauth needs one to log in), a year of
APOP membership for the demo members, and a member institution. Idempotent."""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from .models import Institution, InstitutionDomain
from .roles import academic_year, today

DEMO_INSTITUTION = {"name": "Cégep de démonstration", "domain": "cegep.example"}


def ensure_demo_people(member_emails) -> None:
    """Confirm every demo address, make the demo members members, create the institution."""
    User = get_user_model()
    for user in User.objects.filter(email__endswith="@apop.example"):
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    expiry = today() + datetime.timedelta(days=365)
    User.objects.filter(email__in=member_emails, membership_expires_on__isnull=True).update(
        membership_expires_on=expiry
    )
    if not InstitutionDomain.objects.filter(domain=DEMO_INSTITUTION["domain"]).exists():
        institution, _created = Institution.objects.get_or_create(
            name=DEMO_INSTITUTION["name"],
            defaults={"fcp_member": True, "fcp_member_year": academic_year()},
        )
        InstitutionDomain.objects.create(institution=institution, domain=DEMO_INSTITUTION["domain"])
