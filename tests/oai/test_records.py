"""The repository's records (OaiRecord): kept by the catalogue's signals once a change commits,
rebuilt by `manage.py oai_records`, created for resources published before the repository by
the data migration; the relatives of a changed resource (adapted from / into) follow it."""

import datetime
import importlib
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from oai import metadata, records
from oai.models import OaiRecord
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
OLD = datetime.datetime(2026, 1, 1, tzinfo=UTC)


def test_publishing_creates_the_record_once_the_change_commits(make_resource, committing):
    with committing() as callbacks:
        page = make_resource(files=())
        assert not OaiRecord.objects.filter(resource_id=page.pk).exists()

    record = OaiRecord.objects.get(resource_id=page.pk)
    assert callbacks
    assert not record.deleted
    assert record.datestamp.microsecond == 0
    assert record.specs == ["discipline:201", "licence:CC-BY-NC-SA-4.0", "rel"]
    assert len(record.digest) == 64


def test_a_draft_never_published_has_no_record(make_resource, committing):
    with committing():
        page = make_resource(publish=False, files=())

    assert not OaiRecord.objects.filter(resource_id=page.pk).exists()


def test_the_command_rebuilds_what_signals_missed(make_resource, publish):
    missed = make_resource("Manquée", files=())  # its on-commit refresh never ran
    withdrawn = publish("Retirée")
    ResourcePage.objects.filter(pk=withdrawn.pk).update(live=False)  # no signal at all
    kept = publish("Inchangée")
    kept_datestamp = OaiRecord.objects.get(resource_id=kept.pk).datestamp
    out = StringIO()

    call_command("oai_records", stdout=out)

    assert out.getvalue() == (
        "OAI-PMH records: 1 created, 0 updated, 1 marked deleted, 1 unchanged.\n"
    )
    assert not OaiRecord.objects.get(resource_id=missed.pk).deleted
    assert OaiRecord.objects.get(resource_id=withdrawn.pk).deleted
    assert OaiRecord.objects.get(resource_id=kept.pk).datestamp == kept_datestamp
    assert OaiRecord.objects.count() == 3
    call_command("oai_records", stdout=out)
    assert out.getvalue().endswith("0 created, 0 updated, 0 marked deleted, 3 unchanged.\n")


def test_the_data_migration_dates_old_records_by_their_last_publication(make_resource):
    page = make_resource(files=())
    published = datetime.datetime(2025, 9, 14, 8, 30, 15, 123456, tzinfo=UTC)
    ResourcePage.objects.filter(pk=page.pk).update(last_published_at=published)
    restricted = make_resource("Réservée", files=())
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    migration = importlib.import_module("oai.migrations.0002_records_of_published_resources")

    migration.create_records(apps, None)

    record = OaiRecord.objects.get()
    assert (record.resource_id, record.datestamp) == (page.pk, published.replace(microsecond=0))
    assert record.specs == ["discipline:201", "licence:CC-BY-NC-SA-4.0", "rel"]
    assert record.digest == ""
    # Its first refresh learns its digest without pretending it changed.
    report = records.refresh([page.pk])
    assert (report.updated, OaiRecord.objects.get().datestamp) == (1, record.datestamp)
    assert OaiRecord.objects.get().digest == records.digest(metadata.load([page.pk])[page.pk])


def test_an_adaptation_moves_the_record_of_its_source(publish, committing):
    source = publish("Source")
    OaiRecord.objects.filter(resource_id=source.pk).update(datestamp=OLD)

    adaptation = publish("Adaptation", adapted_from_page=source)

    assert OaiRecord.objects.get(resource_id=source.pk).datestamp > OLD
    OaiRecord.objects.update(datestamp=OLD)
    with committing():
        adaptation.unpublish()
    assert OaiRecord.objects.get(resource_id=source.pk).datestamp > OLD
    assert OaiRecord.objects.get(resource_id=adaptation.pk).deleted


def test_a_restricted_resource_is_withdrawn(publish, committing):
    from wagtail.models import PageViewRestriction

    page = publish()
    with committing():
        PageViewRestriction.objects.create(page=page, restriction_type="login")
        records.refresh([page.pk])

    assert OaiRecord.objects.get(resource_id=page.pk).deleted


def test_identifiers_name_this_repository_and_nothing_else(settings):
    settings.OAI_REPOSITORY_IDENTIFIER = "boutique.apop.qc.ca"

    assert records.identifier(42) == "oai:boutique.apop.qc.ca:resource/42"
    assert records.resource_id_of("oai:boutique.apop.qc.ca:resource/42") == 42
    for other in (
        "oai:boutique.apop.qc.ca:resource/042",
        "oai:boutique.apop.qc.ca:resource/-1",
        "oai:boutique.apop.qc.ca:resource/4 2",
        "oai:autre.example:resource/42",
        "oai:boutique.apop.qc.ca:collection/42",
    ):
        assert records.resource_id_of(other) is None


def test_an_author_renamed_moves_the_records_of_their_resources(publish, make_member, committing):
    author = make_member("Marie Tremblay")
    page = publish(authors=[author])
    OaiRecord.objects.filter(resource_id=page.pk).update(datestamp=OLD)

    with committing():
        author.last_login = datetime.datetime.now(UTC)
        author.save(update_fields=["last_login"])
    assert OaiRecord.objects.get(resource_id=page.pk).datestamp == OLD

    with committing():
        author.display_name = "Marie Tremblay-Roy"
        author.save()
    assert OaiRecord.objects.get(resource_id=page.pk).datestamp > OLD
