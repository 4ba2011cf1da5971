"""The last check-ins made at this desk: one click brings the person back to fix a mistake.

A volunteer who checked in the wrong person sees them here, clicks, and the card is back
with Undo (F9) ready; nothing is read from the database to draw the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.domain.times import venue_time
from desktop_app.services.desk.checkin import CheckInResult

KEEP = 5


@dataclass(frozen=True)
class RecentCheckIn:
    registration_id: int
    name: str
    at: str  # in the venue's time


class RecentCheckIns(QWidget):
    """A short list, newest first, of who was checked in here during this shift."""

    chosen = Signal(int)  # registration id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[RecentCheckIn] = []
        self.title = QLabel()
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the search
        self.list.setMaximumHeight(self.list.fontMetrics().height() * (KEEP + 1) + 8)
        self.list.itemClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self.retranslate()

    def add(self, result: CheckInResult) -> None:
        """``result`` was just checked in here (its time shown in the venue's zone)."""
        if result.registration_id is None:
            return
        at = venue_time(result.at or datetime.now(UTC), result.timezone)
        entry = RecentCheckIn(result.registration_id, result.name or result.code, at)
        self.entries = [e for e in self.entries if e.registration_id != entry.registration_id]
        self.entries = [entry, *self.entries][:KEEP]
        self._fill()

    def forget(self) -> None:
        """A new staff member signs in: the last one's list is not theirs to see."""
        self.entries = []
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        for entry in self.entries:
            item = QListWidgetItem(f"{entry.at}  {entry.name}")
            item.setData(Qt.ItemDataRole.UserRole, entry.registration_id)
            self.list.addItem(item)
        self.setVisible(bool(self.entries))

    def _clicked(self, item: QListWidgetItem) -> None:
        self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The title in the interface language."""
        self.title.setText(self.tr("Last check-ins at this desk (click to fix one)"))
        self.setVisible(bool(self.entries))
