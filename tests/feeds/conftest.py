"""A small catalogue for the feeds, written once for the module: what every feed must list, and
what none may (a draft, a resource behind a view restriction)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from resources.models import ResourceIndexPage, ResourcePage
from tests.factories import build_collection, build_member, build_resource

NEXT_YEAR = timezone.localdate() + datetime.timedelta(days=365)
# Updates, newest first: calcul, python, integral (then "former", a day older); the restricted
# resource is the newest of all, and must still be left out.
UPDATED = {
    "calcul": datetime.datetime(2026, 3, 5, 10, 0, tzinfo=datetime.UTC),
    "python": datetime.datetime(2026, 3, 4, 10, 0, tzinfo=datetime.UTC),
    "integral": datetime.datetime(2026, 3, 3, 10, 0, tzinfo=datetime.UTC),
    "restricted": datetime.datetime(2026, 3, 6, 10, 0, tzinfo=datetime.UTC),
}
FIRST_PUBLISHED = datetime.datetime(2026, 1, 15, 14, 30, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def feed_rows(module_transaction) -> dict[str, int]:
    with module_transaction.writing():
        catalogue = ResourceIndexPage.objects.get()
        marie = build_member("Marie Tremblay", membership_expires_on=NEXT_YEAR)
        sophie = build_member("Sophie Gagnon")
        teacher = build_member("Théo Enseignant")
        closed = build_member("Compte Fermé", membership_expires_on=NEXT_YEAR)
        pages = {
            "calcul": build_resource(
                catalogue,
                "Calcul différentiel : exercices <corrigés>",
                authors=[marie],
                co_authors="Paul Roy",
                disciplines=("201",),
                summary="Dérivées & limites, avec <b>solutions</b>.",
                licence="CC-BY-4.0",
            ),
            "python": build_resource(
                catalogue,
                "Introduction à Python",
                authors=[marie, sophie],
                disciplines=("420", "201"),
                summary="Un exercice par semaine.",
                licence="LicenseRef-APOP-All-Rights-Reserved",
                price_cents=1500,
            ),
            "integral": build_resource(
                catalogue,
                "Examen de calcul intégral",
                authors=[sophie],
                disciplines=("201",),
                summary="Un examen type.",
                licence="CC-BY-NC-SA-4.0",
            ),
            "draft": build_resource(
                catalogue, "Brouillon secret", authors=[marie], publish=False, summary="Pas prêt."
            ),
            "restricted": build_resource(
                catalogue, "Réservée aux membres", authors=[marie], summary="Derrière un accès."
            ),
        }
        PageViewRestriction.objects.create(
            page=pages["restricted"], restriction_type=PageViewRestriction.LOGIN
        )
        for key, moment in UPDATED.items():
            ResourcePage.objects.filter(pk=pages[key].pk).update(
                last_published_at=moment, first_published_at=FIRST_PUBLISHED
            )
        collection = build_collection(
            "Calcul au collégial",
            [(pages[name], "") for name in ("integral", "draft", "restricted", "calcul")],
            slug="calcul-au-collegial",
            title_en="College calculus",
        )
        hidden = build_collection("Cachée", [(pages["calcul"], "")], slug="cachee")
        PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
        draft_collection = build_collection(
            "Pas encore", [(pages["calcul"], "")], slug="pas-encore", publish=False
        )
        pages["former"] = build_resource(
            catalogue, "D'un compte fermé", authors=[closed], disciplines=("420",)
        )
        ResourcePage.objects.filter(pk=pages["former"].pk).update(
            last_published_at=UPDATED["integral"] - datetime.timedelta(days=1),
            first_published_at=FIRST_PUBLISHED,
        )
        # Closed (members/privacy.py): no author page any more, hence no feed.
        type(closed).objects.filter(pk=closed.pk).update(deleted_at=timezone.now())
    return {
        **{key: page.pk for key, page in pages.items()},
        "marie": marie.pk,
        "sophie": sophie.pk,
        "teacher": teacher.pk,
        "closed": closed.pk,
        "collection": collection.pk,
        "hidden": hidden.pk,
        "draft_collection": draft_collection.pk,
    }
