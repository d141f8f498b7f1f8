"""Download records and the library (/<lang>/compte/bibliotheque/): every successful download is
recorded and counted once; the library lists each downloaded resource once (latest first), the
member's ratings, and what followed authors published after being followed, in a number of
queries that does not grow with the downloads."""

import datetime
import re
from collections import Counter

import html5lib
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Follow
from resources.models import Download, Rating, ResourcePage
from tests.helpers import lang_path

pytestmark = pytest.mark.django_db

URL = "/fr/compte/bibliotheque/"
EN_URL = "/en/account/library/"
NEXT_YEAR = timezone.localdate() + datetime.timedelta(days=365)


@pytest.fixture
def author(make_member):
    return make_member("Marie Tremblay", membership_expires_on=NEXT_YEAR)


@pytest.fixture
def teacher(make_member):
    return make_member("Théo Enseignant")


@pytest.fixture
def free(make_resource, author):
    return make_resource("Notes de cours : limites", slug="limites", authors=[author])


@pytest.fixture
def paid(make_resource, author):
    return make_resource(
        "Examens corrigés",
        slug="examens",
        authors=[author],
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=500,
    )


def _count(page) -> int:
    return ResourcePage.objects.get(pk=page.pk).download_count


def _download(client, page):
    response = client.get(f"/telechargement/{page.pk}/")
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return response


def _download_file(client, page):
    entry = page.files.first()
    response = client.get(f"/telechargement/{page.pk}/{entry.pk}/")
    # Reading the stream closes the response the way the test client expects (closing it again
    # would fire request_finished and close the test's database connection on PostgreSQL).
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    return response


def _at(days_ago: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days_ago)


def _downloaded(user, page, days_ago=0):
    record = Download.objects.create(resource=page, user=user)
    Download.objects.filter(pk=record.pk).update(created_at=_at(days_ago))


# --- Recording downloads -----------------------------------------------------------------------


def test_an_anonymous_download_is_recorded_without_a_user(client, free):
    response = _download(client, free)

    assert response.status_code == 200
    assert list(Download.objects.values_list("resource_id", "user_id")) == [(free.pk, None)]
    assert _count(free) == 1


def test_a_signed_in_download_is_recorded_with_the_user(client, free, teacher):
    client.force_login(teacher)

    _download(client, free)

    assert list(Download.objects.values_list("resource_id", "user_id")) == [(free.pk, teacher.pk)]
    assert _count(free) == 1


def test_one_file_is_recorded_too(client, free, teacher):
    client.force_login(teacher)

    response = _download_file(client, free)

    assert response.status_code == 200
    assert Download.objects.filter(resource=free, user=teacher).count() == 1
    assert _count(free) == 1


def test_each_download_counts_exactly_once(client, free):
    _download(client, free)
    _download(client, free)
    _download_file(client, free)

    assert Download.objects.filter(resource=free).count() == 3
    assert _count(free) == 3


def test_the_counter_is_not_a_new_revision(client, free):
    revision = free.latest_revision_id

    _download(client, free)

    page = ResourcePage.objects.get(pk=free.pk)
    assert page.latest_revision_id == revision
    assert page.has_unpublished_changes is False


def test_a_refused_download_records_nothing(client, paid, teacher):
    client.force_login(teacher)

    whole = _download(client, paid)
    one = client.get(f"/telechargement/{paid.pk}/{paid.files.first().pk}/")

    assert whole.status_code == 302
    assert one.status_code == 302
    assert Download.objects.count() == 0
    assert _count(paid) == 0


def test_a_missing_resource_records_nothing(client, make_resource):
    draft = make_resource(slug="brouillon", publish=False)

    response = client.get(f"/telechargement/{draft.pk}/")

    assert response.status_code == 404
    assert Download.objects.count() == 0


# --- The library -------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)

    with translation.override("fr"):
        login = reverse("account_login")
    assert response.status_code == 302
    assert response["Location"] == f"{login}?next={URL}"


def test_downloads_are_listed_once_per_resource_latest_first(
    client,
    teacher,
    free,
    make_resource,
):
    # given
    python = make_resource("Introduction à Python", slug="python")
    _downloaded(teacher, free, days_ago=10)
    _downloaded(teacher, python, days_ago=5)
    _downloaded(teacher, free, days_ago=1)
    _downloaded(None, python)  # someone else's downloads are not mine
    client.force_login(teacher)

    # when
    html = client.get(URL).content.decode()

    # then
    section = html.split('id="downloads"', 1)[1].split('id="purchases"', 1)[0]
    assert section.count('class="library-item"') == 2
    assert section.index("Notes de cours : limites") < section.index("Introduction à Python")
    assert section.count(f'href="/telechargement/{free.pk}/"') == 1
    assert section.count(f'href="/telechargement/{python.pk}/"') == 1


def test_the_latest_download_date_is_shown(client, teacher, free):
    _downloaded(teacher, free, days_ago=40)
    Download.objects.create(resource=free, user=teacher)
    client.force_login(teacher)

    html = client.get(EN_URL).content.decode()

    today = timezone.localdate()
    assert f"Last downloaded on {today:%B}\u00a0{today.day},\u00a0{today.year}" in html


