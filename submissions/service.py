"""Submission of resources by members, without the Wagtail admin: the business rules.

A submission is a ResourcePage created unpublished under the resource index at the first step;
every later step saves a new *revision* of the latest revision object, so that editing a
published resource changes only a draft: the live page stays as it is until an editor approves
the new revision in the « Révision éditoriale » workflow. (The row of a resource that is not
live follows its draft: nobody sees it.) Files and previews are modelcluster children, carried
by the revision until publication: uploads are checked and stored here, at once, and only their
storage names go into the revision.

Views call these functions and never touch Wagtail's workflow or revision API themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models import Prefetch
from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page, TaskState, WorkflowState

from resources.authorship import authored_by, is_author
from resources.models import ResourceIndexPage, ResourcePage
from resources.rules import resource_errors

from . import receipt

# --- Steps --------------------------------------------------------------------------------------

DESCRIPTION, CLASSIFICATION, FILES, LICENCE, REVIEW = (
    "description",
    "classement",
    "fichiers",
    "licence",
    "verification",
)
STEPS = (DESCRIPTION, CLASSIFICATION, FILES, LICENCE, REVIEW)
STEP_TITLES = {
    DESCRIPTION: _("Description"),
    CLASSIFICATION: _("Classification"),
    FILES: _("Files and previews"),
    LICENCE: _("Licence and price"),
    REVIEW: _("Review and submit"),
}

# Which step asks for each field of the page: errors found at review link to that step.
FIELD_STEPS = {
    "title": DESCRIPTION,
    "summary": DESCRIPTION,
    "description": DESCRIPTION,
    "language": DESCRIPTION,
    "co_authors": DESCRIPTION,
    "disciplines": CLASSIFICATION,
    "courses": CLASSIFICATION,
    "levels": CLASSIFICATION,
    "types": CLASSIFICATION,
    "dimensions": CLASSIFICATION,
    "tags": CLASSIFICATION,
    "duration_minutes": CLASSIFICATION,
    "pedagogical_notes": CLASSIFICATION,
    "files": FILES,
    "previews": FILES,
    "licence": LICENCE,
    "price_cents": LICENCE,
    "member_price_cents": LICENCE,
    "institution_price_cents": LICENCE,
    "adapted_from_page": LICENCE,
    "source_title": LICENCE,
    "source_author": LICENCE,
    "source_url": LICENCE,
    "source_licence": LICENCE,
}


def next_step(step: str) -> str:
    return STEPS[min(STEPS.index(step) + 1, len(STEPS) - 1)]


# --- Who may see what ------------------------------------------------------------------------


def resource_index() -> ResourceIndexPage:
    """The one /ressources/ page new submissions go under."""
    index = ResourceIndexPage.objects.first()
    if index is None:
        raise ImproperlyConfigured("No ResourceIndexPage: run `manage.py load_demo`.")
    return index


def submission_for(user, page_id: int) -> ResourcePage:
    """The resource if this user may work on it (its authors, and staff); 404 for anyone else,
    so that page ids of other people's drafts reveal nothing."""
    page = ResourcePage.objects.filter(pk=page_id).first()
    if page is None or not (getattr(user, "is_staff", False) or is_author(user, page)):
        raise Http404
    return page


def draft_of(page: ResourcePage) -> ResourcePage:
    """The latest version of the resource, published or not: what the steps show and change."""
    return page.get_latest_revision_as_object()


# --- States -------------------------------------------------------------------------------------


class State(models.TextChoices):
    """The state of a submission as its author sees it (fr: « brouillon », « en révision »,
    « à corriger », « publiée »; the context keeps these apart from other "Published")."""

    DRAFT = "draft", pgettext_lazy("submission state", "Draft")
    IN_REVIEW = "in_review", pgettext_lazy("submission state", "In review")
    NEEDS_CHANGES = "needs_changes", pgettext_lazy("submission state", "Changes requested")
    PUBLISHED = "published", pgettext_lazy("submission state", "Published")


