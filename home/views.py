"""Views of the site itself: health probe, robots.txt and the server error page."""

import sys

from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from core.i18n import normalise_language
from core.outages import outage_of
from core.paths import english_route

from .health import run_checks

# How long a client (Stripe's webhooks, a browser) should wait before trying again.
OUTAGE_RETRY_AFTER_SECONDS = 120


@never_cache
@require_GET
def healthz(request):
    """JSON status for load balancers: 200 while the database answers, 503 when it does not."""
    database_up, checks = run_checks()
    degraded = any(status != "ok" for status in checks.values())
    return JsonResponse(
        {"status": "degraded" if degraded else "ok", "checks": checks},
        status=200 if database_up else 503,
    )


# Accounts, carts and search result pages (endless combinations of filters) stay out of crawlers.
PRIVATE_ROUTES = ("compte/", "panier/", "recherche/")


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Crawlers welcome on content; kept out of accounts, carts, downloads and the admin."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /telechargement/",
        *(
            line
            for route in PRIVATE_ROUTES
            for line in (f"Disallow: /fr/{route}", f"Disallow: /en/{english_route(route)}")
        ),
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def server_error(request):
    """handler500: an outage of the database or of the file storage (core/outages.py) is a 503
    page that says to try again (Stripe retries a webhook answered 5xx), any other error the 500
    page. Both are rendered without the request's context processors, so without the database;
    the language is the URL's (/fr/, /en/), else the browser's. Django logs the error itself
    (django.request, with its traceback: for the server's logs, never for the visitor)."""
    error = sys.exc_info()[1]
    outage = outage_of(error) if error is not None else ""
    language = normalise_language(translation.get_language_from_request(request, check_path=True))
    with translation.override(language):
        if not outage:
            return HttpResponseServerError(render_to_string("500.html"))
        response = HttpResponse(render_to_string("503.html", {"outage": outage}), status=503)
    response["Retry-After"] = str(OUTAGE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
