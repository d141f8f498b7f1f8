"""Background work on a resource's files (django-tasks), enqueued once the publication commits."""

import logging

from django.db import transaction
from django_tasks import task

from core.outages import is_storage_outage
from core.tasks import retry_later
from resources.detail import bump_catalogue_version
from resources.events import announce_change
from resources.models import ResourcePage

from . import packages

logger = logging.getLogger(__name__)


@task()
def build_package(resource_id: int, attempt: int = 1) -> dict:
    """Build the package of a published resource (unless it is already up to date) and give a
    PDF resource without previews an image of its first page. When the file storage is down,
    the build is tried again later (the first download would also build it)."""
    page = ResourcePage.objects.live().filter(pk=resource_id).first()
    if page is None:
        return {"package": None, "preview": False}
    try:
        package = packages.ensure_package(page)
    except Exception as error:
        if is_storage_outage(error) and retry_later(build_package, resource_id, attempt=attempt):
            return {"package": None, "preview": False, "retry": True}
        raise
    with transaction.atomic():
        preview = packages.ensure_first_page_preview(page)
        if preview:
            transaction.on_commit(bump_catalogue_version)
            announce_change(resource_ids=[page.pk])
    return {"package": package.sha256 if package else None, "preview": preview}


def schedule_package(resource_id: int) -> None:
    """Enqueue the package build for after the current transaction commits. A failure there
    must not undo or break the publication: the first download builds what is missing."""

    def enqueue():
        try:
            build_package.enqueue(resource_id)
        except Exception:
            logger.exception("the package of resource %s could not be built", resource_id)

    transaction.on_commit(enqueue)
