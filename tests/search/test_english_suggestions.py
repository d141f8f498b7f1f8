"""The engine's suggestions name a collection by its English title for English visitors."""

import pytest
from django.utils import translation

from search import indexing, service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("opensearch")]


@pytest.fixture
def calcul(make_resource, make_collection):
    limites = make_resource("Notes de cours : limites", slug="limites")
    return make_collection(
        "Calcul différentiel libre",
        [(limites, "")],
        slug="calcul-libre",
        title_en="Open differential calculus",
    )


def test_an_english_visitor_is_suggested_the_english_title_and_path(calcul, english):
    indexing.rebuild()

    suggestions = service.suggest("open diff")

    assert [(s.kind, s.text, s.url) for s in suggestions] == [
        ("collection", "Open differential calculus", "/en/collections/calcul-libre/")
    ]


def test_a_french_visitor_is_suggested_the_french_title(calcul):
    indexing.rebuild()

    with translation.override("fr"):
        suggestions = service.suggest("calcul diff")

    assert [(s.kind, s.text, s.url) for s in suggestions] == [
        ("collection", "Calcul différentiel libre", "/fr/collections/calcul-libre/")
    ]
