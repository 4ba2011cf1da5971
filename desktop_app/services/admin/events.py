"""Use cases for events: import an event file, list events with their counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy import event as orm_events
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import (
    Association,
    CheckIn,
    ConsentPurpose,
    Event,
    EventSession,
    Exhibitor,
    Lead,
    PriceCategory,
    Registration,
)
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, Invalid, NotFound
from desktop_app.domain.events import ConsentSpec, EventSpec, ExhibitorSpec, parse_event_file
from desktop_app.services.admin import audit
from desktop_app.services.admin.coded_rows import save_by_code
from desktop_app.services.admin.event_sessions import save_days_and_sessions

ASSOCIATION_NAMES = {
    "bioquebec": ("BIOQuébec", "BIOQuébec"),
    "lso": ("Sciences de la vie Ontario (LSO)", "Life Sciences Ontario (LSO)"),
}


@dataclass(frozen=True)
class EventSummary:
    """An event as lists and reports show it."""

    slug: str
    name_fr: str
    name_en: str
    starts: datetime
    ends: datetime
    venue: str
    city: str
    province: str
    timezone: str
    host: str
    partners: tuple[str, ...]
    registrations: int
    checked_in: int
    sessions: tuple[tuple[str, str, str], ...] = ()
    """The event's sessions as (code, French name, English name), in the file's order."""

    def to_json(self) -> dict[str, object]:
        """The JSON shape of ``passerelle events list --json`` (keys as in the event file)."""
        return {
            "slug": self.slug,
            "name_fr": self.name_fr,
            "name_en": self.name_en,
            "starts": self.starts.isoformat(),
            "ends": self.ends.isoformat(),
            "venue": self.venue,
            "city": self.city,
            "province": self.province,
            "timezone": self.timezone,
            "host": self.host,
            "partners": list(self.partners),
            "registrations": self.registrations,
            "checked_in": self.checked_in,
            "sessions": [code for code, _, _ in self.sessions],
        }


@dataclass(frozen=True)
class EventImportResult:
    """What importing an event file did."""

    slug: str
    created: bool
    prices: int
    changed: bool = True
    """False when the file says what the database already holds: then nothing is written."""
    days: int = 0
    sessions: int = 0


def ensure_associations(session: Session) -> dict[str, Association]:
    """The two associations, created on first use; keyed by code."""
    existing = {a.code: a for a in session.scalars(select(Association))}
    for code, (name_fr, name_en) in ASSOCIATION_NAMES.items():
        if code not in existing:
            association = Association(code=code, name_fr=name_fr, name_en=name_en)
            session.add(association)
            existing[code] = association
    session.flush()
    return existing


def read_event_file(path: Path) -> EventSpec:
    """Read and validate an event file from disk."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "Cannot read the event file {path}: {reason}"),
            path=str(path),
            reason=error.strerror or str(error),
        ) from error
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "The event file {path} is not UTF-8 text (byte {position})."
            ),
            path=str(path),
            position=error.start,
        ) from error
    return parse_event_file(source, path.name)


def save_event(session: Session, spec: EventSpec) -> EventImportResult:
    """Create or update the event described by ``spec`` in the current unit of work."""
    associations = ensure_associations(session)
    event = session.scalars(select(Event).where(Event.slug == spec.slug)).one_or_none()
    created = event is None
    now = datetime.now(UTC)
    writes = _WriteWatch(session)  # the same file again changes nothing, not even a time
    if event is None:
        event = Event(slug=spec.slug, updated_at=now)
        session.add(event)
    event.name_fr = spec.name_fr
    event.name_en = spec.name_en
    event.starts_at = spec.starts
    event.ends_at = spec.ends
    event.timezone = spec.timezone
    event.venue = spec.venue
    event.city = spec.city
    event.province = spec.province
    event.host = associations[spec.host]
    event.partners = [associations[code] for code in spec.partners]
    event.retention_days = spec.retention_days
    event.max_line_amount = spec.max_line_amount
    event.seller_legal_name = spec.seller.legal_name
    event.seller_address = spec.seller.address
    event.gst_hst_number = spec.seller.gst_hst_number
    event.qst_number = spec.seller.qst_number

    by_code = {price.code: price for price in event.prices}
    wanted = {price.code for price in spec.prices}
    for code, category in by_code.items():
        if code in wanted:
            continue
        used = session.scalar(
            select(func.count())
            .select_from(Registration)
            .where(Registration.category_id == category.id)
        )
        if used:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "The price category {code} is used by {count} registrations;"
                    " keep it in the event file.",
                ),
                code=code,
                count=used,
            )
        event.prices.remove(category)
    for position, price in enumerate(spec.prices):
        existing = by_code.get(price.code)
        if existing is None:
            category = PriceCategory(code=price.code)
            event.prices.append(category)
        else:
            category = existing
        category.position = position
        category.name_fr = price.name_fr
        category.name_en = price.name_en
        category.eligibility = price.eligibility
        category.amount = price.amount
        category.taxes_included = price.taxes_included
        category.available_from = price.available_from
        category.available_until = price.available_until
        category.role = price.role
    _save_consents(session, event, spec)
    _save_exhibitors(session, event, spec)
    save_days_and_sessions(session, event, spec)
    session.flush()
    changed = writes.stop()
    if changed:
        event.updated_at = now
        audit.record(
            session,
            "event.created" if created else "event.updated",
            subject=f"event:{spec.slug}",
            detail={"prices": len(spec.prices), "sessions": len(spec.sessions)},
        )
    return EventImportResult(
        slug=spec.slug,
        created=created,
        prices=len(spec.prices),
        changed=changed,
        days=len(spec.days),
        sessions=len(spec.sessions),
    )