@dataclass(frozen=True)
class EditorComment:
    """What an editor wrote when they decided: approved (published) or changes requested."""

    text: str
    approved: bool
    at: datetime | None


def last_comments(page_ids) -> dict[int, EditorComment]:
    """The comment of each page's latest decision of the editors (none when they decided
    without one: an older comment would no longer apply), in one query."""
    ids = [str(pk) for pk in page_ids]
    if not ids:
        return {}
    rows = (
        TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=ids,
            status__in=(TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED),
        )
        .order_by("-finished_at", "-pk")
        .values_list("workflow_state__object_id", "comment", "status", "finished_at")
    )
    latest: dict[int, EditorComment] = {}
    for object_id, text, status, finished_at in rows:
        latest.setdefault(
            int(object_id), EditorComment(text, status == TaskState.STATUS_APPROVED, finished_at)
        )
    return {page_id: comment for page_id, comment in latest.items() if comment.text.strip()}


@dataclass(frozen=True)
class Submission:
    """One line of « my submissions »: the state of a resource and of its pending changes."""

    page: ResourcePage
    title: str
    changed_at: datetime | None
    state: State
    changes: State | None  # for a published resource: the state of its unpublished changes
    comment: str  # the editor's comment when changes are requested
    last_comment: EditorComment | None = None  # the editors' latest comment, whatever they decided

    @property
    def in_review(self) -> bool:
        return State.IN_REVIEW in (self.state, self.changes)

    @property
    def needs_changes(self) -> bool:
        return State.NEEDS_CHANGES in (self.state, self.changes)

    @property
    def is_live(self) -> bool:
        return self.state == State.PUBLISHED


def _workflow_state(page) -> WorkflowState | None:
    # Filled by prefetch_workflow_states() in lists; one query otherwise.
    return page.current_workflow_state


def submission_state(page: ResourcePage, last_comment: EditorComment | None = None) -> Submission:
    """The state of one resource, from its row and its active workflow state."""
    workflow_state = _workflow_state(page)
    workflow = None
    comment = ""
    if workflow_state is not None:
        if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
            workflow = State.IN_REVIEW
        else:
            workflow = State.NEEDS_CHANGES
            task_state = workflow_state.current_task_state
            comment = task_state.comment if task_state is not None else ""
    if page.live:
        state = State.PUBLISHED
        changes = workflow or (State.DRAFT if page.has_unpublished_changes else None)
    else:
        state, changes = workflow or State.DRAFT, None
    return Submission(
        page=page,
        title=page.draft_title or page.title,
        changed_at=page.latest_revision_created_at or page.last_published_at,
        state=state,
        changes=changes,
        comment=comment,
        last_comment=last_comment,
    )


def submissions_of(user) -> list[Submission]:
    """The user's resources, latest change first, with the editors' latest comment on each, in
    three queries whatever their number."""
    active_states = WorkflowState.objects.active().select_related("current_task_state")
    pages = (
        ResourcePage.objects.filter(authored_by(user))
        .distinct()
        .order_by("-latest_revision_created_at", "-pk")
        # What PageQuerySet.prefetch_workflow_states() does, through the relation that matches
        # a queryset of ResourcePage (its content type, not Page's).
        .prefetch_related(
            Prefetch(
                "_specific_workflow_states",
                queryset=active_states,
                to_attr="_current_workflow_states",
            )
        )
    )
    pages = list(pages)
    comments = last_comments(page.pk for page in pages)
    return [submission_state(page, comments.get(page.pk)) for page in pages]


# --- Creating and saving drafts -----------------------------------------------------------------


@transaction.atomic
def create_submission(user, values: dict) -> ResourcePage:
    """Create the unpublished resource from the first step, with the member as owner and author,
    and its first revision."""
    index = resource_index()
    page = ResourcePage(owner=user, live=False, **values)
    page.slug = _unique_slug(page.title, index)
    page.authors = [user]
    index.add_child(instance=page)
    revision = page.save_revision(user=user, clean=False)
    log(instance=page, action="wagtail.create", user=user, revision=revision, content_changed=True)
    return page


