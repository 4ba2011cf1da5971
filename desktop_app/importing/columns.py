"""Which column holds what: French and English headers, pretix and Eventbrite exports.

:func:`map_columns` takes a table's headers and a :class:`Schema` (:data:`MEMBER_LIST` or
:data:`REGISTRATIONS`) and returns a :class:`ColumnMap` from the schema's field names to the
headers holding them. Headers are compared after :func:`normalise_header` (accents, case,
punctuation, "No"/"Nº"/"#"/"numéro" and small words ignored), then as sets of words, so
"No de membre", "Numéro du membre", "N° membre" and "Membre #" are one header.

A field may have several columns, best first (pretix's "Attendee email" before the order's
"Email"); :meth:`ColumnMap.value` gives the first non-blank one. An explicit mapping (field →
header as written in the file; ``""`` to ignore a field) overrides recognition.

Registration files come in three layouts, told apart by headers only the ticketing system
writes; see :data:`PRETIX_COLUMNS` and :data:`EVENTBRITE_COLUMNS` for their real column names
and where they come from. :func:`status_is_active` reads each layout's status values.

The schemas live in ``column_schemas`` and the cell parsers in ``column_values``; this module
normalises headers and maps them, and re-exports the public names of both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
from desktop_app.importing.column_schemas import (
    EVENTBRITE_COLUMNS,
    GENERIC_REGISTRATION_COLUMNS,
    LAYOUTS,
    MEMBER_COLUMNS,
    MEMBER_LIST,
    PRETIX_COLUMNS,
    REGISTRATION_FIELDS,
    REGISTRATIONS,
    AliasTable,
    Layout,
    LayoutSpec,
    Schema,
)
from desktop_app.importing.column_values import (
    parse_holder_kind,
    parse_language,
    parse_yes_no,
    status_is_active,
    strip_accents,
)
from desktop_app.importing.tables import TableRow

__all__ = [
    "EVENTBRITE_COLUMNS",
    "GENERIC_REGISTRATION_COLUMNS",
    "LAYOUTS",
    "MEMBER_COLUMNS",
    "MEMBER_LIST",
    "PRETIX_COLUMNS",
    "REGISTRATIONS",
    "REGISTRATION_FIELDS",
    "AliasTable",
    "ColumnMap",
    "Layout",
    "LayoutSpec",
    "Schema",
    "detect_layout",
    "map_columns",
    "normalise_header",
    "parse_holder_kind",
    "parse_language",
    "parse_yes_no",
    "status_is_active",
]

# --- Header normalisation ---------------------------------------------------------------------

_NUMBER_WORDS = frozenset({"no", "num", "numero", "number", "nr", "nbr", "nro"})
_SMALL_WORDS = frozenset(
    {"de", "du", "des", "d", "l", "la", "le", "les", "au", "aux", "of", "the", "a"}
)


def normalise_header(header: str) -> str:
    """``header`` reduced to lower-case unaccented words, the way headers are compared.

    "No", "Nº", "N°", "#", "num", "numéro" and "number" all become ``number``; "e-mail" becomes
    ``email``; punctuation and the small words de, du, d', l', of, the... disappear:
    ``normalise_header("N° de membre")`` == ``normalise_header("Numéro du membre")`` ==
    ``"number membre"``.
    """
    text = unicodedata.normalize("NFKC", header).casefold()  # NFKC turns "º" into "o"
    text = re.sub(r"\bn\s*°", " no ", text)
    text = text.replace("#", " number ")
    text = re.sub(r"\be[\s\-_.]?mail", "email", strip_accents(text))
    words = re.findall(r"[a-z0-9]+", text)
    return " ".join(
        "number" if word in _NUMBER_WORDS else word for word in words if word not in _SMALL_WORDS
    )


def _word_set(normalised: str) -> frozenset[str]:
    return frozenset(normalised.split())


# --- Mapping ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnMap:
    """Where each field of a schema is in a table: field → its headers, best first."""

    schema: str
    layout: Layout
    columns: Mapping[str, tuple[str, ...]]
    unused: tuple[str, ...] = ()

    def has(self, name: str) -> bool:
        """Whether the file has a column for field ``name``."""
        return bool(self.columns.get(name))

    def header(self, name: str) -> str | None:
        """The main column of field ``name``, or ``None``."""
        headers = self.columns.get(name)
        return headers[0] if headers else None

    @cached_property
    def _single(self) -> dict[str, str]:
        """Fields read from one column (nearly all): field → its header."""
        return {name: headers[0] for name, headers in self.columns.items() if len(headers) == 1}

    def values(self, row: TableRow) -> dict[str, str]:
        """:meth:`value` of every field the file has, in one call (an import reads them all
        for every row); a field the file lacks is absent."""
        cells = row.cells
        found = {name: cells.get(header, "") for name, header in self._single.items()}
        for name in self.columns.keys() - found.keys():
            found[name] = self.value(row, name)
        return found

    def value(self, row: TableRow, name: str) -> str:
        """The first non-blank cell of ``row`` among field ``name``'s columns, else ``""``."""
        single = self._single.get(name)
        if single is not None:  # asked for every field of every row of a list
            return row.cells.get(single, "")
        for header in self.columns.get(name, ()):
            text = row.cells.get(header, "")
            if text:
                return text
        return ""


