"""The back office of one database, for the screens around the desk: staff accounts, the
events, receipts, sync conflicts. One facade per capability on one object (as Anki's
collection groups its managers), so a dialog is handed an ``Office`` and never a session
factory: the UI imports no SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from sqlalchemy.orm import Session, sessionmaker

from desktop_app.documents.receipt import ReceiptLayout
from desktop_app.services.admin import staff as accounts
from desktop_app.services.admin.events import EventSummary, list_events
from desktop_app.services.admin.staff import Override, StaffAccountInfo, StaffMember
from desktop_app.services.money import receipts as receipt_service
from desktop_app.services.money.receipt_lookup import ReceiptSummary, find_receipts
from desktop_app.services.money.receipt_store import IssuedReceipt
from desktop_app.services.sync.conflicts import SyncConflict, list_conflicts

Sessions: TypeAlias = sessionmaker[Session]
"""A database's session factory, as the services take it (opaque to the UI)."""


@dataclass(frozen=True)
class StaffAccounts:
    """Who may work at the desks: sign-in, accounts, supervisors' approvals."""

    sessions: Sessions

    def exist(self) -> bool:
        """Whether any account exists (else the first start creates a supervisor)."""
        return accounts.has_staff(self.sessions)

    def active_names(self) -> list[str]:
        """The names of the active accounts (sign-in suggestions)."""
        return [account.name for account in accounts.list_staff(self.sessions) if account.active]

    def all(self) -> list[StaffAccountInfo]:
        """Every account, for the supervisors' list."""
        return accounts.list_staff(self.sessions)

    def sign_in(self, name: str, pin: str) -> StaffMember:
        """The member with this name and PIN (audited)."""
        return accounts.sign_in(self.sessions, name, pin)

    def first_supervisor(self, name: str, pin: str) -> StaffMember:
        """Create the first supervisor of a new database and sign them in."""
        accounts.create_staff(self.sessions, name, pin, "supervisor", by=None)
        return accounts.sign_in(self.sessions, name, pin)

    def create(self, name: str, pin: str, role: str, *, by: StaffMember) -> StaffMember:
        """A new account, created by supervisor ``by``."""
        return accounts.create_staff(self.sessions, name, pin, role, by=by)

    def set_active(self, staff_id: int, active: bool, *, by: StaffMember) -> StaffAccountInfo:
        """Open or close an account."""
        return accounts.set_active(self.sessions, staff_id, active, by=by)

    def change_pin(self, staff_id: int, pin: str, *, by: StaffMember) -> None:
        """Give an account a new PIN."""
        accounts.change_pin(self.sessions, staff_id, pin, by=by)

    def approve(self, override: Override) -> StaffMember:
        """The supervisor granting ``override``; ``Invalid`` if the name, PIN or reason is
        wrong."""
        with self.sessions() as session:
            return accounts.verify_override(session, override)


@dataclass(frozen=True)
class Receipts:
    """Receipts already issued: found, drawn again, reprinted as copies."""

    sessions: Sessions

    def find(self, slug: str, query: str) -> list[ReceiptSummary]:
        """The event's receipts by number, registration code or name."""
        return find_receipts(self.sessions, slug, query)

    def pdf(self, receipt_id: int, *, layout: ReceiptLayout) -> bytes:
        """The receipt as issued (not a copy), drawn again."""
        return receipt_service.receipt_pdf(self.sessions, receipt_id, copy=False, layout=layout)

    def reprint(
        self, receipt_id: int, *, desk: str, staff: str, layout: ReceiptLayout
    ) -> IssuedReceipt:
        """A copy marked COPIE / COPY, recorded in the audit log."""
        return receipt_service.reprint_receipt(
            self.sessions, receipt_id, desk=desk, staff=staff, layout=layout
        )


@dataclass(frozen=True)
class Office:
    """The back office of one database (see the module's docstring)."""

    sessions: Sessions

    @property
    def staff(self) -> StaffAccounts:
        """Staff accounts."""
        return StaffAccounts(self.sessions)

    @property
    def receipts(self) -> Receipts:
        """Receipts already issued."""
        return Receipts(self.sessions)

    def events(self) -> list[EventSummary]:
        """Every event, with its counts."""
        return list_events(self.sessions)

    def conflicts(self, slug: str) -> list[SyncConflict]:
        """The sync conflicts recorded for event ``slug`` (on a shared server)."""
        return list_conflicts(self.sessions, slug)


__all__ = ["Office", "Receipts", "Sessions", "StaffAccounts"]
