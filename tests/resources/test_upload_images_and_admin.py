"""Upload validation of images (previews, profile photos) and display names, and the admin's
file entries: it stores nothing it refuses."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from django.utils.html import escape
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts.roles import EDITORS_GROUP
from resources import uploads
from resources.models import Discipline, ResourceFile, ResourcePage
from tests.resources import upload_samples as samples
from tests.resources.upload_samples import refusal as _refusal

OOXML = "application/vnd.openxmlformats-officedocument."


# Messages are compared in English.
pytestmark = pytest.mark.usefixtures("english")


# --- Images (previews, profile photos) -----------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("apercu.png", samples.image),
        ("apercu.jpg", lambda: samples.image("JPEG")),
        ("apercu.gif", lambda: samples.image("GIF")),
        ("apercu.webp", lambda: samples.image("WEBP")),
        ("apercu.png", lambda: samples.image("JPEG")),  # a renamed photo is still a photo
        ("apercu", samples.image),
    ],
)
def test_an_accepted_image_passes(name, build):
    uploaded = samples.upload(name, build())

    assert uploads.check_image(uploaded) is None
    assert uploaded.tell() == 0


@pytest.mark.parametrize(
    ("name", "build", "code", "message"),
    [
        (
            "schema.svg",
            lambda: samples.SVG,
            "svg",
            "“schema.svg” is an SVG image: SVG is not accepted, as it can carry scripts. "
            "Export it as PNG instead.",
        ),
        (
            "schema.png",
            lambda: samples.SVG,
            "svg",
            "“schema.png” is an SVG image: SVG is not accepted, as it can carry scripts. "
            "Export it as PNG instead.",
        ),
        (
            "apercu.png",
            samples.pdf,
            "image_type",
            "“apercu.png” is not an image in an accepted format (PNG, JPEG, GIF or WebP): its "
            "content is a PDF document.",
        ),
        (
            "apercu.bmp",
            lambda: samples.image("BMP"),
            "image_type",
            "“apercu.bmp” is not an image in an accepted format (PNG, JPEG, GIF or WebP): its "
            "content is a file of type image/bmp.",
        ),
        (
            "apercu.pdf",
            samples.image,
            "type_mismatch",
            "“apercu.pdf” is not a PDF document: its content is a PNG image.",
        ),
        (
            "geant.png",
            lambda: samples.png_header(50_000, 50_000),
            "image_too_many_pixels",
            "“geant.png” has too many pixels: the limit is 40,000,000 pixels. Make it smaller.",
        ),
        (
            "abime.png",
            lambda: samples.image()[:-20],
            "image_corrupt",
            "“abime.png” is a damaged or incomplete image.",
        ),
        (
            "abime.jpg",
            lambda: samples.image("JPEG", (200, 200))[:300],
            "image_corrupt",
            "“abime.jpg” is a damaged or incomplete image.",
        ),
        ("vide.png", lambda: b"", "empty", "“vide.png” is empty."),
    ],
)
def test_a_refused_image_has_its_code_and_message(name, build, code, message):
    error = _refusal(uploads.check_image, name, build())

    assert error.code == code
    assert error.messages == [message]


@override_settings(UPLOAD_MAX_IMAGE_PIXELS=100)
def test_the_pixel_limit_is_a_setting():
    error = _refusal(uploads.check_image, "apercu.png", samples.image(size=(11, 10)))

    assert error.code == "image_too_many_pixels"
    assert error.messages == [
        "“apercu.png” has too many pixels: the limit is 100 pixels. Make it smaller."
    ]
    assert uploads.check_image(samples.upload("petit.png", samples.image(size=(10, 10)))) is None


@override_settings(UPLOAD_MAX_IMAGE_SIZE=1024)
def test_an_image_above_its_size_limit_is_refused():
    error = _refusal(
        uploads.check_image, "photo.png", samples.image(size=(300, 300)) + b"\0" * 2048
    )

    assert error.code == "too_large"
    assert error.messages == ["“photo.png” is larger than 1 KB (the limit)."]


# --- Display names -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("notes.pdf", "notes.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\notes.pdf", "notes.pdf"),
        ("facture\u202efdp.exe", "facturefdp.exe"),
        ("\u2066notes\u2069\u200e\u200f.pdf", "notes.pdf"),
        ("zéro\u200blargeur\ufeff.txt", "zérolargeur.txt"),
        ("a\x00b\x07c\x1b.txt", "abc.txt"),
        ("notes\r\nfinales.pdf", "notes finales.pdf"),
        ("notes  \t finales .pdf", "notes finales.pdf"),
        ("Cours\u00a0: limites.pdf", "Cours\u00a0: limites.pdf"),
        ("e\u0301te\u0301.txt", "\u00e9t\u00e9.txt"),
        ("..htaccess", "fichier.htaccess"),  # a name that is all extension, like ".pdf"
        (" . .notes.txt", "notes.txt"),
        ("notes.pdf. ", "notes.pdf"),
        ("", "fichier"),
        ("   ", "fichier"),
        ("../..", "fichier"),
        (".pdf", "fichier.pdf"),
        ("\u202e.pdf", "fichier.pdf"),
    ],
)
def test_a_display_name_is_cleaned(name, cleaned):
    assert uploads.clean_display_name(name) == cleaned
    assert uploads.clean_display_name(cleaned) == cleaned  # cleaning twice changes nothing


def test_a_very_long_name_keeps_its_extension():
    cleaned = uploads.clean_display_name("é" * 300 + ".docx")

    assert len(cleaned) == 200
    assert cleaned == "é" * 195 + ".docx"


def test_a_name_gets_the_extension_of_its_content_when_it_contradicts_it():
    assert uploads.name_with_extension("notes.bat", "text/plain") == "notes.bat.txt"
    assert uploads.name_with_extension("notes", "application/pdf") == "notes.pdf"
    assert uploads.name_with_extension("notes.PDF", "application/pdf") == "notes.PDF"


def test_the_storage_extension_is_the_one_of_the_detected_type():
    assert uploads.storage_extension("application/pdf", "Notes.PDF") == ".pdf"
    assert uploads.storage_extension("image/jpeg", "photo.jpeg") == ".jpeg"
    assert uploads.storage_extension("text/plain", "notes.exe") == ".txt"
    assert uploads.storage_extension("application/octet-stream", "notes.exe") == ""


# --- The model and the admin ---------------------------------------------------------------------
@pytest.mark.django_db
def test_a_saved_file_gets_its_type_from_its_content_and_a_clean_name(make_resource):
    page = make_resource(files=(("../notes\u202e.docx", samples.ooxml()),))

    stored = page.files.get()

    assert stored.display_name == "notes.docx"
    assert stored.content_type == OOXML + "wordprocessingml.document"
    assert stored.size == len(samples.ooxml())
    assert stored.file.name.startswith("resources/")
    assert stored.file.name.endswith(".docx")


@pytest.mark.django_db
def test_the_model_validator_refuses_a_new_file_and_leaves_stored_ones_alone(make_resource):
    page = make_resource(files=(("notes.pdf", b"%PDF-1.4 demo"),))
    stored = page.files.get()
    stored.full_clean()  # a stored file is not read again

    bad = ResourceFile(page=page, display_name="notes.pdf")
    bad.file = SimpleUploadedFile("notes.pdf", samples.ELF)

    with pytest.raises(ValidationError) as caught:
        bad.full_clean()

    assert caught.value.error_dict["file"][0].code == "executable"


@pytest.mark.django_db
def test_clean_makes_the_display_name_match_the_content(make_resource):
    page = make_resource()
    entry = ResourceFile(page=page, display_name="  ../corrigé.bat ")
    entry.file = SimpleUploadedFile("corrige.txt", samples.text())

    entry.full_clean()

    assert entry.display_name == "corrigé.bat.txt"


@pytest.fixture
def editor(client, site_pages):
    user = get_user_model().objects.create_user(
        "editeur@example.org", "pw-long-enough", is_staff=True, is_superuser=True
    )
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(user)
    return user


def _new_resource_post(upload):
    data = nested_form_data(
        {
            "title": "Notes de cours",
            "slug": "notes-de-cours-televersees",
            "summary": "Un résumé.",
            "description": rich_text(""),
            "co_authors": "",
            "language": "fr",
            "files": inline_formset([{"file": upload, "display_name": upload.name}]),
            "previews": inline_formset([]),
            "tags": "",
            "duration_minutes": "",
            "pedagogical_notes": "",
            "licence": "CC-BY-NC-SA-4.0",
            "price_cents": "0",
            "member_price_cents": "",
            "adapted_from_page": "",
            "source_title": "",
            "source_author": "",
            "source_url": "",
            "source_licence": "",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    # Lists are several values of one field (nested_form_data would number them).
    data["disciplines"] = [Discipline.objects.get(code="201").pk]
    return data


def _stored_files(tmp_path):
    folder = tmp_path / "private"
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "code_text"),
    [
        ("notes.pdf", samples.zip_of([("a.txt", b"x")]), "is not a PDF document"),
        ("outil.pdf", samples.WINDOWS_EXE, "is an executable program"),
        ("dossier.zip", samples.bomb_zip(), "looks like an archive bomb"),
    ],
)
def test_the_admin_stores_nothing_from_a_refused_file(
    client, editor, catalogue, tmp_path, name, content, code_text
):
    url = f"/admin/pages/add/resources/resourcepage/{catalogue.pk}/"
    with translation.override("en"), pytest.raises(ValidationError) as refusal:
        uploads.check_resource_file(SimpleUploadedFile(name, content))
    assert code_text in refusal.value.messages[0]
    with translation.override("fr"):  # the admin speaks French here
        shown = ValidationError(refusal.value.message, params=refusal.value.params).messages[0]

    response = client.post(url, _new_resource_post(SimpleUploadedFile(name, content)))

    assert response.status_code == 200
    assert escape(shown) in response.content.decode()
    assert not ResourcePage.objects.filter(slug="notes-de-cours-televersees").exists()
    assert ResourceFile.objects.count() == 0
    assert _stored_files(tmp_path) == []


@pytest.mark.django_db
def test_the_admin_stores_an_accepted_file_under_a_generated_name(
    client, editor, catalogue, tmp_path
):
    url = f"/admin/pages/add/resources/resourcepage/{catalogue.pk}/"

    response = client.post(url, _new_resource_post(SimpleUploadedFile("Notes.PDF", samples.pdf())))

    assert response.status_code == 302
    stored = ResourcePage.objects.get(slug="notes-de-cours-televersees").files.get()
    assert stored.content_type == "application/pdf"
    assert stored.display_name == "Notes.PDF"
    assert stored.file.name.endswith(".pdf")
    assert "Notes" not in stored.file.name
    assert _stored_files(tmp_path) == [stored.file.name.removeprefix("resources/")]
