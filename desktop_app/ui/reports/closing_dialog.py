"""Desk → Close the day…: count the drawer, see what the desk did, store the closing.

The dialog shows this desk's activity since its last closing (cash taken and refunded, cards,
invoices, complimentary admissions, check-ins, and what it receipted: the admissions, each
add-on sold, their total -- as the stored closing and its PDF), takes the opening float and
the cash counted (typed, or counted by denomination), says the difference before anything
is stored, then stores the closing (immutable, audited) and saves its PDF in the receipts
folder, to be printed, signed and put in the cash bag.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.money import typed_amount
from desktop_app.services.reports.closing import DENOMINATIONS, DeskClosingReport
from desktop_app.services.reports.document import closing_document
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.dialogs.common import ErrorLine, interface_language, submit
from desktop_app.ui.dialogs.walkin_payment import AmountField, money
from desktop_app.ui.reports.closing_sales import ClosingSalesBox


class ClosingDialog(QDialog):
    """Count the cash and close this desk's day for the open event."""

    def __init__(self, parent: QWidget | None, context: DeskContext) -> None:
        super().__init__(parent)
        self.context = context
        self.reports = context.office.reports
        self.activity: dict[str, Any] | None = None
        self.closing: DeskClosingReport | None = None
        self.saved_to: Path | None = None

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.sales = ClosingSalesBox()
        self.opening_float = AmountField()
        self.opening_float.setText("0")
        self.counted = AmountField()
        self.counts: dict[str, QSpinBox] = {}
        grid = QGridLayout()
        for i, value in enumerate(DENOMINATIONS):
            spin = QSpinBox()
            spin.setRange(0, 9999)
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("00000") + 36)
            spin.valueChanged.connect(lambda _v: self._from_denominations())
            self.counts[value] = spin
            grid.addWidget(QLabel(money(Decimal(value), interface_language())), i // 5 * 2, i % 5)
            grid.addWidget(spin, i // 5 * 2 + 1, i % 5)
        self.denomination_box = QGroupBox()
        self.denomination_box.setLayout(grid)
        self.note = QLineEdit()
        self.note.setMaxLength(300)
        self.difference = QLabel()
        self.error = ErrorLine()
        self.close_button = QPushButton()
        self.close_button.setEnabled(False)
        self.close_button.clicked.connect(self.close_day)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        self.float_label, self.counted_label, self.note_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.float_label, self.opening_float)
        form.addRow(self.counted_label, self.counted)
        form.addRow(self.note_label, self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.sales)
        layout.addWidget(self.denomination_box)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.difference, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for field in (self.opening_float, self.counted):
            field.textChanged.connect(lambda _t: self._update_difference())
        self.setMinimumWidth(620)
        self.retranslate()
        slug, desk = context.slug, context.desk
        submit(
            context.reader,
            self,
            lambda: self.reports.pending_closing(slug, desk),
            self._show_activity,
            self.error.show_error,
        )

    # -- figures --------------------------------------------------------------------------

    def _amount(self, field: QLineEdit) -> Decimal | None:
        text = field.text().strip()
        return Decimal(0) if not text and field is self.opening_float else typed_amount(text)

    def expected(self) -> Decimal | None:
        """Float + cash taken − cash refunded, once the activity is known."""
        opening = self._amount(self.opening_float)
        if self.activity is None or opening is None:
            return None
        return (
            opening + Decimal(self.activity["cash_taken"]) - Decimal(self.activity["cash_refunded"])
        )

    def _from_denominations(self) -> None:
        total = sum(
            (Decimal(value) * spin.value() for value, spin in self.counts.items()), Decimal(0)
        )
        self.counted.setText(money(total, interface_language()) if total else "")

    def _show_activity(self, result: tuple[datetime | None, dict[str, Any]]) -> None:
        since, activity = result
        self.activity = activity
        language = interface_language()
        since_text = (
            self.tr("since the last closing ({time})").format(
                time=f"{since.astimezone():%Y-%m-%d %H:%M}"
            )
            if since is not None
            else self.tr("since the desk opened")
        )
        self.summary.setText(
            self.tr(
                "<b>{desk}</b>, {since}: cash taken {cash}, refunded {refunded}; cards"
                " {cards} ({card_count}); {invoices} invoice(s); {comps} complimentary;"
                " {check_ins} check-ins including {walk_ins} walk-ins."
            ).format(
                desk=self.context.desk,
                since=since_text,
                cash=money(Decimal(activity["cash_taken"]), language),
                refunded=money(Decimal(activity["cash_refunded"]), language),
                cards=money(Decimal(activity["card_total"]), language),
                card_count=len(activity["card_payments"]),
                invoices=activity["invoices"],
                comps=activity["complimentary"],
                check_ins=activity["check_ins"],
                walk_ins=activity["walk_ins"],
            )
        )
        self.sales.set_sales(activity.get("sales"))
        self._update_difference()

    def _update_difference(self) -> None:
        language = interface_language()
        expected = self.expected()
        counted = self._amount(self.counted)
        ready = expected is not None and counted is not None and counted >= 0
        self.close_button.setEnabled(ready and self.closing is None)
        if expected is None:
            self.difference.setText(self.tr("Reading what this desk did…"))
        elif counted is None:
            self.difference.setText(
                self.tr("Cash expected in the drawer: {expected}. Count it.").format(
                    expected=money(expected, language)
                )
            )
        else:
            gap = counted - expected
            self.difference.setText(
                self.tr("Expected {expected}, counted {counted}: difference {gap}.").format(
                    expected=money(expected, language),
                    counted=money(counted, language),
                    gap=money(gap, language),
                )
            )

    # -- closing --------------------------------------------------------------------------

    def close_day(self) -> None:
        """Store the closing, then save its PDF in the receipts folder (writer worker)."""
        counted = self._amount(self.counted)
        opening = self._amount(self.opening_float)
        if counted is None or opening is None:
            return
        context = self.context
        denominations = {v: s.value() for v, s in self.counts.items() if s.value()} or None
        note = self.note.text()
        folder = context.settings.receipt_folder
        reports = self.reports

        def work() -> tuple[DeskClosingReport, Path]:
            closing = reports.close_desk(
                context.slug,
                desk=context.desk,
                staff=context.staff.name,
                counted_cash=counted,
                opening_float=opening,
                note=note,
                denominations=denominations,
            )
            stamp = f"{datetime.now(UTC).astimezone():%Y%m%d-%H%M}"
            safe_desk = "".join(c if c.isalnum() else "-" for c in closing.desk)
            path = folder / f"closing-{context.slug}-{safe_desk}-{closing.number}-{stamp}.pdf"
            reports.save_pdf(
                closing_document(closing), path, staff=context.staff.name, desk=context.desk
            )
            return closing, path

        self.close_button.setEnabled(False)
        submit(context.writer, self, work, self._closed, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.error.show_error(error)
        self._update_difference()

    def _closed(self, result: tuple[DeskClosingReport, Path]) -> None:
        self.closing, self.saved_to = result
        closing = self.closing
        self.difference.setText(
            self.tr(
                "Closing #{number} stored. Difference {gap}. PDF to print and sign: {path}"
            ).format(
                number=closing.number,
                gap=money(closing.difference, interface_language()),
                path=self.saved_to,
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.setWindowTitle(self.tr("Close the day — {desk}").format(desk=self.context.desk))
        self.denomination_box.setTitle(self.tr("Count by denomination (optional)"))
        self.float_label.setText(self.tr("Opening float:"))
        self.counted_label.setText(self.tr("Cash counted (float included):"))
        self.note_label.setText(self.tr("Note:"))
        self.close_button.setText(self.tr("Close the day"))
        self._update_difference()
