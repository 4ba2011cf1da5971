"""What one journal entry did on the desk: the rows its action wrote in the replica (registration,
person, check-in, payment, receipt, badge print, audit entries), read back as plain values so the
replay can write them on the server exactly as they happened.

:func:`gather_batch` reads a whole batch of entries in one statement per table (the replay's
usual path); :func:`gather_facts` reads one entry through the ORM (an entry replayed alone,
after its batch was refused). Both give the same facts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Table, select
from sqlalchemy.orm import Session

from desktop_app.db.models import (
    AuditEntry,
    BadgePrint,
    Base,
    CheckIn,
    Consent,
    EventSession,
    JournalEntry,
    Payment,
    Registration,
    SessionMovement,
)
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from desktop_app.services.sync.replica import audit_of_action, receipt_of_payment


def row_values(obj: Any, *skip: str) -> dict[str, Any]:
    """An ORM row's column values by key, without the ``skip`` columns."""
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns if c.key not in skip}


@dataclass
class ActionFacts:
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
    consents: list[dict[str, Any]] = field(default_factory=list)  # a walk-in's answers
    # The session's code for a check-in at a session's door: the server finds its session by
    # code (the replica's ids are the server's, but the code is what the desk was set to).
    session_code: str | None = None
    # An exit or re-entry (kind "movement"): its row; ``check_in`` is then the check-in it
    # moves, found on the server by that check-in's action id.
    movement: dict[str, Any] | None = None

    @property
    def name(self) -> str:
        """The person's first and last name."""
        return f"{self.person.get('first_name', '')} {self.person.get('last_name', '')}".strip()


def gather_facts(
    local: Session, entry: JournalEntry, audit: list[AuditEntry] | None = None
) -> ActionFacts:
    """The replica's rows for ``entry``'s action; ``NotFound`` when it wrote none. ``audit``:
    its audit entries when the caller read them already (a batch's, in one pass)."""
    action = entry.action_id
    check_in = local.scalars(select(CheckIn).where(CheckIn.action_id == action)).first()
    payment = local.scalars(select(Payment).where(Payment.action_id == action)).first()
    movement = None
    if entry.kind == "movement":
        movement = local.scalars(
            select(SessionMovement).where(SessionMovement.action_id == action)
        ).first()
        check_in = local.get(CheckIn, movement.check_in_id) if movement is not None else None
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
    facts = ActionFacts(
        kind=kind,
        slug=registration.event.slug,
        registration=row_values(registration),
        person=row_values(registration.person),
        category_code=registration.category.code,
        check_in=row_values(check_in) if check_in is not None else None,
        payment=row_values(payment) if payment is not None else None,
        badge=row_values(badge) if badge is not None else None,
    )
    if movement is not None:
        facts.kind, facts.movement = "movement", row_values(movement)
    if check_in is not None and check_in.session_id is not None:
        door = local.get(EventSession, check_in.session_id)
        facts.session_code = door.code if door is not None else None
    if payment is not None:
        receipt = receipt_of_payment(local, payment.id)
        if receipt is not None:
            facts.receipt = row_values(receipt)
            facts.series = receipt.series.code
    if audit is None:
        audit = audit_of_action(local, action)
    facts.audit = [row_values(row, "id") for row in audit]
    if kind == "walk_in":  # the person was made by this action: their answers came with it
        facts.consents = [
            row_values(row, "id", "person_id", "event_id")
            for row in local.scalars(
                select(Consent).where(Consent.person_id == registration.person_id)
            )
        ]
    return facts


def _rows_where(local: Session, table: Table, key: Column[Any], values: Iterable[Any]) -> list[Any]:
    """``table``'s rows whose ``key`` is one of ``values``, oldest id first (500 at a time)."""
    wanted = sorted(set(values), key=str)
    found: list[Any] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.extend(local.execute(select(table).where(key.in_(chunk)).order_by(table.c.id)))
    return found


def _by(rows: list[Any], key: str) -> dict[Any, dict[str, Any]]:
    """Rows as plain values, by ``key`` (the first row of each key, as ``.first()`` gives)."""
    found: dict[Any, dict[str, Any]] = {}
    for row in rows:
        found.setdefault(getattr(row, key), dict(row._mapping))
    return found


def _codes_by_id(local: Session, name: str, ids: Iterable[int | None]) -> dict[int, str]:
    """The ``code`` of the rows of table ``name`` with these ids (``None`` ignored)."""
    table = Base.metadata.tables[name]
    wanted = [i for i in ids if i is not None]
    return {row.id: row.code for row in _rows_where(local, table, table.c.id, wanted)}


