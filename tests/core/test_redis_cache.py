"""The product on a real Redis cache, as production runs it (CACHE_URL=redis://…, Django's
RedisCache): what one gunicorn worker writes in the cache, another one reads. Each "worker" here
is a cache client of its own, with its own connection pool (as two processes or two machines
have), used in turn as the product's `cache`: the download limit, the log-in lockout, the search
engine's breaker and the catalogue version (which renews every cached resource page) are shared,
and the cached page parts survive the trip through Redis (pickled, read back).

The Redis server is the one of scripts/services.sh (APOP_TEST_REDIS_URL); nothing is started
here. Without it the tests skip loudly, and fail with CI=true."""

import contextlib
import os
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache, caches

from files import throttle
from resources.detail import VERSION_KEY, bump_catalogue_version, catalogue_version
from search import service
from search.connection import SearchUnavailable
from tests.helpers import ON_CI

REDIS_URL = os.environ.get("APOP_TEST_REDIS_URL", "")
PAGE_URL = "/fr/ressources/partagee/"
NOW = 1_800_000_000 + 100  # 100 s into a download window (a multiple of 3600 plus 100)


@pytest.fixture
def redis_cache(settings):
    """The product's cache in Redis, under a key prefix of this test's own (removed after);
    the raw Redis client, to look at what was written."""
    import redis

    if not REDIS_URL:
        message = "Redis is not running (scripts/services.sh start redis)"
        if ON_CI:
            pytest.fail(message)
        pytest.skip(f"{message} — SKIPPED: run `make test` to test the product on Redis")
    prefix = f"test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    client = redis.Redis.from_url(REDIS_URL)
    yield client
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    client.close()


@pytest.fixture
def workers(redis_cache):
    """Two workers' cache clients (`with first:` makes the product use the first one)."""
    first, second = (caches.create_connection("default") for _ in range(2))
    assert first._cache is not second._cache  # separate clients, separate connection pools
    return Worker(first), Worker(second)


class Worker(contextlib.AbstractContextManager):
    """Within `with worker:`, `django.core.cache.cache` is this worker's client."""

    def __init__(self, client):
        self.client = client

    def __enter__(self):
        self.previous = caches["default"]
        caches._connections.default = self.client
        return self

    def __exit__(self, *exc):
        caches._connections.default = self.previous


def _download_request(rf):
    request = rf.get("/telechargement/1/", REMOTE_ADDR="203.0.113.7")
    request.user = AnonymousUser()
    return request


@pytest.mark.django_db
def test_the_download_limit_counts_every_workers_downloads(rf, settings, workers, monkeypatch):
    monkeypatch.setattr(throttle.time, "time", lambda: NOW)
    settings.DOWNLOADS_PER_HOUR_PER_IP = 3
    first, second = workers

    with first:
        answers = [throttle.consume_download(_download_request(rf)) for _ in range(2)]
    with second:
        answers.append(throttle.consume_download(_download_request(rf)))
        answers.append(throttle.consume_download(_download_request(rf)))
    with first:
        answers.append(throttle.consume_download(_download_request(rf)))

    # Three in the hour from this address whichever worker served them, then Retry-After.
    assert answers == [None, None, None, 3500, 3500]


@pytest.mark.django_db
def test_the_log_in_lockout_counts_every_workers_failures(rf, workers):
    from allauth.core import ratelimit

    first, second = workers
    request = rf.post("/fr/compte/connexion/", REMOTE_ADDR="203.0.113.7")
    request.user = AnonymousUser()

    def fail() -> bool:
        return ratelimit.consume(request, action="login_failed", key="luc@apop.example")

    with first:
        allowed = [fail() for _ in range(3)]
    with second:
        allowed += [fail() for _ in range(3)]

    assert allowed == [True] * 5 + [False]  # 5 failures per address in 5 minutes, in all


def test_an_engine_failure_seen_by_one_worker_spares_the_others_the_timeout(workers, redis_cache):
    first, second = workers
    with second:
        assert not service.engine_is_down()
    with first:
        service._engine_failed(SearchUnavailable("connection refused"))
    with second:
        assert service.engine_is_down()
        key = cache.make_key(service.BREAKER_KEY)

    assert 0 < redis_cache.ttl(key) <= service.BREAKER_SECONDS


@pytest.mark.django_db
def test_a_change_seen_by_one_worker_renews_the_resource_pages_of_all(
    client, workers, redis_cache, make_resource, django_capture_on_commit_callbacks
):
    first, second = workers
    with first:
        version = catalogue_version()
        with django_capture_on_commit_callbacks(execute=True):
            # A publication bumps the version once committed.
            page = make_resource(slug="partagee")
        version = catalogue_version()
        assert version > 1
    with second:
        assert catalogue_version() == version
        response = client.get(PAGE_URL)
        assert response.status_code == 200
        part = cache.make_key(f"resource-page:{page.pk}:{version}:fr")
        assert redis_cache.exists(part)  # the page's cached part, pickled into Redis
        second_page = client.get(PAGE_URL)  # read back from Redis
        bump_catalogue_version()
    with first:
        assert catalogue_version() == version + 1
        again = client.get(PAGE_URL)
        assert again.status_code == second_page.status_code == 200
        assert page.title in again.content.decode()
        assert page.title in second_page.content.decode()
        assert redis_cache.exists(cache.make_key(f"resource-page:{page.pk}:{version + 1}:fr"))
        # The version never expires: it must outlive every cached part that names it.
        assert redis_cache.ttl(cache.make_key(VERSION_KEY)) == -1


@pytest.mark.django_db
def test_the_home_page_caches_its_sections_in_redis(client, workers, redis_cache, make_resource):
    first, second = workers
    with first:
        page = make_resource()
        response = client.get("/fr/")
        key = cache.make_key(f"home-sections:{catalogue_version()}:fr")
    assert redis_cache.exists(key)  # written by the first worker
    with second:
        cached = client.get("/fr/")  # read by the second

    assert response.status_code == cached.status_code == 200
    assert page.title in response.content.decode()
    assert page.title in cached.content.decode()
