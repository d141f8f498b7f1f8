"""The resource page signed in (issue 19's target: at most 12 SQL queries whatever the number of
files, keywords or disciplines): a teacher, an APOP member and the staff of an institution with
a live licence of the resource, on a paid and on a free resource. The anonymous page stays at
its own, lower count. Each page must still say the right thing for its visitor."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from accounts.models import InstitutionRepresentative
from core.formats import long_date
from resources.models import ResourceIndexPage, ResourcePage
from tests.institutions.conftest import make_institution
from tests.institutions.test_licence_access import buy_licence

pytestmark = pytest.mark.django_db

SIGNED_IN_MAX = 12
ANONYMOUS_MAX = 7
RESERVED = "LicenseRef-APOP-All-Rights-Reserved"
NEXT_YEAR = timezone.localdate() + datetime.timedelta(days=365)


@pytest.fixture
def seller(make_member):
    return make_member("Marie Tremblay", email="marie@example.org", membership_expires_on=NEXT_YEAR)


@pytest.fixture
def pages(make_resource, seller):
    """A plain paid resource, a paid one with many files, keywords and disciplines, and the
    same two free."""
    many = {
        "disciplines": ("201", "420", "203", "202"),
        "types": ("notes-de-cours", "exercices", "laboratoire"),
        "tags": ("a", "b", "c", "d", "e", "f", "g"),
        "files": tuple((f"fichier-{n}.pdf", b"z" * n) for n in range(1, 9)),
    }
    make_resource("Examens", slug="examens", authors=[seller], licence=RESERVED, price_cents=1250)
    make_resource("Gros", slug="gros", authors=[seller], licence=RESERVED, price_cents=900, **many)
    make_resource("Libre", slug="libre", authors=[seller], licence="CC-BY-4.0")
    make_resource("Libre gros", slug="libre-gros", authors=[seller], licence="CC-BY-4.0", **many)
    return ("examens", "gros", "libre", "libre-gros")


@pytest.fixture
def page(django_assert_max_num_queries):
    def get(client, slug, maximum) -> str:
        """The page, warm (its cached part filled), within `maximum` queries."""
        url = f"/fr/ressources/{slug}/"
        assert client.get(url).status_code == 200
        with django_assert_max_num_queries(maximum):
            response = client.get(url)
        assert response.status_code == 200
        return response.content.decode()

    return get


def test_a_teacher_sees_every_resource_page_within_12_queries(client, make_member, pages, page):
    client.force_login(make_member("Théo Enseignant", email="theo@ailleurs.example"))

    for slug in pages:
        html = page(client, slug, SIGNED_IN_MAX)
        assert "Évaluer cette ressource" in html
    assert "Ajouter au panier" in page(client, "gros", SIGNED_IN_MAX)
    assert "Ajouter à ma bibliothèque" in page(client, "libre-gros", SIGNED_IN_MAX)


def test_a_member_sees_every_resource_page_within_12_queries(client, make_member, pages, page):
    member = make_member("Sophie Gagnon", email="sophie@ailleurs.example")
    member.membership_expires_on = NEXT_YEAR
    member.save(update_fields=["membership_expires_on"])
    client.force_login(member)

    for slug in pages:
        page(client, slug, SIGNED_IN_MAX)
    assert "Ajouter au panier" in page(client, "examens", SIGNED_IN_MAX)


def test_the_staff_of_an_institution_with_a_licence_within_12_queries(
    client, make_member, seller, pages, page
):
    college = make_institution()
    representative = make_member("Rachel Mandataire", email="mandataire@cegep-a.example")
    for slug in ("examens", "gros"):
        buy_licence(college, ResourcePage.objects.get(slug=slug), representative)
    # Two confirmed addresses, one of them in a sub-domain of the college's.
    staff = make_member("Paul Prof", email="paul@info.cegep-a.example")
    other = make_institution("Cégep B", "cegep-b.example")
    EmailAddress.objects.create(user=staff, email="paul@cegep-b.example", verified=True)
    client.force_login(staff)

    for slug in pages:
        page(client, slug, SIGNED_IN_MAX)
    html = page(client, "gros", SIGNED_IN_MAX)
    assert "Licence d’établissement de Cégep A" in html
    assert "Ajouter au panier" not in html
    assert other.name not in html


def test_a_representative_sees_the_offers_within_12_queries(
    client, make_member, seller, pages, page
):
    """The offers need whether the seller may sell (the page's authors, from its cached part)
    and the running licences' ends (inside the buy box's one query): 18 queries before, then
    14."""
    college = make_institution()
    other = make_institution("Cégep B", "cegep-b.example")
    representative = make_member("Rachel Mandataire", email="mandataire@cegep-a.example")
    EmailAddress.objects.create(user=representative, email="rachel@cegep-b.example", verified=True)
    for institution in (college, other):
        InstitutionRepresentative.objects.create(institution=institution, user=representative)
    line = buy_licence(college, ResourcePage.objects.get(slug="gros"), representative)
    with translation.override("fr"):
        until = long_date(line.institution_licence.ends_at)
    client.force_login(representative)

    for slug in pages:
        page(client, slug, SIGNED_IN_MAX)
    html = page(client, "gros", SIGNED_IN_MAX)
    assert "Renouveler pour Cégep A" in html
    assert f"Cégep A\u00a0: licence jusqu’au {until}." in html
    assert "Acheter pour Cégep B" in html
    assert "Cégep B\u00a0: licence" not in html
    html = page(client, "examens", SIGNED_IN_MAX)
    assert "Acheter pour Cégep A" in html
    assert "Acheter pour Cégep B" in html
    assert "Renouveler" not in html
    # A free resource has no institution licence.
    assert "pour Cégep" not in page(client, "libre", SIGNED_IN_MAX)


def test_the_anonymous_page_stays_at_its_own_count(pages, page):
    for slug in pages:
        html = page(Client(), slug, ANONYMOUS_MAX)
        assert "Connectez-vous pour évaluer cette ressource." in html


def test_a_restriction_on_an_ancestor_still_closes_the_page(pages):
    """The view restrictions are read in one query (ResourcePage.get_view_restrictions): one on
    the resource index still applies to every resource under it."""
    index = ResourceIndexPage.objects.get()
    restriction = PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Comité"))

    response = Client().get("/fr/ressources/examens/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/compte/login/?next=/fr/ressources/examens/"
