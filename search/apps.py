from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "apop_search"  # "search" would clash with wagtail.search's label
    verbose_name = _("Search")

    def ready(self):
        from resources.models import presenters

        from . import receivers  # noqa: F401  (the index follows the catalogue's changes)
        from .views import resource_index_context

        presenters.register("resource_search", resource_index_context)
