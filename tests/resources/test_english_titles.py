"""English titles: editors give collections, disciplines and courses an English title, which
English visitors read everywhere the name shows (pages, cards, breadcrumbs, facets, search,
suggestions, feeds, the API, the newsletter); French visitors keep the French one; an item without
an English title shows its French one."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from newsletter.models import Edition
from resources.models import Course, Discipline
from search import indexing
from tests.resources.helpers import make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def limites(make_resource):
    return make_resource(
        "Notes de cours : limites", slug="limites", disciplines=("201",), courses=("201-NYA-05",)
    )


@pytest.fixture
def calcul(make_collection, limites):
    return make_collection(
        "Calcul différentiel libre",
        [(limites, "")],
        slug="calcul-libre",
        title_en="Open differential calculus",
        featured=True,
    )


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def test_a_collection_reads_english_on_every_english_page(client, calcul):
    page = _text(client.get("/en/collections/calcul-libre/").content.decode())
    index = _text(client.get("/en/collections/").content.decode())
    home = _text(client.get("/en/").content.decode())

    assert "<title>Open differential calculus" in page
    assert ">Open differential calculus</h1>" in page
    assert '<span aria-current="page">Open differential calculus</span>' in page
    assert "Calcul différentiel libre" not in page
    assert '<a href="/en/collections/calcul-libre/">Open differential calculus</a>' in index
    assert '<a href="/en/collections/calcul-libre/">Open differential calculus</a>' in home


def test_a_collection_reads_french_on_the_french_site(client, calcul):
    page = _text(client.get("/fr/collections/calcul-libre/").content.decode())

    assert ">Calcul différentiel libre</h1>" in page
    assert '<span aria-current="page">Calcul différentiel libre</span>' in page
    assert "Open differential calculus" not in page


def test_a_collection_without_an_english_title_keeps_its_french_one(client, calcul):
    calcul.title_en = ""
    calcul.save_revision().publish()

    page = _text(client.get("/en/collections/calcul-libre/").content.decode())

    assert ">Calcul différentiel libre</h1>" in page


def test_the_index_pages_are_named_in_english(client, calcul):
    resources = _text(client.get("/en/resources/").content.decode())
    collections = _text(client.get("/en/collections/").content.decode())
    resource = _text(client.get("/en/resources/limites/").content.decode())

    assert '<span aria-current="page">Resources</span>' in resources
    assert '<span aria-current="page">Collections</span>' in collections
    assert '<li><a href="/en/resources/">Resources</a></li>' in resource


def test_the_search_and_its_suggestions_name_the_collection_in_english(client, calcul):
    indexing.rebuild()

    english = _text(client.get("/en/search/", {"q": "calcul"}).content.decode())
    french = _text(client.get("/fr/recherche/", {"q": "calcul"}).content.decode())

    assert '<a href="/en/collections/calcul-libre/">Open differential calculus</a>' in english
    assert '<a href="/fr/collections/calcul-libre/">Calcul différentiel libre</a>' in french


def test_the_feed_and_the_api_name_the_collection_in_english(client, calcul):
    feed = client.get("/en/feeds/collections/calcul-libre.xml").content.decode()
    api = client.get("/api/v1/collections/calcul-libre", {"lang": "en"}).json()

    assert "Open differential calculus" in feed
    assert api["title"] == "Open differential calculus"


def test_the_newsletter_names_the_collection_in_the_reader_language(calcul, make_member):
    make_member(
        "Anna Smith", email="anna@example.org", language="en", newsletter_opt_in_at=timezone.now()
    )
    edition = Edition.objects.create(
        title="Rentrée", title_en="New term", send_on=timezone.localdate()
    )
    edition.collections.add(calcul)

    call_command("send_digest", stdout=open("/dev/null", "w"))

    (message,) = mail.outbox
    assert "Open differential calculus" in message.body
    assert "http://testserver/en/collections/calcul-libre/" in message.body
    assert "Calcul différentiel libre" not in message.body


def test_disciplines_and_courses_read_english_on_the_english_site(client, limites):
    Course.objects.filter(number="201-NYA-05").update(name_en="Differential Calculus")
    call_command("search_index", "--rebuild", stdout=open("/dev/null", "w"))

    disciplines = _text(client.get("/en/disciplines/").content.decode())
    discipline = _text(client.get("/en/disciplines/201/").content.decode())
    api = client.get("/api/v1/search", {"lang": "en"}).json()

    assert "Mathematics" in disciplines
    assert '<h1><span class="discipline-code">201</span> Mathematics</h1>' in discipline
    assert {f["key"]: f["label"] for f in api["facets"]["discipline"]} == {"201": "Mathematics"}
    assert {f["key"]: f["label"] for f in api["facets"]["cours"]} == {
        "201-NYA-05": "Differential Calculus"
    }


def test_editors_give_the_english_titles_in_the_admin(client, make_member, calcul):
    client.force_login(make_editor(make_member))
    discipline = Discipline.objects.get(code="201")
    course = Course.objects.get(number="201-NYA-05")

    collection_form = client.get(f"/admin/pages/{calcul.pk}/edit/").content.decode()
    discipline_form = client.get(
        f"/admin/snippets/resources/discipline/edit/{discipline.pk}/"
    ).content.decode()
    course_form = client.get(f"/admin/snippets/resources/course/edit/{course.pk}/")

    assert 'name="title_en"' in collection_form
    assert 'value="Open differential calculus"' in collection_form
    assert 'name="name_en"' in discipline_form
    assert 'name="name_en"' in course_form.content.decode()
