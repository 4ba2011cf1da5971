"""A report as a PDF: the same tables as its exports, a bar chart where it has one, both
languages (French first for a Québec event and for the partnership), on Letter paper.

The desk closing ends with signature lines (it goes in the cash bag) and a reprint says
COPIE / COPY at the top of every page.
"""

from __future__ import annotations

import io
import unicodedata
from datetime import datetime
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from desktop_app.documents import font_fallback
from desktop_app.documents.fonts import BOLD, REGULAR, missing_glyphs, register_fonts
from desktop_app.documents.report_data import (
    LABELS,
    Cell,
    Chart,
    Language,
    Pair,
    ReportDocument,
    label,
)
from desktop_app.domain.money import format_money

_GREY = colors.Color(0.38, 0.38, 0.38)
_RULE = colors.Color(0.8, 0.8, 0.8)
_BANDS = (colors.Color(0.13, 0.36, 0.62), colors.Color(0.85, 0.45, 0.1))
_MAX_CHART_BARS = 96  # a whole day of quarter hours
_LABEL_KEYS = frozenset(LABELS)


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=2),
        "subtitle": ParagraphStyle(
            "subtitle", fontName=REGULAR, fontSize=10, leading=13, textColor=_GREY
        ),
        "section": ParagraphStyle(
            "section", fontName=BOLD, fontSize=11.5, leading=14, spaceBefore=10, spaceAfter=4
        ),
        "cell": ParagraphStyle("cell", fontName=REGULAR, fontSize=8.5, leading=10.5),
        "number": ParagraphStyle(
            "number", fontName=REGULAR, fontSize=8.5, leading=10.5, alignment=2
        ),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=8, leading=10),
        "head_number": ParagraphStyle(
            "head_number", fontName=BOLD, fontSize=8, leading=10, alignment=2
        ),
        "note": ParagraphStyle("note", fontName=REGULAR, fontSize=9, leading=12),
        "copy": ParagraphStyle(
            "copy", fontName=BOLD, fontSize=13, leading=16, textColor=colors.Color(0.75, 0.1, 0.1)
        ),
    }


def _markup(text: str) -> str:
    """``text`` escaped for a Paragraph, NFC, with fallback fonts for what DejaVu lacks."""
    text = unicodedata.normalize("NFC", text)
    missing = missing_glyphs(text)
    if not missing:
        return escape(text)
    parts: list[str] = []
    for char in text:
        font = font_fallback.fallback_font(char) if char in missing else None
        parts.append(f'<font name="{font}">{escape(char)}</font>' if font else escape(char))
    return "".join(parts)


def _both(key: str, languages: tuple[Language, Language], *, sep: str = " · ") -> str:
    first, second = (label(key, language) for language in languages)
    return first if first == second else f"{first}{sep}{second}"


def _text(
    cell: Cell,
    column: int,
    labelled: frozenset[int],
    document: ReportDocument,
    languages: tuple[Language, Language],
) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Pair):
        return cell.text(languages[0])
    if isinstance(cell, str):
        return _both(cell, languages, sep=" / ") if column in labelled else cell
    if isinstance(cell, datetime):
        return f"{cell.astimezone(ZoneInfo(document.timezone)):%Y-%m-%d %H:%M}"
    if isinstance(cell, Decimal):
        return format_money(cell, languages[0])
    return f"{cell:,}".replace(",", "\u202f") if languages[0] == "fr" else f"{cell:,}"


def _heading(column: str, languages: tuple[Language, Language]) -> str:
    first, second = (label(column, language) for language in languages)
    if first == second:
        return _markup(first)
    return f'{_markup(first)}<br/><font name="{REGULAR}" color="#606060">{_markup(second)}</font>'


