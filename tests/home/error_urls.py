"""The site's URLs and error handler plus views that fail, to see the 500 and 503 pages."""

from botocore.exceptions import EndpointConnectionError
from django.conf.urls.i18n import i18n_patterns
from django.db import OperationalError
from django.urls import path

from apop.urls import handler500  # noqa: F401 (the site's own, looked up on this module)
from apop.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("A deliberate failure for the 500 page test.")


def database_down(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')


def storage_down(request):
    raise EndpointConnectionError(endpoint_url="http://127.0.0.1:9000/apop-private/x.pdf")


urlpatterns = (
    i18n_patterns(
        path("boom/", boom),
        path("base-de-donnees/", database_down),
        path("stockage/", storage_down),
        prefix_default_language=True,
    )
    + [path("webhook-sans-base/", database_down)]
    + site_urlpatterns
)
