"""Download rate limits: per signed-in user and per IP address, counted in the cache in
one-hour windows. The address is kept only as a keyed hash inside a counter that expires with its
window; nothing about it reaches the database."""

import hashlib
import hmac
import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def _ip_key(request) -> str:
    address = get_adapter(request).get_client_ip(request) or "unknown"
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def _hit(key: str, limit: int, window: int) -> bool:
    """Count one download on `key`; False once the window's limit is passed."""
    cache_key = f"downloads:{window}:{key}"
    cache.add(cache_key, 0, WINDOW_SECONDS + 60)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # evicted between add and incr: start again
        cache.set(cache_key, 1, WINDOW_SECONDS + 60)
        count = 1
    return count <= limit


def consume_download(request) -> int | None:
    """Count a download by this request's user and address. None when it may go ahead, else the
    number of seconds until the limit resets (for Retry-After). Staff are not limited."""
    user = request.user
    if user.is_authenticated and user.is_staff:
        return None
    now = int(time.time())
    window = now // WINDOW_SECONDS
    retry_after = (window + 1) * WINDOW_SECONDS - now
    allowed = _hit(f"ip:{_ip_key(request)}", settings.DOWNLOADS_PER_HOUR_PER_IP, window)
    if user.is_authenticated:
        allowed = _hit(f"user:{user.pk}", settings.DOWNLOADS_PER_HOUR_PER_USER, window) and allowed
    return None if allowed else retry_after
