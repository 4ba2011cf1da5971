"""Attendance of one event: who registered, who came, through which membership.

``registered`` counts active registrations; ``cancelled`` ones are counted apart and never
as no-shows; a check-in that was undone does not count. ``association`` is the membership
that entitled the person to the member rate (``Registration.entitled_by``, kept from the
verdict, staff decisions included). Arrivals are counted by quarter hour, shown in the
venue's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Organization, Person, PriceCategory, Registration
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.stored_verdict import ENTITLEMENTS
from desktop_app.services.reports.common import (
    EventHeading,
    active_check_ins,
    is_set,
    load_heading,
    quarter_hour,
    quarter_hour_start,
)


@dataclass(frozen=True)
class CountRow:
    """One line of a breakdown: registered (active) and checked in."""

    key: str
    registered: int
    checked_in: int
    label_fr: str = ""
    label_en: str = ""

    def label(self, language: str) -> str:
        """What the line is called in ``language`` (its key when it has no name)."""
        return (self.label_fr if language == "fr" else self.label_en) or self.key


@dataclass(frozen=True)
class Arrivals:
    """Check-ins in one quarter hour; ``start`` is in the venue's time zone.

    ``by_association`` splits them by entitling membership, in ``ENTITLEMENTS`` order.
    """

    start: datetime
    checked_in: int
    by_association: tuple[int, ...] = ()


@dataclass(frozen=True)
class AttendanceReport:
    """Report 1: the attendance of one event."""

    event: EventHeading
    registered: int
    checked_in: int
    no_show: int
    cancelled: int
    by_association: tuple[CountRow, ...]
    by_category: tuple[CountRow, ...]
    by_organization: tuple[CountRow, ...]
    arrivals: tuple[Arrivals, ...]

    def to_json(self) -> dict[str, Any]:
        """The shape documented in README.md (``passerelle report attendance --json``)."""
        return {
            "event": self.event.slug,
            "registered": self.registered,
            "checked_in": self.checked_in,
            "no_show": self.no_show,
            "cancelled": self.cancelled,
            "by_association": [
                {"association": r.key, "registered": r.registered, "checked_in": r.checked_in}
                for r in self.by_association
            ],
            "by_category": [
                {"category": r.key, "registered": r.registered, "checked_in": r.checked_in}
                for r in self.by_category
            ],
            "by_organization": [
                {"organization": r.key, "registered": r.registered, "checked_in": r.checked_in}
                for r in self.by_organization
            ],
            "arrivals": [
                {"from": a.start.isoformat(), "checked_in": a.checked_in} for a in self.arrivals
            ],
        }


def attendance_report(sessions: sessionmaker[Session], slug: str) -> AttendanceReport:
    """Report 1 for event ``slug`` (``NotFound`` when there is no such event)."""
    with sessions() as session:
        event_id, heading = load_heading(session, slug)
        return _attendance(session, event_id, heading)


def _attendance(session: Session, event_id: int, heading: EventHeading) -> AttendanceReport:
    came = active_check_ins().subquery()
    active = Registration.status == RegistrationStatus.ACTIVE.value
    checked = func.sum(case((is_set(came.c.registration_id), 1), else_=0))
    base = (
        select()
        .select_from(Registration)
        .outerjoin(came, came.c.registration_id == Registration.id)
        .where(Registration.event_id == event_id)
    )

    totals = session.execute(
        base.add_columns(
            func.sum(case((active, 1), else_=0)),
            func.sum(case((active & is_set(came.c.registration_id), 1), else_=0)),
            func.sum(case((active, 0), else_=1)),
        )
    ).one()
    registered, checked_in, cancelled = (int(value or 0) for value in totals)

    by_entitlement = {
        key: (int(n), int(c or 0))
        for key, n, c in session.execute(
            base.add_columns(Registration.entitled_by, func.count(), checked)
            .where(active)
            .group_by(Registration.entitled_by)
        )
    }
    by_association = tuple(CountRow(key, *by_entitlement.get(key, (0, 0))) for key in ENTITLEMENTS)

    by_category = tuple(
        CountRow(code, int(n), int(c or 0), name_fr, name_en)
        for code, name_fr, name_en, n, c in session.execute(
            base.add_columns(
                PriceCategory.code,
                PriceCategory.name_fr,
                PriceCategory.name_en,
                func.count(),
                checked,
            )
            .join(PriceCategory, PriceCategory.id == Registration.category_id)
            .where(active)
            .group_by(
                PriceCategory.id, PriceCategory.code, PriceCategory.name_fr, PriceCategory.name_en
            )
            .order_by(PriceCategory.position, PriceCategory.code)
        )
    )

    # The organization's canonical name when the person was matched to one, else as typed.
    organization = func.coalesce(Organization.name, func.trim(Person.organization_name), "")
    by_organization = tuple(
        CountRow(str(name), int(n), int(c or 0))
        for name, n, c in session.execute(
            base.add_columns(organization.label("organization"), func.count(), checked)
            .join(Person, Person.id == Registration.person_id)
            .outerjoin(Organization, Organization.id == Person.organization_id)
            .where(active)
            .group_by(organization)
            .order_by(checked.desc(), func.count().desc(), organization)
        )
    )

    zone = ZoneInfo(heading.timezone)
    bucket = quarter_hour(came.c.checked_in_at)
    counts: dict[int, dict[str, int]] = {}
    for index, entitled, n in session.execute(
        select(bucket, Registration.entitled_by, func.count())
        .select_from(Registration)
        .join(came, came.c.registration_id == Registration.id)
        .where(Registration.event_id == event_id, active)
        .group_by(bucket, Registration.entitled_by)
    ):
        counts.setdefault(int(index), {})[str(entitled)] = int(n)
    arrivals = tuple(
        Arrivals(
            quarter_hour_start(index).astimezone(zone),
            sum(split.values()),
            tuple(split.get(key, 0) for key in ENTITLEMENTS),
        )
        for index, split in sorted(counts.items())
    )
    return AttendanceReport(
        event=heading,
        registered=registered,
        checked_in=checked_in,
        no_show=registered - checked_in,
        cancelled=cancelled,
        by_association=by_association,
        by_category=by_category,
        by_organization=by_organization,
        arrivals=arrivals,
    )
