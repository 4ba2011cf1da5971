"""Applying one offline action on the server, one applier per kind (check-in, payment, walk-in,
badge print), each settling its conflicts by the documented rule: the earlier check-in wins and
the other is kept undone; a double payment and a duplicate walk-in are kept with their money;
a receipt keeps its printed number unless the server already used it; add-ons sold offline are
given, judged again (``replay_addons``). Every conflict is recorded
as a ``sync.conflict`` audit entry (see ``conflicts``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload, sessionmaker

from desktop_app.db.models import (
    BadgePrint,
    CheckIn,
    Consent,
    Payment,
    Person,
    PriceCategory,
    Receipt,
    ReceiptSeries,
    Registration,
)
from desktop_app.domain.accounts import RegistrationStatus, balance_owed, counts_as_paid
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from desktop_app.domain.money import ZERO
from desktop_app.services.admin import audit
from desktop_app.services.admin.events import get_event
from desktop_app.services.desk.checkin import active_check_in
from desktop_app.services.desk.doors import Door, door_of, entitled, resolve_door, seats_taken
from desktop_app.services.money.receipt_store import format_number, lock_registration
from desktop_app.services.sync.conflicts import record_conflict
from desktop_app.services.sync.replay_addons import apply_addons, sold_offline
from desktop_app.services.sync.replay_facts import ActionFacts, copy_audit, row_values
from desktop_app.services.sync.replay_movements import apply_movement, movement_replayed

SYNC_STAFF = "sync"


def _insert(session: Session) -> Any:
    dialect = session.get_bind().dialect.name
    return postgresql_insert if dialect == "postgresql" else sqlite_insert


def _registration(session: Session, code: str, *, related: bool = True) -> Registration:
    """The registration ``code`` on the server, locked for the rest of the transaction.

    On PostgreSQL one ``SELECT … FOR UPDATE`` takes the row lock (the replay of a long journal
    does this once per entry); SQLite has no row locks: its no-op update starts the write
    transaction instead (:func:`lock_registration`). ``related``: its event, person and
    category are loaded too (a check-in needs none of them).
    """
    if session.get_bind().dialect.name == "postgresql":
        query = select(Registration).where(Registration.code == code).with_for_update()
        if related:
            query = query.options(
                selectinload(Registration.event),
                selectinload(Registration.person),
                selectinload(Registration.category),
            )
        locked = session.scalars(query.execution_options(populate_existing=True)).first()
        if locked is not None:
            return locked
    else:
        found = session.scalars(select(Registration.id).where(Registration.code == code)).first()
        if found is not None:
            return lock_registration(session, found)
    raise NotFound(
        QT_TRANSLATE_NOOP("AppError", "The server has no registration {code}."), code=code
    )


def _copy_receipt(
    session: Session, facts: ActionFacts, registration: Registration, payment: Payment, desk: str
) -> str | None:
    """Record the offline receipt under its printed number; the conflict kind if it can't be."""
    if facts.receipt is None or facts.series is None:
        return None
    number = int(facts.receipt["number"])
    printed = format_number(facts.series, number)
    session.execute(
        _insert(session)(ReceiptSeries)
        .values(code=facts.series, next_number=1)
        .on_conflict_do_nothing(index_elements=["code"])
    )
    series_id = session.scalars(
        select(ReceiptSeries.id).where(ReceiptSeries.code == facts.series)
    ).one()
    taken = session.scalars(
        select(Receipt).where(Receipt.series_id == series_id, Receipt.number == number)
    ).first()
    if taken is not None:
        record_conflict(
            session,
            "receipt-number",
            event=facts.slug,
            desk=desk,
            staff=facts.receipt["staff"],
            registration_id=registration.id,
            detail={
                "code": registration.code,
                "name": facts.name,
                "number": printed,
                "action_id": payment.action_id,
                "reason": "number already used on the server",
            },
        )
        return "receipt-number"
    values = _values_for_receipt(facts.receipt, series_id, registration.id, payment.id)
    session.add(Receipt(**values))
    session.flush()
    session.execute(
        update(ReceiptSeries)
        .where(ReceiptSeries.id == series_id, ReceiptSeries.next_number <= number)
        .values(next_number=number + 1)
        .execution_options(synchronize_session=False)
    )
    return None