@transaction.atomic
def save_draft(user, page: ResourcePage, draft: ResourcePage) -> None:
    """Save the changed draft as a new revision; the live page, if any, stays as it is.

    Validation is the forms' job (and submit_for_review's): a revision that turned invalid
    because of something else (its source changed licence) must still be saveable."""
    if page.first_published_at is None and draft.title != page.draft_title:
        _follow_title(page, draft)
    if not page.live:
        # Nobody sees an unpublished row: keep it equal to the draft, so that its files and
        # previews get database ids. A child without an id cannot go through the admin's edit
        # form (modelcluster rebuilds it empty, and a file input never sends back a stored file),
        # so an editor could not approve from the edit view.
        draft.save(clean=False)
    draft.save_revision(user=user, log_action=True, clean=False)
    # The caller's page object now points at the new revision, as the row does.
    for field in _REVISION_FIELDS:
        setattr(page, field, getattr(draft, field))


_REVISION_FIELDS = (
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
)


def _unique_slug(title: str, index, page=None) -> str:
    """« exercices-corriges-limites »: plain ASCII like the site's other addresses, numbered
    when a sibling has it already."""
    base = slugify(title)[:200].strip("-") or "ressource"
    candidate, number = base, 1
    while not Page._slug_is_available(candidate, index, page):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _follow_title(page: ResourcePage, draft: ResourcePage) -> None:
    """A never-published resource's address follows its title (nobody links to it yet)."""
    index = resource_index()
    slug = _unique_slug(draft.title, index, page)
    if slug == page.slug:
        return
    draft.slug = slug
    draft.set_url_path(index)
    # The row too, so that the next draft's slug sees this one taken.
    Page.objects.filter(pk=page.pk).update(slug=slug, url_path=draft.url_path)
    page.slug, page.url_path = slug, draft.url_path


# --- Review and the workflow --------------------------------------------------------------------


def submission_errors(draft: ResourcePage) -> dict[str, list]:
    """Everything that stops the draft from going to review: the licence and money rules, and
    the fields a published resource needs."""
    errors = {field: list(messages) for field, messages in resource_errors(draft).items()}

    def require(field, present, message):
        if not present:
            errors.setdefault(field, []).insert(0, message)

    require("title", draft.title.strip(), _("Give the resource a title."))
    require("summary", draft.summary.strip(), _("Write a short summary."))
    require("disciplines", list(draft.disciplines.all()), _("Choose at least one discipline."))
    require("files", list(draft.files.all()), _("Add at least one file."))
    return errors


def is_in_review(page: ResourcePage) -> bool:
    return page.workflow_in_progress


def has_changes(page: ResourcePage) -> bool:
    """Something for the editors to read: a resource never published, or changes since."""
    return not page.live or page.has_unpublished_changes


@transaction.atomic
def submit_for_review(user, page: ResourcePage) -> dict[str, list]:
    """Send the latest revision to the editors, and the member a receipt; returns the errors
    that prevent it (nothing is started, nothing sent then). After a request for changes, the
    same workflow resumes on the new revision."""
    errors = submission_errors(draft_of(page))
    if errors or not has_changes(page):
        return errors
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
            return {}  # already with the editors (a second click): no second receipt
        workflow_state.resume(user=user)
    else:
        workflow = page.get_workflow()
        if workflow is None:
            raise ImproperlyConfigured("No active workflow on the resource index.")
        workflow.start(page, user)
    receipt.schedule_receipt(user, page)
    return {}


@transaction.atomic
def withdraw_from_review(user, page: ResourcePage) -> bool:
    """Take the resource back from the editors so that its author can change it again."""
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        return False
    workflow_state.cancel(user=user)
    return True


@transaction.atomic
def unpublish(user, page: ResourcePage) -> bool:
    """Take the resource off the site (the public page answers 404); it stays a draft."""
    if not page.live:
        return False
    # Authorship is the permission here (checked by submission_for); members have no Wagtail
    # page permissions.
    UnpublishPageAction(page, user=user, log_action=True).execute(skip_permission_checks=True)
    return True
