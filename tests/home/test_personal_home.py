"""The home page after log-in: the visitor's disciplines with their new resources, and the new
resources of the authors they follow, in a fixed number of queries; anonymous visitors get the
shared page, unchanged."""

import datetime
import re

import pytest
from django.utils import timezone

from accounts.models import Follow
from resources.models import Discipline, ResourcePage
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db


def _section(html: str, heading_id: str) -> str:
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


def _titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="resource-card__title"><a[^>]*><span[^>]*>([^<]+)</span>', html)


def _published(page, days_ago: int) -> None:
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    ResourcePage.objects.filter(pk=page.pk).update(first_published_at=moment)


@pytest.fixture
def teacher(make_member):
    user = make_member("Léa Enseignante")
    user.disciplines.set([Discipline.objects.get(code="202")])
    return user


def test_the_home_page_shows_the_visitor_s_disciplines_and_their_new_resources(
    client, teacher, make_resource
):
    chimie = make_resource("Titrage acido-basique", disciplines=("202",))
    make_resource("Limites", disciplines=("201",))
    client.force_login(teacher)

    html = client.get("/fr/").content.decode()

    mine = _section(html, "mine-title")
    assert "Nouveautés dans vos disciplines" in mine
    assert '<a class="chip chip--code" href="/fr/disciplines/202/">202 · Chimie</a>' in mine
    assert _titles(mine) == [chimie.title]


def test_without_disciplines_the_home_page_asks_for_them(client, make_member, make_resource):
    make_resource("Limites")
    client.force_login(make_member("Sans Discipline"))

    mine = _section(client.get("/en/").content.decode(), "mine-title")

    assert "choose your disciplines in your profile" in mine
    assert 'href="/en/account/profile/">Choose my disciplines</a>' in mine
    assert _titles(mine) == []


def test_the_home_page_shows_the_new_resources_of_followed_authors(
    client, teacher, make_member, make_resource
):
    author = make_member("Marie Tremblay")
    before = make_resource("Avant le suivi", authors=[author], disciplines=("420",))
    _published(before, 30)
    follow = Follow.objects.create(follower=teacher, author=author)
    Follow.objects.filter(pk=follow.pk).update(created_at=timezone.now() - datetime.timedelta(10))
    after = make_resource("Après le suivi", authors=[author], disciplines=("420",))
    client.force_login(teacher)

    followed = _section(client.get("/fr/").content.decode(), "followed-title")

    assert "Nouveautés des auteurs que vous suivez" in followed
    assert _titles(followed) == [after.title]


def test_anonymous_visitors_get_the_shared_home_page(client, make_resource):
    make_resource("Limites")

    html = client.get("/fr/").content.decode()

    assert 'aria-labelledby="mine-title"' not in html
    assert 'aria-labelledby="followed-title"' not in html


def test_the_signed_in_home_page_costs_the_same_queries_for_one_or_ten_resources(
    client, teacher, make_member, make_resource
):
    author = make_member("Marie Tremblay")
    Follow.objects.create(follower=teacher, author=author)
    Follow.objects.update(created_at=timezone.now() - datetime.timedelta(10))
    client.force_login(teacher)
    make_resource("Ressource 0", authors=[author], disciplines=("202",))
    with_one = queries_for(client, "/fr/")

    for number in range(1, 10):
        make_resource(f"Ressource {number}", authors=[author], disciplines=("202", "201"))
    with_ten = queries_for(client, "/fr/")

    assert with_ten == with_one
