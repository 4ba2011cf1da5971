"""Who came and who did not: a list of one event's active registrations.

With ``association``, the list is what that association may receive: its own members
(entitled by its membership alone or by both), and other people only when they consented to
share their information with it (their latest answer for ``share-<association>``, or for
``share-partner`` when the association is the event's partner, is a yes). Without it, the
list is for the organizers of the event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from desktop_app.db.models import Consent, Organization, Person, PriceCategory, Registration
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.membership_records import ASSOCIATIONS
from desktop_app.domain.names import display_name
from desktop_app.domain.stored_verdict import ENTITLED_BOTH
from desktop_app.services.reports.common import EventHeading, active_check_ins, load_heading


class Presence(StrEnum):
    """Which registrations the list holds."""

    ALL = "all"
    CHECKED_IN = "checked-in"
    NO_SHOW = "no-show"


def sharing_purpose(association: str) -> str:
    """The consent purpose that lets ``association`` receive a non-member's information."""
    return f"share-{association}"


@dataclass(frozen=True)
class AttendeeRow:
    """One person on the list; ``checked_in_at`` is in the venue's time zone."""

    name: str
    organization: str
    email: str
    category: str
    association: str
    checked_in_at: datetime | None
    desk: str
    category_fr: str = ""
    category_en: str = ""

    def category_name(self, language: str) -> str:
        """The category's name in ``language`` (its code when unnamed)."""
        return (self.category_fr if language == "fr" else self.category_en) or self.category

    def to_json(self) -> dict[str, Any]:
        """The row for ``--json``."""
        return {
            "name": self.name,
            "organization": self.organization,
            "email": self.email,
            "category": self.category,
            "association": self.association,
            "checked_in_at": None if self.checked_in_at is None else self.checked_in_at.isoformat(),
            "desk": self.desk,
        }


@dataclass(frozen=True)
class AttendeeList:
    """Report 5: the people of one event, filtered."""

    event: EventHeading
    presence: Presence
    association: str | None
    rows: tuple[AttendeeRow, ...]

    def to_json(self) -> dict[str, Any]:
        """The shape documented in README.md (``passerelle report attendees --json``)."""
        return {
            "event": self.event.slug,
            "presence": self.presence.value,
            "association": self.association,
            "count": len(self.rows),
            "attendees": [row.to_json() for row in self.rows],
        }


def attendee_list(
    sessions: sessionmaker[Session],
    slug: str,
    *,
    presence: Presence = Presence.ALL,
    association: str | None = None,
) -> AttendeeList:
    """Report 5 for event ``slug``, sorted by last then first name."""
    if association is not None and association not in ASSOCIATIONS:
        raise ValueError(association)
    with sessions() as session:
        event_id, heading = load_heading(session, slug)
        rows = _rows(session, event_id, heading, presence, association)
        return AttendeeList(heading, presence, association, rows)


def _rows(
    session: Session,
    event_id: int,
    heading: EventHeading,
    presence: Presence,
    association: str | None,
) -> tuple[AttendeeRow, ...]:
    came = active_check_ins().subquery()
    query = (
        select(
            Person.first_name,
            Person.last_name,
            func.coalesce(Organization.name, Person.organization_name, ""),
            func.coalesce(Person.email, ""),
            PriceCategory.code,
            PriceCategory.name_fr,
            PriceCategory.name_en,
            Registration.entitled_by,
            came.c.checked_in_at,
            func.coalesce(came.c.desk, ""),
        )
        .select_from(Registration)
        .join(Person, Person.id == Registration.person_id)
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .join(PriceCategory, PriceCategory.id == Registration.category_id)
        .outerjoin(came, came.c.registration_id == Registration.id)
        .where(
            Registration.event_id == event_id,
            Registration.status == RegistrationStatus.ACTIVE.value,
        )
        .order_by(func.lower(Person.last_name), func.lower(Person.first_name), Registration.id)
    )
    if presence is Presence.CHECKED_IN:
        query = query.where(came.c.registration_id.is_not(None))
    elif presence is Presence.NO_SHOW:
        query = query.where(came.c.registration_id.is_(None))
    if association is not None:
        query = query.where(
            or_(
                Registration.entitled_by.in_((association, ENTITLED_BOTH)),
                _consented(association, heading.host),
            )
        )
    zone = ZoneInfo(heading.timezone)
    return tuple(
        AttendeeRow(
            name=display_name(first, last),
            organization=organization,
            email=email,
            category=category,
            association=entitled,
            checked_in_at=None if at is None else at.astimezone(zone),
            desk=desk,
            category_fr=category_fr,
            category_en=category_en,
        )
        for (
            first,
            last,
            organization,
            email,
            category,
            category_fr,
            category_en,
            entitled,
            at,
            desk,
        ) in session.execute(query)
    )


def _consented(association: str, host: str) -> Any:
    """The person's latest answer to sharing with ``association`` is a yes: the purpose
    ``share-<association>``, or ``share-partner`` when the association is not the host."""
    later = aliased(Consent)
    wanted = [sharing_purpose(association)]
    if association != host:
        wanted.append("share-partner")
    return exists().where(
        Consent.person_id == Person.id,
        Consent.purpose.in_(wanted),
        Consent.granted.is_(True),
        ~exists().where(
            and_(
                later.person_id == Person.id,
                later.purpose == Consent.purpose,
                later.recorded_at > Consent.recorded_at,
            )
        ),
    )
