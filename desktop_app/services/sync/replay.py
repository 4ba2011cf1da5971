"""Replaying a desk's offline journal on the shared server: in order, idempotently.

Each pending entry is applied in its own server transaction from the rows the action wrote
in the replica, *as they happened*: the check-in time, the payment and the receipt exactly
as printed (its offline number included). An action already on the server (same
``action_id``) is skipped as "already"; the entry is then marked sent in the replica. A crash
between the two leaves the entry pending, and the next replay finds it "already" -- so
replaying twice changes nothing.

Conflicts (see ``conflicts``) are settled by the documented rule in the replaying
transaction and recorded as ``sync.conflict`` audit entries; nothing is dropped: a check-in
that lost is kept undone, a duplicate walk-in and a double payment are kept with their money.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import (
    AuditEntry,
    BadgePrint,
    CheckIn,
    JournalEntry,
    Payment,
    Person,
    PriceCategory,
    Receipt,
    ReceiptSeries,
    Registration,
)
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, AppError, NotFound
from desktop_app.domain.money import ZERO
from desktop_app.services import audit
from desktop_app.services.checkin import active_check_in
from desktop_app.services.events import get_event
from desktop_app.services.receipt_store import format_number, lock_registration
from desktop_app.services.sync.conflicts import record_conflict
from desktop_app.services.sync.replica import audit_of_action, receipt_of_payment

SYNC_STAFF = "sync"


@dataclass(frozen=True)
class ReplayItem:
    """What replaying one journal entry did."""

    action_id: str
    kind: str  # "check_in" | "payment" | "walk_in" | "badge_print"
    outcome: str  # "applied" | "already" | "conflict" | "failed"
    conflict: str | None = None  # the conflict's kind
    error: str | None = None


@dataclass(frozen=True)
class ReplayReport:
    """A replay of the journal: counts, each entry's outcome, and whether it was cut short."""

    items: tuple[ReplayItem, ...] = ()
    interrupted: bool = False  # the server became unreachable: the rest stays pending
    error: str | None = None
    seconds: float = 0.0
    pending: int = 0  # entries still waiting after this replay

    def count(self, outcome: str) -> int:
        """How many entries ended with ``outcome``."""
        return sum(1 for item in self.items if item.outcome == outcome)

    @property
    def applied(self) -> int:
        """Entries written to the server by this replay (conflicts included)."""
        return self.count("applied") + self.count("conflict")


def _values(obj: Any, *skip: str) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns if c.key not in skip}


@dataclass
class _Facts:
    """The rows one action wrote in the replica, detached as plain values."""

    kind: str
    slug: str = ""
    registration: dict[str, Any] = field(default_factory=dict)
    person: dict[str, Any] = field(default_factory=dict)
    category_code: str = ""
    check_in: dict[str, Any] | None = None
    payment: dict[str, Any] | None = None
    receipt: dict[str, Any] | None = None
    series: str | None = None
    badge: dict[str, Any] | None = None
    audit: list[dict[str, Any]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.person.get('first_name', '')} {self.person.get('last_name', '')}".strip()


def _gather(local: Session, entry: JournalEntry) -> _Facts:
    action = entry.action_id
    check_in = local.scalars(select(CheckIn).where(CheckIn.action_id == action)).first()
    payment = local.scalars(select(Payment).where(Payment.action_id == action)).first()
    badge = None
    if entry.kind == "badge_print" and entry.outcome:
        badge = local.get(BadgePrint, int(entry.outcome["badge_print_id"]))
    anchor = check_in or payment or badge
    if anchor is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "The desk's copy has no rows for action {action}."),
            action=action,
        )
    registration = local.get(Registration, anchor.registration_id)
    assert registration is not None
    if badge is not None:
        kind = "badge_print"
    elif check_in is not None and payment is not None:
        kind = "walk_in"
    else:
        kind = "payment" if payment is not None else "check_in"
    facts = _Facts(
        kind=kind,
        slug=registration.event.slug,
        registration=_values(registration),
        person=_values(registration.person),
        category_code=registration.category.code,
        check_in=_values(check_in) if check_in is not None else None,
        payment=_values(payment) if payment is not None else None,
        badge=_values(badge) if badge is not None else None,
    )
    if payment is not None:
        receipt = receipt_of_payment(local, payment.id)
        if receipt is not None:
            facts.receipt = _values(receipt)
            facts.series = receipt.series.code
    facts.audit = [_values(row, "id") for row in audit_of_action(local, action)]
    return facts


# -- applying on the server ------------------------------------------------------------------


def _insert(session: Session) -> Any:
    dialect = session.get_bind().dialect.name
    return postgresql_insert if dialect == "postgresql" else sqlite_insert


def _registration(session: Session, code: str) -> Registration:
    found = session.scalars(select(Registration).where(Registration.code == code)).first()
    if found is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "The server has no registration {code}."), code=code
        )
    return lock_registration(session, found.id)


def _copy_audit(session: Session, facts: _Facts, local_id: int, server_id: int) -> None:
    for row in facts.audit:
        subject = row["subject"]
        if subject == f"registration:{local_id}":
            subject = f"registration:{server_id}"
        detail = {**(row["detail"] or {}), "offline": True}
        session.add(AuditEntry(**{**row, "subject": subject, "detail": detail}))


