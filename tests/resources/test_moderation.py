"""Editorial moderation: the « Éditeurs » group and the « Révision éditoriale » workflow every page
goes through before publication, and the editors' « ressource validée » badge."""

import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from resources.models import ResourcePage
from resources.moderation import EDITORS_GROUP, TASK_NAME, WORKFLOW_NAME, ensure_editorial_setup

pytestmark = pytest.mark.django_db

VALIDATED_BADGE = ">Ressource validée</span>"


@pytest.fixture
def member(make_member):
    return make_member("Marie Tremblay")


@pytest.fixture
def editor(make_member):
    user = make_member("Élise Éditrice", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def draft(make_resource, member):
    """A member's resource, saved as a draft revision, never published."""
    page = make_resource("Exercices : limites", slug="exercices", authors=[member], publish=False)
    page.save_revision(user=member)
    return page


@pytest.fixture
def submitted(draft, member):
    """The draft, submitted to the editorial workflow by its author."""
    return draft.get_workflow().start(draft, member)


@pytest.fixture
def published(make_resource, member):
    return make_resource("Notes de cours : limites", slug="limites", authors=[member])


def _setup_counts() -> dict[str, int]:
    return {
        "groups": Group.objects.count(),
        "permissions": Permission.objects.count(),
        "workflows": Workflow.objects.count(),
        "tasks": Task.objects.count(),
        "workflow_tasks": WorkflowTask.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
    }


def _root() -> Page:
    return Page.objects.get(depth=1)


# --- The editorial set-up -------------------------------------------------------------------


def test_the_data_migration_alone_creates_the_group_and_the_workflow(db):
    # No load_demo here: what exists comes from resources/migrations/0002_editorial_workflow.py.
    editors = Group.objects.get(name=EDITORS_GROUP)
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)

    assert WorkflowPage.objects.get(page=_root()).workflow == workflow
    assert [task.name for task in workflow.tasks] == [TASK_NAME]
    assert GroupPagePermission.objects.filter(group=editors, page=_root()).count() == 6


def test_the_editors_group_may_add_change_and_publish_every_page(catalogue):
    editors = Group.objects.get(name=EDITORS_GROUP)

    page_permissions = set(
        GroupPagePermission.objects.filter(group=editors, page=_root()).values_list(
            "permission__codename", flat=True
        )
    )

    assert page_permissions == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    }
    assert (
        editors.permissions.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ).count()
        == 1
    )


def test_an_editor_may_enter_the_admin(editor):
    assert editor.has_perm("wagtailadmin.access_admin") is True


def test_the_editorial_workflow_has_one_group_approval_task_on_the_root_page(catalogue):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)

    tasks = [task.specific for task in workflow.tasks]

    assert (WORKFLOW_NAME, TASK_NAME) == ("Révision éditoriale", "Approbation éditoriale")
    assert workflow.active is True
    assert len(tasks) == 1
    assert isinstance(tasks[0], GroupApprovalTask)
    assert tasks[0].name == TASK_NAME
    assert [group.name for group in tasks[0].groups.all()] == [EDITORS_GROUP]
    assert WorkflowPage.objects.get(page=_root()).workflow == workflow


def test_every_resource_goes_through_the_editorial_workflow(draft):
    assert draft.get_workflow().name == WORKFLOW_NAME


def test_running_the_setup_again_creates_nothing(catalogue):
    before = _setup_counts()

    ensure_editorial_setup(apps)
    ensure_editorial_setup(apps)

    assert _setup_counts() == before
    assert Group.objects.filter(name=EDITORS_GROUP).count() == 1
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert GroupApprovalTask.objects.filter(name=TASK_NAME).count() == 1


# --- The workflow ---------------------------------------------------------------------------


def test_a_submitted_draft_is_in_moderation_and_not_live(submitted, draft):
    draft.refresh_from_db()

    assert submitted.status == WorkflowState.STATUS_IN_PROGRESS == "in_progress"
    assert submitted.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert submitted.current_task_state.task.name == TASK_NAME
    assert draft.workflow_in_progress is True
    assert draft.live is False


