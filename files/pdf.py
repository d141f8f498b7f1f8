"""PDF services for published packages: an attribution page stamped at the end, and a preview.

Both take untrusted uploads, so both return None rather than raise when a file cannot be handled
(encrypted, corrupt, not a PDF, too big): the caller then keeps the original file, or no preview.
The original bytes are never modified; `stamp_pdf` returns a new copy.
"""

from __future__ import annotations

import functools
import html
import logging
import threading
import unicodedata
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import reportlab
from pypdf import PasswordType, PdfReader, PdfWriter
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

logger = logging.getLogger(__name__)

# Beyond this, copying every page costs too much time and memory for a publication request.
MAX_PAGES = 2000
# A preview taller than this many widths is a strip, not a page: refuse it (and its memory).
MAX_ASPECT = 4

# Best coverage first: Debian's DejaVu (Latin, Greek, Cyrillic, Arabic letters), then the Vera
# that reportlab ships (Latin-1 and typographic quotes; the Docker image has no system fonts).
_FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu") / "DejaVuSans.ttf",
    Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
)
_BOLD_FILES = {"DejaVuSans.ttf": "DejaVuSans-Bold.ttf", "Vera.ttf": "VeraBd.ttf"}
# Spaces that must not break ("« CC BY 4.0 »"): kept as NBSP when the font lacks them.
_NO_BREAK = "\u00a0\u2007\u202f"
# PDFium is not thread-safe (see pypdfium2's docs); web threads and task workers share it.
_PDFIUM_LOCK = threading.Lock()


# A registered font's name, and the code points it covers (None: a standard font, in cp1252).
_Font = tuple[str, frozenset[int] | None]


@functools.cache
def _fonts() -> tuple[_Font, _Font]:
    """The regular and bold fonts of the stamp, registered once, on first use."""
    for regular in _FONT_CANDIDATES:
        bold = regular.with_name(_BOLD_FILES[regular.name])
        if regular.is_file() and bold.is_file():
            fonts = []
            for path in (regular, bold):
                font = TTFont(f"Stamp-{path.stem}", str(path))
                pdfmetrics.registerFont(font)
                fonts.append((font.fontName, frozenset(font.face.charToGlyph)))
            return fonts[0], fonts[1]
    # Helvetica is built in; reportlab writes it in WinAnsi (cp1252), checked in _clean.
    return ("Helvetica", None), ("Helvetica-Bold", None)


def _covered(char: str, charset: frozenset[int] | None) -> bool:
    if charset is not None:
        return ord(char) in charset
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _clean(text: str, charset: frozenset[int] | None) -> str:
    """`text` as platypus markup the font can draw: escaped, unknown characters as "?"."""
    chars = []
    for char in text:
        if char in _NO_BREAK:
            char = char if _covered(char, charset) else "\u00a0"
        elif char.isspace():
            char = " "  # line breaks and tabs are plain spaces in a paragraph
        elif unicodedata.category(char) == "Cf":
            char = ""  # invisible format characters (zero-width joiners, marks): nothing to draw
        elif unicodedata.category(char) == "Cc" or not _covered(char, charset):
            char = "?"  # a control or missing glyph: an empty box, or an error in a standard font
        chars.append(char)
    return html.escape("".join(chars), quote=False)


def _stamp_pages(heading: str, paragraphs: list[str]) -> bytes:
    """A PDF of the attribution text alone, on as many Letter pages as it needs."""
    (regular, regular_chars), (bold, bold_chars) = _fonts()
    body = ParagraphStyle("StampBody", fontName=regular, fontSize=10.5, leading=14, spaceAfter=8)
    title = ParagraphStyle("StampHeading", fontName=bold, fontSize=15, leading=19, spaceAfter=12)
    story = [Paragraph(_clean(heading, bold_chars), title)]
    story += [Paragraph(_clean(text, regular_chars), body) for text in paragraphs]
    buffer = BytesIO()
    margins = dict.fromkeys(("leftMargin", "rightMargin", "topMargin", "bottomMargin"), 2 * cm)
    # invariant: no timestamp or random ID, so the same text gives the same pages.
    SimpleDocTemplate(buffer, pagesize=LETTER, invariant=True, **margins).build(story)
    return buffer.getvalue()


def stamp_pdf(data: bytes, *, heading: str, paragraphs: list[str]) -> bytes | None:
    """A copy of `data` with the attribution page(s) at the end; None (never an error) when it
    cannot be stamped: encrypted with a password, unreadable, not a PDF, over MAX_PAGES."""
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        # An empty user password only restricts permissions: the file opens for everyone.
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            return None
        if not 0 < len(reader.pages) <= MAX_PAGES:
            return None
        stamp = PdfReader(BytesIO(_stamp_pages(heading, paragraphs)))
        writer = PdfWriter()
        writer.append(reader)  # append, unlike add_page, keeps outlines and internal links
        writer.append(stamp, import_outline=False)
        # The original's own information only: not pypdf's default "Producer".
        writer.metadata = reader.metadata or None
        out = BytesIO()
        writer.write(out)
        return out.getvalue()
    except Exception:
        # pypdf's parser raises many kinds of errors (PdfReadError, ValueError, KeyError,
        # TypeError, RecursionError...) on malformed files: all mean "keep the original".
        logger.warning("PDF not stamped: unreadable or unsupported file", exc_info=True)
        return None


def first_page_png(data: bytes, *, width: int = 1200) -> bytes | None:
    """PNG of the first page, `width` pixels wide; None (never an error) when it cannot be
    rendered: encrypted, unreadable, no page, or taller than MAX_ASPECT widths."""
    if width < 1:
        return None
    try:
        with _PDFIUM_LOCK:
            pdf = pdfium.PdfDocument(data)
            try:
                if len(pdf) == 0:
                    return None
                page = pdf[0]
                try:
                    page_width, page_height = page.get_size()
                    if not (page_width > 0 and 0 < page_height <= MAX_ASPECT * page_width):
                        return None
                    scale = width / page_width
                    image = page.render(scale=scale).to_pil()
                finally:
                    page.close()
            finally:
                pdf.close()
        # The renderer rounds the size up: a float error can add one column.
        if image.width > width:
            image = image.crop((0, 0, width, image.height))
        out = BytesIO()
        image.save(out, format="PNG", optimize=False)
        return out.getvalue()
    except Exception:
        # PdfiumError for unreadable or password-protected files; others from odd page data.
        logger.warning("PDF preview not rendered: unreadable or unsupported file", exc_info=True)
        return None


def document_fonts() -> tuple[_Font, _Font]:
    """The regular and bold fonts of the site's PDFs (stamps, statements): (name, charset)."""
    return _fonts()


def markup(text: str, charset: frozenset[int] | None) -> str:
    """`text` as platypus markup the font of `charset` can draw (see _clean)."""
    return _clean(text, charset)
