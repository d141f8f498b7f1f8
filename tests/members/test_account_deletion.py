"""Deleting an account (Quebec's Law 25): the confirmation page, and `close_account` leaving the
database consistent — the user row kept as an emptied tombstone so that nothing points nowhere,
personal rows gone, downloads anonymised, ratings recounted, resources anonymised or unpublished
as chosen, every session ended, a confirmation e-mail to the old address."""

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django.utils import translation
from wagtail.models import PageLogEntry, PageSubscription, Revision, TaskState, WorkflowState
from wagtail.users.models import UserProfile

from accounts.models import Follow
from members.privacy import (
    ANONYMOUS_CREDIT,
    AccountClosingError,
    ResourcesChoice,
    close_account,
    closure_plan,
)
from resources.models import Download, Rating, ResourcePage
from tests.accounts.people import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()


def _dangling_user_references() -> list:
    """Every foreign key to the user model in every installed model (Wagtail's log entries have
    no database constraint) whose value names no existing user."""
    existing = set(User.objects.values_list("pk", flat=True))
    dangling = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if not (field.is_relation and field.related_model is User):
                continue
            values = set(
                model._base_manager.filter(**{f"{field.attname}__isnull": False}).values_list(
                    field.attname, flat=True
                )
            )
            if values - existing:
                dangling.append((model._meta.label, field.name, values - existing))
    return dangling


def _revision_authors(page) -> tuple[list, str]:
    content = Revision.page_revisions.filter(object_id=str(page.pk)).latest("pk").content
    return content["authors"], content["co_authors"]


def _authors(page) -> list[str]:
    return sorted(
        str(u) for u in ResourcePage.objects.get(pk=page.pk).authors.order_by("display_name")
    )


# --- close_account: the tombstone --------------------------------------------------------------


def test_closing_keeps_an_emptied_tombstone(world, django_capture_on_commit_callbacks):
    marie = world.marie
    photo, avatar = marie.photo.name, UserProfile.objects.get(user=marie).avatar.name
    assert default_storage.exists(photo)
    assert default_storage.exists(avatar)

    with django_capture_on_commit_callbacks(execute=True):
        close_account(marie, ResourcesChoice.ANONYMISE)

    tombstone = User.objects.get(pk=marie.pk)
    assert tombstone.email == f"supprime-{marie.pk}@invalid.example"
    assert (tombstone.display_name, tombstone.first_name, tombstone.last_name) == ("", "", "")
    assert (tombstone.bio, tombstone.bio_en, tombstone.links) == ("", "", "")
    assert (tombstone.photo.name, tombstone.slug, tombstone.language) == ("", None, "fr")
    assert (tombstone.is_active, tombstone.is_staff, tombstone.is_superuser) == (
        False,
        False,
        False,
    )
    assert tombstone.has_usable_password() is False
    assert tombstone.membership_expires_on is None
    assert (tombstone.terms_accepted_at, tombstone.newsletter_opt_in_at) == (None, None)
    assert tombstone.last_login is None
    assert tombstone.deleted_at is not None
    assert tombstone.disciplines.count() == 0
    assert tombstone.groups.count() == 0
    assert default_storage.exists(photo) is False
    assert default_storage.exists(avatar) is False


def test_closing_deletes_personal_rows_and_keeps_what_others_need(
    world, django_capture_on_commit_callbacks
):
    marie, sophie = world.marie, world.sophie

    with django_capture_on_commit_callbacks(execute=True):
        close_account(marie, ResourcesChoice.ANONYMISE)

    assert EmailAddress.objects.filter(user=marie).count() == 0
    assert UserProfile.objects.filter(user=marie).count() == 0
    assert PageSubscription.objects.filter(user=marie).count() == 0
    assert Follow.objects.filter(follower=marie).count() == 0
    assert Follow.objects.filter(author=marie).count() == 0
    assert list(Follow.objects.values_list("follower__email", "author__email")) == [
        ("sophie@example.org", "daniel@example.org")
    ]
    assert Rating.objects.filter(user=marie).count() == 0
    assert list(Rating.objects.values_list("user__email", "score")) == [("sophie@example.org", 5)]
    # Downloads stay, linked to nobody: the counts stay right.
    assert Download.objects.filter(user=marie).count() == 0
    assert Download.objects.filter(user=None, resource=world.sophies).count() == 2
    assert Download.objects.count() == 3
    # Wagtail's history keeps pointing at the tombstone.
    assert Revision.objects.filter(user=marie).count() == 2
    assert PageLogEntry.objects.filter(user=marie).exists() is True
    assert WorkflowState.objects.get(object_id=str(world.reviewed.pk)).requested_by == marie
    assert TaskState.objects.filter(finished_by=world.editor).count() == 1
    # The page Marie had locked is unlocked.
    shared = ResourcePage.objects.get(pk=world.shared.pk)
    assert (shared.locked, shared.locked_by) == (False, None)
    # Sophie is untouched.
    sophie.refresh_from_db()
    assert (sophie.email, sophie.is_active, sophie.display_name) == (
        "sophie@example.org",
        True,
        "Sophie Gagnon",
    )


