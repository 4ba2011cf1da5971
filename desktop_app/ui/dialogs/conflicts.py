"""The supervisor's review of sync conflicts: what two desks did to one person while apart.

Conflicts are recorded on the shared server when a desk's offline journal is replayed
(``services.sync.list_conflicts``); each was settled by the documented rule and is listed
here so someone looks at it: cancel one of two walk-ins, refund a double payment. While the
desk is offline the list cannot be read, and the dialog says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.office import Office
from desktop_app.services.sync import SyncConflict
from desktop_app.ui.dialogs.common import ErrorLine, submit
from desktop_app.ui.worker import Worker

CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 1  # the SyncConflict of the row

_Index = QModelIndex | QPersistentModelIndex


def conflict_text(conflict: SyncConflict) -> str:
    """The conflict's sentence in the interface language."""
    return conflict.message.render(lambda text: QCoreApplication.translate("SyncConflict", text))


class ConflictsModel(QAbstractTableModel):
    """A read-only table over ``SyncConflict`` records, in the order given (oldest first)."""

    WHEN, KIND, CODE, NAME, DESK, WHAT = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._conflicts: list[SyncConflict] = []

    def set_conflicts(self, conflicts: list[SyncConflict]) -> None:
        """Show ``conflicts``."""
        self.beginResetModel()
        self._conflicts = list(conflicts)
        self.endResetModel()

    def conflict(self, row: int) -> SyncConflict | None:
        """The conflict on ``row``."""
        return self._conflicts[row] if 0 <= row < len(self._conflicts) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Conflicts (a table has no children)."""
        return 0 if parent.isValid() else len(self._conflicts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """When, kind, code, name, desk, what happened."""
        return 0 if parent.isValid() else 6

    def kind_text(self, kind: str) -> str:
        """A conflict kind in a few words."""
        texts = {
            "double-check-in": self.tr("Checked in at two desks"),
            "duplicate-walk-in": self.tr("Walk-in registered twice"),
            "double-payment": self.tr("Paid twice"),
            "receipt-number": self.tr("Receipt number"),
            "cancelled": self.tr("Checked in while cancelled"),
            "replay-failed": self.tr("Refused by the server"),
        }
        return texts.get(kind, kind)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text; the whole sentence as tooltip; the record for ``CONFLICT_ROLE``."""
        if not index.isValid() or not 0 <= index.row() < len(self._conflicts):
            return None
        conflict = self._conflicts[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WHEN:
                return conflict.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            if column == self.KIND:
                return self.kind_text(conflict.kind)
            if column == self.CODE:
                return conflict.code or ""
            if column == self.NAME:
                return conflict.name or ""
            if column == self.DESK:
                return conflict.desk or ""
            if column == self.WHAT:
                return conflict_text(conflict)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return conflict_text(conflict)
        if role == CONFLICT_ROLE:
            return conflict
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles in the interface language."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (
            self.tr("When"),
            self.tr("What"),
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Desk"),
            self.tr("What happened and what was kept"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def retranslate(self) -> None:
        """Tell the views every text changed (after a language switch)."""
        if self._conflicts:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._conflicts) - 1, self.columnCount() - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)


class ConflictsDialog(QDialog):
    """Lists the event's sync conflicts for a supervisor; reads them on ``worker``.

    ``office`` is the shared server's (``DeskLink.server_sessions``); ``None`` while the
    desk is offline or works alone.
    """

    def __init__(
        self,
        office: Office | None,
        slug: str,
        worker: Worker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.office = office
        self.slug = slug
        self.worker = worker
        self.loading = False
        self.loaded = False
        self.model = ConflictsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ConflictsModel.WHAT, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = ErrorLine()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.load)
        self.refresh_button.setEnabled(office is not None)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(900, 420)
        self.retranslate()
        self.load()

    def load(self) -> None:
        """Read the conflicts again (on the worker)."""
        if self.office is None:
            return
        if self.loading:
            return
        self.loading = True
        self.refresh_button.setEnabled(False)
        office, slug = self.office, self.slug
        submit(self.worker, self, lambda: office.conflicts(slug), self._loaded, self._failed)

    def _loaded(self, conflicts: list[SyncConflict]) -> None:
        self.loading = False
        self.refresh_button.setEnabled(True)
        self.error.clear_error()
        self.loaded = True
        self.model.set_conflicts(conflicts)
        self.table.resizeRowsToContents()
        self._summarise()

    def _failed(self, error: BaseException) -> None:
        self.loading = False
        self.refresh_button.setEnabled(True)
        self.error.show_error(error)

    def _summarise(self) -> None:
        count = self.model.rowCount()
        if count == 0:
            self.summary.setText(self.tr("No sync conflict: every desk's actions agreed."))
        else:
            counted = (
                self.tr("1 conflict between desks, settled by the rule in the guide.")
                if count == 1
                else self.tr(
                    "{count} conflicts between desks, each settled by the rule in the guide."
                ).format(count=count)
            )
            self.summary.setText(
                counted
                + " "
                + self.tr(
                    "The earliest check-in counts; both walk-ins and both payments are kept:"
                    " cancel a duplicate walk-in and refund what was paid twice."
                )
            )

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.model.retranslate()
        if self.office is None:
            self.summary.setText(
                self.tr(
                    "Sync conflicts are kept on the shared server; they can be reviewed when"
                    " the desk is connected to it."
                )
            )
        elif self.loaded:
            self._summarise()
        else:
            self.summary.setText(self.tr("Reading the conflicts…"))


__all__ = ["CONFLICT_ROLE", "ConflictsDialog", "ConflictsModel", "conflict_text"]
