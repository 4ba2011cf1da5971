"""Reading PDFs back as a person would: text, positioned text and QR codes (test helpers)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader

from desktop_app.documents.badge import BadgeData


def pdf_text(pdf: bytes) -> str:
    """All text of ``pdf`` as pypdf extracts it, pages joined, NFC-normalised."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFC", text)


def flat(text: str) -> str:
    """``text`` with every kind of space made a plain one, for matching amounts and labels."""
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


@dataclass(frozen=True)
class DrawnText:
    """A piece of text as drawn: its page, the baseline start point (PDF points) and size."""

    page: int
    text: str
    x: float
    y: float
    size: float


def drawn_texts(pdf: bytes) -> list[DrawnText]:
    """Every text show operation of ``pdf`` with where the content stream put it."""
    reader = PdfReader(io.BytesIO(pdf))
    found: list[DrawnText] = []
    for index, page in enumerate(reader.pages):

        def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
            if not text.strip():
                return
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.append(DrawnText(index, text, x, y, size * tm[0] * cm[0]))  # noqa: B023

        page.extract_text(visitor_text=visit)
    return found


def decode_qr_codes(pdf: bytes, dpi: int, page: int = 0) -> list[str]:
    """Render ``page`` at ``dpi`` the way a thermal printer would (no anti-aliasing of
    shapes, grey levels) and return the text of every QR code zxing-cpp finds on it."""
    document = pdfium.PdfDocument(pdf)
    try:
        bitmap = document[page].render(scale=dpi / 72, grayscale=True, no_smoothpath=True)
        view = memoryview(bitmap.buffer).cast("B", (bitmap.height, bitmap.stride))
        results = zxingcpp.read_barcodes(view)
        return [result.text for result in results]
    finally:
        document.close()


BadgeFactory = Callable[..., BadgeData]
