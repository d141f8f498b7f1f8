"""The API as HTTP: the search's contract kept to the byte on django-ninja, CORS for reading from
any site (GET only, /api/ only), JSON errors with the right status, the OpenAPI schema and docs."""

import json

import pytest

from tests.search.conftest import known_catalogue, known_rows  # noqa: F401 — fixtures

ORIGIN = "https://pavillon.example"


@pytest.fixture
def database_search(settings):
    settings.APOP_SEARCH = {**settings.APOP_SEARCH, "ENGINE": "", "URL": ""}


@pytest.mark.usefixtures("database_search", "known_catalogue")
def test_the_search_answers_the_same_bytes_as_before(client):
    answer = client.get("/api/v1/search?discipline=201&page_size=1")
    text = answer.content.decode()

    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/json"
    # Django's JsonResponse wrote UTF-8 and ", " / ": " separators: so does the API now.
    assert '{"key": "201", "label": "Mathématiques", "count": 4, "selected": true}' in text
    assert text.startswith('{"count": 4, "page": 1, "page_size": 1, "num_pages": 4, "query": ""')
    assert list(json.loads(text)["results"][0]) == [
        "id", "url", "title", "summary", "price", "member_price", "currency", "licence",
        "disciplines", "courses", "levels", "types", "language", "authors", "formats",
        "page_count", "rating", "rating_count", "downloads", "validated", "published",
        "highlights",
    ]  # fmt: skip
    bad = client.get("/api/v1/search?page=0&lang=en")
    assert (bad.status_code, bad.content) == (
        400,
        '{"error": "The “page” parameter must be at least 1."}'.encode(),
    )
    suggest = client.get("/api/v1/search/suggest?q=Math")
    assert suggest["Cache-Control"] == "max-age=300, public"
    assert suggest.content.decode().startswith(
        '{"query": "Math", "suggestions": [{"text": "Mathématiques (201)", "kind": "discipline", '
        '"url": "/fr/disciplines/201/"}'
    )


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/api/v1/search?q=ma%00th", "math"),
        ("/api/v1/search/suggest?q=ma%00th%07", "math"),
    ],
)
@pytest.mark.usefixtures("known_catalogue")
def test_control_characters_in_a_query_are_dropped_not_a_server_error(client, url, query):
    # PostgreSQL refuses NUL in any text: the query is cleaned before it gets anywhere.
    answer = client.get(url)

    assert answer.status_code == 200
    assert answer.json()["query"] == query


@pytest.mark.parametrize(
    "url", ["/api/v1/disciplines", "/api/v1/search?q=x", "/api/v1/nothing", "/api/v1/openapi.json"]
)
def test_any_site_may_read_the_api(client, db, url):
    answer = client.get(url, headers={"Origin": ORIGIN})

    assert answer["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in answer


def test_head_is_answered_as_get(client, db):
    answer = client.head("/api/v1/disciplines", headers={"Origin": ORIGIN})

    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/json"
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert answer.content == b""


def test_a_preflight_allows_reading_only(client, db):
    answer = client.options(
        "/api/v1/disciplines",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"},
    )

    assert answer.status_code == 200
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert answer["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("url", ["/fr/", "/fr/recherche/", "/telechargement/1/", "/healthz"])
def test_nothing_but_the_api_is_shared_with_other_sites(client, db, url):
    answer = client.get(url, headers={"Origin": ORIGIN})
    preflight = client.options(
        url, headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"}
    )

    assert "Access-Control-Allow-Origin" not in answer
    assert "Access-Control-Allow-Origin" not in preflight


@pytest.mark.parametrize(
    ("method", "url", "status", "detail"),
    [
        (
            "get",
            "/api/v1/nothing",
            404,
            "Nothing here: see /api/v1/docs for the endpoints of the API.",
        ),
        (
            "get",
            "/api/v2/search",
            404,
            "Nothing here: see /api/v1/docs for the endpoints of the API.",
        ),
        ("get", "/api/v1/", 404, "Nothing here: see /api/v1/docs for the endpoints of the API."),
        ("post", "/api/v1/disciplines", 405, "This endpoint answers GET requests only."),
        ("delete", "/api/v1/resources/1", 405, "This endpoint answers GET requests only."),
    ],
)
def test_errors_are_json_with_their_status(client, db, method, url, status, detail):
    answer = getattr(client, method)(url + "?lang=en")

    assert answer.status_code == status
    assert answer["Content-Type"] == "application/json"
    assert answer.json() == {"detail": detail}


def test_an_error_is_in_the_language_of_the_request(client, db):
    french = client.get("/api/v1/nothing")
    english = client.get("/api/v1/nothing", headers={"Accept-Language": "en-CA,en;q=0.8"})

    assert french.json() == {
        "detail": "Rien ici\u00a0: les points d’accès de l’API sont décrits à /api/v1/docs."
    }
    assert english.json() == {
        "detail": "Nothing here: see /api/v1/docs for the endpoints of the API."
    }


@pytest.mark.parametrize(
    ("url", "location"),
    [
        ("/api/v1/resources/abc", ["path", "resource_id"]),
        ("/api/v1/resources/0", ["path", "resource_id"]),
        ("/api/v1/resources/99999999999999999999", ["path", "resource_id"]),
        ("/api/v1/disciplines?lang=de", ["query", "lang"]),
    ],
)
def test_bad_parameters_are_a_json_422(client, db, url, location):
    answer = client.get(url)

    assert answer.status_code == 422
    assert answer["Content-Type"] == "application/json"
    [error] = answer.json()["detail"]
    assert error["loc"] == location


def test_the_openapi_schema_describes_every_endpoint(client, db):
    schema = client.get("/api/v1/openapi.json").json()

    assert schema["openapi"].startswith("3.")
    assert sorted(schema["paths"]) == [
        "/api/v1/collections/{slug}",
        "/api/v1/disciplines",
        "/api/v1/resources/{resource_id}",
        "/api/v1/search",
        "/api/v1/search/suggest",
    ]
    search = schema["paths"]["/api/v1/search"]["get"]
    assert [p["name"] for p in search["parameters"]] == [
        "q", "discipline", "cours", "niveau", "type", "licence", "langue", "prix", "dimension", "tri",
        "page", "page_size", "lang",
    ]  # fmt: skip
    assert sorted(search["responses"]) == ["200", "400"]
    resource = schema["paths"]["/api/v1/resources/{resource_id}"]["get"]
    assert sorted(resource["responses"]) == ["200", "404", "422"]
    files = schema["components"]["schemas"]["File"]["properties"]
    assert sorted(files) == ["content_type", "name", "size"]


def test_the_docs_page_serves_its_scripts_itself(client, db):
    answer = client.get("/api/v1/docs")
    html = answer.content.decode()

    assert answer.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn." not in html
    assert "/api/v1/openapi.json" in html