def test_closing_recounts_the_ratings_it_removes(world, django_capture_on_commit_callbacks):
    world.sophies.refresh_from_db()
    assert (world.sophies.rating_count, world.sophies.rating_sum) == (1, 4)

    with django_capture_on_commit_callbacks(execute=True):
        close_account(world.marie, ResourcesChoice.ANONYMISE)

    sophies = ResourcePage.objects.get(pk=world.sophies.pk)
    free = ResourcePage.objects.get(pk=world.free.pk)
    assert (sophies.rating_count, sophies.rating_sum) == (0, 0)
    assert (free.rating_count, free.rating_sum) == (1, 5)  # Sophie's rating of Marie's work


def test_closing_leaves_no_dangling_foreign_key(world, django_capture_on_commit_callbacks):
    assert _dangling_user_references() == []

    with django_capture_on_commit_callbacks(execute=True):
        close_account(world.marie, ResourcesChoice.UNPUBLISH)

    assert _dangling_user_references() == []
    connection.check_constraints()  # SQLite: PRAGMA foreign_key_check; raises on a violation


def test_closing_ends_every_session_of_the_user_only(world, django_capture_on_commit_callbacks):
    assert world.marie_session.get("/fr/compte/confidentialite/").status_code == 200
    sessions_before = Session.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        close_account(world.marie, ResourcesChoice.ANONYMISE)

    assert Session.objects.count() == sessions_before - 1
    assert world.marie_session.get("/fr/compte/confidentialite/").status_code == 302
    assert world.sophie_session.get("/fr/compte/confidentialite/").status_code == 200


