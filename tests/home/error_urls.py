"""The site's URLs plus one view that fails, to see the 500 page."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from apop.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("A deliberate failure for the 500 page test.")


urlpatterns = i18n_patterns(path("boom/", boom), prefix_default_language=True) + site_urlpatterns
