"""The first pass over a member list: what needs the whole file before anything is written.

A member list is read twice, streamed both times (see :mod:`.tables`): :func:`scan_members`
parses every row once to find what only the whole file tells — rejected rows, repeated members,
the identities rejected rows name (their memberships must not be ended), and each
organization's email domains (they may come from rows anywhere in the file) — and the second
pass, :meth:`MemberScan.members`, yields the valid rows again for the import to compare and
write in batches. Small lists keep their parsed rows between the passes (faster); large ones
are parsed again (constant memory), and the first pass then keeps only a number per identity.

The report keeps at most :data:`MAX_LISTED_ERRORS` rejected rows (with the total count), so
that a file of a million bad rows cannot exhaust memory either.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

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
    domains: dict[str, set[str]] = field(default_factory=dict)
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
                yield parse_member_row(row, self.columns, self.association)

    def reject(self, error: RowError) -> None:
        self.rejected += 1
        self.skipped.add(error.row)
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(error)


def scan_members(table: Table, columns: ColumnMap, association: str) -> MemberScan:
    """Parse every row once (see the module docstring)."""
    keep = table.count <= KEEP_ROWS_UP_TO
    scan = MemberScan(table, columns, association, kept=[] if keep else None)
    # Large lists keep a hash per identity, not the identity (a collision would be reported
    # as a repeated row naming the other: visible, and about one chance in 10^12 per file).
    first_row: dict[Identity | int, int] = {}
    organizations: set[str] = set()
    found: defaultdict[str, set[str]] = defaultdict(set)
    for row in table.iter_rows():
        try:
            member = parse_member_row(row, columns, association)
        except RowRejected as rejection:
            scan.reject(RowError(row.number, rejection.reason))
            scan.protected.update(guess_identities(row, columns))
            continue
        key = member.identity if keep else hash(member.identity)
        first = first_row.get(key)
        if first is not None:
            scan.reject(RowError(row.number, duplicate_message(member, first)))
            continue
        first_row[key] = row.number
        scan.valid += 1
        if scan.kept is not None:
            scan.kept.append(member)
        # An organization's domains: its domains column, its contact's email and the emails
        # of the people who name it; free mail never counts (email_domain leaves it out).
        if member.holder == "organization":
            organizations.add(member.organization_key)
            if member.domains:
                found[member.organization_key].update(member.domains)
        domain = member.email_domain
        if domain and member.organization_key:
            found[member.organization_key].add(domain)
    scan.domains = {key: found[key] for key in organizations if key in found}
    return scan
