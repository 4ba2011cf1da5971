"""What a badge says a person may attend: the sessions they hold and the event's days.

Read once per batch (the event's days and sessions, and who holds which session, in three
queries), then asked per registration, so a batch of thousands costs no query per badge.
A session open to every registrant gets no chip (everyone has it: it would tell the door
nothing); a session held (an add-on bought or imported) or included in the person's price
category does. Days are printed for an event of two days or more: there is no day ticket,
so every registration may come on every day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.models import EventSession, Registration, RegistrationSession
from desktop_app.documents.badge import BadgeChip
from desktop_app.documents.badge_chips import day_chip
from desktop_app.services.desk.doors import event_days


@dataclass(frozen=True)
class _Held:
    session_id: int
    code: str
    name_fr: str
    name_en: str
    requires: str | None


@dataclass(frozen=True)
class Entitlements:
    """The chips of the registrations of one event (see the module's docstring)."""

    days: tuple[tuple[BadgeChip, BadgeChip], ...]  # (French, English) per day
    sessions: tuple[_Held, ...]  # the sessions that are not open to all, in the file's order
    holdings: dict[int, frozenset[int]]  # registration id: the session ids it holds

    @property
    def chip_row(self) -> bool:
        """Whether this event's badges keep room for chips (it has some to show)."""
        return bool(self.days or self.sessions)

    def chips(self, registration: Registration, language: str) -> tuple[BadgeChip, ...]:
        """The sessions ``registration`` holds, then the days, in ``language``."""
        held = self.holdings.get(registration.id, frozenset())
        category = registration.category.code
        chips = [
            BadgeChip(
                "session",
                s.name_fr if language == "fr" else s.name_en,
                s.code.upper(),
            )
            for s in self.sessions
            if s.session_id in held or (s.requires is not None and s.requires == category)
        ]
        chips += [fr if language == "fr" else en for fr, en in self.days]
        return tuple(chips)


def entitlements(session: Session, event_id: int, registration_ids: Sequence[int]) -> Entitlements:
    """The event's chips for the registrations of ``registration_ids`` (see the module)."""
    days = event_days(session, event_id)
    chips = tuple((day_chip(d, "fr"), day_chip(d, "en")) for d in days) if len(days) > 1 else ()
    sessions = tuple(
        _Held(s.id, s.code, s.name_fr, s.name_en, s.requires)
        for s in session.scalars(
            select(EventSession)
            .where(EventSession.event_id == event_id)
            .order_by(EventSession.position)
        )
        if s.requires is not None or s.price is not None
    )
    holdings: dict[int, set[int]] = defaultdict(set)
    if sessions and registration_ids:
        # The event's holdings in one read, filtered here: an IN of thousands of ids costs
        # more than the few rows of sessions nobody holds.
        for registration_id, session_id in session.execute(
            select(RegistrationSession.registration_id, RegistrationSession.session_id).where(
                RegistrationSession.session_id.in_([s.session_id for s in sessions])
            )
        ):
            holdings[registration_id].add(session_id)
    wanted = set(registration_ids)
    return Entitlements(
        chips,
        sessions,
        {r: frozenset(ids) for r, ids in holdings.items() if r in wanted},
    )
