"""The members' tests' people: the privacy tests' (tests/accounts/people.py), and the same with
Marie's history in the Wagtail admin for the account-closing tests."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.log_actions import log
from wagtail.models import PageSubscription
from wagtail.users.models import UserProfile

from accounts.roles import EDITORS_GROUP
from resources.models import ResourcePage
from tests.accounts.people import PNG, People, build_people


@pytest.fixture
def people(make_member, make_resource):
    return build_people(make_member, make_resource)


@dataclass
class World(People):
    """The people of test_privacy, plus Marie's history in the Wagtail admin."""

    editor: object = None
    reviewed: ResourcePage = None  # Marie's, submitted by her, approved by the editor: live, free
    marie_session: Client = None
    sophie_session: Client = None


@pytest.fixture
def world(make_member, make_resource):
    people = build_people(make_member, make_resource)
    marie = people.marie
    editor = make_member("Élise Éditrice", email="editrice@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    marie.groups.add(Group.objects.get(name=EDITORS_GROUP))
    # An approved workflow: Marie submits, the editor approves, the resource goes live.
    reviewed = make_resource(
        "Exercices : dérivées", slug="derivees", authors=[marie], publish=False
    )
    reviewed.save_revision(user=marie)
    workflow_state = reviewed.get_workflow().start(reviewed, marie)
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")
    reviewed.refresh_from_db()
    # A later revision by Marie, a log entry, a subscription, a Wagtail avatar, a lock.
    people.free.save_revision(user=marie)
    log(instance=people.free, action="wagtail.edit", user=marie)
    PageSubscription.objects.create(page=people.free, user=marie, comment_notifications=True)
    profile = UserProfile.get_for_user(marie)
    profile.avatar.save("avatar.png", ContentFile(PNG))
    ResourcePage.objects.filter(pk=people.shared.pk).update(locked=True, locked_by=marie)
    # Logged in twice: Marie in her browser, Sophie in hers.
    marie_session, sophie_session = Client(), Client()
    marie_session.force_login(marie)
    sophie_session.force_login(people.sophie)
    marie.refresh_from_db()
    mail.outbox.clear()  # Wagtail's "approved" notification to Marie
    return World(
        **vars(people),
        editor=editor,
        reviewed=reviewed,
        marie_session=marie_session,
        sophie_session=sophie_session,
    )
