"""The 503 page (home.views.server_error): an outage of the database or of the file storage is
« try again in a few minutes » in the visitor's language, without the database and without a
traceback; any other error stays the 500 page. (tests/faults/ stops the real services.)"""

import pytest

pytestmark = pytest.mark.urls("tests.home.error_urls")


@pytest.mark.parametrize(
    ("path", "lang", "heading", "text"),
    [
        (
            "/fr/base-de-donnees/",
            "fr-CA",
            "Temporairement indisponible",
            "Le site ne peut pas joindre sa base de données pour le moment.",
        ),
        (
            "/en/base-de-donnees/",
            "en-CA",
            "Temporarily unavailable",
            "The site cannot reach its database at the moment.",
        ),
        (
            "/fr/stockage/",
            "fr-CA",
            "Temporairement indisponible",
            "Notre stockage de fichiers ne répond pas pour le moment",
        ),
        (
            "/en/stockage/",
            "en-CA",
            "Temporarily unavailable",
            "Our file storage does not answer at the moment",
        ),
    ],
)
def test_an_outage_is_a_503_page_in_the_visitor_s_language(client, path, lang, heading, text):
    client.raise_request_exception = False

    response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert response["Cache-Control"] == "no-store"
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert text in html
    assert "OperationalError" not in html
    assert "EndpointConnectionError" not in html


@pytest.mark.parametrize(
    ("accept_language", "lang"), [("en-CA,en;q=0.9", "en-CA"), ("fr-CA", "fr-CA"), ("", "fr-CA")]
)
def test_outside_the_language_prefixes_the_browser_s_language_decides(
    client, accept_language, lang
):
    client.raise_request_exception = False

    response = client.post("/webhook-sans-base/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 503
    assert f'<html lang="{lang}">' in response.content.decode()


def test_any_other_error_is_still_the_500_page(client):
    client.raise_request_exception = False

    response = client.get("/en/boom/")

    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.content.decode()
    assert "Retry-After" not in response
