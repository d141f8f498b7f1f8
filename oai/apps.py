from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OaiConfig(AppConfig):
    name = "oai"
    verbose_name = _("OAI-PMH repository")

    def ready(self):
        from . import receivers  # noqa: F401  (records follow the catalogue's changes)
