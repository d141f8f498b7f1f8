"""URL map. Public URLs are a contract (README, URLs available today): harvesters, bookmarks and
other sites link to them; never change one lightly."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path, register_converter
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import admin_doors
from api.endpoints import api
from api.middleware import not_found as api_not_found
from core.paths import PagePathConverter, localized_route
from home import views as home_views
from home.sitemap import PageSitemap
from oai import views as oai_views
from search import views as search_views

register_converter(PagePathConverter, "page_path")

# Outages of the database or the file storage answer 503 (home.views.server_error).
handler500 = "home.views.server_error"

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
    # OAI-PMH 2.0 for repositories and aggregators: one base URL, outside the language prefix.
    path("oai", oai_views.repository, name="oai"),
    # Before Wagtail's own: the admin's log-in and reset are allauth's (one way in).
    path("admin/login/", admin_doors.admin_login, name="admin_login"),
    re_path(r"^admin/password_reset/(?P<rest>.*)$", admin_doors.admin_password_reset),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("telechargement/", include("files.urls")),
    path("stripe/", include("boutique.webhook_urls")),
    # The public API (django-ninja): search, suggest, resources, disciplines, collections, its
    # OpenAPI schema and docs; any other address under /api/ is a JSON 404.
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The paths' words are French under /fr/ and English under /en/ (core/paths.py); a French path
# under /en/ answers 301 to its English one (home.middleware.SiteLocaleMiddleware).
urlpatterns += i18n_patterns(
    path(localized_route("recherche/"), search_views.search, name="search"),
    path("disciplines/<str:code>/", search_views.discipline_detail, name="discipline_detail"),
    path(localized_route("compte/depots/"), include("submissions.urls")),
    path(localized_route("compte/ventes/"), include("boutique.sales_urls")),
    path("", include("boutique.urls")),
    path(localized_route("compte/etablissement/"), include("institutions.urls")),
    path(localized_route("compte/"), include("members.urls")),
    path(localized_route("compte/"), include("allauth.urls")),
    path(localized_route("auteurs/"), include("members.author_urls")),
    path(localized_route("infolettre/"), include("newsletter.urls")),
    path("", include("resources.urls")),
    # Before Wagtail's own: the log-in of private pages and documents is allauth's (one way in).
    path("_util/login/", admin_doors.frontend_login, name="frontend_login"),
    path("", include("feeds.urls")),
    # Wagtail's page tree last: it answers every other path under /fr/ and /en/. Its own serving
    # pattern, with the catalogue's word in the URL's language (/en/resources/…).
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    path("<page_path:path>", wagtail_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
