"""Add-ons at the desk: the priced sessions (a gala, a paid workshop) as boxes to tick, each
with its price and the seats left; a full one is shown disabled until a supervisor lets it be
sold. The walk-in form adds them to its total; F4 sells them alone (``walkin_addon_sale``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.money import ZERO
from desktop_app.services.admin.staff import Override
from desktop_app.services.desk.addons import AddOnOffer, addons_total
from desktop_app.ui.dialogs.walkin_payment import money


class AddOnsBox(QWidget):
    """One box per add-on: "Gala dinner — $109.23 — 12 seats left"; a full one disabled."""

    changed = Signal()  # the add-ons ticked changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = "en"
        self.offers: tuple[AddOnOffer, ...] = ()
        self.boxes: dict[str, QCheckBox] = {}
        self.override: Override | None = None  # the supervisor who let full ones be sold
        # Asks a supervisor why a full add-on is sold anyway (the dialog's, so tests replace it).
        self.ask_override: Callable[[str], Override | None] = lambda _why: None
        self.rows = QVBoxLayout()
        self.rows.setSpacing(2)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.supervisor = QPushButton()
        self.supervisor.clicked.connect(self._ask_supervisor)
        supervisor_row = QHBoxLayout()
        supervisor_row.addWidget(self.supervisor)
        supervisor_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.rows)
        layout.addWidget(self.empty)
        layout.addLayout(supervisor_row)
        self.retranslate()

    def set_offers(self, offers: Sequence[AddOnOffer]) -> bool:
        """The add-ons on sale now; what was ticked stays ticked while it can be sold.
        Whether the boxes were made anew."""
        ticked = set(self.chosen())
        if tuple(offers) == self.offers:
            return False
        self.offers = tuple(offers)
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.boxes = {}
        for offer in self.offers:
            box = QCheckBox()
            box.setChecked(offer.code in ticked and self._sellable(offer))
            box.toggled.connect(lambda _checked: self.changed.emit())
            self.boxes[offer.code] = box
            self.rows.addWidget(box)
        self.retranslate()
        self.changed.emit()
        return True

    def chosen(self) -> tuple[str, ...]:
        """The codes of the add-ons ticked, in the event's order."""
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def total(self) -> Decimal:
        """What the add-ons ticked cost together, taxes included."""
        return addons_total(self.offers, self.chosen()) if self.offers else ZERO

    def chosen_offers(self) -> tuple[AddOnOffer, ...]:
        """The add-ons ticked."""
        wanted = set(self.chosen())
        return tuple(offer for offer in self.offers if offer.code in wanted)

    def row_texts(self) -> list[tuple[str, bool]]:
        """Each box's text and whether it can be ticked (for tests and screenshots)."""
        return [(box.text(), box.isEnabled()) for box in self.boxes.values()]

    def _sellable(self, offer: AddOnOffer) -> bool:
        return not offer.held and (not offer.full or self.override is not None)

    def _seats(self, offer: AddOnOffer) -> str:
        if offer.held:
            return self.tr("already held")
        if offer.seats_left is None:
            return ""
        if offer.full:
            return self.tr("full")
        if offer.seats_left == 1:
            return self.tr("1 seat left")
        return self.tr("{count} seats left").format(count=offer.seats_left)

    def _ask_supervisor(self) -> None:
        full = [offer.name(self.language) for offer in self.offers if offer.full]
        why = self.tr("Sell {sessions} beyond its seats.").format(sessions=", ".join(full))
        override = self.ask_override(why)
        if override is None:
            return
        self.override = override
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the interface language."""
        for offer in self.offers:
            box = self.boxes[offer.code]
            parts = [offer.name(self.language), money(offer.total, self.language)]
            seats = self._seats(offer)
            if seats:
                parts.append(seats)
            box.setText(" — ".join(parts))
            box.setEnabled(self._sellable(offer))
        self.empty.setText(self.tr("This event sells no add-ons."))
        self.empty.setVisible(not self.offers)
        self.supervisor.setText(self.tr("Sell a full session (&supervisor)…"))
        self.supervisor.setVisible(
            self.override is None and any(o.full and not o.held for o in self.offers)
        )

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
