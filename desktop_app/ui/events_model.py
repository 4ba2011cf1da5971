"""Item model over event summaries (plain records, custom roles from UserRole + n)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop_app.services.events import EventSummary

SLUG_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class EventsModel(QAbstractTableModel):
    """Events with their registration and check-in counts."""

    COLUMNS = ("name", "dates", "place", "registrations", "checked_in")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._events: list[EventSummary] = []
        self.language = "en"

    def set_events(self, events: list[EventSummary]) -> None:
        """Replace the rows; keeps the view still when only counts changed."""
        if [e.slug for e in events] == [e.slug for e in self._events]:
            self._events = events
            if events:
                self.dataChanged.emit(self.index(0, 0), self.index(len(events) - 1, 4))
            return
        self.beginResetModel()
        self._events = events
        self.endResetModel()

    def set_language(self, language: str) -> None:
        """Show French or English event names."""
        self.language = language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._events:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._events) - 1, 4))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "name":
                return event.name_fr if self.language == "fr" else event.name_en
            if column == "dates":
                return f"{event.starts:%Y-%m-%d} – {event.ends:%Y-%m-%d}"
            if column == "place":
                return f"{event.venue}, {event.city} ({event.province})"
            if column == "registrations":
                return f"{event.registrations:,}".replace(",", "\u202f")
            return f"{event.checked_in:,}".replace(",", "\u202f")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("registrations", "checked_in"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SLUG_ROLE:
            return event.slug
        if role == SUMMARY_ROLE:
            return event
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        titles = {
            "name": QCoreApplication.translate("EventsModel", "Event"),
            "dates": QCoreApplication.translate("EventsModel", "Dates"),
            "place": QCoreApplication.translate("EventsModel", "Venue"),
            "registrations": QCoreApplication.translate("EventsModel", "Registered"),
            "checked_in": QCoreApplication.translate("EventsModel", "Checked in"),
        }
        return titles[self.COLUMNS[section]]
