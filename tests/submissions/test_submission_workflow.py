"""The whole journey of a submission through the editorial workflow, with the test client:
member submits → an editor requests changes in the admin → the member corrects and resubmits →
the editor approves → published; then a new revision of the live resource, and unpublishing.
E-mails: exactly one per author for each decision, ours (never Wagtail's admin-flavoured one)."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from resources.models import ResourcePage
from submissions import attachments
from submissions import service as submission
from tests.resources.helpers import (
    BASE,
    DESCRIPTION,
    a_year_from_now,
    fill_all_steps,
    make_editor,
    pdf_upload,
    private_files,
    step_url,
)

pytestmark = pytest.mark.django_db

COMMENT = "Ajoutez un corrigé, s'il vous plaît."


@pytest.fixture
def member(catalogue, make_member):
    # English, so that the e-mails read as their source text whatever the French catalogue says.
    return make_member("Marie Tremblay", membership_expires_on=a_year_from_now(), language="en")


@pytest.fixture
def editor(make_member):
    return make_editor(make_member)


@pytest.fixture
def editor_client(editor):
    from django.test import Client

    editor_client = Client()
    editor_client.force_login(editor)
    return editor_client


def _workflow_action(editor_client, page, action, **data):
    """What the admin's workflow buttons POST (wagtail/admin/views/generic/workflow.py)."""
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def _state_markers(client) -> str:
    return client.get(BASE).content.decode()


def _mails_to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


def test_the_whole_journey_from_submission_to_publication_and_back(
    member_client, member, editor_client, django_capture_on_commit_callbacks
):
    # Given a member who fills the five steps and submits
    page = fill_all_steps(member_client)
    response = member_client.post(step_url(page, "verification"), {"action": "submit"})
    assert response.status_code == 302
    assert response["Location"] == BASE
    page.refresh_from_db()
    assert page.workflow_in_progress is True
    assert page.live is False
    assert 'data-state="in_review"' in _state_markers(member_client)
    # While the editors read it, the steps are closed and nothing is saved.
    revisions = page.revisions.count()
    blocked = member_client.post(step_url(page, "description"), {**DESCRIPTION, "title": "X"})
    assert blocked["Location"] == step_url(page, "verification")
    assert page.revisions.count() == revisions

    # When an editor requests changes with a comment
    with django_capture_on_commit_callbacks(execute=True):
        _workflow_action(editor_client, page, "reject", comment=COMMENT)

    # Then the member gets one e-mail with the comment and a link to the review step
    changes_mails = _mails_to(member)
    assert len(changes_mails) == 1
    message = changes_mails[0]
    assert message.subject == "APOP boutique · Changes are requested for “Exercices : limites”"
    assert COMMENT in message.body
    root = page.get_site().root_url
    assert f"{root}/en/account/submissions/{page.pk}/review/" in message.body
    html_body, mime = message.alternatives[0]
    assert mime == "text/html"
    assert "Ajoutez un corrigé, s&#x27;il vous plaît." in html_body
    listing = _state_markers(member_client)
    assert 'data-state="needs_changes"' in listing
    assert "Ajoutez un corrigé, s&#x27;il vous plaît." in listing

    # When the member corrects and submits again
    response = member_client.post(
        step_url(page, "description"),
        {**DESCRIPTION, "title": "Exercices corrigés : limites", "action": "leave"},
    )
    assert response.status_code == 302
    member_client.post(step_url(page, "verification"), {"action": "submit"})
    page.refresh_from_db()
    assert page.workflow_in_progress is True
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1  # resumed
    assert 'data-state="in_review"' in _state_markers(member_client)

    # And the editor approves
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _workflow_action(editor_client, page, "approve")

    # Then the resource is live, at its address, and the member gets one « published » e-mail
    page.refresh_from_db()
    public_url = f"/fr/ressources/{page.slug}/"
    assert page.live is True
    assert page.title == "Exercices corrigés : limites"
    assert member_client.get(public_url).status_code == 200
    published_mails = _mails_to(member)
    assert len(published_mails) == 1
    assert published_mails[0].subject == (
        "APOP boutique · Your resource “Exercices corrigés : limites” is published"
    )
    assert f"{root}/en/resources/{page.slug}/" in published_mails[0].body
    assert 'data-state="published"' in _state_markers(member_client)

    # When the member edits the live resource
    member_client.post(
        step_url(page, "description"),
        {**DESCRIPTION, "title": "Nouveau titre en attente", "action": "leave"},
    )

    # Then the live page keeps its title until the new revision is approved
    page.refresh_from_db()
    assert page.title == "Exercices corrigés : limites"
    assert page.draft_title == "Nouveau titre en attente"
    public_html = member_client.get(public_url).content.decode()
    assert "Exercices corrigés : limites" in public_html
    assert "Nouveau titre en attente" not in public_html
    listing = _state_markers(member_client)
    assert 'data-state="published"' in listing
    assert 'data-state="draft"' in listing

    # When the member unpublishes it (a confirmation page, then a POST)
    confirm = member_client.get(f"{BASE}{page.pk}/depublier/")
    assert confirm.status_code == 200
    response = member_client.post(f"{BASE}{page.pk}/depublier/")

    # Then its public address answers 404 and it is a draft again
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live is False
    assert member_client.get(public_url).status_code == 404
    listing = _state_markers(member_client)
    assert 'data-state="published"' not in listing
    assert 'data-state="draft"' in listing


