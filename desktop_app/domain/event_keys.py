"""The keys an event file may hold, table by table: anything else is refused with its line and
the closest known key, so a typo (``vneue`` for ``venue``) never passes silently."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, Message

_EVENT = (
    "slug", "name_fr", "name_en", "starts", "ends", "timezone", "venue", "city", "province",
    "host", "partners", "retention_days", "max_line_amount",
)  # fmt: skip
_PRICE = (
    "code", "name_fr", "name_en", "eligibility", "amount", "taxes_included", "available_from",
    "available_until", "role",
)  # fmt: skip
_CONSENT = ("code", "wording_fr", "wording_en", "version", "badge_mark", "label_fr", "label_en")
_EXHIBITOR = ("code", "name", "association")
_SESSION = (
    "code", "name_fr", "name_en", "starts", "ends", "room", "capacity", "requires", "price",
    "exits",
)  # fmt: skip
KNOWN_KEYS: Mapping[str, frozenset[str]] = {
    "": frozenset({"event", "seller", "prices", "consents", "exhibitors", "days", "sessions"}),
    "event": frozenset(_EVENT),
    "seller": frozenset({"legal_name", "address", "gst_hst_number", "qst_number"}),
    "prices": frozenset(_PRICE),
    "consents": frozenset(_CONSENT),
    "exhibitors": frozenset(_EXHIBITOR),
    "days": frozenset({"date"}),
    "sessions": frozenset(_SESSION),
}
"""Table ("" for the top level; ``prices`` and ``consents`` are arrays of tables) -> its keys."""

_T_UNKNOWN_CLOSE = QT_TRANSLATE_NOOP(
    "AppError", "Unknown key “{key}” at line {line} of {file} — did you mean “{closest}”?"
)
_T_UNKNOWN = QT_TRANSLATE_NOOP(
    "AppError", "Unknown key “{key}” at line {line} of {file}; the keys of {table} are: {known}."
)
_T_THE_FILE = QT_TRANSLATE_NOOP("AppError", "the event file")
_T_TOP_LEVEL = QT_TRANSLATE_NOOP("AppError", "the top level")
_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\s*[.=]")


class UnknownKey(Invalid):
    """A key no table of an event file has (a typo, most often)."""


def check_keys(source: str, data: Mapping[str, Any], file: str | None = None) -> None:
    """Refuse the first key of ``data`` (the parsed ``source``) that its table does not know,
    naming the key, its line in ``file`` and the closest known key when one is close."""
    for key in data:
        if key not in KNOWN_KEYS[""]:
            _refuse(source, "", None, key, file)
    for table in ("event", "seller"):
        if isinstance(data.get(table), Mapping):
            _check_table(source, table, None, data[table], file)
    for table in ("prices", "consents", "exhibitors", "days", "sessions"):
        entries = data.get(table)
        if isinstance(entries, list):
            for index, entry in enumerate(entries):
                if isinstance(entry, Mapping):
                    _check_table(source, table, index, entry, file)


def _check_table(
    source: str, table: str, index: int | None, values: Mapping[str, Any], file: str | None
) -> None:
    for key in values:
        if key not in KNOWN_KEYS[table]:
            _refuse(source, table, index, key, file)


def _refuse(source: str, table: str, index: int | None, key: str, file: str | None) -> None:
    known = sorted(KNOWN_KEYS[table])
    line = key_line(source, table, index, key)
    where: str | Message = file if file else Message(_T_THE_FILE)
    closest = difflib.get_close_matches(key.casefold(), known, n=1, cutoff=0.6)
    if closest:
        raise UnknownKey(_T_UNKNOWN_CLOSE, key=key, line=line, file=where, closest=closest[0])
    shown: str | Message = f"[{table}]" if table else Message(_T_TOP_LEVEL)
    listed = ", ".join(known)
    raise UnknownKey(_T_UNKNOWN, key=key, line=line, file=where, table=shown, known=listed)


def key_line(source: str, table: str, index: int | None, key: str) -> int:
    """The line where ``key`` is set in ``table`` (entry ``index`` of an array of tables), or
    where a sub-table ``[table.key]`` opens; 1 when it cannot be told."""
    current, occurrence = "", -1
    wanted_header = f"{table}.{key}" if table else key
    for number, raw in enumerate(source.splitlines(), start=1):
        header = _HEADER.match(raw)
        if header:
            name = re.sub(r"[\"' ]", "", header.group(1))
            if name == table:
                occurrence += 1
            elif (name == wanted_header or name.startswith(f"{wanted_header}.")) and (
                index is None or occurrence == index
            ):
                return number  # a sub-table nobody reads: [event.extra]
            current = name
            continue
        if current != table or (index is not None and occurrence != index):
            continue
        found = _KEY.match(raw)
        if found and found.group(1).strip("\"'") == key:
            return number
    return 1
