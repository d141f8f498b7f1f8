"""Pages that opt in to the page cache (tests/core/test_page_cache.py): one with a form and an
inline script, and pages that change something on the way (a cookie, the session, a message)."""

from django.contrib import messages
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from core import page_cache

_PAGE = engines["django"].from_string(
    '<form method="post" action="/poster/">{% csrf_token %}<button>Go</button></form>'
    '<script nonce="{{ request.csp_nonce }}">go()</script>'
    "<p>Count {{ count }}</p>"
)
COUNTER = {"renders": 0}


def page(request):
    COUNTER["renders"] += 1
    html = _PAGE.render({"count": COUNTER["renders"]}, request)
    return page_cache.cacheable(HttpResponse(html))


def plain(request):
    """Not opted in: rendered with placeholders all the same (an eligible request), never
    stored."""
    return HttpResponse(_PAGE.render({"count": 0}, request))


def with_cookie(request):
    response = page_cache.cacheable(HttpResponse("cookie"))
    response.set_cookie("seen", "1")
    return response


def with_session(request):
    request.session["visited"] = True
    return page_cache.cacheable(HttpResponse("session"))


def with_message(request):
    messages.info(request, "Bonjour")
    return page_cache.cacheable(HttpResponse("message"))


def private(request):
    response = page_cache.cacheable(HttpResponse("private"))
    response["Cache-Control"] = "private"
    return response


def missing(request):
    return page_cache.cacheable(HttpResponse("gone", status=404))


def poster(request):
    return HttpResponse("posted")


urlpatterns = [
    path("page/", page),
    path("plain/", plain),
    path("cookie/", with_cookie),
    path("session/", with_session),
    path("message/", with_message),
    path("private/", private),
    path("missing/", missing),
    path("poster/", poster),
]
