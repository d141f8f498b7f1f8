"""Download packages (resources/packages.py): built when a resource is published, stored
privately with their size and SHA-256, rebuilt when anything they hold changes; PDFs stamped with
the attribution in the package copy only; a first-page preview for PDF resources without one."""

import hashlib
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from pypdf import PdfReader
from wagtail.images import get_image_model
from wagtail_factories import ImageFactory

from files import packages
from files.tasks import build_package
from resources.models import Package, ResourceFile, ResourcePreview
from tests.resources.helpers import make_pdf

pytestmark = pytest.mark.django_db

TEXT = b"Exercice 1 : calculez la limite.\n"


def pdf_texts(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def stored(package: Package) -> bytes:
    with storages["private"].open(package.file.name, "rb") as handle:
        return handle.read()


def archive(package: Package) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(stored(package)))


@pytest.fixture
def make_resource(make_resource, django_capture_on_commit_callbacks):
    """Publications here run what they schedule on commit, as they would outside a test
    transaction: the package task and the preview."""

    def make(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return make_resource(*args, **kwargs)

    return make


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return run


@pytest.fixture
def author(make_member):
    return make_member("Marie Tremblay")


@pytest.fixture
def notes_pdf():
    return make_pdf("Page un du cours", "Page deux du cours")


@pytest.fixture
def resource(make_resource, author, notes_pdf):
    return make_resource(
        "Limites et continuité",
        slug="limites",
        authors=[author],
        licence="CC-BY-NC-SA-4.0",
        files=(("notes.pdf", notes_pdf), ("exercices.txt", TEXT)),
    )


# --- Built on publication -------------------------------------------------------------------


def test_publishing_builds_the_package_with_its_size_and_checksum(resource):
    package = Package.objects.get(resource=resource)
    data = stored(package)

    assert package.file.name.startswith("packages/")
    assert package.file.name.endswith(".zip")
    assert package.size == len(data)
    assert package.sha256 == hashlib.sha256(data).hexdigest()
    assert package.built_at is not None
    assert archive(package).namelist() == [
        "notes.pdf",
        "exercices.txt",
        "ATTRIBUTION.txt",
        "LICENCE.txt",
    ]
    assert archive(package).testzip() is None


def test_the_package_holds_the_texts_of_the_attribution_module(resource):
    content = packages.package_content(resource)
    zipped = archive(Package.objects.get(resource=resource))

    assert zipped.read("ATTRIBUTION.txt").decode() == content.attribution_text
    assert zipped.read("LICENCE.txt").decode() == content.licence_text
    assert "Auteur(s)\xa0: Marie Tremblay\n" in content.attribution_text
    assert "Source\xa0: http://testserver/fr/ressources/limites/\n" in content.attribution_text
    assert content.licence_text.startswith("Licence\xa0: CC BY-NC-SA 4.0\n")


def test_a_pdf_in_the_package_ends_with_the_attribution_page(resource, notes_pdf):
    packed = archive(Package.objects.get(resource=resource)).read("notes.pdf")

    texts = pdf_texts(packed)
    assert len(texts) == 3
    assert texts[:2] == ["Page un du cours", "Page deux du cours"]
    assert texts[2].startswith("Attribution et licence · Attribution and licence")
    assert "Limites et continuité" in texts[2]
    assert "Marie Tremblay" in texts[2]
    assert "CC BY-NC-SA 4.0" in texts[2]


def test_the_original_pdf_stays_intact(resource, notes_pdf):
    entry = resource.files.get(display_name="notes.pdf")

    with entry.file.open("rb") as handle:
        assert handle.read() == notes_pdf


def test_a_pdf_that_cannot_be_stamped_goes_in_unchanged(make_resource):
    broken = b"%PDF-1.4 not really a pdf"
    page = make_resource(files=(("notes.pdf", broken),))

    assert archive(Package.objects.get(resource=page)).read("notes.pdf") == broken


def test_a_resource_without_files_has_no_package(make_resource):
    page = make_resource(files=())

    assert not Package.objects.filter(resource=page).exists()
    assert packages.ensure_package(page) is None


def test_the_task_skips_a_package_that_is_up_to_date(resource):
    before = Package.objects.get(resource=resource)

    result = build_package.enqueue(resource.pk).return_value

    after = Package.objects.get(resource=resource)
    assert result == {"package": before.sha256, "preview": False}
    assert (after.file.name, after.built_at) == (before.file.name, before.built_at)


def test_the_task_ignores_an_unpublished_resource(make_resource):
    page = make_resource(publish=False)

    result = build_package.enqueue(page.pk).return_value

    assert result == {"package": None, "preview": False}
    assert not Package.objects.filter(resource=page).exists()


# --- Rebuilt when something changes ---------------------------------------------------------


def test_new_files_rebuild_the_package_and_remove_the_old_one(resource, publish):
    old = Package.objects.get(resource=resource)
    draft = resource.get_latest_revision_as_object()
    draft.files.add(
        ResourceFile(file=ContentFile(b"Solutions\n", name="sol.txt"), display_name="sol.txt")
    )

    publish(draft)

    new = Package.objects.get(resource=resource)
    assert new.pk == old.pk
    assert new.file.name != old.file.name
    assert new.sha256 != old.sha256
    assert archive(new).namelist() == [
        "notes.pdf",
        "exercices.txt",
        "sol.txt",
        "ATTRIBUTION.txt",
        "LICENCE.txt",
    ]
    assert not storages["private"].exists(old.file.name)


def test_a_renamed_author_makes_the_package_stale_and_the_next_download_rebuilds_it(
    client, resource, author
):
    old = Package.objects.get(resource=resource)
    author.display_name = "Marie Tremblay-Roy"
    author.save()
    assert packages.current_package(resource) is None

    response = client.get(f"/telechargement/{resource.pk}/")

    new = Package.objects.get(resource=resource)
    body = b"".join(response.streaming_content)
    assert new.sha256 == hashlib.sha256(body).hexdigest() != old.sha256
    attribution = zipfile.ZipFile(io.BytesIO(body)).read("ATTRIBUTION.txt").decode()
    assert "Auteur(s)\xa0: Marie Tremblay-Roy\n" in attribution


def test_a_download_builds_a_package_the_background_task_has_not_built_yet(client, resource):
    Package.objects.filter(resource=resource).delete()

    response = client.get(f"/telechargement/{resource.pk}/")

    package = Package.objects.get(resource=resource)
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == package.sha256


# --- Shown on the page ----------------------------------------------------------------------


def test_the_resource_page_shows_the_package_size_and_checksum(client, resource):
    package = Package.objects.get(resource=resource)

    html = client.get("/fr/ressources/limites/").content.decode()

    assert f'<code class="package-info__checksum">{package.sha256}</code>' in html
    size = f"{package.size / 1024:.1f}".replace(".", ",")
    assert f"Paquet ZIP, {size}\xa0Kio, avec la licence et les crédits" in html


def test_the_resource_page_links_each_file_of_a_free_resource(client, resource):
    entry = resource.files.get(display_name="exercices.txt")

    html = client.get("/fr/ressources/limites/").content.decode()

    assert f'href="/telechargement/{resource.pk}/{entry.pk}/" download>exercices.txt' in html


# --- First-page previews --------------------------------------------------------------------


def test_a_pdf_resource_without_previews_gets_its_first_page_as_preview(resource):
    preview = ResourcePreview.objects.get(page=resource)

    assert preview.alt_text == "Première page de «\xa0Limites et continuité\xa0»"
    assert preview.image.width == 1200
    assert preview.image.height == pytest.approx(1200 * 792 / 612, abs=1)
    assert Package.objects.get(resource=resource).preview_image == preview.image


def test_republishing_reuses_the_generated_preview(resource, publish):
    image = ResourcePreview.objects.get(page=resource).image
    images_before = get_image_model().objects.count()

    publish(resource.get_latest_revision_as_object())

    # The revision had no preview: publishing removed the generated one, the task put it back.
    assert ResourcePreview.objects.get(page=resource).image == image
    assert get_image_model().objects.count() == images_before


def test_a_resource_with_its_own_preview_gets_none_generated(make_resource, notes_pdf, publish):
    image = ImageFactory()
    page = make_resource(files=(("notes.pdf", notes_pdf),), publish=False)
    page.previews = [ResourcePreview(image=image, alt_text="Couverture")]
    publish(page)

    assert list(ResourcePreview.objects.filter(page=page).values_list("alt_text", flat=True)) == [
        "Couverture"
    ]


def test_a_resource_without_pdf_gets_no_preview(make_resource):
    page = make_resource(files=(("exercices.txt", TEXT),))

    assert not ResourcePreview.objects.filter(page=page).exists()
