"""Replaying add-ons sold offline (F4, or ticked on the walk-in form): the seats the desk
sold from its copy are given on the server, judged again by the server's rules.

An add-on sale offline is journaled by its payment (or its walk-in); the sessions it sold are
in its ``addons.sold`` audit entry (codes, and those a supervisor let pass while full). On the
server each is given to the registration -- the person paid and holds a receipt -- and two
things may have changed while the desk was apart, each kept and told to the supervisor as a
conflict (``conflicts``):

- ``addon-full`` -- other desks sold the last seats meanwhile: the seat is kept, the count
  shows how far over it went (refunding it at F4 releases it);
- ``addon-held`` -- the person already held it (another desk sold it too): nothing more is
  given, and the second payment is owed back (credit note).

A seat a supervisor let pass while full at the offline desk is no conflict: the override
travels in the audit entry, as for a check-in at a full session's door.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.models import EventSession, Registration, RegistrationSession
from desktop_app.domain.money import ZERO
from desktop_app.services.desk.addons import addon_breakdown, holders
from desktop_app.services.sync.conflicts import record_conflict
from desktop_app.services.sync.replay_facts import ActionFacts

SOLD = "addons.sold"


def sold_offline(facts: ActionFacts) -> dict[str, Any] | None:
    """The ``addons.sold`` audit detail of the action, when it sold add-ons."""
    for row in facts.audit:
        if row["action"] == SOLD:
            return dict(row["detail"] or {})
    return None


def apply_addons(
    session: Session,
    facts: ActionFacts,
    desk: str,
    registration: Registration,
    sold: dict[str, Any],
    at: datetime,
) -> str | None:
    """Give ``registration`` the sessions ``sold`` names, on the server, in the replay's
    transaction; the first conflict kind, if any (every one is recorded)."""
    codes = [str(code) for code in sold.get("sessions", ())]
    approved = {str(code) for code in sold.get("over_capacity") or ()}
    query = (
        select(EventSession)
        .where(EventSession.event_id == registration.event_id, EventSession.code.in_(codes))
        .order_by(EventSession.id)  # locked in id order, as the desks lock them
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()  # SQLite: the replay's transaction holds the writer
    found = {row.code: row for row in session.scalars(query)}
    first: str | None = None
    for code in codes:
        event_session = found.get(code)
        if event_session is None:
            continue  # removed from the event since: nothing to give (the money is kept)
        conflict = _give(session, facts, desk, registration, event_session, code in approved, at)
        first = first or conflict
    return first


def _give(
    session: Session,
    facts: ActionFacts,
    desk: str,
    registration: Registration,
    event_session: EventSession,
    approved: bool,
    at: datetime,
) -> str | None:
    detail: dict[str, Any] = {
        "code": registration.code,
        "name": facts.name,
        "action_id": (facts.payment or {}).get("action_id"),
        "at": at.isoformat(),
        "session": event_session.code,
    }
    held = session.get(RegistrationSession, (registration.id, event_session.id))
    kind: str | None = None
    if held is not None:
        kind = "addon-held"
        price = addon_breakdown(registration.event.province, event_session.price or ZERO)
        detail["amount"] = str(price.total)  # with its taxes, as it was paid
    else:
        capacity = event_session.capacity
        taken = holders(session, registration.event_id, event_session) if capacity else 0
        session.add(
            RegistrationSession(
                registration_id=registration.id,
                session_id=event_session.id,
                source="desk",
                added_at=at,
            )
        )
        session.flush()
        if capacity is not None and not approved and taken >= capacity:
            kind = "addon-full"
            detail.update(capacity=capacity, taken=taken + 1)
    if kind is not None:
        record_conflict(
            session,
            kind,
            event=facts.slug,
            desk=desk,
            staff=str((facts.payment or {}).get("staff", "")),
            registration_id=registration.id,
            detail=detail,
        )
    return kind
