"""Small real files for the demo catalogue, generated at load time: PDFs (reportlab), CSV and
text files, and preview images (Pillow)."""

import io
import textwrap
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

# A calm palette, one colour per discipline family, for the preview images.
PALETTE = ["#123c69", "#1e6b34", "#7a3e00", "#5b2a86", "#0f5c63", "#8a1c3b", "#3d4f1a"]


def pdf_bytes(title: str, author: str, paragraphs: list[str], pages: int = 2) -> bytes:
    """A real, readable PDF: a title page and `pages - 1` pages of text."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=LETTER, pageCompression=1)
    pdf.setTitle(title)
    pdf.setAuthor(author)
    width, height = LETTER
    for number in range(1, max(1, pages) + 1):
        y = height - 3 * cm
        if number == 1:
            pdf.setFont("Helvetica-Bold", 20)
            for line in textwrap.wrap(title, 48):
                pdf.drawString(2.5 * cm, y, line)
                y -= 26
            pdf.setFont("Helvetica", 12)
            y -= 10
            pdf.drawString(2.5 * cm, y, author)
            y -= 36
        pdf.setFont("Helvetica", 11)
        for paragraph in paragraphs:
            for line in textwrap.wrap(paragraph, 90):
                if y < 3 * cm:
                    break
                pdf.drawString(2.5 * cm, y, line)
                y -= 15
            y -= 10
        pdf.setFont("Helvetica", 9)
        pdf.drawString(width - 4 * cm, 1.5 * cm, f"{number} / {max(1, pages)}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def text_bytes(title: str, paragraphs: list[str]) -> bytes:
    return ("\n\n".join([title, *paragraphs]) + "\n").encode("utf-8")


def csv_bytes(title: str) -> bytes:
    rows = ["semaine,thème,activité,durée (min)"]
    for week in range(1, 16):
        rows.append(f"{week},{title[:40].replace(',', ' ')} — partie {week},exercices en classe,75")
    return ("\n".join(rows) + "\n").encode("utf-8")


_FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


def _font(size: int):
    """A system font with French accents when there is one, else Pillow's own font."""
    for path in _FONT_FILES:
        if Path(path).exists():
            return ImageFont.truetype(path, size), True
    return ImageFont.load_default(size=size), False


def _drawable(text: str, full_unicode: bool) -> str:
    if full_unicode:
        return text
    # Pillow's built-in font has no accented letters: write "e" rather than a missing glyph.
    text = text.replace("\u00a0", " ").replace("\u2019", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and ord(c) < 128)


def preview_png(title: str, code: str, index: int, band_text: str = "") -> bytes:
    """A page-like preview: coloured band with the discipline code, the title below."""
    width, height = 960, 600
    colour = PALETTE[index % len(PALETTE)]
    image = Image.new("RGB", (width, height), "#f6f8fb")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 150], fill=colour)
    big, full_unicode = _font(64)
    medium, _ = _font(40)
    title = _drawable(title, full_unicode)
    draw.text((48, 40), _drawable(band_text or code, full_unicode), font=big, fill="#ffffff")
    y = 200
    for line in textwrap.wrap(title, 34)[:5]:
        draw.text((48, y), line, font=medium, fill="#1f2328")
        y += 56
    for row in range(4):
        draw.rectangle(
            [48, 480 + row * 22, width - 48 - (row * 90), 490 + row * 22], fill="#c9ced6"
        )
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()
