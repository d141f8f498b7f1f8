"""Downloading in a real browser: « Télécharger » on a free resource delivers, in one click, the
ZIP with the licence and the credits (from the local folder, and from the S3 server through a
presigned URL); a paid resource offers no file; too many downloads get a clear 429 page."""

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from resources.models import Package
from tests.e2e.helpers import axe_violations
from tests.resources.helpers import make_pdf

pytestmark = pytest.mark.e2e

RESERVED = "LicenseRef-APOP-All-Rights-Reserved"


@pytest.fixture
def browser_context_args(browser_context_args):
    # A teacher whose browser asks for French (pages outside /fr/ follow Accept-Language).
    return {**browser_context_args, "locale": "fr-CA", "accept_downloads": True}


@pytest.fixture(params=["local", "s3"])
def storage(request):
    if request.param == "s3":
        return request.getfixturevalue("s3")
    return None


@pytest.fixture
def free(storage, site_url, make_member, make_resource):
    return make_resource(
        "Notes de cours : limites",
        slug="limites",
        authors=[make_member("Marie Tremblay")],
        licence="CC-BY-NC-SA-4.0",
        files=(("notes.pdf", make_pdf("Page un")), ("exercices.txt", b"Exercice 1\n")),
    )


def test_one_click_on_telecharger_delivers_the_zip_with_its_licence(page, site_url, storage, free):
    package = Package.objects.get(resource=free)
    page.goto(f"{site_url}/fr/ressources/limites/")
    expect(page.locator(".package-info__checksum")).to_have_text(package.sha256)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger", exact=True).click()

    download = download_info.value
    assert download.suggested_filename == "limites.zip"
    data = Path(download.path()).read_bytes()
    assert hashlib.sha256(data).hexdigest() == package.sha256
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist() == ["notes.pdf", "exercices.txt", "ATTRIBUTION.txt", "LICENCE.txt"]
    licence = archive.read("LICENCE.txt").decode()
    assert licence.startswith("Licence\xa0: CC BY-NC-SA 4.0\n")
    assert "Identifiant SPDX\xa0: CC-BY-NC-SA-4.0\n" in licence
    assert "Titre\xa0: Notes de cours : limites\n" in archive.read("ATTRIBUTION.txt").decode()
    if storage is not None:
        # The bytes came from the S3 server, not through Django.
        assert download.url.startswith(f"{storage.endpoint}/{storage.private}/packages/")


def test_one_file_downloads_from_the_file_list(page, site_url, storage, free):
    page.goto(f"{site_url}/fr/ressources/limites/")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="exercices.txt").click()

    assert download_info.value.suggested_filename == "exercices.txt"
    assert Path(download_info.value.path()).read_bytes() == b"Exercice 1\n"


def test_a_paid_resource_offers_no_file(page, site_url, make_member, make_resource):
    paid = make_resource(
        "Examens corrigés",
        slug="examens",
        authors=[make_member("Marie Tremblay")],
        licence=RESERVED,
        price_cents=1250,
    )

    page.goto(f"{site_url}/fr/ressources/examens/")

    expect(page.locator(".buy-box__price")).to_have_text("12,50\xa0$")
    assert page.locator('a[href^="/telechargement/"]').count() == 0
    # The address of the package, typed by hand, leads back to the page and says why.
    page.goto(f"{site_url}/telechargement/{paid.pk}/")
    assert page.url == f"{site_url}/fr/ressources/examens/"
    expect(page.locator(".notice--info").first).to_contain_text("Cette ressource est en vente")


def test_the_429_page_is_clear_and_accessible(page, site_url, settings, axe_source, free):
    settings.DOWNLOADS_PER_HOUR_PER_IP = 0

    response = page.goto(f"{site_url}/telechargement/{free.pk}/")

    assert response.status == 429
    expect(page.locator("h1")).to_have_text("Trop de téléchargements")
    assert axe_violations(page, axe_source) == []
