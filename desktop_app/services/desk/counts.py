"""The header's "checked in / expected", kept up to date instead of counted every time.

The header asks after every check-in and every few seconds. Counting is exact but visits
every registration of the event (about 25 ms at 57,000 on SQLite: one index probe per
registration), so each desk keeps its last count and the newest audit, registration and
check-in ids it had seen. Asking again then costs one indexed read when nothing changed, and
when only check-ins (or anything else that cannot change the figures) happened since, the
new check-ins are counted and added. Anything else in the audit log since (an undo, a
cancellation, a walk-in, an edit, an import) is counted again in full, and so is every
count older than ``FULL_COUNT_SECONDS``: a writer that records no audit entry (a replica
brought up to date) shows within that time.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import AuditEntry, CheckIn, Event, Registration
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.services.admin.events import get_event

FULL_COUNT_SECONDS = 30.0
"""A kept count is counted again in full at least this often."""

# After these alone, the figures change only by the check-ins added (the audit log's
# actions of the door's usual traffic; anything else is counted again).
UNCHANGING_ACTIONS = frozenset(
    {
        "checkin.created",
        "checkin.override",
        "checkin.override_refused",
        "session.exit",
        "session.reentry",
        "badges.printed",
        "payment.collected",
        "receipt.issued",
        "receipt.reprinted",
        "receipt.credit_note_issued",
        "report.export",
        "desk.close",
        "privacy.access_export",
        "staff.signed_in",
        "staff.signed_out",
        "staff.sign_in_failed",
        "staff.locked",
        "staff.unlocked",
    }
)


@dataclass(frozen=True)
class EventCounts:
    """The header's "checked in / expected" figures for one event."""

    checked_in: int  # active check-ins of active registrations
    expected: int  # active registrations
    inside: int | None = None  # at a session's door with exit scans: inside now


def event_counts(sessions: sessionmaker[Session], slug: str) -> EventCounts:
    """Checked-in and expected counts for the header, in one statement (two index counts).

    People are counted: each registration with an active entrance check-in once, whatever
    the days it came (a session's door is not the entrance). About 10 to 15 ms at 28,000
    registrations for one event on either back end (measured on a shared 2-core machine);
    the header calls it off the GUI thread.
    """
    event_id = select(Event.id).where(Event.slug == slug).scalar_subquery()
    expected = (
        select(func.count())
        .select_from(Registration)
        .where(Registration.event_id == event_id, Registration.status == RegistrationStatus.ACTIVE)
    )
    checked_in = (  # people: a second day's check-in is the same person again
        select(func.count(func.distinct(CheckIn.registration_id)))
        .select_from(CheckIn)
        .join(Registration, Registration.id == CheckIn.registration_id)
        .where(
            Registration.event_id == event_id,
            Registration.status == RegistrationStatus.ACTIVE,
            CheckIn.undone_at.is_(None),
            CheckIn.session_id.is_(None),  # a session's door is not the entrance
        )
    )
    with sessions() as session:
        row = session.execute(select(expected.scalar_subquery(), checked_in.scalar_subquery()))
        total, done = row.one()
        if not total:
            get_event(session, slug)  # an unknown slug is an error, not an empty event
        return EventCounts(checked_in=int(done or 0), expected=int(total or 0))


@dataclass(frozen=True)
class _Kept:
    database: object  # the engine counted on: a linked desk switches to its replica offline
    slug: str
    event_id: int
    counts: EventCounts
    token: tuple[int, int, int]  # newest audit entry, registration, check-in
    counted_at: float  # time.monotonic() of the last full count


def _token(session: Session) -> tuple[int, int, int]:
    newest = [
        select(func.max(model.id)).scalar_subquery()
        for model in (AuditEntry, Registration, CheckIn)
    ]
    audit, registration, check_in = session.execute(select(*newest)).one()
    return int(audit or 0), int(registration or 0), int(check_in or 0)


