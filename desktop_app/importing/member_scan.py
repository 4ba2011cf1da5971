"""The first pass over a member list: what needs the whole file before anything is written.

A member list is read twice, streamed both times (see :mod:`.tables`): :func:`scan_members`
parses every row once to find what only the whole file tells — rejected rows, repeated members,
the identities rejected rows name (their memberships must not be ended), and each
organization's email domains (they may come from rows anywhere in the file) — and the second
pass, :meth:`MemberScan.members`, yields the valid rows again for the import to compare and
write in batches. Small lists keep their parsed rows between the passes (faster); large ones
are parsed again (constant memory), and the first pass then keeps only a Bloom filter of their
identities.

The report keeps at most :data:`MAX_LISTED_ERRORS` rejected rows (with the total count), so
that a file of a million bad rows cannot exhaust memory either.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
from desktop_app.importing.columns import ColumnMap
from desktop_app.importing.member_rows import (
    Identity,
    MemberRow,
    RowRejected,
    duplicate_message,
    guess_identities,
    parse_member_row,
)
from desktop_app.importing.row_errors import RowError
from desktop_app.importing.tables import Table

DomainSet = str | set[str]
"""One email domain, or several: most organizations have one, and a million-row list has
200,000 of them, so a lone domain is kept as a string rather than a set."""


def as_set(domains: DomainSet | None) -> set[str] | frozenset[str]:
    """``domains`` as a set (to read, not to change)."""
    if domains is None:
        return frozenset()
    return frozenset((domains,)) if isinstance(domains, str) else domains


MAX_LISTED_ERRORS = 1000
"""Rejected rows listed in a report; the others are counted."""

KEEP_ROWS_UP_TO = 50_000
"""Lists up to this many rows keep their parsed rows between the passes."""


@dataclass
class MemberScan:
    """What the first pass found; :meth:`members` is the second pass."""

    table: Table
    columns: ColumnMap
    association: str
    valid: int = 0
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)
    protected: set[Identity] = field(default_factory=set)
    domains: dict[str, DomainSet] = field(default_factory=dict)
    """Organization key → email domains the list gives it (see :mod:`.member_import`)."""
    skipped: set[int] = field(default_factory=set)
    """Numbers of the rows the second pass leaves out (rejected or repeated)."""
    kept: list[MemberRow] | None = None

    def members(self) -> Iterator[MemberRow]:
        """The valid, first-seen rows, in file order (parsed again unless kept)."""
        if self.kept is not None:
            yield from self.kept
            return
        for row in self.table.iter_rows():
            if row.number not in self.skipped:
                try:
                    yield parse_member_row(row, self.columns, self.association)
                except RowRejected:
                    raise file_changed(self.table.source) from None

    def reject(self, error: RowError) -> None:
        self.rejected += 1
        self.skipped.add(error.row)
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(error)


def file_changed(name: str) -> Invalid:
    """The refusal of a list that changed between its two readings (saved again meanwhile)."""
    return Invalid(
        QT_TRANSLATE_NOOP(
            "AppError",
            "The file {file} changed while it was being imported, so nothing was imported. "
            "Import it again once it is saved.",
        ),
        file=name,
    )


def scan_members(table: Table, columns: ColumnMap, association: str) -> MemberScan:
    """Parse every row once (see the module docstring)."""
    keep = table.count <= KEEP_ROWS_UP_TO
    scan = MemberScan(table, columns, association, kept=[] if keep else None)
    first_row: dict[Identity, int] = {}  # small lists
    # Large lists remember identities in a Bloom filter (48 bits a row: 6 MB for a million
    # rows, where a set of them took 100 MB). A row it may have seen is a candidate, settled
    # by :func:`_settle` reading the list again; with 12 probes a false candidate comes about
    # once in 70 million-row lists, so only lists with repeated rows pay for that reading.
    seen = _Seen(table.count) if not keep else None
    candidates: list[tuple[int, int, MemberRow]] = []
    organizations: set[str] = set()
    found: dict[str, DomainSet] = {}
    for row in table.iter_rows():
        try:
            member = parse_member_row(row, columns, association)
        except RowRejected as rejection:
            scan.reject(RowError(row.number, rejection.reason))
            scan.protected.update(guess_identities(row, columns))
            continue
        if seen is None:
            first = first_row.get(member.identity)
            if first is not None:
                scan.reject(RowError(row.number, duplicate_message(member, first)))
                continue
            first_row[member.identity] = row.number
        else:
            digest = hash(member.identity) & _MASK
            if seen.add(digest):
                candidates.append((row.number, digest, member))
                continue
        scan.valid += 1
        if scan.kept is not None:
            scan.kept.append(member)
        _add_domains(member, organizations, found)
    if candidates:
        _settle(scan, candidates, organizations, found)
    scan.domains = {key: found[key] for key in organizations if key in found}
    return scan


_MASK = (1 << 64) - 1
_PROBES = 12


class _Seen:
    """A Bloom filter of identity hashes: never forgets one, sometimes imagines one."""

    def __init__(self, rows: int) -> None:
        self.bits = bytearray(max(64, rows * 6))
        self.size = len(self.bits) * 8

    def add(self, digest: int) -> bool:
        """Remember ``digest``; whether it may have been remembered before."""
        bits, size = self.bits, self.size
        low, step = digest & 0xFFFFFFFF, (digest >> 32) | 1
        present = True
        for probe in range(_PROBES):
            position = (low + probe * step) % size
            mask = 1 << (position & 7)
            if not bits[position >> 3] & mask:
                present = False
                bits[position >> 3] |= mask
        return present


def _add_domains(member: MemberRow, organizations: set[str], found: dict[str, DomainSet]) -> None:
    """An organization's domains: its domains column, its contact's email and the emails of
    the people who name it; free mail never counts (email_domain leaves it out)."""
    if member.holder == "organization":
        organizations.add(member.organization_key)
        for listed in member.domains:
            _add(found, member.organization_key, listed)
    domain = member.email_domain
    if domain and member.organization_key:
        _add(found, member.organization_key, domain)


def _add(found: dict[str, DomainSet], key: str, domain: str) -> None:
    known = found.get(key)
    if known is None:
        found[key] = domain
    elif isinstance(known, str):
        if known != domain:
            found[key] = {known, domain}
    else:
        known.add(domain)


def _settle(
    scan: MemberScan,
    candidates: list[tuple[int, int, MemberRow]],
    organizations: set[str],
    found: dict[str, DomainSet],
) -> None:
    """Read the list again to find the first row of each candidate's identity: a candidate
    that is not that first row repeats it (rejected, naming it); one that is was imagined by
    the filter and is a valid row after all."""
    wanted = {digest for _, digest, _ in candidates}
    first: dict[int, int] = {}
    for row in scan.table.iter_rows():
        if row.number in scan.skipped:
            continue
        try:
            member = parse_member_row(row, scan.columns, scan.association)
        except RowRejected:
            continue
        digest = hash(member.identity) & _MASK
        if digest in wanted and digest not in first:
            first[digest] = row.number
    listed = scan.errors
    scan.errors = []
    for number, digest, member in candidates:
        if first[digest] < number:
            scan.reject(RowError(number, duplicate_message(member, first[digest])))
        else:
            scan.valid += 1
            _add_domains(member, organizations, found)
    scan.errors = sorted([*listed, *scan.errors], key=lambda error: error.row)[:MAX_LISTED_ERRORS]
