"""Hypothesis throws arbitrary arguments at /oai (issue 16's fuzzing of the OAI-PMH arguments):
whatever the verb, names and values — repeated, empty, malformed dates, forged tokens, control
characters — the answer is 200 with a document the OAI-PMH schemas accept, and an error is one of
the protocol's codes. Never a server error."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.oai.helpers import error_code, validated

pytestmark = pytest.mark.django_db

CODES = {
    None,
    "badArgument",
    "badResumptionToken",
    "badVerb",
    "cannotDisseminateFormat",
    "idDoesNotExist",
    "noRecordsMatch",
    "noMetadataFormats",
    "noSetHierarchy",
}
NAMES = ["verb", "metadataPrefix", "set", "from", "until", "identifier", "resumptionToken", "x"]
VALUES = st.one_of(
    st.text(max_size=40).map(lambda value: value.replace("\x00", "")),
    st.sampled_from(
        [
            "Identify",
            "ListRecords",
            "ListIdentifiers",
            "ListSets",
            "ListMetadataFormats",
            "GetRecord",
            "oai_dc",
            "lom",
            "rel",
            "payant",
            "discipline:201",
            "licence:CC-BY-4.0",
            "2026-01-01",
            "2026-01-01T00:00:00Z",
            "2026-13-45",
            "9999-12-31T23:59:59Z",
            "oai:testserver:resource/1",
            "oai:testserver:resource/999999999999",
            "eyJub3QiOiJhIHRva2VuIn0:1abc:xyz",
            "",
        ]
    ),
)
ARGUMENTS = st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=6)


@pytest.fixture
def a_record(publish):
    return publish("Notes de cours : limites")


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(arguments=ARGUMENTS, method=st.sampled_from(["get", "post"]))
def test_any_arguments_get_a_valid_oai_pmh_answer(a_record, arguments, method):
    data: dict[str, list[str]] = {}
    for name, value in arguments:
        data.setdefault(name, []).append(value)

    response = getattr(Client(), method)("/oai", data)

    assert response.status_code == 200, response.content[:300]
    assert error_code(validated(response.content)) in CODES
