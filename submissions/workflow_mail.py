"""The « Révision éditoriale » workflow's e-mails, all of them ours, each in its recipient's
language (Wagtail sends none):

- a page is submitted: each editor who may review it (the task's groups, and superusers) gets
  « À réviser », with what the resource is (licence, price, disciplines, files) and a link to the
  admin's review screen — instead of Wagtail's two stock notices (workflow and task);
- the editors approve: each author gets « publiée » with the editor's comment, if any, and a
  link to the public page; the editors ask for changes: each author gets the comment and a link
  to the submission's review step. Authors who are not admin users never see an admin link;
- whoever else asked for the review from the admin (an editor, for an editorial page) gets
  « Décision », with the comment and the admin link.

`connect()` runs from SubmissionsConfig.ready(), before wagtail.admin's ready(), and takes the
dispatch_uid values Wagtail uses: Wagtail's own connect is then skipped, so that only these
receivers answer the four signals."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from core.i18n import language_of
from core.mail import send_email
from resources import authorship

# Wagtail's dispatch_uid values (wagtail/admin/signal_handlers.py).
TASK_SUBMITTED_UID = "group_approval_task_submitted_email_notification"
SUBMITTED_UID = "workflow_state_submitted_email_notification"
APPROVED_UID = "workflow_state_approved_email_notification"
REJECTED_UID = "workflow_state_rejected_email_notification"


def _resource_of(page):
    from resources.models import ResourcePage

    page = getattr(page, "specific", page)
    return page if isinstance(page, ResourcePage) else None


def _author_ids(page) -> set[int]:
    """The authors of the live row and of the revision the editors read (a never-published
    resource has its co-authors only there), its owner included."""
    return authorship.author_ids(page) | authorship.author_ids(page.get_latest_revision_as_object())


def _comment(workflow_state) -> str:
    task_state = workflow_state.current_task_state
    return task_state.specific.get_comment() if task_state is not None else ""


# --- Receivers -------------------------------------------------------------------------------


def on_task_submitted(sender, instance, user=None, **kwargs):
    """A page reached a group approval task: tell the editors who may act on it."""
    task = instance.task.specific
    groups = getattr(task, "groups", None)
    if groups is None:  # not a group approval task: nobody to tell
        return
    reviewers = Q(groups__in=groups.all())
    if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
        reviewers |= Q(is_superuser=True)
    editor_ids = set(
        get_user_model().objects.filter(reviewers).values_list("pk", flat=True).distinct()
    )
    editor_ids.discard(getattr(user, "pk", None))
    page = instance.workflow_state.content_object
    if not isinstance(page, Page):
        return
    page_id = page.pk
    requester_id = getattr(user, "pk", None)
    transaction.on_commit(lambda: send_review_requested(page_id, editor_ids, requester_id))


def on_workflow_submitted(sender, instance, user=None, **kwargs):
    """Nothing: the task's e-mail (on_task_submitted) tells the editors. Connected under
    Wagtail's dispatch_uid so that its superusers' notice is not sent as well."""


def on_workflow_approved(sender, instance, user=None, **kwargs):
    """Published: the authors get the public address and the editor's comment."""
    _decided(instance, user, approved=True)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    """Changes requested: the authors get the editor's comment."""
    _decided(instance, user, approved=False)


def _decided(workflow_state, user, *, approved: bool) -> None:
    """After commit: the authors' e-mail, and the requester's when they are someone else."""
    page = workflow_state.content_object
    resource = _resource_of(page)
    authors = _author_ids(resource) if resource is not None else set()
    comment = _comment(workflow_state)
    others = _other_requesters(workflow_state, user, authors)
    page_id = page.pk
    if authors and approved:
        transaction.on_commit(lambda: send_published(page_id, authors, comment))
    elif authors:
        title = resource.draft_title or resource.title
        transaction.on_commit(lambda: send_changes_requested(page_id, authors, title, comment))
    if others:
        transaction.on_commit(lambda: send_decision(page_id, others, approved, comment))


def _other_requesters(workflow_state, deciding_user, author_ids) -> set[int]:
    """The person who asked for the review, when they are not an author (who get their own
    e-mail) nor the editor who decided."""
    requester_id = workflow_state.requested_by_id
    if requester_id is None or requester_id in author_ids:
        return set()
    if deciding_user is not None and requester_id == deciding_user.pk:
        return set()
    return {requester_id}


def connect() -> None:
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid=TASK_SUBMITTED_UID)
    workflow_submitted.connect(
        on_workflow_submitted, sender=WorkflowState, dispatch_uid=SUBMITTED_UID
    )
    workflow_approved.connect(on_workflow_approved, sender=WorkflowState, dispatch_uid=APPROVED_UID)
    workflow_rejected.connect(on_workflow_rejected, sender=WorkflowState, dispatch_uid=REJECTED_UID)


# --- Sending ---------------------------------------------------------------------------------


def _recipients(user_ids):
    """People we can write to: active accounts with an address, not closed."""
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


def _admin_url(page) -> str:
    """The admin's edit view of the page: where the review summary and the workflow's actions
    are (the admin has no language prefix)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailadmin_pages:edit", args=[page.pk]
    )


def _send(user, template: str, context: dict, root: str) -> None:
    """Render `resources/email/<template>*` in the user's language and send it."""
    send_email(
        f"resources/email/{template}",
        {**context, "user": user},
        to=[user.email],
        language=language_of(user),
        root=root,
    )


def send_review_requested(page_id: int, editor_ids, requester_id: int | None = None) -> int:
    """« À réviser : « … » », to each editor, in their language, with what the resource is and
    the link to the review screen; returns how many were sent."""
    from resources.review import review_summary

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    page = page.specific
    draft = page.get_latest_revision_as_object()
    resource = _resource_of(draft)
    requester = get_user_model().objects.filter(pk=requester_id).first() if requester_id else None
    root = _site_root(page)
    recipients = _recipients(editor_ids)
    for editor in recipients:
        with translation.override(language_of(editor)):
            # Disciplines and the licence are named in the editor's language.
            summary = review_summary(draft) if resource is not None else None
        _send(
            editor,
            "review_requested",
            {
                "title": draft.draft_title or draft.title,
                "requester": requester.get_full_name() if requester else "",
                "summary": summary,
                "url": _admin_url(page),
            },
            root,
        )
    return len(recipients)


def send_published(page_id: int, author_ids, comment: str = "") -> int:
    """« Votre ressource « … » est publiée », to each author, with the editor's comment;
    returns how many were sent."""
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
            {"title": page.title, "url": url, "list_url": list_url, "comment": comment},
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


def send_decision(page_id: int, user_ids, approved: bool, comment: str) -> int:
    """« Décision des éditeurs : « … » », to an admin user who asked for the review of a page
    they do not author, with the comment and the admin link; returns how many were sent."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    root = _site_root(page)
    recipients = [
        user for user in _recipients(user_ids) if user.has_perm("wagtailadmin.access_admin")
    ]
    for user in recipients:
        _send(
            user,
            "review_decided",
            {
                "title": page.draft_title or page.title,
                "approved": approved,
                "comment": comment,
                "url": _admin_url(page),
            },
            root,
        )
    return len(recipients)
