"""Whole-page cache for anonymous visitors: the rendered HTML of the pages that opt in, served
again without running the view while nothing it shows has changed.

Who gets a cached page: an anonymous GET or HEAD without a query string and without any cookie
but the CSRF and language ones (no session, hence no cart, no messages, no download invitation
state), never a Wagtail preview. What is stored: the 200 answer of a page that called
`cacheable(response)`, unless it sets a cookie, writes the session, queues a message or says
Cache-Control private/no-store/no-cache. The key: scheme, host, path, language and every
version registered with `depend_on()` (the catalogue's, resources/detail.py) plus this cache's
own generation, which `forget_all()` moves on; PAGE_CACHE_SECONDS (0 turns it off) bounds what
an invalidation misses.

Per-visitor values never enter the stored copy: while a cacheable request renders, its CSRF
token (the `placeholders` context processor) and its CSP nonce are secret placeholders, and
every answer gets the current request's token (which also sets its cookie) and nonce put in
before it leaves — the miss that fills the cache as well as each hit. X-Page-Cache says
hit, miss or bypass (an opted-in page answered from the view to someone the cache must not
serve)."""

import functools
import hashlib
import time
from importlib.metadata import version
from pathlib import Path

from csp.middleware import CheckableLazyObject
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac
from django.utils.functional import cached_property
from django.utils.translation import get_language

HEADER = "X-Page-Cache"
GENERATION_KEY = "page-cache:generation"
_version_keys: list[str] = [GENERATION_KEY]
_CANDIDATE = "_page_cache_candidate"
_STORED_HEADERS_SKIPPED = {"set-cookie", "content-length"}
_UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")


def depend_on(version_key: str) -> None:
    """Make the cache key of every page include the value stored under `version_key`: moving
    that value on (incr) forgets every cached page at once."""
    if version_key not in _version_keys:
        _version_keys.append(version_key)


def forget_all() -> None:
    """Forget every cached page (after a change the catalogue's version does not follow): at
    once, and again when the transaction commits, so that a page rendered from the old data in
    between does not stay."""
    _next_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_next_generation)


def _next_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), None)


def cacheable(response):
    """The marker a page sets on its answer: it may be stored for anonymous visitors."""
    response.page_cache = True
    return response


def seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


class _Placeholders:
    """Stand-ins derived from SECRET_KEY: never sent to a browser (every answer gets them
    replaced), so that no text a visitor writes can ask for the page's nonce."""

    @cached_property
    def csrf(self) -> str:
        return "pc" + salted_hmac("core.page_cache.csrf", "placeholder").hexdigest()[:40]

    @cached_property
    def nonce(self) -> str:
        return "pc" + salted_hmac("core.page_cache.nonce", "placeholder").hexdigest()[:30]


PLACEHOLDERS = _Placeholders()


def placeholders(request) -> dict:
    """Context processor (last of TEMPLATES' list, to win over Django's own csrf one): a
    cacheable request renders {% csrf_token %} as a placeholder."""
    if getattr(request, _CANDIDATE, False):
        return {"csrf_token": PLACEHOLDERS.csrf}
    return {}


def _versions() -> tuple:
    found = cache.get_many(_version_keys)
    missing = [key for key in _version_keys if key not in found]
    for key in missing:
        # A version lost (evicted, cache restarted) starts again from a value never used, so
        # that no page stored under an older value can come back.
        cache.add(key, time.time_ns(), None)
    if missing:
        found.update(cache.get_many(missing))
    return tuple(found.get(key, 0) for key in _version_keys)


_CODE_SUFFIXES = (".py", ".html", ".txt", ".xml", ".mo")


