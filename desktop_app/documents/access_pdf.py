"""An access request's answer as a PDF the person can read, in their language: each kind of
record under a heading, one small table per record (field, value)."""

from __future__ import annotations

import io
import json
from typing import Any

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

from desktop_app.documents.fonts import BOLD, REGULAR, register_fonts
from desktop_app.documents.report_pdf import _markup

SECTIONS: dict[str, tuple[str, str]] = {
    "person": ("Vos coordonnées", "Your details"),
    "registrations": ("Inscriptions", "Registrations"),
    "check_ins": ("Arrivées", "Check-ins"),
    "payments": ("Paiements", "Payments"),
    "receipts": ("Reçus et notes de crédit", "Receipts and credit notes"),
    "consents": ("Consentements", "Consents"),
    "membership_decisions": ("Décisions sur votre adhésion", "Decisions about your membership"),
    "audit_entries": ("Journal des actions vous concernant", "Log of actions about you"),
}
TITLE = ("Renseignements personnels détenus à votre sujet", "Personal information held about you")
INTRO = (
    "Voici tout ce que cette base de données Passerelle contient à votre sujet, à la date "
    "indiquée. Pour faire corriger ou supprimer ces renseignements, adressez-vous au "
    "responsable de la protection des renseignements personnels de l'association.",
    "This is everything this Passerelle database holds about you, as of the date shown. To "
    "have it corrected or deleted, write to the association's privacy officer.",
)
NOTHING = ("(aucun)", "(none)")


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, indent=1)[:3000]
    return str(value)


def render_access_pdf(report: dict[str, Any], language: str) -> bytes:
    """The PDF of ``access_report``'s result, in ``language`` ('fr' or 'en')."""
    register_fonts()
    at = 0 if language == "fr" else 1
    title = ParagraphStyle("t", fontName=BOLD, fontSize=15, leading=19, spaceAfter=6)
    heading = ParagraphStyle("h", fontName=BOLD, fontSize=11.5, leading=14, spaceBefore=10)
    body = ParagraphStyle("b", fontName=REGULAR, fontSize=8.5, leading=10.5)
    key_style = ParagraphStyle("k", fontName=BOLD, fontSize=8, leading=10, textColor=colors.grey)
    story: list[Any] = [
        Paragraph(_markup(TITLE[at]), title),
        Paragraph(_markup(INTRO[at]), body),
        Paragraph(_markup(report["generated_at"]), body),
    ]
    width = LETTER[0] - 1.2 * inch
    for person in report["people"]:
        for section, names in SECTIONS.items():
            records = person[section]
            records = [records] if isinstance(records, dict) else records
            story.append(Paragraph(_markup(names[at]), heading))
            if not records:
                story.append(Paragraph(_markup(NOTHING[at]), body))
            for record in records:
                rows = [
                    [Paragraph(_markup(key), key_style), Paragraph(_markup(_text(value)), body)]
                    for key, value in record.items()
                ]
                table = LongTable(rows, colWidths=[1.8 * inch, width - 1.8 * inch])
                table.setStyle(
                    TableStyle(
                        [
                            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.lightgrey),
                        ]
                    )
                )
                story.append(KeepTogether([table, Spacer(1, 4)]) if len(rows) < 30 else table)
    buffer = io.BytesIO()

    def canvas_maker(*args: Any, **kwargs: Any) -> Canvas:
        kwargs["initialFontName"] = REGULAR
        return Canvas(*args, **kwargs)

    SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=0.6 * inch,
        rightMargin=0.6 * inch,
        topMargin=0.6 * inch,
        bottomMargin=0.6 * inch,
        title=TITLE[at],
        author="Passerelle",
    ).build(story, canvasmaker=canvas_maker)
    return buffer.getvalue()
