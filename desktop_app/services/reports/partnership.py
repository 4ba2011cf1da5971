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
  Québec and one Ontario event in the period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import String, and_, case, cast, distinct, func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from desktop_app.db.models import Event, Person, PriceCategory, Registration
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.money import ZERO
from desktop_app.domain.pricing import Eligibility
from desktop_app.domain.stored_verdict import ENTITLED_BOTH, ENTITLED_NONE
from desktop_app.domain.taxes import compute_taxes
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
    """Report 2 over the events that start (venue's date) between ``start`` and ``end``."""
    with sessions() as session:
        events = [
            event
            for event in session.scalars(
                select(Event).options(selectinload(Event.host)).order_by(Event.starts_at)
            )
            if _in_period(event, start, end)
        ]
        rows = tuple(
            EventPartnership(heading_of(event), _numbers(session, event)) for event in events
        )
        totals = PartnershipRow(
            checked_in=sum(r.numbers.checked_in for r in rows),
            host_members=sum(r.numbers.host_members for r in rows),
            partner_members=sum(r.numbers.partner_members for r in rows),
            both=sum(r.numbers.both for r in rows),
            non_members=sum(r.numbers.non_members for r in rows),
            partner_organizations=_partner_organizations(session, events),
            member_rate_savings=sum((r.numbers.member_rate_savings for r in rows), ZERO),
        )
        return PartnershipReport(
            start=start,
            end=end,
            events=rows,
            totals=totals,
            people_at_both_provinces=_people_at_both_provinces(session, events),
        )


def _in_period(event: Event, start: date | None, end: date | None) -> bool:
    day = event.starts_at.astimezone(ZoneInfo(event.timezone)).date()
    return (start is None or day >= start) and (end is None or day <= end)


def _numbers(session: Session, event: Event) -> PartnershipRow:
    came = active_check_ins().subquery()
    counts = {
        key: int(n)
        for key, n in session.execute(
            select(Registration.entitled_by, func.count())
            .join(came, came.c.registration_id == Registration.id)
            .where(
                Registration.event_id == event.id,
                Registration.status == RegistrationStatus.ACTIVE.value,
            )
            .group_by(Registration.entitled_by)
        )
    }
    host = event.host.code
    partners = sum(
        n for key, n in counts.items() if key not in (host, ENTITLED_BOTH, ENTITLED_NONE)
    )
    return PartnershipRow(
        checked_in=sum(counts.values()),
        host_members=counts.get(host, 0),
        partner_members=partners,
        both=counts.get(ENTITLED_BOTH, 0),
        non_members=counts.get(ENTITLED_NONE, 0),
        partner_organizations=_partner_organizations(session, [event]),
        member_rate_savings=_savings(session, event),
    )


def _partner_organizations(session: Session, events: Sequence[Event]) -> int:
    """Distinct organizations behind partner members at ``events`` (matched organization,
    else the name as typed, compared without case or surrounding spaces)."""
    if not events:
        return 0
    came = active_check_ins().subquery()
    partner = and_(
        Registration.entitled_by.not_in((ENTITLED_BOTH, ENTITLED_NONE)),
        Registration.entitled_by != _host_code_of(Registration.event_id),
    )
    organization = func.coalesce(
        "#" + cast(Person.organization_id, String),
        func.nullif(func.lower(func.trim(Person.organization_name)), ""),
    )
    found = session.scalar(
        select(func.count(distinct(organization)))
        .select_from(Registration)
        .join(came, came.c.registration_id == Registration.id)
        .join(Person, Person.id == Registration.person_id)
        .where(
            Registration.event_id.in_([event.id for event in events]),
            Registration.status == RegistrationStatus.ACTIVE.value,
            partner,
        )
    )
    return int(found or 0)


def _host_code_of(event_id: Any) -> Any:
    from desktop_app.db.models import Association

    return (
        select(Association.code)
        .join(Event, Event.host_association_id == Association.id)
        .where(Event.id == event_id)
        .scalar_subquery()
    )


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


def _savings(session: Session, event: Event) -> Decimal:
    came = active_check_ins().subquery()
    categories = list(
        session.scalars(select(PriceCategory).where(PriceCategory.event_id == event.id))
    )
    by_id = {category.id: category for category in categories}
    total = ZERO
    for category_id, count in session.execute(
        select(Registration.category_id, func.count())
        .join(came, came.c.registration_id == Registration.id)
        .join(PriceCategory, PriceCategory.id == Registration.category_id)
        .where(
            Registration.event_id == event.id,
            Registration.status == RegistrationStatus.ACTIVE.value,
            PriceCategory.eligibility == Eligibility.MEMBER.value,
        )
        .group_by(Registration.category_id)
    ):
        member = by_id[category_id]
        other = comparable_non_member(categories, member)
        if other is None:
            continue
        saved = _subtotal(event.province, other) - _subtotal(event.province, member)
        total += max(saved, ZERO) * int(count)
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
