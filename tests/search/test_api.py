"""/api/v1/search and /api/v1/search/suggest, and the search page: shape, languages, bad input."""

import re
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.params import MAX_RESULT_WINDOW

pytestmark = pytest.mark.usefixtures("search_backend")


def test_the_api_answers_results_and_facets_as_urls_md_says(client, known_catalogue):
    answer = client.get("/api/v1/search?q=calcul+differentiel&discipline=201&page_size=5")

    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/json"
    data = answer.json()
    assert data["count"] == 1
    assert data["page"] == 1
    assert data["page_size"] == 5
    [result] = data["results"]
    calcul = known_catalogue["calcul"]
    assert result["id"] == calcul.pk
    assert result["url"] == f"/fr/ressources/{calcul.slug}/"
    assert result["title"] == "Calcul différentiel : exercices corrigés"
    assert result["price"] == 0
    assert result["licence"] == "CC-BY-NC-SA-4.0"
    assert result["disciplines"] == ["201"]
    assert result["language"] == "fr"
    assert result["rating"] is None
    assert result["downloads"] == 40
    assert result["courses"] == ["201-NYA-05"]
    assert result["authors"] == ["Léa Gagnon"]
    assert result["formats"] == ["PDF"]
    assert set(data["facets"]) == {
        "discipline",
        "cours",
        "niveau",
        "type",
        "licence",
        "langue",
        "prix",
        "dimension",
    }
    assert data["facets"]["discipline"] == [
        {"key": "201", "label": "Mathématiques", "count": 1, "selected": True},
    ]


def test_the_api_speaks_english_when_asked(client, known_catalogue):
    data = client.get("/api/v1/search?discipline=420&lang=en").json()

    labels = {value["key"]: value["label"] for value in data["facets"]["discipline"]}
    assert labels["420"] == "Computer Science"
    assert {value["label"] for value in data["facets"]["prix"]} == {"Free"}
    assert all(result["url"].startswith("/en/") for result in data["results"])


def test_the_api_says_the_engines_own_time_when_the_engine_answered(
    client, known_catalogue, search_backend
):
    found = client.get("/api/v1/search?q=calcul")
    # Nothing found: the did-you-mean is checked by a second search, whose time counts too.
    misspelt = client.get("/api/v1/search?q=nathematiques")
    refused = client.get("/api/v1/search?page=0")

    assert found.json()["count"] == 2
    assert misspelt.json()["did_you_mean"] == "mathématiques"
    if search_backend == "opensearch":
        assert re.fullmatch(r"engine;dur=\d+", found["Server-Timing"])
        assert re.fullmatch(r"engine;dur=\d+", misspelt["Server-Timing"])
    else:  # the database answered: no engine entry
        assert "Server-Timing" not in found
        assert "Server-Timing" not in misspelt
    assert "Server-Timing" not in refused


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("page=1000000000", "Only the first 10"),
        ("page=0", "must be at least 1"),
        ("page=-3", "must be at least 1"),
        ("page=deux", "must be a whole number"),
        ("page_size=10000", "at most 100"),
        ("page_size=abc", "must be a whole number"),
        (f"page_size=100&page={MAX_RESULT_WINDOW // 100 + 1}", "Only the first 10"),
    ],
)
def test_the_api_refuses_pages_it_cannot_serve_with_a_message(
    client, known_catalogue, query, message
):
    answer = client.get(f"/api/v1/search?lang=en&{query}")

    assert answer.status_code == 400
    assert message in answer.json()["error"]


def test_the_api_answers_in_french_by_default(client, known_catalogue):
    answer = client.get("/api/v1/search?page_size=101")

    assert answer.status_code == 400
    assert answer.json()["error"] == "La taille de page est d’au plus 100."


@pytest.mark.parametrize(
    "query",
    [
        "q=" + "mathématiques " * 800,  # ≈ 12 kB
        "q=" + "%2A%3F%7E%22%28%3A%5C" * 50,
        "discipline=999&niveau=zzz&type=<b>&licence=GPL&langue=xx&prix=cher&dimension=13",
        "tri=hasard&page=1",
        "&".join(["discipline=201"] * 900),
        "&".join(f"discipline={n:03d}" for n in range(900)),
    ],
)
def test_hostile_input_gets_a_normal_answer_quickly(client, known_catalogue, query):
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        answer = client.get(f"/api/v1/search?{query}")
    elapsed = time.perf_counter() - started

    assert answer.status_code == 200
    assert answer.json()["count"] in (0, 4, 6)
    assert len(queries) <= 16
    # Not a timing test: a gross bound only, against a runaway query.
    assert elapsed < 5


def test_too_many_parameters_is_a_400_not_a_500(client, known_catalogue):
    # Past DATA_UPLOAD_MAX_NUMBER_FIELDS (10,000) Django refuses the request itself.
    answer = client.get("/api/v1/search?" + "&".join(f"x{n}=1" for n in range(12_000)))

    assert answer.status_code == 400


@pytest.mark.parametrize("page", ["1000000000", "2", "-1", "deux"])
def test_the_search_page_shows_the_nearest_page_for_a_bad_page_number(
    client, known_catalogue, page
):
    answer = client.get(f"/fr/recherche/?page={page}")

    html = answer.content.decode()
    assert answer.status_code == 200
    assert '<span aria-current="page">' not in html  # one page of 6: no pager
    assert html.count('class="card resource-card"') == 6


def test_suggest_answers_json(client, known_catalogue):
    data = client.get("/api/v1/search/suggest?q=Mathé").json()

    assert data["suggestions"][0] == {
        "text": "Mathématiques (201)",
        "kind": "discipline",
        "url": "/fr/disciplines/201/",
    }
    assert {s["text"] for s in data["suggestions"][1:]} == {"Mathématiques financières appliquées"}
    assert client.get("/api/v1/search/suggest?q=").json()["suggestions"] == []
    assert client.get("/api/v1/search/suggest?q=" + "x" * 5000).status_code == 200


def test_the_search_page_renders_highlights_and_chips(client, known_catalogue):
    answer = client.get("/fr/recherche/?q=calcul&discipline=201")

    assert answer.status_code == 200
    html = answer.content.decode()
    assert "<mark>Calcul</mark> différentiel" in html
    assert 'href="?q=calcul#resultats"' in html  # the chip removes its own filter


def test_the_number_of_queries_does_not_grow_with_the_results(client, known_catalogue):
    def count(url):
        client.get(url)  # warm the taxonomy and site caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count("/api/v1/search?page_size=1") == count("/api/v1/search?page_size=6")
    assert count("/fr/recherche/?q=mathematiques") == count("/fr/recherche/?q=python")