def gather_batch(
    local: Session, entries: list[JournalEntry], audit: dict[str, list[AuditEntry]]
) -> list[ActionFacts | None]:
    """:func:`gather_facts` for a batch of entries, in one statement per table instead of
    about ten per entry; ``None`` for an entry whose action wrote no row (it is then
    replayed alone, and refused as :func:`gather_facts` refuses it)."""
    checks, pays, badges, regs, people, events, categories, receipts, series, consents = (
        Base.metadata.tables[name]
        for name in (
            "check_ins",
            "payments",
            "badge_prints",
            "registrations",
            "people",
            "events",
            "price_categories",
            "receipts",
            "receipt_series",
            "consents",
        )
    )
    actions = [entry.action_id for entry in entries]
    check_ins = _by(_rows_where(local, checks, checks.c.action_id, actions), "action_id")
    payments = _by(_rows_where(local, pays, pays.c.action_id, actions), "action_id")
    badge_ids = {
        int(entry.outcome["badge_print_id"])
        for entry in entries
        if entry.kind == "badge_print" and entry.outcome
    }
    badge_rows = _by(_rows_where(local, badges, badges.c.id, badge_ids), "id")
    anchors: list[dict[str, Any] | None] = []
    for entry in entries:
        badge = None
        if entry.kind == "badge_print" and entry.outcome:
            badge = badge_rows.get(int(entry.outcome["badge_print_id"]))
        anchors.append(check_ins.get(entry.action_id) or payments.get(entry.action_id) or badge)
    registration_ids = {a["registration_id"] for a in anchors if a is not None}
    registrations = _by(_rows_where(local, regs, regs.c.id, registration_ids), "id")
    persons = _by(
        _rows_where(local, people, people.c.id, (r["person_id"] for r in registrations.values())),
        "id",
    )
    slugs = {
        row.id: row.slug
        for row in _rows_where(
            local, events, events.c.id, (r["event_id"] for r in registrations.values())
        )
    }
    codes = {
        row.id: row.code
        for row in _rows_where(
            local,
            categories,
            categories.c.id,
            (r["category_id"] for r in registrations.values()),
        )
    }
    receipt_rows = _by(
        _rows_where(local, receipts, receipts.c.payment_id, (p["id"] for p in payments.values())),
        "payment_id",
    )
    series_codes = {
        row.id: row.code
        for row in _rows_where(
            local, series, series.c.id, (r["series_id"] for r in receipt_rows.values())
        )
    }
    walk_in_people = {
        registrations[c["registration_id"]]["person_id"]
        for action, c in check_ins.items()
        if action in payments and c["registration_id"] in registrations
    }
    answers: dict[int, list[dict[str, Any]]] = {}
    for row in _rows_where(local, consents, consents.c.person_id, walk_in_people):
        answers.setdefault(row.person_id, []).append(
            {k: v for k, v in row._mapping.items() if k not in ("id", "person_id", "event_id")}
        )
    doors = _codes_by_id(local, "event_sessions", (c["session_id"] for c in check_ins.values()))
    facts: list[ActionFacts | None] = []
    for entry, anchor in zip(entries, anchors, strict=True):
        if entry.kind == "movement":  # rare (a door with exits, offline): read alone
            facts.append(gather_facts(local, entry, audit[entry.action_id]))
            continue
        if anchor is None:
            facts.append(None)
            continue
        check_in = check_ins.get(entry.action_id)
        payment = payments.get(entry.action_id)
        badge = anchor if check_in is None and payment is None else None
        registration = registrations[anchor["registration_id"]]
        if badge is not None:
            kind = "badge_print"
        elif check_in is not None and payment is not None:
            kind = "walk_in"
        else:
            kind = "payment" if payment is not None else "check_in"
        one = ActionFacts(
            kind=kind,
            slug=slugs[registration["event_id"]],
            registration=registration,
            person=persons[registration["person_id"]],
            category_code=codes[registration["category_id"]],
            check_in=check_in,
            payment=payment,
            badge=badge,
            audit=[row_values(row, "id") for row in audit[entry.action_id]],
        )
        if check_in is not None and check_in["session_id"] is not None:
            one.session_code = doors.get(check_in["session_id"])
        if payment is not None and payment["id"] in receipt_rows:
            one.receipt = receipt_rows[payment["id"]]
            one.series = series_codes[one.receipt["series_id"]]
        if kind == "walk_in":
            one.consents = answers.get(registration["person_id"], [])
        facts.append(one)
    return facts


def copy_audit(session: Session, facts: ActionFacts, local_id: int, server_id: int) -> None:
    """Add the action's audit entries, marked offline, naming the server's registration."""
    for row in facts.audit:
        subject = row["subject"]
        if subject == f"registration:{local_id}":
            subject = f"registration:{server_id}"
        detail = {**(row["detail"] or {}), "offline": True}
        session.add(AuditEntry(**{**row, "subject": subject, "detail": detail}))
