"""The workflow's e-mails are the product's own, each in its recipient's language: the editors
hear of a submission once each (never Wagtail's two stock notices), the authors get the editor's
comment with the decision, and « Mes soumissions » shows the last comment and the state."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.resources.helpers import BASE, fill_all_steps, make_editor, step_url

pytestmark = pytest.mark.django_db

COMMENT = "Très belle ressource, merci."


@pytest.fixture
def editors(make_member):
    french = make_editor(make_member)
    english = make_member("Edith Editor", is_staff=True, language="en")
    english.groups.add(*french.groups.all())
    return french, english


def _submit(member_client, django_capture_on_commit_callbacks):
    page = fill_all_steps(member_client)
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(step_url(page, "verification"), {"action": "submit"})
    assert response.status_code == 302
    page.refresh_from_db()
    return page


def _to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_each_editor_gets_one_e_mail_of_ours_in_their_language(
    member_client, editors, django_capture_on_commit_callbacks
):
    french, english = editors

    page = _submit(member_client, django_capture_on_commit_callbacks)

    # The editors' two e-mails and the member's receipt (submissions/receipt.py); nothing else:
    # none of Wagtail's notices.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [french.email, english.email, page.owner.email]
    )
    (to_french,) = _to(french)
    (to_english,) = _to(english)
    assert to_french.subject == "APOP boutique · À réviser\u00a0: «\u00a0Exercices : limites\u00a0»"
    assert to_english.subject == "APOP boutique · To review: “Exercices : limites”"
    edit_url = f"/admin/pages/{page.pk}/edit/"
    for message, facts in (
        (
            to_french,
            (
                "Marie Tremblay a soumis",
                "Licence\u00a0: CC BY-NC-SA 4.0",
                "Gratuit",
                "201 Mathématiques",
                "1 fichier",
            ),
        ),
        (
            to_english,
            (
                "Marie Tremblay submitted",
                "Licence: CC BY-NC-SA 4.0",
                "Free",
                "201 Mathematics",
                "1 file",
            ),
        ),
    ):
        assert edit_url in message.body
        assert "/admin/account/" not in message.body  # Wagtail's own footer
        for fact in facts:
            assert fact in message.body, (fact, message.body)
        html, mime = message.alternatives[0]
        assert mime == "text/html"
        assert edit_url in html


def test_the_author_gets_the_approval_comment_by_e_mail_and_in_my_submissions(
    member_client, member, editors, django_capture_on_commit_callbacks
):
    french, _english = editors
    page = _submit(member_client, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    editor_client = Client()
    editor_client.force_login(french)
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, {"comment": COMMENT})

    assert response.status_code == 302
    (published,) = mail.outbox  # the author only
    assert published.to == [member.email]
    assert (
        published.subject
        == "APOP boutique · Votre ressource «\u00a0Exercices : limites\u00a0» est publiée"
    )
    assert COMMENT in published.body
    assert COMMENT in published.alternatives[0][0]
    listing = member_client.get(BASE).content.decode()
    assert 'data-state="published"' in listing
    assert 'data-editor-comment="approved"' in listing
    assert COMMENT in listing


def test_my_submissions_shows_the_comment_of_a_request_for_changes(
    member_client, editors, django_capture_on_commit_callbacks
):
    french, _english = editors
    page = _submit(member_client, django_capture_on_commit_callbacks)
    editor_client = Client()
    editor_client.force_login(french)
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(url, {"comment": "Ajoutez le corrigé."})

    listing = member_client.get(BASE).content.decode()
    assert 'data-state="needs_changes"' in listing
    assert 'data-editor-comment="changes"' in listing
    assert "Commentaire des éditeurs lors de la demande de corrections" in listing
    assert "Ajoutez le corrigé." in listing


def test_my_submissions_costs_the_same_queries_whatever_the_number_of_comments(
    member_client, editors, django_assert_max_num_queries
):
    french, _english = editors
    fill_all_steps(member_client, title="Première")
    with django_assert_max_num_queries(30) as captured:
        member_client.get(BASE)
    few = len(captured)
    for title in ("Deuxième", "Troisième"):
        page = fill_all_steps(member_client, title=title)
        member_client.post(step_url(page, "verification"), {"action": "submit"})
        page.refresh_from_db()
        task_state = page.current_workflow_state.current_task_state
        task_state.task.specific.on_action(
            task_state, french, "reject", comment=f"À revoir : {title}"
        )

    with django_assert_max_num_queries(few):
        listing = member_client.get(BASE).content.decode()

    assert listing.count('data-editor-comment="changes"') == 2


def test_an_editor_without_an_address_or_closed_gets_nothing(
    member_client, member, editors, django_capture_on_commit_callbacks
):
    french, english = editors
    english.is_active = False
    english.save()

    _submit(member_client, django_capture_on_commit_callbacks)

    # Besides the member's own receipt (submissions/receipt.py).
    assert sorted(message.to[0] for message in mail.outbox) == sorted([french.email, member.email])
