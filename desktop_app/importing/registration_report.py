"""What a registration import reports: counts, rejected rows and registrations to settle.

Plain frozen dataclasses, shared by the importer, the command line and the interface.
``to_json`` gives the shape of ``passerelle registrations import --json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop_app.importing.row_errors import RowError


@dataclass(frozen=True)
class FlagCounts:
    """How many imported registrations the desk must settle, by flag."""

    balance_due: int = 0
    credit_due: int = 0
    doubt: int = 0

    def to_json(self) -> dict[str, int]:
        """``{"balance_due": …, "credit_due": …, "doubt": …}``."""
        return {"balance_due": self.balance_due, "credit_due": self.credit_due, "doubt": self.doubt}


@dataclass(frozen=True)
class FlaggedRegistration:
    """An imported registration whose price does not match its membership verdict."""

    row: int
    code: str
    name: str
    flag: str
    amount_due: Decimal
    amount_paid: Decimal

    def to_json(self) -> dict[str, Any]:
        """Amounts as decimal strings."""
        return {
            "row": self.row,
            "code": self.code,
            "name": self.name,
            "flag": self.flag,
            "amount_due": str(self.amount_due),
            "amount_paid": str(self.amount_paid),
        }


@dataclass(frozen=True)
class RegistrationImportReport:
    """What an import did (or, with ``dry_run``, would do)."""

    event: str
    file: str
    layout: str
    dry_run: bool
    added: int
    updated: int
    unchanged: int
    skipped: int
    """Rows not imported because cancelled, refunded or not attending."""
    cancelled: int
    """Registrations that were active and are now cancelled (among the skipped rows)."""
    rejected: int
    errors: tuple[RowError, ...]
    flags: FlagCounts
    flagged: tuple[FlaggedRegistration, ...]
    kept_cancelled: int = 0
    """Orders cancelled before the import, kept as cancelled registrations (among the skipped
    rows) so that their codes scan as cancelled at the desk."""
    sessions_added: int = 0
    """Sessions given to registrations by add-on rows (pretix add-ons, ``--map-session``)."""
    written: bool = True
    """Whether the import wrote anything: a file already imported as it is writes nothing."""

    @property
    def nothing_accepted(self) -> bool:
        """Every row was refused: the import writes nothing and the command exits 1."""
        return bool(self.rejected) and not (
            self.added or self.updated or self.unchanged or self.skipped
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of ``passerelle registrations import --json``."""
        return {
            "event": self.event,
            "file": self.file,
            "layout": self.layout,
            "dry_run": self.dry_run,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "cancelled": self.cancelled,
            "kept_cancelled": self.kept_cancelled,
            "sessions_added": self.sessions_added,
            "rejected": self.rejected,
            "errors": [e.to_json() for e in self.errors],
            "flags": self.flags.to_json(),
            "flagged": [f.to_json() for f in self.flagged],
            "written": self.written and not self.dry_run,
        }
