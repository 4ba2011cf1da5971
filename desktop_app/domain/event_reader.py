"""Reading typed values out of one table of an event file, with errors that name the key and
the line (:class:`EventFileError`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, Message
from desktop_app.domain.money import MoneyError, parse_money


class EventFileError(Invalid):
    """A problem in an event file, with the key and line it concerns."""


def _line_of(source: str, table: str, key: str, index: int | None = None) -> int:
    """The line number where ``key`` is set inside ``[table]`` (or ``[[table]]`` #index)."""
    current = ""
    occurrence = -1
    first_of_table = 0
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        header = re.match(r"^\[\[?\s*([A-Za-z0-9_.-]+)\s*\]\]?", line)
        if header:
            current = header.group(1)
            if current == table:
                occurrence += 1
                if index is None or occurrence == index:
                    first_of_table = first_of_table or number
            continue
        in_table = current == table and (index is None or occurrence == index)
        if in_table and re.match(rf"^{re.escape(key)}\s*=", line):
            return number
    return first_of_table or 1


class Reader:
    """Reads typed values out of one TOML table, raising errors that point to the line."""

    def __init__(self, source: str, data: dict[str, Any], table: str, index: int | None = None):
        self.source = source
        self.data = data
        self.table = table
        self.index = index

    def where(self, key: str) -> str:
        suffix = f"[{self.index + 1}]" if self.index is not None else ""
        return f"{self.table}{suffix}.{key}"

    def fail(self, key: str, template: str, **params: Any) -> EventFileError:
        return EventFileError(
            QT_TRANSLATE_NOOP("AppError", "Event file, line {line}, key {key}: {detail}"),
            line=_line_of(self.source, self.table, key, self.index),
            key=self.where(key),
            detail=Message(template, **params),
        )

    def text(self, key: str, *, required: bool = True, limit: int = 300) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(key, QT_TRANSLATE_NOOP("AppError", "this key is required."))
            return None
        if not isinstance(value, str):
            raise self.fail(key, QT_TRANSLATE_NOOP("AppError", "expected text in quotes."))
        value = value.strip()
        if required and not value:
            raise self.fail(key, QT_TRANSLATE_NOOP("AppError", "must not be empty."))
        if len(value) > limit:
            raise self.fail(
                key,
                QT_TRANSLATE_NOOP("AppError", "is longer than {limit} characters."),
                limit=limit,
            )
        return value

    def required_text(self, key: str, limit: int = 300) -> str:
        value = self.text(key, limit=limit)
        assert value is not None
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.required_text(key)
        if value not in choices:
            raise self.fail(
                key,
                QT_TRANSLATE_NOOP("AppError", "'{value}' is not one of {choices}."),
                value=value,
                choices=", ".join(choices),
            )
        return value

    def amount(self, key: str, *, ceiling: Decimal | None) -> Decimal:
        """A required amount in dollars and cents, read by the one money parser."""
        value = self.data.get(key)
        if value is None:
            raise self.fail(key, QT_TRANSLATE_NOOP("AppError", "this key is required."))
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise self.fail(
                key, QT_TRANSLATE_NOOP("AppError", 'write amounts in quotes, like "450.00".')
            )
        try:
            return parse_money(value, field=self.where(key), ceiling=ceiling)
        except MoneyError as error:
            raise self.fail(key, error.template, **error.params) from None

    def moment(
        self, key: str, zone: ZoneInfo, *, required: bool, end_of_day: bool = False
    ) -> datetime | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(key, QT_TRANSLATE_NOOP("AppError", "this key is required."))
            return None
        if isinstance(value, str):
            typed = value.strip()
            try:
                value = datetime.fromisoformat(typed)
            except ValueError:
                try:
                    value = date.fromisoformat(typed)
                except ValueError:
                    raise self.fail(
                        key,
                        QT_TRANSLATE_NOOP(
                            "AppError",
                            "'{value}' is not a date or date-time like 2026-05-12T08:30.",
                        ),
                        value=value,
                    ) from None
        if isinstance(value, datetime):
            return value if value.tzinfo else value.replace(tzinfo=zone)
        if isinstance(value, date):
            moment = time(23, 59, 59) if end_of_day else time(0, 0)
            return datetime.combine(value, moment, tzinfo=zone)
        raise self.fail(key, QT_TRANSLATE_NOOP("AppError", "expected a date or date-time."))


ENTRY_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
"""The code of a ``[[consents]]``, ``[[exhibitors]]`` or ``[[sessions]]`` entry: lower-case
letters, digits and dashes, such as ``share-partner`` or ``gala``."""


def coded_entries(source: str, data: dict[str, Any], table: str) -> Iterator[tuple[Reader, str]]:
    """Each entry of the optional array of tables ``[[table]]``, with its code (each code
    once, :data:`ENTRY_CODE`); errors name the key and its line."""
    entries = data.get(table, [])
    if not isinstance(entries, list):
        raise EventFileError(
            QT_TRANSLATE_NOOP("AppError", "Event file: [[{table}]] must be a list of entries."),
            table=table,
        )
    seen: set[str] = set()
    for index, raw in enumerate(entries):
        reader = Reader(source, raw, table, index)
        code = reader.required_text("code", limit=63)
        if not ENTRY_CODE.match(code) or code in seen:
            raise reader.fail(
                "code",
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "'{value}' is used twice or is not a code (lower-case letters, digits, -).",
                ),
                value=code,
            )
        seen.add(code)
        yield reader, code