# Fields whose custom headers often add words ("No de membre LSO", "BIOQuébec member number").
_LOOSE_FIELDS = frozenset({"member_number"})


def detect_layout(headers: Sequence[str], schema: Schema) -> LayoutSpec:
    """The layout of ``schema`` whose signature headers the file has most of (≥ its minimum)."""
    present = {normalise_header(h) for h in headers}
    best: tuple[int, LayoutSpec] | None = None
    fallback = schema.layouts[-1]
    for spec in schema.layouts:
        if not spec.signature:
            fallback = spec
            continue
        hits = sum(1 for s in spec.signature if normalise_header(s) in present)
        if hits >= spec.min_signature and (best is None or hits > best[0]):
            best = (hits, spec)
    return best[1] if best else fallback


def map_columns(
    headers: Sequence[str], schema: Schema, explicit: Mapping[str, str] | None = None
) -> ColumnMap:
    """Recognise which of ``headers`` holds each field of ``schema``.

    ``explicit`` maps field names to headers as written in the file (compared exactly, then
    normalised); ``""`` means "do not read this field". Raises :class:`Invalid` for an explicit
    field or header that does not exist, and when a required field group has no column (the
    message lists the headers found).
    """
    spec = detect_layout(headers, schema)
    columns: dict[str, list[str]] = {}
    claimed: set[str] = set()
    disabled: set[str] = set()

    for name, wanted in (explicit or {}).items():
        if name not in schema.fields:
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError", "Unknown field “{field}” in the column mapping. Fields: {fields}."
                ),
                field=name,
                fields=", ".join(schema.fields),
            )
        if not wanted.strip():
            disabled.add(name)
            continue
        header = _find_header(wanted, headers)
        if header is None:
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "The column mapping names “{header}” for {field}, but the file has no such "
                    "column. Columns found: {headers}.",
                ),
                header=wanted,
                field=name,
                headers=_listing(headers),
            )
        columns[name] = [header]
        claimed.add(header)

    normalised = [(h, normalise_header(h)) for h in headers]
    for name, aliases in spec.aliases.items():
        if name in columns or name in disabled:
            continue
        found = _matches(
            aliases,
            [(h, n) for h, n in normalised if h not in claimed],
            loose=name in _LOOSE_FIELDS,
        )
        if found:
            columns[name] = found
            claimed.update(found)

    # A lone "Nom" (no first-name column) is a whole name, not a family name.
    if (
        spec.name == "generic"
        and "last_name" in columns
        and "first_name" not in columns
        and "full_name" not in columns
        and "last_name" not in (explicit or {})
        and normalise_header(columns["last_name"][0]) == "nom"
    ):
        columns["full_name"] = columns.pop("last_name")

    for group in schema.required_any:
        if not any(name in columns for name in group):
            raise Invalid(schema.missing_message, headers=_listing(headers))

    if spec.name == "generic":
        _refuse_repeated(columns, headers, explicit or {})

    return ColumnMap(
        schema=schema.name,
        layout=spec.name,
        columns=MappingProxyType({k: tuple(v) for k, v in columns.items()}),
        unused=tuple(h for h in headers if h not in claimed),
    )


def _refuse_repeated(
    columns: Mapping[str, list[str]], headers: Sequence[str], explicit: Mapping[str, str]
) -> None:
    """Two columns with one title (the reader names the second “Courriel (2)”) for a field
    the file is read for: which one holds the value is a guess, so the file is refused until
    a mapping says. The pretix and Eventbrite layouts know their own repeated titles."""
    for name, found in columns.items():
        if name in explicit:
            continue
        for header in found:
            copy = f"{header} (2)"
            if copy in headers:
                raise Invalid(
                    QT_TRANSLATE_NOOP(
                        "AppError",
                        "Two columns are named “{header}”: which one holds the {field} is a "
                        "guess, so nothing was imported. Rename one, or say which to read: "
                        "--map {field}=“{copy}” (the second) or --map {field}=“{header}”.",
                    ),
                    header=header,
                    field=name,
                    copy=copy,
                )


def _find_header(wanted: str, headers: Sequence[str]) -> str | None:
    if wanted in headers:
        return wanted
    key = normalise_header(wanted)
    return next((h for h in headers if normalise_header(h) == key), None)


def _matches(
    aliases: Sequence[str], candidates: list[tuple[str, str]], *, loose: bool = False
) -> list[str]:
    """Headers matching ``aliases``: by alias priority, exact words first, then word sets.

    ``loose`` also accepts headers containing all the words of a multi-word alias
    ("No de membre BIOQuébec" for "No de membre"), after the closer matches.
    """
    found: list[str] = []
    for alias in aliases:
        key = normalise_header(alias)
        found += [h for h, n in candidates if n == key and h not in found]
    for alias in aliases:
        words = _word_set(normalise_header(alias))
        found += [h for h, n in candidates if _word_set(n) == words and h not in found]
    if loose:
        for alias in aliases:
            words = _word_set(normalise_header(alias))
            if len(words) >= 2:
                found += [h for h, n in candidates if words <= _word_set(n) and h not in found]
    return found


def _listing(headers: Sequence[str]) -> str:
    return ", ".join(f"“{h}”" for h in headers) if headers else "—"
