"""Downloads with the files in S3, against the real S3 server of scripts/services.sh: uploads go
up through its API, the download view answers with a presigned URL (no file bytes through
Django) that the test fetches over HTTP like a browser; the URL dies when it expires; nobody
gets a URL for a file they may not have."""

import hashlib
import io
import urllib.error
import urllib.request
import zipfile
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.storage import storages

from resources.models import Download, Package
from tests.helpers import wait_until
from tests.resources.helpers import make_pdf

pytestmark = pytest.mark.django_db

NOTES = b"%PDF-1.4 notes de cours\n" + bytes(range(256))
EXERCISES = "Exercice 1 : calculez la limite de x² en 0.\n".encode()


def fetch(url: str) -> tuple[int, dict, bytes]:
    """GET like a browser following our redirect: status, headers, body."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def author(make_member):
    return make_member("Marie Tremblay")


@pytest.fixture
def make_resource(s3, make_resource, django_capture_on_commit_callbacks):
    """Resources whose files go to the S3 server, published with their on-commit work run."""

    def make(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return make_resource(*args, **kwargs)

    return make


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


def presigned(response, s3) -> str:
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{s3.endpoint}/{s3.private}/")
    return location


# --- Upload, package, presigned download ----------------------------------------------------


def test_files_and_package_are_stored_in_the_private_bucket_under_unguessable_keys(s3, free):
    keys = s3.keys(s3.private)
    package = Package.objects.get(resource=free)
    file_keys = sorted(f.file.name for f in free.files.all())

    assert keys == sorted([*file_keys, package.file.name])
    assert all(len(key.split("/")[1].split(".")[0]) >= 32 for key in keys)
    assert not any("notes" in key or "exercices" in key for key in keys)
    assert s3.keys(s3.public) == []


def test_the_package_download_redirects_to_a_presigned_url_serving_the_exact_bytes(
    client, s3, free
):
    package = Package.objects.get(resource=free)

    response = client.get(f"/telechargement/{free.pk}/")

    url = presigned(response, s3)
    assert response["Cache-Control"] == "private, no-store"
    assert response.content == b""
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Expires"] == ["300"]
    assert urlsplit(url).path == f"/{s3.private}/{package.file.name}"
    status, headers, body = fetch(url)
    assert status == 200
    assert hashlib.sha256(body).hexdigest() == package.sha256
    assert len(body) == package.size
    assert headers["Content-Disposition"] == 'attachment; filename="limites.zip"'
    assert headers["Content-Type"] == "application/zip"
    zipped = zipfile.ZipFile(io.BytesIO(body))
    assert zipped.namelist() == ["notes.pdf", "exercices.txt", "ATTRIBUTION.txt", "LICENCE.txt"]
    assert "Auteur(s)\xa0: Marie Tremblay\n" in zipped.read("ATTRIBUTION.txt").decode()
    assert zipped.read("LICENCE.txt").decode().startswith("Licence\xa0: CC BY 4.0\n")
    assert Download.objects.filter(resource=free).count() == 1


def test_one_file_comes_down_intact_under_its_display_name(client, s3, free):
    entry = free.files.get(display_name="exercices.txt")

    status, headers, body = fetch(
        presigned(client.get(f"/telechargement/{free.pk}/{entry.pk}/"), s3)
    )

    assert status == 200
    assert body == EXERCISES
    assert headers["Content-Disposition"] == 'attachment; filename="exercices.txt"'
    assert headers["Content-Type"] == "text/plain"


def test_the_presigned_url_stops_working_once_expired(client, s3, settings, free):
    settings.S3_PRESIGNED_EXPIRY = 1
    entry = free.files.get(display_name="notes.pdf")

    url = presigned(client.get(f"/telechargement/{free.pk}/{entry.pk}/"), s3)

    assert parse_qs(urlsplit(url).query)["X-Amz-Expires"] == ["1"]
    assert fetch(url)[0] == 200
    # Signed to the second, the URL dies one to two seconds later.
    wait_until(lambda: fetch(url)[0] != 200)
    status, _headers, body = fetch(url)
    assert status == 403
    assert b"expired" in body
    assert NOTES not in body


def test_an_object_is_not_readable_without_a_signature(s3, free):
    entry = free.files.get(display_name="notes.pdf")

    status, _headers, body = fetch(f"{s3.endpoint}/{s3.private}/{entry.file.name}")

    assert status == 403
    assert NOTES not in body


def test_a_tampered_signature_is_refused(client, s3, free):
    entry = free.files.get(display_name="notes.pdf")
    url = presigned(client.get(f"/telechargement/{free.pk}/{entry.pk}/"), s3)

    # Another key with the same signature: the signature covers the path.
    other = free.files.get(display_name="exercices.txt")
    status, _headers, body = fetch(url.replace(entry.file.name, other.file.name))

    assert status == 403
    assert EXERCISES not in body


def test_a_rebuilt_package_replaces_the_old_object(
    client, s3, free, author, django_capture_on_commit_callbacks
):
    old = Package.objects.get(resource=free).file.name
    author.display_name = "Marie Tremblay-Roy"
    author.save()

    with django_capture_on_commit_callbacks(execute=True):
        url = presigned(client.get(f"/telechargement/{free.pk}/"), s3)

    new = Package.objects.get(resource=free)
    assert new.file.name != old
    assert old not in s3.keys(s3.private)
    assert new.file.name in s3.keys(s3.private)
    assert hashlib.sha256(fetch(url)[2]).hexdigest() == new.sha256


# --- Nobody gets a URL for what they may not have -------------------------------------------


def _count_presigned_urls(monkeypatch) -> list[str]:
    created = []
    storage_class = type(storages["private"])
    original = storage_class.url

    def url(self, name, *args, **kwargs):
        created.append(name)
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(storage_class, "url", url)
    return created


def test_another_member_gets_no_url_for_a_paid_resource(client, s3, paid, make_member, monkeypatch):
    created = _count_presigned_urls(monkeypatch)
    client.force_login(make_member("Luc Gagnon"))
    entry = paid.files.get()

    for url in (f"/telechargement/{paid.pk}/", f"/telechargement/{paid.pk}/{entry.pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/fr/ressources/examens/"

    assert created == []
    assert Download.objects.filter(resource=paid).count() == 0


def test_a_file_id_of_a_paid_resource_under_a_free_one_is_not_found(
    client, s3, free, paid, monkeypatch
):
    created = _count_presigned_urls(monkeypatch)
    entry = paid.files.get()

    response = client.get(f"/telechargement/{free.pk}/{entry.pk}/")

    assert response.status_code == 404
    assert created == []
    assert Download.objects.count() == 0


def test_an_unpublished_resource_gets_no_url(client, s3, free, make_member, monkeypatch):
    created = _count_presigned_urls(monkeypatch)
    free.unpublish()
    client.force_login(make_member("Luc Gagnon"))

    assert client.get(f"/telechargement/{free.pk}/").status_code == 404
    assert client.get(f"/telechargement/{free.pk}/{free.files.first().pk}/").status_code == 404
    assert created == []
    assert Download.objects.count() == 0


def test_the_author_of_a_paid_resource_downloads_it(client, s3, paid, author):
    client.force_login(author)

    status, _headers, body = fetch(presigned(client.get(f"/telechargement/{paid.pk}/"), s3))

    assert status == 200
    assert zipfile.ZipFile(io.BytesIO(body)).read("examens.pdf") == NOTES


# --- Names in the header --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "header"),
    [
        (
            'le "bon" corrigé.txt',
            "attachment; filename=\"le 'bon' corrige.txt\"; "
            "filename*=UTF-8''le%20%22bon%22%20corrig%C3%A9.txt",
        ),
        (
            "مذكرة.txt",
            "attachment; filename=\"fichier.txt\"; filename*=UTF-8''%D9%85%D8%B0%D9%83%D8%B1%D8%A9.txt",
        ),
    ],
)
def test_file_names_come_out_safe_in_the_s3_header(client, s3, make_resource, name, header):
    page = make_resource(files=((name, EXERCISES),))
    entry = page.files.get()

    status, headers, _body = fetch(
        presigned(client.get(f"/telechargement/{page.pk}/{entry.pk}/"), s3)
    )

    assert status == 200
    assert headers["Content-Disposition"] == header


# --- Public files ---------------------------------------------------------------------------


def test_previews_go_to_the_public_bucket(s3, make_resource):
    page = make_resource(files=(("notes.pdf", make_pdf("Page un")),))

    image = page.previews.get().image
    assert s3.keys(s3.public) == [image.file.name]
    assert image.file.url == f"{s3.endpoint}/{s3.public}/{image.file.name}"
