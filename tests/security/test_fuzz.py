"""Hypothesis throws arbitrary parameters at the public search API and the search page (the
database implementation, as `make run` uses): whatever arrives — unknown names, repeated values,
control characters, huge numbers, lone surrogates — the answer is a 200 with results or a 400
with a message, never a server error, and the JSON always has its documented shape."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

NAMES = [
    "q",
    "discipline",
    "niveau",
    "type",
    "licence",
    "langue",
    "prix",
    "dimension",
    "tri",
    "page",
    "par_page",
    "limit",
    "x",
]
TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "1e9",
            "99999999999999999999",
            "pertinence",
            "recent",
            "201",
            "CC-BY-4.0",
            "gratuit",
            "%00",
            "' OR 1=1 --",
            "<script>",
            "*",
            "\\",
            "~",
            "\x00",
        ]
    ),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
)
PARAMS = st.lists(st.tuples(st.sampled_from(NAMES), TEXT), max_size=8)

FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _query(pairs):
    # Django's test client takes a dict of lists for repeated names.
    data: dict[str, list[str]] = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value.replace("\x00", ""))
    return data


@FUZZ
@given(pairs=PARAMS)
def test_the_search_api_never_fails(catalogue_with_a_resource, pairs):
    response = Client().get("/api/v1/search", _query(pairs))

    assert response.status_code in (200, 400), response.content[:300]
    body = response.json()
    if response.status_code == 200:
        assert {"count", "results", "facets"} <= set(body)
        assert isinstance(body["results"], list)
    else:
        assert isinstance(body.get("error") or body.get("detail"), str)


@FUZZ
@given(pairs=PARAMS)
def test_the_suggestions_never_fail(catalogue_with_a_resource, pairs):
    response = Client().get("/api/v1/search/suggest", _query(pairs))

    assert response.status_code in (200, 400)
    assert isinstance(response.json(), dict)


@FUZZ
@given(pairs=PARAMS)
def test_the_search_page_never_fails(catalogue_with_a_resource, pairs):
    response = Client().get("/fr/recherche/", _query(pairs))

    assert response.status_code in (200, 400)


@pytest.fixture
def catalogue_with_a_resource(make_resource):
    return make_resource("Notes de cours : limites")
