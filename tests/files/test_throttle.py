"""files/throttle.py in detail: one-hour windows on the clock, a count per signed-in user and per
address (a keyed hash of it), the seconds until the window ends for Retry-After, staff never
limited, and a counter evicted between two calls starting again at one."""

import hashlib
import hmac

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache

from files import throttle

pytestmark = pytest.mark.django_db

NOW = 1_800_000_000 + 100  # 100 s into a window (1 800 000 000 is a multiple of 3600)
WINDOW = NOW // 3600


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setattr(throttle.time, "time", lambda: NOW + 0.75)


@pytest.fixture
def limits(settings):
    settings.DOWNLOADS_PER_HOUR_PER_USER = 2
    settings.DOWNLOADS_PER_HOUR_PER_IP = 3
    return settings


def request_from(rf, user=None, address="203.0.113.7"):
    request = rf.get("/telechargement/1/", REMOTE_ADDR=address)
    request.user = user or AnonymousUser()
    return request


def ip_key(settings, address="203.0.113.7"):
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return f"downloads:{WINDOW}:ip:{digest.hexdigest()[:32]}"


def test_a_signed_in_user_is_counted_and_told_when_the_window_ends(rf, limits, make_member):
    user = make_member("Luc Gagnon")

    answers = [throttle.consume_download(request_from(rf, user)) for _ in range(3)]

    assert answers == [None, None, 3600 - 100]
    assert cache.get(f"downloads:{WINDOW}:user:{user.pk}") == 3
    assert cache.get(ip_key(limits)) == 3


def test_an_address_is_counted_as_a_keyed_hash_for_everyone_behind_it(rf, limits, make_member):
    answers = [throttle.consume_download(request_from(rf)) for _ in range(4)]
    other = throttle.consume_download(request_from(rf, address="198.51.100.9"))

    assert answers == [None, None, None, 3500]
    assert other is None
    assert cache.get(ip_key(limits)) == 4
    assert "203.0.113.7" not in ip_key(limits)


def test_a_user_at_the_address_limit_is_refused_even_under_their_own(rf, limits, make_member):
    for _ in range(3):
        assert throttle.consume_download(request_from(rf)) is None

    assert throttle.consume_download(request_from(rf, make_member("Luc Gagnon"))) == 3500


def test_staff_are_never_limited_nor_counted(rf, limits, make_member):
    staff = make_member("Élise Éditrice", is_staff=True)

    answers = [throttle.consume_download(request_from(rf, staff)) for _ in range(5)]

    assert answers == [None] * 5
    assert cache.get(ip_key(limits)) is None


def test_a_new_window_starts_a_new_count(rf, limits, monkeypatch):
    for _ in range(3):
        throttle.consume_download(request_from(rf))
    monkeypatch.setattr(throttle.time, "time", lambda: NOW - 100 + 3600)

    assert throttle.consume_download(request_from(rf)) is None


def test_a_counter_evicted_between_add_and_incr_starts_again_at_one(limits, monkeypatch):
    def evicted(key, delta=1, version=None):
        raise ValueError(f"Key '{key}' not found")

    monkeypatch.setattr(cache, "incr", evicted)

    assert throttle._hit("ip:abc", 1, WINDOW) is True
    assert cache.get(f"downloads:{WINDOW}:ip:abc") == 1
    assert throttle._hit("ip:abc", 0, WINDOW) is False


def forgotten_a_minute_after_the_window(key, monkeypatch) -> bool:
    """Still counted just before the hour and a minute since the count began (at NOW + 0.75),
    gone just after."""
    monkeypatch.setattr(throttle.time, "time", lambda: NOW + 0.75 + 3660 - 0.5)
    kept = cache.get(key) is not None
    monkeypatch.setattr(throttle.time, "time", lambda: NOW + 0.75 + 3660 + 0.5)
    return kept and cache.get(key) is None


def test_a_counter_is_forgotten_a_minute_after_its_window(rf, limits, monkeypatch):
    """Counters live in the cache no longer than needed (the address hash with them)."""
    throttle.consume_download(request_from(rf))

    assert forgotten_a_minute_after_the_window(ip_key(limits), monkeypatch)


def test_a_counter_started_again_is_forgotten_the_same_way(limits, monkeypatch):
    def evicted(key, delta=1, version=None):
        raise ValueError(f"Key '{key}' not found")

    with monkeypatch.context() as patch:
        patch.setattr(cache, "incr", evicted)
        throttle._hit("ip:abc", 5, WINDOW)

    assert forgotten_a_minute_after_the_window(f"downloads:{WINDOW}:ip:abc", monkeypatch)
