"""Retention and purge; erasure on request (see the package's docstring for what goes).

An event is *due* once its end plus its ``retention_days`` (from the event file; three years
by default) has passed. Its people are de-identified unless they are registered to another
event still within retention: they keep their data until their last event is due. One
transaction: a purge is done entirely or not at all. Audited, with counts and never a name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    String,
    Table,
    bindparam,
    cast,
    delete,
    func,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db import immutability
from desktop_app.db.models import (
    Consent,
    Event,
    Lead,
    MembershipDecision,
    Payment,
    Person,
    Receipt,
    Registration,
)
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, NotFound
from desktop_app.domain.names import normalize_email, person_key
from desktop_app.services.admin import audit
from desktop_app.services.admin.events import get_event

TAX_RETENTION_YEARS = 6
"""Books and records, receipts included, are kept six years after the end of the year they
concern (Income Tax Act s. 230(4), Excise Tax Act s. 286(3), Québec's Tax Administration Act
s. 35)."""
REMOVED_BUYER = "—"


@dataclass(frozen=True)
class PurgePlan:
    """What a purge does (or, in a dry run, would do)."""

    at: datetime
    events: tuple[str, ...]  # the events whose retention has passed
    people: int  # de-identified
    kept_people: int  # of those events, kept for an event still within retention
    registrations: int
    consents: int
    decisions: int
    receipts: int  # past the tax retention: buyer's name removed
    receipts_kept: int  # of the purged people, still within the tax retention
    backups: tuple[str, ...] = ()  # taken before: they still hold what the purge removes
    done: bool = False

    def to_json(self) -> dict[str, Any]:
        """For ``passerelle privacy purge --json``."""
        return {
            "at": self.at.isoformat(),
            "done": self.done,
            "events": list(self.events),
            "people": self.people,
            "kept_people": self.kept_people,
            "registrations": self.registrations,
            "consents": self.consents,
            "membership_decisions": self.decisions,
            "receipts_buyer_removed": self.receipts,
            "receipts_kept_for_tax_law": self.receipts_kept,
            "backups_to_destroy": list(self.backups),
        }


def retention_ends(event: Event) -> datetime:
    """When the event's personal information is due for purge."""
    return event.ends_at + timedelta(days=event.retention_days)


def tax_cutoff(now: datetime) -> datetime:
    """Receipts issued before this moment are past the tax retention (January 1st, UTC)."""
    return datetime(now.year - TAX_RETENTION_YEARS, 1, 1, tzinfo=UTC)


def _due_events(session: Session, slug: str | None, now: datetime) -> list[Event]:
    events = list(session.scalars(select(Event)))
    if slug is not None:
        chosen = get_event(session, slug)
        events = [chosen]
    return [event for event in events if retention_ends(event) <= now]


def _people_of(session: Session, event_ids: Sequence[int]) -> set[int]:
    if not event_ids:
        return set()
    return set(
        session.scalars(
            select(Registration.person_id).where(Registration.event_id.in_(event_ids)).distinct()
        )
    )


def _still_kept(session: Session, people: set[int], now: datetime) -> set[int]:
    """Those of ``people`` registered to an event still within retention."""
    if not people:
        return set()
    kept: set[int] = set()
    for person_id, ends_at, days in session.execute(
        select(Registration.person_id, Event.ends_at, Event.retention_days)
        .join(Event, Event.id == Registration.event_id)
        .where(Registration.person_id.in_(people))
    ):
        if ends_at + timedelta(days=days) > now:
            kept.add(person_id)
    return kept


def plan_purge(
    sessions: sessionmaker[Session],
    *,
    slug: str | None = None,
    now: datetime | None = None,
    backups: Iterable[Path] = (),
) -> PurgePlan:
    """What a purge would do now (reads only)."""
    with sessions() as session:
        return _plan(session, slug, now or datetime.now(UTC), backups)


def _plan(session: Session, slug: str | None, now: datetime, backups: Iterable[Path]) -> PurgePlan:
    due = _due_events(session, slug, now)
    people = _people_of(session, [event.id for event in due])
    people = (
        set(
            session.scalars(
                select(Person.id).where(Person.id.in_(people), Person.anonymized_at.is_(None))
            )
        )
        if people
        else set()
    )
    kept = _still_kept(session, people, now)
    purged = people - kept
    counts = _counts(session, purged, now)
    old = tuple(str(path) for path in backups) if purged else ()
    return PurgePlan(now, tuple(e.slug for e in due), len(purged), len(kept), *counts, old)


