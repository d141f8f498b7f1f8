"""Every error condition of OAI-PMH 2.0 (section 3.6) with its code, in a valid answer: HTTP 200,
one <error>, no list; badVerb and badArgument echo the base URL without attributes."""

import pytest

from oai import records
from tests.oai.helpers import error_code, texts, xpath

pytestmark = pytest.mark.django_db


def request_attributes(document) -> dict:
    return dict(xpath(document, "/oai:OAI-PMH/oai:request")[0].attrib)


def answered_only_an_error(document) -> bool:
    children = [child.tag.split("}")[1] for child in document]
    return children[:2] == ["responseDate", "request"] and set(children[2:]) == {"error"}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?verb=",
        "?verb=ListEverything",
        "?verb=identify",
        "?verb=Identify&verb=Identify",
        "?verb=Identify&verb=ListSets",
        "?metadataPrefix=oai_dc",
    ],
)
def test_bad_verb(client, query):
    from tests.oai.helpers import validated

    document = validated(client.get(f"/oai{query}").content)

    assert error_code(document) == "badVerb"
    assert request_attributes(document) == {}
    assert texts(document, "/oai:OAI-PMH/oai:request") == ["http://testserver/oai"]
    assert answered_only_an_error(document)


@pytest.mark.parametrize(
    "arguments",
    [
        {"verb": "Identify", "metadataPrefix": "oai_dc"},
        {"verb": "ListSets", "set": "rel"},
        {"verb": "ListMetadataFormats", "identifier": "oai:x:1", "from_": "2026-01-01"},
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},
        {"verb": "GetRecord", "identifier": "oai:apop:resource/1"},
        {"verb": "GetRecord", "identifier": "not a uri", "metadataPrefix": "oai_dc"},
        {"verb": "ListIdentifiers"},
        {"verb": "ListRecords", "set": "rel"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from_": "2026-13-01"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from_": "2026-01-01T10:00:00"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "2026-01-01T10:00:00+01:00"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "26-01-01"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from_": ""},
        # Different granularities, and from after until.
        {
            "verb": "ListRecords",
            "metadataPrefix": "oai_dc",
            "from_": "2026-01-01",
            "until": "2026-02-01T00:00:00Z",
        },
        {
            "verb": "ListIdentifiers",
            "metadataPrefix": "oai_dc",
            "from_": "2026-02-02",
            "until": "2026-02-01",
        },
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "discipline::201"},
        {"verb": "ListIdentifiers", "metadataPrefix": "oai dc"},
        # A resumption token stands alone.
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "resumptionToken": "abc"},
        {"verb": "ListRecords", "resumptionToken": "abc", "set": "rel"},
    ],
)
def test_bad_argument(oai, arguments):
    document = oai(**arguments)

    assert error_code(document) == "badArgument"
    assert request_attributes(document) == {}
    assert answered_only_an_error(document)


def test_a_repeated_argument_is_a_bad_argument(client):
    from tests.oai.helpers import validated

    response = client.get("/oai?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=lom")

    assert error_code(validated(response.content)) == "badArgument"


def test_cannot_disseminate_format(oai, publish):
    page = publish()

    for arguments in (
        {"verb": "ListRecords", "metadataPrefix": "marc21"},
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_lom"},
        {"verb": "GetRecord", "metadataPrefix": "mods", "identifier": records.identifier(page.pk)},
    ):
        document = oai(**arguments)

        assert error_code(document) == "cannotDisseminateFormat"
        # Other errors echo the request's arguments.
        assert request_attributes(document) == {
            ("from" if name == "from_" else name): value for name, value in arguments.items()
        }
        assert answered_only_an_error(document)


@pytest.mark.parametrize(
    "identifier",
    [
        "oai:elsewhere.example:resource/1",
        "oai:{repository}:resource/999999",
        "oai:{repository}:resource/01",
        "oai:{repository}:collection/1",
        "https://example.org/ressources/1",
    ],
)
def test_id_does_not_exist(oai, publish, identifier):
    publish()
    identifier = identifier.format(repository=records.repository_identifier())

    for verb, extra in (("GetRecord", {"metadataPrefix": "oai_dc"}), ("ListMetadataFormats", {})):
        document = oai(verb=verb, identifier=identifier, **extra)

        assert error_code(document) == "idDoesNotExist"
        assert request_attributes(document)["identifier"] == identifier


def test_no_records_match(oai, publish):
    assert error_code(oai(verb="ListRecords", metadataPrefix="oai_dc")) == "noRecordsMatch"
    publish()

    for arguments in (
        {"until": "2000-01-01"},
        {"from_": "2999-01-01T00:00:00Z"},
        {"set": "payant"},
        {"set": "discipline:420"},
        {"set": "discipline:999"},  # no such set: its list is empty
        {"set": "licence:cc-by-nc-sa-4.0"},  # set specs are case-sensitive
    ):
        for verb in ("ListIdentifiers", "ListRecords"):
            document = oai(verb=verb, metadataPrefix="lom", **arguments)

            assert error_code(document) == "noRecordsMatch", arguments


@pytest.mark.parametrize("token", ["abc", "", "x" * 300, "eyJ2IjoiTGlzdFJlY29yZHMifQ:1vXyZ:abc"])
def test_a_forged_resumption_token_is_refused(oai, publish, token):
    publish()

    document = oai(verb="ListRecords", resumptionToken=token)

    assert error_code(document) == ("badArgument" if token == "" else "badResumptionToken")


def test_no_set_hierarchy_never_applies(oai):
    # The repository has sets (test_verbs.py lists them): noSetHierarchy is never its answer.
    assert error_code(oai(verb="ListSets")) is None
