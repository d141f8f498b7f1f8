"""PDF services: the attribution page stamped at the end of a copy, and the first-page preview.

Sample PDFs are drawn with reportlab in each test; text is read back with pypdf's extract_text,
whose line breaks differ from the layout, so texts are compared with whitespace normalised.
"""

import hashlib
from io import BytesIO

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.pdfgen import canvas

from files import pdf
from files.pdf import first_page_png, stamp_pdf

NBSP = "\u00a0"
URL = "https://boutique.apop.example/fr/ressources/suites/"
HEADING = "Réalisé par Marie Tremblay"
PARAGRAPHS = [
    f"« Les suites » par Marie Tremblay, François Côté et Zoë L’Écuyer, sous licence "
    f"«{NBSP}CC BY-NC-SA 4.0{NBSP}».",
    f"Source{NBSP}: {URL}",
    "Ça marche à l’école : garçon, élève, cœur.",
]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(params=["dejavu", "vera", "helvetica"])
def font(request, monkeypatch):
    """Each font the stamp may use: Debian's DejaVu here, Vera in the Docker image, else Helvetica."""
    candidates = {
        "dejavu": pdf._FONT_CANDIDATES[:1],
        "vera": pdf._FONT_CANDIDATES[1:],
        "helvetica": (),
    }
    if not all(path.is_file() for path in candidates[request.param]):
        pytest.skip(f"{request.param} is not installed here")
    monkeypatch.setattr(pdf, "_FONT_CANDIDATES", candidates[request.param])
    pdf._fonts.cache_clear()
    yield request.param
    pdf._fonts.cache_clear()


def make_pdf(texts=("Page un", "Page deux"), pagesize=LETTER, outline=False) -> bytes:
    buffer = BytesIO()
    doc = canvas.Canvas(buffer, pagesize=pagesize, invariant=1)
    doc.setTitle("Les suites")
    for number, text in enumerate(texts):
        doc.drawString(5, 5, text)
        if outline:
            doc.bookmarkPage(f"p{number}")
            doc.addOutlineEntry(text, f"p{number}")
        doc.showPage()
    doc.save()
    return buffer.getvalue()


def encrypt(data: bytes, user_password: str, algorithm: str | None = None) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def words(text: str) -> str:
    return " ".join(text.split())


def pages_text(data: bytes) -> list[str]:
    return [words(page.extract_text()) for page in PdfReader(BytesIO(data)).pages]


def stamp(data: bytes, heading=HEADING, paragraphs=PARAGRAPHS) -> bytes | None:
    return stamp_pdf(data, heading=heading, paragraphs=list(paragraphs))


# --- stamp_pdf ----------------------------------------------------------------------------------


def test_stamp_adds_one_last_page_and_keeps_the_original_pages(font):
    original = make_pdf()
    digest = hashlib.sha256(original).hexdigest()
    copy = bytes(original)

    stamped = stamp(original)

    assert stamped is not None
    assert original == copy
    assert hashlib.sha256(original).hexdigest() == digest
    texts = pages_text(stamped)
    assert len(texts) == 3
    assert texts[:2] == pages_text(original) == ["Page un", "Page deux"]
    last = texts[-1]
    assert HEADING in last
    for paragraph in PARAGRAPHS:
        assert words(paragraph) in last
    assert "« CC BY-NC-SA 4.0 »" in last


def test_stamp_keeps_outlines_and_metadata_without_adding_any():
    original = make_pdf(outline=True)

    stamped = PdfReader(BytesIO(stamp(original)))

    assert [entry.title for entry in stamped.outline] == ["Page un", "Page deux"]
    assert stamped.metadata == PdfReader(BytesIO(original)).metadata
    assert stamped.metadata.title == "Les suites"
    assert "pypdf" not in stamped.metadata.producer


def test_urls_stay_plain_text():
    stamped = PdfReader(BytesIO(stamp(make_pdf())))

    assert URL in words(stamped.pages[-1].extract_text())
    assert "/Annots" not in stamped.pages[-1]


