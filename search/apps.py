from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "apop_search"  # "search" would clash with wagtail.search's label
    verbose_name = _("Search")