def test_only_editors_are_offered_the_approval_actions(submitted, draft, member, editor):
    task = submitted.current_task_state.task.specific

    editor_actions = [name for name, _label, _modal in task.get_actions(draft, editor)]
    member_actions = task.get_actions(draft, member)

    assert editor_actions == ["reject", "approve", "approve"]
    assert member_actions == []


def test_an_editor_approves_and_the_resource_is_published(client, submitted, draft, editor):
    # when
    task_state = submitted.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")

    # then
    draft.refresh_from_db()
    submitted.refresh_from_db()
    task_state.refresh_from_db()
    assert draft.live is True
    assert draft.workflow_in_progress is False
    assert submitted.status == WorkflowState.STATUS_APPROVED
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.finished_by == editor
    assert client.get("/fr/ressources/exercices/").status_code == 200


def test_an_editor_rejects_and_the_resource_stays_unpublished(client, submitted, draft, editor):
    # when
    task_state = submitted.current_task_state
    task_state.task.specific.on_action(
        task_state, editor, "reject", comment="Ajoutez un corrigé, s'il vous plaît."
    )

    # then
    draft.refresh_from_db()
    submitted.refresh_from_db()
    task_state.refresh_from_db()
    assert draft.live is False
    assert submitted.status == WorkflowState.STATUS_NEEDS_CHANGES == "needs_changes"
    assert task_state.status == TaskState.STATUS_REJECTED == "rejected"
    assert task_state.comment == "Ajoutez un corrigé, s'il vous plaît."
    # Back to its author: no longer "in progress", but still the page's current workflow state.
    assert draft.workflow_in_progress is False
    assert draft.current_workflow_state.pk == submitted.pk
    assert client.get("/fr/ressources/exercices/").status_code == 404


