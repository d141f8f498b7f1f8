"""A monthly statement as files, in the active language: a CSV for spreadsheets (UTF-8 with a
byte-order mark, cells that cannot run as formulas, amounts with a dot) and a PDF for people
(reportlab, Letter, amounts as « 12,50 $ »). Both are drawn from the statement's figures
(institutions/statements.py), so they always agree."""

from __future__ import annotations

import csv
import datetime
import io

from django.conf import settings
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from boutique.sales import decimal_amount
from core.formats import long_date, money, month_name
from core.i18n import is_english
from core.spreadsheet import safe_row
from files.pdf import document_fonts, markup

from .models import Statement


def filename(statement: Statement, extension: str) -> str:
    """« etat-de-compte-2026-11.pdf » / "statement-2026-11.pdf"."""
    stem = "statement" if is_english() else "etat-de-compte"
    return f"{stem}-{statement.month:%Y-%m}.{extension}"


def title(statement: Statement) -> str:
    return _("Monthly statement · %(month)s") % {"month": month_name(statement.month)}


def discipline_name(row: dict) -> str:
    """The discipline's name in the active language; resources without one in a row of their
    own."""
    if not row["code"]:
        return _("No discipline")
    return (row["name_en"] or row["name_fr"]) if is_english() else row["name_fr"]


def discipline_label(row: dict) -> str:
    """« 201 Mathématiques »."""
    return f"{row['code']} {discipline_name(row)}" if row["code"] else discipline_name(row)


def buyer_label(row: dict) -> str:
    return row["buyer"] if row["buyer"] is not None else _("Closed account")


def _date(iso: str) -> str:
    # A narrow table cell: the date may wrap between its words (« 12 novembre / 2026 »).
    return long_date(datetime.date.fromisoformat(iso)).replace("\u00a0", " ") if iso else ""


def summary_rows(figures: dict) -> list[tuple[str, int, bool]]:
    """(label, value, is an amount in cents) of the statement's first table."""
    totals = figures["totals"]
    return [
        (_("Staff members with a confirmed address"), figures["staff"], False),
        (_("Staff members active this month"), figures["active_staff"], False),
        (_("Downloads"), figures["downloads"]["total"], False),
        (_("Staff purchases (before taxes)"), totals["purchases_cents"], True),
        (_("Institution licences (before taxes)"), totals["licences_cents"], True),
        (_("Taxes"), totals["tax_cents"], True),
        (_("Total with taxes"), totals["total_cents"], True),
        (_("Refunded"), totals["refunded_cents"], True),
        (_("Net after refunds"), totals["net_cents"], True),
        (_("Saved thanks to member prices"), totals["savings_cents"], True),
    ]


def privacy_note() -> str:
    return _(
        "Downloads are counted, never listed by person (Quebec's Law 25). Staff purchases are "
        "grouped by resource; only the buyers of institution licences, which are billed to the "
        "institution, are named. A resource in several disciplines counts in each of them."
    )


# --- CSV -------------------------------------------------------------------------------------


