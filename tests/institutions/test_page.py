"""The local representative's page, /<lang>/compte/etablissement/ (issue 18, point 1): only a
representative (named in the admin, a confirmed address still in the institution's domains) sees
it — a 404 for everybody else, a log-in for visitors; it shows each institution they represent:
name, membership period and status, domains, live licences with their end and « Renew », the
number of staff accounts. A fixed number of queries."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import roles
from accounts.models import InstitutionRepresentative
from tests.institutions.conftest import make_institution
from tests.institutions.test_licence_access import buy_licence

pytestmark = pytest.mark.django_db

URL = "/en/account/institution/"


def _english(date) -> str:
    """The page's long dates: on one line (non-breaking spaces)."""
    return f"{date:%B}\xa0{date.day},\xa0{date.year}"


def test_a_visitor_is_asked_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/en/account/login/?next={URL}"


@pytest.mark.parametrize("who", ["teacher", "outsider", "seller"])
def test_nobody_but_a_representative_finds_the_page(client, request, who, representative):
    client.force_login(request.getfixturevalue(who))

    assert client.get(URL).status_code == 404


def test_a_representative_whose_address_left_the_domains_loses_the_page(client, representative):
    EmailAddress.objects.filter(user=representative).update(verified=False)
    client.force_login(representative)

    assert client.get(URL).status_code == 404


def test_the_representative_sees_the_institution(
    client, college, representative, teacher, outsider, make_member, exams
):
    make_member("Pas confirmé", email="nouveau@cegep-a.example")
    EmailAddress.objects.filter(email="nouveau@cegep-a.example").update(verified=False)
    line = buy_licence(college, exams, representative)
    client.force_login(representative)

    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>My institution</h1>" in html
    assert (
        f'<h2 id="institution-{college.pk}-title" class="institution-card__title">Cégep A</h2>'
        in html
    )
    assert "Member</strong> —" in html
    assert f"from {_english(college.member_from)} to {_english(college.member_until)}" in html
    assert "<code>cegep-a.example</code>" in html
    # The representative and the teacher (sub-domain); not the outsider nor the unconfirmed.
    assert "2 accounts with a confirmed address in these domains" in html
    end = timezone.localtime(line.institution_licence.ends_at)
    assert '<a href="/en/resources/examens/">Examens corrigés</a>' in html
    assert _english(end) in html
    assert f'action="/en/cart/licence/{exams.pk}/{college.pk}/"' in html
    assert "Renew<span" in html


def test_a_renewal_shows_as_one_row_until_its_end(client, college, representative, exams):
    first = buy_licence(college, exams, representative)
    second = buy_licence(college, exams, representative)
    client.force_login(representative)

    html = client.get(URL).content.decode()

    assert html.count('<a href="/en/resources/examens/">') == 1
    assert second.institution_licence.starts_at == first.institution_licence.ends_at
    assert _english(timezone.localtime(second.institution_licence.ends_at)) in html


def test_without_licence_the_page_says_how_to_buy_one(client, representative):
    client.force_login(representative)

    html = client.get(URL).content.decode()

    assert "No institution licence yet." in html


def test_an_ended_membership_is_said(client, college, representative):
    college.member_from, college.member_until = roles.fcp_year(2020)
    college.save()
    client.force_login(representative)

    html = client.get(URL).content.decode()

    assert "Not a member</strong> —" in html
    assert "the membership ended on June\xa030,\xa02021: member prices no longer apply." in html


def test_a_representative_of_two_institutions_sees_both(client, college, representative):
    other = make_institution("Cégep B", "cegep-b.example", member=False)
    InstitutionRepresentative.objects.create(institution=other, user=representative)
    EmailAddress.objects.create(user=representative, email="rachel@cegep-b.example", verified=True)
    client.force_login(representative)

    html = client.get(URL).content.decode()

    assert "<h1>My institutions</h1>" in html
    assert html.index(">Cégep A</h2>") < html.index(">Cégep B</h2>")
    assert "<code>cegep-b.example</code>" in html


def test_the_page_is_in_french_too(client, representative):
    client.force_login(representative)

    html = client.get("/fr/compte/etablissement/").content.decode()

    assert "<h1>Mon établissement</h1>" in html
    assert "Licences d’établissement" in html or "Licences d'établissement" in html


def test_the_page_costs_the_same_queries_whatever_the_numbers(
    client, college, representative, make_member, make_resource, seller, exams
):
    buy_licence(college, exams, representative)
    client.force_login(representative)
    client.get(URL)  # the session's first read
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for n in range(3):
        other = make_institution(f"Cégep {n}", f"cegep-{n}.example")
        InstitutionRepresentative.objects.create(institution=other, user=representative)
        EmailAddress.objects.create(
            user=representative, email=f"rachel@cegep-{n}.example", verified=True
        )
        make_member(f"Prof {n}", email=f"prof{n}@cegep-a.example")
        labs = make_resource(f"Labos {n}", slug=f"labos-{n}", authors=[seller], price_cents=500)
        buy_licence(college, labs, representative)
        buy_licence(other, labs, representative)
    client.get(URL)  # the site's menus, cached again after the new resources
    with CaptureQueriesContext(connection) as many:
        html = client.get(URL).content.decode()

    assert html.count("institution-card__title") == 4
    assert len(many) == len(few), "\n".join(q["sql"][:120] for q in many)


def test_the_dashboard_links_to_the_page_for_representatives_only(client, representative, teacher):
    client.force_login(representative)
    html = client.get("/en/account/").content.decode()
    assert f'<a href="{URL}">My institution</a>' in html
    assert "Local representative of Cégep A" in html

    client.force_login(teacher)
    assert URL not in client.get("/en/account/").content.decode()


def test_membership_period_boundaries(college):
    college.member_from = datetime.date(2026, 8, 1)
    college.member_until = datetime.date(2027, 6, 30)

    assert roles.is_institution_member(college, datetime.date(2027, 6, 30)) is True
    assert roles.is_institution_member(college, datetime.date(2027, 7, 1)) is False
