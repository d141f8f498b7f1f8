"""The search contract: the same tests on the database implementation and on the real
OpenSearch node (the `search_backend` fixture runs each test on both)."""

import pytest
from django.http import QueryDict

from search import service
from search.params import parse_params
from tests.search.helpers import ids

pytestmark = pytest.mark.usefixtures("search_backend")


def run(query: str = ""):
    return service.search(parse_params(QueryDict(query)))


def test_the_teacher_finds_calcul_differentiel_typed_without_accents_in_discipline_201(
    known_catalogue,
):
    result = run("q=calcul+differentiel&discipline=201")

    assert ids(result) == [known_catalogue["calcul"].pk]
    assert result.count == 1
    assert result.degraded is False
    assert "<mark>" in result.hits[0].highlights["title"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Discipline names are searchable: all of 201's resources.
        ("mathematiques", {"calcul", "finance", "integral", "formative"}),
        ("MATHÉMATIQUES financieres", {"finance"}),
        ("exercices", {"calcul", "python"}),
        ("exercice", {"calcul", "python"}),
        ("évaluation formative", {"formative"}),
        ("evaluation formative", {"formative"}),
        ("python", {"python", "english"}),
        ("derivees", {"calcul"}),
    ],
)
def test_words_match_whatever_their_accents_case_or_plural(known_catalogue, query, expected):
    result = run(f"q={query}")

    assert set(ids(result)) == {known_catalogue[key].pk for key in expected}
    assert result.count == len(expected)


def test_a_draft_is_never_found(known_catalogue):
    result = run("q=brouillon")

    assert result.count == 0
    assert ids(result) == []


def test_an_empty_query_lists_every_published_resource_newest_first_with_facets(
    known_catalogue,
):
    result = run("")

    assert result.count == 6
    assert result.params.sort == "recent"
    published = [
        known_catalogue[key]
        for key in ("calcul", "finance", "integral", "python", "formative", "english")
    ]
    newest_first = sorted(published, key=lambda page: (page.first_published_at, page.pk))[::-1]
    assert ids(result) == [page.pk for page in newest_first]
    disciplines = {value.key: value.count for value in result.facets["discipline"]}
    assert disciplines == {"201": 4, "420": 3}
    assert {value.key: value.count for value in result.facets["prix"]} == {
        "gratuit": 4,
        "payant": 2,
    }
    assert {value.key: value.count for value in result.facets["langue"]} == {"fr": 5, "en": 1}


def test_each_facet_count_equals_the_hits_of_that_value(known_catalogue):
    base = run("")

    for name, values in base.facets.items():
        for value in values:
            narrowed = run(f"{name}={value.key}")
            assert narrowed.count == value.count, (name, value.key)


def test_a_facet_ignores_its_own_filter_but_applies_the_others(known_catalogue):
    result = run("discipline=201&prix=gratuit")

    assert set(ids(result)) == {known_catalogue["calcul"].pk, known_catalogue["formative"].pk}
    # Discipline counts: free resources of every discipline (its own filter left out).
    assert {v.key: v.count for v in result.facets["discipline"]} == {"201": 2, "420": 3}
    # Price counts: resources of 201, free or paid.
    assert {v.key: v.count for v in result.facets["prix"]} == {"gratuit": 2, "payant": 2}
    selected = {v.key for v in result.facets["discipline"] if v.selected}
    assert selected == {"201"}


def test_values_of_one_facet_widen_and_facets_together_narrow(known_catalogue):
    widened = run("licence=CC-BY-4.0&licence=CC-BY-SA-4.0")
    narrowed = run("licence=CC-BY-4.0&langue=fr&discipline=420")

    assert set(ids(widened)) == {
        known_catalogue[key].pk for key in ("integral", "python", "english", "formative")
    }
    assert ids(narrowed) == [known_catalogue["python"].pk]


def test_a_selected_value_without_hits_stays_listed_at_zero(known_catalogue):
    result = run("q=python&discipline=201")

    assert result.count == 0
    assert [(v.key, v.count, v.selected) for v in result.facets["discipline"]] == [
        ("420", 2, False),
        ("201", 0, True),
    ]


def test_unknown_facet_values_are_ignored(known_catalogue):
    result = run("discipline=999&discipline=<script>&prix=cher&langue=de")

    assert result.params.filters == {}
    assert result.count == 6


def test_sort_by_popularity_puts_the_most_downloaded_first(known_catalogue):
    result = run("tri=populaire")

    order = ["python", "english", "calcul", "integral", "finance", "formative"]
    assert ids(result) == [known_catalogue[key].pk for key in order]


def test_sort_by_price_puts_free_first_then_cheapest(known_catalogue):
    result = run("tri=prix")

    prices = [hit.document["price_cents"] for hit in result.hits]
    assert prices == [0, 0, 0, 0, 800, 1500]


def test_relevance_ranks_title_matches_before_summary_matches(known_catalogue):
    result = run("q=exercices")

    # « exercices » is in one title; the other resource has « exercice » in its summary only,
    # and it was published later (it would come first by date).
    assert ids(result) == [known_catalogue["calcul"].pk, known_catalogue["python"].pk]


def test_pages_split_the_results_without_overlap(known_catalogue):
    first = service.search(parse_params(QueryDict("page_size=4"), allow_page_size=True))
    second = service.search(parse_params(QueryDict("page_size=4&page=2"), allow_page_size=True))
    beyond = service.search(parse_params(QueryDict("page_size=4&page=3"), allow_page_size=True))

    assert len(first.hits) == 4
    assert len(second.hits) == 2
    assert not set(ids(first)) & set(ids(second))
    assert first.count == second.count == beyond.count == 6
    assert beyond.hits == []
    assert first.num_pages == 2


def test_a_misspelled_first_letter_gets_a_did_you_mean(known_catalogue):
    result = run("q=nathematiques")

    assert result.count == 0
    assert result.did_you_mean == "mathématiques"  # as the titles write it
    assert run("q=mathematiques").count == 4


@pytest.mark.parametrize(
    ("query", "count"),
    [('*?~"(:\\', 6), ("calcul AND (", 2), ('"calcul', 2), ("calcul~2 OR python*", 0)],
)
def test_query_syntax_characters_are_plain_text(known_catalogue, query, count):
    params = parse_params(QueryDict(mutable=True) | {"q": query})
    result = service.search(params)

    assert result.degraded is False
    assert result.count == count


def test_suggestions_offer_titles_by_the_start_of_any_word(known_catalogue):
    suggestions = service.suggest("calc")

    assert {(s.kind, s.text, s.url) for s in suggestions} == {
        (
            "resource",
            "Calcul différentiel : exercices corrigés",
            f"/fr/ressources/{known_catalogue['calcul'].slug}/",
        ),
        (
            "resource",
            "Examen de calcul intégral",
            f"/fr/ressources/{known_catalogue['integral'].slug}/",
        ),
    }
    assert service.suggest("c") == []


def test_suggestions_name_the_discipline_with_its_code(known_catalogue):
    suggestions = service.suggest("informat")

    assert [(s.kind, s.text, s.url) for s in suggestions][0] == (
        "discipline",
        "Informatique (420)",
        "/fr/disciplines/420/",
    )