def _csv_sections(statement: Statement) -> list[list[list]]:
    figures = statement.figures
    downloads = figures["downloads"]
    return [
        [[title(statement)], [figures["institution"]]],
        [
            [_("Summary")],
            *(
                [label, decimal_amount(value) if is_amount else value]
                for label, value, is_amount in summary_rows(figures)
            ),
        ],
        [
            [_("Downloads by discipline")],
            [_("Code"), _("Discipline"), _("Downloads")],
            *(
                [row["code"], discipline_name(row), row["downloads"]]
                for row in downloads["by_discipline"]
            ),
        ],
        [
            [_("Downloads by resource")],
            [_("Resource"), _("Downloads")],
            *([row["title"], row["downloads"]] for row in downloads["by_resource"]),
        ],
        [
            [_("Staff purchases by resource")],
            [
                _("Resource"),
                _("Purchases"),
                _("At member price"),
                _("Amount"),
                _("Taxes"),
                _("Refunded"),
                _("Savings"),
            ],
            *(
                [
                    row["title"],
                    row["count"],
                    row["member_price_count"],
                    decimal_amount(row["amount_cents"]),
                    decimal_amount(row["tax_cents"]),
                    decimal_amount(row["refunded_cents"]),
                    decimal_amount(row["savings_cents"]),
                ]
                for row in figures["purchases"]
            ),
        ],
        [
            [_("Institution licences")],
            [
                _("Date"),
                _("Order"),
                _("Licence"),
                _("Bought by"),
                _("Amount"),
                _("Taxes"),
                _("Refunded"),
                _("From"),
                _("Until"),
            ],
            *(
                [
                    row["date"],
                    row["order"],
                    row["title"],
                    buyer_label(row),
                    decimal_amount(row["amount_cents"]),
                    decimal_amount(row["tax_cents"]),
                    decimal_amount(row["refunded_cents"]),
                    row["starts_on"],
                    row["ends_on"],
                ]
                for row in figures["licences"]
            ),
        ],
        [[privacy_note()]],
    ]


def statement_csv(statement: Statement) -> bytes:
    """The statement as CSV: its sections one under the other, a blank line between them."""
    buffer = io.StringIO()
    buffer.write("\ufeff")  # spreadsheets then read UTF-8 (« é », « $ ») as such
    writer = csv.writer(buffer)
    for position, section in enumerate(_csv_sections(statement)):
        if position:
            writer.writerow([])
        # Titles and names are typed by people: none may run as a formula.
        writer.writerows(safe_row(row) for row in section)
    return buffer.getvalue().encode("utf-8")


# --- PDF -------------------------------------------------------------------------------------

_BLUE = colors.HexColor("#123c69")
_LIGHT = colors.HexColor("#e8eef6")
_GRID = colors.HexColor("#c9ced6")


class _Styles:
    def __init__(self):
        (self.regular, self.regular_chars), (self.bold, self.bold_chars) = document_fonts()
        self.title = ParagraphStyle(
            "StatementTitle", fontName=self.bold, fontSize=16, leading=20, textColor=_BLUE
        )
        self.site = ParagraphStyle(
            "StatementSite", fontName=self.bold, fontSize=10, leading=14, textColor=_BLUE
        )
        self.subtitle = ParagraphStyle(
            "StatementSubtitle", fontName=self.regular, fontSize=11, leading=15, spaceAfter=10
        )
        self.heading = ParagraphStyle(
            "StatementHeading",
            fontName=self.bold,
            fontSize=12,
            leading=16,
            spaceBefore=12,
            spaceAfter=6,
            textColor=_BLUE,
        )
        self.cell = ParagraphStyle("StatementCell", fontName=self.regular, fontSize=9, leading=11)
        self.head = ParagraphStyle("StatementHead", fontName=self.bold, fontSize=9, leading=11)
        self.number = ParagraphStyle("StatementNumber", parent=self.cell, alignment=2)
        self.head_number = ParagraphStyle("StatementHeadNumber", parent=self.head, alignment=2)
        self.note = ParagraphStyle(
            "StatementNote", fontName=self.regular, fontSize=8.5, leading=11, spaceBefore=6
        )

    def text(self, value, style) -> Paragraph:
        charset = self.bold_chars if style.fontName == self.bold else self.regular_chars
        return Paragraph(markup(str(value), charset), style)


def _table(styles: _Styles, header, rows: list[list], widths, numeric: set[int]):
    """A table with a shaded header (none when `header` is None); columns in `numeric` aligned
    right."""
    data = []
    if header:
        data.append(
            [
                styles.text(label, styles.head_number if i in numeric else styles.head)
                for i, label in enumerate(header)
            ]
        )
    for row in rows:
        data.append(
            [
                styles.text(value, styles.number if i in numeric else styles.cell)
                for i, value in enumerate(row)
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), _LIGHT))
    table.setStyle(TableStyle(commands))
    return table


