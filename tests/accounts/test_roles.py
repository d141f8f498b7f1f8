"""Roles and the member price: who is a member, who is staff of an FCP member institution, and
the one function the boutique asks (accounts.roles.gets_member_price)."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group

from accounts import roles
from accounts.models import Institution, InstitutionDomain
from accounts.roles import EDITORS_GROUP

pytestmark = pytest.mark.django_db
User = get_user_model()
TODAY = datetime.date(2026, 11, 23)


def make_user(email="prof@example.org", **fields):
    return User.objects.create_user(email, "pw-long-enough", **fields)


def make_institution(domain="cegep-exemple.qc.ca", year=2026, fcp_member=True):
    """A member institution for the FCP year `year` (August 1 to June 30), or none."""
    start, end = roles.fcp_year(year) if fcp_member else (None, None)
    institution = Institution.objects.create(
        name=f"Cégep {domain}", member_from=start, member_until=end
    )
    InstitutionDomain.objects.create(institution=institution, domain=domain)
    return institution


def confirm(user, email=None, verified=True):
    return EmailAddress.objects.create(
        user=user, email=email or user.email, verified=verified, primary=email is None
    )


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (datetime.date(2026, 7, 1), 2026),
        (datetime.date(2026, 11, 23), 2026),
        (datetime.date(2027, 6, 30), 2026),
        (datetime.date(2027, 7, 1), 2027),
        (datetime.date(2026, 1, 15), 2025),
    ],
)
def test_academic_year_starts_on_july_first(on, expected):
    assert roles.academic_year(on) == expected


@pytest.mark.parametrize(
    ("expires", "expected"),
    [
        (None, False),
        (TODAY - datetime.timedelta(days=1), False),
        (TODAY, True),  # valid through its expiry date
        (TODAY + datetime.timedelta(days=200), True),
    ],
)
def test_membership_counts_through_its_expiry_date(expires, expected):
    user = make_user(membership_expires_on=expires)

    assert roles.is_member(user, on=TODAY) is expected
    assert roles.gets_member_price(user, on=TODAY) is expected


def test_anonymous_and_inactive_users_are_never_members():
    user = make_user(membership_expires_on=TODAY + datetime.timedelta(days=10), is_active=False)

    assert roles.is_member(AnonymousUser(), on=TODAY) is False
    assert roles.gets_member_price(AnonymousUser(), on=TODAY) is False
    assert roles.is_member(user, on=TODAY) is False


def test_staff_of_a_member_institution_with_a_confirmed_address_get_the_member_price():
    make_institution("cegep-exemple.qc.ca", year=2026)
    user = make_user("prof@cegep-exemple.qc.ca")
    confirm(user)

    assert roles.institution_of(user).name == "Cégep cegep-exemple.qc.ca"
    assert roles.gets_member_price(user, on=TODAY) is True
    assert roles.is_member(user, on=TODAY) is False  # member prices, not the member role


def test_sub_domains_belong_to_the_institution_and_the_most_specific_domain_wins():
    make_institution("cegep-exemple.qc.ca")
    department = make_institution("info.cegep-exemple.qc.ca", fcp_member=False)
    user = make_user("prof@info.cegep-exemple.qc.ca")
    confirm(user)
    other = make_user("prof@math.cegep-exemple.qc.ca")
    confirm(other)

    assert roles.institution_of(user) == department
    assert roles.gets_member_price(user, on=TODAY) is False
    assert roles.institution_of(other).name == "Cégep cegep-exemple.qc.ca"
    assert roles.gets_member_price(other, on=TODAY) is True


@pytest.mark.parametrize(
    ("email", "verified", "year", "fcp_member"),
    [
        ("prof@cegep-exemple.qc.ca", False, 2026, True),  # address not confirmed
        ("prof@cegep-exemple.qc.ca", True, 2025, True),  # membership of last year
        ("prof@cegep-exemple.qc.ca", True, 2026, False),  # not an FCP member
        ("prof@autre-cegep-exemple.qc.ca", True, 2026, True),  # look-alike domain
        ("prof@exemple.qc.ca", True, 2026, True),  # parent domain of the institution's
    ],
)
def test_no_member_price_without_a_confirmed_address_of_a_current_member(
    email, verified, year, fcp_member
):
    make_institution("cegep-exemple.qc.ca", year=year, fcp_member=fcp_member)
    user = make_user(email)
    confirm(user, verified=verified)

    assert roles.gets_member_price(user, on=TODAY) is False


@pytest.mark.parametrize(
    ("on", "year", "expected"),
    [
        # January to June belong to the academic year that began the July before: there the
        # calendar year and the academic year differ (2027 and 2026).
        (datetime.date(2027, 1, 4), 2026, True),
        (datetime.date(2027, 3, 15), 2026, True),
        (datetime.date(2027, 6, 30), 2026, True),
        (datetime.date(2027, 3, 15), 2027, False),  # next year's membership has not begun
        (datetime.date(2027, 7, 1), 2026, False),  # last year's has ended
        (datetime.date(2027, 7, 31), 2027, False),  # the FCP year starts on August 1
        (datetime.date(2027, 8, 1), 2027, True),
        (datetime.date(2028, 6, 30), 2027, True),  # its last day counts
    ],
)
def test_fcp_membership_follows_the_fcp_year_not_the_calendar_year(on, year, expected):
    make_institution("cegep-exemple.qc.ca", year=year)
    user = make_user("prof@cegep-exemple.qc.ca")
    confirm(user)

    assert roles.gets_member_price(user, on=on) is expected


def test_a_confirmed_secondary_address_counts():
    make_institution("cegep-exemple.qc.ca")
    user = make_user("prof@gmail.example")
    confirm(user)
    confirm(user, "prof@cegep-exemple.qc.ca")

    assert roles.gets_member_price(user, on=TODAY) is True


def test_domains_are_stored_lower_case_without_at_sign():
    institution = Institution.objects.create(name="Cégep A")
    domain = InstitutionDomain.objects.create(institution=institution, domain=" @Cegep-A.QC.CA. ")

    domain.refresh_from_db()
    assert domain.domain == "cegep-a.qc.ca"


def test_editors_are_the_editors_group_and_superusers():
    editor = make_user("editrice@example.org")
    editor.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
    admin = User.objects.create_superuser("admin@example.org", "pw-long-enough")
    teacher = make_user()

    assert [roles.is_editor(u) for u in (editor, admin, teacher)] == [True, True, False]


def test_members_and_staff_may_submit_teachers_may_not():
    member = make_user("m@example.org", membership_expires_on=roles.today())
    staff = make_user("s@example.org", is_staff=True)
    teacher = make_user("t@example.org")

    assert [roles.may_submit(u) for u in (member, staff, teacher)] == [True, True, False]


def test_author_page_addresses_are_unique_and_stable():
    first = make_user("a@example.org", display_name="Marie Tremblay")
    second = make_user("b@example.org", display_name="Marie Tremblay")
    third = make_user("c@example.org")

    first.display_name = "Marie T."
    first.save()
    assert (first.slug, second.slug) == ("marie-tremblay", "marie-tremblay-2")
    # Without a name to show, a neutral address: never a piece of the e-mail.
    assert re.fullmatch(r"membre-[0-9a-f]{6}", third.slug)
