"""Rendering PDF pages to images with pypdfium2: the preview, and the bitmaps the printer gets.

The preview and the printer use the same renderer, so the badge on screen is the badge on paper.
PDFium is not thread-safe, not even across different documents, and the print queue renders on
its own thread while the preview renders on the GUI thread: every PDFium call goes through
``_PDFIUM_LOCK``, and documents are closed explicitly (under the lock) rather than left to the
garbage collector, which could finalize them on any thread at any time.
"""

from __future__ import annotations

import math
import threading
from types import TracebackType

import pypdfium2 as pdfium
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid

_PDFIUM_LOCK = threading.Lock()
_POINTS_PER_INCH = 72.0
_METRES_PER_INCH = 0.0254


class PdfPages:
    """An open PDF whose pages can be measured and rendered one at a time, from any thread.

    Use it as a context manager so the document is closed on the thread that opened it.
    """

    def __init__(self, pdf: bytes) -> None:
        with _PDFIUM_LOCK:
            try:
                self._document = pdfium.PdfDocument(pdf)
            except pdfium.PdfiumError as error:
                raise Invalid(
                    QT_TRANSLATE_NOOP(
                        "AppError",
                        "The document could not be read ({reason}). Create it again, then retry.",
                    ),
                    reason=str(error),
                ) from error
            self._count = len(self._document)

    def __len__(self) -> int:
        return self._count

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the document; safe to call twice."""
        with _PDFIUM_LOCK:
            self._document.close()

    def size_points(self, index: int) -> QSizeF:
        """The page's size in points as it is displayed (its /Rotate applied)."""
        with _PDFIUM_LOCK:
            page = self._document[index]
            try:
                width, height = page.get_size()
            finally:
                page.close()
        return QSizeF(width, height)

    def render(self, index: int, dpi: float, rotation: int = 0) -> QImage:
        """Page ``index`` as an opaque image at ``dpi``, turned clockwise by ``rotation`` degrees.

        The image is ceil(size in inches × dpi) pixels on each side (PDFium rounds up) and
        carries its resolution, so painting it at its physical size needs no extra arithmetic.
        """
        if not 0 <= index < self._count:
            raise IndexError(f"page {index} of a {self._count}-page document")
        with _PDFIUM_LOCK:
            page = self._document[index]
            try:
                bitmap = page.render(
                    # PDFium rounds the pixel size up, and 216 pt × 300/72 is 900.0000000001
                    # in floating point: shave the scale so exact sizes stay exact.
                    scale=dpi / _POINTS_PER_INCH * (1 - 1e-9),
                    rotation=rotation,
                    # White, not transparent: labels are white and printers have no alpha.
                    fill_color=(255, 255, 255, 255),
                    # Byte order R, G, B, x is the same on every CPU, unlike Qt's RGB32.
                    rev_byteorder=True,
                    prefer_bgrx=True,
                    optimize_mode="print",
                )
                try:
                    image = QImage(
                        memoryview(bitmap.buffer),
                        bitmap.width,
                        bitmap.height,
                        bitmap.stride,
                        QImage.Format.Format_RGBX8888,
                    ).copy()  # copy: the bitmap's memory is freed when it is closed
                finally:
                    bitmap.close()
            finally:
                page.close()
        dots_per_metre = round(dpi / _METRES_PER_INCH)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        return image


def page_count(pdf: bytes) -> int:
    """How many pages ``pdf`` has."""
    with PdfPages(pdf) as pages:
        return len(pages)


def render_preview(pdf: bytes, page: int, dpi: int) -> QImage:
    """Page ``page`` (from 0) of ``pdf`` at ``dpi``, exactly as it is sent to the printer.

    A 4 × 3 in badge at 100 dpi is 400 × 300 pixels.
    """
    with PdfPages(pdf) as pages:
        return pages.render(page, dpi)


class PdfPreview(QWidget):
    """One page of a PDF, scaled to fit the widget, on a grey background with a thin frame."""

    _MARGIN = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf = b""
        self._page = 0
        self._count = 0
        self._cache: tuple[int, QSize, QImage] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 90)

    def set_pdf(self, pdf: bytes) -> None:
        """Show ``pdf`` from its first page (an empty ``pdf`` clears the preview)."""
        self._count = page_count(pdf) if pdf else 0
        self._pdf = pdf
        self._page = 0
        self._cache = None
        self.update()

    def page_count(self) -> int:
        """How many pages the shown PDF has (0 when none)."""
        return self._count

    def current_page(self) -> int:
        """The page shown, from 0."""
        return self._page

    def set_page(self, page: int) -> None:
        """Show page ``page`` (from 0), clamped to the document."""
        page = max(0, min(page, self._count - 1))
        if page != self._page:
            self._page = page
            self._cache = None
            self.update()

    def sizeHint(self) -> QSize:
        """Room for a 4 × 3 in badge at about 100 dpi."""
        return QSize(400 + 2 * self._MARGIN, 300 + 2 * self._MARGIN)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the current page centred and as large as fits."""
        del event
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Mid))
            image = self._page_image()
            if image is None:
                return
            ratio = image.devicePixelRatio()
            size = QSizeF(image.width() / ratio, image.height() / ratio)
            top_left = QPointF(
                (self.width() - size.width()) / 2, (self.height() - size.height()) / 2
            )
            painter.drawImage(top_left, image)
            painter.setPen(QColor(0, 0, 0, 90))
            painter.drawRect(QRectF(top_left, size).adjusted(-0.5, -0.5, 0.5, 0.5))
        finally:
            painter.end()

    def _page_image(self) -> QImage | None:
        """The current page rendered for the widget's size, cached until either changes."""
        if not self._pdf or self._count == 0:
            return None
        margin = self._MARGIN  # keeps the frame inside the widget
        available = QSizeF(self.size()).shrunkBy(QMarginsF(margin, margin, margin, margin))
        if available.width() <= 1 or available.height() <= 1:
            return None
        if self._cache is not None and self._cache[:2] == (self._page, self.size()):
            return self._cache[2]
        with PdfPages(self._pdf) as pages:
            page_size = pages.size_points(self._page)
            fit = min(
                available.width() / page_size.width(), available.height() / page_size.height()
            )
            # Render at the screen's real pixel density so the preview is sharp on HiDPI.
            ratio = self.devicePixelRatioF()
            dpi = _POINTS_PER_INCH * fit * ratio
            image = pages.render(self._page, math.floor(dpi * 100) / 100)
        image.setDevicePixelRatio(ratio)
        self._cache = (self._page, self.size(), image)
        return image