def _counts(session: Session, people: set[int], now: datetime) -> tuple[int, int, int, int, int]:
    if not people:
        return 0, 0, 0, _old_receipts(session, now), 0
    ids = list(people)
    registrations = session.scalar(
        select(func.count()).select_from(Registration).where(Registration.person_id.in_(ids))
    )
    consents = session.scalar(
        select(func.count()).select_from(Consent).where(Consent.person_id.in_(ids))
    )
    decisions = len(_decision_ids(session, ids))
    receipts = session.scalars(
        select(Receipt.issued_at)
        .join(Registration, Registration.id == Receipt.registration_id)
        .where(Registration.person_id.in_(ids))
    ).all()
    cutoff = tax_cutoff(now)
    kept = sum(1 for issued in receipts if issued >= cutoff)
    old = _old_receipts(session, now) + (len(receipts) - kept)
    return int(registrations or 0), int(consents or 0), decisions, old, kept


def _decision_ids(session: Session, people: Sequence[int]) -> list[int]:
    emails: set[str] = set()
    keys: set[str] = set()
    for first, last, email in session.execute(
        select(Person.first_name, Person.last_name, Person.email).where(Person.id.in_(people))
    ):
        if email:
            emails.add(normalize_email(email) or email.casefold())
        key = person_key(first, last)
        if key:
            keys.add(key)
    if not emails and not keys:
        return []
    return list(
        session.scalars(
            select(MembershipDecision.id).where(
                or_(
                    func.lower(MembershipDecision.email).in_(emails),
                    MembershipDecision.person_key.in_(keys),
                )
            )
        )
    )


def _old_receipts(session: Session, now: datetime) -> int:
    """Receipts of de-identified people, past the tax retention, still naming the buyer."""
    query = (
        select(func.count())
        .select_from(Receipt)
        .join(Registration, Registration.id == Receipt.registration_id)
        .join(Person, Person.id == Registration.person_id)
        .where(
            Person.anonymized_at.is_not(None),
            Receipt.issued_at < tax_cutoff(now),
            Receipt.buyer_name != REMOVED_BUYER,
        )
    )
    return int(session.scalar(query) or 0)


def purge(
    sessions: sessionmaker[Session],
    *,
    staff: str,
    slug: str | None = None,
    now: datetime | None = None,
    backups: Iterable[Path] = (),
) -> PurgePlan:
    """De-identify the people of every event due for purge (or of ``slug``), in one
    transaction, and remove the buyer from receipts past the tax retention. Audited."""
    now = now or datetime.now(UTC)
    with sessions.begin() as session:
        plan = _plan(session, slug, now, backups)
        due = _due_events(session, slug, now)
        people = _people_of(session, [event.id for event in due])
        people = (
            {
                p
                for p in session.scalars(
                    select(Person.id).where(Person.id.in_(people), Person.anonymized_at.is_(None))
                )
            }
            if people
            else set()
        )
        purged = people - _still_kept(session, people, now)
        deidentify(session, purged, now)
        _remove_old_buyers(session, now)
        audit.record(
            session,
            "privacy.purged",
            staff=staff,
            subject=",".join(plan.events)[:120] or None,
            detail={k: v for k, v in plan.to_json().items() if k != "backups_to_destroy"},
            at=now,
        )
    return PurgePlan(**{**plan.__dict__, "done": True})


def deidentify(session: Session, people: set[int], now: datetime) -> None:
    """Remove what identifies ``people``; keep what the reports count."""
    if not people:
        return
    ids = sorted(people)
    decisions = _decision_ids(session, ids)
    if decisions:
        session.execute(delete(MembershipDecision).where(MembershipDecision.id.in_(decisions)))
    session.execute(delete(Consent).where(Consent.person_id.in_(ids)))
    # What exhibitors noted about the person (rating, note, when they met) identifies them
    # through the registration: it goes with the rest. The exhibitors' counts lose them.
    session.execute(
        delete(Lead)
        .where(
            Lead.registration_id.in_(select(Registration.id).where(Registration.person_id.in_(ids)))
        )
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Person)
        .where(Person.id.in_(ids))
        .values(
            first_name="",
            last_name=literal("#") + cast(Person.id, String),
            email=None,
            organization_name=None,
            organization_id=None,
            preferred_language=None,
            anonymized_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    registrations = session.execute(
        select(Registration.id, Registration.verdict).where(Registration.person_id.in_(ids))
    ).all()
    if registrations:
        table = cast_table(Registration.__table__)  # Core: an executemany by a bound id
        session.connection().execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(notes=None, preferred_language=None, verdict=bindparam("kept")),
            [{"row_id": row_id, "kept": _bare(verdict)} for row_id, verdict in registrations],
        )
        session.execute(
            update(Payment)
            .where(
                Payment.registration_id.in_([row_id for row_id, _ in registrations]),
                Payment.method == "invoice",
            )
            .values(reference=None)  # "Organization — PO number": who was billed
            .execution_options(synchronize_session=False)
        )


