"""Resource cards say what teachers look for — the discipline by name, the authors, the format
and the page count — in a fixed number of queries; /ressources/ is the search page with every
facet and sort."""

import re

import pytest

from resources.models import ResourceFile
from tests.helpers import lang_path, queries_for
from tests.resources.helpers import make_pdf

pytestmark = pytest.mark.django_db


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _card(html: str, title: str) -> str:
    for card in re.findall(r'<article class="card resource-card">.*?</article>', html, re.S):
        if title in card:
            return card
    raise AssertionError(f"no card for {title!r}")


@pytest.fixture
def limits(make_resource, make_member):
    author = make_member("Marie Tremblay")
    return make_resource(
        "Limites et continuité",
        authors=[author],
        co_authors="Jean Roy",
        disciplines=("201",),
        courses=("201-NYA-05",),
        files=(("notes.pdf", make_pdf("un", "deux", "trois")), ("donnees.csv", b"a;b\n1;2\n")),
    )


@pytest.mark.parametrize(
    ("lang", "discipline", "by", "pages"),
    [("fr", "Mathématiques", "Par", "3 pages"), ("en", "Mathematics", "By", "3 pages")],
)
def test_a_card_shows_the_discipline_s_name_the_authors_the_format_and_the_pages(
    client, limits, lang, discipline, by, pages
):
    card = _card(
        client.get(lang_path(lang, "ressources/")).content.decode(), "Limites et continuité"
    )

    assert re.findall(r'<li class="chip chip--discipline">([^<]*)</li>', card) == [discipline]
    assert ">201<" not in card  # the code is not shown instead of (or beside) the name
    assert squash(re.search(r'resource-card__authors">(.*?)</p>', card, re.S).group(1)) == (
        f"{by} Marie Tremblay, Jean Roy"
    )
    facts_html = re.search(r"resource-card__facts\">(.*?)</p>", card, re.S).group(1)
    facts = squash(re.sub(r"<[^>]+>", " ", facts_html))
    assert facts.replace("Format: ", "").replace("Format : ", "").startswith(f"PDF, CSV {pages}")
    assert "201-NYA-05" in facts


def test_the_pages_of_a_pdf_are_counted_once_when_it_is_saved(limits):
    files = {f.display_name: f.page_count for f in ResourceFile.objects.filter(page=limits)}

    assert files == {"notes.pdf": 3, "donnees.csv": None}


def test_an_unreadable_pdf_has_no_page_count_on_its_card(client, make_resource):
    make_resource("Brouillon illisible", files=(("x.pdf", b"%PDF-1.4 broken"),))

    card = _card(client.get("/fr/ressources/").content.decode(), "Brouillon illisible")

    assert "resource-card__pages" not in card
    assert "PDF" in card


@pytest.mark.parametrize("url", ["/fr/ressources/", "/fr/recherche/?q=ressource", "/fr/"])
def test_card_pages_cost_the_same_queries_for_one_or_twenty_resources(
    client, make_resource, make_member, url
):
    author = make_member("Marie Tremblay")
    make_resource("Ressource 0", authors=[author], courses=("201-NYA-05",), tags=())
    with_one = queries_for(client, url)

    for number in range(1, 20):
        make_resource(
            f"Ressource {number}",
            authors=[author, make_member(f"Auteur {number}")],
            co_authors="Jean Roy",
            courses=("201-NYA-05", "201-NYB-05"),
            files=(("a.pdf", make_pdf("un")), ("b.pdf", make_pdf("un", "deux"))),
            tags=(),
        )
    with_twenty = queries_for(client, url)

    assert with_twenty == with_one


def test_the_resource_index_is_the_search_page_with_every_facet_and_sort(client, limits):
    response = client.get("/fr/ressources/?cours=201nya05&tri=prix")
    html = response.content.decode()

    assert response.status_code == 200
    facets = re.findall(r'<summary class="facet__title">([^<(]+)', html)
    assert [squash(title) for title in facets] == [
        "Discipline",
        "Cours",
        "Ordre d’enseignement",
        "Type de ressource",
        "Licence",
        "Langue",
        "Prix",
    ]
    assert 'action="/fr/ressources/#resultats"' in html
    assert 'id="f-cours-201-nya-05" name="cours" value="201-NYA-05" checked' in html
    assert '<option value="prix" selected>' not in html  # one result: no sort offered
    assert "201-NYA-05 Calcul différentiel" in html  # its chip
    assert '<meta name="robots" content="noindex, follow">' in html
    assert '<meta name="robots"' not in client.get("/fr/ressources/").content.decode()


def test_the_resource_index_sorts(client, make_resource, make_member):
    make_resource(
        "Chère",
        authors=[make_member("Marie Tremblay")],
        price_cents=1500,
        licence="LicenseRef-APOP-All-Rights-Reserved",
    )
    make_resource("Gratuite")

    html = client.get("/fr/ressources/?tri=prix").content.decode()

    titles = re.findall(r'<h3 class="resource-card__title"><a[^>]*><span[^>]*>([^<]+)</span>', html)
    assert titles == ["Gratuite", "Chère"]
    assert '<option value="prix" selected>' in html
