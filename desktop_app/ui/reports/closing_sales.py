"""The Close-the-day dialog's sales table: what this desk receipted since its last closing,
as the stored closing and its PDF have it (``addon_sales.desk_sales``) -- the admissions'
line, a line per add-on sold, and their total -- so the figures checked on screen are those
signed on paper."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from desktop_app.ui.dialogs.common import interface_language
from desktop_app.ui.dialogs.walkin_payment import money


class ClosingSalesBox(QGroupBox):
    """A grid: what, count, before taxes, each tax, total; hidden when nothing was sold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sales: dict[str, Any] | None = None
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(18)
        self.hide()
        self.retranslate()

    def set_sales(self, sales: dict[str, Any] | None) -> None:
        """Show a pending closing's ``sales`` (None or no line: nothing receipted, hidden)."""
        self.sales = sales
        self._fill()

    def rows(self) -> list[tuple[str, ...]]:
        """The table's texts, header first (what the tests and staff read)."""
        found: list[tuple[str, ...]] = []
        for row in range(self.grid.rowCount()):
            cells = []
            for column in range(self.grid.columnCount()):
                item = self.grid.itemAtPosition(row, column)
                widget = item.widget() if item is not None else None
                cells.append(widget.text() if isinstance(widget, QLabel) else "")
            found.append(tuple(cells))
        return found

    def _what(self, line: dict[str, Any], language: str) -> str:
        if "name_fr" in line:  # an add-on: its session's name
            return str(line["name_fr"] if language == "fr" else line["name_en"])
        return self.tr("Admissions")

    def _fill(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        sales = self.sales
        if not sales or not sales.get("lines"):
            self.hide()
            return
        language = interface_language()
        codes: list[str] = list(sales["tax_codes"])
        header = [self.tr("What"), self.tr("Count"), self.tr("Before taxes"), *codes]
        header.append(self.tr("Total"))
        lines = [(self._what(line, language), line) for line in sales["lines"]]
        lines.append((self.tr("Total receipted"), sales["total"]))
        bold = QFont(self.font())
        bold.setBold(True)
        for column, text in enumerate(header):
            self._cell(0, column, text, bold, numeric=column > 0)
        for row, (what, line) in enumerate(lines, start=1):
            font = bold if row == len(lines) else None
            figures = [
                str(line["count"]),
                money(Decimal(line["subtotal"]), language),
                *(money(Decimal(line["taxes"].get(code, "0")), language) for code in codes),
                money(Decimal(line["total"]), language),
            ]
            self._cell(row, 0, what, font, numeric=False)
            for column, text in enumerate(figures, start=1):
                self._cell(row, column, text, font, numeric=True)
        self.show()

    def _cell(self, row: int, column: int, text: str, font: QFont | None, *, numeric: bool) -> None:
        label = QLabel(text)
        if font is not None:
            label.setFont(font)
        if numeric:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.grid.addWidget(label, row, column)

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.setTitle(self.tr("Receipted at this desk (admissions and add-ons)"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
