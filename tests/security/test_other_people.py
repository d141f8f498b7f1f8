"""What belongs to someone else, table-driven: another person's order, submission (each of its
steps and actions), library entry, data export and sales are out of reach — 404 where a URL names
the object, one's own data only where the URL names none — and nothing changes."""

import pytest

from boutique.models import Entitlement, Order
from tests.boutique.helpers import make_order, paid_order
from tests.resources.helpers import a_year_from_now, start_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def marie(make_member):
    return make_member(
        "Marie Tremblay", email="marie@example.org", membership_expires_on=a_year_from_now()
    )


@pytest.fixture
def intruder(make_member):
    return make_member(
        "Ivan Intrus", email="ivan@example.org", membership_expires_on=a_year_from_now()
    )


@pytest.fixture
def maries_draft(client, catalogue, marie):
    client.force_login(marie)
    draft = start_submission(client, title="Brouillon de Marie")
    client.logout()
    return draft


SUBMISSION_URLS = [
    ("get", "description/"),
    ("post", "description/"),
    ("get", "classement/"),
    ("get", "fichiers/"),
    ("get", "licence/"),
    ("get", "verification/"),
    ("post", "fichiers/retirer/"),
    ("post", "retirer-de-la-revision/"),
    ("post", "depublier/"),
]


@pytest.mark.parametrize(("method", "suffix"), SUBMISSION_URLS)
def test_another_member_s_submission_is_not_found(client, maries_draft, intruder, method, suffix):
    revision = maries_draft.latest_revision_id
    client.force_login(intruder)

    response = getattr(client, method)(
        f"/fr/compte/depots/{maries_draft.pk}/{suffix}", {"title": "Volé", "action": "continue"}
    )

    assert response.status_code == 404
    maries_draft.refresh_from_db()
    assert (maries_draft.title, maries_draft.latest_revision_id) == ("Brouillon de Marie", revision)


def test_another_person_s_order_is_not_found(client, marie, intruder, make_resource, make_member):
    exams = make_resource(
        "Examens",
        price_cents=1000,
        licence="LicenseRef-APOP-All-Rights-Reserved",
        authors=[make_member("Autrice")],
    )
    order = make_order(marie, [exams])
    client.force_login(intruder)

    response = client.get(f"/fr/commandes/{order.reference}/")

    assert response.status_code == 404
    assert b"Examens" not in response.content
    assert Order.objects.get().status == Order.Status.PENDING


def test_releasing_someone_else_s_library_entry_changes_nothing(
    client, marie, intruder, make_resource
):
    free = make_resource("Notes libres")
    Entitlement.objects.create(user=marie, resource=free)
    client.force_login(intruder)

    response = client.post(f"/fr/panier/obtenir/{free.pk}/retirer/")

    assert response.status_code in (302, 404)
    assert (
        Entitlement.objects.filter(user=marie, resource=free, revoked_at__isnull=True).count() == 1
    )


def test_one_s_library_export_and_sales_show_only_one_s_own(
    client, marie, intruder, make_resource, make_member
):
    bought = make_resource("Examens de Marie", price_cents=1000, authors=[make_member("Autrice")])
    own = make_resource("Notes d'Ivan", price_cents=500, authors=[intruder])
    paid = paid_order_now(marie, [bought])
    client.force_login(intruder)

    library = client.get("/fr/compte/bibliotheque/").content.decode()
    export = client.get("/fr/compte/confidentialite/export/").content.decode()
    sales = client.get("/fr/compte/ventes/").content.decode()
    sales_csv = client.get("/fr/compte/ventes/export.csv").content.decode()

    for text in (library, export, sales, sales_csv):
        assert "Examens de Marie" not in text
        assert "marie@example.org" not in text
        assert paid.reference not in text
    assert "ivan@example.org" in export
    assert own.pk  # Ivan's own resource exists but has no sale: the pages are empty, not others'


def paid_order_now(buyer, resources):
    from django.utils import timezone

    return paid_order(buyer, resources, paid_at=timezone.now())