@functools.cache
def code_fingerprint() -> str:
    """What renders the pages — our apps' code and templates, the translations, the static
    files' manifest, Django's and Wagtail's versions — as a digest, once per process: a deploy
    never serves pages of the previous version from a shared cache (old texts, or links to
    static files it no longer has). The same code gives the same digest on every worker."""
    base = Path(settings.BASE_DIR).resolve()
    folders = {
        Path(app.path).resolve()
        for app in apps.get_app_configs()
        if "site-packages" not in app.path and Path(app.path).resolve().is_relative_to(base)
    }
    folders |= {Path(d).resolve() for engine in settings.TEMPLATES for d in engine["DIRS"]}
    folders |= {Path(folder).resolve() for folder in settings.LOCALE_PATHS}
    files = sorted(
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.suffix in _CODE_SUFFIXES and "site-packages" not in path.parts
    )
    if settings.STATIC_ROOT:
        files.append(Path(settings.STATIC_ROOT) / "staticfiles.json")
    # Versions read from the installed packages' metadata (core imports no Wagtail module).
    digest = hashlib.sha256(f"{version('Django')} {version('wagtail')}".encode())
    for path in files:
        if path.is_file():
            name = path.relative_to(base) if path.is_relative_to(base) else path.name
            digest.update(str(name).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def key_for(request) -> str:
    parts = (
        code_fingerprint(),
        request.scheme,
        request.get_host(),
        request.path,
        get_language() or "",
        *map(str, _versions()),
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page-cache:{digest}"


def _eligible(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if getattr(request, "is_preview", False) or getattr(request, "is_dummy", False):
        return False
    harmless = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    if any(name not in harmless for name in request.COOKIES):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _storable(request, response) -> bool:
    if not getattr(response, "page_cache", False) or request.method != "GET":
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(directive in control for directive in _UNCACHEABLE_DIRECTIVES):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "_queued_messages", None):
        return False
    # The view asked for the real token (not the placeholder): it may be in the page.
    return not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")


def _fill_in(request, content: bytes) -> bytes:
    """The stored copy with this request's CSRF token and CSP nonce."""
    if PLACEHOLDERS.csrf.encode() in content:
        content = content.replace(PLACEHOLDERS.csrf.encode(), get_token(request).encode())
    if PLACEHOLDERS.nonce.encode() in content:
        content = content.replace(PLACEHOLDERS.nonce.encode(), str(request.csp_nonce).encode())
    return content


class PageCacheMiddleware:
    """Last of MIDDLEWARE: sessions, language, CSRF and the user are known; the middleware
    above it (CSP, CSRF cookie, X-Frame-Options…) still treats every answer, cached or not."""

    def __init__(self, get_response):
        self.get_response = get_response
        if seconds():
            code_fingerprint()  # at start-up (gunicorn --preload), not in a visitor's request

    def __call__(self, request):
        if not seconds() or not _eligible(request):
            response = self.get_response(request)
            if getattr(response, "page_cache", False):
                response[HEADER] = "bypass"
            return response
        key = key_for(request)
        stored = cache.get(key)
        if stored is not None:
            return self._answer(request, stored, "hit")
        response = self._render(request)
        if response.streaming:
            return response
        if not _storable(request, response):
            response.content = _fill_in(request, response.content)
            if getattr(response, "page_cache", False):
                response[HEADER] = "bypass"
            return response
        stored = {
            "content": response.content,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() not in _STORED_HEADERS_SKIPPED
            ],
        }
        cache.set(key, stored, seconds())
        return self._answer(request, stored, "miss")

    def _render(self, request):
        real_nonce = getattr(request, "csp_nonce", None)
        setattr(request, _CANDIDATE, True)
        if real_nonce is not None:
            request.csp_nonce = CheckableLazyObject(lambda: PLACEHOLDERS.nonce)
        try:
            return self.get_response(request)
        finally:
            setattr(request, _CANDIDATE, False)
            if real_nonce is not None:
                request.csp_nonce = real_nonce

    def _answer(self, request, stored: dict, state: str) -> HttpResponse:
        response = HttpResponse(_fill_in(request, stored["content"]))
        for name, value in stored["headers"]:
            response[name] = value
        # The answer depends on the cookies (a signed-in visitor gets their own): no shared
        # HTTP cache may give this copy to them.
        patch_vary_headers(response, ("Cookie",))
        response[HEADER] = state
        return response
