"""Discipline pages: /<lang>/disciplines/ (every discipline, its code and its number of published
resources) and /<lang>/disciplines/<code>/ (its resources, newest first, paginated, in a fixed
number of queries)."""

import re
from datetime import UTC, datetime

import pytest

from core.pagination import PAGE_SIZE
from resources.models import Discipline, ResourcePage
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

_INDEX_ENTRY = re.compile(
    r'<span class="discipline-list__code">(?P<code>\d{3})</span>\s*'
    r'<span class="discipline-list__name">(?P<name>[^<]*)</span>\s*'
    r'<span class="discipline-list__count">(?P<count>[^<]*)</span>'
)
_CARD_TITLE = re.compile(
    r'<h3 class="resource-card__title"><a href="[^"]*"[^>]*><span[^>]*>([^<]*)</span>'
)


def _index_entries(html: str) -> dict[str, tuple[str, str]]:
    """{code: (name, count text)} of the discipline list."""
    return {m["code"]: (m["name"], m["count"]) for m in _INDEX_ENTRY.finditer(html)}


def _card_titles(html: str) -> list[str]:
    return _CARD_TITLE.findall(html)


_RESULT_COUNT = re.compile(r'<p class="result-count"[^>]*>(.*?)</p>', re.S)


def _result_count(html: str) -> str:
    """The results header's count sentence, whitespace collapsed."""
    return " ".join(_RESULT_COUNT.search(html).group(1).split())


def _published_at(page, day: int) -> None:
    ResourcePage.objects.filter(pk=page.pk).update(
        first_published_at=datetime(2025, 1, day, 12, tzinfo=UTC)
    )


# --- The index ------------------------------------------------------------------------------


def test_index_lists_every_discipline_with_its_code_and_published_resource_count(
    client, make_resource
):
    # given two published resources in 201, one in 420 (and 201), one unpublished in 420
    make_resource("Limites", disciplines=("201",))
    make_resource("Dérivées", disciplines=("201", "420"))
    make_resource("Python", disciplines=("420",))
    make_resource("Brouillon", disciplines=("420",), publish=False)

    # when
    response = client.get("/fr/disciplines/")

    # then
    assert response.status_code == 200
    entries = _index_entries(response.content.decode())
    assert len(entries) == Discipline.objects.count() == 34
    assert list(entries) == sorted(entries)
    assert entries["201"] == ("Mathématiques", "2 ressources")
    assert entries["420"] == ("Informatique", "2 ressources")
    assert entries["101"] == ("Biologie", "0 ressource")


def test_index_counts_one_resource_in_the_singular(client, make_resource):
    make_resource("Python", disciplines=("420",))

    entries = _index_entries(client.get("/fr/disciplines/").content.decode())

    assert entries["420"] == ("Informatique", "1 ressource")


def test_index_in_english_shows_english_names(client, make_resource):
    make_resource("Limites", disciplines=("201",))
    make_resource("Python", disciplines=("420",))
    make_resource("Brouillon", disciplines=("420",), publish=False)

    response = client.get("/en/disciplines/")

    assert response.status_code == 200
    entries = _index_entries(response.content.decode())
    assert entries["201"] == ("Mathematics", "1 resource")
    assert entries["420"] == ("Computer Science", "1 resource")
    assert entries["101"] == ("Biology", "0 resources")


def test_index_links_each_discipline_to_its_page(client, catalogue):
    html = client.get("/fr/disciplines/").content.decode()

    assert '<a href="/fr/disciplines/420/">' in html


# --- A discipline's page --------------------------------------------------------------------


def test_discipline_page_lists_only_its_published_resources_newest_first(client, make_resource):
    # given three resources in 420 published in a different order than created, one in 201 only,
    # and an unpublished one in 420
    oldest = make_resource("Python : les bases", disciplines=("420",))
    newest = make_resource("Python : les classes", disciplines=("420",))
    middle = make_resource("Python : les fonctions", disciplines=("201", "420"))
    make_resource("Limites", disciplines=("201",))
    make_resource("Brouillon", disciplines=("420",), publish=False)
    _published_at(oldest, 1)
    _published_at(middle, 2)
    _published_at(newest, 3)

    # when
    response = client.get("/fr/disciplines/420/")

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="discipline-code">420</span> Informatique</h1>' in html
    assert _card_titles(html) == [
        "Python : les classes",
        "Python : les fonctions",
        "Python : les bases",
    ]
    assert _result_count(html) == "3 ressources"


