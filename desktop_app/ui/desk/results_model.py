"""Item model over search hits: one row per registration, as the desk's results list shows it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.names import display_name
from desktop_app.domain.times import venue_time
from desktop_app.services.desk.search import SearchHit
from desktop_app.ui.desk.text import money

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
REGISTRATION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
CODE_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex

_CONTEXT = "ResultsModel"
MARKINGS = {"bioquebec": "BIOQuébec", "lso": "LSO", "both": "BIOQuébec + LSO"}
SHORT_MARKINGS = {"bioquebec": "BQ", "lso": "LSO", "both": "BQ + LSO"}
"""In the list's narrow column: never cut, so "both" can always be read (full in the tooltip)."""
_CANCELLED = QColor("#6d6d6d")
_CHECKED = QColor("#1b5e20")
_OWES = QColor("#b71c1c")


def marking_text(marking: str | None, *, short: bool = False) -> str:
    """The association marking as the card (or, ``short``, the list) shows it ("—": none)."""
    return (SHORT_MARKINGS if short else MARKINGS).get(marking or "", "—")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class ResultsModel(QAbstractTableModel):
    """Search hits in the order the search ranked them (exact code first)."""

    COLUMNS = ("name", "association", "organization", "checked_in", "balance")

    def __init__(self, parent: Any = None, timezone: str | None = None) -> None:
        super().__init__(parent)
        self.timezone = timezone  # the venue's: check-in times are shown in it
        self._hits: list[SearchHit] = []

    @property
    def hits(self) -> list[SearchHit]:
        """The rows, in order."""
        return list(self._hits)

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        """Replace the rows; when the same registrations come back, only their cells change.

        So a refresh after a check-in (same query, same people) does not move the list while
        someone is reading it.
        """
        hits = list(hits)
        if [h.registration_id for h in hits] == [h.registration_id for h in self._hits]:
            self._hits = hits
            if hits:
                last = self.index(len(hits) - 1, len(self.COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def update_hit(self, hit: SearchHit) -> None:
        """Show new facts about one registration already listed (after a check-in, a payment)."""
        for row, old in enumerate(self._hits):
            if old.registration_id == hit.registration_id:
                self._hits[row] = hit
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                return

    def row_of(self, registration_id: int) -> int | None:
        """The row showing ``registration_id``, if listed."""
        for row, hit in enumerate(self._hits):
            if hit.registration_id == registration_id:
                return row
        return None

    def hit(self, row: int) -> SearchHit | None:
        """The hit on ``row``."""
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def retranslate(self) -> None:
        """The interface language changed: headers and texts are asked again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._hits:
            last = self.index(len(self._hits) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(hit, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(hit, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if hit.status == RegistrationStatus.CANCELLED:
                return QBrush(_CANCELLED)
            if column == "checked_in" and hit.checked_in:
                return QBrush(_CHECKED)
            if column == "balance" and hit.balance_due > 0:
                return QBrush(_OWES)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("checked_in", "balance"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == HIT_ROLE:
            return hit
        if role == REGISTRATION_ID_ROLE:
            return hit.registration_id
        if role == CODE_ROLE:
            return hit.code
        return None

    def _display(self, hit: SearchHit, column: str) -> str:
        if column == "name":
            return display_name(hit.first_name, hit.last_name)
        if column == "association":
            return marking_text(hit.marking, short=True)
        if column == "organization":
            return hit.organization or "—"
        if column == "checked_in":
            if hit.status == RegistrationStatus.CANCELLED:
                return QCoreApplication.translate("ResultsModel", "cancelled")
            if hit.checked_in and hit.checked_in_at is not None:
                return f"✔ {venue_time(hit.checked_in_at, self.timezone)}"
            return "✔" if hit.checked_in else "–"
        return "$" if hit.balance_due > 0 else ""

    def _tooltip(self, hit: SearchHit, column: str) -> str | None:
        if column == "balance" and hit.balance_due > 0:
            return QCoreApplication.translate("ResultsModel", "Balance due: {amount}").format(
                amount=money(hit.balance_due)
            )
        if column == "checked_in" and hit.checked_in_at is not None:
            return QCoreApplication.translate("ResultsModel", "Checked in at {time}").format(
                time=venue_time(hit.checked_in_at, self.timezone)
            )
        if column == "name":
            return hit.email or hit.code
        if column == "association" and hit.marking in MARKINGS:
            return MARKINGS[hit.marking]
        if column == "organization" and hit.organization:
            return hit.organization  # the whole name when the column cuts it
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        titles = {
            "name": QCoreApplication.translate("ResultsModel", "Name"),
            "association": QCoreApplication.translate("ResultsModel", "Member of"),
            "organization": QCoreApplication.translate("ResultsModel", "Organization"),
            "checked_in": QCoreApplication.translate("ResultsModel", "Checked in"),
            "balance": QCoreApplication.translate("ResultsModel", "Due"),
        }
        return titles[self.COLUMNS[section]]
