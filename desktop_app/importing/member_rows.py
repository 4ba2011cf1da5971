"""Reading the rows of an association's member list into members, or reasons to reject them.

No database here: :func:`parse_member_row` turns a row of a :class:`~.tables.Table` and its
:class:`~.columns.ColumnMap` into a :class:`MemberRow` (one membership), or rejects it with a
translatable reason; :mod:`.member_scan` reads a whole list with it, and
:mod:`~desktop_app.services.membership.importing` compares the rows with the database.

How a row's holder is decided, first rule that applies:

1. the holder-kind column ("Organisation", "Individuel", "Corporate", "Individual"...);
2. the category when it says so ("Entreprise", "Corporate", "Individual", "Étudiant"...);
3. a row with only an organization name is an organization, with only a person's name an
   individual;
4. a row with both: an organization on BIOQuébec's list (BIOQuébec has only organization
   members; the person is its contact), an individual on LSO's.

A row's identity within the file is its member number, else the organization's key
(organization rows), else the person's email (or name key when there is none). A second row
with the same identity is rejected, naming the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, AppError, Invalid, Message
from desktop_app.domain.freemail import is_free_mail
from desktop_app.domain.membership import BIOQUEBEC
from desktop_app.domain.names import (
    display_name,
    member_number_key,
    normalize_domain,
    normalize_email,
    organization_key,
    person_key,
    split_full_name,
)
from desktop_app.importing.column_values import parse_email
from desktop_app.importing.columns import ColumnMap, parse_holder_kind
from desktop_app.importing.dates import parse_optional_date
from desktop_app.importing.tables import MAX_CELL_CHARS, TableRow

Holder = Literal["organization", "person"]
Identity = tuple[str, str]
"""("number", key) | ("org", organization key) | ("email", address) | ("person", name key)."""

# Longest values the database columns hold (see db/models.py).
LIMITS = {
    "organization": 300,
    "first_name": 200,
    "last_name": 200,
    "email": 320,
    "member_number": 64,
    "category": 200,
    "alias": 300,
}
_SHORTEST_LIMIT = min(LIMITS.values())
_STUDENT = re.compile(r"\b(student|etudiant|etudiante|étudiant|étudiante)s?\b", re.IGNORECASE)
_LIST_SPLIT = re.compile(r"[;|\n]+")
_DOMAIN_SPLIT = re.compile(r"[\s,;|]+")


_T_OVERSIZED = QT_TRANSLATE_NOOP(
    "AppError", "The “{column}” cell is {length} characters long; at most {limit} are accepted."
)
_T_TOO_LONG = QT_TRANSLATE_NOOP(
    "AppError", "The {field} “{value}” is longer than {limit} characters."
)
_T_BAD_KIND = QT_TRANSLATE_NOOP(
    "AppError",
    "Unrecognised kind of member “{value}”: write Organisation or Individuel "
    "(Organization or Individual).",
)
_T_NO_NAME = QT_TRANSLATE_NOOP(
    "AppError", "The row has neither an organization name nor a person's name."
)
_T_NO_ORGANIZATION = QT_TRANSLATE_NOOP(
    "AppError", "An organization membership needs the organization's name."
)
_T_NO_PERSON = QT_TRANSLATE_NOOP("AppError", "An individual membership needs the person's name.")
_T_BAD_DOMAIN = QT_TRANSLATE_NOOP("AppError", "“{value}” is not an email domain.")
_T_BAD_DATE = QT_TRANSLATE_NOOP("AppError", "{column}: {problem}")
_T_PERIOD = QT_TRANSLATE_NOOP(
    "AppError", "The membership ends ({until}) before it starts ({start})."
)
_T_DUPLICATE_NUMBER = QT_TRANSLATE_NOOP(
    "AppError", "Member number {number} already appears on row {first}; this row is ignored."
)
_T_DUPLICATE_ORGANIZATION = QT_TRANSLATE_NOOP(
    "AppError", "The organization “{name}” already appears on row {first}; this row is ignored."
)
_T_DUPLICATE_EMAIL = QT_TRANSLATE_NOOP(
    "AppError", "The member {email} already appears on row {first}; this row is ignored."
)
_T_DUPLICATE_PERSON = QT_TRANSLATE_NOOP(
    "AppError", "The member {name} already appears on row {first}; this row is ignored."
)

# Fields shown in messages, marked for translation.
_FIELD_NAMES = {
    "organization": QT_TRANSLATE_NOOP("AppError", "organization name"),
    "first_name": QT_TRANSLATE_NOOP("AppError", "first name"),
    "last_name": QT_TRANSLATE_NOOP("AppError", "last name"),
    "email": QT_TRANSLATE_NOOP("AppError", "email"),
    "member_number": QT_TRANSLATE_NOOP("AppError", "member number"),
    "category": QT_TRANSLATE_NOOP("AppError", "category"),
    "alias": QT_TRANSLATE_NOOP("AppError", "other name"),
}


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One membership as a valid row of the list gives it."""

    row: int
    holder: Holder
    member_number: str | None
    category: str | None
    valid_from: date | None
    valid_until: date | None
    organization: str | None
    organization_key: str
    aliases: tuple[tuple[str, str], ...]  # (alias, alias key)
    domains: tuple[str, ...]  # from a domains column, free-mail left out
    first_name: str
    last_name: str
    email: str | None
    # Computed once (an import compares them many times).
    number_key: str | None = field(init=False)
    """The member number as compared (separators and leading zeros ignored)."""
    person_key: str = field(init=False)
    """The person's name as compared."""
    holder_identity: Identity = field(init=False)
    """Who holds the membership, regardless of its number."""
    identity: Identity = field(init=False)
    """The member number when there is one, else the holder."""

    def __post_init__(self) -> None:
        number = member_number_key(self.member_number)
        pkey = person_key(self.first_name, self.last_name)
        if self.holder == "organization":
            holder: Identity = ("org", self.organization_key)
        elif self.email:
            holder = ("email", self.email)
        else:
            holder = ("person", pkey)
        object.__setattr__(self, "number_key", number)
        object.__setattr__(self, "person_key", pkey)
        object.__setattr__(self, "holder_identity", holder)
        object.__setattr__(self, "identity", ("number", number) if number else holder)

    @property
    def email_domain(self) -> str | None:
        """The domain of the row's email unless it is free mail (it then says nothing)."""
        if not self.email:
            return None
        domain = self.email.rpartition("@")[2]
        return None if is_free_mail(domain) else domain


