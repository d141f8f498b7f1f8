from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = _("Submissions")

    def ready(self):
        from .workflow_mail import connect as connect_workflow_mail

        # Before wagtail.admin's ready(): our e-mails replace Wagtail's for resources.
        connect_workflow_mail()
