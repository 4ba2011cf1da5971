"""The lead station's use cases: scan a badge, rate and annotate the lead, list the leads."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Event, Exhibitor, Lead, Person, Registration
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.codes import code_forms, preferred
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, Message, NotFound
from desktop_app.services.admin import audit
from desktop_app.services.admin.events import get_event
from desktop_app.services.leads.access import (
    consenting,
    exhibitor_of,
    require_networking_purpose,
    require_station,
)

NOTE_LIMIT = 2000
_T_REFUSED = QT_TRANSLATE_NOOP(
    "AppError", "This person has not agreed to share their details: nothing was kept."
)


class ScanOutcome(StrEnum):
    """What a scan did."""

    SAVED = "saved"  # a new lead
    UPDATED = "updated"  # scanned before: the same lead, its rating and note updated
    REFUSED = "refused"  # no networking consent: nothing kept, nothing shown


@dataclass(frozen=True)
class LeadLine:
    """A lead as the exhibitor sees it (never the admission code)."""

    lead_id: int
    name: str
    organization: str | None
    email: str | None
    association: str  # bioquebec, lso, both, none (what the card's verdict says)
    rating: int | None
    note: str | None
    scanned_at: datetime
    # Scanned while the server was out of reach: kept in the station's journal, not yet on
    # the server (``lead_id`` is then the journal entry's).
    waiting: bool = False
    # Refused by the server when it was sent (its badge cancelled, the exhibitor removed...):
    # the reason, shown until the staff dismisses it (``lead_id`` is the journal's).
    unsent: Message | None = None

    def to_json(self) -> dict[str, object]:
        """The JSON shape of ``passerelle leads scan --json``."""
        return {
            "lead_id": self.lead_id,
            "name": self.name,
            "organization": self.organization,
            "email": self.email,
            "association": self.association,
            "consent": True,
            "rating": self.rating,
            "note": self.note,
            "scanned_at": self.scanned_at.isoformat(),
        }


@dataclass(frozen=True)
class ScanResult:
    """A scan's outcome; ``lead`` is None when refused (the person stays unnamed)."""

    outcome: ScanOutcome
    lead: LeadLine | None
    refusal: Message | None = None


@dataclass(frozen=True)
class StationInfo:
    """The exhibitor a signed-in account works for, and its event."""

    slug: str
    event_name_fr: str
    event_name_en: str
    exhibitor: str
    exhibitor_name: str
    timezone: str  # the venue's: the station shows scan times in it


def _now() -> datetime:
    return datetime.now(UTC)


def valid_rating(rating: int | None) -> int | None:
    if rating is not None and not 1 <= rating <= 5:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "A rating is 1 to 5 stars, not {rating}."), rating=rating
        )
    return rating


def valid_note(note: str | None) -> str | None:
    cleaned = (note or "").strip()
    if len(cleaned) > NOTE_LIMIT:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "A note has at most {count} characters."),
            count=NOTE_LIMIT,
        )
    return cleaned or None


def _line(lead: Lead, registration: Registration, person: Person) -> LeadLine:
    return LeadLine(
        lead_id=lead.id,
        name=f"{person.first_name} {person.last_name}".strip(),
        organization=person.organization_name,
        email=person.email,
        association=registration.entitled_by,
        rating=lead.rating,
        note=lead.note,
        scanned_at=lead.scanned_at,
    )


def _registration(session: Session, event: Event, code: str) -> Registration:
    found = session.scalars(
        select(Registration).where(
            Registration.event_id == event.id,
            Registration.code.in_(code_forms(code)),
            Registration.status == RegistrationStatus.ACTIVE.value,
        )
    )
    registration = preferred({r.code: r for r in found}, code)
    if registration is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "No registration for this event has this badge.")
        )
    return registration


@dataclass(frozen=True)
class Judged:
    """A scanned badge judged at a station: whose it is, and whether they agreed."""

    event: Event
    exhibitor: Exhibitor
    staff: str  # the account's own spelling
    registration: Registration
    consents: bool


def judge_scan(session: Session, slug: str, exhibitor: str, code: str, staff: str) -> Judged:
    """Check the station and find the badge's registration and networking answer (reads
    only: on the server, or on a desk's copy while the server is out of reach)."""
    event, found, staff = _station(session, slug, exhibitor, staff)
    return _judged(session, event, found, staff, code)


def _station(
    session: Session, slug: str, exhibitor: str, staff: str
) -> tuple[Event, Exhibitor, str]:
    event = get_event(session, slug)
    found = exhibitor_of(session, event, exhibitor)
    staff = require_station(session, staff, found)
    require_networking_purpose(session, event)
    return event, found, staff


def _judged(session: Session, event: Event, found: Exhibitor, staff: str, code: str) -> Judged:
    registration = _registration(session, event, code)
    person_id = registration.person_id
    return Judged(event, found, staff, registration, person_id in consenting(session, [person_id]))


def refused() -> ScanResult:
    """The answer to a scan without consent: the person stays unnamed."""
    return ScanResult(ScanOutcome.REFUSED, None, Message(_T_REFUSED))


