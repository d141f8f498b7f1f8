"""The people of the institution tests: a member college (domain cegep-a.example) with its local
representative and a teacher on its staff, a seller and her paid resource."""

import datetime

import pytest
from django.utils import timezone

from accounts import roles
from accounts.models import Institution, InstitutionDomain, InstitutionRepresentative

NEXT_YEAR = timezone.localdate() + datetime.timedelta(days=365)
RESERVED = "LicenseRef-APOP-All-Rights-Reserved"


def make_institution(name="Cégep A", domain="cegep-a.example", member=True):
    start, end = roles.fcp_year(roles.academic_year())
    institution = Institution.objects.create(
        name=name,
        member_from=min(start, roles.today()) if member else None,
        member_until=end if member else None,
    )
    InstitutionDomain.objects.create(institution=institution, domain=domain)
    return institution


@pytest.fixture
def college(db):
    return make_institution()


@pytest.fixture
def representative(make_member, college):
    user = make_member("Rachel Mandataire", email="mandataire@cegep-a.example", language="en")
    InstitutionRepresentative.objects.create(institution=college, user=user)
    return user


@pytest.fixture
def teacher(make_member, college):
    return make_member("Paul Prof", email="paul@info.cegep-a.example", language="en")


@pytest.fixture
def outsider(make_member):
    return make_member("Olga Ailleurs", email="olga@ailleurs.example", language="en")


@pytest.fixture
def seller(make_member):
    return make_member("Marie Tremblay", email="marie@example.org", membership_expires_on=NEXT_YEAR)


@pytest.fixture
def exams(make_resource, seller):
    return make_resource(
        "Examens corrigés", slug="examens", authors=[seller], licence=RESERVED, price_cents=1250
    )


@pytest.fixture
def demo(settings):
    """`make run`: no Stripe keys, demonstration payments on."""
    settings.STRIPE_SECRET_KEY = ""
    settings.PAYMENTS_DEMO = True
