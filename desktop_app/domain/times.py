"""Moments as the desk shows them: in the venue's time zone, whatever the laptop's."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "America/Toronto"


def venue_time(at: datetime, timezone: str | None, *, now: datetime | None = None) -> str:
    """``at`` in the venue's zone: "12:15" on the venue's today, else "2027-03-23 12:15".

    One format everywhere a check-in time is shown (band, card, list, recent check-ins), so
    one check-in never reads as two times on the same screen.
    """
    zone = ZoneInfo(timezone or DEFAULT_TIMEZONE)
    local = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(zone)
    today = (now or datetime.now(UTC)).astimezone(zone).date()
    return f"{local:%H:%M}" if local.date() == today else f"{local:%Y-%m-%d %H:%M}"


__all__ = ["DEFAULT_TIMEZONE", "venue_time"]
