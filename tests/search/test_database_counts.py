"""The database search's answers against a plain oracle: every published resource's document
and folded text, filtered in Python by the product's rules (each word a substring of the folded
text, facets combined, a facet counted without its own filter). The grouped facet counts, the
count read from them and the trigram indexes (PostgreSQL) must change how fast, never what."""

import pytest
from django.db import connection
from django.http import QueryDict

from resources.models import ResourceIndexPage
from search import database
from search.facets import facet_values
from search.models import SearchEntry
from search.params import FACETS, parse_params
from search.sources import published_resources, resource_documents
from search.text import query_words, singular
from tests.factories import build_resource

QUERIES = [
    "",
    "q=calcul",
    "q=exercices",
    "q=python&langue=en",
    "discipline=201",
    "discipline=201&prix=gratuit",
    "discipline=201&discipline=420&licence=CC-BY-4.0&langue=fr",
    "licence=CC-BY-4.0&prix=gratuit&langue=fr",
    "q=mathematiques&prix=payant&tri=prix",
    "q=introuvable",
    "niveau=collegial_preuniversitaire&type=exercices",
]


@pytest.fixture
def database_search(settings, known_catalogue):
    settings.APOP_SEARCH = {**settings.APOP_SEARCH, "ENGINE": "", "URL": ""}
    return known_catalogue


def _values(document: dict, facet: str) -> list[str]:
    value = document[FACETS[facet].field]
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def _oracle(params):
    """(ids of the matches, newest first; {facet: {key: count}}) computed in Python."""
    ids = list(published_resources().values_list("pk", flat=True))
    documents = resource_documents(ids)
    texts = dict(SearchEntry.objects.values_list("page_id", "text"))
    words = [singular(word) for word in query_words(params.q)]

    def matches(document, except_facet=None) -> bool:
        if any(word not in texts[document["id"]] for word in words):
            return False
        return all(
            set(_values(document, name)) & set(values)
            for name, values in params.filters.items()
            if name != except_facet
        )

    found = [document for document in documents if matches(document)]
    found.sort(key=lambda document: (document["published"], document["id"]), reverse=True)
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for name in FACETS:
        for document in documents:
            if matches(document, except_facet=name):
                for key in _values(document, name):
                    counts[name][key] = counts[name].get(key, 0) + 1
    return [document["id"] for document in found], counts


@pytest.mark.parametrize("query", QUERIES)
def test_the_database_search_counts_what_the_oracle_counts(database_search, query):
    params = parse_params(QueryDict(f"{query}&page_size=100"), allow_page_size=True)
    expected_ids, expected_counts = _oracle(params)

    result = database.run_search(params)

    assert result.count == len(expected_ids)
    assert result.facets == facet_values(params, expected_counts)
    if params.sort == "recent":
        assert [hit.id for hit in result.hits] == expected_ids
    else:
        assert {hit.id for hit in result.hits} == set(expected_ids)


def test_a_query_with_every_column_facet_selected_still_counts_each(database_search):
    params = parse_params(QueryDict("licence=CC-BY-4.0&langue=fr&prix=gratuit"))
    expected_ids, expected_counts = _oracle(params)

    result = database.run_search(params)

    assert result.count == len(expected_ids) == 1
    assert result.facets == facet_values(params, expected_counts)


@pytest.mark.postgres
@pytest.mark.parametrize("column", ["text", "title"])
def test_postgresql_can_answer_a_substring_from_the_trigram_index(database_search, column):
    with connection.cursor() as cursor:
        # The test's catalogue is tiny: a sequential scan would win, and hide the index.
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = SearchEntry.objects.filter(**{f"{column}__contains": "calcul"}).explain()

    assert f"apop_search_searchentry_{column}_trgm" in plan


def test_cached_counts_of_a_search_without_words_follow_a_publication(
    database_search, django_capture_on_commit_callbacks
):
    params = parse_params(QueryDict("discipline=420"))
    before = database.run_search(params)
    catalogue = ResourceIndexPage.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        build_resource(catalogue, "Algorithmes en pratique", disciplines=("420",))
    after = database.run_search(params)

    assert (before.count, after.count) == (3, 4)
    assert _facet(after, "discipline", "420") == 4
    assert after.facets == facet_values(params, _oracle(params)[1])


def _facet(result, name: str, key: str) -> int:
    return next(value.count for value in result.facets[name] if value.key == key)
