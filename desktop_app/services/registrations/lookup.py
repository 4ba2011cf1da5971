"""What the database already knows when registrations are imported for an event.

Its registrations by code, the money taken at the desk, the people the desk edited, codes
used by other events, and the product → category mapping remembered from earlier imports
(a ``Setting`` named ``registration-import-categories:<slug>``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop_app.db.models import AuditEntry, CheckIn, Event, Payment, Registration, Setting

SETTING_PREFIX = "registration-import-categories:"
DESK_EDITS = ("person.edited", "registration.substituted")
_CHUNK = 500


def remembered_category_map(session: Session, slug: str) -> dict[str, str]:
    """The product → category mapping remembered for event ``slug`` (empty if none)."""
    setting = session.get(Setting, SETTING_PREFIX + slug)
    products = (setting.value or {}).get("products", {}) if setting else {}
    return {str(k): str(v) for k, v in products.items()}


def remember_category_map(
    session: Session, slug: str, mapping: Mapping[str, str], moment: datetime
) -> bool:
    """Merge ``mapping`` into the product → category mapping remembered for ``slug``; whether
    that changed it (the same mapping again leaves the setting and its time alone)."""
    key = SETTING_PREFIX + slug
    setting = session.get(Setting, key)
    if setting is None:
        session.add(Setting(key=key, value={"products": dict(mapping)}, updated_at=moment))
        return True
    merged = {"products": {**remembered_category_map(session, slug), **mapping}}
    if setting.value == merged:
        return False
    setting.value = merged
    setting.updated_at = moment
    return True


def _chunks(values: list[Any]) -> list[list[Any]]:
    return [values[i : i + _CHUNK] for i in range(0, len(values), _CHUNK)]


def existing_registrations(session: Session, event: Event) -> dict[str, Registration]:
    """The event's registrations by code, with person and category loaded."""
    registrations = session.scalars(
        select(Registration)
        .where(Registration.event_id == event.id)
        .options(selectinload(Registration.person), selectinload(Registration.category))
    ).all()
    return {r.code: r for r in registrations}


def desk_payments(session: Session, event: Event) -> dict[int, Decimal]:
    """Money taken at the desk (``Payment`` rows) per registration id of the event."""
    rows = session.execute(
        select(Payment.registration_id, func.sum(Payment.amount))
        .join(Registration, Registration.id == Payment.registration_id)
        .where(Registration.event_id == event.id)
        .group_by(Payment.registration_id)
    )
    return {rid: Decimal(total or 0) for rid, total in rows}


def desk_edited(session: Session, existing: Mapping[str, Registration]) -> set[int]:
    """Ids among ``existing`` whose person was edited or substituted at the desk."""
    subjects = {f"registration:{r.id}": r.id for r in existing.values()}
    if not subjects:
        return set()
    found = session.scalars(
        select(AuditEntry.subject).where(AuditEntry.action.in_(DESK_EDITS)).distinct()
    )
    return {subjects[s] for s in found if s in subjects}


def codes_elsewhere(session: Session, event: Event, codes: set[str]) -> dict[str, str]:
    """Which of ``codes`` belong to registrations of other events: code → event slug."""
    found: dict[str, str] = {}
    for chunk in _chunks(sorted(codes)):
        rows = session.execute(
            select(Registration.code, Event.slug)
            .join(Event, Event.id == Registration.event_id)
            .where(Registration.code.in_(chunk), Registration.event_id != event.id)
        )
        found.update({code: slug for code, slug in rows})
    return found


def checked_in_registrations(session: Session, event: Event) -> set[int]:
    """Ids of the event's registrations checked in now (a check-in not undone)."""
    return set(
        session.scalars(
            select(CheckIn.registration_id)
            .join(Registration, Registration.id == CheckIn.registration_id)
            .where(Registration.event_id == event.id, CheckIn.undone_at.is_(None))
        )
    )
