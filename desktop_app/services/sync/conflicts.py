"""Sync conflicts: what two desks did to one person while they were apart, for review.

A conflict is an audit entry ``sync.conflict`` on the server, written in the transaction
that replayed the action, so it exists exactly when the replay did. Kinds:

- ``double-check-in`` -- one registration checked in at two desks while apart. The earliest
  check-in time wins (equal times: the lower desk name); the other row is kept, undone,
  with "sync" as who undid it and the reason.
- ``duplicate-walk-in`` -- a walk-in whose email was already registered at the event. Both
  registrations and payments are kept (no money is lost); the supervisor cancels one and
  refunds with a credit note.
- ``double-payment`` -- a balance collected offline that another desk had already
  collected: the payment and its printed receipt are kept; the excess is owed back.
- ``receipt-number`` -- an offline receipt whose number could not be recorded as printed.
- ``cancelled`` -- checked in offline while the registration was cancelled meanwhile.
- ``session-full`` -- let into a session offline while other desks filled it meanwhile: the
  check-in is kept (the person is in the room); the count shows how far over it went.
  A full session overridden by a supervisor offline is no conflict.
- ``not-entitled`` -- let into a session offline that the person no longer holds (refunded
  meanwhile): the check-in is kept.
- ``addon-full`` -- an add-on sold offline (F4 or the walk-in form) whose last seats other
  desks sold meanwhile: the seat is kept (the person paid); refunding it releases it.
  A full session a supervisor let pass offline is no conflict.
- ``addon-held`` -- an add-on sold offline that the person already held (sold at another
  desk too): nothing more is given; the second payment is owed back (credit note).
- ``replay-failed`` -- an action the server refused (e.g. its registration is gone).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import AuditEntry
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Message
from desktop_app.services.admin import audit
from desktop_app.services.admin.events import get_event

ACTION = "sync.conflict"
_TEXTS = {
    "double-check-in": QT_TRANSLATE_NOOP(
        "SyncConflict",
        "{name} was checked in at desk {desk} ({at}) and at desk {other_desk} ({other_at})"
        " while the desks were apart; the earlier check-in counts.",
    ),
    "duplicate-walk-in": QT_TRANSLATE_NOOP(
        "SyncConflict",
        "{name} ({email}) was registered twice: {code} and {other_code}. Both are kept with"
        " their payments; cancel one and refund it.",
    ),
    "double-payment": QT_TRANSLATE_NOOP(
        "SyncConflict",
        "{name} paid {amount} at desk {desk} while offline, but the balance was already"
        " settled: {overpaid} is owed back (credit note).",
    ),
    "receipt-number": QT_TRANSLATE_NOOP(
        "SyncConflict",
        "Receipt {number} printed offline at desk {desk} for {name} is not on the server"
        " under that number: {reason}",
    ),
    "cancelled": QT_TRANSLATE_NOOP(
        "SyncConflict",
        "{name} was checked in at desk {desk} ({at}) while offline, but the registration"
        " was cancelled.",
    ),
    "session-full": QT_TRANSLATE_NOOP(
        "SyncConflict",
        "{name} was let into {session} at desk {desk} ({at}) while offline, but other desks had"
        " filled it meanwhile: {taken} people for {capacity} seats. The check-in is kept.",
    ),
    "not-entitled": QT_TRANSLATE_NOOP(
        "SyncConflict",
        "{name} was let into {session} at desk {desk} ({at}) while offline, but no longer holds"
        " it on the server. The check-in is kept.",
    ),
    "addon-full": QT_TRANSLATE_NOOP(
        "SyncConflict",
        "{name} bought {session} at desk {desk} ({at}) while offline, but other desks had sold"
        " its last seats meanwhile: {taken} people for {capacity} seats. The seat is kept;"
        " refunding it (F4) releases it.",
    ),
    "addon-held": QT_TRANSLATE_NOOP(
        "SyncConflict",
        "{name} bought {session} at desk {desk} ({at}) while offline, but already held it"
        " (sold at another desk too): {amount} is owed back (credit note).",
    ),
    "replay-failed": QT_TRANSLATE_NOOP(
        "SyncConflict", "An action taken offline at desk {desk} was refused by the server: {reason}"
    ),
}


def _shown(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key in ("at", "other_at"):
        try:
            return datetime.fromisoformat(str(value)).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        except ValueError:
            return str(value)
    return str(value)


@dataclass(frozen=True)
class SyncConflict:
    """One conflict found while replaying a desk's journal, for the supervisor to review."""

    id: int
    at: datetime
    kind: str
    event: str
    registration_id: int | None
    code: str | None
    name: str | None
    desk: str | None
    action_id: str | None
    detail: dict[str, Any]

    @property
    def message(self) -> Message:
        """A translatable one-line account (context "SyncConflict")."""
        params = {key: _shown(key, value) for key, value in self.detail.items()}
        params.setdefault("name", self.name or "")
        params.setdefault("desk", self.desk or "")
        params.setdefault("reason", "")
        return Message(_TEXTS.get(self.kind, _TEXTS["replay-failed"]), **params)


def record_conflict(
    session: Session,
    kind: str,
    *,
    event: str,
    desk: str,
    staff: str | None,
    registration_id: int | None,
    detail: dict[str, Any],
) -> None:
    """Write a ``sync.conflict`` audit entry in the caller's unit of work."""
    audit.record(
        session,
        ACTION,
        desk=desk,
        staff=staff,
        subject=f"registration:{registration_id}" if registration_id is not None else None,
        detail={"kind": kind, "event": event, **detail},
    )


def _conflict(row: AuditEntry) -> SyncConflict:
    detail = dict(row.detail or {})
    registration_id = None
    if row.subject and row.subject.startswith("registration:"):
        registration_id = int(row.subject.split(":", 1)[1])
    return SyncConflict(
        id=row.id,
        at=row.at,
        kind=str(detail.get("kind", "")),
        event=str(detail.get("event", "")),
        registration_id=registration_id,
        code=detail.get("code"),
        name=detail.get("name"),
        desk=row.desk,
        action_id=detail.get("action_id"),
        detail=detail,
    )


def list_conflicts(sessions: sessionmaker[Session], slug: str) -> list[SyncConflict]:
    """The sync conflicts recorded for event ``slug``, oldest first (NotFound: no event)."""
    with sessions() as session:
        get_event(session, slug)
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.action == ACTION).order_by(AuditEntry.id)
        ).all()
        return [c for c in map(_conflict, rows) if c.event == slug]
