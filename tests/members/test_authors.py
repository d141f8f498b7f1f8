"""Public author pages (/<lang>/auteurs/<slug>/) and following an author: who has a page, what
it shows (never the e-mail address), following and unfollowing, and a number of queries that
does not grow with the author's resources."""

import datetime
import json
import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Follow, Institution, InstitutionDomain
from core.pagination import PAGE_SIZE
from resources.models import Discipline, ResourcePage
from tests.helpers import lang_path

pytestmark = pytest.mark.django_db

NEXT_YEAR = timezone.localdate() + datetime.timedelta(days=365)
EMAIL = "marie.tremblay@cegep-exemple.qc.ca"


@pytest.fixture
def marie(make_member):
    """A member with a full profile."""
    user = make_member(
        "Marie Tremblay",
        email=EMAIL,
        membership_expires_on=NEXT_YEAR,
        bio="J'enseigne les mathématiques au cégep depuis quinze ans.",
        bio_en="I have taught mathematics in college for fifteen years.",
        links="https://www.example.org/marie\nhttps://orcid.org/0000-0002-1825-0097",
    )
    user.disciplines.set(Discipline.objects.filter(code__in=["201", "420"]))
    return user


@pytest.fixture
def teacher(make_member):
    return make_member("Théo Enseignant", email="theo@example.org")


def _login_url():
    with translation.override("fr"):
        return reverse("account_login")


def _url(user, lang="fr"):
    return f"{lang_path(lang, 'auteurs/')}{user.slug}/"


def _follow_url(user, lang="fr"):
    return lang_path(lang, f"auteurs/{user.slug}/suivre/")


def _rate(page, count, total):
    ResourcePage.objects.filter(pk=page.pk).update(rating_count=count, rating_sum=total)


def _json_ld(html):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(script) for script in scripts]


# --- What the page shows -----------------------------------------------------------------------


def test_author_page_shows_the_profile_and_never_the_email(client, marie, make_resource):
    # given
    limits = make_resource("Notes de cours : limites", slug="limites", authors=[marie])
    python = make_resource("Introduction à Python", slug="python", authors=[marie])
    _rate(limits, 2, 9)
    _rate(python, 1, 3)

    # when
    response = client.get(_url(marie))

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 id="author-name">Marie Tremblay</h1>' in html
    assert "J&#x27;enseigne les mathématiques au cégep depuis quinze ans." in html
    assert "I have taught" not in html
    assert "201 · Mathématiques" in html
    assert "420 · " in html
    assert (
        '<a href="https://www.example.org/marie" rel="me nofollow noopener">example.org</a>' in html
    )
    assert 'rel="me nofollow noopener">orcid.org</a>' in html
    assert "Notes de cours : limites" in html
    assert "Introduction à Python" in html
    assert "4,0 sur 5" in html  # (9 + 3) / 3 over all the author's ratings
    assert "4,5 sur 5" in html  # the card of `limits`
    assert EMAIL not in html


def test_english_page_shows_the_english_bio_and_names(client, marie, make_resource):
    make_resource(slug="limites", authors=[marie])

    html = client.get(_url(marie, "en")).content.decode()

    assert "I have taught mathematics in college for fifteen years." in html
    assert "quinze ans" not in html
    assert "201 · Mathematics" in html
    assert EMAIL not in html


def test_english_page_without_english_bio_marks_the_french_one(client, marie):
    marie.bio_en = ""
    marie.save()

    html = client.get(_url(marie, "en")).content.decode()

    assert '<div class="prose" lang="fr"><p>J&#x27;enseigne' in html


def test_french_page_marks_an_english_only_bio(client, marie):
    marie.bio = ""
    marie.save()

    html = client.get(_url(marie)).content.decode()

    assert '<div class="prose" lang="en"><p>I have taught' in html