def test_a_withdrawn_resource_has_no_link_or_button(client, teacher, free):
    _downloaded(teacher, free)
    free.unpublish()
    client.force_login(teacher)

    html = client.get(EN_URL).content.decode()

    section = html.split('id="downloads"', 1)[1].split('id="purchases"', 1)[0]
    assert "Notes de cours : limites" in section
    assert '<span class="badge badge--withdrawn">Withdrawn</span>' in section
    assert "/telechargement/" not in section
    assert "/ressources/limites/" not in section


def test_my_ratings_are_listed_with_their_stars(client, teacher, author, free, make_resource):
    other = make_resource("Autre ressource", slug="autre")
    Rating.objects.create(resource=free, user=teacher, score=4, comment="Très utile en classe.")
    Rating.objects.create(resource=other, user=author, score=1)  # not mine
    client.force_login(teacher)

    html = client.get(URL).content.decode()

    section = html.split('id="ratings"', 1)[1].split('id="followed"', 1)[0]
    assert '<span aria-hidden="true" class="rating__stars">★★★★☆</span>' in section
    assert "4,0 sur 5" in section
    assert "Très utile en classe." in section
    assert 'href="/fr/ressources/limites/"' in section
    assert "Autre ressource" not in section


def test_new_resources_of_followed_authors_after_the_follow(
    client,
    teacher,
    author,
    make_member,
    make_resource,
):
    # given: one resource published before the follow, one after; one by someone not followed
    before = make_resource("Publiée avant", slug="avant", authors=[author])
    after = make_resource("Publiée après", slug="apres", authors=[author])
    stranger = make_resource("D'une inconnue", slug="inconnue", authors=[make_member("Anne")])
    follow = Follow.objects.create(follower=teacher, author=author)
    Follow.objects.filter(pk=follow.pk).update(created_at=_at(10))
    ResourcePage.objects.filter(pk=before.pk).update(first_published_at=_at(20))
    ResourcePage.objects.filter(pk=after.pk).update(first_published_at=_at(2))
    ResourcePage.objects.filter(pk=stranger.pk).update(first_published_at=_at(1))
    client.force_login(teacher)

    # when
    html = client.get(URL).content.decode()

    # then
    section = html.split('id="followed"', 1)[1]
    assert "Publiée après" in section
    assert "Publiée avant" not in section
    assert "D&#x27;une inconnue" not in section
    assert section.count('class="card resource-card"') == 1
    assert f'href="/fr/auteurs/{author.slug}/">Marie Tremblay</a>' in section
    assert f'action="/fr/auteurs/{author.slug}/suivre/"' in section
    assert 'name="next" value="/fr/compte/bibliotheque/#followed"' in section


def test_an_unpublished_new_resource_is_not_listed(client, teacher, author, make_resource):
    Follow.objects.create(follower=teacher, author=author)
    Follow.objects.update(created_at=_at(10))
    make_resource("Brouillon", slug="brouillon", authors=[author], publish=False)
    client.force_login(teacher)

    html = client.get(URL).content.decode()

    assert "Brouillon" not in html.split('id="followed"', 1)[1]


def test_unfollowing_from_the_library_comes_back_to_it(client, teacher, author):
    Follow.objects.create(follower=teacher, author=author)
    client.force_login(teacher)

    response = client.post(
        f"/fr/auteurs/{author.slug}/suivre/",
        {"action": "unfollow", "next": "/fr/compte/bibliotheque/#followed"},
    )

    assert response["Location"] == "/fr/compte/bibliotheque/#followed"
    assert Follow.objects.count() == 0