def _values_for_receipt(
    receipt: dict[str, Any], series_id: int, registration_id: int, payment_id: int
) -> dict[str, Any]:
    values = {k: v for k, v in receipt.items() if k != "id"}
    values.update(series_id=series_id, registration_id=registration_id, payment_id=payment_id)
    return values


def _apply_check_in(session: Session, facts: ActionFacts, desk: str) -> str | None:
    assert facts.check_in is not None
    ours = facts.check_in
    registration = _registration(session, facts.registration["code"], related=False)
    door = _server_door(session, facts)
    # Its own day (not the replay's), and the server's session by the code the desk was set to.
    ours = {**ours, "session_id": door.session_id if door else None}
    row = CheckIn(**{**ours, "id": None, "registration_id": registration.id})
    # The same door only: another day's (or a session's) check-in is no double check-in.
    existing = active_check_in(session, registration.id, door)
    conflict: str | None = None
    now = datetime.now(UTC)
    if ours["undone_at"] is None and existing is not None:
        conflict = "double-check-in"
        ours_first = (ours["checked_in_at"], ours["desk"]) < (
            existing.checked_in_at,
            existing.desk,
        )
        winner, loser = (ours, row_values(existing)) if ours_first else (row_values(existing), ours)
        reason = (
            f"Sync conflict: checked in earlier at desk {winner['desk']}"
            f" ({winner['checked_in_at'].isoformat()})"
        )
        target: Any = existing if ours_first else row
        target.undone_at, target.undone_by, target.undo_reason = now, SYNC_STAFF, reason
        session.flush()
        record_conflict(
            session,
            conflict,
            event=facts.slug,
            desk=desk,
            staff=ours["staff"],
            registration_id=registration.id,
            detail={
                "code": registration.code,
                "name": facts.name,
                "action_id": ours["action_id"],
                "desk": winner["desk"],
                "at": winner["checked_in_at"].isoformat(),
                "staff": winner["staff"],
                "other_desk": loser["desk"],
                "other_at": loser["checked_in_at"].isoformat(),
                "other_staff": loser["staff"],
                "kept_action_id": winner["action_id"],
                "undone_action_id": loser["action_id"],
            },
        )
    elif ours["undone_at"] is None and registration.status != RegistrationStatus.ACTIVE:
        conflict = "cancelled"
        record_conflict(
            session,
            conflict,
            event=facts.slug,
            desk=desk,
            staff=ours["staff"],
            registration_id=registration.id,
            detail={
                "code": registration.code,
                "name": facts.name,
                "action_id": ours["action_id"],
                "at": ours["checked_in_at"].isoformat(),
            },
        )
    elif ours["undone_at"] is None and door is not None and door.session is not None:
        conflict = _session_conflict(session, facts, desk, registration, door)
    session.add(row)
    session.flush()
    copy_audit(session, facts, facts.registration["id"], registration.id)
    return conflict


def _server_door(session: Session, facts: ActionFacts) -> Door | None:
    """The door of an offline check-in on the server: its day, and its session found by code
    (locked, as at the desk, so a replay and a desk never both take the last seat)."""
    assert facts.check_in is not None
    day = facts.check_in.get("day")
    if facts.session_code is None:
        return door_of(session, day, None)
    return resolve_door(session, get_event(session, facts.slug), facts.session_code, day)