def _section(styles: _Styles, heading: str, header, rows, widths, numeric) -> list:
    if not rows:
        return [
            styles.text(heading, styles.heading),
            styles.text(_("Nothing this month."), styles.cell),
        ]
    table = _table(styles, header, rows, widths, numeric)
    return [KeepTogether([styles.text(heading, styles.heading), table]), Spacer(1, 2)]


def statement_pdf(statement: Statement) -> bytes:
    """The statement as a PDF: a summary, then the downloads by discipline and by resource,
    the staff purchases by resource and the institution licences."""
    styles = _Styles()
    figures = statement.figures
    downloads = figures["downloads"]
    width = LETTER[0] - 4 * cm
    story = [
        styles.text(settings.WAGTAIL_SITE_NAME, styles.site),
        styles.text(title(statement), styles.title),
        styles.text(figures["institution"], styles.subtitle),
    ]
    story += _section(
        styles,
        _("Summary"),
        None,
        [
            [label, money(value) if is_amount else value]
            for label, value, is_amount in summary_rows(figures)
        ],
        [width * 0.7, width * 0.3],
        {1},
    )
    story.append(styles.text(privacy_note(), styles.note))
    story += _section(
        styles,
        _("Downloads by discipline"),
        [_("Discipline"), _("Downloads")],
        [[discipline_label(row), row["downloads"]] for row in downloads["by_discipline"]],
        [width * 0.75, width * 0.25],
        {1},
    )
    story += _section(
        styles,
        _("Downloads by resource"),
        [_("Resource"), _("Downloads")],
        [[row["title"], row["downloads"]] for row in downloads["by_resource"]],
        [width * 0.75, width * 0.25],
        {1},
    )
    story += _section(
        styles,
        _("Staff purchases by resource"),
        [_("Resource"), _("Purchases"), _("Amount"), _("Taxes"), _("Refunded"), _("Savings")],
        [
            [
                row["title"],
                row["count"],
                money(row["amount_cents"]),
                money(row["tax_cents"]),
                money(row["refunded_cents"]),
                money(row["savings_cents"]),
            ]
            for row in figures["purchases"]
        ],
        [width * 0.26, width * 0.14] + [width * 0.15] * 4,
        {1, 2, 3, 4, 5},
    )
    story += _section(
        styles,
        _("Institution licences"),
        [_("Date"), _("Licence"), _("Bought by"), _("Amount"), _("Taxes"), _("Refunded")],
        [
            [
                _date(row["date"]),
                f"{row['title']} ({row['order']})",
                buyer_label(row),
                money(row["amount_cents"]),
                money(row["tax_cents"]),
                money(row["refunded_cents"]),
            ]
            for row in figures["licences"]
        ],
        [width * 0.16, width * 0.24, width * 0.18] + [width * 0.14] * 3,
        {3, 4, 5},
    )
    buffer = io.BytesIO()
    margins = dict.fromkeys(("leftMargin", "rightMargin", "topMargin", "bottomMargin"), 2 * cm)
    # invariant: no timestamp or random ID, the same figures give the same file.
    footer = f"{figures['institution']} · {title(statement)}"

    def number_page(canvas, document):
        # Each page says whose statement it is, once printed and separated.
        canvas.saveState()
        canvas.setFont(styles.regular, 8)
        canvas.setFillColor(colors.HexColor("#474e57"))
        canvas.drawString(2 * cm, 1.2 * cm, footer)
        canvas.drawRightString(
            LETTER[0] - 2 * cm, 1.2 * cm, _("Page %(number)s") % {"number": document.page}
        )
        canvas.restoreState()

    SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        invariant=True,
        title=title(statement),
        author=settings.WAGTAIL_SITE_NAME,
        **margins,
    ).build(story, onFirstPage=number_page, onLaterPages=number_page)
    return buffer.getvalue()
