"""Schemathesis against the API's own OpenAPI schema (/api/v1/openapi.json), in process through
the WSGI application, on the small catalogue of conftest.py: generated requests to every
endpoint get no server error, and every answer matches the schema (status code, content type,
body). A bounded number of examples per endpoint keeps it under a minute."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.endpoints import api

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
EXAMPLES = 30


# The schema /api/v1/openapi.json serves (tests/api/test_http.py fetches that one), loaded at
# collection: schemathesis' fixture-based loader does not run under pytest 9. Requests go to the
# WSGI application in process.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()


@pytest.fixture
def in_test_transaction(rows):
    """As Django's test client does: requests must not close the database connection, which
    would end the test's transaction (and its catalogue)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield rows
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_to_its_schema(case, in_test_transaction):
    case.call_and_validate(checks=CHECKS)


def test_the_answers_with_content_keep_to_the_schema(in_test_transaction):
    """Generated ids mostly name nothing (404): the known ones, in both languages, too."""
    rows = in_test_transaction
    resource = schema["/api/v1/resources/{resource_id}"]["GET"]
    collection = schema["/api/v1/collections/{slug}"]["GET"]
    disciplines = schema["/api/v1/disciplines"]["GET"]
    for lang in ("fr", "en"):
        for key in ("calcul", "adapted", "paid"):
            case = resource.Case(path_parameters={"resource_id": rows[key]}, query={"lang": lang})
            assert case.call_and_validate(checks=CHECKS).status_code == 200
        case = collection.Case(
            path_parameters={"slug": "calcul-au-collegial"}, query={"lang": lang}
        )
        assert case.call_and_validate(checks=CHECKS).status_code == 200
        case = disciplines.Case(query={"lang": lang})
        assert case.call_and_validate(checks=CHECKS).status_code == 200
