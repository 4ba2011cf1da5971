"""Demo data: the two associations' members, two partnered events and their registrations.

Deterministic: the same seed gives the same rows (codes included). Fast enough to make
100,000 registrations for benchmarks: rows go in through bulk Core inserts, and each
registration's membership verdict and flag come from one member directory loaded once.

The desk sees every outcome: members and guests, unpaid and part-paid registrations,
cancelled ones, members who paid the non-member rate (credit due), people who claimed the
member rate without a membership or whose membership lapsed (balance due), and people whose
company is spelled close to a member's at a free-mail address (doubt).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Membership, Registration
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict
from desktop_app.services.admin import audit
from desktop_app.services.demo.steps import (
    BIOQUEBEC_MEMBER_ORGANIZATIONS,
    DEMO_CLOCK,
    EXAMPLE_EVENTS,
    _Builder,
    _DemoFill,
    ascii_slug,
    misspelled,
)


@dataclass(frozen=True)
class DemoResult:
    """What the demo filled in."""

    events: tuple[str, ...]
    organizations: int
    memberships: int
    people: int
    registrations: int
    seconds: float

    def to_json(self) -> dict[str, object]:
        """The JSON shape of ``passerelle demo --json``."""
        return {
            "events": list(self.events),
            "organizations": self.organizations,
            "memberships": self.memberships,
            "people": self.people,
            "registrations": self.registrations,
            "seconds": round(self.seconds, 3),
        }


def fill_demo(
    sessions: sessionmaker[Session], *, registrations: int = 2000, seed: int = 1
) -> DemoResult:
    """Fill an empty database with demo members, two events and ``registrations`` people."""
    started = time.perf_counter()
    with sessions.begin() as session:
        if session.scalar(select(func.count()).select_from(Registration)):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "This database already has registrations; demo data goes into an empty"
                    " database (use --db with a new file).",
                )
            )
        # The steps draw from one random generator in this order: the same seed, the same data.
        fill = _DemoFill(session, _Builder(seed))
        fill.events()
        fill.organizations()
        fill.corporate_memberships()
        fill.individual_members()
        session.execute(insert(Membership), fill.membership_rows)
        people = fill.registrations(registrations)
        audit.record(session, "demo.filled", detail={"registrations": registrations, "seed": seed})
        result = DemoResult(
            events=tuple(event.slug for event in fill.all_events),
            organizations=len(fill.all_orgs),
            memberships=len(fill.membership_rows),
            people=len(fill.individual_ids) + people,
            registrations=registrations,
            seconds=0.0,
        )
    return DemoResult(**{**result.__dict__, "seconds": time.perf_counter() - started})


__all__ = [
    "BIOQUEBEC_MEMBER_ORGANIZATIONS",
    "DEMO_CLOCK",
    "EXAMPLE_EVENTS",
    "DemoResult",
    "ascii_slug",
    "fill_demo",
    "misspelled",
]
