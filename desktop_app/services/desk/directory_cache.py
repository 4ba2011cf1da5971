"""The member directory kept for a minute for the walk-in form, which asks at every keystroke.

Loading it takes ~80 ms for the demo's lists; a copy is reused while the member lists, staff
decisions, domains and aliases are unchanged (checked on every call), so a new list or
decision is seen at once.
"""

from __future__ import annotations

import time
import weakref
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from desktop_app.db.models import (
    Membership,
    MembershipDecision,
    OrganizationAlias,
    OrganizationDomain,
)
from desktop_app.domain.member_directory import MemberDirectory
from desktop_app.services.membership.directory import load_directory

_DIRECTORY_TTL = 60.0
# Per engine (weakly held: a disposed database's entry goes with it), per event day.
_directories: weakref.WeakKeyDictionary[
    Engine, dict[date, tuple[tuple[object, ...], float, MemberDirectory]]
] = weakref.WeakKeyDictionary()


def _fingerprint(session: Session) -> tuple[object, ...]:
    memberships = session.execute(
        select(
            func.count(Membership.id),
            func.max(Membership.id),
            func.max(Membership.imported_at),
            func.count(Membership.ended_at),
        )
    ).one()
    others = session.execute(
        select(
            select(func.count(MembershipDecision.id)).scalar_subquery(),
            select(func.max(MembershipDecision.id)).scalar_subquery(),
            select(func.count(OrganizationDomain.id)).scalar_subquery(),
            select(func.max(OrganizationDomain.id)).scalar_subquery(),
            select(func.count(OrganizationAlias.id)).scalar_subquery(),
            select(func.max(OrganizationAlias.id)).scalar_subquery(),
        )
    ).one()
    return (*memberships, *others)


def recent_directory(session: Session, day: date) -> MemberDirectory:
    """The member directory, reused for up to a minute while the member lists and staff
    decisions are unchanged: loading it takes ~80 ms (2,000 registrations' demo lists) and
    the form asks at every keystroke. "Unchanged" is checked on every call by counts, highest
    ids and the latest import time of memberships and decisions (a member-list import stamps
    every row it changes), so a new list or decision is seen at once."""
    per_day = _directories.setdefault(session.get_bind().engine, {})
    fingerprint = _fingerprint(session)
    cached = per_day.get(day)
    now = time.monotonic()
    if cached is not None and cached[0] == fingerprint and now - cached[1] < _DIRECTORY_TTL:
        return cached[2]
    directory = load_directory(session, day)
    per_day[day] = (fingerprint, now, directory)
    return directory


__all__ = ["recent_directory"]