class _WriteWatch:
    """Whether any flush of ``session`` (autoflushes included) writes something, from now
    until :meth:`stop`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.seen = False
        orm_events.listen(session, "before_flush", self._notice)

    def _notice(self, session: Session, *_: object) -> None:
        if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
            self.seen = True

    def stop(self) -> bool:
        """Stop watching; whether anything was written."""
        orm_events.remove(self.session, "before_flush", self._notice)
        return self.seen


def _save_consents(session: Session, event: Event, spec: EventSpec) -> None:
    """The event's consent purposes as its file declares them (answers already given keep
    the wording version they were given for)."""
    session.flush()

    def fill(purpose: ConsentPurpose, consent: ConsentSpec, position: int) -> None:
        purpose.position = position
        purpose.wording_fr = consent.wording_fr
        purpose.wording_en = consent.wording_en
        purpose.version = consent.version
        purpose.badge_mark = consent.badge_mark
        purpose.label_fr = consent.label_fr
        purpose.label_en = consent.label_en

    save_by_code(session, ConsentPurpose, event, spec.consents, fill)


def _save_exhibitors(session: Session, event: Event, spec: EventSpec) -> None:
    """The event's exhibitors as its file declares them; one with leads stays in the file."""

    def keep_with_leads(exhibitor: Exhibitor) -> None:
        leads = session.scalar(
            select(func.count()).select_from(Lead).where(Lead.exhibitor_id == exhibitor.id)
        )
        if leads:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "The exhibitor {code} has {count} leads; keep it in the event file.",
                ),
                code=exhibitor.code,
                count=leads,
            )

    def fill(exhibitor: Exhibitor, declared: ExhibitorSpec, _position: int) -> None:
        exhibitor.name = declared.name
        exhibitor.association = declared.association

    save_by_code(session, Exhibitor, event, spec.exhibitors, fill, before_removal=keep_with_leads)


def import_event_file(sessions: sessionmaker[Session], path: Path) -> EventImportResult:
    """Create or update an event from its TOML file; a bad file changes nothing."""
    spec = read_event_file(path)
    with sessions.begin() as session:
        return save_event(session, spec)


def _count_by_event(session: Session, statement: Select[int, int]) -> dict[int, int]:
    """Run an ``(event_id, count)`` query into a dictionary."""
    return {event_id: count for event_id, count in session.execute(statement)}


def list_events(sessions: sessionmaker[Session]) -> list[EventSummary]:
    """Every event, soonest first, with registration and check-in counts."""
    with sessions() as session:
        registrations = _count_by_event(
            session,
            select(Registration.event_id, func.count())
            .where(Registration.status == RegistrationStatus.ACTIVE)
            .group_by(Registration.event_id),
        )
        checked_in = _count_by_event(
            session,
            # People, not check-ins: an event with days has one per day and person.
            select(Registration.event_id, func.count(func.distinct(CheckIn.registration_id)))
            .join(CheckIn, CheckIn.registration_id == Registration.id)
            .where(CheckIn.undone_at.is_(None), CheckIn.session_id.is_(None))
            .group_by(Registration.event_id),
        )
        events = session.scalars(select(Event).order_by(Event.starts_at, Event.slug)).all()
        doors: dict[int, list[tuple[str, str, str]]] = {}
        for row in session.scalars(
            select(EventSession).order_by(EventSession.event_id, EventSession.position)
        ):
            doors.setdefault(row.event_id, []).append((row.code, row.name_fr, row.name_en))
        return [
            EventSummary(
                slug=event.slug,
                name_fr=event.name_fr,
                name_en=event.name_en,
                starts=event.starts_at.astimezone(ZoneInfo(event.timezone)),
                ends=event.ends_at.astimezone(ZoneInfo(event.timezone)),
                venue=event.venue,
                city=event.city,
                province=event.province,
                timezone=event.timezone,
                host=event.host.code,
                partners=tuple(p.code for p in event.partners),
                registrations=registrations.get(event.id, 0),
                checked_in=checked_in.get(event.id, 0),
                sessions=tuple(doors.get(event.id, ())),
            )
            for event in events
        ]


def get_event(session: Session, slug: str) -> Event:
    """The event with this slug, or a clear NotFound."""
    event = session.scalars(select(Event).where(Event.slug == slug)).one_or_none()
    if event is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "AppError", "There is no event '{slug}'. See: passerelle events list"
            ),
            slug=slug,
        )
    return event