def test_a_closed_account_cannot_log_in_and_its_address_is_free_again(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        close_account(world.marie, ResourcesChoice.ANONYMISE)

    assert Client().login(email="marie@cegep.example", password=PASSWORD) is False
    again = User.objects.create_user("marie@cegep.example", "another-long-password")
    assert again.pk != world.marie.pk
    assert again.is_active is True


# --- close_account: the resources --------------------------------------------------------------


def test_the_plan_sorts_marie_s_resources(world):
    plan = closure_plan(world.marie)

    titles = {
        name: [page.title for page in getattr(plan, name)]
        for name in ("delete", "shared", "offline", "paid", "free")
    }
    assert titles == {
        "delete": ["Brouillon : intégrales"],
        "shared": ["Projet commun"],
        "offline": [],
        "paid": ["Examens corrigés"],
        "free": ["Notes de cours : limites", "Exercices : dérivées"],
    }
    assert plan.choice_matters is True


def test_anonymise_keeps_free_resources_online_under_the_anonymous_credit(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = close_account(world.marie, ResourcesChoice.ANONYMISE)

    free = ResourcePage.objects.get(pk=world.free.pk)
    reviewed = ResourcePage.objects.get(pk=world.reviewed.pk)
    assert (free.live, _authors(free), free.co_authors) == (True, [], ANONYMOUS_CREDIT)
    assert (reviewed.live, _authors(reviewed), reviewed.co_authors) == (True, [], ANONYMOUS_CREDIT)
    # Every revision too: publishing the latest one later cannot bring Marie back.
    assert _revision_authors(free) == ([], ANONYMOUS_CREDIT)
    assert (
        Revision.page_revisions.filter(object_id=str(free.pk), content__co_authors="").count() == 0
    )
    free.get_latest_revision().publish()
    assert _authors(free) == []
    assert report.anonymised == [
        "Projet commun",
        "Notes de cours : limites",
        "Exercices : dérivées",
    ]


def test_anonymise_still_unpublishes_a_paid_resource(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = close_account(world.marie, ResourcesChoice.ANONYMISE)

    paid = ResourcePage.objects.get(pk=world.paid.pk)
    assert (paid.live, _authors(paid), paid.co_authors) == (False, [], ANONYMOUS_CREDIT)
    assert report.unpublished == ["Examens corrigés"]
    assert PageLogEntry.objects.filter(page=paid, action="wagtail.unpublish").count() == 1


def test_unpublish_takes_every_resource_marie_authors_alone_offline(
    world, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = close_account(world.marie, ResourcesChoice.UNPUBLISH)

    live = dict(
        ResourcePage.objects.filter(
            pk__in=[world.free.pk, world.paid.pk, world.reviewed.pk, world.shared.pk]
        ).values_list("slug", "live")
    )
    assert live == {"limites": False, "examens": False, "derivees": False, "commun": True}
    assert report.unpublished == [
        "Examens corrigés",
        "Notes de cours : limites",
        "Exercices : dérivées",
    ]
    assert report.anonymised == ["Projet commun"]
    assert client.get("/fr/ressources/limites/").status_code == 404
    free = ResourcePage.objects.get(pk=world.free.pk)
    assert (_authors(free), free.co_authors) == ([], ANONYMOUS_CREDIT)


@pytest.mark.parametrize("choice", [ResourcesChoice.ANONYMISE, ResourcesChoice.UNPUBLISH])
def test_co_authored_resources_stay_with_their_other_authors(
    world, client, choice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        close_account(world.marie, choice)

    shared = ResourcePage.objects.get(pk=world.shared.pk)
    assert (shared.live, _authors(shared), shared.co_authors) == (
        True,
        ["Sophie Gagnon"],
        ANONYMOUS_CREDIT,
    )
    html = client.get("/fr/ressources/commun/").content.decode()
    assert "Sophie Gagnon" in html
    assert ANONYMOUS_CREDIT in html
    assert "Marie Tremblay" not in html


@pytest.mark.parametrize("choice", [ResourcesChoice.ANONYMISE, ResourcesChoice.UNPUBLISH])
def test_drafts_never_published_are_deleted(world, choice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = close_account(world.marie, choice)

    assert ResourcePage.objects.filter(pk=world.draft.pk).exists() is False
    assert report.deleted == ["Brouillon : intégrales"]


def test_a_resource_published_once_and_now_offline_stays_offline_anonymised(
    world, django_capture_on_commit_callbacks
):
    world.free.unpublish()
    assert [p.title for p in closure_plan(world.marie).offline] == ["Notes de cours : limites"]

    with django_capture_on_commit_callbacks(execute=True):
        report = close_account(world.marie, ResourcesChoice.ANONYMISE)

    free = ResourcePage.objects.get(pk=world.free.pk)
    assert (free.live, _authors(free), free.co_authors) == (False, [], ANONYMOUS_CREDIT)
    assert "Notes de cours : limites" not in report.anonymised + report.unpublished


def test_an_unknown_choice_is_refused_and_changes_nothing(world):
    with pytest.raises(AccountClosingError):
        close_account(world.marie, "burn-everything")

    marie = User.objects.get(pk=world.marie.pk)
    assert (marie.email, marie.is_active) == ("marie@cegep.example", True)
    assert ResourcePage.objects.filter(pk=world.draft.pk).exists() is True


def test_closing_twice_is_refused_and_sends_one_e_mail(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        close_account(world.marie, ResourcesChoice.ANONYMISE)

    with (
        translation.override("en"),
        pytest.raises(AccountClosingError, match="This account is already deleted."),
        django_capture_on_commit_callbacks(execute=True),
    ):
        close_account(world.marie, ResourcesChoice.UNPUBLISH)

    assert len(mail.outbox) == 1
    assert ResourcePage.objects.get(pk=world.free.pk).live is True


def test_the_last_administrator_cannot_close_their_account(make_member):
    admin = make_member("Seule Admin", is_staff=True, is_superuser=True)

    with translation.override("en"), pytest.raises(AccountClosingError, match="only administrator"):
        close_account(admin, ResourcesChoice.ANONYMISE)

    admin.refresh_from_db()
    assert (admin.is_active, admin.is_superuser) == (True, True)