def _copy_receipt(
    session: Session, facts: _Facts, registration: Registration, payment: Payment, desk: str
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


def _apply_check_in(session: Session, facts: _Facts, desk: str) -> str | None:
    assert facts.check_in is not None
    ours = facts.check_in
    registration = _registration(session, facts.registration["code"])
    row = CheckIn(**{**ours, "id": None, "registration_id": registration.id})
    existing = active_check_in(session, registration.id)
    conflict: str | None = None
    now = datetime.now(UTC)
    if ours["undone_at"] is None and existing is not None:
        conflict = "double-check-in"
        ours_first = (ours["checked_in_at"], ours["desk"]) < (
            existing.checked_in_at,
            existing.desk,
        )
        winner, loser = (ours, _values(existing)) if ours_first else (_values(existing), ours)
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
    elif ours["undone_at"] is None and registration.status != "active":
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
    session.add(row)
    session.flush()
    _copy_audit(session, facts, facts.registration["id"], registration.id)
    return conflict


def _apply_payment(session: Session, facts: _Facts, desk: str) -> str | None:
    assert facts.payment is not None
    registration = _registration(session, facts.registration["code"])
    balance = registration.amount_due - registration.amount_paid
    payment = Payment(**{**facts.payment, "id": None, "registration_id": registration.id})
    session.add(payment)
    amount = payment.amount if payment.method in ("cash", "card") else ZERO
    owed = max(balance, ZERO)
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
    _copy_audit(session, facts, facts.registration["id"], registration.id)
    return conflict


def _apply_walk_in(session: Session, facts: _Facts, desk: str) -> str | None:
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
    session.flush()
    conflict = None
    email = (person.email or "").strip().lower()
    if email:
        other = session.scalars(
            select(Registration)
            .join(Person, Person.id == Registration.person_id)
            .where(
                Registration.event_id == event.id,
                Registration.status == "active",
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
    conflict = _copy_receipt(session, facts, registration, payment, desk) or conflict
    _copy_audit(session, facts, facts.registration["id"], registration.id)
    return conflict


def _apply_badge(session: Session, facts: _Facts) -> str | None:
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


def _already(session: Session, facts: _Facts) -> bool:
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


def _apply(server: sessionmaker[Session], facts: _Facts, desk: str) -> tuple[str, str | None]:
    with server.begin() as session:
        if _already(session, facts):
            return "already", None
        if facts.kind == "walk_in":
            conflict = _apply_walk_in(session, facts, desk)
        elif facts.kind == "payment":
            conflict = _apply_payment(session, facts, desk)
        elif facts.kind == "check_in":
            conflict = _apply_check_in(session, facts, desk)
        else:
            conflict = _apply_badge(session, facts)
    return ("conflict" if conflict else "applied"), conflict


def _record_failure(
    server: sessionmaker[Session], facts: _Facts | None, entry: JournalEntry, reason: str
) -> None:
    with server.begin() as session:
        registration_id = None
        if facts is not None:
            registration_id = session.scalars(
                select(Registration.id).where(Registration.code == facts.registration.get("code"))
            ).first()
        record_conflict(
            session,
            "replay-failed",
            event=facts.slug if facts else "",
            desk=entry.desk,
            staff=None,
            registration_id=registration_id,
            detail={
                "action_id": entry.action_id,
                "code": facts.registration.get("code") if facts else None,
                "name": facts.name if facts else None,
                "reason": reason,
            },
        )


def _mark(local: sessionmaker[Session], entry_id: int, item: ReplayItem) -> None:
    with local.begin() as session:
        session.execute(
            update(JournalEntry)
            .where(JournalEntry.id == entry_id)
            .values(
                status="failed" if item.outcome == "failed" else "sent",
                sent_at=datetime.now(UTC),
                kind=item.kind,
                outcome={"outcome": item.outcome, "conflict": item.conflict, "error": item.error},
            )
        )


def _is_disconnect(error: DBAPIError) -> bool:
    if error.connection_invalidated:
        return True
    return type(error).__name__ in ("OperationalError", "InterfaceError")


def replay_journal(
    local: sessionmaker[Session], server: sessionmaker[Session], *, limit: int | None = None
) -> ReplayReport:
    """Send the replica's pending journal entries to the server, oldest first.

    Stops (``interrupted``) when the server cannot be reached; what was sent stays sent.
    An entry the server refuses is marked failed and recorded as a ``replay-failed``
    conflict: listed for review, never retried silently, never dropped.
    """
    started = time.perf_counter()
    items: list[ReplayItem] = []
    interrupted, error_text = False, None
    with local() as session:
        entries = session.scalars(
            select(JournalEntry).where(JournalEntry.status == "pending").order_by(JournalEntry.id)
        ).all()
        session.expunge_all()
    for entry in entries[:limit] if limit else entries:
        facts: _Facts | None = None
        try:
            with local() as session:
                facts = _gather(session, entry)
            try:
                outcome, conflict = _apply(server, facts, entry.desk)
            except IntegrityError:
                # The same action committed meanwhile (another replay): now it is "already".
                outcome, conflict = _apply(server, facts, entry.desk)
            item = ReplayItem(entry.action_id, facts.kind, outcome, conflict)
        except AppError as refused:
            reason = str(refused.message)
            try:
                _record_failure(server, facts, entry, reason)
            except DBAPIError:
                interrupted, error_text = True, reason
                break
            kind = facts.kind if facts else entry.kind
            item = ReplayItem(entry.action_id, kind, "failed", "replay-failed", reason)
        except DBAPIError as failure:
            interrupted = _is_disconnect(failure)
            error_text = str(failure.orig or failure)
            break
        _mark(local, entry.id, item)
        items.append(item)
    with local() as session:
        pending = session.scalars(
            select(JournalEntry.id).where(JournalEntry.status == "pending")
        ).all()
    return ReplayReport(
        items=tuple(items),
        interrupted=interrupted,
        error=error_text,
        seconds=time.perf_counter() - started,
        pending=len(pending),
    )
