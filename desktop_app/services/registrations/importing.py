"""Import pre-registrations from a generic spreadsheet, a pretix export or an Eventbrite report.

:func:`import_registrations` reads the file (:mod:`.tables`), recognises its layout and
columns (:mod:`.columns`), reads each row (:mod:`.registration_rows`), then in one unit of work
adds, updates or cancels registrations and gives every imported one its membership verdict
and flag (:mod:`.registration_verdicts`).

- **Keyed by code.** The ticket's own code is the registration's code (pretix "Ticket secret",
  Eventbrite "Barcode #"), so the QR code the attendee holds scans at the desk. A generic file
  without a code column gets new opaque codes; importing it again finds its registrations by
  email and name. Importing the same file twice changes nothing the second time, and writes
  nothing (not even the audit entry).
- **Cancelled rows** (cancelled, refunded, Not Attending…) are never active: a new code is
  kept as a cancelled registration (so it scans as "cancelled" at the desk), and one whose
  code is an active registration cancels it — unless already checked in, a conflict in the
  row report — so a newer export brings cancellations in.
- **Categories**: a product or ticket type is matched to the event's price categories by
  French or English name or code, or by an explicit mapping (``--map-category``), which is
  remembered for the event in the ``Setting`` table.
- **All or nothing** for the file: an unreadable file, a missing name or category column or a
  bad mapping raises :class:`Invalid` and writes nothing. A bad row is rejected with its row
  number and reason; the other rows are imported.
- What the desk did is kept: money taken at the desk (``Payment`` rows) stays in
  ``amount_paid``, and a person edited or substituted at the desk is not overwritten.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event as orm_events
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import (
    Event,
    PriceCategory,
    Registration,
)
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.codes import new_registration_code
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, Message
from desktop_app.domain.money import LINE_CEILING
from desktop_app.domain.names import display_name, normalize_email, person_key
from desktop_app.importing.columns import REGISTRATIONS, ColumnMap, map_columns
from desktop_app.importing.registration_report import (
    FlagCounts,
    FlaggedRegistration,
    RegistrationImportReport,
)
from desktop_app.importing.registration_rows import (
    CategoryMatcher,
    ParsedRow,
    RowProblem,
    RowReader,
    RowStatus,
    order_moment,
)
from desktop_app.importing.row_errors import RowError
from desktop_app.importing.tables import Table, TableRow, read_table
from desktop_app.services.admin import audit
from desktop_app.services.admin.events import get_event
from desktop_app.services.membership.directory import event_date, load_directory
from desktop_app.services.membership.verdicts import (
    BALANCE_DUE,
    CREDIT_DUE,
    DOUBT,
    Assessor,
    RegistrationFacts,
    apply,
)
from desktop_app.services.registrations.import_consents import (
    consent_answers,
    consent_columns,
    record_consents,
)
from desktop_app.services.registrations.import_rows import (
    NewRegistrations,
    cancel_registration,
    update_registration,
)
from desktop_app.services.registrations.import_sessions import grant_add_ons, take_add_ons
from desktop_app.services.registrations.lookup import (
    checked_in_registrations,
    codes_elsewhere,
    desk_edited,
    desk_payments,
    existing_registrations,
    remember_category_map,
    remembered_category_map,
)

SOURCES = {"generic": "import", "pretix": "pretix", "eventbrite": "eventbrite"}
_NOT_AUDITED = ("errors", "flagged", "written")  # the audit entry keeps the counts
__all__ = [
    "FlagCounts",
    "FlaggedRegistration",
    "RegistrationImportReport",
    "RowError",
    "import_registrations",
    "remembered_category_map",
]

_T_NO_CATEGORY_COLUMN = QT_TRANSLATE_NOOP(
    "AppError",
    "The registration file has no ticket type or category column (Catégorie, Type de billet, "
    "Tarif, Product, Ticket Type…). Columns found: {headers}.",
)
_T_BAD_MAP_CODE = QT_TRANSLATE_NOOP(
    "AppError",
    "The category mapping names “{code}”, which is not a category of this event. "
    "Categories: {categories}.",
)
_T_BAD_MAP_PRODUCT = QT_TRANSLATE_NOOP(
    "AppError", "The category mapping has an empty ticket type (write PRODUCT=CODE)."
)
_T_DUPLICATE = QT_TRANSLATE_NOOP("AppError", "Same registration as row {first}.")
_T_CHECKED_IN = QT_TRANSLATE_NOOP(
    "AppError",
    "The file says this order is cancelled, but {name} ({code}) is already checked in: the"
    " registration stays active. Cancel it at the desk if that is right.",
)
_T_FOREIGN = QT_TRANSLATE_NOOP(
    "AppError", "The code {code} already belongs to a registration of event {event}."
)


def import_registrations(
    sessions: sessionmaker[Session],
    slug: str,
    path: Path | str,
    *,
    dry_run: bool = False,
    sheet: str | None = None,
    category_map: Mapping[str, str] | None = None,
    consent_map: Mapping[str, str] | None = None,
    at: datetime | None = None,
    session_map: Mapping[str, str] | None = None,
) -> RegistrationImportReport:
    """Import the registrations of event ``slug`` from the file at ``path``.

    ``category_map`` maps products / ticket types as the file writes them to category codes;
    it is checked against the event, used with the mapping remembered from earlier imports,
    and remembered in turn. ``dry_run`` reports what would change and writes nothing. ``at``
    is the import time (default now), also the registration time of rows without an order
    date. Raises :class:`Invalid` (nothing written) for a fatal problem with the file or the
    mapping, :class:`NotFound` for an unknown event or file. ``consent_map`` maps a column
    (a question's answer) to one of the event's consent purposes; each answer is stored with
    source ``import``, and a cell that is neither yes nor no rejects its row.
    ``session_map`` maps products to session codes: such rows, and pretix add-ons, give the
    session to a registration (see ``import_sessions``).
    """
    moment = at or datetime.now(UTC)
    table = read_table(Path(path), sheet)
    columns = map_columns(table.headers, REGISTRATIONS)
    if not columns.has("category"):
        raise Invalid(
            _T_NO_CATEGORY_COLUMN, headers=", ".join(f"“{h}”" for h in table.headers) or "—"
        )
    _refuse_mixed_events(table)
    with sessions() as session:
        try:
            work = _Import(session, slug, table, columns, moment, dry_run)
            work.consent_map = dict(consent_map or {})
            work.session_map = dict(session_map or {})
            report = work.run(category_map)
        except BaseException:
            session.rollback()
            raise
        if dry_run or report.nothing_accepted or not work.changed_anything:
            # Every row refused, or nothing new: nothing written, not even the audit entry.
            session.rollback()
        else:
            session.commit()
    return report


_EVENT_COLUMNS = ("Event slug", "Event", "Événement")
_T_MIXED_EVENTS = QT_TRANSLATE_NOOP(
    "AppError",
    "The file {file} holds registrations of {count} events ({events}): which rows belong to "
    "this event is a guess, so nothing was imported. Export one event at a time.",
)


def _refuse_mixed_events(table: Table) -> None:
    """An export of several events (pretix's "Event slug" column with more than one value)
    is refused: the event's slug in pretix need not be ours, so no value can be picked."""
    header = next((h for h in _EVENT_COLUMNS if h in table.headers), None)
    if header is None:
        return
    seen: dict[str, int] = {}
    for row in table.rows:
        value = row.get(header)
        if value:
            seen[value] = seen.get(value, 0) + 1
    if len(seen) > 1:
        raise Invalid(
            _T_MIXED_EVENTS,
            file=table.source,
            count=len(seen),
            events=", ".join(f"{name}: {rows}" for name, rows in sorted(seen.items())),
        )


class _Import:
    def __init__(
        self,
        session: Session,
        slug: str,
        table: Table,
        columns: ColumnMap,
        moment: datetime,
        dry_run: bool,
    ) -> None:
        self.session = session
        self.slug = slug
        self.table = table
        self.columns = columns
        self.moment = moment
        self.dry_run = dry_run
        self.source = SOURCES[columns.layout]
        self.counts = dict.fromkeys(("added", "updated", "unchanged", "skipped", "cancelled"), 0)
        self.kept_cancelled: set[str] = set()  # codes of orders cancelled before this import
        self.errors: list[RowError] = []
        self.flagged: list[FlaggedRegistration] = []
        self.flags = dict.fromkeys((BALANCE_DUE, CREDIT_DUE, DOUBT), 0)
        self.new = NewRegistrations(moment, self.source)
        self.consent_map: dict[str, str] = {}  # column header -> purpose code
        self.session_map: dict[str, str] = {}  # product -> session code
        self.answers: dict[str, dict[str, bool]] = {}  # registration code -> answers
        self.changed_anything = False
        self.wrote_rows = False
        orm_events.listen(session, "before_flush", self._notice_writes)

    # --- setup ---------------------------------------------------------------------------------

    def _check_map(
        self, mapping: Mapping[str, str], categories: Mapping[str, PriceCategory]
    ) -> dict[str, str]:
        checked: dict[str, str] = {}
        for product, code in mapping.items():
            if not product.strip():
                raise Invalid(_T_BAD_MAP_PRODUCT)
            if code.strip() not in categories:
                raise Invalid(_T_BAD_MAP_CODE, code=code, categories=", ".join(categories))
            checked[product.strip()] = code.strip()
        return checked

    # --- the import ----------------------------------------------------------------------------

    def run(self, category_map: Mapping[str, str] | None) -> RegistrationImportReport:
        session = self.session
        event = get_event(session, self.slug)
        categories = {c.code: c for c in event.prices}
        explicit = self._check_map(category_map or {}, categories)
        self.table, add_ons = take_add_ons(
            session, event, self.table, self.columns, self.session_map
        )
        columns_of_consents = consent_columns(self.session, event, self.table, self.consent_map)
        remembered = {
            product: code
            for product, code in remembered_category_map(session, self.slug).items()
            if code in categories
        }
        matcher = CategoryMatcher(
            list(event.prices),
            {**remembered, **explicit},
        )
        reader = RowReader(
            self.columns, self.table.headers, matcher, event.max_line_amount or LINE_CEILING
        )
        existing = existing_registrations(session, event)
        by_identity = {
            (
                normalize_email(r.person.email) or "",
                person_key(r.person.first_name, r.person.last_name),
            ): r
            for r in existing.values()
            if r.source == SOURCES["generic"]
        }
        desk_paid = desk_payments(session, event)
        protected = desk_edited(session, existing)

        statuses = []
        for row in self.table.rows:
            try:
                statuses.append((row, reader.status(row)))
            except RowProblem as problem:
                self.errors.append(RowError(row.number, problem.message))
        foreign = codes_elsewhere(
            session, event, {s.code for _, s in statuses if s.code and s.code not in existing}
        )
        assessor = Assessor(event, load_directory(session, event_date(event)))
        active_codes = {s.code for _, s in statuses if s.active and s.code}
        cancelled_rows = any(not s.active for _, s in statuses)
        checked_in = checked_in_registrations(session, event) if cancelled_rows else set()
        seen: dict[object, int] = {}
        for row, status in statuses:
            identity = None if status.code else reader.identity(row)
            if identity is None:
                current = existing.get(status.code or "")
            else:
                current = by_identity.get(identity) if identity != ("", "") else None
            if not status.active:
                self.counts["skipped"] += 1
                if status.code in active_codes:  # the same ticket is active on another row
                    continue
                if current is not None:
                    self._cancel(row.number, current, checked_in)
                elif status.code and status.code not in (*foreign, *self.kept_cancelled):
                    self._keep_cancelled(event, categories, reader, row, status, assessor)
                continue
            if status.code in foreign:
                self._reject(row.number, _T_FOREIGN, code=status.code, event=foreign[status.code])
                continue
            key: object = status.code or identity
            if key != ("", ""):
                if key in seen:
                    self._reject(row.number, _T_DUPLICATE, first=seen[key])
                    continue
                seen[key] = row.number
            try:
                parsed = reader.parse(row, status)
                answers = consent_answers(row, columns_of_consents)
            except RowProblem as problem:
                self.errors.append(RowError(row.number, problem.message))
                continue
            except Invalid as problem:  # a consent cell that is neither yes nor no
                self.errors.append(
                    RowError(row.number, Message(problem.template, **problem.params))
                )
                continue
            category = categories[parsed.category_code]
            due, paid = parsed.amounts(self.columns.layout, assessor.base_amount_due(category.code))
            if current is None:
                code = self._add(event, category, parsed, due, paid, assessor)
                if answers:
                    self.answers[code] = answers
                self.counts["added"] += 1
                continue
            if answers:
                self.answers[current.code] = answers
            paid += desk_paid.get(current.id, Decimal(0))
            changed = update_registration(
                current,
                category,
                parsed,
                due,
                paid,
                keep_person=current.id in protected,
                moment=self.moment,
            )
            self.counts["updated" if changed else "unchanged"] += 1
            self._assess(assessor, current, parsed, due)

        self.session.flush()
        wrote = self.wrote_rows or bool(self.new.registrations)
        self.new.insert(session)
        wrote |= record_consents(session, event, self.answers, self.moment) > 0
        granted, refused = grant_add_ons(
            session, event, self.table, self.columns, add_ons, self.moment
        )
        self.errors.extend(refused)
        self.counts["sessions"] = granted
        wrote |= granted > 0
        if explicit and not self.dry_run:
            wrote |= remember_category_map(session, self.slug, explicit, self.moment)
        # A re-import that changes nothing writes nothing, not even its audit entry.
        self.changed_anything = wrote
        report = self._report()
        report = replace(report, written=wrote and not (report.nothing_accepted or self.dry_run))
        if wrote:
            audit.record(
                session,
                "registrations.imported",
                subject=f"event:{self.slug}",
                detail={k: v for k, v in report.to_json().items() if k not in _NOT_AUDITED},
                at=self.moment,
            )
        return report

    def _notice_writes(self, session: Session, *_: object) -> None:
        """Before each flush (autoflushes included): whether it writes anything."""
        if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
            self.wrote_rows = True

    def _reject(self, row: int, template: str, **params: Any) -> None:
        self.errors.append(RowError(row, Message(template, **params)))

    def _cancel(self, row: int, registration: Registration, checked_in: set[int]) -> None:
        """A registration the file now says is cancelled: cancelled, unless already checked in
        (then a conflict in the row report: the desk's check-in is never silently undone)."""
        if registration.status != RegistrationStatus.ACTIVE:
            return
        if registration.id in checked_in:
            person = registration.person
            self._reject(
                row,
                _T_CHECKED_IN,
                name=display_name(person.first_name, person.last_name),
                code=registration.code,
            )
            return
        cancel_registration(registration)
        self.counts["cancelled"] += 1

    def _keep_cancelled(
        self,
        event: Event,
        categories: Mapping[str, PriceCategory],
        reader: RowReader,
        row: TableRow,
        status: RowStatus,
        assessor: Assessor,
    ) -> None:
        """An order cancelled before this import: kept as a cancelled registration, so its
        code scans as "cancelled" at the desk rather than "not found"."""
        try:
            parsed = reader.parse(row, status)
        except RowProblem as problem:
            self.errors.append(RowError(row.number, problem.message))
            return
        category = categories[parsed.category_code]
        due, _ = parsed.amounts(self.columns.layout, assessor.base_amount_due(category.code))
        code = self._add(event, category, parsed, due, Decimal("0.00"), assessor, cancelled=True)
        self.kept_cancelled.add(code)

    def _add(
        self,
        event: Event,
        category: PriceCategory,
        parsed: ParsedRow,
        due: Decimal,
        paid: Decimal,
        assessor: Assessor,
        *,
        cancelled: bool = False,
    ) -> str:
        """Queue a new registration (inserted in bulk at the end), assessed; its code. A
        ``cancelled`` one (an order cancelled before the import) is never flagged."""
        code = parsed.code or new_registration_code()
        assessment = assessor.assess(
            RegistrationFacts(
                first_name=parsed.first_name,
                last_name=parsed.last_name,
                email=parsed.email,
                organization=parsed.organization,
                category_code=category.code,
                amount_paid=paid,
                base_amount_due=due,
                registered_at=order_moment(parsed.ordered_on, event.timezone, self.moment),
                member_number=parsed.member_number,
            )
        )
        self.new.queue(event, category, parsed, code, paid, assessment, cancelled=cancelled)
        if not cancelled:
            self._count_flag(parsed, code, assessment.membership_flag, assessment.amount_due, paid)
        return code

    def _assess(
        self, assessor: Assessor, registration: Registration, parsed: ParsedRow, due: Decimal
    ) -> None:
        person = registration.person
        assessment = assessor.assess(
            RegistrationFacts(
                first_name=person.first_name,
                last_name=person.last_name,
                email=person.email,
                organization=person.organization_name,
                category_code=parsed.category_code,
                amount_paid=registration.amount_paid,
                base_amount_due=due,
                registered_at=registration.created_at,
                member_number=parsed.member_number,
            )
        )
        apply(registration, assessment)
        self._count_flag(
            parsed,
            registration.code,
            assessment.membership_flag,
            registration.amount_due,
            registration.amount_paid,
        )

    def _count_flag(
        self, parsed: ParsedRow, code: str, flag: str | None, due: Decimal, paid: Decimal
    ) -> None:
        if flag not in self.flags:
            return
        self.flags[flag] += 1
        self.flagged.append(
            FlaggedRegistration(
                row=parsed.number,
                code=code,
                name=display_name(parsed.first_name, parsed.last_name),
                flag=flag,
                amount_due=due,
                amount_paid=paid,
            )
        )

    def _report(self) -> RegistrationImportReport:
        return RegistrationImportReport(
            event=self.slug,
            file=self.table.source,
            layout=self.columns.layout,
            dry_run=self.dry_run,
            added=self.counts["added"],
            updated=self.counts["updated"],
            unchanged=self.counts["unchanged"],
            skipped=self.counts["skipped"],
            cancelled=self.counts["cancelled"],
            kept_cancelled=len(self.kept_cancelled),
            sessions_added=self.counts.get("sessions", 0),
            rejected=len(self.errors),
            errors=tuple(sorted(self.errors, key=lambda e: e.row)),
            flags=FlagCounts(
                balance_due=self.flags[BALANCE_DUE],
                credit_due=self.flags[CREDIT_DUE],
                doubt=self.flags[DOUBT],
            ),
            flagged=tuple(self.flagged),
        )
