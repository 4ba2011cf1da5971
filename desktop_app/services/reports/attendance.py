"""Attendance of one event: who registered, who came, through which membership.

``registered`` counts active registrations; ``cancelled`` ones are counted apart and never
as no-shows; a check-in that was undone does not count. ``association`` is the membership
that entitled the person to the member rate (``Registration.entitled_by``, kept from the
verdict, staff decisions included). Arrivals are counted by quarter hour, shown in the
venue's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Organization, Person, PriceCategory, Registration
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.stored_verdict import ENTITLEMENTS
from desktop_app.services.reports.addon_sales import sold_at_desk
from desktop_app.services.reports.common import (
    QUARTER_HOUR_S,
    EventHeading,
    active_check_ins,
    is_set,
    load_heading,
    quarter_hour,
    quarter_hour_start,
)
from desktop_app.services.reports.sessions import (
    SessionAttendance,
    entrance_by_day,
    sessions_of,
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
    # An event with [[days]]: entrance check-ins per day; with [[sessions]]: each one's counts.
    by_day: tuple[tuple[date, int], ...] = ()
    by_session: tuple[SessionAttendance, ...] = ()
    # Of each session's entitled, the add-ons sold at the desk (by session code).
    sold_at_desk: tuple[tuple[str, int], ...] = ()

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
            "by_day": [{"day": d.isoformat(), "checked_in": n} for d, n in self.by_day],
            "by_session": [
                {**s.to_json(), "sold_at_desk": dict(self.sold_at_desk).get(s.code, 0)}
                for s in self.by_session
            ],
        }


def _organizations(session: Session, event_id: int, came: Any) -> tuple[CountRow, ...]:
    """By organization: the canonical name when the person was matched to one, else the
    name as typed (grouped by the person's two columns, named afterwards: cheaper than
    grouping by an expression over 100,000 rows)."""
    active = Registration.status == RegistrationStatus.ACTIVE.value
    arrived = func.sum(case((is_set(came.c.registration_id), 1), else_=0))
    counts: dict[str, list[int]] = {}
    rows = session.execute(
        select(Person.organization_id, Person.organization_name, func.count(), arrived)
        .select_from(Registration)
        .join(Person, Person.id == Registration.person_id)
        .outerjoin(came, came.c.registration_id == Registration.id)
        .where(Registration.event_id == event_id, active)
        .group_by(Person.organization_id, Person.organization_name)
    ).all()
    ids = {organization_id for organization_id, *_ in rows if organization_id is not None}
    names = (
        dict(
            (row[0], row[1])
            for row in session.execute(
                select(Organization.id, Organization.name).where(Organization.id.in_(ids))
            )
        )
        if ids
        else {}
    )
    for organization_id, typed, n, c in rows:
        name = names.get(organization_id) or (typed or "").strip()
        line = counts.setdefault(name, [0, 0])
        line[0] += int(n)
        line[1] += int(c or 0)
    ordered = sorted(counts.items(), key=lambda item: (-item[1][1], -item[1][0], item[0]))
    return tuple(CountRow(name, n, c) for name, (n, c) in ordered)


def attendance_report(sessions: sessionmaker[Session], slug: str) -> AttendanceReport:
    """Report 1 for event ``slug`` (``NotFound`` when there is no such event)."""
    with sessions() as session:
        event_id, heading = load_heading(session, slug)
        return attendance_of(session, event_id, heading)


def attendance_of(
    session: Session, event_id: int, heading: EventHeading, *, organizations: bool = True
) -> AttendanceReport:
    """One scan of the event's registrations gives the totals, memberships and categories
    (grouped by all three at once); organizations and arrivals take one query each."""
    came = active_check_ins().subquery()
    active = Registration.status == RegistrationStatus.ACTIVE.value
    arrived = case((is_set(came.c.registration_id), 1), else_=0)
    registered = checked_in = cancelled = 0
    by_entitlement: dict[str, list[int]] = {key: [0, 0] for key in ENTITLEMENTS}
    by_category_id: dict[int, list[int]] = {}
    for category_id, entitled, status, came_in, n in session.execute(
        select(
            Registration.category_id,
            Registration.entitled_by,
            Registration.status,
            arrived,
            func.count(),
        )
        .select_from(Registration)
        .outerjoin(came, came.c.registration_id == Registration.id)
        .where(Registration.event_id == event_id)
        .group_by(Registration.category_id, Registration.entitled_by, Registration.status, arrived)
    ):
        if status != RegistrationStatus.ACTIVE.value:
            cancelled += n
            continue
        registered += n
        checked_in += n * came_in
        for line in (
            by_entitlement.setdefault(str(entitled), [0, 0]),
            by_category_id.setdefault(category_id, [0, 0]),
        ):
            line[0] += n
            line[1] += n * came_in
    by_association = tuple(
        CountRow(key, by_entitlement[key][0], by_entitlement[key][1]) for key in ENTITLEMENTS
    )
    by_category = tuple(
        CountRow(c.code, by_category_id[c.id][0], by_category_id[c.id][1], c.name_fr, c.name_en)
        for c in session.scalars(
            select(PriceCategory)
            .where(PriceCategory.event_id == event_id)
            .order_by(PriceCategory.position, PriceCategory.code)
        )
        if c.id in by_category_id
    )
    by_organization = _organizations(session, event_id, came) if organizations else ()

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
        by_day=entrance_by_day(session, event_id),
        by_session=sessions_of(session, heading.slug, event_id),
        sold_at_desk=tuple(sold_at_desk(session, event_id).items()),
    )


def with_new_check_ins(
    report: AttendanceReport, arrivals: list[tuple[str, str, datetime]]
) -> AttendanceReport:
    """``report`` plus check-ins made since, each (membership, category code, time): what
    the live view adds after a scan instead of counting 50,000 registrations again."""
    if not arrivals:
        return report
    zone = ZoneInfo(report.event.timezone)
    by_association = {row.key: row for row in report.by_association}
    by_category = {row.key: row for row in report.by_category}
    buckets = {a.start: a for a in report.arrivals}
    for entitled, category, at in arrivals:
        row = by_association[entitled]
        by_association[entitled] = replace(row, checked_in=row.checked_in + 1)
        if category in by_category:
            line = by_category[category]
            by_category[category] = replace(line, checked_in=line.checked_in + 1)
        start = quarter_hour_start(int(at.timestamp()) // QUARTER_HOUR_S).astimezone(zone)
        split = list(buckets[start].by_association) if start in buckets else [0] * len(ENTITLEMENTS)
        split[ENTITLEMENTS.index(entitled)] += 1
        buckets[start] = Arrivals(start, sum(split), tuple(split))
    added = len(arrivals)
    return replace(
        report,
        checked_in=report.checked_in + added,
        no_show=report.no_show - added,
        by_association=tuple(by_association[key] for key in ENTITLEMENTS),
        by_category=tuple(by_category[row.key] for row in report.by_category),
        arrivals=tuple(buckets[start] for start in sorted(buckets)),
    )
