"""The resource page: what a teacher needs to decide, in both languages, in a fixed number of
queries whatever the number of files, tags or disciplines."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from resources.detail import bump_catalogue_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def marie(make_member):
    return make_member("Marie Tremblay")


@pytest.fixture
def source(make_resource, marie):
    return make_resource(
        "Notes de cours : limites et continuité",
        slug="limites",
        authors=[marie],
        licence="CC-BY-4.0",
    )


@pytest.fixture
def resource(make_resource, marie, source):
    return make_resource(
        "Exercices corrigés : limites",
        slug="exercices-limites",
        authors=[marie],
        co_authors="Jean Roy (Cégep de Sherbrooke)",
        disciplines=("201", "420"),
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=1250,
        member_price_cents=900,
        duration_minutes=75,
        adapted_from_page=source,
        files=(("exercices.pdf", b"x" * 2048), ("corrige.pdf", b"y" * 1024)),
        tags=("limites", "continuité"),
    )


def test_resource_page_shows_what_a_teacher_needs_in_french(client, resource):
    response = client.get("/fr/ressources/exercices-limites/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert ">Exercices corrigés : limites</h1>" in html
    assert ">201 · Mathématiques</a>" in html
    assert ">420 · Informatique</a>" in html
    assert "12,50\xa0$" in html
    assert "9,00\xa0$ pour les membres de l’APOP" in html
    assert 'exercices.pdf</span> <span class="file-list__meta">PDF · 2,0\xa0Kio</span>' in html
    assert "1\xa0h\xa015" in html
    assert (
        'Adapté de <a href="/fr/ressources/limites/">Notes de cours : limites et continuité</a>'
        in html
    )
    assert "Jean Roy (Cégep de Sherbrooke)" in html
    assert 'data-copy-target="#attribution-text"' in html


def test_resource_page_in_english_formats_money_the_english_way(client, resource):
    html = client.get("/en/resources/exercices-limites/").content.decode()

    assert "$12.50" in html
    assert "$9.00 for APOP members" in html
    assert ">201 · Mathematics</a>" in html
    assert "How to credit this resource" in html


def test_licence_is_explained_in_plain_words(client, source):
    html = client.get("/fr/ressources/limites/").content.decode()

    assert 'rel="license">Attribution 4.0 International</a> (CC BY 4.0)' in html
    assert (
        "Vous pouvez copier, adapter et partager cette ressource, même à des fins "
        "commerciales, à condition d'en citer l'auteur."
    ).replace("'", "&#x27;") in html


def test_the_source_lists_its_adaptations(client, resource, source):
    html = client.get("/fr/ressources/limites/").content.decode()

    assert (
        '<li><a href="/fr/ressources/exercices-limites/">Exercices corrigés : limites</a></li>'
        in html
    )


def test_attribution_carries_the_adaptation_chain(client, resource):
    html = client.get("/en/resources/exercices-limites/").content.decode()
    text = re.sub(r"<[^>]+>", "", html.split('id="attribution-text"', 1)[1].split("</p>", 1)[0])

    assert "Exercices corrigés : limites" in text
    assert "Marie Tremblay and Jean Roy (Cégep de Sherbrooke)" in text
    assert "Adapted from “Notes de cours : limites et continuité” by Marie Tremblay" in text
    assert "CC BY 4.0" in text


def test_json_ld_describes_the_learning_resource(client, resource):
    html = client.get("/fr/ressources/exercices-limites/").content.decode()
    raw = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]

    data = json.loads(raw)
    assert data["@type"] == "LearningResource"
    assert data["name"] == "Exercices corrigés : limites"
    assert data["inLanguage"] == "fr"
    assert data["offers"] == {"@type": "Offer", "price": "12.50", "priceCurrency": "CAD"}
    assert data["isAccessibleForFree"] is False
    assert [term["termCode"] for term in data["about"]] == ["201", "420"]
    assert data["isBasedOn"]["name"] == "Notes de cours : limites et continuité"
    assert data["author"] == [
        {"@type": "Person", "name": "Marie Tremblay"},
        {"@type": "Person", "name": "Jean Roy (Cégep de Sherbrooke)"},
    ]
    assert data["educationalLevel"] == ["Enseignement collégial – formation préuniversitaire"]
    assert data["license"] == "http://testserver/fr/conditions-utilisation/"
    assert data["creditText"].startswith("«\xa0Exercices corrigés : limites\xa0» de Marie Tremblay")
    assert "Adapté de «\xa0Notes de cours : limites et continuité\xa0»" in data["creditText"]


def _queries_for(path, django_assert_max_num_queries, maximum):
    client = Client()
    with django_assert_max_num_queries(maximum) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_files_tags_or_disciplines(
    make_resource, marie, django_assert_max_num_queries
):
    make_resource("Petite", slug="petite", authors=[marie], tags=("a",))
    make_resource(
        "Grande",
        slug="grande",
        authors=[marie],
        disciplines=("201", "420", "203", "202"),
        types=("notes-de-cours", "exercices", "laboratoire"),
        tags=("a", "b", "c", "d", "e", "f", "g"),
        files=tuple((f"fichier-{n}.pdf", b"z" * n) for n in range(1, 9)),
    )
    for slug in ("petite", "grande"):  # warm the caches shared by every page (site, taxonomies)
        Client().get(f"/fr/ressources/{slug}/")
    bump_catalogue_version()  # forget the resource pages themselves

    cold_small = _queries_for("/fr/ressources/petite/", django_assert_max_num_queries, 40)
    cold_large = _queries_for("/fr/ressources/grande/", django_assert_max_num_queries, 40)
    warm_small = _queries_for("/fr/ressources/petite/", django_assert_max_num_queries, 12)
    warm_large = _queries_for("/fr/ressources/grande/", django_assert_max_num_queries, 12)

    assert cold_small == cold_large
    assert warm_small == warm_large


def test_a_signed_in_teacher_sees_the_page_within_the_same_budget(
    client, make_resource, marie, make_member, django_assert_max_num_queries
):
    make_resource("Petite", slug="petite", authors=[marie])
    client.force_login(make_member("Théo Enseignant"))
    client.get("/fr/ressources/petite/")

    with django_assert_max_num_queries(12):
        response = client.get("/fr/ressources/petite/")

    assert response.status_code == 200
    assert "Évaluer cette ressource" in response.content.decode()


def test_a_draft_preview_never_reaches_the_public_page(client, make_resource, marie):
    """An editor's preview of an unreviewed draft renders through the same context as the live
    page: it must neither fill nor read the public page's cache."""
    from django.contrib.auth.models import Group

    from resources.moderation import EDITORS_GROUP

    page = make_resource("Titre publié", slug="publiee", authors=[marie], tags=("publie",))
    draft = page.get_latest_revision_as_object()
    draft.title = "Titre secret non révisé"
    draft.co_authors = "Coauteur Secret"
    draft.save_revision(user=marie)
    editor = get_user_model().objects.create_user(
        "editeur-apercu@example.org", "pw-long-enough", is_staff=True
    )
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    admin = Client()
    admin.force_login(editor)

    preview = admin.get(f"/admin/pages/{page.pk}/view_draft/")
    public = Client().get("/fr/ressources/publiee/")

    assert preview.status_code == 200
    assert "Titre secret non révisé" in preview.content.decode()
    assert "Coauteur Secret" in preview.content.decode()
    assert public.status_code == 200
    html = public.content.decode()
    assert ">Titre publié</h1>" in html
    assert "Titre secret" not in html
    assert "Coauteur Secret" not in html


def test_a_draft_preview_does_not_show_the_cached_public_page(client, make_resource, marie):
    from django.contrib.auth.models import Group

    from resources.moderation import EDITORS_GROUP

    page = make_resource("Titre publié", slug="publiee", authors=[marie])
    assert "Titre publié" in client.get("/fr/ressources/publiee/").content.decode()  # cached
    draft = page.get_latest_revision_as_object()
    draft.title = "Nouveau titre en révision"
    draft.save_revision(user=marie)
    editor = get_user_model().objects.create_user(
        "editeur-apercu@example.org", "pw-long-enough", is_staff=True
    )
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    admin = Client()
    admin.force_login(editor)

    html = admin.get(f"/admin/pages/{page.pk}/view_draft/").content.decode()

    # The attribution and JSON-LD come from the static part: they name the draft's title too.
    assert html.count("Nouveau titre en révision") >= 3
    assert "Titre publié" not in html
