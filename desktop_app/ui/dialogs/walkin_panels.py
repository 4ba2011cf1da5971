"""The walk-in dialog's live quote: what the form comes to (verdict chips, price with its
taxes, an email already registered). How the person pays is in ``walkin_payment``."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.money import ZERO
from desktop_app.domain.money import typed_amount as parse_amount
from desktop_app.domain.names import display_name
from desktop_app.domain.pricing import PriceQuote
from desktop_app.domain.stored_verdict import evidence_lines
from desktop_app.domain.times import venue_time
from desktop_app.services.desk.addons import AddOnOffer
from desktop_app.services.desk.search import SearchHit
from desktop_app.services.desk.walkin import WalkInQuote
from desktop_app.ui.dialogs.walkin_payment import METHODS, PaymentPanel, money
from desktop_app.ui.evidence import Chip, chip_kind, verdict_text

__all__ = ["METHODS", "Chip", "PaymentPanel", "QuotePanel", "money", "parse_amount"]

_BANNER_STYLE = (
    "QFrame#duplicate { background:#fff3d6; border:2px solid #b37400; border-radius:6px; }"
)


def _pricing_text(template: str) -> str:
    return QCoreApplication.translate("pricing", template)


class QuotePanel(QWidget):
    """The membership verdict as chips with evidence, the price with each tax, the total, and a
    warning when the email is already registered at this event."""

    open_registration = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quote: WalkInQuote | None = None
        self.timezone: str | None = None  # the venue's (set by the dialog)
        self.names: Mapping[str, tuple[str, str]] = {}
        self.language = "en"
        self.addons: tuple[AddOnOffer, ...] = ()  # ticked in the form: lines of their own

        self.title = QLabel()
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.chips = QVBoxLayout()
        self.chips.setSpacing(4)

        self.duplicate = QFrame()
        self.duplicate.setObjectName("duplicate")
        self.duplicate.setStyleSheet(_BANNER_STYLE)
        self.duplicate_text = QLabel()
        self.duplicate_text.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open)
        self.allow_duplicate = QCheckBox()
        banner = QVBoxLayout(self.duplicate)
        banner.addWidget(self.duplicate_text)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.open_button)
        banner_row.addStretch(1)
        banner.addLayout(banner_row)
        banner.addWidget(self.allow_duplicate)
        self.duplicate.hide()

        self.category = QLabel()
        self.category.setWordWrap(True)
        self.category.setFont(bold)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.lines = QGridLayout()
        self.lines.setColumnStretch(0, 1)
        self.total_label = QLabel()
        self.total = QLabel()
        big = QFont(bold)
        big.setPointSizeF(big.pointSizeF() * 1.5)
        self.total_label.setFont(big)
        self.total.setFont(big)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.included = QLabel()
        self.included.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.duplicate)
        layout.addWidget(self.title)
        layout.addLayout(self.chips)
        layout.addSpacing(8)
        layout.addWidget(self.category)
        layout.addWidget(self.reason)
        layout.addLayout(self.lines)
        total_row = QHBoxLayout()
        total_row.addWidget(self.total_label, 1)
        total_row.addWidget(self.total)
        layout.addLayout(total_row)
        layout.addWidget(self.included)
        layout.addStretch(1)

    def show_quote(self, quote: WalkInQuote | None) -> None:
        """Show what the form comes to now (None: still working it out)."""
        had_duplicate = self.quote.already_registered if self.quote is not None else None
        self.quote = quote
        duplicate = quote.already_registered if quote is not None else None
        if (
            duplicate is None
            or had_duplicate is None
            or (duplicate.registration_id != had_duplicate.registration_id)
        ):
            self.allow_duplicate.setChecked(False)
        self.retranslate()

    def set_addons(self, addons: tuple[AddOnOffer, ...]) -> None:
        """The add-ons ticked, each a line with its price (its own taxes included)."""
        if addons != self.addons:
            self.addons = addons
            self.retranslate()

    def chip_texts(self) -> list[str]:
        """The chips' texts, as shown (for tests and screenshots)."""
        texts = []
        for index in range(self.chips.count()):
            item = self.chips.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                texts.append(widget.text())
        return texts

    def price_lines(self) -> list[tuple[str, str]]:
        """The price lines as (label, amount) pairs, the total last."""
        rows = []
        for row in range(self.lines.rowCount()):
            label = self.lines.itemAtPosition(row, 0)
            amount = self.lines.itemAtPosition(row, 1)
            if label is None or amount is None:
                continue
            left, right = label.widget(), amount.widget()
            if isinstance(left, QLabel) and isinstance(right, QLabel):
                rows.append((left.text(), right.text()))
        rows.append((self.total_label.text(), self.total.text()))
        return rows

    def _open(self) -> None:
        if self.quote is not None and self.quote.already_registered is not None:
            self.open_registration.emit(self.quote.already_registered.registration_id)

    def _clear(self, layout: QVBoxLayout | QGridLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _fill_chips(self, quote: WalkInQuote) -> None:
        lines = evidence_lines(quote.verdict.to_json())
        for line in lines:
            self._add_chip(verdict_text(line.line()), chip_kind(line))
        if not lines:
            self._add_chip(self.tr("No BIOQuébec or LSO membership found: guest"), "none")
        elif not quote.verdict.associations:
            self._add_chip(self.tr("No active membership: guest"), "none")

    def _add_chip(self, text: str, kind: str) -> None:
        chip = Chip(text, kind, self)
        chip.setFont(self.font())  # the dialog's type (a styled label does not inherit it)
        self.chips.addWidget(chip)

    def _fill_price(self, chosen: PriceQuote) -> None:
        fr = self.language == "fr"
        name = self.names.get(chosen.category, (chosen.category, chosen.category))
        self.category.setText(name[0] if fr else name[1])
        if chosen.sellable and not chosen.needs_supervisor:
            self.reason.setText(_pricing_text(chosen.reason))
        else:
            self.reason.setText(
                self.tr("{reason} — a supervisor must approve.").format(
                    reason=_pricing_text(chosen.reason)
                )
            )
        rows = [(self.tr("Price before taxes"), chosen.subtotal)]
        for tax in chosen.taxes:
            tax_name = tax.name_fr if fr else tax.name_en
            percent = str(tax.percent).replace(".", ",") if fr else str(tax.percent)
            rows.append(
                (f"{tax_name} ({percent} %)" if fr else f"{tax_name} ({percent}%)", tax.amount)
            )
        for addon in self.addons:
            rows.append(
                (
                    self.tr("+ {name} (taxes included)").format(name=addon.name(self.language)),
                    addon.total,
                )
            )
        for row, (label, amount) in enumerate(rows):
            self.lines.addWidget(QLabel(label), row, 0)
            value = QLabel(money(amount, self.language))
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.lines.addWidget(value, row, 1)
        self.total_label.setText(self.tr("Total"))
        extra = sum((addon.total for addon in self.addons), ZERO)
        self.total.setText(money(chosen.total + extra, self.language))
        self.included.setText(
            self.tr("Taxes included in the price.") if chosen.breakdown.taxes_included else ""
        )
        self.included.setVisible(chosen.breakdown.taxes_included)

    def _describe_duplicate(self, hit: SearchHit) -> str:
        name = display_name(hit.first_name, hit.last_name)
        who = f"{name} ({hit.organization})" if hit.organization else name
        category = hit.category_name_fr if self.language == "fr" else hit.category_name_en
        if hit.checked_in and hit.checked_in_at is not None:
            state = self.tr("checked in at {time}").format(
                time=venue_time(hit.checked_in_at, self.timezone)
            )
        else:
            state = self.tr("not checked in yet")
        return self.tr(
            "{email} is already registered to this event: {who}, {category}, code {code}, {state}."
        ).format(email=hit.email or "", who=who, category=category, code=hit.code, state=state)

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.title.setText(self.tr("Membership"))
        self.open_button.setText(self.tr("&Open that registration"))
        self.allow_duplicate.setText(self.tr("This is another &person with the same email"))
        self._clear(self.chips)
        self._clear(self.lines)
        quote = self.quote
        duplicate = quote.already_registered if quote is not None else None
        self.duplicate.setVisible(duplicate is not None)
        if duplicate is not None:
            self.duplicate_text.setText(self._describe_duplicate(duplicate))
        if quote is None:
            self.category.setText(self.tr("Working out the price…"))
            self.reason.clear()
            self.total_label.clear()
            self.total.clear()
            self.included.hide()
            return
        self._fill_chips(quote)
        if quote.quote is None:
            self.category.setText(self.tr("No price category is on sale now."))
            self.reason.clear()
            self.total_label.clear()
            self.total.clear()
            self.included.hide()
            return
        self._fill_price(quote.quote)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
