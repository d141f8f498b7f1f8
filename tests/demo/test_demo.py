"""The demo catalogue `make run` shows: realistic, licence-valid, and loaded idempotently."""

from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from resources import licences
from resources.models import CollectionPage, Rating, ResourceFile, ResourcePage
from resources.rules import resource_errors


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the whole demo once for this module (~100 resources with their files), inside a
    transaction rolled back at the end, with its files in a temporary folder."""
    folder = tmp_path_factory.mktemp("demo-media")
    storages = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": folder / "public", "base_url": "/media/"},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": folder / "private", "base_url": None},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with django_db_blocker.unblock(), override_settings(STORAGES=storages):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _snapshot():
    return (
        ResourcePage.objects.count(),
        ResourceFile.objects.count(),
        CollectionPage.objects.count(),
        get_user_model().objects.count(),
        Rating.objects.count(),
    )


@pytest.mark.django_db
def test_demo_catalogue_is_rich_enough_to_trust(demo):
    resources = ResourcePage.objects.live()
    by_language = Counter(resources.values_list("language", flat=True))
    codes = set(resources.values_list("disciplines__code", flat=True))
    licence_use = Counter(resources.values_list("licence", flat=True))

    assert by_language["fr"] >= 60
    assert by_language["en"] >= 15
    assert len(codes) >= 12
    assert {"201", "420"} <= codes
    assert set(licence_use) == set(licences.LICENCES)
    assert resources.filter(price_cents=0).count() > 0
    assert resources.filter(price_cents__gt=0).count() > 0
    assert resources.exclude(adapted_from_page=None).count() >= 6
    assert resources.exclude(source_title="").count() >= 3
    assert resources.exclude(validated_at=None).count() > 0
    assert CollectionPage.objects.live().count() == 3
    members = get_user_model().objects.exclude(bio="")
    assert members.count() == 3
    assert not ResourcePage.objects.filter(files=None).exists()
    assert not ResourcePage.objects.filter(previews=None).exists()


@pytest.mark.django_db
def test_every_demo_resource_obeys_the_licence_rules(demo):
    invalid = {
        page.slug: errors
        for page in ResourcePage.objects.all()
        if (errors := resource_errors(page))
    }

    assert invalid == {}


@pytest.mark.django_db
def test_demo_has_adaptation_chains_two_levels_deep(demo):
    deep = ResourcePage.objects.filter(adapted_from_page__adapted_from_page__isnull=False)

    assert deep.count() >= 2


@pytest.mark.django_db
def test_loading_the_demo_again_changes_nothing(demo):
    before = _snapshot()

    call_command("load_demo", stdout=StringIO())

    assert _snapshot() == before


@pytest.mark.django_db
def test_the_demo_institution_has_its_representative_and_a_licence_bought(demo, client):
    from accounts import roles
    from accounts.models import Institution
    from boutique import entitlements
    from boutique.models import InstitutionLicence, Order, Payout

    institution = Institution.objects.get(name="Cégep de démonstration")
    User = get_user_model()
    representative = User.objects.get(email="mandataire@cegep.example")
    staff = User.objects.get(email="enseignante@cegep.example")
    outsider = User.objects.get(email="enseignant@apop.example")

    assert roles.is_institution_member(institution) is True
    assert roles.represented_institutions(representative) == [institution]
    (licence,) = InstitutionLicence.objects.live()
    assert (licence.institution, licence.resource.slug) == (
        institution,
        "soins-calcul-doses-exercices",
    )
    order = licence.order_line.order
    assert (order.status, order.user, order.total_cents, order.is_demonstration) == (
        Order.Status.PAID,
        representative,
        6000,
        True,
    )
    assert Payout.objects.filter(order=order, seller__email="sophie.gagnon@apop.example").exists()
    assert entitlements.may_download(staff, licence.resource) is True
    assert entitlements.may_download(outsider, licence.resource) is False
    assert client.login(email="mandataire@cegep.example", password="demo-apop-2026")
    html = client.get("/fr/compte/etablissement/").content.decode()
    assert "Cégep de démonstration" in html
    assert licence.resource.title in html


@pytest.mark.django_db
def test_a_member_s_submission_waits_for_the_editors(demo):
    from submissions import service

    (page,) = ResourcePage.objects.filter(live=False, title="Exercices corrigés : la loi normale")
    draft = service.draft_of(page)

    assert page.owner.email == "sophie.gagnon@apop.example"
    assert service.is_in_review(page) is True
    assert list(draft.disciplines.values_list("code", flat=True)) == ["201"]
    assert draft.licence == "CC-BY-NC-SA-4.0"
    assert [f.file.name.endswith(".pdf") for f in draft.files.all()] == [True]
    assert [p.alt_text for p in draft.previews.all()] == [
        "Première page des exercices sur la loi normale"
    ]
    assert service.submission_errors(draft) == {}
