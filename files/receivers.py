"""The files app listens to the catalogue: a published resource gets its package (after commit)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from resources.models import ResourcePage

from .tasks import schedule_package


@receiver(page_published, dispatch_uid="files-package-on-publish")
def _resource_published(sender, instance, **kwargs):
    # Its files or its credits may have changed: the package follows.
    if sender is ResourcePage or isinstance(instance.specific_deferred, ResourcePage):
        schedule_package(instance.pk)
