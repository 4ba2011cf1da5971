"""What every report shares: the active check-in of a registration, quarter-hour buckets,
and one event's identity as reports print it.

Counting happens in SQL (``GROUP BY``) on both back ends: at 100,000 registrations a report
reads a few hundred rows, not the registrations themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Select, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from desktop_app.db.models import CheckIn, Event
from desktop_app.services.admin.events import get_event

QUARTER_HOUR_S = 900
"""Arrivals are counted by quarter hour. Every Canadian zone's offset from UTC is a whole
number of quarter hours (Newfoundland's is −3:30), so a UTC quarter hour is a venue one."""


class quarter_hour(FunctionElement[int]):
    """The number of whole quarter hours between 1970-01-01 UTC and a stored UTC time."""

    type = BigInteger()
    inherit_cache = True


@compiles(quarter_hour, "sqlite")
def _quarter_hour_sqlite(element: quarter_hour, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"(CAST(strftime('%s', {column}) AS INTEGER) / {QUARTER_HOUR_S})"


@compiles(quarter_hour, "postgresql")
def _quarter_hour_postgresql(element: quarter_hour, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    # A timestamp without time zone holds UTC here: its epoch is the UTC one.
    return f"CAST(floor(extract(epoch FROM {column}) / {QUARTER_HOUR_S}) AS BIGINT)"


def quarter_hour_start(index: int) -> datetime:
    """The UTC start of quarter hour ``index`` (as counted by :class:`quarter_hour`)."""
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=index * QUARTER_HOUR_S)


def active_check_ins() -> Select[int, datetime, str, str]:
    """The entrance check-in that counts for each registration (at most one: undone ones
    are kept apart by a partial unique index; for an event with days, the first day's;
    sessions' doors are not the entrance), as a selectable to join."""
    first = aliased(CheckIn)
    first_day = (
        select(func.min(first.day))
        .where(
            first.registration_id == CheckIn.registration_id,
            first.undone_at.is_(None),
            first.session_id.is_(None),
        )
        .scalar_subquery()
    )
    return select(
        CheckIn.registration_id, CheckIn.checked_in_at, CheckIn.desk, CheckIn.staff
    ).where(
        CheckIn.undone_at.is_(None),
        CheckIn.session_id.is_(None),
        or_(CheckIn.day.is_(None), CheckIn.day == first_day),
    )


def is_set(column: ColumnElement[Any]) -> ColumnElement[bool]:
    """``column IS NOT NULL``, typed."""
    return column.is_not(None)


@dataclass(frozen=True)
class EventHeading:
    """An event as a report's heading shows it."""

    slug: str
    name_fr: str
    name_en: str
    province: str
    timezone: str
    host: str
    starts_at: datetime
    ends_at: datetime

    def name(self, language: str) -> str:
        """The event's name in ``language`` ('fr' or 'en')."""
        return self.name_fr if language == "fr" else self.name_en

    def to_json(self) -> dict[str, Any]:
        """The heading's fields for ``--json``."""
        return {
            "slug": self.slug,
            "name_fr": self.name_fr,
            "name_en": self.name_en,
            "province": self.province,
            "timezone": self.timezone,
            "host": self.host,
        }


def heading_of(event: Event) -> EventHeading:
    """The heading of a loaded event."""
    return EventHeading(
        slug=event.slug,
        name_fr=event.name_fr,
        name_en=event.name_en,
        province=event.province,
        timezone=event.timezone,
        host=event.host.code,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
    )


def load_heading(session: Session, slug: str) -> tuple[int, EventHeading]:
    """The id and heading of event ``slug`` (``NotFound`` when there is none)."""
    event = get_event(session, slug)
    return event.id, heading_of(event)
