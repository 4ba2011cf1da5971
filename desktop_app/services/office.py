"""The back office of one database, for the screens around the desk: staff accounts, the
events, receipts, sync conflicts. One facade per capability on one object (as Anki's
collection groups its managers), so a dialog is handed an ``Office`` and never a session
factory: the UI imports no SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeAlias

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import (
    AuditEntry,
    CheckIn,
    Payment,
    PriceCategory,
    Receipt,
    Registration,
)
from desktop_app.documents.receipt import ReceiptLayout
from desktop_app.documents.report_data import Language, ReportDocument
from desktop_app.services.admin import staff as accounts
from desktop_app.services.admin.events import EventSummary, list_events
from desktop_app.services.admin.staff import Override, StaffAccountInfo, StaffMember
from desktop_app.services.desk.counts import UNCHANGING_ACTIONS
from desktop_app.services.money import receipts as receipt_service
from desktop_app.services.money.receipt_files import write_private_pdf
from desktop_app.services.money.receipt_lookup import ReceiptSummary, find_receipts
from desktop_app.services.money.receipt_store import IssuedReceipt
from desktop_app.services.privacy import incidents
from desktop_app.services.privacy.incidents import Incident, IncidentFields
from desktop_app.services.privacy.purge import PurgePlan, plan_purge, purge
from desktop_app.services.reports import closing
from desktop_app.services.reports.attendance import (
    AttendanceReport,
    attendance_of,
    attendance_report,
    with_new_check_ins,
)
from desktop_app.services.reports.attendees import AttendeeList, Presence, attendee_list
from desktop_app.services.reports.closing import DeskClosingReport
from desktop_app.services.reports.common import load_heading
from desktop_app.services.reports.exports import ExportFormat, export_report, record_export
from desktop_app.services.reports.partnership import PartnershipReport, partnership_report
from desktop_app.services.reports.sales import (
    SalesReport,
    SalesSummary,
    sales_report,
    sales_summary,
)
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

    def unlock(self, staff_id: int, *, by: StaffMember) -> StaffAccountInfo:
        """Unlock an account locked after wrong PINs (audited)."""
        return accounts.unlock(self.sessions, staff_id, by=by)

    def change_pin(self, staff_id: int, pin: str, *, by: StaffMember) -> None:
        """Give an account a new PIN."""
        accounts.change_pin(self.sessions, staff_id, pin, by=by)

    def approve(self, override: Override) -> StaffMember:
        """The supervisor granting ``override``; ``Invalid`` if the name, PIN or reason is
        wrong."""
        return accounts.approve_override(self.sessions, override)


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


def change_token(session: Session) -> tuple[int, ...]:
    """The newest row of every table a report counts: any action at any desk (a check-in, an
    undo, a payment, a walk-in, an edit, an import) adds at least one of them (the audit
    log records each change)."""
    newest = [
        select(func.max(model.id)).scalar_subquery()
        for model in (AuditEntry, Registration, CheckIn, Payment, Receipt)
    ]
    return tuple(int(value or 0) for value in session.execute(select(*newest)).one())


# What a plain check-in (and the desk's other actions that change no registration) writes in
# the audit log: after these alone, the live view adds the new check-ins to what it had (the
# same rule as the desk header's kept counts).
# An exit or re-entry adds no check-in but changes who is inside a session: counted again.
_ADDITIVE_ACTIONS = UNCHANGING_ACTIONS - {"session.exit", "session.reentry"}


def _advance(
    session: Session, event_id: int, since: Dashboard, token: tuple[int, ...]
) -> Dashboard | None:
    """``since`` plus what happened after it, when that was only check-ins and payments;
    ``None`` when the figures must be counted again."""
    audit_since, registrations_since, check_ins_since, payments_since, receipts_since = since.token
    if token[1] != registrations_since:
        return None  # a walk-in or an import: new registrations
    actions = set(
        session.scalars(select(AuditEntry.action).where(AuditEntry.id > audit_since).distinct())
    )
    if not actions <= _ADDITIVE_ACTIONS:
        return None
    rows = session.execute(
        select(
            Registration.entitled_by,
            PriceCategory.code,
            CheckIn.checked_in_at,
            CheckIn.day,
            CheckIn.session_id,
        )
        .join(Registration, Registration.id == CheckIn.registration_id)
        .join(PriceCategory, PriceCategory.id == Registration.category_id)
        .where(
            CheckIn.id > check_ins_since,
            CheckIn.undone_at.is_(None),
            Registration.event_id == event_id,
            Registration.status == "active",
        )
    ).all()
    if any(day is not None or door is not None for *_, day, door in rows):
        return None  # another day's or a session's check-in is not a new arrival: recount
    arrivals = [(str(entitled), str(code), at) for entitled, code, at, *_ in rows]
    sales = (
        since.sales
        if (token[3], token[4]) == (payments_since, receipts_since)
        else sales_summary(session, event_id)
    )
    return Dashboard(with_new_check_ins(since.attendance, arrivals), sales, token)


@dataclass(frozen=True)
class Dashboard:
    """What the Reports window shows of the open event, computed in one call off the GUI
    thread: attendance (arrivals split by membership) and sales."""

    attendance: AttendanceReport  # without the organizations (the exports have them)
    sales: SalesSummary
    token: tuple[int, ...] = ()  # what the database looked like (see ``Reports.dashboard``)


@dataclass(frozen=True)
class Reports:
    """What the associations get back: reports, exports, desk closings."""

    sessions: Sessions

    def dashboard(self, slug: str, since: Dashboard | None = None) -> Dashboard | None:
        """The live view's figures; ``None`` when nothing changed since ``since``.

        The window polls every few seconds: most polls find nothing new (one indexed read).
        After check-ins alone (the door's usual traffic) the new check-ins are added to
        ``since``; after anything else (an undo, a walk-in, an import, an edit) everything is
        counted again (a few GROUP BY queries, no receipt read).
        """
        with self.sessions() as session:
            token = change_token(session)
            if since is not None and token == since.token:
                return None
            event_id, heading = load_heading(session, slug)
            if since is not None and since.attendance.event.slug == slug:
                advanced = _advance(session, event_id, since, token)
                if advanced is not None:
                    return advanced
            return Dashboard(
                attendance_of(session, event_id, heading, organizations=False),
                sales_summary(session, event_id),
                token,
            )

    def attendance(self, slug: str) -> AttendanceReport:
        """Report 1, organizations included."""
        return attendance_report(self.sessions, slug)

    def sales(self, slug: str) -> SalesReport:
        """Report 3, taxes by code."""
        return sales_report(self.sessions, slug)

    def attendees(
        self, slug: str, presence: Presence = Presence.ALL, association: str | None = None
    ) -> AttendeeList:
        """Who came, or who did not; for one association, only what it may receive."""
        return attendee_list(self.sessions, slug, presence=presence, association=association)

    def partnership(self) -> PartnershipReport:
        """The MOU's numbers across every event."""
        return partnership_report(self.sessions)

    def export(
        self,
        document: ReportDocument,
        path: Path,
        export_format: ExportFormat,
        language: Language,
        *,
        staff: str,
        desk: str,
        force: bool = False,
    ) -> int:
        """Write a CSV or XLSX (audited); the number of rows written. ``force``: replace an
        existing file (only once the save dialog asked)."""
        return export_report(
            self.sessions,
            document,
            path,
            export_format,
            language,
            staff=staff,
            desk=desk,
            force=force,
        )

    def save_pdf(
        self, document: ReportDocument, path: Path, *, staff: str, desk: str, force: bool = False
    ) -> bytes:
        """Write the report's PDF to ``path`` (owner-only, whole or absent; audited);
        ``force``: replace an existing file (only once the save dialog asked)."""
        # ReportLab's charts load when a report is first written, not with the desk's start.
        from desktop_app.documents.report_pdf import render_report_pdf

        pdf = render_report_pdf(document, generated_at=datetime.now(UTC))
        write_private_pdf(pdf, path, force=force)
        with self.sessions.begin() as session:
            record_export(
                session, document, path, "pdf", document.row_count(), staff=staff, desk=desk
            )
        return pdf

    def pending_closing(self, slug: str, desk: str) -> tuple[datetime | None, dict[str, Any]]:
        """What ``desk`` did since its last closing, before the cash is counted."""
        return closing.pending_activity(self.sessions, slug, desk)

    def close_desk(
        self,
        slug: str,
        *,
        desk: str,
        staff: str,
        counted_cash: Decimal,
        opening_float: Decimal,
        note: str | None,
        denominations: dict[str, int] | None,
    ) -> DeskClosingReport:
        """Store the closing (immutable, audited) and return it."""
        return closing.close_desk(
            self.sessions,
            slug,
            desk=desk,
            staff=staff,
            counted_cash=counted_cash,
            opening_float=opening_float,
            note=note,
            denominations=denominations,
        )


@dataclass(frozen=True)
class Incidents:
    """The register of confidentiality incidents."""

    sessions: Sessions

    def all(self) -> list[Incident]:
        """Every incident with its history."""
        return incidents.list_incidents(self.sessions)

    def record(self, fields: IncidentFields, *, staff: str) -> Incident:
        """A new incident."""
        return incidents.record_incident(self.sessions, fields, staff=staff)

    def amend(self, number: int, changes: dict[str, Any], *, reason: str, staff: str) -> Incident:
        """A new version of incident ``number``."""
        return incidents.amend_incident(self.sessions, number, changes, reason=reason, staff=staff)


@dataclass(frozen=True)
class Privacy:
    """Retention and purge, as the desk offers it to a supervisor at start."""

    sessions: Sessions

    def plan(self) -> PurgePlan:
        """What a purge would do now (reads only)."""
        return plan_purge(self.sessions)

    def purge(self, *, staff: str) -> PurgePlan:
        """De-identify the people of every event past its retention (audited)."""
        return purge(self.sessions, staff=staff)


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

    @property
    def privacy(self) -> Privacy:
        """Retention and purge."""
        return Privacy(self.sessions)

    @property
    def incidents(self) -> Incidents:
        """The register of confidentiality incidents."""
        return Incidents(self.sessions)

    @property
    def reports(self) -> Reports:
        """Reports, exports, desk closings."""
        return Reports(self.sessions)

    def events(self) -> list[EventSummary]:
        """Every event, with its counts."""
        return list_events(self.sessions)

    def conflicts(self, slug: str) -> list[SyncConflict]:
        """The sync conflicts recorded for event ``slug`` (on a shared server)."""
        return list_conflicts(self.sessions, slug)


__all__ = ["Dashboard", "Office", "Receipts", "Reports", "Sessions", "StaffAccounts"]
