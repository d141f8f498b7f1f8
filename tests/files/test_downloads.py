"""Downloads: /telechargement/<resource id>/ (a ZIP of every file, with ATTRIBUTION.txt and
LICENCE.txt) and /telechargement/<resource id>/<file id>/ (one file). Free resources for
everyone, no account needed; paid ones for their authors and staff only (until the boutique
grants entitlements); unpublished ones for their authors and staff only."""

import io
import zipfile

import pytest
from django.contrib.messages import get_messages
from wagtail.models import PageViewRestriction

from resources.models import ResourceFile

pytestmark = pytest.mark.django_db

NOTES = b"%PDF-1.4 notes de cours\n" + bytes(range(256))
EXERCISES = "Exercice 1 : calculez la limite de x² en 0.\n".encode()
FOR_SALE = "Cette ressource est en vente\xa0: elle pourra être téléchargée une fois obtenue."


@pytest.fixture
def author(make_member):
    return make_member("Marie Tremblay")


@pytest.fixture
def free(make_resource, author):
    return make_resource(
        "Notes de cours : limites",
        slug="limites",
        authors=[author],
        licence="CC-BY-4.0",
        files=(("notes.pdf", NOTES), ("exercices.txt", EXERCISES)),
    )


@pytest.fixture
def paid(make_resource, author):
    return make_resource(
        "Examens corrigés",
        slug="examens",
        authors=[author],
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=500,
        files=(("examens.pdf", NOTES),),
    )


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def _archive(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(_body(response)))


def _file(page, name: str) -> ResourceFile:
    return page.files.get(display_name=name)


def _zip_url(page) -> str:
    return f"/telechargement/{page.pk}/"


def _file_url(page, name: str) -> str:
    return f"/telechargement/{page.pk}/{_file(page, name).pk}/"


# --- Free resources -------------------------------------------------------------------------


def test_anyone_downloads_a_free_resource_as_a_zip(client, free):
    # when
    response = client.get(_zip_url(free))

    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="limites.zip"'
    archive = _archive(response)
    assert archive.namelist() == ["notes.pdf", "exercices.txt", "ATTRIBUTION.txt", "LICENCE.txt"]
    assert archive.read("notes.pdf") == NOTES
    assert archive.read("exercices.txt") == EXERCISES
    assert archive.testzip() is None


def test_the_zip_credits_the_resource_and_explains_its_licence(client, free):
    archive = _archive(client.get(_zip_url(free)))

    attribution = archive.read("ATTRIBUTION.txt").decode()
    licence = archive.read("LICENCE.txt").decode()
    assert "Titre\xa0: Notes de cours : limites\n" in attribution
    assert "Auteur(s)\xa0: Marie Tremblay\n" in attribution
    assert "Source\xa0: http://testserver/fr/ressources/limites/\n" in attribution
    assert "\n----\nTitle: Notes de cours : limites\n" in attribution
    assert licence.startswith("Licence\xa0: CC BY 4.0\n")
    assert "Identifiant SPDX\xa0: CC-BY-4.0\n" in licence


