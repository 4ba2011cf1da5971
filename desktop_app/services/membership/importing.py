"""Importing an association's member list: add, update, keep and end memberships.

:func:`import_members` reads a CSV or XLSX list (see :mod:`.tables`, :mod:`.columns` and
:mod:`.member_rows` for what is recognised) and brings the association's current memberships
in line with it, in one transaction:

- **All or nothing for the file.** A fatal problem (no name column, undecodable text, not a
  spreadsheet, an unknown mapped column, not one valid row) raises :class:`Invalid` and
  writes nothing.
- **Row by row for the rows.** A bad row (bad date, bad email, a holder without a name, a
  repeated member) is rejected with its row number and reason; the other rows are still
  imported, as in pretix's and CiviCRM's imports. A rejected row never ends the membership it
  may name, so a typo in a date cannot cost a member their membership.
- **Matching.** A row is the same membership as a current one of the association by member
  number, else by holder (organization key; person's email, else name). Organizations are
  shared by both associations' lists and found by their name key or an alias.
- **Idempotent.** Only differences are written; the same file twice writes nothing the second
  time (no audit entry either). Columns absent from the file keep their stored values; a blank
  member number keeps the stored one.
- **History.** A current membership the new list no longer contains is ended (``ended_at``),
  never deleted; a member who comes back gets a new membership row.
- **Domains.** An organization's email domains come from its domains column, its contact's
  email and the emails of individual members who name it, free-mail domains excluded. Domains
  and aliases are only ever added.
- **Remembered mapping.** An explicit column mapping is stored per association in the
  ``settings`` table under ``member-import-mapping:<association>`` and applied to later files of
  that association wherever its columns exist; a mapping given again overrides it field by field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import (
    Association,
)
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
from desktop_app.domain.membership import ASSOCIATIONS
from desktop_app.importing.columns import MEMBER_LIST, ColumnMap, map_columns
from desktop_app.importing.member_scan import MemberScan, file_changed, scan_members
from desktop_app.importing.row_errors import RowError
from desktop_app.importing.tables import read_table
from desktop_app.services.admin import audit
from desktop_app.services.admin.events import ensure_associations
from desktop_app.services.membership.collection import without_automatic_collection
from desktop_app.services.membership.import_writes import BatchWriter
from desktop_app.services.membership.list_sync import CurrentState, Planner
from desktop_app.services.membership.mapping import (
    drop_mapping,
    effective_mapping,
    forget_mapping,
    mapping_setting_key,
    remembered_mapping,
    remembered_mapping_in,
    store_mapping,
)
from desktop_app.services.membership.verdicts import (
    ReassessReport,
    reassess_in,
    upcoming_events,
)

__all__ = [
    "MemberImportReport",
    "RowError",
    "forget_mapping",
    "import_members",
    "mapping_setting_key",
    "remembered_mapping",
]

_BATCH = 5000
"""Rows compared and written at a time."""


@dataclass(frozen=True)
class MemberImportReport:
    """What an import did (or, with ``dry_run``, would do)."""

    association: str
    file: str
    dry_run: bool
    added: int
    updated: int
    unchanged: int
    ended: int
    rejected: int
    errors: tuple[RowError, ...]
    """The first :data:`~.member_scan.MAX_LISTED_ERRORS` rejected rows (``rejected`` counts all)."""
    organizations_added: int = 0
    domains_added: int = 0
    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    unused_columns: tuple[str, ...] = ()
    mapping: Mapping[str, str] = field(default_factory=dict)
    mapping_remembered: bool = False
    mapping_forgotten: bool = False
    reassessed: tuple[ReassessReport, ...] = ()
    """The coming events whose registrations were reassessed against the new list."""

    @property
    def changed(self) -> bool:
        """Whether the import wrote (or would write) anything."""
        return bool(
            self.added
            or self.updated
            or self.ended
            or self.mapping_remembered
            or self.mapping_forgotten
        )

    def to_json(self) -> dict[str, object]:
        """The JSON shape of ``passerelle members import --json``."""
        return {
            "association": self.association,
            "file": self.file,
            "dry_run": self.dry_run,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "ended": self.ended,
            "rejected": self.rejected,
            "errors": [error.to_json() for error in self.errors],
            "errors_not_listed": self.rejected - len(self.errors),
            "organizations_added": self.organizations_added,
            "domains_added": self.domains_added,
            "columns": {name: list(headers) for name, headers in self.columns.items()},
            "unused_columns": list(self.unused_columns),
            "mapping": dict(self.mapping),
            "mapping_remembered": self.mapping_remembered,
            "mapping_forgotten": self.mapping_forgotten,
            "reassessed": [r.to_json() for r in self.reassessed],
        }


MASS_ENDING_MIN = 10  # below this many current memberships, any list may end most of them


@without_automatic_collection
def import_members(
    sessions: sessionmaker[Session],
    association: str,
    path: Path,
    *,
    dry_run: bool = False,
    sheet: str | None = None,
    mapping: Mapping[str, str] | None = None,
    at: datetime | None = None,
    staff: str | None = None,
    desk: str | None = None,
    forget_mapping: bool = False,
    allow_ending_most: bool = False,
) -> MemberImportReport:
    """Bring ``association``'s memberships in line with the member list at ``path``.

    ``mapping`` maps field names (``email``, ``organization``, ``member_number``...; see
    :data:`~.columns.MEMBER_LIST`) to headers of the file; ``""`` ignores a field. It is
    remembered for the association unless ``dry_run``; ``forget_mapping`` drops the remembered
    one (in the same transaction, so a refused file keeps it). Raises :class:`Invalid` (nothing
    written) for an unknown association or a fatal problem with the file; rejected rows are in
    the report. ``at`` is the moment recorded as import and end time (default: now).

    A list that would end more than half of the association's current memberships (a partial
    export, a list of one region) is refused unless ``allow_ending_most``: the dry run still
    reports what it would do.
    """
    if association not in ASSOCIATIONS:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "Unknown association “{association}”. Choose one of: {choices}."
            ),
            association=association,
            choices=", ".join(ASSOCIATIONS),
        )
    moment = at or datetime.now(UTC)
    table = read_table(path, sheet)  # before the transaction: fatal file problems write nothing
    explicit = dict(mapping or {})
    with sessions() as session:
        association_id = _lock_association(session, association)
        stored = remembered_mapping_in(session, association)
        remembered = {} if forget_mapping else stored
        effective = effective_mapping(remembered, explicit, table.headers)
        columns = map_columns(table.headers, MEMBER_LIST, effective)
        scan = scan_members(table, columns, association)  # first pass: the whole file
        if not scan.valid:
            # Importing it would end every membership the rows do not happen to name.
            first = scan.errors[0]
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "No row of {file} is a valid member, so nothing was imported. "
                    "Row {row}: {reason}",
                ),
                file=table.source,
                row=first.row,
                reason=first.message,
            )
        new_mapping = {**remembered, **explicit}
        remember = bool(explicit) and new_mapping != stored
        forget = forget_mapping and bool(stored) and not remember
        try:
            state = CurrentState.load(session, association_id)
            counts = _sync(session, association_id, scan, state, _present(columns), moment, dry_run)
            report = MemberImportReport(
                association=association,
                file=table.source,
                dry_run=dry_run,
                rejected=scan.rejected,
                errors=tuple(scan.errors),
                columns=columns.columns,
                unused_columns=columns.unused,
                mapping=effective,
                mapping_remembered=remember,
                mapping_forgotten=forget,
                added=counts["added"],
                updated=counts["updated"],
                unchanged=counts["unchanged"],
                ended=counts["ended"],
                organizations_added=counts["organizations_added"],
                domains_added=counts["domains_added"],
            )
            if dry_run:
                session.rollback()  # nothing was written; ends the read transaction
                return report
            current = len(state.memberships)
            if not allow_ending_most and current >= MASS_ENDING_MIN and report.ended * 2 > current:
                raise _mass_ending(report, current)
            if report.changed:
                if remember:
                    store_mapping(session, association, new_mapping, moment)
                elif forget:
                    drop_mapping(session, association)
                _audit(session, report, desk=desk, staff=staff, at=moment)
            # Coming events' flags follow the list in the same transaction: a crash can no
            # longer leave the list stored and the flags stale. Recomputed from the stored state
            # even when the list changed nothing, so that a database left stale by an older
            # version is repaired by importing the same file again; it then writes only if a
            # registration changes (no audit entry otherwise).
            reassessed = tuple(
                reassess_in(session, slug, audit_unchanged=report.changed)
                for slug in upcoming_events(session, moment)
            )
            report = replace(report, reassessed=reassessed)
            if report.changed or any(r.changed for r in reassessed):
                session.commit()
            else:
                session.rollback()
        except BaseException:
            session.rollback()
            raise
    return report


def _sync(
    session: Session,
    association_id: int,
    scan: MemberScan,
    state: CurrentState,
    present: frozenset[str],
    at: datetime,
    dry_run: bool,
) -> dict[str, int]:
    """Second pass: compare and write the valid rows a batch at a time; what it counted.

    Each batch is written before the next is read (a dry run writes nothing and numbers the
    organizations it would create), so memory holds one batch, not the list; everything stays
    in the caller's transaction, which commits or rolls back the whole file.
    """
    planner = Planner(state, present, scan.domains)
    writer = BatchWriter(session, association_id, at, dry_run)
    counts = dict.fromkeys(("added", "updated", "unchanged", "organizations_added"), 0)
    counts["domains_added"] = 0
    members = scan.members()
    while True:
        batch = list(islice(members, _BATCH))
        if not batch:
            break
        for row in batch:
            planner.add(row)
        plan = planner.take()
        counts["added"] += len(plan.added)
        counts["updated"] += len(plan.updated)
        counts["unchanged"] += plan.unchanged
        counts["organizations_added"] += len(plan.new_organizations)
        counts["domains_added"] += sum(len(d) for d in plan.new_domains.values())
        planner.written(plan, writer.write(plan))
    if counts["added"] + counts["updated"] + counts["unchanged"] != scan.valid:
        raise file_changed(scan.table.source)  # rows came or went between the readings
    ended = planner.ended(scan.protected)
    writer.end(ended)
    counts["ended"] = len(ended)
    return counts


def _mass_ending(report: MemberImportReport, current: int) -> Invalid:
    """The refusal of a list that would end most memberships (a partial export?)."""
    return Invalid(
        QT_TRANSLATE_NOOP(
            "AppError",
            "{file} would end {ended} of the {current} current memberships: is it the"
            " whole list? Nothing was changed. If it is, import it again allowing that"
            " (--allow-ending-most).",
        ),
        file=report.file,
        ended=report.ended,
        current=current,
    )


def _audit(
    session: Session,
    report: MemberImportReport,
    *,
    desk: str | None,
    staff: str | None,
    at: datetime,
) -> None:
    """The import in the audit log: the file and what it added, updated and ended."""
    counted = ("added", "updated", "unchanged", "ended", "rejected")
    audit.record(
        session,
        "members.import",
        desk=desk,
        staff=staff,
        subject=report.association,
        detail={
            "file": report.file,
            **{key: value for key, value in report.to_json().items() if key in counted},
        },
        at=at,
    )


# --- Writing ---------------------------------------------------------------------------------


def _lock_association(session: Session, association: str) -> int:
    """The association's id, its row locked so that two imports of one list take turns."""
    ensure_associations(session)
    return session.execute(
        select(Association.id).where(Association.code == association).with_for_update()
    ).scalar_one()


def _present(columns: ColumnMap) -> frozenset[str]:
    fields = {name for name in MEMBER_LIST.fields if columns.has(name)}
    if fields & {"first_name", "last_name", "full_name"}:
        fields.add("person_name")
    return frozenset(fields)
