"""Helpers shared by the member-import tests: writing lists, reading back the database."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import (
    Association,
    AuditEntry,
    Membership,
    MembershipDecision,
    Organization,
    OrganizationAlias,
    OrganizationDomain,
    Person,
    Setting,
)

AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

FRENCH_HEADER = ["No de membre", "Entreprise", "Prénom", "Nom", "Courriel", "Date d'expiration"]
ENGLISH_HEADER = ["Member #", "Company", "First name", "Last name", "Email", "Expiry date"]
ROWS = [
    ["BQ-0001", "Thératechnologies inc.", "Benoît", "Lachance", "b.lachance@theratech.com",
     "31/03/2027"],
    ["BQ-0002", "Université McGill", "Geneviève", "Tremblay", "g.tremblay@mcgill.ca",
     "2027-12-31"],
    ["BQ-0003", "Société Zéphyr S.R.I.", "Élise", "Côté", "elise.cote@gmail.com",
     "31 décembre 2027"],
]  # fmt: skip


def csv_text(rows: list[list[str]], delimiter: str = ";") -> str:
    """Rows as CSV text with CRLF line ends, quoting cells that need it."""
    lines = []
    for row in rows:
        cells = []
        for cell in row:
            if any(ch in cell for ch in (delimiter, '"', "\n", "\r")):
                cell = '"' + cell.replace('"', '""') + '"'
            cells.append(cell)
        lines.append(delimiter.join(cells))
    return "\r\n".join(lines) + "\r\n"


def write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write ``data`` (text in ``encoding``) to ``tmp_path/name``."""
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def xlsx_bytes(sheets: Mapping[str, Sequence[Sequence[object]]]) -> bytes:
    """A workbook with one worksheet per entry, in order."""
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def snapshot(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table an import or a decision may touch."""
    models = (
        Association, AuditEntry, Membership, MembershipDecision, Organization,
        OrganizationAlias, OrganizationDomain, Person, Setting,
    )  # fmt: skip
    with database.sessions() as session:
        return {
            model.__tablename__: sorted(
                tuple(row) for row in session.execute(select(model.__table__)).all()
            )
            for model in models
        }


def memberships(database: Database, association: str) -> list[dict[str, Any]]:
    """The association's memberships (ended ones too) with their holder, in id order."""
    with database.sessions() as session:
        rows = session.scalars(
            select(Membership)
            .join(Association)
            .where(Association.code == association)
            .order_by(Membership.id)
        ).all()
        return [
            {
                "id": m.id,
                "holder": m.holder_kind,
                "number": m.member_number,
                "category": m.category,
                "from": m.valid_from,
                "until": m.valid_until,
                "ended_at": m.ended_at,
                "organization": m.organization.name if m.organization else None,
                "domains": sorted(d.domain for d in m.organization.domains)
                if m.organization
                else [],
                "aliases": sorted(a.alias for a in m.organization.aliases)
                if m.organization
                else [],
                "person": f"{m.person.first_name} {m.person.last_name}" if m.person else None,
                "email": m.person.email if m.person else None,
            }
            for m in rows
        ]


def by_number(database: Database, association: str) -> dict[str, dict[str, Any]]:
    """The association's current memberships keyed by member number."""
    return {
        str(m["number"]): m for m in memberships(database, association) if m["ended_at"] is None
    }
