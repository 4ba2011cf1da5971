"""The staff accounts as a table: name, role, active, created."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop_app.services.admin.staff import StaffAccountInfo

ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 1  # the StaffAccountInfo of the row
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the account id

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("StaffModel", text)


class StaffModel(QAbstractTableModel):
    """A read-only table over ``StaffAccountInfo`` records, in the order given."""

    NAME, ROLE, ACTIVE, CREATED = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._accounts: list[StaffAccountInfo] = []
        self._exhibitors: dict[str, str] = {}

    def set_accounts(
        self, accounts: list[StaffAccountInfo], exhibitors: Mapping[str, str] | None = None
    ) -> None:
        """Show ``accounts``; ``exhibitors`` names the exhibitor codes (code -> name)."""
        self.beginResetModel()
        self._accounts = list(accounts)
        self._exhibitors = dict(exhibitors or {})
        self.endResetModel()

    def _role(self, account: StaffAccountInfo) -> str:
        if account.role == "supervisor":
            return QCoreApplication.translate("StaffModel", "Supervisor")
        if account.exhibitor_code is not None:
            code = account.exhibitor_code
            name = self._exhibitors.get(code)
            return QCoreApplication.translate("StaffModel", "Exhibitor: {exhibitor}").format(
                exhibitor=f"{name} ({code})" if name else code
            )
        return QCoreApplication.translate("StaffModel", "Desk staff")

    def account(self, row: int) -> StaffAccountInfo | None:
        """The account on ``row``."""
        return self._accounts[row] if 0 <= row < len(self._accounts) else None

    def row_of(self, account_id: int) -> int:
        """The row of the account with this id, or -1."""
        for row, account in enumerate(self._accounts):
            if account.id == account_id:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Accounts (a table has no children)."""
        return 0 if parent.isValid() else len(self._accounts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Name, role, active, created."""
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text; the account for ``ACCOUNT_ROLE``; greyed text for inactive ones."""
        if not index.isValid() or not 0 <= index.row() < len(self._accounts):
            return None
        account = self._accounts[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return account.name
            if column == self.ROLE:
                return self._role(account)
            if column == self.ACTIVE:
                if account.locked:
                    return QCoreApplication.translate("StaffModel", "Locked (wrong PINs)")
                return (
                    QCoreApplication.translate("StaffModel", "Active")
                    if account.active
                    else QCoreApplication.translate("StaffModel", "Deactivated")
                )
            if column == self.CREATED:
                return account.created_at.astimezone().date().isoformat()
            return None
        if role == ACCOUNT_ROLE:
            return account
        if role == ID_ROLE:
            return account.id
        if role == Qt.ItemDataRole.ForegroundRole and not account.active:
            return QColor("#777777")
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
            QCoreApplication.translate("StaffModel", "Name"),
            QCoreApplication.translate("StaffModel", "Role"),
            QCoreApplication.translate("StaffModel", "State"),
            QCoreApplication.translate("StaffModel", "Created"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def retranslate(self) -> None:
        """Tell the views every text changed (after a language switch)."""
        if self._accounts:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._accounts) - 1, self.columnCount() - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