def test_each_author_gets_exactly_one_e_mail_and_wagtail_sends_none_to_them(
    member_client, member, make_member, editor_client, django_capture_on_commit_callbacks
):
    co_author = make_member("Sophie Gagnon", membership_expires_on=a_year_from_now(), language="en")
    page = fill_all_steps(member_client)
    draft = page.get_latest_revision_as_object()
    draft.authors = [member, co_author]
    draft.save_revision(user=member)
    member_client.post(step_url(page, "verification"), {"action": "submit"})

    with django_capture_on_commit_callbacks(execute=True):
        _workflow_action(editor_client, page, "approve")

    for author in (member, co_author):
        (message,) = _mails_to(author)
        assert message.subject == (
            "APOP boutique · Your resource “Exercices : limites” is published"
        )
        assert "/admin/" not in message.body


def test_each_author_gets_links_in_their_own_language(
    member_client, member, make_member, editor_client, django_capture_on_commit_callbacks
):
    co_author = make_member("Sophie Gagnon", language="fr")
    page = fill_all_steps(member_client)
    draft = page.get_latest_revision_as_object()
    draft.authors = [member, co_author]
    draft.save_revision(user=member)
    member_client.post(step_url(page, "verification"), {"action": "submit"})

    with django_capture_on_commit_callbacks(execute=True):
        _workflow_action(editor_client, page, "reject", comment=COMMENT)

    (french,) = _mails_to(co_author)
    (english,) = _mails_to(member)
    root = page.get_site().root_url
    assert f"{root}/fr/compte/depots/{page.pk}/verification/" in french.body
    assert f"{root}/en/account/submissions/{page.pk}/review/" in english.body


def test_nothing_is_sent_before_the_decision_commits(
    member_client, member, editor_client, django_capture_on_commit_callbacks
):
    page = fill_all_steps(member_client)
    member_client.post(step_url(page, "verification"), {"action": "submit"})

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _workflow_action(editor_client, page, "reject", comment=COMMENT)

    assert _mails_to(member) == []
    assert len(callbacks) >= 1


