"""Upload validation: accepted types are recognised by their content, every refusal has its code
and a precise message, display names are made safe, and the admin stores nothing it refuses."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation

from resources import uploads
from tests.resources import upload_samples as samples
from tests.resources.upload_samples import refusal as _refusal

ODF = "application/vnd.oasis.opendocument."
OOXML = "application/vnd.openxmlformats-officedocument."


# Messages are compared in English.
pytestmark = pytest.mark.usefixtures("english")


# --- Accepted files ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "build", "mime"),
    [
        ("notes.pdf", samples.pdf, "application/pdf"),
        ("notes.odt", lambda: samples.odf("text"), ODF + "text"),
        ("tableau.ods", lambda: samples.odf("spreadsheet"), ODF + "spreadsheet"),
        ("diapos.odp", lambda: samples.odf("presentation"), ODF + "presentation"),
        ("notes.docx", samples.ooxml, OOXML + "wordprocessingml.document"),
        (
            "tableau.xlsx",
            lambda: samples.ooxml("xl", "workbook.xml"),
            OOXML + "spreadsheetml.sheet",
        ),
        (
            "diapos.pptx",
            lambda: samples.ooxml("ppt", "presentation.xml"),
            OOXML + "presentationml.presentation",
        ),
        ("schema.png", samples.image, "image/png"),
        ("photo.jpg", lambda: samples.image("JPEG"), "image/jpeg"),
        ("photo.JPEG", lambda: samples.image("JPEG"), "image/jpeg"),
        ("anime.gif", lambda: samples.image("GIF"), "image/gif"),
        ("photo.webp", lambda: samples.image("WEBP"), "image/webp"),
        ("exercices.txt", samples.text, "text/plain"),
        ("LISEZMOI", samples.text, "text/plain"),
        ("notes-bom.txt", lambda: b"\xef\xbb\xbf" + samples.text(), "text/plain"),
        ("ancien.txt", lambda: "Théorème de Gauß".encode("cp1252"), "text/plain"),
        ("id3.txt", lambda: samples.text("ID3 : identifiant de l’étape 3\n"), "text/plain"),
        ("horaire.csv", lambda: samples.text("semaine,thème\n1,limites\n"), "text/csv"),
        ("plan.md", lambda: samples.text("# Plan de cours\n"), "text/markdown"),
        (
            "sous-titres.vtt",
            lambda: samples.text("WEBVTT\n\n00:01.000 --> 00:04.000\nBonjour\n"),
            "text/vtt",
        ),
        (
            "dossier.zip",
            lambda: samples.zip_of(
                [("notes.pdf", samples.pdf()), ("exercices.txt", samples.text())]
            ),
            "application/zip",
        ),
        (
            "mac.zip",
            lambda: samples.zip_of(
                [
                    ("cours/", b""),
                    ("cours/notes.docx", samples.ooxml()),
                    ("__MACOSX/cours/._notes.docx", b"\x00\x05\x16\x07\x00\x02"),
                    ("cours/.DS_Store", b"\x00\x00\x00\x01Bud1"),
                ]
            ),
            "application/zip",
        ),
        ("quiz.h5p", samples.h5p, "application/x-h5p"),
        ("balado.mp3", samples.mp3, "audio/mpeg"),
        ("sans-etiquette.mp3", lambda: samples.mp3(with_tag=False), "audio/mpeg"),
        ("video.mp4", samples.mp4, "video/mp4"),
        ("balado.m4a", lambda: samples.mp4(b"M4A "), "audio/mp4"),
    ],
)
def test_an_accepted_file_gives_the_type_of_its_content(name, build, mime):
    uploaded = samples.upload(name, build())

    detected = uploads.check_resource_file(uploaded)

    assert detected == mime
    assert uploaded.tell() == 0


def test_a_file_from_the_storage_or_a_content_file_is_checked_too():
    uploaded = ContentFile(samples.pdf(), name="notes.pdf")
    uploaded.read(10)

    assert uploads.check_resource_file(uploaded) == "application/pdf"
    assert uploaded.tell() == 0


# --- Refused files -------------------------------------------------------------------------------
def _entry_zip(name, content):
    return samples.zip_of([("notes.txt", samples.text()), (name, content)])


@pytest.mark.parametrize(
    ("name", "build", "code", "message"),
    [
        ("vide.pdf", lambda: b"", "empty", "“vide.pdf” is empty."),
        (
            "outil.exe",
            lambda: samples.WINDOWS_EXE,
            "executable",
            "“outil.exe” is an executable program: programs are not accepted.",
        ),
        (
            "notes.pdf",
            lambda: samples.ELF,
            "executable",
            "“notes.pdf” is an executable program: programs are not accepted.",
        ),
        (
            "lancer.sh",
            lambda: b"#!/bin/sh\nrm -rf ~\n",
            "script",
            "“lancer.sh” is a script: scripts are not accepted.",
        ),
        (
            "notes.txt",
            lambda: b"#!/usr/bin/env python\nprint(1)\n",
            "script",
            "“notes.txt” is a script: scripts are not accepted.",
        ),
        (
            "calcul.js",
            lambda: b"alert(1);\n",
            "script",
            "“calcul.js” is a script: scripts are not accepted.",
        ),
        (
            "page.html",
            lambda: samples.HTML,
            "html",
            "“page.html” is a web page (HTML): web pages are not accepted, as they can carry "
            "scripts. Save it as PDF instead.",
        ),
        (
            "notes.txt",
            lambda: samples.HTML,
            "html",
            "“notes.txt” is a web page (HTML): web pages are not accepted, as they can carry "
            "scripts. Save it as PDF instead.",
        ),
        (
            "schema.svg",
            lambda: samples.SVG,
            "svg",
            "“schema.svg” is an SVG image: SVG is not accepted, as it can carry scripts. "
            "Export it as PNG instead.",
        ),
        (
            "notes.pdf",
            lambda: samples.zip_of([("a.txt", samples.text())]),
            "type_mismatch",
            "“notes.pdf” is not a PDF document: its content is a ZIP archive.",
        ),
        (
            "photo.jpg",
            samples.image,
            "type_mismatch",
            "“photo.jpg” is not a JPEG image: its content is a PNG image.",
        ),
        (
            "notes.docx",
            samples.pdf,
            "type_mismatch",
            "“notes.docx” is not a Word document (.docx): its content is a PDF document.",
        ),
        (
            "journal.log",
            samples.text,
            "extension_mismatch",
            "The extension of “journal.log” does not match its content (plain text): rename it "
            "with the extension .txt.",
        ),
        (
            "ancien.doc",
            lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
            "type_not_allowed",
            "“ancien.doc” is not a type of file accepted here: its content is an older Microsoft "
            "Office document. Accepted: PDF, OpenDocument (ODT, ODS, ODP) and Office (DOCX, XLSX, "
            "PPTX) documents, PNG, JPEG, GIF and WebP images, plain text (TXT, CSV, Markdown), "
            "MP3 audio, MP4 video, H5P packages and ZIP archives of these files.",
        ),
        (
            "archive.rar",
            lambda: b"Rar!\x1a\x07\x00" + bytes(range(256)) * 4,
            "type_not_allowed",
            "“archive.rar” is not a type of file accepted here: its content is a file of type "
            "application/x-rar-compressed. Accepted: PDF, OpenDocument (ODT, ODS, ODP) and Office "
            "(DOCX, XLSX, PPTX) documents, PNG, JPEG, GIF and WebP images, plain text (TXT, CSV, "
            "Markdown), MP3 audio, MP4 video, H5P packages and ZIP archives of these files.",
        ),
        (
            "rapport.docm",
            lambda: samples.ooxml(macros=True),
            "macros",
            "“rapport.docm” contains macros: documents with macros are not accepted. Save it "
            "without macros (.docx, .xlsx or .pptx).",
        ),
        (
            "quiz.h5p",
            lambda: samples.zip_of([("h5p.json", b"{not json")]),
            "h5p_invalid",
            "“quiz.h5p” is not a valid H5P package: its h5p.json description is missing or "
            "unreadable.",
        ),
        (
            "dossier.zip",
            lambda: samples.zip_of([("../x", samples.text())]),
            "zip_unsafe_path",
            "The archive “dossier.zip” contains a path leading outside its folder (“../x”).",
        ),
        (
            "dossier.zip",
            lambda: samples.zip_of([("cours/../../x.txt", samples.text())]),
            "zip_unsafe_path",
            "The archive “dossier.zip” contains a path leading outside its folder "
            "(“cours/../../x.txt”).",
        ),
        (
            "dossier.zip",
            lambda: samples.zip_of([("/etc/cron.d/x", samples.text())]),
            "zip_unsafe_path",
            "The archive “dossier.zip” contains a path leading outside its folder "
            "(“/etc/cron.d/x”).",
        ),
        (
            "dossier.zip",
            lambda: samples.zip_of([("C:\\Windows\\x.txt", samples.text())]),
            "zip_unsafe_path",
            "The archive “dossier.zip” contains a path leading outside its folder "
            "(“C:\\Windows\\x.txt”).",
        ),
        (
            "dossier.zip",
            samples.symlink_zip,
            "zip_symlink",
            "The archive “dossier.zip” contains a symbolic link (“raccourci”): links are not "
            "accepted.",
        ),
        (
            "dossier.zip",
            samples.bomb_zip,
            "zip_ratio",
            "The archive “dossier.zip” contains a file compressed to an abnormal degree "
            "(“zeros.txt”): it looks like an archive bomb.",
        ),
        (
            "dossier.zip",
            samples.encrypted_zip,
            "zip_encrypted",
            "The archive “dossier.zip” contains an encrypted file (“secret.txt”): remove the "
            "password and send it again.",
        ),
        (
            "dossier.zip",
            lambda: _entry_zip("installer.exe", samples.WINDOWS_EXE),
            "zip_entry_refused",
            "The archive “dossier.zip” contains a file that is not accepted. “installer.exe” is "
            "an executable program: programs are not accepted.",
        ),
        (
            "dossier.zip",
            lambda: _entry_zip("notes.pdf", samples.ELF),
            "zip_entry_refused",
            "The archive “dossier.zip” contains a file that is not accepted. “notes.pdf” is an "
            "executable program: programs are not accepted.",
        ),
        (
            "dossier.zip",
            lambda: _entry_zip("cours/page.html", samples.HTML),
            "zip_entry_refused",
            "The archive “dossier.zip” contains a file that is not accepted. “cours/page.html” "
            "is a web page (HTML): web pages are not accepted, as they can carry scripts. "
            "Save it as PDF instead.",
        ),
        (
            "dossier.zip",
            lambda: _entry_zip("plan.docx", samples.zip_of([("../evil", b"x")])),
            "zip_entry_refused",
            "The archive “dossier.zip” contains a file that is not accepted. The archive "
            "“plan.docx” contains a path leading outside its folder (“../evil”).",
        ),
        (
            "dossier.zip",
            lambda: _entry_zip("autre.zip", samples.zip_of([("a.txt", samples.text())])),
            "zip_nested",
            "The archive “dossier.zip” contains another archive (“autre.zip”): put its files "
            "directly in the main archive.",
        ),
        (
            "dossier.zip",
            lambda: b"PK\x03\x04" + b"\x00" * 40,
            "zip_corrupt",
            "“dossier.zip” is a damaged or incomplete ZIP archive.",
        ),
        (
            "dossier.zip",
            lambda: samples.zip_of([("notes.txt", samples.text())])[:-30],
            "zip_corrupt",
            "“dossier.zip” is a damaged or incomplete ZIP archive.",
        ),
        (
            "dossier.zip",
            lambda: samples.zip_of([]),
            "zip_empty",
            "The archive “dossier.zip” is empty.",
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
            "balado.mp3",
            lambda: b"ID3\x03\x00\x00\x00\x00\x00\x0a" + b"\x00" * 10 + b"not a frame",
            "corrupt",
            "“balado.mp3” is damaged or incomplete: it cannot be read as an MP3 audio file.",
        ),
    ],
)
def test_a_refused_file_has_its_code_and_message(name, build, code, message):
    error = _refusal(uploads.check_resource_file, name, build())

    assert error.code == code
    assert error.messages == [message]


def test_a_file_above_the_size_limit_is_refused_before_being_read():
    uploaded = SimpleUploadedFile("gros.pdf", b"%PDF-" + b"x" * (1024 * 1024))
    uploaded.file = None  # reading it would fail: its size alone decides

    with override_settings(UPLOAD_MAX_FILE_SIZE=1024 * 1024), pytest.raises(ValidationError) as e:
        uploads.check_resource_file(uploaded)

    assert e.value.code == "too_large"
    assert e.value.messages == ["“gros.pdf” is larger than 1 MB (the limit)."]


def test_the_size_limit_is_shown_in_the_users_language():
    with override_settings(UPLOAD_MAX_FILE_SIZE=1536 * 1024):
        error = _refusal(uploads.check_resource_file, "gros.pdf", b"%PDF-" + b"x" * 2_000_000)

    assert error.code == "too_large"
    assert error.messages == ["“gros.pdf” is larger than 1.5 MB (the limit)."]


@override_settings(UPLOAD_MAX_ZIP_ENTRIES=3)
def test_an_archive_with_too_many_entries_is_refused():
    content = samples.zip_of([(f"page-{n}.txt", samples.text()) for n in range(4)])

    error = _refusal(uploads.check_resource_file, "dossier.zip", content)

    assert error.code == "zip_too_many_entries"
    assert error.messages == ["The archive “dossier.zip” contains more than 3 files."]


@override_settings(UPLOAD_MAX_ZIP_TOTAL=2 * 1024 * 1024)
def test_an_archive_too_large_once_extracted_is_refused():
    big = bytes(range(256)) * 4096  # 1 MB that barely compresses: only the total is at fault
    content = samples.zip_of([("a.txt", big), ("b.txt", big), ("c.txt", big)])

    error = _refusal(uploads.check_resource_file, "dossier.zip", content)

    assert error.code == "zip_too_large"
    assert error.messages == ["The archive “dossier.zip” would take more than 2 MB once extracted."]


def _padded_odt(size: int) -> bytes:
    """An OpenDocument text of about `size` bytes once copied (a stored picture of zeros, which
    the outer archive compresses to almost nothing)."""
    picture = zipfile.ZipInfo("Pictures/fond.png")
    picture.compress_type = zipfile.ZIP_STORED
    document = samples.odf()
    with zipfile.ZipFile(io.BytesIO(document)) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    return samples.zip_of([*entries, (picture, b"\0" * size)])


def test_an_entry_larger_than_a_file_sent_alone_is_refused_without_being_copied():
    content = _entry_zip("plan.odt", _padded_odt(200 * 1024))
    assert len(content) < 64 * 1024  # the upload itself is under the limit

    with override_settings(UPLOAD_MAX_FILE_SIZE=64 * 1024):
        error = _refusal(uploads.check_resource_file, "dossier.zip", content)

    assert error.code == "zip_entry_refused"
    assert error.params["cause"] == "too_large"
    assert error.messages == [
        "The archive “dossier.zip” contains a file that is not accepted. “plan.odt” is larger "
        "than 64 KB (the limit)."
    ]


@override_settings(UPLOAD_MAX_NESTED_TOTAL=300 * 1024)
def test_documents_inside_an_archive_are_copied_within_one_budget_per_upload():
    odt = _padded_odt(200 * 1024)
    one = _entry_zip("plan.odt", odt)
    two = samples.zip_of([("plan.odt", odt), ("annexe.odt", odt)])

    accepted = uploads.check_resource_file(samples.upload("dossier.zip", one))
    error = _refusal(uploads.check_resource_file, "dossier.zip", two)

    assert accepted == "application/zip"
    assert error.code == "zip_nested_too_large"
    assert error.messages == [
        "The documents inside the archive “dossier.zip” would take more than 300 KB to check: "
        "send them in several smaller archives."
    ]


def test_an_archive_with_an_unusual_compression_method_is_refused():
    content = samples.zip_of([("notes.txt", samples.text())], compression=zipfile.ZIP_BZIP2)

    error = _refusal(uploads.check_resource_file, "dossier.zip", content)

    assert error.code == "zip_unsupported"


def test_an_entry_inside_an_archive_is_held_to_the_image_rules():
    content = _entry_zip("geant.png", samples.png_header(50_000, 50_000))

    error = _refusal(uploads.check_resource_file, "dossier.zip", content)

    assert error.code == "zip_entry_refused"
    assert error.params["cause"] == "image_too_many_pixels"


def test_an_entry_name_with_direction_characters_is_shown_without_them():
    content = _entry_zip("facture\u202efdp.exe", samples.WINDOWS_EXE)

    error = _refusal(uploads.check_resource_file, "dossier.zip", content)

    assert "“facturefdp.exe”" in error.messages[0]
    assert "\u202e" not in error.messages[0]


def test_messages_follow_the_active_language_when_shown():
    error = _refusal(uploads.check_resource_file, "vide.pdf", b"")

    with translation.override("fr"):
        french = error.messages
    english = error.messages

    assert english == ["“vide.pdf” is empty."]
    assert len(french) == 1  # the French text itself comes with the catalogue