def test_photo_has_the_name_as_text_alternative(client, marie):
    marie.photo.save("portrait.png", ContentFile(b"not checked here"), save=True)

    html = client.get(_url(marie)).content.decode()

    assert f'src="/media/{marie.photo.name}" alt="Marie Tremblay"' in html
    assert "avatar--initials" not in html


def test_without_photo_the_initials_stand_in(client, marie):
    html = client.get(_url(marie)).content.decode()

    assert (
        '<span class="avatar avatar--large avatar--initials" aria-hidden="true">MT</span>' in html
    )


def test_json_ld_describes_a_person_without_email(client, marie, make_resource):
    make_resource(slug="limites", authors=[marie])

    html = client.get(_url(marie)).content.decode()

    (person,) = _json_ld(html)
    assert person["@type"] == "Person"
    assert person["name"] == "Marie Tremblay"
    assert person["url"] == f"http://testserver/fr/auteurs/{marie.slug}/"
    assert person["sameAs"] == [
        "https://www.example.org/marie",
        "https://orcid.org/0000-0002-1825-0097",
    ]
    assert "email" not in person
    assert EMAIL not in json.dumps(person)


def test_unpublished_resources_are_not_shown(client, marie, make_resource):
    make_resource("Ressource publiée", slug="publiee", authors=[marie])
    make_resource("Brouillon secret", slug="brouillon", authors=[marie], publish=False)

    html = client.get(_url(marie)).content.decode()

    assert "Ressource publiée" in html
    assert "Brouillon secret" not in html
    assert '<span class="heading-count">(1)</span>' in html


def test_resources_are_paginated_by_24(client, marie, make_resource):
    for number in range(25):
        make_resource(f"Ressource {number:02d}", slug=f"r{number}", authors=[marie])

    first = client.get(_url(marie)).content.decode()
    second = client.get(_url(marie) + "?page=2").content.decode()

    assert first.count('class="card resource-card"') == 24
    assert second.count('class="card resource-card"') == 1
    assert "Ressource 00" in second  # oldest last


def test_a_teacher_with_a_published_resource_has_a_page(client, teacher, make_resource):
    make_resource(slug="theo", authors=[teacher])

    assert client.get(_url(teacher)).status_code == 200


def test_a_member_without_resources_has_a_page(client, marie):
    assert client.get(_url(marie)).status_code == 200


def test_the_resource_page_links_its_authors_to_their_pages(client, marie, make_resource):
    make_resource(slug="limites", authors=[marie], co_authors="Jean Roy")

    html = client.get("/fr/ressources/limites/").content.decode()

    assert f'<li><a href="/fr/auteurs/{marie.slug}/">Marie Tremblay</a></li>' in html
    assert "<li>Jean Roy</li>" in html


# --- Who has no page ---------------------------------------------------------------------------


def _closed(user):
    user.deleted_at = timezone.now()
    user.save()


def _deactivated(user):
    user.is_active = False
    user.save()


@pytest.mark.parametrize("spoil", [_closed, _deactivated], ids=["closed", "inactive"])
def test_closed_or_inactive_accounts_have_no_page(client, marie, make_resource, spoil):
    make_resource(slug="limites", authors=[marie])
    spoil(marie)

    assert client.get(_url(marie)).status_code == 404


def test_a_teacher_without_published_resources_has_no_page(client, teacher, make_resource):
    make_resource(slug="brouillon", authors=[teacher], publish=False)

    assert client.get(_url(teacher)).status_code == 404


def test_an_expired_member_without_resources_has_no_page(client, marie):
    marie.membership_expires_on = timezone.localdate() - datetime.timedelta(days=1)
    marie.save()

    assert client.get(_url(marie)).status_code == 404


def test_unknown_address_is_404(client):
    assert client.get("/fr/auteurs/personne-inconnue/").status_code == 404


# --- Following ---------------------------------------------------------------------------------


