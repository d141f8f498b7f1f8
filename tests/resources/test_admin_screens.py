"""Editors manage the catalogue in the Wagtail admin without training: every screen opens."""

import pytest

pytestmark = pytest.mark.django_db

# `editor` (signed in with `client`) is a fixture of tests/resources/conftest.py.


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/admin/snippets/resources/discipline/", "Biologie"),
        ("/admin/snippets/resources/educationlevel/", "collegial_technique"),
        ("/admin/snippets/resources/resourcetype/", "laboratoire"),
        ("/admin/snippets/resources/digitalcompetencydimension/", "12"),
        ("/admin/snippets/resources/rating/", ""),
    ],
)
def test_taxonomy_and_review_screens_open_for_an_editor(client, editor, path, text):
    response = client.get(path)

    assert response.status_code == 200
    assert text in response.content.decode()


def test_resource_editor_opens_with_its_tabs(client, editor, make_resource, make_member):
    page = make_resource(authors=[make_member()])

    response = client.get(f"/admin/pages/{page.pk}/edit/")

    html = response.content.decode()
    assert response.status_code == 200
    for tab in ("Contenu", "Classification", "Licence et prix"):
        assert tab in html


def test_new_resource_form_opens_under_the_index(client, editor, catalogue):
    response = client.get(f"/admin/pages/add/resources/resourcepage/{catalogue.pk}/")

    assert response.status_code == 200


def test_an_editor_adds_a_discipline_and_a_bad_code_is_refused(client, editor):
    from resources.models import Discipline

    refused = client.post(
        "/admin/snippets/resources/discipline/add/",
        {"code": "42", "name_fr": "Essai", "name_en": "Test", "verified": "on"},
    )
    accepted = client.post(
        "/admin/snippets/resources/discipline/add/",
        {
            "code": "999",
            "name_fr": "Discipline d’essai",
            "name_en": "Test discipline",
            "family": "",
        },
    )

    assert refused.status_code == 200
    assert "Un code de discipline compte exactement trois chiffres" in refused.content.decode()
    assert accepted.status_code == 302
    assert Discipline.objects.get(code="999").verified is False
    assert not Discipline.objects.filter(code="42").exists()


@pytest.mark.parametrize(
    ("admin_language", "name"), [("en", "All rights reserved"), ("fr", "Tous droits réservés")]
)
def test_the_licence_choices_are_named_in_the_admin_s_language(
    client, editor, make_resource, make_member, admin_language, name
):
    from wagtail.users.models import UserProfile

    UserProfile.get_for_user(editor)
    UserProfile.objects.filter(user=editor).update(preferred_language=admin_language)
    page = make_resource(authors=[make_member()])

    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    assert f'<option value="LicenseRef-APOP-All-Rights-Reserved">{name}</option>' in html
