"""The bi-weekly digest (newsletter/): only people who consented receive it, in their language,
with what is new since their last digest in their disciplines and from the authors they follow,
the featured collections and the editors' text; one-click unsubscribe without logging in; never
twice for the same edition; the admin's counts."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from accounts.models import Follow
from newsletter import digest, unsubscribe
from newsletter.models import Delivery, Edition
from resources.models import CollectionPage, Discipline, ResourcePage

pytestmark = pytest.mark.django_db


def _published(page, days_ago):
    ResourcePage.objects.filter(pk=page.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=days_ago)
    )


@pytest.fixture
def world(make_member, make_resource):
    marie = make_member("Marie Tremblay", email="marie@example.org")
    sophie = make_member("Sophie Gagnon", email="sophie@example.org")
    theo = make_member(
        "Théo Enseignant", email="theo@example.org", newsletter_opt_in_at=timezone.now()
    )
    theo.disciplines.add(Discipline.objects.get(code="201"))
    Follow.objects.create(follower=theo, author=marie)
    in_maths = make_resource("Limites et continuité", disciplines=("201",), authors=[sophie])
    by_marie = make_resource("Cinétique chimique", disciplines=("202",), authors=[marie])
    old = make_resource("Vieilles notes de calcul", disciplines=("201",), authors=[sophie])
    _published(old, days_ago=30)
    elsewhere = make_resource("Philosophie ancienne", disciplines=("340",), authors=[sophie])
    return {
        "theo": theo,
        "marie": marie,
        "in_maths": in_maths,
        "by_marie": by_marie,
        "old": old,
        "elsewhere": elsewhere,
    }


def test_the_digest_lists_what_is_new_in_one_s_disciplines_and_from_followed_authors(world):
    (theo_digest,) = digest.digests_for([world["theo"]], timezone.now())

    assert [page.title for page in theo_digest.in_disciplines] == ["Limites et continuité"]
    assert [page.title for page in theo_digest.by_followed] == ["Cinétique chimique"]


def test_only_consenting_active_confirmed_people_receive_it(world, make_member):
    make_member("Sans consentement", email="non@example.org")
    unconfirmed = make_member(
        "Non confirmée", email="nc@example.org", newsletter_opt_in_at=timezone.now()
    )
    unconfirmed.emailaddress_set.update(verified=False)
    make_member(
        "Inactif", email="inactif@example.org", newsletter_opt_in_at=timezone.now(), is_active=False
    )

    assert list(digest.recipients()) == [world["theo"]]


def test_sending_mails_each_consenting_person_once_in_their_language(world, make_member):
    anna = make_member(
        "Anna English", email="anna@example.org", language="en", newsletter_opt_in_at=timezone.now()
    )
    Follow.objects.create(follower=anna, author=world["marie"])

    call_command("send_digest", stdout=open("/dev/null", "w"))

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["anna@example.org", "theo@example.org"]
    today = timezone.localdate()
    french, english = by_address["theo@example.org"], by_address["anna@example.org"]
    assert french.subject.startswith("APOP boutique · Infolettre du ")
    assert english.subject.startswith("APOP boutique · Newsletter of ")
    assert str(today.year) in english.subject
    html = french.alternatives[0][0]
    assert "Limites et continuité" in html
    assert "Cinétique chimique" in html
    assert "Vieilles notes" not in html
    assert "Philosophie" not in html
    assert "Cinétique chimique" in english.body
    assert "Limites" not in english.body
    for message, path in (
        (french, "/fr/infolettre/desabonnement/"),
        (english, "/en/newsletter/unsubscribe/"),
    ):
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        url = message.extra_headers["List-Unsubscribe"].strip("<>")
        assert url.startswith(f"http://testserver{path}")
        assert url in message.body
    edition = Edition.objects.get()
    assert (edition.sent_count, edition.skipped_count, edition.failed_count) == (2, 0, 0)


def test_a_second_run_sends_nothing_and_a_batch_never_serves_anyone_twice(world):
    call_command("send_digest", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1

    call_command("send_digest", stdout=open("/dev/null", "w"))
    digest.send_batch(Edition.objects.get(), [world["theo"].pk])

    assert len(mail.outbox) == 1
    assert Delivery.objects.count() == 1


def test_the_next_digest_lists_only_what_came_since_the_last(world, make_resource):
    call_command("send_digest", stdout=open("/dev/null", "w"))
    Edition.objects.update(started_at=timezone.now() - datetime.timedelta(days=14))
    make_resource("Intégrales", disciplines=("201",))
    mail.outbox.clear()

    call_command("send_digest", stdout=open("/dev/null", "w"))

    (message,) = mail.outbox
    assert "Intégrales" in message.body
    assert "Limites et continuité" not in message.body


def test_nothing_new_and_no_editorial_means_no_mail(world):
    for page in ResourcePage.objects.all():
        _published(page, days_ago=40)

    call_command("send_digest", stdout=open("/dev/null", "w"))

    assert mail.outbox == []
    edition = Edition.objects.get()
    assert (edition.sent_count, edition.skipped_count) == (0, 1)


def test_a_scheduled_edition_brings_its_text_and_collections(world, catalogue):
    collection = CollectionPage.objects.filter(live=True).first() or _collection(catalogue)
    edition = Edition.objects.create(
        title="Rentrée d'hiver",
        title_en="Winter term",
        editorial="<p>Bonne <b>rentrée</b>!</p>",
        send_on=timezone.localdate(),
    )
    edition.collections.add(collection)
    Edition.objects.create(
        title="Plus tard", send_on=timezone.localdate() + datetime.timedelta(days=3)
    )

    call_command("send_digest", stdout=open("/dev/null", "w"))

    (message,) = mail.outbox
    assert message.subject == "APOP boutique · Rentrée d'hiver"
    assert "<b>rentrée</b>" in message.alternatives[0][0]
    assert "Bonne rentrée!" in message.body
    assert collection.title in message.body
    assert Edition.objects.get(title="Plus tard").started_at is None


def _collection(catalogue):
    from resources.models import CollectionIndexPage

    index = CollectionIndexPage.objects.get()
    page = CollectionPage(
        title="Calcul différentiel libre", slug="calcul-libre", intro="Des ressources libres."
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- Unsubscribing ------------------------------------------------------------------------------


def test_one_click_unsubscribes_without_logging_in_or_csrf(world):
    token = unsubscribe.token_for(world["theo"])
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(
        f"/fr/infolettre/desabonnement/{token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert "Vous êtes désabonné" in response.content.decode()
    world["theo"].refresh_from_db()
    assert world["theo"].newsletter_opt_in_at is None
    call_command("send_digest", stdout=open("/dev/null", "w"))
    assert mail.outbox == []


def test_the_link_asks_before_unsubscribing(client, world):
    token = unsubscribe.token_for(world["theo"])

    response = client.get(f"/en/newsletter/unsubscribe/{token}/")

    assert response.status_code == 200
    assert "Unsubscribe from the newsletter?" in response.content.decode()
    world["theo"].refresh_from_db()
    assert world["theo"].newsletter_opt_in_at is not None


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_altered_link_changes_nothing(client, world, method):
    token = unsubscribe.token_for(world["theo"])
    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")

    response = getattr(client, method)(f"/fr/infolettre/desabonnement/{forged}/")

    assert response.status_code == 400
    assert "Ce lien ne fonctionne pas" in response.content.decode()
    world["theo"].refresh_from_db()
    assert world["theo"].newsletter_opt_in_at is not None


# --- The admin ---------------------------------------------------------------------------------


def test_editors_see_each_edition_s_counts(client, world, make_member):
    from django.contrib.auth.models import Group

    from accounts.roles import EDITORS_GROUP

    call_command("send_digest", stdout=open("/dev/null", "w"))
    editor = make_member("Éditrice", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)

    listing = client.get("/admin/infolettre/")
    add = client.get("/admin/infolettre/new/")

    assert listing.status_code == 200
    assert add.status_code == 200
    assert Edition.objects.get().title in listing.content.decode()