def test_follow_then_unfollow(client, marie, teacher):
    client.force_login(teacher)

    followed = client.post(_follow_url(marie), {"action": "follow"})
    count_after_follow = Follow.objects.filter(follower=teacher, author=marie).count()
    page = client.get(_url(marie)).content.decode()
    unfollowed = client.post(_follow_url(marie), {"action": "unfollow"})

    assert followed.status_code == 302
    assert followed["Location"] == _url(marie)
    assert count_after_follow == 1
    assert '<dd id="follower-count">1</dd>' in page
    assert 'name="action" value="unfollow"' in page
    assert unfollowed.status_code == 302
    assert Follow.objects.count() == 0


def test_following_twice_keeps_one_follow(client, marie, teacher):
    client.force_login(teacher)

    client.post(_follow_url(marie), {"action": "follow"})
    client.post(_follow_url(marie), {"action": "follow"})

    assert Follow.objects.filter(follower=teacher, author=marie).count() == 1


def test_without_action_the_button_toggles(client, marie, teacher):
    client.force_login(teacher)

    client.post(_follow_url(marie))
    after_first = Follow.objects.count()
    client.post(_follow_url(marie))

    assert after_first == 1
    assert Follow.objects.count() == 0


def test_follower_count_is_shown(client, marie, make_member):
    for number in range(3):
        Follow.objects.create(follower=make_member(f"Prof {number}"), author=marie)

    html = client.get(_url(marie)).content.decode()

    assert '<dd id="follower-count">3</dd>' in html


def test_get_is_not_allowed(client, marie, teacher):
    client.force_login(teacher)

    response = client.get(_follow_url(marie))

    assert response.status_code == 405
    assert Follow.objects.count() == 0


def test_anonymous_visitors_are_sent_to_log_in(client, marie):
    response = client.post(_follow_url(marie), {"action": "follow"})

    assert response.status_code == 302
    assert response["Location"] == f"{_login_url()}?next=/fr/auteurs/{marie.slug}/"
    assert Follow.objects.count() == 0


def test_anonymous_visitors_see_a_log_in_link_instead_of_the_button(client, marie):
    html = client.get(_url(marie)).content.decode()

    assert f'href="{_login_url()}?next=/fr/auteurs/{marie.slug}/"' in html
    assert _follow_url(marie) not in html


def test_nobody_follows_themselves(client, marie):
    client.force_login(marie)

    response = client.post(_follow_url(marie, "en"), {"action": "follow"})

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["You cannot follow yourself."]
    assert Follow.objects.count() == 0


def test_own_page_has_no_follow_button(client, marie):
    client.force_login(marie)

    html = client.get(_url(marie, "en")).content.decode()

    assert _follow_url(marie, "en") not in html
    assert "This is your public page." in html


def test_a_teacher_without_a_page_cannot_be_followed(client, marie, teacher):
    client.force_login(marie)

    response = client.post(_follow_url(teacher), {"action": "follow"})

    assert response.status_code == 404
    assert Follow.objects.count() == 0


def test_an_author_who_lost_their_page_can_still_be_unfollowed(client, marie, teacher):
    Follow.objects.create(follower=teacher, author=marie)
    marie.membership_expires_on = None
    marie.save()
    client.force_login(teacher)

    response = client.post(_follow_url(marie), {"action": "unfollow", "next": "/fr/compte/"})

    assert response.status_code == 302
    assert response["Location"] == "/fr/compte/"
    assert Follow.objects.count() == 0


@pytest.mark.parametrize("action", ["follow", "unfollow", ""])
def test_following_answers_the_same_for_a_private_account_and_an_unknown_one(
    client,
    marie,
    teacher,
    make_member,
    action,  # noqa: F811
):
    """Who has an account must not leak: a teacher without a public page, an account whose
    address was never confirmed and an unknown address all answer 404, and nothing changes."""
    from allauth.account.models import EmailAddress

    unconfirmed = make_member("Nouvelle Inscrite")
    EmailAddress.objects.filter(user=unconfirmed).update(verified=False)
    client.force_login(marie)
    data = {"action": action} if action else {}

    private = client.post(_follow_url(teacher), data)
    unknown = client.post("/fr/auteurs/personne-inconnue/suivre/", data)
    not_confirmed = client.post(_follow_url(unconfirmed), data)

    assert (private.status_code, unknown.status_code, not_confirmed.status_code) == (404, 404, 404)
    assert [str(m) for m in get_messages(private.wsgi_request)] == []
    assert Follow.objects.count() == 0


