"""The exhibitor's lead export and the networking list, as the reports' documents (the one
export writer makes their CSV and XLSX; the report PDF renderer their PDF)."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Event, Person, Registration
from desktop_app.documents.report_data import Language, ReportDocument, Section
from desktop_app.documents.report_pdf import render_report_pdf
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, StorageUnavailable
from desktop_app.domain.stored_verdict import ENTITLEMENTS
from desktop_app.services.admin.events import get_event
from desktop_app.services.leads.access import (
    consenting,
    exhibitor_of,
    require_networking_purpose,
    require_station,
)
from desktop_app.services.leads.station import leads_of
from desktop_app.services.reports.exports import ExportFormat, export_report, record_export

# The networking list's sections, one per membership ("none" reads "Non-members").
_SECTION_TITLES = {"bioquebec": "bioquebec", "lso": "lso", "both": "both", "none": "non_members"}


def export_format_of(path: Path, *, pdf: bool = False) -> str:
    """``csv``, ``xlsx`` (or ``pdf`` where allowed) from the file's name, else ``Invalid``."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("csv", "xlsx") or (pdf and suffix == "pdf"):
        return suffix
    raise Invalid(
        QT_TRANSLATE_NOOP("AppError", "{path}: the file name must end in {choices}."),
        path=str(path),
        choices=".pdf, .csv or .xlsx" if pdf else ".csv or .xlsx",
    )


def _heading(event: Event) -> dict[str, object]:
    return {
        "event_names": (event.name_fr, event.name_en),
        "province": event.province,
        "timezone": event.timezone,
    }


def leads_document(session: Session, event: Event, exhibitor_code: str) -> ReportDocument:
    """One exhibitor's leads: name, organization, email, membership, rating, note, time.

    The admission code is not among the columns: it would let the exhibitor check in as
    the person."""
    exhibitor = exhibitor_of(session, event, exhibitor_code)
    rows = tuple(
        (
            line.name,
            line.organization,
            line.email,
            line.association,
            line.rating,
            line.note,
            line.scanned_at,
        )
        for line in reversed(leads_of(session, exhibitor))
    )
    return ReportDocument(
        kind="leads",
        reference=exhibitor.name,
        sections=(
            Section(
                "leads",
                ("name", "organization", "email", "association", "rating", "note", "scanned_at"),
                rows,
                frozenset({3}),
            ),
        ),
        **_heading(event),  # type: ignore[arg-type]
    )


def export_leads(
    sessions: sessionmaker[Session],
    slug: str,
    exhibitor: str,
    path: Path,
    staff: str,
    language: Language = "fr",
) -> int:
    """Write the exhibitor's own leads to ``path`` (.csv or .xlsx, owner-only, formulas
    defused, audited); only its own account or a supervisor may. Returns the rows written."""
    export_format = ExportFormat(export_format_of(path))
    with sessions() as session:
        event = get_event(session, slug)
        staff = require_station(session, staff, exhibitor_of(session, event, exhibitor))
        document = leads_document(session, event, exhibitor)
    return export_report(
        sessions,
        document,
        path,
        export_format,
        language,
        staff=staff,
        subject=f"exhibitor:{exhibitor}",
    )


@dataclass(frozen=True)
class NetworkingEntry:
    """A person on the networking list."""

    association: str
    organization: str | None
    name: str


def networking_entries(session: Session, event: Event) -> tuple[NetworkingEntry, ...]:
    """The event's active registrants who agreed to networking, by membership (BIOQuébec,
    LSO, both, none), then organization, then name."""
    require_networking_purpose(session, event)
    rows = session.execute(
        select(Registration.entitled_by, Person)
        .join(Person, Person.id == Registration.person_id)
        .where(
            Registration.event_id == event.id,
            Registration.status == RegistrationStatus.ACTIVE.value,
            Person.anonymized_at.is_(None),
        )
    ).all()
    agreed = consenting(session, [person.id for _, person in rows])
    order = {key: index for index, key in enumerate(ENTITLEMENTS)}
    entries = {
        (
            str(entitled),
            (person.organization_name or "").strip() or None,
            f"{person.first_name} {person.last_name}".strip(),
        )
        for entitled, person in rows
        if person.id in agreed
    }
    return tuple(
        NetworkingEntry(*entry)
        for entry in sorted(
            entries,
            key=lambda e: (order.get(e[0], 9), (e[1] or "\uffff").casefold(), e[2].casefold()),
        )
    )


def networking_document(session: Session, event: Event) -> ReportDocument:
    """The networking list as a report document: one table per membership."""
    entries = networking_entries(session, event)
    sections = tuple(
        Section(
            _SECTION_TITLES.get(key, key),
            ("organization", "name"),
            tuple((e.organization, e.name) for e in entries if e.association == key),
        )
        for key in ENTITLEMENTS
        if any(e.association == key for e in entries)
    )
    return ReportDocument(
        kind="networking",
        sections=sections or (Section("networking", ("organization", "name"), ()),),
        notes=("networking_note",),
        **_heading(event),  # type: ignore[arg-type]
    )


def write_networking_list(
    sessions: sessionmaker[Session], slug: str, path: Path, staff: str, language: Language = "fr"
) -> int:
    """Write the event's networking list to ``path`` (.pdf, .csv or .xlsx), owner-only and
    audited. Returns the number of people on it."""
    chosen = export_format_of(path, pdf=True)
    with sessions() as session:
        document = networking_document(session, get_event(session, slug))
    if chosen != "pdf":
        return export_report(sessions, document, path, ExportFormat(chosen), language, staff=staff)
    _write_private(path, render_report_pdf(document, generated_at=datetime.now(UTC)))
    rows = document.row_count()
    with sessions.begin() as session:
        record_export(session, document, path, "pdf", rows, staff=staff)
    return rows


def _write_private(path: Path, data: bytes) -> None:
    """``data`` to ``path`` through a 0600 temporary file: whole or absent, owner-only."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        try:
            os.chmod(name, 0o600)
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(name, path)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "AppError",
                "The export could not be written to {path} ({reason}). Choose another folder.",
            ),
            path=str(path),
            reason=error.strerror or str(error),
        ) from error
