"""Views of the site itself: health probe and robots.txt."""

from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from .health import run_checks


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


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Crawlers welcome on content; kept out of accounts, carts, downloads and the admin."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /telechargement/",
        "Disallow: /fr/compte/",
        "Disallow: /en/compte/",
        "Disallow: /fr/panier/",
        "Disallow: /en/panier/",
        "Disallow: /fr/recherche/",
        "Disallow: /en/recherche/",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