def test_an_editor_who_asked_for_the_review_of_another_page_gets_our_decision_e_mail(
    make_member, editor, django_capture_on_commit_callbacks
):
    # Given an editor who submitted an editorial page (not a resource) for review
    requester = make_editor(make_member)
    about = Page.objects.get(slug="a-propos").specific
    about.save_revision(user=requester)
    with django_capture_on_commit_callbacks(execute=True):
        about.get_workflow().start(about, requester)
    task_state = about.current_workflow_state.current_task_state
    mail.outbox.clear()

    # When another editor approves it with a comment
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, editor, "approve", comment="Parfait.")

    # Then the requester gets our e-mail (the admin link, the comment), never Wagtail's
    (decision,) = _mails_to(requester)
    assert decision.subject == "APOP boutique · Décision des éditeurs\u00a0: «\u00a0À propos\u00a0»"
    assert "Parfait." in decision.body
    assert f"/admin/pages/{about.pk}/edit/" in decision.body
    assert "/admin/account/" not in decision.body  # Wagtail's own footer
    assert len(mail.outbox) == 1


def test_a_member_withdraws_a_submission_from_review_and_may_edit_it_again(member_client, member):
    page = fill_all_steps(member_client)
    member_client.post(step_url(page, "verification"), {"action": "submit"})

    response = member_client.post(f"{BASE}{page.pk}/retirer-de-la-revision/")

    page.refresh_from_db()
    assert response.status_code == 302
    assert page.workflow_in_progress is False
    assert page.current_workflow_state is None
    assert submission.submission_state(page).state == submission.State.DRAFT
    edit = member_client.get(step_url(page, "description"))
    assert edit.status_code == 200
    assert 'name="title"' in edit.content.decode()


def test_the_review_step_of_a_submission_in_review_offers_only_to_withdraw(member_client):
    page = fill_all_steps(member_client)
    member_client.post(step_url(page, "verification"), {"action": "submit"})

    html = member_client.get(step_url(page, "verification")).content.decode()

    assert 'data-state="in_review"' in html
    assert f'action="{BASE}{page.pk}/retirer-de-la-revision/"' in html
    assert 'value="submit"' not in html


def test_submitting_twice_starts_one_workflow(member_client):
    page = fill_all_steps(member_client)

    member_client.post(step_url(page, "verification"), {"action": "submit"})
    member_client.post(step_url(page, "verification"), {"action": "submit"})

    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1


def test_unpublishing_a_draft_changes_nothing(member_client):
    page = fill_all_steps(member_client)

    response = member_client.post(f"{BASE}{page.pk}/depublier/")

    assert response.status_code == 302
    assert ResourcePage.objects.get(pk=page.pk).live is False


def test_a_former_member_still_sees_and_may_unpublish_their_resources(
    client, member, make_resource
):
    published = make_resource("Notes : limites", slug="limites", authors=[member])
    member.membership_expires_on = None
    member.save()
    client.force_login(member)

    listing = client.get(BASE).content.decode()
    response = client.post(f"{BASE}{published.pk}/depublier/")

    assert 'data-state="published"' in listing
    assert f'href="{BASE}{published.pk}/description/"' not in listing
    assert response.status_code == 302
    assert ResourcePage.objects.get(pk=published.pk).live is False


def test_a_file_added_to_a_live_resource_waits_for_approval(
    member_client, member, make_resource, django_capture_on_commit_callbacks
):
    published = make_resource("Notes : limites", slug="limites", authors=[member])
    live_file = published.files.get()

    member_client.post(
        step_url(published, "fichiers"), {"files": pdf_upload("corrige.pdf"), "action": "upload"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(
            f"{BASE}{published.pk}/fichiers/retirer/",
            {"file": attachments.file_token(live_file.file.name)},
        )

    published.refresh_from_db()
    draft = published.get_latest_revision_as_object()
    assert [f.display_name for f in draft.files.all()] == ["corrige.pdf"]
    # The live page still offers its file, which stays stored while the live page uses it.
    assert [f.display_name for f in published.files.all()] == ["notes.pdf"]
    assert len(private_files()) == 2


def test_a_published_resource_without_changes_has_nothing_to_submit(
    member_client, member, make_resource
):
    published = make_resource("Notes : limites", slug="limites", authors=[member])

    html = member_client.get(step_url(published, "verification")).content.decode()
    member_client.post(step_url(published, "verification"), {"action": "submit"})

    assert 'value="submit"' not in html
    assert WorkflowState.objects.filter(object_id=str(published.pk)).count() == 0