def test_anyone_downloads_one_file_of_a_free_resource(client, free):
    response = client.get(_file_url(free, "exercices.txt"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="exercices.txt"'
    assert response["Content-Type"] == "text/plain"
    assert _body(response) == EXERCISES


def test_a_file_is_served_under_its_display_name_not_its_storage_key(client, free):
    entry = _file(free, "notes.pdf")

    response = client.get(_file_url(free, "notes.pdf"))

    assert entry.file.name.startswith("resources/")
    assert entry.file.name != "resources/notes.pdf"
    assert response["Content-Disposition"] == 'attachment; filename="notes.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert _body(response) == NOTES


def test_a_non_ascii_file_name_is_encoded_in_the_header(client, make_resource):
    page = make_resource(files=(("corrigé.pdf", NOTES),))

    response = client.get(_file_url(page, "corrigé.pdf"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        "attachment; filename=\"corrige.pdf\"; filename*=UTF-8''corrig%C3%A9.pdf"
    )
    assert _body(response) == NOTES


# --- Paid resources -------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["zip", "file"])
def test_an_anonymous_visitor_is_sent_back_to_a_paid_resource_s_page(client, paid, target):
    url = _zip_url(paid) if target == "zip" else _file_url(paid, "examens.pdf")

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == "/fr/ressources/examens/"
    assert response.content == b""
    assert [str(message) for message in get_messages(response.wsgi_request)] == [FOR_SALE]


def test_the_sale_notice_shows_on_the_resource_page(client, paid):
    response = client.get(_zip_url(paid), follow=True)

    assert response.redirect_chain == [("/fr/ressources/examens/", 302)]
    assert f'<p class="notice notice--info">{FOR_SALE}</p>' in response.content.decode()


def test_another_member_cannot_download_a_paid_resource(client, paid, make_member):
    client.force_login(make_member("Luc Gagnon"))

    response = client.get(_zip_url(paid))

    assert response.status_code == 302
    assert response["Location"] == "/fr/ressources/examens/"
    assert "Content-Disposition" not in response


def test_the_author_downloads_their_paid_resource(client, paid, author):
    client.force_login(author)

    response = client.get(_zip_url(paid))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="examens.zip"'
    assert _archive(response).read("examens.pdf") == NOTES


def test_the_author_downloads_one_file_of_their_paid_resource(client, paid, author):
    client.force_login(author)

    response = client.get(_file_url(paid, "examens.pdf"))

    assert response.status_code == 200
    assert _body(response) == NOTES


def test_staff_download_a_paid_resource(client, paid, make_member):
    client.force_login(make_member("Personnel", is_staff=True))

    response = client.get(_zip_url(paid))

    assert response.status_code == 200
    assert _archive(response).read("examens.pdf") == NOTES


def test_the_paid_zip_carries_the_all_rights_reserved_licence(client, paid, author):
    client.force_login(author)

    licence = _archive(client.get(_zip_url(paid))).read("LICENCE.txt").decode()

    assert "Identifiant SPDX\xa0: LicenseRef-APOP-All-Rights-Reserved\n" in licence


# --- Unpublished resources ------------------------------------------------------------------


@pytest.mark.parametrize("target", ["zip", "file"])
def test_an_unpublished_resource_is_not_found_for_visitors(client, free, target):
    url = _zip_url(free) if target == "zip" else _file_url(free, "notes.pdf")
    free.unpublish()

    response = client.get(url, follow=True)

    assert response.status_code == 404
    assert "Content-Disposition" not in response


def test_an_unpublished_resource_is_not_found_for_other_members(client, free, make_member):
    free.unpublish()
    client.force_login(make_member("Luc Gagnon"))

    response = client.get(_zip_url(free), follow=True)

    assert response.status_code == 404


def test_the_author_downloads_their_unpublished_resource(client, free, author):
    free.unpublish()
    client.force_login(author)

    response = client.get(_zip_url(free))

    assert response.status_code == 200
    assert _archive(response).read("notes.pdf") == NOTES


def test_the_author_downloads_one_file_of_their_unpublished_resource(client, free, author):
    free.unpublish()
    client.force_login(author)

    response = client.get(_file_url(free, "exercices.txt"))

    assert response.status_code == 200
    assert _body(response) == EXERCISES


# --- Unknown ids ----------------------------------------------------------------------------


def test_a_file_of_another_resource_is_not_found(client, free, make_resource):
    other = make_resource("Autre", files=(("autre.pdf", b"autre"),))

    response = client.get(f"/telechargement/{free.pk}/{_file(other, 'autre.pdf').pk}/", follow=True)

    assert response.status_code == 404
    assert "Content-Disposition" not in response
    assert b"autre" not in response.content


def test_an_unknown_file_is_not_found(client, free):
    response = client.get(f"/telechargement/{free.pk}/999999/", follow=True)

    assert response.status_code == 404


def test_an_unknown_resource_is_not_found(client, free):
    response = client.get("/telechargement/999999/", follow=True)

    assert response.status_code == 404
    assert "Content-Disposition" not in response


def test_a_page_that_is_not_a_resource_is_not_found(client, free, catalogue):
    response = client.get(f"/telechargement/{catalogue.pk}/", follow=True)

    assert response.status_code == 404


def test_an_unknown_resource_answers_404_without_a_redirect(client, free):
    response = client.get("/telechargement/999999/")

    assert response.status_code == 404


# --- Access rules beyond publication --------------------------------------------------------


def test_a_resource_restricted_to_logged_in_users_is_not_downloadable_anonymously(client, free):
    PageViewRestriction.objects.create(page=free, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/fr/ressources/limites/").status_code == 302

    response = client.get(_zip_url(free))

    assert response.status_code == 404
    assert "Content-Disposition" not in response


def test_zip_entries_are_plain_file_names(client, make_resource):
    page = make_resource(files=(("../../notes.pdf", NOTES),))

    names = _archive(client.get(_zip_url(page))).namelist()

    assert names == ["notes.pdf", "ATTRIBUTION.txt", "LICENCE.txt"]


def test_repeated_and_reserved_names_are_numbered(client, make_resource):
    page = make_resource(
        files=(("notes.pdf", NOTES), ("dossier/notes.pdf", b"2"), ("ATTRIBUTION.txt", b"3"))
    )

    names = _archive(client.get(_zip_url(page))).namelist()

    assert names == [
        "notes.pdf",
        "notes (2).pdf",
        "ATTRIBUTION (2).txt",
        "ATTRIBUTION.txt",
        "LICENCE.txt",
    ]
