"""The partnership's own numbers (the MOU): how many members of one association attend the
other's events, from which organizations, and what the member rate saved them.

Everything counts checked-in people on active registrations (an undone check-in does not
count):

- ``host_members``: entitled by the host association's membership only;
- ``partner_members``: by a partner association's only (the MOU's cross attendance);
- ``both``: members of both; ``non_members``: neither;
- ``partner_organizations``: distinct organizations behind ``partner_members``;
- ``member_rate_savings``: for each checked-in person on a member rate, the non-member price
  of the same event (the non-member rate on sale when that member rate opened, the cheapest
  if several) minus what the member rate costs, both before taxes, summed;
- ``people_at_both_provinces``: distinct people (same email) checked in at at least one
  Québec and one Ontario event in the period;
- ``cross_association_leads``: leads an exhibitor member of one association scanned from a
  member of the other (``services.leads.report``), whether or not they checked in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from desktop_app.db.models import Event, Person, PriceCategory, Registration
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.money import ZERO
from desktop_app.domain.pricing import Eligibility
from desktop_app.domain.stored_verdict import ENTITLED_BOTH, ENTITLED_NONE
from desktop_app.domain.taxes import compute_taxes
from desktop_app.services.leads.report import cross_association_leads
from desktop_app.services.reports.common import EventHeading, active_check_ins, heading_of

QUEBEC = "QC"
ONTARIO = "ON"


@dataclass(frozen=True)
class PartnershipRow:
    """The MOU's numbers for one event (or, as ``totals``, for the period)."""

    checked_in: int = 0
    host_members: int = 0
    partner_members: int = 0
    both: int = 0
    non_members: int = 0
    partner_organizations: int = 0
    member_rate_savings: Decimal = ZERO
    cross_association_leads: int = 0

    def to_json(self) -> dict[str, Any]:
        """The counts, with the savings as a string of dollars ("1234.50")."""
        return {
            "checked_in": self.checked_in,
            "host_members": self.host_members,
            "partner_members": self.partner_members,
            "both": self.both,
            "non_members": self.non_members,
            "partner_organizations": self.partner_organizations,
            "member_rate_savings": f"{self.member_rate_savings:.2f}",
            "cross_association_leads": self.cross_association_leads,
        }


@dataclass(frozen=True)
class EventPartnership:
    """One event of the period with its numbers."""

    event: EventHeading
    numbers: PartnershipRow


@dataclass(frozen=True)
class PartnershipReport:
    """Report 2: every event of the period, and the totals."""

    start: date | None
    end: date | None
    events: tuple[EventPartnership, ...]
    totals: PartnershipRow
    people_at_both_provinces: int

    def to_json(self) -> dict[str, Any]:
        """The shape documented in README.md (``passerelle report partnership --json``)."""
        return {
            "from": None if self.start is None else self.start.isoformat(),
            "to": None if self.end is None else self.end.isoformat(),
            "events": [
                {
                    "slug": item.event.slug,
                    "host": item.event.host,
                    "province": item.event.province,
                    **item.numbers.to_json(),
                }
                for item in self.events
            ],
            "totals": {
                **self.totals.to_json(),
                "people_at_both_provinces": self.people_at_both_provinces,
            },
        }


def partnership_report(
    sessions: sessionmaker[Session], start: date | None = None, end: date | None = None
) -> PartnershipReport:
    """Report 2 over the events that start (venue's date) between ``start`` and ``end``.

    Three queries whatever the number of events: checked-in people by event, membership and
    category; partner members' organizations; people seen in both provinces.
    """
    with sessions() as session:
        events = [
            event
            for event in session.scalars(
                select(Event)
                .options(selectinload(Event.host), selectinload(Event.prices))
                .order_by(Event.starts_at)
            )
            if _in_period(event, start, end)
        ]
        ids = [event.id for event in events]
        counts = _counts_by_event(session, ids)
        organizations = _partner_organization_sets(session, events)
        crossing = cross_association_leads(session, ids)
        rows = tuple(
            EventPartnership(
                heading_of(event),
                replace(
                    _numbers_of(session, event, counts.get(event.id, {}), organizations),
                    cross_association_leads=crossing.get(event.id, 0),
                ),
            )
            for event in events
        )
        every = set().union(*organizations.values()) if organizations else set()
        totals = PartnershipRow(
            checked_in=sum(r.numbers.checked_in for r in rows),
            host_members=sum(r.numbers.host_members for r in rows),
            partner_members=sum(r.numbers.partner_members for r in rows),
            both=sum(r.numbers.both for r in rows),
            non_members=sum(r.numbers.non_members for r in rows),
            partner_organizations=len(every),
            member_rate_savings=sum((r.numbers.member_rate_savings for r in rows), ZERO),
            cross_association_leads=sum(crossing.values()),
        )
        return PartnershipReport(
            start=start,
            end=end,
            events=rows,
            totals=totals,
            people_at_both_provinces=_people_at_both_provinces(session, events),
        )


