"""The repository listens to the catalogue (resources.events) and to its authors' accounts: once
a change commits, the records of the resources it concerns are brought up to date, their
datestamps taken then."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from resources.events import pages_changed

from . import records


def _refresh_after_commit(resource_ids) -> None:
    ids = sorted({int(pk) for pk in resource_ids})
    if ids:
        # robust: a failure here must not fail the change that already committed; the record
        # catches up at the next change, or with `manage.py oai_records`.
        transaction.on_commit(lambda: records.refresh(ids), robust=True)


@receiver(pages_changed, dispatch_uid="oai-refresh-changed-records")
def _pages_changed(sender, resource_ids=(), **kwargs):
    _refresh_after_commit(resource_ids)


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="oai-refresh-author-records")
def _account_saved(sender, instance, created=False, update_fields=None, **kwargs):
    # An author's name is in the records of their resources (dc:creator, LOM's vCards). A log-in
    # (last_login only) or a new account changes none.
    if created or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    _refresh_after_commit(instance.authored_resources.values_list("pk", flat=True))
