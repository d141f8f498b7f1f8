"""The statement's files: a CSV that spreadsheets read as UTF-8 (byte-order mark) whose cells
cannot run as formulas, a PDF in the reader's language; neither names a staff member in the
download part (Law 25) — only the buyers of institution licences are named."""

import csv
import io

import pytest
from django.utils import translation
from pypdf import PdfReader

from institutions import exports, statements
from tests.institutions.statements.conftest import NOVEMBER, at, download

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(world):
    return statements.ensure_statement(world.college, NOVEMBER)


def _sections(data: bytes) -> dict[str, list[list[str]]]:
    """The CSV's sections by their title (a section is its title row and the rows under it,
    up to the next blank row)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    sections, current = {}, None
    for row in rows:
        if not row:
            current = None
        elif current is None:
            current = sections.setdefault(row[0], [])
        else:
            current.append(row)
    return sections


def _people(world):
    """What would name a staff member: their names and addresses."""
    staff = (world.ana, world.ben, world.eve, world.rachel, world.robert)
    return [value for user in staff for value in (user.display_name, user.email)]


def test_the_csv_starts_with_a_byte_order_mark_and_holds_every_section(statement, world):
    with translation.override("fr"):
        data = exports.statement_csv(statement)
    sections = _sections(data)

    assert data.startswith("\ufeff".encode())
    assert sections["Téléchargements par discipline"][1:] == [
        ["201", "Mathématiques", "3"],
        ["202", "Chimie", "1"],
        ["420", "Informatique", "1"],
    ]
    assert sections["Téléchargements par ressource"] == [
        ["Ressource", "Téléchargements"],
        ["Limites", "2"],
        ["Cinétique", "1"],
        ["Python", "1"],
    ]
    assert sections["Achats du personnel par ressource"][1:] == [
        ["Cinétique", "1", "0", "20.00", "3.00", "0.00", "0.00"],
        ["Limites", "2", "2", "20.00", "3.00", "10.00", "5.00"],
    ]
    licences = sections["Licences d’établissement"][1]
    assert licences[3:7] == ["Rachel Mandataire", "200.00", "30.00", "0.00"]
    assert sections["Résumé"][-3:] == [
        ["Remboursé", "10.00"],
        ["Net après remboursements", "266.00"],
        ["Économies grâce aux prix membres", "5.00"],
    ]


def test_no_staff_member_is_named_in_the_download_part_nor_for_personal_purchases(statement, world):
    for language in ("fr", "en"):
        with translation.override(language):
            data = exports.statement_csv(statement).decode("utf-8-sig")
            sections = _sections(exports.statement_csv(statement))
        download_part = "\n".join(
            ",".join(row)
            for title, rows in sections.items()
            if title in ("Téléchargements par discipline", "Downloads by discipline")
            or title in ("Téléchargements par ressource", "Downloads by resource")
            for row in rows
        )
        assert "Limites" in download_part
        for value in _people(world):
            assert value not in download_part
        # Anywhere in the file: only the representative who bought the licence is named.
        assert [value for value in _people(world) if value in data] == ["Rachel Mandataire"]


def test_cells_typed_by_people_cannot_run_as_formulas(world):
    world.limits.title = '=HYPERLINK("http://evil.example")'
    world.limits.save_revision().publish()
    download(world.ana, world.limits, at(2026, 11, 25))
    world.rachel.display_name = "@SUM(A1)"
    world.rachel.save()
    statement = statements.ensure_statement(world.college, NOVEMBER)

    with translation.override("en"):
        rows = list(csv.reader(io.StringIO(exports.statement_csv(statement).decode("utf-8-sig"))))

    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://evil.example")' in cells
    assert "'@SUM(A1)" in cells
    assert not [cell for cell in cells if cell.startswith(("=", "@", "+"))]
    assert "-" not in {cell[:1] for cell in cells if cell}


def test_the_pdf_is_in_the_readers_language_and_names_nobody_but_the_licence_buyer(
    statement, world
):
    texts = {}
    for language in ("fr", "en"):
        with translation.override(language):
            reader = PdfReader(io.BytesIO(exports.statement_pdf(statement)))
        # Words as read, whatever the lines and the no-break spaces between them.
        texts[language] = " ".join(" ".join(page.extract_text() for page in reader.pages).split())

    assert "État de compte mensuel · novembre 2026" in texts["fr"]
    assert "Monthly statement · November 2026" in texts["en"]
    assert "Téléchargements par discipline" in texts["fr"]
    assert "276,00 $" in texts["fr"]  # the total with taxes, as people in Quebec write it
    assert "$276.00" in texts["en"]
    for language, text in texts.items():
        heading = {"fr": "Achats du personnel par ressource", "en": "Staff purchases by resource"}
        downloads = text[: text.index(heading[language])]
        assert "Limites" in downloads
        assert [value for value in _people(world) if value in downloads] == []
        assert [value for value in _people(world) if value in text] == ["Rachel Mandataire"]


def test_the_files_are_named_after_the_month_in_the_readers_language(statement):
    with translation.override("fr"):
        assert exports.filename(statement, "pdf") == "etat-de-compte-2026-11.pdf"
    with translation.override("en"):
        assert exports.filename(statement, "csv") == "statement-2026-11.csv"


def test_an_empty_month_still_makes_a_statement(college):
    statement = statements.ensure_statement(college, NOVEMBER)

    with translation.override("fr"):
        reader = PdfReader(io.BytesIO(exports.statement_pdf(statement)))
        sections = _sections(exports.statement_csv(statement))

    assert "Rien ce mois-ci." in reader.pages[0].extract_text()
    assert sections["Téléchargements par ressource"] == [["Ressource", "Téléchargements"]]
    assert statement.figures["totals"]["net_cents"] == 0
