"""Institutions' roles: the membership period (member prices stop after it), the local
representatives named in the admin among the institution's staff, and the data migration from
the academic year of membership to the period."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from accounts import roles
from accounts.models import Institution, InstitutionDomain, InstitutionRepresentative

pytestmark = pytest.mark.django_db
User = get_user_model()
ADD_URL = "/admin/snippets/accounts/institution/add/"


def make_user(email, verified=True, **fields):
    user = User.objects.create_user(email, "pw-long-enough", **fields)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def make_institution(name="Cégep A", domains=("cegep-a.example",), period=(None, None)):
    institution = Institution.objects.create(
        name=name, member_from=period[0], member_until=period[1]
    )
    for domain in domains:
        InstitutionDomain.objects.create(institution=institution, domain=domain)
    return institution


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (datetime.date(2026, 7, 31), False),
        (datetime.date(2026, 8, 1), True),
        (datetime.date(2027, 6, 30), True),
        (datetime.date(2027, 7, 1), False),
    ],
)
def test_member_prices_stop_after_the_membership_period(on, expected):
    make_institution(period=roles.fcp_year(2026))
    user = make_user("prof@cegep-a.example")

    assert roles.is_institution_member(Institution.objects.get(), on) is expected
    assert roles.gets_member_price(user, on=on) is expected


def test_an_institution_without_period_is_not_a_member():
    institution = make_institution()

    assert roles.is_institution_member(institution, datetime.date(2026, 9, 1)) is False


def test_a_representative_keeps_the_role_only_with_a_confirmed_address_in_the_domains():
    institution = make_institution()
    representative = make_user("mandataire@cegep-a.example")
    InstitutionRepresentative.objects.create(institution=institution, user=representative)
    stranger = make_user("autre@ailleurs.example")
    InstitutionRepresentative.objects.create(institution=institution, user=stranger)
    unconfirmed = make_user("nouveau@cegep-a.example", verified=False)
    InstitutionRepresentative.objects.create(institution=institution, user=unconfirmed)
    staff = make_user("prof@cegep-a.example")

    assert roles.represented_institutions(representative) == [institution]
    assert roles.represented_institutions(stranger) == []
    assert roles.represented_institutions(unconfirmed) == []
    assert roles.represented_institutions(staff) == []


def test_a_representative_of_two_institutions_has_both():
    first = make_institution("Cégep A", ("cegep-a.example",))
    second = make_institution("Cégep B", ("cegep-b.example",))
    user = make_user("mandataire@cegep-a.example")
    EmailAddress.objects.create(user=user, email="mandataire@cegep-b.example", verified=True)
    for institution in (first, second):
        InstitutionRepresentative.objects.create(institution=institution, user=user)

    assert roles.represented_institutions(user) == [first, second]
    assert roles.institutions_of(user) == [first, second]


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("editrice@apop.example", "pw-long-enough")
    client.force_login(user)
    return user


def _form(representatives=(), domain="cegep-a.example", **fields):
    data = {
        "name": "Cégep A",
        "member_from": "2026-08-01",
        "member_until": "2027-06-30",
        "domains-TOTAL_FORMS": "1",
        "domains-INITIAL_FORMS": "0",
        "domains-MIN_NUM_FORMS": "1",
        "domains-MAX_NUM_FORMS": "1000",
        "domains-0-domain": domain,
        "domains-0-ORDER": "1",
        "domains-0-DELETE": "",
        "domains-0-id": "",
        "representatives-TOTAL_FORMS": str(len(representatives)),
        "representatives-INITIAL_FORMS": "0",
        "representatives-MIN_NUM_FORMS": "0",
        "representatives-MAX_NUM_FORMS": "1000",
    }
    for n, email in enumerate(representatives):
        data |= {
            f"representatives-{n}-user": email,
            f"representatives-{n}-ORDER": str(n + 1),
            f"representatives-{n}-DELETE": "",
            f"representatives-{n}-id": "",
        }
    return data | fields


def test_staff_name_a_representative_by_address_with_the_period(client, editor):
    user = make_user("mandataire@cegep-a.example")

    response = client.post(ADD_URL, _form(["Mandataire@Cegep-A.example"]))

    assert response.status_code == 302
    institution = Institution.objects.get()
    assert (institution.member_from, institution.member_until) == roles.fcp_year(2026)
    assert [r.user for r in institution.representatives.all()] == [user]


def test_a_representative_outside_the_domains_is_refused_with_a_clear_message(client, editor):
    make_user("prof@ailleurs.example")
    make_user("nouveau@cegep-a.example", verified=False)

    response = client.post(ADD_URL, _form(["prof@ailleurs.example", "nouveau@cegep-a.example"]))

    assert response.status_code == 200
    html = response.content.decode()
    # The admin speaks the editor's language: French here.
    for address in ("prof@ailleurs.example", "nouveau@cegep-a.example"):
        assert (
            f"{address} n’a aucune adresse courriel confirmée dans les domaines de cet "
            "établissement (cegep-a.example)\xa0: seul son personnel peut en être mandataire "
            "local."
        ) in html
    assert Institution.objects.count() == 0
    assert InstitutionRepresentative.objects.count() == 0


def test_an_unknown_address_is_refused(client, editor):
    response = client.post(ADD_URL, _form(["personne@cegep-a.example"]))

    assert response.status_code == 200
    assert "Aucun compte actif n’a cette adresse courriel." in response.content.decode()
    assert Institution.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"member_until": ""}, "Indiquez le premier et le dernier jour de l’adhésion."),
        ({"member_until": "2026-07-31"}, "L’adhésion ne peut pas se terminer avant de commencer."),
    ],
)
def test_an_incomplete_or_reversed_period_is_refused(client, editor, fields, message):
    response = client.post(ADD_URL, _form(**fields))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Institution.objects.count() == 0


def test_the_admin_lists_the_period_and_whether_a_member_today(client, editor):
    start, end = roles.fcp_year(roles.academic_year())
    make_institution("Cégep Membre", ("membre.example",), (min(start, roles.today()), end))
    make_institution("Cégep Ancien", ("ancien.example",), roles.fcp_year(2020))

    html = client.get("/admin/snippets/accounts/institution/").content.decode()
    cells = re.findall(r"<td[^>]*>\s*(Oui|Non)\s*</td>", html)

    assert "Cégep Membre" in html
    assert "Cégep Ancien" in html
    # The admin speaks the editor's language (French): by name, « Ancien » before « Membre ».
    assert cells == ["Non", "Oui"]