def test_next_outside_the_site_is_ignored(client, marie, teacher):
    client.force_login(teacher)

    response = client.post(
        _follow_url(marie), {"action": "follow", "next": "https://evil.example/"}
    )

    assert response["Location"] == _url(marie)


# --- Queries -----------------------------------------------------------------------------------


def _queries(client, path, django_assert_max_num_queries, maximum=25):
    with django_assert_max_num_queries(maximum) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_query_count_does_not_grow_with_resources(
    marie,
    make_member,
    make_resource,
    django_assert_max_num_queries,
    signed_in,
):
    # given: two authors, one with 1 resource and one with 10
    daniel = make_member("Daniel O'Brien", membership_expires_on=NEXT_YEAR)
    make_resource("Seule", slug="seule", authors=[marie])
    for number in range(10):
        make_resource(f"Ressource {number}", slug=f"r{number}", authors=[daniel])
    client = Client()
    if signed_in:
        client.force_login(make_member("Théo Enseignant"))
    client.get(_url(marie))  # warm the caches every page shares (site, taxonomies)

    # when
    one = _queries(client, _url(marie), django_assert_max_num_queries)
    ten = _queries(client, _url(daniel), django_assert_max_num_queries)

    # then
    assert one == ten


def test_the_author_s_resources_are_counted_once_for_the_figures_and_the_pages(
    client, marie, make_resource, django_assert_max_num_queries
):
    """The figures' aggregate counts the resources; the pages reuse it (a second COUNT over an
    author's resources cost 11–38 ms at 3,000 of them)."""
    for number in range(PAGE_SIZE + 2):
        make_resource(f"Ressource {number}", slug=f"r{number}", authors=[marie])

    with django_assert_max_num_queries(25) as captured:
        second = client.get(_url(marie) + "?page=2")
    # Read before the next request: a request's start empties the connection's query log.
    counted = [sql for sql in (q["sql"] for q in captured) if sql.startswith("SELECT COUNT(")]
    beyond = client.get(_url(marie) + "?page=9")

    assert len([sql for sql in counted if "resources_resourcepage_authors" in sql]) == 1
    data = second.context["author_page"]
    assert data.resource_count == PAGE_SIZE + 2
    assert (data.page_obj.number, data.page_obj.paginator.num_pages) == (2, 2)
    assert len(data.resources) == 2
    assert beyond.context["author_page"].page_obj.number == 2


def test_anonymous_follow_of_an_account_without_a_page_is_404(client, teacher):
    response = client.post(_follow_url(teacher), {"action": "follow"})

    assert response.status_code == 404
    assert Follow.objects.count() == 0


def test_the_institution_of_a_confirmed_address_is_shown(client, marie):
    institution = Institution.objects.create(name="Cégep de l'Exemple")
    InstitutionDomain.objects.create(institution=institution, domain="cegep-exemple.qc.ca")
    # make_member confirms the address, as a sign-up does.

    html = client.get(_url(marie)).content.decode()

    assert '<p class="author-profile__institution">Cégep de l&#x27;Exemple</p>' in html
    assert EMAIL not in html
    assert _json_ld(html)[0]["affiliation"] == {
        "@type": "Organization",
        "name": "Cégep de l'Exemple",
    }


def test_meta_description_is_the_bio(client, marie):
    html = client.get(_url(marie)).content.decode()

    assert (
        '<meta name="description" content="J&#x27;enseigne les mathématiques au cégep depuis '
        'quinze ans.">' in html
    )
    assert "<title>Marie Tremblay · APOP boutique</title>" in html
