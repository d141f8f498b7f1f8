"""Courses in the search contract, on both implementations (`search_backend`): a course number
finds its resources however teachers type it, the courses facet counts them, and a did-you-mean
is offered only when it finds something."""

from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.utils import translation

from search import service
from search.params import parse_params
from search.presentation import cards_for, page_context
from search.text import compact_course_numbers
from tests.search.helpers import ids

pytestmark = pytest.mark.usefixtures("search_backend")


def run(query: str = ""):
    return service.search(parse_params(QueryDict(query)))


def run_q(q: str):
    return service.search(parse_params(QueryDict(mutable=True) | {"q": q}))


@pytest.mark.parametrize(
    "typed", ["201-NYA-05", "201NYA05", "201 nya 05", "201-nya-05", "201nya05", " 201 - NYA - 05 "]
)
def test_a_course_number_finds_its_resources_with_or_without_hyphens(known_catalogue, typed):
    result = run_q(typed)

    assert ids(result) == [known_catalogue["calcul"].pk]
    assert result.count == 1
    assert result.degraded is False


def test_another_course_of_the_same_series_is_not_mixed_up(known_catalogue):
    assert ids(run_q("201-NYB-05")) == [known_catalogue["integral"].pk]
    assert ids(run_q("202-NYA-05")) == []
    assert run_q("202NYA05").count == 0


def test_a_course_number_and_a_word_narrow_together(known_catalogue):
    assert ids(run_q("201NYA05 exercices")) == [known_catalogue["calcul"].pk]
    assert run_q("201NYA05 python").count == 0


def test_the_courses_facet_counts_resources_by_number_with_titles(known_catalogue):
    result = run("")

    assert [(v.key, v.label, v.count, v.selected) for v in result.facets["cours"]] == [
        ("201-NYA-05", "Calcul différentiel", 1, False),
        ("201-NYB-05", "Calcul intégral", 1, False),
    ]
    with translation.override("en"):
        english = run("")
    assert [v.label for v in english.facets["cours"]] == [
        "Differential Calculus",
        "Integral Calculus",
    ]


@pytest.mark.parametrize("value", ["201-NYA-05", "201nya05", "201 NYA 05"])
def test_the_courses_filter_takes_a_number_as_typed(known_catalogue, value):
    result = service.search(parse_params(QueryDict(urlencode({"cours": value}))))

    assert result.params.filters == {"cours": ("201-NYA-05",)}
    assert ids(result) == [known_catalogue["calcul"].pk]
    # Its own facet ignores it; the discipline facet applies it.
    assert {v.key: v.count for v in result.facets["cours"]} == {"201-NYA-05": 1, "201-NYB-05": 1}
    assert {v.key: v.count for v in result.facets["discipline"]} == {"201": 1}


def test_an_unknown_course_is_ignored(known_catalogue):
    result = run("cours=999-XXX-99&cours=pas-un-cours")

    assert result.params.filters == {}
    assert result.count == 6


def test_a_course_chip_shows_its_number_and_title(known_catalogue):
    context = page_context(run("cours=201-NYA-05"))

    assert [chip.label for chip in context["chips"]] == ["201-NYA-05 Calcul différentiel"]


def test_cards_show_discipline_names_authors_formats_and_courses(known_catalogue):
    [card] = cards_for(run("cours=201-NYA-05"))

    assert [term.name for term in card.disciplines] == ["Mathématiques"]
    assert [term.code for term in card.courses] == ["201-NYA-05"]
    assert card.authors == ["Léa Gagnon"]
    assert card.formats == ["PDF"]
    assert card.page_count == 0  # the factory's file is not a readable PDF


def test_a_did_you_mean_that_finds_nothing_is_not_offered(known_catalogue):
    # « mathématiques python » matches nothing: correcting the first word is no help.
    result = run_q("nathematiques python")

    assert result.count == 0
    assert result.did_you_mean is None


def test_a_did_you_mean_that_finds_something_is_offered_with_the_same_filters(known_catalogue):
    kept = run("q=nathematiques&prix=payant")
    dropped = run("q=nathematiques&langue=en")

    assert kept.count == 0
    assert kept.did_you_mean == "mathématiques"
    assert run("q=mathématiques&prix=payant").count == 2
    assert dropped.count == 0
    assert dropped.did_you_mean is None  # no English resource in mathematics


def test_a_misspelled_discipline_name_gets_a_did_you_mean(known_catalogue):
    # « Informatique » is in no title: the discipline's name is the word to suggest.
    result = run_q("infromatique")

    assert result.count == 0
    assert result.did_you_mean == "informatique"
    assert run_q("informatique").count == 3


def test_no_did_you_mean_when_the_search_found_something(known_catalogue):
    assert run_q("mathematiques").did_you_mean is None


def test_course_numbers_are_compacted_only_where_they_look_like_one():
    assert compact_course_numbers("202-NYA-05") == "202NYA05"
    assert compact_course_numbers("cours 202 nya 05 chimie") == "cours 202NYA05 chimie"
    assert compact_course_numbers("601-101-MQ et 420-W57-SF") == "601101MQ et 420W57SF"
    assert compact_course_numbers("601-101-12") == "60110112"  # hyphens say it is a number
    assert compact_course_numbers("page 123 456 78") == "page 123 456 78"  # three numbers
    assert compact_course_numbers("1202-NYA-05") == "1202-NYA-05"
