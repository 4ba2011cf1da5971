"""What a lead station's window talks to: one exhibitor at one event, one signed-in account
(the UI imports no SQLAlchemy and never picks the services itself)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Exhibitor
from desktop_app.documents.report_data import Language
from desktop_app.services.admin.events import get_event
from desktop_app.services.admin.staff import EXHIBITOR, StaffMember
from desktop_app.services.leads import station
from desktop_app.services.leads.documents import export_leads
from desktop_app.services.leads.station import LeadLine, ScanResult, StationInfo


def event_exhibitors(sessions: sessionmaker[Session], slug: str) -> tuple[tuple[str, str], ...]:
    """The event's exhibitors as (code, name), by name."""
    with sessions() as session:
        event = get_event(session, slug)
        return tuple(
            (e.code, e.name)
            for e in session.scalars(
                select(Exhibitor).where(Exhibitor.event_id == event.id).order_by(Exhibitor.name)
            )
        )


def exhibitor_for(member: StaffMember) -> str | None:
    """The exhibitor an account's station works for (None: a supervisor, who chooses)."""
    return member.exhibitor_code if member.role == EXHIBITOR else None


def may_work_station(member: StaffMember, exhibitor: str) -> bool:
    """Whether ``member`` may work ``exhibitor``'s station: its own exhibitor account, or a
    supervisor (the service checks it again, on the database, at every action)."""
    return member.is_supervisor or (member.role == EXHIBITOR and member.exhibitor_code == exhibitor)


@dataclass(frozen=True)
class LeadStation:
    """One exhibitor's station at one event, worked by ``staff``."""

    sessions: sessionmaker[Session]
    slug: str
    exhibitor: str
    staff: str
    desk: str | None = None

    def open(self) -> StationInfo:
        """Check the account may work this station; the names the window shows."""
        return station.station_exhibitor(self.sessions, self.slug, self.exhibitor, self.staff)

    def scan(self, code: str, *, action_id: str | None = None) -> ScanResult:
        """Scan a badge (kept only with consent; a re-scan finds the same lead)."""
        return station.scan_lead(
            self.sessions,
            self.slug,
            self.exhibitor,
            code,
            self.staff,
            desk=self.desk,
            action_id=action_id,
        )

    def save(self, lead_id: int, rating: int | None, note: str | None) -> LeadLine:
        """Set a lead's rating and note."""
        return station.update_lead(
            self.sessions, self.slug, self.exhibitor, lead_id, self.staff, rating, note
        )

    def leads(self) -> tuple[LeadLine, ...]:
        """The exhibitor's leads, newest first."""
        return station.exhibitor_leads(self.sessions, self.slug, self.exhibitor, self.staff)

    def export(self, path: Path, language: Language) -> int:
        """The exhibitor's own leads to ``path`` (.csv or .xlsx); the rows written."""
        return export_leads(self.sessions, self.slug, self.exhibitor, path, self.staff, language)
