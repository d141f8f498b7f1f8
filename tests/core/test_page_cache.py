"""The page cache's mechanism (core/page_cache.py) on small pages of its own: who is served a
stored copy, what is never stored, and the per-visitor values put in at every answer."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from core import page_cache

from . import page_cache_urls

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.page_cache_urls")]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NONCE = re.compile(r'<script nonce="([^"]+)">')


@pytest.fixture(autouse=True)
def _renders():
    page_cache_urls.COUNTER["renders"] = 0


def _csp_nonce(response) -> str:
    return re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])[1]


def test_a_second_anonymous_visitor_gets_the_stored_copy_without_the_view(
    django_assert_num_queries,
):
    first = Client().get("/page/")
    with django_assert_num_queries(0):
        second = Client().get("/page/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert page_cache_urls.COUNTER["renders"] == 1
    assert "Count 1" in second.content.decode()
    assert second.status_code == 200
    assert "Cookie" in second["Vary"]
    assert second["X-Frame-Options"] == "DENY"  # the middleware above still treat it


def test_each_answer_carries_its_own_visitor_s_token_and_the_nonce_of_its_header():
    answers = [Client().get("/page/") for _ in range(2)]

    tokens = [TOKEN.search(a.content.decode())[1] for a in answers]
    nonces = [NONCE.search(a.content.decode())[1] for a in answers]
    for answer, token, nonce in zip(answers, tokens, nonces, strict=True):
        assert nonce == _csp_nonce(answer)
        assert token != page_cache.PLACEHOLDERS.csrf
        assert answer.cookies["csrftoken"].value  # get_token set the visitor's cookie
        assert page_cache.PLACEHOLDERS.csrf not in answer.content.decode()
        assert page_cache.PLACEHOLDERS.nonce not in answer.content.decode()
        assert page_cache.PLACEHOLDERS.nonce not in answer["Content-Security-Policy"]
    assert tokens[0] != tokens[1]
    assert nonces[0] != nonces[1]
    assert [a["X-Page-Cache"] for a in answers] == ["miss", "hit"]


def test_a_form_taken_from_a_cached_copy_posts_with_the_second_visitor_s_cookie():
    Client().get("/page/")  # stored
    visitor = Client(enforce_csrf_checks=True)
    cached = visitor.get("/page/")
    token = TOKEN.search(cached.content.decode())[1]

    posted = visitor.post("/poster/", {"csrfmiddlewaretoken": token})

    assert cached["X-Page-Cache"] == "hit"
    assert posted.status_code == 200
    assert posted.content == b"posted"


def test_a_visitor_who_already_has_a_csrf_cookie_keeps_it_and_is_served_the_copy():
    Client().get("/page/")
    visitor = Client(enforce_csrf_checks=True)
    visitor.get("/plain/")  # sets the cookie
    secret = visitor.cookies["csrftoken"].value

    cached = visitor.get("/page/")
    posted = visitor.post(
        "/poster/", {"csrfmiddlewaretoken": TOKEN.search(cached.content.decode())[1]}
    )

    assert cached["X-Page-Cache"] == "hit"
    assert visitor.cookies["csrftoken"].value == secret
    assert posted.status_code == 200


def test_a_page_that_does_not_opt_in_gets_real_values_and_is_never_stored():
    answers = [Client().get("/plain/") for _ in range(2)]

    for answer in answers:
        html = answer.content.decode()
        assert "X-Page-Cache" not in answer
        assert TOKEN.search(html)[1] != page_cache.PLACEHOLDERS.csrf
        assert NONCE.search(html)[1] == _csp_nonce(answer)


def test_a_signed_in_visitor_a_session_or_a_message_cookie_bypasses_the_cache(make_member):
    Client().get("/page/")
    member = Client()
    member.force_login(make_member("Sophie Gagnon"))
    with_session = Client()
    with_session.get("/session/")
    with_message = Client()
    with_message.cookies["messages"] = "something"
    with_other_cookie = Client()
    with_other_cookie.cookies["tracking"] = "1"

    answers = [c.get("/page/") for c in (member, with_session, with_message, with_other_cookie)]

    assert [a["X-Page-Cache"] for a in answers] == ["bypass"] * 4
    assert page_cache_urls.COUNTER["renders"] == 5


def test_a_query_string_is_not_served_from_the_cache_but_a_head_is():
    Client().get("/page/")
    client = Client()

    with_query = client.get("/page/?utm_source=lettre")
    head = client.head("/page/")

    assert with_query["X-Page-Cache"] == "bypass"
    assert head["X-Page-Cache"] == "hit"
    assert page_cache_urls.COUNTER["renders"] == 2


@pytest.mark.parametrize("path", ["/cookie/", "/session/", "/message/", "/private/", "/missing/"])
def test_an_answer_that_sets_a_cookie_or_is_not_a_public_200_is_never_stored(path):
    answers = [Client().get(path) for _ in range(2)]

    assert [a["X-Page-Cache"] for a in answers] == ["bypass", "bypass"]


def test_forget_all_and_a_registered_version_forget_every_page():
    page_cache.depend_on("test:version")
    try:
        Client().get("/page/")
        page_cache.forget_all()
        after_forget = Client().get("/page/")
        cache.incr("test:version")
        after_version = Client().get("/page/")
        again = Client().get("/page/")
    finally:
        page_cache._version_keys.remove("test:version")

    assert after_forget["X-Page-Cache"] == "miss"
    assert after_version["X-Page-Cache"] == "miss"
    assert again["X-Page-Cache"] == "hit"
    assert "Count 3" in again.content.decode()


def test_a_lost_version_starts_again_from_a_value_never_used():
    Client().get("/page/")
    cache.delete(page_cache.GENERATION_KEY)  # evicted

    assert Client().get("/page/")["X-Page-Cache"] == "miss"


def test_languages_are_stored_apart():
    french = Client().get("/page/", headers={"accept-language": "fr"})
    english = Client().get("/page/", headers={"accept-language": "en"})

    assert [french["X-Page-Cache"], english["X-Page-Cache"]] == ["miss", "miss"]


def test_zero_seconds_turns_it_off(settings):
    settings.PAGE_CACHE_SECONDS = 0

    answers = [Client().get("/page/") for _ in range(2)]

    assert [a["X-Page-Cache"] for a in answers] == ["bypass", "bypass"]
    assert NONCE.search(answers[1].content.decode())[1] == _csp_nonce(answers[1])


def test_a_cache_shared_between_processes_serves_the_copy(settings, tmp_path):
    """Production shares Redis between workers: what is stored must survive pickling and come
    back to another process; a file cache stands for it here."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }

    first = Client().get("/page/")
    second = Client(enforce_csrf_checks=True).get("/page/")

    assert [first["X-Page-Cache"], second["X-Page-Cache"]] == ["miss", "hit"]
    assert list((tmp_path / "cache").iterdir())
    assert NONCE.search(second.content.decode())[1] == _csp_nonce(second)


def test_a_deploy_of_other_templates_never_serves_the_previous_version_s_pages(settings, tmp_path):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    (tmp_path / "page.html").write_text("v1")
    page_cache.code_fingerprint.cache_clear()
    try:
        Client().get("/page/")
        same = Client().get("/page/")
        (tmp_path / "page.html").write_text("v2")
        page_cache.code_fingerprint.cache_clear()
        deployed = Client().get("/page/")
    finally:
        page_cache.code_fingerprint.cache_clear()

    assert same["X-Page-Cache"] == "hit"
    assert deployed["X-Page-Cache"] == "miss"