class CountKeeper:
    """One desk's last counts, brought up to date cheaply (safe from several threads)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: _Kept | None = None

    def counts(self, sessions: sessionmaker[Session], slug: str) -> EventCounts:
        """The event's counts, as ``checkin.event_counts`` counts them."""
        with self._lock, sessions() as session:
            database = session.get_bind()
            token = _token(session)
            kept = self._kept
            if (
                kept is None
                or kept.database is not database
                or kept.slug != slug
                or time.monotonic() - kept.counted_at > FULL_COUNT_SECONDS
            ):
                kept = _count(session, database, slug, token)
            elif token != kept.token:
                kept = _advance(session, kept, token) or _count(session, database, slug, token)
            self._kept = kept
            return kept.counts


def _count(session: Session, database: object, slug: str, token: tuple[int, int, int]) -> _Kept:
    """Everything counted again, as ``checkin.event_counts`` counts it."""
    event_id = session.scalar(select(Event.id).where(Event.slug == slug))
    if event_id is None:
        get_event(session, slug)  # NotFound
        raise AssertionError(slug)
    active = (Registration.event_id == event_id, Registration.status == RegistrationStatus.ACTIVE)
    expected = select(func.count()).select_from(Registration).where(*active)
    checked_in = (  # people: a second day's check-in is the same person again
        select(func.count(func.distinct(CheckIn.registration_id)))
        .select_from(CheckIn)
        .join(Registration, Registration.id == CheckIn.registration_id)
        .where(*active, CheckIn.undone_at.is_(None), CheckIn.session_id.is_(None))
    )
    total, done = session.execute(
        select(expected.scalar_subquery(), checked_in.scalar_subquery())
    ).one()
    counted_at = time.monotonic()
    if _token(session) != token:
        # Something was committed while counting (PostgreSQL reads each statement afresh):
        # whether it is in the count is unknown, so the next call counts again rather than
        # adding it a second time.
        counted_at = -FULL_COUNT_SECONDS
    counts = EventCounts(checked_in=int(done or 0), expected=int(total or 0))
    return _Kept(database, slug, event_id, counts, token, counted_at)


def _advance(session: Session, kept: _Kept, token: tuple[int, int, int]) -> _Kept | None:
    """``kept`` plus the check-ins since; ``None`` when the counts must be counted again."""
    audit_since, registrations_since, check_ins_since = kept.token
    if token[1] != registrations_since:
        return None  # a walk-in or an import: new registrations
    actions = set(
        session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.id > audit_since, AuditEntry.id <= token[0])
            .distinct()
        )
    )
    if not actions <= UNCHANGING_ACTIONS:
        return None
    # Two small reads by primary key, the filtering in Python: given the event and status
    # in SQL, the planner walks the event's every registration (its index) to find the few
    # new check-ins' (10-30 ms at 57,000).
    new_rows = session.execute(
        select(CheckIn.registration_id, CheckIn.day).where(
            CheckIn.id > check_ins_since,
            CheckIn.id <= token[2],
            CheckIn.undone_at.is_(None),
            CheckIn.session_id.is_(None),  # a session's door is not the entrance
        )
    ).all()
    arrived = list({registration for registration, _ in new_rows})
    if any(day is not None for _, day in new_rows):
        # A day's check-in of a multi-day event: the person may have come on an earlier day
        # and is counted already.
        before = set(
            session.scalars(
                select(CheckIn.registration_id).where(
                    CheckIn.registration_id.in_(arrived),
                    CheckIn.id <= check_ins_since,
                    CheckIn.undone_at.is_(None),
                    CheckIn.session_id.is_(None),
                )
            )
        )
        arrived = [registration for registration in arrived if registration not in before]
    added = 0
    if arrived:
        rows = session.execute(
            select(Registration.event_id, Registration.status).where(Registration.id.in_(arrived))
        )
        added = sum(
            1
            for event_id, status in rows
            if event_id == kept.event_id and status == RegistrationStatus.ACTIVE
        )
    counts = EventCounts(kept.counts.checked_in + added, kept.counts.expected)
    return _Kept(kept.database, kept.slug, kept.event_id, counts, token, kept.counted_at)


__all__ = ["FULL_COUNT_SECONDS", "UNCHANGING_ACTIONS", "CountKeeper"]
