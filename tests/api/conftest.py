"""A small catalogue for the public API, written once per module: a resource with every field
filled (files, tags, terms, an external source), its adaptation, a paid one, a draft, one behind
a view restriction, and a collection of them all."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from resources.models import DigitalCompetencyDimension, ResourceIndexPage
from tests.factories import build_collection, build_member, build_resource

NEXT_YEAR = timezone.localdate() + datetime.timedelta(days=365)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def build_api_catalogue() -> dict[str, int]:
    catalogue = ResourceIndexPage.objects.get()
    marie = build_member("Marie Tremblay", membership_expires_on=NEXT_YEAR)
    sophie = build_member("Sophie Gagnon")
    calcul = build_resource(
        catalogue,
        "Calcul différentiel",
        authors=[marie],
        co_authors="Paul Roy",
        disciplines=("201", "420"),
        levels=("collegial_preuniversitaire",),
        types=("exercices",),
        tags=("limites", "dérivées"),
        files=(("notes.pdf", PDF), ("données.csv", b"x,y\n1,2\n")),
        summary="Des exercices sur les dérivées.",
        description="<p>Avec <b>solutions</b> détaillées.</p>",
        licence="CC-BY-4.0",
        duration_minutes=90,
        pedagogical_notes="En deux séances.",
        source_title="Open Calculus",
        source_author="Jane Doe",
        source_url="https://example.org/calculus",
        source_licence="CC-BY-4.0",
        publish=False,
    )
    calcul.dimensions = list(DigitalCompetencyDimension.objects.filter(number__in=[2, 10]))
    calcul.save_revision().publish()
    calcul.refresh_from_db()
    adapted = build_resource(
        catalogue,
        "Calcul différentiel, version courte",
        authors=[sophie],
        summary="Une version abrégée.",
        licence="CC-BY-4.0",
        adapted_from_page=calcul,
    )
    paid = build_resource(
        catalogue,
        "Examen de calcul intégral",
        authors=[marie],
        summary="Un examen type.",
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=1500,
        member_price_cents=1000,
    )
    draft = build_resource(catalogue, "Brouillon secret", publish=False, summary="Pas prêt.")
    restricted = build_resource(catalogue, "Réservée aux membres", summary="Derrière un accès.")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    collection = build_collection(
        "Calcul au collégial",
        [
            (paid, "Pour l'examen final."),
            (draft, ""),
            (restricted, ""),
            (calcul, "Le point de départ."),
            (adapted, ""),
        ],
        slug="calcul-au-collegial",
        title_en="College calculus",
        intro_en="<p>Chosen by the editors.</p>",
        featured=True,
        is_open=False,  # it holds a paid resource: a curated collection, not an open one
    )
    collection.discipline_id = calcul.disciplines.get(code="201").pk
    collection.save_revision().publish()
    return {
        "calcul": calcul.pk,
        "adapted": adapted.pk,
        "paid": paid.pk,
        "draft": draft.pk,
        "restricted": restricted.pk,
        "marie": marie.pk,
        "sophie": sophie.pk,
        "collection": collection.pk,
    }


@pytest.fixture(scope="module")
def api_rows(module_transaction) -> dict[str, int]:
    with module_transaction.writing():
        return build_api_catalogue()


@pytest.fixture
def rows(api_rows, db):
    return api_rows