def _session_conflict(
    session: Session, facts: ActionFacts, desk: str, registration: Registration, door: Door
) -> str | None:
    """At a session's door the server's rules judge the offline check-in again: a session
    that filled up meanwhile (another desk took the seats while this one was apart), or a
    seat the person no longer holds (add-on refunded). The check-in is kept either way --
    the person is in the room -- and the conflict tells the supervisor. A full session the
    offline desk's supervisor overrode is no conflict: the override travels in its audit."""
    assert facts.check_in is not None and door.session is not None
    ours = facts.check_in
    detail = {
        "code": registration.code,
        "name": facts.name,
        "action_id": ours["action_id"],
        "at": ours["checked_in_at"].isoformat(),
        "session": door.session.code,
    }
    granted = [  # what a supervisor let pass at the offline desk (its check-in's audit entry)
        blocked
        for row in facts.audit
        if row["action"] == "checkin.created"
        for blocked in ((row["detail"] or {}).get("override") or {}).get("blocked", [])
    ]
    kind: str | None = None
    capacity = door.session.capacity
    if not entitled(session, registration, door.session):
        kind = "not-entitled"
    elif capacity is not None and "session_full" not in granted:
        taken = seats_taken(session, door.session.id)
        if taken >= capacity:
            kind = "session-full"
            detail.update(capacity=capacity, taken=taken + 1)
    if kind is not None:
        record_conflict(
            session,
            kind,
            event=facts.slug,
            desk=desk,
            staff=ours["staff"],
            registration_id=registration.id,
            detail=detail,
        )
    return kind


def _apply_payment(session: Session, facts: ActionFacts, desk: str) -> str | None:
    assert facts.payment is not None
    registration = _registration(session, facts.registration["code"])
    payment = Payment(**{**facts.payment, "id": None, "registration_id": registration.id})
    session.add(payment)
    sold = sold_offline(facts)
    if sold is not None:  # add-ons (F4): paid for apart from the admission (replay_addons)
        session.flush()
        conflict = apply_addons(session, facts, desk, registration, sold, payment.received_at)
        conflict = _copy_receipt(session, facts, registration, payment, desk) or conflict
        copy_audit(session, facts, facts.registration["id"], registration.id)
        return conflict
    amount = payment.amount if counts_as_paid(payment.method) else ZERO
    owed = balance_owed(registration.amount_due, registration.amount_paid)
    registration.amount_paid = registration.amount_paid + amount
    if (
        registration.amount_paid >= registration.amount_due
        and registration.membership_flag == "balance-due"
    ):
        registration.membership_flag = None
    session.flush()
    conflict = None
    if amount > owed:
        conflict = "double-payment"
        record_conflict(
            session,
            conflict,
            event=facts.slug,
            desk=desk,
            staff=payment.staff,
            registration_id=registration.id,
            detail={
                "code": registration.code,
                "name": facts.name,
                "action_id": payment.action_id,
                "amount": str(amount),
                "overpaid": str(amount - owed),
            },
        )
    conflict = _copy_receipt(session, facts, registration, payment, desk) or conflict
    copy_audit(session, facts, facts.registration["id"], registration.id)
    return conflict


