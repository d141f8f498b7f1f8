"""ListIdentifiers and ListRecords: selective harvesting by set and by datestamp (UTC), pages of
records through resumption tokens (cursor, completeListSize, expirationDate), tokens forged,
expired or of another request, and a page's cost in queries, the same whatever the page."""

import datetime
import time

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from oai import listing, records, tokens
from oai.models import OaiRecord
from resources import licences
from tests.oai.helpers import error_code, text, texts, xpath

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def stamp(page, *moment):
    OaiRecord.objects.filter(resource_id=page.pk).update(
        datestamp=datetime.datetime(*moment, tzinfo=UTC)
    )


@pytest.fixture
def shelf(publish, make_member):
    """Four resources: free open 201, paid all-rights 420, paid CC BY 201+420, free CC0 101."""
    return {
        "open": publish("Ouverte", disciplines=("201",)),
        "sold": publish(
            "Vendue",
            authors=[make_member("Sophie Gagnon")],  # its rights holder: she may sell it
            disciplines=("420",),
            licence=licences.ALL_RIGHTS_RESERVED_ID,
            price_cents=900,
        ),
        "both": publish(
            "Vendue et ouverte", disciplines=("201", "420"), licence="CC-BY-4.0", price_cents=500
        ),
        "cc0": publish("Domaine public", disciplines=("101",), licence="CC0-1.0"),
    }


def ids(*pages) -> list[str]:
    return [records.identifier(page.pk) for page in pages]


def test_sets_select_their_records(oai, shelf):
    open_, sold, both, cc0 = shelf["open"], shelf["sold"], shelf["both"], shelf["cc0"]

    def harvest(spec):
        return sorted(oai.identifiers(metadataPrefix="oai_dc", set=spec))

    assert harvest("discipline:201") == sorted(ids(open_, both))
    assert harvest("discipline:420") == sorted(ids(sold, both))
    assert harvest("discipline") == sorted(ids(open_, sold, both, cc0))
    assert harvest("licence:CC-BY-4.0") == ids(both)
    assert harvest(f"licence:{licences.ALL_RIGHTS_RESERVED_ID}") == ids(sold)
    assert harvest("licence") == sorted(ids(open_, sold, both, cc0))
    assert harvest("rel") == sorted(ids(open_, both, cc0))
    assert harvest("payant") == sorted(ids(sold, both))


def test_from_and_until_select_on_the_datestamp_in_utc(oai, shelf):
    stamp(shelf["open"], 2026, 3, 1, 23, 59, 59)
    stamp(shelf["sold"], 2026, 3, 2, 0, 0, 0)
    stamp(shelf["both"], 2026, 3, 2, 23, 59, 59)
    stamp(shelf["cc0"], 2026, 3, 3, 4, 0, 0)

    def harvest(**bounds):
        return oai.identifiers(metadataPrefix="oai_dc", **bounds)

    assert harvest(from_="2026-03-02") == ids(shelf["sold"], shelf["both"], shelf["cc0"])
    assert harvest(until="2026-03-02") == ids(shelf["open"], shelf["sold"], shelf["both"])
    assert harvest(from_="2026-03-02", until="2026-03-02") == ids(shelf["sold"], shelf["both"])
    assert harvest(from_="2026-03-02T00:00:00Z", until="2026-03-02T23:59:58Z") == ids(shelf["sold"])
    assert harvest(from_="2026-03-01T23:59:59Z", until="2026-03-01T23:59:59Z") == ids(shelf["open"])
    document = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", from_="2026-03-03")
    assert texts(document, "//oai:header/oai:datestamp") == ["2026-03-03T04:00:00Z"]


def test_a_change_moves_the_datestamp_and_a_rating_does_not(oai, publish, committing, make_member):
    from resources.models import Discipline
    from resources.ratings import rate

    page, other = publish("Ancienne"), publish("Autre", disciplines=("420",))
    for resource in (page, other):
        stamp(resource, 2026, 1, 1, 0, 0, 0)
    old = datetime.datetime(2026, 1, 1, tzinfo=UTC)

    with committing():
        rate(make_member("Lectrice"), page, 5, "Très bien")
    assert OaiRecord.objects.get(resource_id=page.pk).datestamp == old

    with committing():
        page.licence = "CC-BY-4.0"
        page.save_revision().publish()
    moved = OaiRecord.objects.get(resource_id=page.pk)
    assert moved.datestamp > old
    assert moved.specs == ["discipline:201", "licence:CC-BY-4.0", "rel"]
    assert OaiRecord.objects.get(resource_id=other.pk).datestamp == old

    with committing():  # a taxonomy term renamed: every resource it classifies moves
        discipline = Discipline.objects.get(code="420")
        discipline.name_fr = "Informatique (techniques)"
        discipline.save()
    assert OaiRecord.objects.get(resource_id=other.pk).datestamp > old
    document = oai(verb="ListRecords", metadataPrefix="oai_dc", set="discipline:420")
    assert "Informatique (techniques)" in texts(document, "//dc:subject")


def test_an_unpublished_resource_stays_listed_as_deleted(oai, publish, committing):
    page, kept = publish("Retirée"), publish("Gardée")
    stamp(page, 2026, 1, 1, 0, 0, 0)
    stamp(kept, 2026, 1, 1, 0, 0, 0)

    with committing():
        page.unpublish()

    document = oai(verb="ListRecords", metadataPrefix="oai_dc", from_="2026-01-02")
    headers = xpath(document, "//oai:record/oai:header")
    assert [(h.get("status"), text(h, "oai:identifier")) for h in headers] == [
        ("deleted", records.identifier(page.pk))
    ]
    assert not xpath(document, "//oai:record/oai:metadata")
    everything = oai(verb="ListIdentifiers", metadataPrefix="lom")
    assert [h.get("status") for h in xpath(everything, "//oai:header")] == [None, "deleted"]

    with committing():
        page.save_revision().publish()
    again = oai(verb="ListIdentifiers", metadataPrefix="lom", set="rel")
    assert [h.get("status") for h in xpath(again, "//oai:header")] == [None, None]


