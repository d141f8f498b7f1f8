"""« Tout télécharger » of an open (REL) collection (/telechargement/collections/<id>/): one ZIP
with a folder per resource (its files, its LICENCE.txt and ATTRIBUTION.txt) and one ATTRIBUTION.txt
crediting them all; built once, rebuilt when the collection or a resource changes; nothing for a
collection that is not open."""

import io
import zipfile

import pytest

from resources.models import CollectionPackage, Download

pytestmark = pytest.mark.django_db

NOTES = b"%PDF-1.4 notes de cours\n"
TABLE = b"x;y\n1;2\n"


@pytest.fixture
def collection(make_resource, make_member, make_collection):
    author = make_member("Marie Tremblay")
    limits = make_resource(
        "Notes : limites",
        slug="limites",
        authors=[author],
        licence="CC-BY-SA-4.0",
        files=(("notes.pdf", NOTES), ("donnees.csv", TABLE)),
    )
    quiz = make_resource(
        "Quiz : matrices", slug="matrices", licence="CC0-1.0", files=(("quiz.txt", b"Q1"),)
    )
    return make_collection("Première session", [(quiz, ""), (limits, "")], slug="premiere")


def _download(client, collection):
    response = client.get(f"/telechargement/collections/{collection.pk}/")
    assert response.status_code == 200, response.status_code
    return response


def _archive(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_zip_has_a_folder_per_resource_with_its_licence_and_one_attribution_file(
    client, collection
):
    response = _download(client, collection)

    assert response["Content-Type"] == "application/zip"
    assert 'filename="premiere.zip"' in response["Content-Disposition"]
    archive = _archive(response)
    assert sorted(archive.namelist()) == [
        "ATTRIBUTION.txt",
        "limites/ATTRIBUTION.txt",
        "limites/LICENCE.txt",
        "limites/donnees.csv",
        "limites/notes.pdf",
        "matrices/ATTRIBUTION.txt",
        "matrices/LICENCE.txt",
        "matrices/quiz.txt",
    ]
    assert archive.read("limites/donnees.csv") == TABLE
    assert archive.read("matrices/quiz.txt") == b"Q1"
    assert "CC BY-SA 4.0" in archive.read("limites/LICENCE.txt").decode()
    assert "CC0 1.0" in archive.read("matrices/LICENCE.txt").decode()
    credits = archive.read("ATTRIBUTION.txt").decode()
    assert credits.startswith("Collection\u00a0: Première session\n")
    assert "/fr/collections/premiere/" in credits
    # In the collection's order, each under its folder, French then English.
    assert credits.index("Dossier\u00a0: matrices/") < credits.index("Dossier\u00a0: limites/")
    assert "Titre\u00a0: Notes : limites" in credits
    assert "Auteur(s)\u00a0: Marie Tremblay" in credits
    assert "----\nCollection: Première session" in credits
    assert "Folder: limites/" in credits


def test_each_resource_counts_one_download(client, collection):
    _download(client, collection)

    assert sorted(Download.objects.values_list("resource__slug", flat=True)) == [
        "limites",
        "matrices",
    ]


def test_the_zip_is_built_once_and_again_when_a_resource_changes(client, collection):
    _download(client, collection)
    first = CollectionPackage.objects.get(collection=collection)
    _download(client, collection)
    assert CollectionPackage.objects.get(collection=collection).file.name == first.file.name

    quiz = collection.items.get(resource__slug="matrices").resource
    quiz.title = "Quiz : matrices et vecteurs"
    quiz.save_revision().publish()
    archive = _archive(_download(client, collection))

    rebuilt = CollectionPackage.objects.get(collection=collection)
    assert rebuilt.file.name != first.file.name
    assert rebuilt.signature != first.signature
    assert "Quiz : matrices et vecteurs" in archive.read("ATTRIBUTION.txt").decode()


def test_a_sold_resource_never_goes_into_the_zip(client, collection, make_resource, make_member):
    limits = collection.items.get(resource__slug="limites").resource
    limits.price_cents = 500
    limits.save_revision().publish()

    archive = _archive(_download(client, collection))

    assert not any(name.startswith("limites/") for name in archive.namelist())
    assert "limites" not in archive.read("ATTRIBUTION.txt").decode()


@pytest.mark.parametrize("state", ["closed", "unpublished"])
def test_a_collection_that_is_not_open_or_not_published_has_no_zip(client, collection, state):
    if state == "closed":
        collection.is_open = False
        collection.save_revision().publish()
    else:
        collection.unpublish()

    response = client.get(f"/telechargement/collections/{collection.pk}/")

    assert response.status_code == 404
    assert not CollectionPackage.objects.exists()
    assert not Download.objects.exists()