def _apply_walk_in(session: Session, facts: ActionFacts, desk: str) -> str | None:
    assert facts.payment is not None and facts.check_in is not None
    event = get_event(session, facts.slug)
    category_id = session.scalars(
        select(PriceCategory.id).where(
            PriceCategory.event_id == event.id, PriceCategory.code == facts.category_code
        )
    ).one()
    person = Person(**{**facts.person, "id": None})
    session.add(person)
    session.flush()
    registration = Registration(
        **{
            **facts.registration,
            "id": None,
            "event_id": event.id,
            "person_id": person.id,
            "category_id": category_id,
        }
    )
    session.add(registration)
    session.flush()
    payment = Payment(**{**facts.payment, "id": None, "registration_id": registration.id})
    check_in = CheckIn(**{**facts.check_in, "id": None, "registration_id": registration.id})
    session.add_all([payment, check_in])
    session.add_all(
        Consent(**{**answer, "person_id": person.id, "event_id": event.id})
        for answer in facts.consents
    )
    session.flush()
    conflict = None
    email = (person.email or "").strip().lower()
    if email:
        other = session.scalars(
            select(Registration)
            .join(Person, Person.id == Registration.person_id)
            .where(
                Registration.event_id == event.id,
                Registration.status == RegistrationStatus.ACTIVE,
                Registration.id != registration.id,
                func.lower(Person.email) == email,
            )
            .order_by(Registration.id)
        ).first()
        if other is not None:
            conflict = "duplicate-walk-in"
            record_conflict(
                session,
                conflict,
                event=facts.slug,
                desk=desk,
                staff=payment.staff,
                registration_id=registration.id,
                detail={
                    "code": registration.code,
                    "name": facts.name,
                    "email": person.email,
                    "action_id": payment.action_id,
                    "other_code": other.code,
                    "other_registration_id": other.id,
                    "amount": str(payment.amount),
                },
            )
    sold = sold_offline(facts)
    if sold is not None:  # add-ons ticked on the walk-in form
        at = payment.received_at
        conflict = apply_addons(session, facts, desk, registration, sold, at) or conflict
    conflict = _copy_receipt(session, facts, registration, payment, desk) or conflict
    copy_audit(session, facts, facts.registration["id"], registration.id)
    return conflict


def _apply_badge(session: Session, facts: ActionFacts) -> str | None:
    assert facts.badge is not None
    registration = _registration(session, facts.registration["code"])
    badge = {**facts.badge, "id": None, "registration_id": registration.id}
    session.add(BadgePrint(**badge))
    audit.record(
        session,
        "badges.printed",
        desk=badge["desk"],
        staff=badge["staff"],
        subject=f"registration:{registration.id}",
        detail={"codes": [registration.code], "offline": True, "stock": badge["stock"]},
        at=badge["printed_at"],
    )
    return None


def _already(session: Session, facts: ActionFacts) -> bool:
    if facts.movement is not None:
        return movement_replayed(session, facts.movement["action_id"])
    if facts.payment is not None:
        action = facts.payment["action_id"]
        return (
            session.scalars(select(Payment.id).where(Payment.action_id == action)).first()
            is not None
        )
    if facts.check_in is not None:
        action = facts.check_in["action_id"]
        return (
            session.scalars(select(CheckIn.id).where(CheckIn.action_id == action)).first()
            is not None
        )
    assert facts.badge is not None
    registration = session.scalars(
        select(Registration.id).where(Registration.code == facts.registration["code"])
    ).first()
    return (
        session.scalars(
            select(BadgePrint.id).where(
                BadgePrint.registration_id == registration,
                BadgePrint.printed_at == facts.badge["printed_at"],
                BadgePrint.desk == facts.badge["desk"],
            )
        ).first()
        is not None
    )


def apply_action(
    server: sessionmaker[Session], facts: ActionFacts, desk: str
) -> tuple[str, str | None]:
    """Apply ``facts`` in one server transaction: its outcome and conflict kind, if any."""
    with server.begin() as session:
        return apply_action_in(session, facts, desk)


def apply_action_in(session: Session, facts: ActionFacts, desk: str) -> tuple[str, str | None]:
    """Apply ``facts`` in the caller's server transaction: its outcome and conflict kind."""
    if _already(session, facts):
        return "already", None
    if facts.kind == "walk_in":
        conflict = _apply_walk_in(session, facts, desk)
    elif facts.kind == "payment":
        conflict = _apply_payment(session, facts, desk)
    elif facts.kind == "check_in":
        conflict = _apply_check_in(session, facts, desk)
    elif facts.kind == "movement":
        conflict = apply_movement(session, facts)
    else:
        conflict = _apply_badge(session, facts)
    return ("conflict" if conflict else "applied"), conflict