def test_long_text_continues_on_further_pages():
    paragraphs = [
        f"Paragraphe {number} : une longue phrase sur les suites arithmétiques, répétée pour "
        f"remplir la page. " * 4
        for number in range(1, 61)
    ]

    stamped = stamp(make_pdf(), paragraphs=paragraphs)

    texts = pages_text(stamped)
    assert len(texts) >= 2 + 2
    assert texts[:2] == ["Page un", "Page deux"]
    stamp_text = " ".join(texts[2:])
    assert HEADING in stamp_text
    for paragraph in paragraphs:
        assert words(paragraph) in stamp_text


@pytest.mark.parametrize("name", ["محمد", "李雷", "Ирина", "Ἀθηνᾶ"])
def test_names_in_other_scripts_do_not_break_stamping(name, font):
    stamped = stamp(make_pdf(), paragraphs=[f"Réalisé par {name} et Marie Tremblay."])

    assert stamped is not None
    texts = pages_text(stamped)
    assert len(texts) == 3
    assert "Marie Tremblay." in texts[-1]


def test_markup_characters_come_out_literally(font):
    text = "Tom & Jerry, <b>pas gras</b>, a < b > c &amp; <br/>"

    stamped = stamp(make_pdf(), heading="Titre <i>&</i>", paragraphs=[text])

    last = pages_text(stamped)[-1]
    assert "Titre <i>&</i>" in last
    assert text in last


def test_control_and_invisible_characters_are_harmless(font):
    stamped = stamp(make_pdf(), paragraphs=["Ligne\tun\nligne\x00deux\u200b trois\ud800"])

    assert "Ligne un ligne?deux trois?" in pages_text(stamped)[-1]


def test_empty_user_password_is_stamped():
    stamped = stamp(encrypt(make_pdf(), user_password=""))

    assert stamped is not None
    texts = pages_text(stamped)
    assert len(texts) == 3
    assert texts[0] == "Page un"
    assert HEADING in texts[-1]


def test_empty_user_password_with_aes_is_stamped():
    # pypdf needs the cryptography package for AES: without it the file is left unstamped.
    pytest.importorskip("cryptography")

    stamped = stamp(encrypt(make_pdf(), user_password="", algorithm="AES-256"))

    assert len(pages_text(stamped)) == 3


@pytest.mark.parametrize("algorithm", [None, "AES-256"])
def test_real_user_password_is_refused(algorithm):
    assert stamp(encrypt(make_pdf(), user_password="secret", algorithm=algorithm)) is None


@pytest.mark.parametrize(
    "data",
    [b"not a pdf", b"", b"%PDF-1.4\n", make_pdf()[: len(make_pdf()) // 2]],
    ids=["garbage", "empty", "header-only", "truncated"],
)
def test_unreadable_input_is_refused(data):
    assert stamp(data) is None


def test_too_many_pages_is_refused(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_PAGES", 1)

    assert stamp(make_pdf()) is None
    assert stamp(make_pdf(texts=["Page un"])) is not None


def test_max_pages():
    assert pdf.MAX_PAGES == 2000


# --- first_page_png -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pagesize", "width"),
    [(LETTER, 1200), (landscape(A4), 1200), (A4, 1000), (LETTER, 300)],
    ids=["letter", "a4-landscape", "a4-rounding", "letter-small"],
)
def test_first_page_png_has_the_requested_width(pagesize, width):
    png = first_page_png(make_pdf(pagesize=pagesize), width=width)

    assert png.startswith(PNG_SIGNATURE)
    image = Image.open(BytesIO(png))
    assert image.format == "PNG"
    page_width, page_height = pagesize
    assert image.width == width
    assert abs(image.height - round(width * page_height / page_width)) <= 1


def test_first_page_png_default_width():
    image = Image.open(BytesIO(first_page_png(make_pdf())))

    assert image.size[0] == 1200


def test_first_page_png_of_empty_user_password():
    assert first_page_png(encrypt(make_pdf(), user_password="")).startswith(PNG_SIGNATURE)


@pytest.mark.parametrize(
    "data",
    [
        b"not a pdf",
        b"",
        make_pdf()[: len(make_pdf()) // 2],
        encrypt(make_pdf(), user_password="secret"),
        make_pdf(pagesize=(10, 5000)),
    ],
    ids=["garbage", "empty", "truncated", "password", "absurd-page"],
)
def test_first_page_png_refuses_what_it_cannot_render(data):
    assert first_page_png(data) is None


def test_first_page_png_refuses_a_zero_width():
    assert first_page_png(make_pdf(), width=0) is None
