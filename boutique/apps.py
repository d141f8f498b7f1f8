from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoutiqueConfig(AppConfig):
    name = "boutique"
    verbose_name = _("Boutique")

    def ready(self):
        from . import signals  # noqa: F401 — connects the login receiver
