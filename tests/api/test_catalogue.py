"""/api/v1/resources/<id>, /api/v1/disciplines and /api/v1/collections/<slug>: every field,
exactly; only what every visitor may see; files without any storage address; a fixed number of
queries."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from resources.models import (
    CollectionItem,
    CollectionPage,
    Discipline,
    ResourceFile,
    ResourcePage,
    ResourceTag,
)
from tests.helpers import lang_path

NBSP = "\xa0"


def _get(client, url, status=200):
    answer = client.get(url)
    assert answer.status_code == status, answer.content
    assert answer["Content-Type"] == "application/json"
    return answer.json()


def _page_url(pk, lang="fr"):
    return (
        f"http://testserver{lang_path(lang, 'ressources/')}{ResourcePage.objects.get(pk=pk).slug}/"
    )


def test_a_resource_answers_every_public_field(client, rows):
    calcul = ResourcePage.objects.get(pk=rows["calcul"])
    marie = calcul.authors.get()
    url, adapted_url = _page_url(rows["calcul"]), _page_url(rows["adapted"])
    data = _get(client, f"/api/v1/resources/{calcul.pk}")

    assert data == {
        "id": calcul.pk,
        "url": url,
        "title": "Calcul différentiel",
        "summary": "Des exercices sur les dérivées.",
        "description": "<p>Avec <b>solutions</b> détaillées.</p>",
        "language": "fr",
        "authors": [
            {"name": "Marie Tremblay", "url": f"http://testserver/fr/auteurs/{marie.slug}/"},
            {"name": "Paul Roy", "url": None},
        ],
        "disciplines": [
            {"code": "201", "name": "Mathématiques"},
            {"code": "420", "name": "Informatique"},
        ],
        "levels": [{"code": "collegial_preuniversitaire", "name": data["levels"][0]["name"]}],
        "types": [{"code": "exercices", "name": "Exercices et problèmes"}],
        "dimensions": [
            {"code": "2", "name": data["dimensions"][0]["name"]},
            {"code": "10", "name": data["dimensions"][1]["name"]},
        ],
        "tags": ["dérivées", "limites"],
        "licence": {
            "id": "CC-BY-4.0",
            "short_name": "CC BY 4.0",
            "name": "Attribution 4.0 International",
            "url": "https://creativecommons.org/licenses/by/4.0/deed.fr",
            "legal_code_url": data["licence"]["legal_code_url"],
            "open": True,
            "commercial_use": True,
            "derivatives": True,
            "share_alike": False,
        },
        "attribution": {
            "fr": f"«{NBSP}Calcul différentiel{NBSP}» de Marie Tremblay et Paul Roy, sous licence "
            f"CC BY 4.0. Source{NBSP}: {url} Adapté de «{NBSP}Open Calculus{NBSP}» de Jane Doe, "
            f"sous licence CC BY 4.0. Source{NBSP}: https://example.org/calculus",
            "en": "“Calcul différentiel” by Marie Tremblay and Paul Roy, licensed under CC BY 4.0. "
            f"Source: {_page_url(calcul.pk, 'en')} Adapted from “Open Calculus” by Jane Doe, "
            "licensed under CC BY 4.0. Source: https://example.org/calculus",
        },
        "lineage": {
            "adapted_from": {
                "id": None,
                "title": "Open Calculus",
                "author": "Jane Doe",
                "url": "https://example.org/calculus",
                "licence": "CC-BY-4.0",
            },
            "adaptations": [
                {
                    "id": rows["adapted"],
                    "title": "Calcul différentiel, version courte",
                    "url": adapted_url,
                }
            ],
        },
        "price": 0,
        "member_price": None,
        "currency": "CAD",
        "duration_minutes": 90,
        "pedagogical_notes": "En deux séances.",
        "validated": False,
        "rating": {"average": None, "count": 0},
        "downloads": 0,
        "files": [
            {"name": "notes.pdf", "content_type": "application/pdf", "size": 48},
            {"name": "données.csv", "content_type": "text/csv", "size": 8},
        ],
        "published": calcul.first_published_at.isoformat(),
        "updated": calcul.last_published_at.isoformat(),
    }
    assert data["levels"][0]["name"]  # names come from the taxonomy (tested in resources)
    # The same credit as the resource page shows (one service: resources/attribution.py).
    page = client.get(f"/fr/ressources/{calcul.slug}/").content.decode()
    assert data["attribution"]["fr"].replace(NBSP, "&nbsp;") in page.replace(NBSP, "&nbsp;")


def test_no_answer_names_where_a_file_is_stored(client, rows):
    keys = list(ResourceFile.objects.values_list("file", flat=True))
    assert keys
    assert all(key.startswith("resources/") for key in keys)
    texts = [
        client.get(f"/api/v1/resources/{rows[name]}").content.decode()
        for name in ("calcul", "adapted", "paid")
    ]
    texts.append(client.get("/api/v1/collections/calcul-au-collegial").content.decode())

    for text in texts:
        assert not any(key in text for key in keys)
        assert not any(key.split("/")[1].split(".")[0] in text for key in keys)
        assert "/media/" not in text
        assert "telechargement" not in text


def test_a_resource_in_english_and_its_lineage_both_ways(client, rows):
    adapted = _get(client, f"/api/v1/resources/{rows['adapted']}?lang=en")
    paid = _get(client, f"/api/v1/resources/{rows['paid']}?lang=en")

    assert adapted["url"] == _page_url(rows["adapted"], "en")
    assert adapted["disciplines"] == [{"code": "201", "name": "Mathematics"}]
    assert adapted["lineage"] == {
        "adapted_from": {
            "id": rows["calcul"],
            "title": "Calcul différentiel",
            "author": "Marie Tremblay and Paul Roy",
            "url": _page_url(rows["calcul"], "en"),
            "licence": "CC-BY-4.0",
        },
        "adaptations": [],
    }
    assert adapted["attribution"]["en"].startswith(
        "“Calcul différentiel, version courte” by Sophie"
    )
    assert "Adapted from “Calcul différentiel” by Marie Tremblay" in adapted["attribution"]["en"]
    assert paid["price"] == 1500
    assert paid["member_price"] == 1000
    assert paid["licence"]["short_name"] == "All rights reserved"
    assert paid["licence"]["url"] == "http://testserver/en/conditions-utilisation/"
    assert paid["licence"]["open"] is False


@pytest.mark.parametrize(
    ("which", "lang", "message"),
    [
        ("draft", "", "Aucune ressource publiée n’a cet identifiant."),
        ("restricted", "", "Aucune ressource publiée n’a cet identifiant."),
        ("unknown", "?lang=en", "No published resource has this id."),
    ],
)
def test_a_resource_nobody_may_see_is_a_json_404(client, rows, which, lang, message):
    pk = rows.get(which, 2_000_000_000)
    assert _get(client, f"/api/v1/resources/{pk}{lang}", 404) == {"detail": message}


def test_the_disciplines_with_their_public_resource_counts(client, rows):
    data = _get(client, "/api/v1/disciplines")
    english = _get(client, "/api/v1/disciplines?lang=en")

    assert [d["code"] for d in data] == list(
        Discipline.objects.order_by("code").values_list("code", flat=True)
    )
    by_code = {d["code"]: d for d in data}
    # Draft and restricted resources are not counted.
    assert by_code["201"] == {
        "code": "201",
        "name": "Mathématiques",
        "name_fr": "Mathématiques",
        "name_en": "Mathematics",
        "verified": True,
        "resource_count": 3,
        "url": "http://testserver/fr/disciplines/201/",
    }
    assert by_code["420"]["resource_count"] == 1
    assert by_code["101"]["resource_count"] == 0
    assert by_code["180"]["verified"] is False
    assert {d["code"]: d["name"] for d in english}["201"] == "Mathematics"
    assert english[0]["url"].startswith("http://testserver/en/disciplines/")


def test_a_collection_lists_its_public_resources_in_the_editors_order(client, rows):
    collection = CollectionPage.objects.get(pk=rows["collection"])
    data = _get(client, "/api/v1/collections/calcul-au-collegial")

    assert data == {
        "slug": "calcul-au-collegial",
        "url": "http://testserver/fr/collections/calcul-au-collegial/",
        "title": "Calcul au collégial",
        "intro": "<p>Une sélection de l’équipe éditoriale.</p>",
        "discipline": {"code": "201", "name": "Mathématiques"},
        "featured": True,
        "updated": collection.last_published_at.isoformat(),
        "resources": [
            {
                "id": rows["paid"],
                "url": _page_url(rows["paid"]),
                "title": "Examen de calcul intégral",
                "summary": "Un examen type.",
                "licence": "LicenseRef-APOP-All-Rights-Reserved",
                "price": 1500,
                "note": "Pour l'examen final.",
            },
            {
                "id": rows["calcul"],
                "url": _page_url(rows["calcul"]),
                "title": "Calcul différentiel",
                "summary": "Des exercices sur les dérivées.",
                "licence": "CC-BY-4.0",
                "price": 0,
                "note": "Le point de départ.",
            },
            {
                "id": rows["adapted"],
                "url": _page_url(rows["adapted"]),
                "title": "Calcul différentiel, version courte",
                "summary": "Une version abrégée.",
                "licence": "CC-BY-4.0",
                "price": 0,
                "note": "",
            },
        ],
    }
    english = _get(client, "/api/v1/collections/calcul-au-collegial?lang=en")
    assert (english["title"], english["intro"]) == (
        "College calculus",
        "<p>Chosen by the editors.</p>",
    )
    assert english["discipline"] == {"code": "201", "name": "Mathematics"}


def test_a_collection_nobody_may_see_is_a_json_404(client, rows):
    from wagtail.models import PageViewRestriction

    collection = CollectionPage.objects.get(pk=rows["collection"])
    PageViewRestriction.objects.create(page=collection, restriction_type=PageViewRestriction.LOGIN)
    expected = {"detail": "Aucune collection publiée n’a cette adresse."}

    assert _get(client, "/api/v1/collections/calcul-au-collegial", 404) == expected
    assert _get(client, "/api/v1/collections/inconnue?lang=en", 404) == {
        "detail": "No published collection has this address."
    }


def _count(client, url) -> int:
    client.get(url)  # taxonomies and the site's root paths are cached from then on
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_queries_do_not_grow_with_files_authors_terms_or_entries(client, rows, make_member):
    paid = ResourcePage.objects.get(pk=rows["paid"])
    resource_url = f"/api/v1/resources/{paid.pk}"
    collection_url = "/api/v1/collections/calcul-au-collegial"
    before = (_count(client, resource_url), _count(client, collection_url))

    # More of everything: files, authors (with and without a page), terms, tags, adaptations,
    # collection entries.
    for number in range(4):
        ResourceFile.objects.create(
            page=paid, file=f"resources/x{number}.pdf", display_name=f"f{number}.pdf", size=3
        )
    # (Through the tables: a page's relations in memory count only once the page is saved.)
    through = ResourcePage.authors.through
    through.objects.bulk_create(
        through(resourcepage_id=paid.pk, user_id=make_member(f"Auteur {n}").pk) for n in range(3)
    )
    through = ResourcePage.disciplines.through
    through.objects.bulk_create(
        through(resourcepage_id=paid.pk, discipline_id=pk)
        for pk in Discipline.objects.filter(code__in=["101", "109", "410"]).values_list(
            "pk", flat=True
        )
    )
    for name in ("un", "deux", "trois"):
        ResourceTag.objects.create(
            content_object_id=paid.pk, tag=Tag.objects.create(name=name, slug=name)
        )
    ResourcePage.objects.filter(pk__in=[rows["calcul"], rows["adapted"]]).update(
        adapted_from_page=paid
    )
    for position in range(5):
        CollectionItem.objects.create(
            page_id=rows["collection"], resource_id=rows["calcul"], sort_order=10 + position
        )
    after = (_count(client, resource_url), _count(client, collection_url))

    assert json.loads(client.get(resource_url).content)["files"][-1]["name"] == "f3.pdf"
    assert after == before
    assert max(after) <= 12


def test_the_disciplines_cost_a_fixed_number_of_queries(client, rows):
    assert _count(client, "/api/v1/disciplines") <= 2