class RowRejected(Exception):
    """A row that is not a valid member, and why (translatable)."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.render())
        self.reason = reason


def duplicate_message(member: MemberRow, first: int) -> Message:
    """Why a second row naming the same member as row ``first`` is rejected."""
    kind, _ = member.identity
    if kind == "number":
        return Message(_T_DUPLICATE_NUMBER, number=member.member_number, first=first)
    if kind == "org":
        return Message(_T_DUPLICATE_ORGANIZATION, name=member.organization, first=first)
    if kind == "email":
        return Message(_T_DUPLICATE_EMAIL, email=member.email, first=first)
    name = display_name(member.first_name, member.last_name)
    return Message(_T_DUPLICATE_PERSON, name=name, first=first)


# Lists repeat the same dates, categories and organization names thousands of times.
_organization_key = lru_cache(maxsize=8192)(organization_key)
_parse_date = lru_cache(maxsize=4096)(parse_optional_date)
_holder_kind = lru_cache(maxsize=1024)(parse_holder_kind)


def parse_member_row(row: TableRow, columns: ColumnMap, association: str) -> MemberRow:
    """The membership a row gives; :class:`RowRejected` when it gives none."""
    problem = row.problem()  # bytes not in the file's encoding: reject the row, naming them
    if problem is not None:
        raise RowRejected(problem)
    for header in row.oversized_columns():
        raise RowRejected(
            Message(
                _T_OVERSIZED, column=header, length=len(row.cells[header]), limit=MAX_CELL_CHARS
            )
        )
    value = columns.values(row).get
    organization = " ".join(value("organization", "").split())
    first, last = value("first_name", ""), value("last_name", "")
    if not (first or last):
        first, last = split_full_name(value("full_name", ""))
    try:  # the one email validator, shared with the registration import
        email = parse_email(value("email", ""), column=columns.header("email") or "email")
    except Invalid as error:
        raise RowRejected(Message(error.template, **error.params)) from error
    category = value("category", "") or None
    # Every category column may say what the member is ("Member type: Corporate").
    hints = [row.get(header) for header in columns.columns.get("category", ())]
    holder = _holder(value("holder_kind", ""), hints, organization, first or last, association)
    if holder == "organization" and not organization:
        raise RowRejected(Message(_T_NO_ORGANIZATION))
    if holder == "person" and not (first or last):
        raise RowRejected(Message(_T_NO_PERSON))
    number = value("member_number", "") or None
    valid_from = _date(value("valid_from", ""), columns, "valid_from")
    valid_until = _date(value("valid_until", ""), columns, "valid_until")
    if valid_from and valid_until and valid_from > valid_until:
        raise RowRejected(
            Message(_T_PERIOD, start=valid_from.isoformat(), until=valid_until.isoformat())
        )
    aliases = _aliases(value("aliases", ""), organization)
    longest = max(
        len(organization), len(first), len(last), len(email or ""), len(number or ""),
        len(category or ""),
    )  # fmt: skip
    if longest > _SHORTEST_LIMIT:  # else none can be too long: no check per field per row
        _check_lengths(
            organization=organization,
            first_name=first,
            last_name=last,
            email=email or "",
            member_number=number or "",
            category=category or "",
        )
    for alias, _ in aliases:
        _check_lengths(alias=alias)
    return MemberRow(
        row=row.number,
        holder=holder,
        member_number=number,
        category=category,
        valid_from=valid_from,
        valid_until=valid_until,
        organization=organization or None,
        organization_key=_organization_key(organization) if organization else "",
        aliases=aliases,
        domains=_domains(value("domains", "")),
        first_name=first,
        last_name=last,
        email=email,
    )


def _holder(
    kind_cell: str, categories: list[str], organization: str, person: str, association: str
) -> Holder:
    if kind_cell:
        kind = _holder_kind(kind_cell)
        if kind is None:
            raise RowRejected(Message(_T_BAD_KIND, value=kind_cell))
        return "organization" if kind == "organization" else "person"
    for category in categories:
        hinted = _category_holder(category)
        if hinted is not None:
            return hinted
    if organization and not person:
        return "organization"
    if person and not organization:
        return "person"
    if not (organization or person):
        raise RowRejected(Message(_T_NO_NAME))
    return "organization" if association == BIOQUEBEC else "person"


@lru_cache(maxsize=1024)
def _category_holder(category: str) -> Holder | None:
    """What a category says of the holder: "Student" an individual, "Corporate" an organization."""
    if not category:
        return None
    if _STUDENT.search(category):
        return "person"
    hinted = parse_holder_kind(category)
    if hinted is None:
        return None
    return "organization" if hinted == "organization" else "person"


def _date(cell: str, columns: ColumnMap, name: str) -> date | None:
    try:
        return _parse_date(cell)
    except AppError as error:
        column = columns.header(name) or name
        raise RowRejected(
            Message(_T_BAD_DATE, column=column, problem=Message(error.template, **error.params))
        ) from None


def _aliases(cell: str, organization: str) -> tuple[tuple[str, str], ...]:
    if not cell:
        return ()
    own = _organization_key(organization) if organization else ""
    found: dict[str, str] = {}
    for part in _LIST_SPLIT.split(cell):
        alias = " ".join(part.split())
        key = _organization_key(alias) if alias else ""
        if key and key != own and key not in found:
            found[key] = alias
    return tuple((alias, key) for key, alias in found.items())


def _domains(cell: str) -> tuple[str, ...]:
    found: list[str] = []
    for part in _DOMAIN_SPLIT.split(cell):
        if not part:
            continue
        domain = normalize_domain(part.rpartition("@")[2] if "@" in part else part)
        if domain is None:
            raise RowRejected(Message(_T_BAD_DOMAIN, value=part))
        if not is_free_mail(domain) and domain not in found:
            found.append(domain)
    return tuple(found)


def _check_lengths(**values: str) -> None:
    for name, text in values.items():
        limit = LIMITS[name]
        if len(text) > limit:
            raise RowRejected(
                Message(
                    _T_TOO_LONG,
                    field=Message(_FIELD_NAMES[name]),
                    value=text[:40] + "…",
                    limit=limit,
                )
            )


def guess_identities(row: TableRow, columns: ColumnMap) -> Iterable[Identity]:
    """Whom a rejected row may name, so that the import does not end that membership."""
    number = member_number_key(columns.value(row, "member_number"))
    if number:
        yield ("number", number)
    organization = columns.value(row, "organization")
    if organization:
        yield ("org", organization_key(organization))
    email = normalize_email(columns.value(row, "email"))
    if email:
        yield ("email", email)
    first, last = columns.value(row, "first_name"), columns.value(row, "last_name")
    if not (first or last):
        first, last = split_full_name(columns.value(row, "full_name"))
    if first or last:
        yield ("person", person_key(first, last))