def test_the_admin_edit_page_shows_the_workflow_in_progress(client, submitted, draft, editor):
    client.force_login(editor)

    response = client.get(f"/admin/pages/{draft.pk}/edit/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<span id="title-text-workflow-status-dialog">Révision éditoriale</span>' in html
    assert "Envoyé vers Approbation éditoriale" in html
    assert re.search(r">\s*En cours de modération\s*</h3>", html) is not None


def test_the_admin_edit_page_shows_the_editor_s_request_for_changes(
    client, submitted, draft, editor
):
    task_state = submitted.current_task_state
    task_state.task.specific.on_action(task_state, editor, "reject", comment="Ajoutez un corrigé.")
    client.force_login(editor)

    html = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()

    assert "Modifications demandées par Élise Éditrice" in html
    assert '<em>"Ajoutez un corrigé."</em>' in html
    assert "Resoumettre à Approbation éditoriale" in html


def test_the_admin_edit_page_of_a_draft_outside_the_workflow_shows_no_workflow(
    client, draft, editor
):
    client.force_login(editor)

    response = client.get(f"/admin/pages/{draft.pk}/edit/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<span id="title-text-workflow-status-dialog">' not in html
    assert "En cours de modération" not in html


# --- The « ressource validée » badge --------------------------------------------------------


def _validation_url(page) -> str:
    return reverse("resources_toggle_validation", args=[page.pk])


def _validation(page) -> tuple:
    page.refresh_from_db()
    return page.validated_at is not None, page.validated_by


def test_the_validation_url_is_in_the_admin(published):
    assert _validation_url(published) == f"/admin/ressources/{published.pk}/validation/"


def test_an_editor_validates_a_resource(client, published, editor, catalogue):
    # given
    client.force_login(editor)

    # when
    response = client.post(_validation_url(published))

    # then
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{catalogue.pk}/"
    assert _validation(published) == (True, editor)


def test_an_editor_removes_the_validation(client, published, editor):
    client.force_login(editor)
    client.post(_validation_url(published))

    response = client.post(_validation_url(published))

    assert response.status_code == 302
    assert _validation(published) == (False, None)


def test_the_confirmation_page_changes_nothing(client, published, editor):
    client.force_login(editor)

    response = client.get(_validation_url(published))

    assert response.status_code == 200
    assert "Attribuer à cette ressource le badge «\xa0ressource validée\xa0»" in (
        response.content.decode()
    )
    assert _validation(published) == (False, None)


def test_a_superuser_may_validate(client, published, make_member):
    admin = make_member("Admin", is_staff=True, is_superuser=True)
    client.force_login(admin)

    client.post(_validation_url(published))

    assert _validation(published) == (True, admin)


def test_an_admin_user_outside_the_editors_group_is_forbidden(client, published, make_member):
    # given a staff member who may enter the admin but is not an editor
    readers = Group.objects.create(name="Lecteurs")
    readers.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    staff = make_member("Paul Personnel", is_staff=True)
    staff.groups.add(readers)
    client.force_login(staff)

    # when
    response = client.post(_validation_url(published))

    # then the view's PermissionDenied becomes Wagtail's "permission denied": back to the
    # dashboard with an error message (Wagtail's admin messages are escaped HTML)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert [str(message).strip() for message in get_messages(response.wsgi_request)] == [
        "Désolé, vous n&#x27;avez pas les autorisations pour accéder à cette zone."
    ]
    assert _validation(published) == (False, None)


def test_a_plain_member_is_sent_to_the_admin_login(client, published, member):
    # Wagtail's admin refuses users without admin access before the view runs.
    client.force_login(member)

    response = client.post(_validation_url(published))

    assert response.status_code == 302
    assert (
        response["Location"] == f"/admin/login/?next=/admin/ressources/{published.pk}/validation/"
    )
    assert _validation(published) == (False, None)


def test_a_plain_member_cannot_remove_a_validation(client, published, member, editor):
    client.force_login(editor)
    client.post(_validation_url(published))
    client.force_login(member)

    response = client.post(_validation_url(published))

    assert response.status_code == 302
    assert _validation(published) == (True, editor)


def test_an_anonymous_visitor_cannot_validate(client, published):
    response = client.post(_validation_url(published))

    assert response.status_code == 302
    assert _validation(published) == (False, None)


def test_validating_a_page_that_is_not_a_resource_is_not_found(client, catalogue, editor):
    client.force_login(editor)

    response = client.post(reverse("resources_toggle_validation", args=[catalogue.pk]), follow=True)

    # LocaleMiddleware first redirects the admin's 404 to /fr/admin/… (see test_downloads.py)
    assert response.status_code == 404
    assert ResourcePage.objects.filter(validated_at__isnull=False).count() == 0


def test_the_public_page_shows_the_validated_badge(client, published, editor):
    # given
    assert VALIDATED_BADGE not in client.get("/fr/ressources/limites/").content.decode()
    client.force_login(editor)
    client.post(_validation_url(published))
    client.logout()

    # when
    html = client.get("/fr/ressources/limites/").content.decode()

    # then
    assert (
        '<span class="badge badge--validated" title="Un membre de l’équipe éditoriale a vérifié '
        'la qualité de cette ressource.">Ressource validée</span>'
    ) in html


def test_the_badge_disappears_when_the_validation_is_removed(client, published, editor):
    client.force_login(editor)
    client.post(_validation_url(published))
    client.get("/fr/ressources/limites/")
    client.post(_validation_url(published))
    client.logout()

    html = client.get("/fr/ressources/limites/").content.decode()

    assert VALIDATED_BADGE not in html


def test_publishing_an_older_revision_keeps_the_validation(client, published, editor):
    # given a first revision, a second one published, then the editor's validation
    first_revision_id = published.live_revision_id
    published.title = "Notes de cours : limites (2e édition)"
    published.save_revision().publish()
    client.force_login(editor)
    client.post(_validation_url(published))
    validated_at = ResourcePage.objects.get(pk=published.pk).validated_at

    # when the first revision is published again
    published.revisions.get(pk=first_revision_id).publish()

    # then
    page = ResourcePage.objects.get(pk=published.pk)
    assert page.title == "Notes de cours : limites"
    assert (page.validated_at, page.validated_by) == (validated_at, editor)