def station_exhibitor(
    sessions: sessionmaker[Session], slug: str, exhibitor: str, staff: str
) -> StationInfo:
    """Check that ``staff`` works ``exhibitor``'s station at event ``slug`` (the sign-in)."""
    with sessions() as session:
        event = get_event(session, slug)
        found = exhibitor_of(session, event, exhibitor)
        require_station(session, staff, found)
        return StationInfo(
            event.slug, event.name_fr, event.name_en, found.code, found.name, event.timezone
        )


def scan_lead(
    sessions: sessionmaker[Session],
    slug: str,
    exhibitor: str,
    code: str,
    staff: str,
    rating: int | None = None,
    note: str | None = None,
    *,
    desk: str | None = None,
    action_id: str | None = None,
    at: datetime | None = None,
) -> ScanResult:
    """Scan badge ``code`` at ``exhibitor``'s station: keep the lead only with the person's
    networking consent (a re-scan updates the same lead's rating and note where given);
    without it, store nothing about the person and say so. Replaying ``action_id`` changes
    nothing; ``at`` is when a station that was offline scanned it."""
    rating = valid_rating(rating)
    note = valid_note(note)
    with sessions.begin() as session:
        event, found, staff = _station(session, slug, exhibitor, staff)
        if action_id is not None:
            replayed = session.scalars(select(Lead).where(Lead.action_id == action_id)).first()
            if replayed is not None and replayed.exhibitor_id == found.id:
                registration = session.get_one(Registration, replayed.registration_id)
                return ScanResult(
                    ScanOutcome.UPDATED, _line(replayed, registration, registration.person)
                )
        judged = _judged(session, event, found, staff, code)
        registration = judged.registration
        person = registration.person
        if not judged.consents:
            # Anonymous on purpose: who was refused is itself personal information.
            audit.record(
                session,
                "lead.refused",
                desk=desk,
                staff=staff,
                detail={"exhibitor": found.code},
            )
            return refused()
        lead = session.scalars(
            select(Lead).where(
                Lead.exhibitor_id == found.id, Lead.registration_id == registration.id
            )
        ).one_or_none()
        now = _now()
        scanned_at = at or now
        outcome = ScanOutcome.UPDATED
        if lead is None:
            outcome = ScanOutcome.SAVED
            lead = Lead(
                event_id=event.id,
                exhibitor_id=found.id,
                registration_id=registration.id,
                scanned_at=scanned_at,
                staff=staff,
                desk=desk,
                action_id=action_id or uuid.uuid4().hex,
            )
            session.add(lead)
        lead.updated_at = now
        if rating is not None:
            lead.rating = rating
        if note is not None:
            lead.note = note
        session.flush()
        audit.record(
            session,
            f"lead.{outcome.value}",
            desk=desk,
            staff=staff,
            subject=f"registration:{registration.id}",
            detail={"exhibitor": found.code, "lead": lead.id},
        )
        return ScanResult(outcome, _line(lead, registration, person))


def _own_lead(session: Session, lead_id: int, slug: str, exhibitor: str, staff: str) -> Lead:
    event = get_event(session, slug)
    found = exhibitor_of(session, event, exhibitor)
    require_station(session, staff, found)
    lead = session.get(Lead, lead_id)
    if lead is None or lead.exhibitor_id != found.id:
        raise NotFound(QT_TRANSLATE_NOOP("AppError", "This lead is not among yours."))
    return lead


def update_lead(
    sessions: sessionmaker[Session],
    slug: str,
    exhibitor: str,
    lead_id: int,
    staff: str,
    rating: int | None,
    note: str | None,
) -> LeadLine:
    """Set one of the exhibitor's own leads' rating (None: no rating) and note."""
    rating = valid_rating(rating)
    note = valid_note(note)
    with sessions.begin() as session:
        lead = _own_lead(session, lead_id, slug, exhibitor, staff)
        lead.rating = rating
        lead.note = note
        lead.updated_at = _now()
        registration = session.get_one(Registration, lead.registration_id)
        audit.record(
            session,
            "lead.updated",
            staff=staff,
            subject=f"registration:{registration.id}",
            detail={"exhibitor": exhibitor, "lead": lead.id},
        )
        return _line(lead, registration, registration.person)


def exhibitor_leads(
    sessions: sessionmaker[Session], slug: str, exhibitor: str, staff: str
) -> tuple[LeadLine, ...]:
    """The exhibitor's own leads, newest first; a person who has since withdrawn their
    networking consent is left out."""
    with sessions() as session:
        event = get_event(session, slug)
        found = exhibitor_of(session, event, exhibitor)
        require_station(session, staff, found)
        return leads_of(session, found)


def leads_of(session: Session, exhibitor: Exhibitor) -> tuple[LeadLine, ...]:
    """``exhibitor``'s leads whose person still consents, newest first."""
    rows = session.execute(
        select(Lead, Registration, Person)
        .join(Registration, Registration.id == Lead.registration_id)
        .join(Person, Person.id == Registration.person_id)
        .where(Lead.exhibitor_id == exhibitor.id)
        .order_by(Lead.scanned_at.desc(), Lead.id.desc())
    ).all()
    still = consenting(session, [person.id for _, _, person in rows])
    return tuple(
        _line(lead, registration, person)
        for lead, registration, person in rows
        if person.id in still
    )