def test_empty_library_explains_each_section(client, teacher):
    client.force_login(teacher)

    response = client.get(EN_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing downloaded yet" in html
    assert "No purchases yet" in html
    assert "No ratings yet" in html
    assert "You do not follow any author yet" in html
    assert html.count('href="/en/resources/">Browse the resources</a>') == 2


def test_following_without_news_says_so(client, teacher, author):
    Follow.objects.create(follower=teacher, author=author)
    client.force_login(teacher)

    html = client.get(EN_URL).content.decode()

    assert "Nothing new yet" in html
    assert "You do not follow any author yet" not in html


# --- Resources added to the library -----------------------------------------------------------


def _added_section(html: str) -> str:
    return html.split('id="added"', 1)[1].split('id="purchases"', 1)[0]


def test_a_free_resource_added_to_the_library_is_listed_there(client, teacher, free):
    client.force_login(teacher)

    added = client.post(f"/en/cart/get/{free.pk}/")
    html = client.get(EN_URL).content.decode()

    assert added.status_code == 302
    section = _added_section(html)
    assert 'href="/en/resources/limites/" hreflang="fr" lang="fr">Notes de cours : limites</a>' in (
        section
    )
    assert f'href="/telechargement/{free.pk}/">Download' in section
    assert "Nothing added yet" not in section


def test_the_resource_page_says_it_is_in_the_library_once_added(client, teacher, free):
    client.force_login(teacher)
    before = client.get("/en/resources/limites/").content.decode()

    client.post(f"/en/cart/get/{free.pk}/")
    after = client.get("/en/resources/limites/").content.decode()

    assert f'action="/en/cart/get/{free.pk}/"' in before
    assert "In my library" not in before
    assert f'action="/en/cart/get/{free.pk}/"' not in after
    assert 'href="/en/account/library/#added">In my library</a>' in after


def test_a_resource_added_is_removed_from_the_library(client, teacher, free):
    from boutique.models import Entitlement

    client.force_login(teacher)
    client.post(f"/en/cart/get/{free.pk}/")

    response = client.post(f"/en/cart/get/{free.pk}/remove/", {"next": EN_URL})
    html = client.get(EN_URL).content.decode()

    assert response.status_code == 302
    assert response["Location"] == EN_URL
    assert Entitlement.objects.count() == 0
    assert "Nothing added yet" in _added_section(html)


def test_removing_leaves_purchases_and_other_people_alone(client, teacher, free, make_member):
    from boutique.models import Entitlement

    other = make_member("Autre Enseignante")
    theirs = Entitlement.objects.create(user=other, resource=free)
    client.force_login(teacher)

    response = client.post(f"/en/cart/get/{free.pk}/remove/")

    assert response.status_code == 302
    assert list(Entitlement.objects.values_list("pk", flat=True)) == [theirs.pk]


def test_removing_needs_a_post_and_an_account(client, free):
    from boutique.models import Entitlement

    assert client.get(f"/en/cart/get/{free.pk}/remove/").status_code == 405
    response = client.post(f"/en/cart/get/{free.pk}/remove/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/login/")
    assert Entitlement.objects.count() == 0


def test_query_count_does_not_grow_with_resources_added(
    author,
    make_member,
    make_resource,
    django_assert_max_num_queries,
):
    from boutique.models import Entitlement

    few, many = make_member("Peu"), make_member("Beaucoup")
    for number in range(10):
        page = make_resource(f"Ressource {number}", slug=f"r{number}", authors=[author])
        Entitlement.objects.create(user=many, resource=page)
        if number == 0:
            Entitlement.objects.create(user=few, resource=page)

    one = _library_queries(few, django_assert_max_num_queries)
    ten = _library_queries(many, django_assert_max_num_queries)

    assert one == ten


# --- Queries -----------------------------------------------------------------------------------


def _library_queries(user, django_assert_max_num_queries) -> int:
    client = Client()
    client.force_login(user)
    client.get(URL)  # warm the caches every page shares (site, taxonomies)
    # 22 today: the library's sections, its folders (2) and the cards' terms, whatever the count.
    with django_assert_max_num_queries(24) as captured:
        response = client.get(URL)
    assert response.status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_downloads(
    author,
    make_member,
    make_resource,
    django_assert_max_num_queries,
):
    # given: one member with 1 download, rating and follow, another with 10 of each
    few, many = make_member("Peu"), make_member("Beaucoup")
    authors = [make_member(f"Auteur {n}", membership_expires_on=NEXT_YEAR) for n in range(10)]
    for number, writer in enumerate(authors):
        Follow.objects.create(follower=many, author=writer)
        Follow.objects.update(created_at=_at(30))
        page = make_resource(f"Ressource {number}", slug=f"r{number}", authors=[writer])
        _downloaded(many, page, days_ago=number)
        Rating.objects.create(resource=page, user=many, score=3)
        if number == 0:
            Follow.objects.create(follower=few, author=writer)
            Follow.objects.update(created_at=_at(30))
            _downloaded(few, page)
            Rating.objects.create(resource=page, user=few, score=5)

    # when
    one = _library_queries(few, django_assert_max_num_queries)
    ten = _library_queries(many, django_assert_max_num_queries)

    # then
    assert one == ten


# --- Valid HTML --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_member_pages_are_valid_html_with_unique_ids(
    client,
    lang,
    teacher,
    author,
    free,
    make_resource,
):
    # given: a library with something in every section, an author page, a refused profile form
    author.bio, author.links = "Bio.", "https://example.org"
    author.save()
    Follow.objects.create(follower=teacher, author=author)
    Follow.objects.update(created_at=_at(10))
    make_resource("Nouvelle", slug="nouvelle", authors=[author])
    _downloaded(teacher, free)
    Rating.objects.create(resource=free, user=teacher, score=5, comment="Bien.")
    client.force_login(teacher)

    pages = [
        client.get(lang_path(lang, "compte/")),
        client.get(lang_path(lang, "compte/bibliotheque/")),
        client.get(f"{lang_path(lang, 'auteurs/')}{author.slug}/"),
        client.post(lang_path(lang, "compte/profil/"), {"display_name": "", "links": "ftp://x"}),
    ]

    for response in pages:
        html = response.content.decode()
        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
        ids = Counter(re.findall(r'\sid="([^"]+)"', html))
        assert [name for name, count in ids.items() if count > 1] == []
