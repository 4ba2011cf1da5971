"""The days and sessions of an event file (``[[days]]``, ``[[sessions]]``): a multi-day event
checks people in once per day; a session (a gala, a workshop) has its own check-in, an
optional capacity, and is open to every registrant unless it ``requires`` a price category
(an add-on, priced like any category, or the ticket that includes it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from desktop_app.domain.errors import QT_TRANSLATE_NOOP
from desktop_app.domain.event_reader import EventFileError, Reader, coded_entries

MAX_CAPACITY = 1_000_000  # a ceiling as for amounts: TOML integers are unbounded


@dataclass(frozen=True)
class SessionSpec:
    """One session of an event: its own check-in list, capacity and entitlement."""

    code: str
    name_fr: str
    name_en: str
    starts: datetime
    ends: datetime
    room: str | None
    capacity: int | None  # None: no limit
    requires: str | None  # a price category code; None: open to every registrant
    price: Decimal | None  # sold as an add-on at this amount (taxes like any category)
    exits: bool = False  # exits are scanned at its door: who is inside now, re-entries


def parse_days(
    source: str, data: dict[str, Any], starts: datetime, ends: datetime
) -> tuple[date, ...]:
    """Every ``[[days]]`` entry (optional): a date within the event, each once, in order."""
    raw_days = data.get("days", [])
    if not isinstance(raw_days, list):
        raise EventFileError(
            QT_TRANSLATE_NOOP("AppError", "Event file: [[days]] must be a list of entries.")
        )
    days: list[date] = []
    for index, raw in enumerate(raw_days):
        reader = Reader(source, raw, "days", index)
        value = raw.get("date") if isinstance(raw, dict) else None
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value.strip())
            except ValueError:
                value = None
        if isinstance(value, datetime) or not isinstance(value, date):
            raise reader.fail("date", QT_TRANSLATE_NOOP("AppError", "expected a date."))
        if not starts.date() <= value <= ends.date() or value in days:
            raise reader.fail(
                "date",
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "{value} is used twice or is not a day of the event ({first} to {last}).",
                ),
                value=value.isoformat(),
                first=starts.date().isoformat(),
                last=ends.date().isoformat(),
            )
        days.append(value)
    return tuple(sorted(days))


def parse_sessions(
    source: str,
    data: dict[str, Any],
    zone: ZoneInfo,
    price_codes: set[str],
    ceiling: Decimal,
) -> tuple[SessionSpec, ...]:
    """Every ``[[sessions]]`` entry (optional), each code once; ``requires`` names one of the
    file's price categories."""
    sessions: list[SessionSpec] = []
    for reader, code in coded_entries(source, data, "sessions"):
        sessions.append(_session(reader, reader.data, code, zone, price_codes, ceiling))
    return tuple(sessions)


def _session(
    reader: Reader,
    raw: dict[str, Any],
    code: str,
    zone: ZoneInfo,
    price_codes: set[str],
    ceiling: Decimal,
) -> SessionSpec:
    starts = reader.moment("starts", zone, required=True)
    ends = reader.moment("ends", zone, required=True, end_of_day=True)
    assert starts is not None and ends is not None
    if ends < starts:
        raise reader.fail(
            "ends", QT_TRANSLATE_NOOP("AppError", "the session ends before it starts.")
        )
    capacity = raw.get("capacity")
    if capacity is not None and (
        not isinstance(capacity, int)
        or isinstance(capacity, bool)
        or not 0 < capacity <= MAX_CAPACITY
    ):
        raise reader.fail(
            "capacity",
            QT_TRANSLATE_NOOP("AppError", "expected a whole number of seats from 1 to {limit}."),
            limit=MAX_CAPACITY,
        )
    requires = reader.text("requires", required=False, limit=64)
    if requires is not None and requires not in price_codes:
        raise reader.fail(
            "requires",
            QT_TRANSLATE_NOOP("AppError", "'{value}' is not one of {choices}."),
            value=requires,
            choices=", ".join(sorted(price_codes)),
        )
    price = reader.amount("price", ceiling=ceiling) if "price" in raw else None
    exits = raw.get("exits", False)
    if not isinstance(exits, bool):
        raise reader.fail("exits", QT_TRANSLATE_NOOP("AppError", "expected true or false."))
    return SessionSpec(
        code=code,
        name_fr=reader.required_text("name_fr", limit=200),
        name_en=reader.required_text("name_en", limit=200),
        starts=starts,
        ends=ends,
        room=reader.text("room", required=False, limit=200),
        capacity=capacity,
        requires=requires,
        price=price,
        exits=exits,
    )
