from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resources")

    def ready(self):
        from . import signals  # noqa: F401  (publication hooks, in one place)
        from .workflow_mail import connect as connect_workflow_mail

        # Before wagtail.admin's ready(): our e-mails replace Wagtail's for resources.
        connect_workflow_mail()