def _counts_by_event(
    session: Session, event_ids: Sequence[int]
) -> dict[int, dict[tuple[str, int], int]]:
    """Checked-in active registrations by event, then (membership, category)."""
    if not event_ids:
        return {}
    came = active_check_ins().subquery()
    found: dict[int, dict[tuple[str, int], int]] = {}
    for event_id, entitled, category_id, n in session.execute(
        select(
            Registration.event_id, Registration.entitled_by, Registration.category_id, func.count()
        )
        .join(came, came.c.registration_id == Registration.id)
        .where(
            Registration.event_id.in_(event_ids),
            Registration.status == RegistrationStatus.ACTIVE.value,
        )
        .group_by(Registration.event_id, Registration.entitled_by, Registration.category_id)
    ):
        found.setdefault(event_id, {})[(str(entitled), category_id)] = int(n)
    return found


def _numbers_of(
    session: Session,
    event: Event,
    counts: dict[tuple[str, int], int],
    organizations: dict[int, set[str]],
) -> PartnershipRow:
    host = event.host.code
    by_entitlement: dict[str, int] = {}
    for (entitled, _), n in counts.items():
        by_entitlement[entitled] = by_entitlement.get(entitled, 0) + n
    partners = sum(
        n for key, n in by_entitlement.items() if key not in (host, ENTITLED_BOTH, ENTITLED_NONE)
    )
    return PartnershipRow(
        checked_in=sum(by_entitlement.values()),
        host_members=by_entitlement.get(host, 0),
        partner_members=partners,
        both=by_entitlement.get(ENTITLED_BOTH, 0),
        non_members=by_entitlement.get(ENTITLED_NONE, 0),
        partner_organizations=len(organizations.get(event.id, set())),
        member_rate_savings=_savings_of(session, event, counts),
    )


def _partner_organization_sets(session: Session, events: Sequence[Event]) -> dict[int, set[str]]:
    """Per event, the organizations behind its partner members (matched organization, else
    the name as typed, compared without case or surrounding spaces)."""
    if not events:
        return {}
    came = active_check_ins().subquery()
    hosts = {event.id: event.host.code for event in events}
    found: dict[int, set[str]] = {event.id: set() for event in events}
    for event_id, entitled, organization_id, typed in session.execute(
        select(
            Registration.event_id,
            Registration.entitled_by,
            Person.organization_id,
            Person.organization_name,
        )
        .join(came, came.c.registration_id == Registration.id)
        .join(Person, Person.id == Registration.person_id)
        .where(
            Registration.event_id.in_(list(hosts)),
            Registration.status == RegistrationStatus.ACTIVE.value,
            Registration.entitled_by.not_in((ENTITLED_BOTH, ENTITLED_NONE)),
        )
        .distinct()
    ):
        if entitled == hosts[event_id]:
            continue
        if organization_id is not None:
            found[event_id].add(f"#{organization_id}")
        elif typed is not None and typed.strip():
            found[event_id].add(typed.strip().casefold())
    return found


def _in_period(event: Event, start: date | None, end: date | None) -> bool:
    day = event.starts_at.astimezone(ZoneInfo(event.timezone)).date()
    return (start is None or day >= start) and (end is None or day <= end)


def _subtotal(province: str, category: PriceCategory) -> Decimal:
    return compute_taxes(province, category.amount, category.taxes_included).subtotal


def comparable_non_member(
    categories: Sequence[PriceCategory], member: PriceCategory
) -> PriceCategory | None:
    """The non-member rate a member would otherwise have paid: one on sale when the member
    rate opened (the cheapest if several), else the cheapest non-member rate."""
    regular = [
        c for c in categories if c.eligibility == Eligibility.NON_MEMBER.value and not c.role
    ]
    opened = member.available_from

    def on_sale(category: PriceCategory) -> bool:
        if opened is None:
            return category.available_from is None
        return (category.available_from is None or category.available_from <= opened) and (
            category.available_until is None or opened < category.available_until
        )

    candidates = [c for c in regular if on_sale(c)] or regular
    return min(candidates, key=lambda c: (c.amount, c.position), default=None)


def _savings_of(session: Session, event: Event, counts: dict[tuple[str, int], int]) -> Decimal:
    """What the checked-in members on a member rate saved against the non-member rate."""
    categories = list(event.prices)
    by_id = {category.id: category for category in categories}
    total = ZERO
    for (_, category_id), count in counts.items():
        member = by_id.get(category_id)
        if member is None or member.eligibility != Eligibility.MEMBER.value:
            continue
        other = comparable_non_member(categories, member)
        if other is None:
            continue
        saved = _subtotal(event.province, other) - _subtotal(event.province, member)
        total += max(saved, ZERO) * count
    return total


def _people_at_both_provinces(session: Session, events: Sequence[Event]) -> int:
    if not events:
        return 0
    came = active_check_ins().subquery()
    email = func.lower(func.trim(Person.email))
    quebec = func.max(case((Event.province == QUEBEC, 1), else_=0))
    ontario = func.max(case((Event.province == ONTARIO, 1), else_=0))
    people = (
        select(email)
        .select_from(Registration)
        .join(came, came.c.registration_id == Registration.id)
        .join(Person, Person.id == Registration.person_id)
        .join(Event, Event.id == Registration.event_id)
        .where(
            Registration.event_id.in_([event.id for event in events]),
            Registration.status == RegistrationStatus.ACTIVE.value,
            func.coalesce(func.trim(Person.email), "") != "",
        )
        .group_by(email)
        .having(and_(quebec == 1, ontario == 1))
        .subquery()
    )
    return int(session.scalar(select(func.count()).select_from(people)) or 0)