def _table(
    document: ReportDocument, index: int, styles: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    languages = document.languages
    section = document.sections[index]
    numeric = [
        bool(section.rows)
        and all(isinstance(row[i], int | Decimal) or row[i] is None for row in section.rows)
        for i in range(len(section.columns))
    ]
    head = [
        Paragraph(_heading(column, languages), styles["head_number" if numeric[i] else "head"])
        for i, column in enumerate(section.columns)
    ]
    rows: list[list[Paragraph]] = [head]
    shown = section.rows if section.pdf_rows is None else section.rows[: section.pdf_rows]
    for row in shown:
        rows.append(
            [
                Paragraph(
                    _markup(_text(cell, i, section.labelled, document, languages)),
                    styles["number" if numeric[i] else "cell"],
                )
                for i, cell in enumerate(row)
            ]
        )
    text_columns = [i for i, is_number in enumerate(numeric) if not is_number]
    number_width = 1.05 * inch
    fixed = number_width * (len(section.columns) - len(text_columns))
    flexible = max(width - fixed, inch) / max(len(text_columns), 1)
    widths = [number_width if numeric[i] else flexible for i in range(len(section.columns))]
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # not Table's Helvetica default
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, _RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    title = Paragraph(_markup(_both(section.title, languages)), styles["section"])
    left = len(section.rows) - len(shown)
    if left:
        more = " / ".join(label("more_rows", language).format(count=left) for language in languages)
        table = KeepTogether([table, Paragraph(_markup(more), styles["note"])])
    if len(rows) < 25:  # a short table stays with its title on one page
        return [KeepTogether([title, table])]
    return [title, table]


def _chart(chart: Chart, document: ReportDocument, width: float, height: float) -> Drawing:
    languages = document.languages
    drawing = Drawing(width, height + 0.35 * inch)
    drawing.initialFontName = REGULAR  # the renderer's default font would be Helvetica
    bars = VerticalBarChart()
    bars.x, bars.y = 0.45 * inch, 0.45 * inch
    bars.width, bars.height = width - 0.6 * inch, height - 0.45 * inch
    labels = chart.labels[:_MAX_CHART_BARS]
    bars.data = [list(values[:_MAX_CHART_BARS]) for _, values in chart.series] or [[0]]
    bars.categoryAxis.categoryNames = [
        _both(text, languages, sep="\n") if text in _LABEL_KEYS else text for text in labels
    ]
    bars.categoryAxis.labels.fontName = REGULAR
    bars.categoryAxis.labels.fontSize = 6 if len(labels) > 16 else 7.5
    if len(labels) > 16:
        bars.categoryAxis.labels.angle = 90
        bars.categoryAxis.labels.boxAnchor = "e"
        bars.categoryAxis.labels.dy = -2
    bars.valueAxis.labels.fontName = REGULAR
    bars.barLabels.fontName = REGULAR
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    top = max((max(values, default=0) for _, values in chart.series), default=0)
    bars.valueAxis.valueMax = max(top, 4) * 1.15
    bars.valueAxis.valueStep = max(1, round(max(top, 4) / 4))
    bars.categoryAxis.style = "stacked"
    for i, _ in enumerate(chart.series):
        bars.bars[i].fillColor = _BANDS[i % len(_BANDS)]
        bars.bars[i].strokeColor = None
    drawing.add(bars)
    if isinstance(chart.title, Pair):
        title = chart.title.text(languages[0])
    else:
        title = _both(chart.title, languages) if chart.title in _LABEL_KEYS else chart.title
    drawing.add(String(0, height + 0.15 * inch, title, fontName=BOLD, fontSize=10))
    return drawing


def _signatures(
    styles: dict[str, ParagraphStyle], languages: tuple[Language, Language], width: float
) -> Flowable:
    line = "_" * 38
    rows = [
        [
            Paragraph(f"{line}<br/>{_markup(_both('signature', languages))}", styles["note"]),
            Paragraph(f"{line}<br/>{_markup(_both('staff', languages))}", styles["note"]),
        ],
    ]
    table = LongTable(rows, colWidths=[width / 2, width / 2])
    table.setStyle(
        TableStyle([("TOPPADDING", (0, 0), (-1, -1), 28), ("FONTNAME", (0, 0), (-1, -1), REGULAR)])
    )
    return table


def render_report_pdf(document: ReportDocument, *, generated_at: datetime) -> bytes:
    """The PDF of ``document``; ``generated_at`` is printed in the footer."""
    styles = _styles()
    languages = document.languages
    buffer = io.BytesIO()
    margin = 0.6 * inch
    width = LETTER[0] - 2 * margin
    title = _both(document.kind, languages)
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author="Passerelle",
    )
    story: list[Flowable] = []
    if document.copy:
        story.append(Paragraph(_markup(_both("copy", languages, sep=" / ")), styles["copy"]))
    story.append(Paragraph(_markup(title), styles["title"]))
    lines = []
    if document.event_names is not None:
        names = dict(zip(("fr", "en"), document.event_names, strict=True))
        first, second = names[languages[0]], names[languages[1]]
        lines.append(first if first == second else f"{first} — {second}")
    if document.reference:
        reference = document.reference
        lines.append(_both(reference, languages) if reference in _LABEL_KEYS else reference)
    for line in lines:
        story.append(Paragraph(_markup(line), styles["subtitle"]))
    for note in document.notes:
        for language in languages:
            text = label(note, language).format(**document.note_values)
            story.append(Paragraph(_markup(text), styles["note"]))
    story.append(Spacer(1, 6))
    if not document.compact_charts:
        for chart in document.charts:
            story.append(_chart(chart, document, width, 2.3 * inch))
            story.append(Spacer(1, 4))
    for index, section in enumerate(document.sections):
        if section.output != "exports":
            story.extend(_table(document, index, styles, width))
    if document.compact_charts and document.charts:
        story.append(Spacer(1, 8))
        half = width / 2 - 6
        drawings = [_chart(chart, document, half, 1.6 * inch) for chart in document.charts]
        grid = [drawings[i : i + 2] for i in range(0, len(drawings), 2)]
        if len(grid[-1]) == 1:
            grid[-1].append(Spacer(1, 1))
        story.append(LongTable(grid, colWidths=[width / 2, width / 2]))
    if document.kind == "closing":
        story.append(_signatures(styles, languages, width))
    stamp = f"{generated_at.astimezone(ZoneInfo(document.timezone)):%Y-%m-%d %H:%M}"
    copy_mark = _both("copy", languages, sep=" / ") if document.copy else ""

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(_GREY)
        canvas.drawString(margin, 0.35 * inch, f"Passerelle · {title} · {stamp}")
        canvas.drawRightString(LETTER[0] - margin, 0.35 * inch, f"{doc.page}")
        if copy_mark:
            canvas.setFont(BOLD, 9)
            canvas.setFillColor(colors.Color(0.75, 0.1, 0.1))
            canvas.drawRightString(LETTER[0] - margin, LETTER[1] - 0.4 * inch, copy_mark)
        canvas.restoreState()

    def canvas_maker(*args: Any, **kwargs: Any) -> Canvas:
        # DejaVu from the first operator: no unembedded Helvetica in the file.
        kwargs["initialFontName"] = REGULAR
        return Canvas(*args, **kwargs)

    pdf.build(story, onFirstPage=footer, onLaterPages=footer, canvasmaker=canvas_maker)
    return buffer.getvalue()
