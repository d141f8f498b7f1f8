"""/oai harvested as repositories harvest it: Sickle (a real OAI-PMH harvester from PyPI) over
HTTP against the live server, on the whole demo catalogue of `load_demo`, every answer
validated against the schemas. Pages of 25 records here, so that the demo's ~100 resources
take several resumption tokens (the repository's pages hold 100)."""

import datetime
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from sickle import Sickle
from sickle.oaiexceptions import NoRecordsMatch

from oai import listing, records
from oai.models import OaiRecord
from resources.models import ResourcePage
from tests.oai.helpers import validated

pytestmark = pytest.mark.django_db(transaction=True)
UTC = datetime.UTC


@pytest.fixture(scope="module")
def demo(module_snapshot):
    """The demo catalogue, loaded once for the module (its records filled as it commits)."""
    with module_snapshot.writing():
        call_command("load_demo", stdout=StringIO())
        published = ResourcePage.objects.live().public()
        return {
            "published": sorted(published.values_list("pk", flat=True)),
            "201": sorted(published.filter(disciplines__code="201").values_list("pk", flat=True)),
            "paid": sorted(published.filter(price_cents__gt=0).values_list("pk", flat=True)),
        }


class CheckingSickle(Sickle):
    """Sickle, validating every answer it receives and counting them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.answers = 0

    def harvest(self, **kwargs):
        response = super().harvest(**kwargs)
        validated(response.http_response.content)
        self.answers += 1
        return response


@pytest.fixture
def harvester(live_server, transactional_db, demo, monkeypatch):
    monkeypatch.setattr(listing, "PAGE_SIZE", 25)
    return CheckingSickle(f"{live_server.url}/oai", max_retries=0)


def identifiers(pks) -> list[str]:
    return sorted(records.identifier(pk) for pk in pks)


def test_the_demo_catalogue_has_its_records(demo):
    assert OaiRecord.objects.filter(deleted=False).count() == len(demo["published"]) >= 90
    assert not OaiRecord.objects.filter(deleted=True).exists()


@pytest.mark.parametrize("prefix", ["oai_dc", "lom"])
def test_a_harvester_gets_every_published_resource_once(harvester, demo, prefix):
    harvested = list(harvester.ListRecords(metadataPrefix=prefix, ignore_deleted=False))

    found = Counter(record.header.identifier for record in harvested)
    assert sorted(found) == identifiers(demo["published"])
    assert set(found.values()) == {1}
    assert harvester.answers == -(-len(demo["published"]) // 25) >= 4
    assert not any(record.header.deleted for record in harvested)
    for record in harvested:
        metadata = record.metadata
        if prefix == "oai_dc":
            # licence, discipline and author, in every record
            assert any(
                value.startswith("https://creativecommons.org/")
                or "/conditions-utilisation/" in value
                for value in metadata["rights"]
            )
            assert any(value.isdigit() and len(value) == 3 for value in metadata["subject"])
            assert metadata["creator"]
        else:
            assert metadata["entity"][0].startswith("BEGIN:VCARD")
            assert metadata["id"]  # the discipline's code in its taxon path


def test_selective_harvesting_by_set(harvester, demo):
    in_201 = harvester.ListIdentifiers(metadataPrefix="oai_dc", set="discipline:201")
    paid = harvester.ListIdentifiers(metadataPrefix="lom", set="payant")

    assert sorted(header.identifier for header in in_201) == identifiers(demo["201"])
    assert sorted(header.identifier for header in paid) == identifiers(demo["paid"])


def test_selective_harvesting_by_date(harvester, demo):
    early, late = demo["published"][:3], demo["published"][3:]
    OaiRecord.objects.filter(resource_id__in=early).update(
        datestamp=datetime.datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
    )

    until = harvester.ListIdentifiers(metadataPrefix="oai_dc", until="2026-01-15")
    since = harvester.ListIdentifiers(metadataPrefix="oai_dc", **{"from": "2026-01-15T12:00:01Z"})

    assert sorted(header.identifier for header in until) == identifiers(early)
    assert sorted(header.identifier for header in since) == identifiers(late)
    with pytest.raises(NoRecordsMatch):
        list(harvester.ListIdentifiers(metadataPrefix="oai_dc", until="2026-01-14"))


def test_an_incremental_harvest_reports_an_unpublished_resource_deleted(harvester, demo):
    first = list(harvester.ListIdentifiers(metadataPrefix="oai_dc"))
    last = max(header.datestamp for header in first)
    withdrawn = ResourcePage.objects.get(pk=demo["published"][10])

    withdrawn.unpublish()

    since = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", **{"from": last}))
    deleted = [header for header in since if header.deleted]
    assert [header.identifier for header in deleted] == [records.identifier(withdrawn.pk)]
    assert deleted[0].datestamp >= last
    again = list(harvester.ListRecords(metadataPrefix="lom", ignore_deleted=False))
    assert len(again) == len(demo["published"])
    assert [r.header.identifier for r in again if r.header.deleted] == [
        records.identifier(withdrawn.pk)
    ]
