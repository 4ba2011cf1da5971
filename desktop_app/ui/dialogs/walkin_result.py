"""What the walk-in dialog shows once the person is registered: the code, the receipt, the
change due in large type, a button to print (or save) the receipt, and where it went."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.services.desk.walkin import WalkInResult
from desktop_app.ui.dialogs.common import interface_language
from desktop_app.ui.dialogs.walkin_payment import money


class ResultBox(QGroupBox):
    """The outcome of a walk-in (hidden until there is one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: WalkInResult | None = None
        self.person = ""
        self.receipt_sent = False
        # Where the receipt went, in the desk's words (the band reads the same record);
        # given by the desk, which owns the printers.
        self.describe_receipt: Callable[[str], str] = lambda _number: ""
        self.saves_pdf = False  # no receipt printer at this desk: the button saves a PDF
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        done_font = QFont(self.summary.font())
        done_font.setPointSizeF(done_font.pointSizeF() * 1.25)
        self.summary.setFont(done_font)
        self.change_due = QLabel()
        change_font = QFont(self.change_due.font())
        change_font.setBold(True)
        change_font.setPointSizeF(change_font.pointSizeF() * 2)
        self.change_due.setFont(change_font)
        self.print_now = QPushButton()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.change_due)
        row = QHBoxLayout()
        row.addWidget(self.print_now)
        row.addStretch(1)
        layout.addLayout(row)
        self.hide()

    def show_result(self, result: WalkInResult, person: str) -> None:
        """Show ``result`` for ``person``."""
        self.result = result
        self.person = person
        self.show()
        self.retranslate()

    def mark_receipt_sent(self) -> None:
        """The receipt was handed to the desk: the button is done; the summary says where."""
        self.receipt_sent = True
        self.print_now.setEnabled(False)
        self.retranslate()

    def _make_room(self) -> None:
        dialog = self.window()
        if dialog is not self and dialog.height() < dialog.sizeHint().height():
            dialog.resize(dialog.width(), dialog.sizeHint().height())

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.setTitle(self.tr("Done"))
        self.print_now.setText(
            self.tr("&Save the receipt as PDF") if self.saves_pdf else self.tr("&Print the receipt")
        )
        result = self.result
        if result is None:
            return
        language = interface_language()
        lines = [
            self.tr("{name} is registered and checked in. Code {code}.").format(
                name=self.person, code=result.code
            )
        ]
        if result.receipt is not None:
            lines.append(
                self.tr("Receipt {number}: {total}.").format(
                    number=result.receipt.number, total=money(result.receipt.total, language)
                )
            )
            where = self.describe_receipt(result.receipt.number) if self.receipt_sent else ""
            if where:
                lines.append(where)
        else:
            lines.append(self.tr("No receipt: nothing was paid now."))
        self.summary.setText("\n".join(lines))
        # A wrapped label's height follows its width; ask for it so the dialog makes room.
        self.summary.setMinimumHeight(self.summary.heightForWidth(max(self.summary.width(), 300)))
        # Once the layouts took the new height in (a timer owned by the box: never after it).
        QTimer.singleShot(0, self, self._make_room)
        if result.change_due is not None and result.change_due > 0:
            self.change_due.setText(
                self.tr("Change due: {amount}").format(amount=money(result.change_due, language))
            )
            self.change_due.show()
        else:
            self.change_due.hide()
        self.print_now.setVisible(result.receipt is not None)
