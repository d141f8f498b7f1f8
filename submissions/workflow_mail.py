"""E-mails to the authors of a resource when the editors decide: published, or changes requested.

Wagtail's own notifications (wagtail/admin/mail.py) go to the person who asked for review, with
links into the admin, which members cannot open. For resources we send ours instead, to every
author, in their language, with a link they can use; people who do use the admin (an editor who
submitted someone's resource) still get Wagtail's. `connect()` runs from ResourcesConfig.ready(),
before wagtail.admin's ready(), and takes the dispatch_uid values Wagtail uses: Wagtail's own
connect is then skipped, so that only these receivers answer the two signals.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from core.i18n import language_of
from core.mail import send_email
from resources import authorship

# Wagtail's dispatch_uid values (wagtail/admin/signal_handlers.py).
APPROVED_UID = "workflow_state_approved_email_notification"
REJECTED_UID = "workflow_state_rejected_email_notification"


class _AdminUsersOnly:
    """Wagtail's notifier, for the people it would notify who use the admin and are not
    authors of the resource (the authors get our e-mail)."""

    def __init__(self, *args, excluded_ids=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.excluded_ids = excluded_ids

    def get_recipient_users(self, workflow_state, **kwargs):
        return {
            user
            for user in super().get_recipient_users(workflow_state, **kwargs)
            if user.pk not in self.excluded_ids and user.has_perm("wagtailadmin.access_admin")
        }


class _ApprovalNotifier(_AdminUsersOnly, WorkflowStateApprovalEmailNotifier):
    pass


class _RejectionNotifier(_AdminUsersOnly, WorkflowStateRejectionEmailNotifier):
    pass


def _resource_of(workflow_state):
    from resources.models import ResourcePage

    page = workflow_state.content_object
    page = getattr(page, "specific", page)
    return page if isinstance(page, ResourcePage) else None


def _author_ids(page) -> set[int]:
    """The authors of the live row and of the revision the editors read (a never-published
    resource has its co-authors only there), its owner included."""
    return authorship.author_ids(page) | authorship.author_ids(page.get_latest_revision_as_object())


def on_workflow_approved(sender, instance, user=None, **kwargs):
    """The resource is published: tell its authors, with the public page's address."""
    page = _resource_of(instance)
    if page is None:
        return WorkflowStateApprovalEmailNotifier()(instance=instance, user=user, **kwargs)
    authors = _author_ids(page)
    transaction.on_commit(lambda: send_published(page.pk, authors))
    return _ApprovalNotifier(excluded_ids=authors)(instance=instance, user=user, **kwargs)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    """The editors asked for changes: tell the authors, with the editor's comment."""
    page = _resource_of(instance)
    if page is None:
        return WorkflowStateRejectionEmailNotifier()(instance=instance, user=user, **kwargs)
    authors = _author_ids(page)
    task_state = instance.current_task_state
    comment = task_state.specific.get_comment() if task_state is not None else ""
    title = page.draft_title or page.title
    transaction.on_commit(lambda: send_changes_requested(page.pk, authors, title, comment))
    return _RejectionNotifier(excluded_ids=authors)(instance=instance, user=user, **kwargs)


def connect() -> None:
    workflow_approved.connect(on_workflow_approved, sender=WorkflowState, dispatch_uid=APPROVED_UID)
    workflow_rejected.connect(on_workflow_rejected, sender=WorkflowState, dispatch_uid=REJECTED_UID)


# --- Sending ---------------------------------------------------------------------------------


def _recipients(user_ids):
    """Authors we can write to: active accounts with an address, not closed."""
    return list(
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True, deleted_at__isnull=True)
        .exclude(email="")
        .order_by("pk")
    )


def _site_root(page) -> str:
    site = page.get_site()
    root = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/")


def _send(user, template: str, context: dict, root: str) -> None:
    """Render `resources/email/<template>*` in the user's language and send it."""
    send_email(
        f"resources/email/{template}",
        {**context, "user": user},
        to=[user.email],
        language=language_of(user),
        root=root,
    )


def send_published(page_id: int, author_ids) -> int:
    """« Votre ressource « … » est publiée », to each author; returns how many were sent."""
    from resources.models import ResourcePage

    page = ResourcePage.objects.filter(pk=page_id, live=True).first()
    if page is None:  # unpublished again before the commit
        return 0
    root = _site_root(page)
    recipients = _recipients(author_ids)
    for user in recipients:
        with translation.override(language_of(user)):
            url = page.get_full_url()
            list_url = root + reverse("submissions:list")
        _send(
            user,
            "resource_published",
            {"title": page.title, "url": url, "list_url": list_url},
            root,
        )
    return len(recipients)


def send_changes_requested(page_id: int, author_ids, title: str, comment: str) -> int:
    """« Des corrections sont demandées pour « … » », with the editor's comment and a link to
    the submission's review step; returns how many were sent."""
    from resources.models import ResourcePage

    page = ResourcePage.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    root = _site_root(page)
    recipients = _recipients(author_ids)
    for user in recipients:
        with translation.override(language_of(user)):
            url = root + reverse("submissions:step", args=[page.pk, "verification"])
        _send(user, "changes_requested", {"title": title, "comment": comment, "url": url}, root)
    return len(recipients)