def cast_table(table: Any) -> Table:
    """The mapped class's table, typed as Core's ``Table``."""
    assert isinstance(table, Table)
    return table


def _bare(verdict: dict[str, Any] | None) -> dict[str, Any] | None:
    """The verdict without its evidence (emails, names, member numbers): the associations
    and marking stay, so reports still count the entitling membership."""
    if verdict is None:
        return None
    return {
        "associations": list(verdict.get("associations") or []),
        "marking": verdict.get("marking"),
        "status": {},
        "evidence": [],
        "basis": {},
    }


def _remove_old_buyers(session: Session, now: datetime) -> int:
    """Receipts past the tax retention lose their buyer, for de-identified people only. The
    immutability trigger is lifted for this one statement, inside the transaction."""
    ids = list(
        session.scalars(
            select(Receipt.id)
            .join(Registration, Registration.id == Receipt.registration_id)
            .join(Person, Person.id == Registration.person_id)
            .where(
                Person.anonymized_at.is_not(None),
                Receipt.issued_at < tax_cutoff(now),
                Receipt.buyer_name != REMOVED_BUYER,
            )
        )
    )
    if not ids:
        return 0
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect == "sqlite":
        connection.exec_driver_sql("DROP TRIGGER IF EXISTS receipts_no_update")
    elif dialect == "postgresql":
        connection.exec_driver_sql("ALTER TABLE receipts DISABLE TRIGGER receipts_immutable")
    session.execute(
        update(Receipt)
        .where(Receipt.id.in_(ids))
        .values(buyer_name=REMOVED_BUYER, buyer_organization=None)
        .execution_options(synchronize_session=False)
    )
    if dialect == "sqlite":
        connection.exec_driver_sql(immutability.SQLITE_STATEMENTS[0])
    elif dialect == "postgresql":
        connection.exec_driver_sql("ALTER TABLE receipts ENABLE TRIGGER receipts_immutable")
    return len(ids)


_T_NO_ONE = QT_TRANSLATE_NOOP("AppError", "No one with the email {email} is in this database.")
_T_NO_REASON = QT_TRANSLATE_NOOP("AppError", "An erasure needs a reason (the request).")


def people_by_email(session: Session, email: str, name: str | None = None) -> list[Person]:
    """The people with this email (any case), narrowed to ``name`` when given."""
    wanted = (normalize_email(email) or email.strip()).casefold()
    found = [
        person
        for person in session.scalars(
            select(Person).where(func.lower(Person.email) == wanted).order_by(Person.id)
        )
    ]
    if name:
        first, _, last = name.strip().partition(" ")
        key = person_key(first, last)
        found = [p for p in found if person_key(p.first_name, p.last_name) == key] or found
    return found


def erase_person(
    sessions: sessionmaker[Session],
    email: str,
    *,
    reason: str,
    staff: str,
    name: str | None = None,
    now: datetime | None = None,
) -> int:
    """De-identify the person(s) with ``email`` now, at their request; receipts are kept as
    tax law requires. Returns how many people were de-identified. Audited (ids, no email)."""
    reason = " ".join(reason.split())
    if not reason:
        raise Invalid(_T_NO_REASON)
    now = now or datetime.now(UTC)
    with sessions.begin() as session:
        people = [p.id for p in people_by_email(session, email, name) if p.anonymized_at is None]
        if not people:
            raise NotFound(_T_NO_ONE, email=email)
        deidentify(session, set(people), now)
        audit.record(
            session,
            "privacy.erased",
            staff=staff,
            subject=",".join(f"person:{p}" for p in people)[:120],
            detail={"people": people, "reason": reason},
            at=now,
        )
    return len(people)