def test_discipline_page_count_text_is_singular_for_one_resource(client, make_resource):
    make_resource("Python : les bases", disciplines=("420",))

    html = client.get("/fr/disciplines/420/").content.decode()

    assert _result_count(html) == "1 ressource"


def test_discipline_page_in_english(client, make_resource):
    make_resource("Python : les bases", disciplines=("420",))
    make_resource("Python : les classes", disciplines=("420",))

    html = client.get("/en/disciplines/420/").content.decode()

    assert '<span class="discipline-code">420</span> Computer Science</h1>' in html
    assert _result_count(html) == "2 resources"


def test_discipline_without_resources_shows_the_empty_state(client, catalogue):
    response = client.get("/fr/disciplines/101/")

    html = response.content.decode()
    assert response.status_code == 200
    assert _card_titles(html) == []
    assert "Aucune ressource dans cette discipline pour le moment" in html
    assert '<div class="empty-state">' in html


# --- Pagination -----------------------------------------------------------------------------


@pytest.fixture
def twenty_five(make_resource):
    """PAGE_SIZE + 1 resources in 420, "Ressource 01" published first, "Ressource 25" last."""
    assert PAGE_SIZE == 24
    pages = [
        make_resource(f"Ressource {number:02d}", disciplines=("420",), tags=(), files=())
        for number in range(1, PAGE_SIZE + 2)
    ]
    for day, page in enumerate(pages, start=1):
        _published_at(page, day)
    return pages


def test_resources_beyond_the_page_size_go_to_the_second_page(client, twenty_five):
    # when
    first = client.get("/fr/disciplines/420/")
    second = client.get("/fr/disciplines/420/", {"page": 2})

    # then
    first_html, second_html = first.content.decode(), second.content.decode()
    titles = _card_titles(first_html)
    assert (first.status_code, second.status_code) == (200, 200)
    assert len(titles) == PAGE_SIZE
    assert (titles[0], titles[-1]) == ("Ressource 25", "Ressource 02")
    assert '<span aria-current="page">Page 1 sur 2</span>' in first_html
    assert (
        '<a class="button button--secondary" href="?page=2#resultats" rel="next">Suivante'
        in first_html
    )
    assert _card_titles(second_html) == ["Ressource 01"]
    assert '<span aria-current="page">Page 2 sur 2</span>' in second_html
    assert 'href="?#resultats" rel="prev"' in second_html  # page 1 needs no parameter
    assert _result_count(second_html) == "25 ressources"


@pytest.mark.parametrize(
    ("page", "expected_page", "card_count", "first_title"),
    [
        ("99", "Page 2 sur 2", 1, "Ressource 01"),  # beyond the last page: the last page
        ("abc", "Page 1 sur 2", PAGE_SIZE, "Ressource 25"),  # not a number: the first page
    ],
)
def test_out_of_range_or_invalid_page_numbers_fall_back(
    client, twenty_five, page, expected_page, card_count, first_title
):
    response = client.get("/fr/disciplines/420/", {"page": page})

    html = response.content.decode()
    titles = _card_titles(html)
    assert response.status_code == 200
    assert f'<span aria-current="page">{expected_page}</span>' in html
    assert (len(titles), titles[0]) == (card_count, first_title)


# --- Unknown codes --------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["999", "abc", "42", "4200"])
def test_unknown_discipline_code_is_not_found(client, catalogue, code):
    response = client.get(f"/fr/disciplines/{code}/")

    assert response.status_code == 404


# --- Queries --------------------------------------------------------------------------------


def test_discipline_page_queries_do_not_grow_with_the_number_of_resources(client, make_resource):
    # given two resources
    for number in range(2):
        make_resource(f"Ressource {number}", disciplines=("420",), tags=())
    with_two = queries_for(client, "/fr/disciplines/420/")

    # when eight more are published
    for number in range(2, 10):
        make_resource(f"Ressource {number}", disciplines=("201", "420"), tags=())
    with_ten = queries_for(client, "/fr/disciplines/420/")

    # then
    assert len(_card_titles(client.get("/fr/disciplines/420/").content.decode())) == 10
    assert with_ten == with_two


def test_discipline_index_queries_do_not_grow_with_the_number_of_resources(client, make_resource):
    make_resource("Ressource 0", disciplines=("420",), tags=())
    with_one = queries_for(client, "/fr/disciplines/")

    for number in range(1, 6):
        make_resource(f"Ressource {number}", disciplines=("201", "420"), tags=())
    with_six = queries_for(client, "/fr/disciplines/")

    assert with_six == with_one
