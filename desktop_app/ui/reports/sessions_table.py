"""The Reports window's "Sessions" tab: per session, who may come, who came, and at a door
where exits are scanned the entries (re-entries included) and who is inside now."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desktop_app.services.reports.sessions import SessionAttendance


class SessionsTable(QTableWidget):
    """One row per session of the event (the tab is hidden for an event without any)."""

    def __init__(self) -> None:
        super().__init__(0, 6)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The names take the room left, so the figures (capacity last) stay in sight.
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.retranslate()

    def show_sessions(self, sessions: Sequence[SessionAttendance], language: str) -> None:
        """The rows; entries and inside now say "—" where exits are not scanned."""
        self.setRowCount(len(sessions))
        for r, found in enumerate(sessions):
            moved = found.inside is not None
            cells = (
                found.name_fr if language == "fr" else found.name_en,
                str(found.entitled),
                str(found.checked_in),
                str(found.entries) if moved else "—",
                str(found.inside) if moved else "—",
                "—" if found.capacity is None else str(found.capacity),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(r, c, item)

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                self.tr("Session"),
                self.tr("Entitled"),
                self.tr("Checked in"),
                self.tr("Entries"),
                self.tr("Inside now"),
                self.tr("Capacity"),
            ]
        )