def test_the_refresh_of_a_deleted_page_keeps_its_tombstone(publish, committing):
    from resources.models import ResourcePage

    page = publish()
    with committing():
        ResourcePage.objects.get(pk=page.pk).delete()
    tombstone = OaiRecord.objects.get(resource_id=page.pk)

    report = records.rebuild()

    assert (report.created, report.updated, report.deleted) == (0, 0, 0)
    assert OaiRecord.objects.get(resource_id=page.pk).datestamp == tombstone.datestamp
    assert tombstone.deleted


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(listing, "PAGE_SIZE", 4)


@pytest.fixture
def ten(publish):
    pages = [publish(f"Ressource {n}") for n in range(10)]
    for n, page in enumerate(pages):
        stamp(page, 2026, 2, 1, 10, 0, n // 3)  # datestamps shared by up to three records
    return pages


def test_resumption_tokens_walk_the_list_once(oai, ten, small_pages):
    document = oai(verb="ListRecords", metadataPrefix="oai_dc")
    seen, cursors = [], []
    while True:
        seen += texts(document, "//oai:record/oai:header/oai:identifier")
        token = xpath(document, "//oai:ListRecords/oai:resumptionToken")[0]
        cursors.append((token.get("cursor"), token.get("completeListSize")))
        if not token.text:
            assert token.get("expirationDate") is None
            break
        expires = datetime.datetime.fromisoformat(token.get("expirationDate"))
        assert expires - datetime.datetime.now(UTC) > datetime.timedelta(hours=23)
        document = oai(verb="ListRecords", resumptionToken=token.text)
        assert (
            xpath(document, "/oai:OAI-PMH/oai:request")[0].attrib["resumptionToken"] == token.text
        )

    assert seen == ids(*ten)
    assert cursors == [("0", "10"), ("4", "10"), ("8", "10")]


def test_a_list_that_fits_one_page_has_no_token(oai, publish):
    publish()

    assert not xpath(oai(verb="ListIdentifiers", metadataPrefix="oai_dc"), "//oai:resumptionToken")


def test_a_record_changed_during_a_harvest_is_neither_lost_nor_doubled(oai, ten, small_pages):
    first = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = texts(first, "//oai:resumptionToken")[0]
    stamp(ten[1], 2026, 2, 2, 0, 0, 0)  # already sent: moves to the end, sent again
    stamp(ten[6], 2026, 2, 3, 0, 0, 0)  # not sent yet: sent once, at its new place

    seen = texts(first, "//oai:header/oai:identifier")
    document = oai(verb="ListIdentifiers", resumptionToken=token)
    while True:
        seen += texts(document, "//oai:header/oai:identifier")
        token = texts(document, "//oai:resumptionToken")
        if not token or not token[0]:
            break
        document = oai(verb="ListIdentifiers", resumptionToken=token[0])

    expected = ids(*ten[:6], *ten[7:], ten[1], ten[6])
    assert seen == expected


def test_a_token_of_another_verb_altered_or_expired_is_refused(oai, ten, small_pages, monkeypatch):
    token = texts(oai(verb="ListRecords", metadataPrefix="oai_dc"), "//oai:resumptionToken")[0]
    altered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    with monkeypatch.context() as clock:  # a token signed a day and a minute ago
        a_day_ago = int(time.time()) - tokens.LIFETIME.total_seconds() - 60
        clock.setattr(
            signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(int(a_day_ago))
        )
        expired = texts(oai(verb="ListRecords", metadataPrefix="oai_dc"), "//oai:resumptionToken")[
            0
        ]

    assert error_code(oai(verb="ListIdentifiers", resumptionToken=token)) == "badResumptionToken"
    assert error_code(oai(verb="ListRecords", resumptionToken=altered)) == "badResumptionToken"
    assert error_code(oai(verb="ListRecords", resumptionToken=expired)) == "badResumptionToken"
    assert error_code(oai(verb="ListRecords", resumptionToken=token)) is None


def test_a_token_from_another_query_carries_its_own_arguments(ten, small_pages):
    query = tokens.ListQuery("ListRecords", "lom", "2026-01-01", "", "rel", 4, (1, 2))
    token = tokens.issue(query)

    assert tokens.read(token, "ListRecords") == query
    with pytest.raises(tokens.InvalidToken):
        tokens.read(token, "ListIdentifiers")


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers"])
def test_every_page_costs_the_same_queries(client, ten, small_pages, verb):
    def cost(query):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/oai", query)
        assert response.status_code == 200
        document = etree.fromstring(response.content)
        return len(captured), document, (texts(document, "//oai:resumptionToken") or [None])[0]

    cost({"verb": verb, "metadataPrefix": "lom"})  # the taxonomies and the site, now cached
    first, _document, token = cost({"verb": verb, "metadataPrefix": "lom"})
    second, _document, token = cost({"verb": verb, "resumptionToken": token})
    last, document, _token = cost({"verb": verb, "resumptionToken": token})

    assert len(xpath(document, "//oai:header")) == 2  # the third page holds the last two
    assert first == second == last
    # The count, the page; for records, the view restrictions, the pages, their terms, authors,
    # keywords, files and lineage.
    assert first == (9 if verb == "ListRecords" else 2)
