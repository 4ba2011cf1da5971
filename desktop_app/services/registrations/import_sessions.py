"""Add-ons in a registration file: rows that give a registration a session rather than make
a registration. A pretix row with an "Add-on to position ID" is one (its product names the
session; it attaches to its parent position's ticket); so is any row whose product is
mapped to a session with ``--map-session "Gala dinner=gala"`` (it attaches to the
registration with the row's email: the same order's ticket, in the file or already
imported). An add-on that names no session, or finds no registration, rejects its row."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.models import Event, EventSession, Registration, RegistrationSession
from desktop_app.domain.codes import normalise_code
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, Message
from desktop_app.domain.names import normalize_email
from desktop_app.importing.columns import ColumnMap
from desktop_app.importing.row_errors import RowError
from desktop_app.importing.tables import Table, TableRow

ADD_ON_TO = "Add-on to position ID"  # pretix's order positions: the parent's Position ID

_T_BAD_SESSION = QT_TRANSLATE_NOOP(
    "AppError", "--map-session: {code} is not a session of this event (sessions: {sessions})."
)
_T_NOT_A_SESSION = QT_TRANSLATE_NOOP(
    "AppError",
    "The add-on “{product}” is not a session of this event. Map it with --map-session"
    " “{product}=CODE” (sessions: {sessions}).",
)
_T_NO_PARENT = QT_TRANSLATE_NOOP(
    "AppError", "The add-on “{product}” belongs to no ticket of this file or event ({parent})."
)


@dataclass(frozen=True)
class AddOn:
    """An add-on row: the session it gives and whose it is (pretix: the parent's order
    code and position; else the row's email)."""

    row: int
    product: str
    session_code: str | None
    parent: tuple[str, str] | None
    email: str | None
    code: str | None = None  # the registration's own code (a "Sessions" column's row)


def take_add_ons(
    session: Session,
    event: Event,
    table: Table,
    columns: ColumnMap,
    session_map: Mapping[str, str],
) -> tuple[Table, list[AddOn]]:
    """The table without its add-on rows, and those rows; ``Invalid`` for a map naming a
    session the event does not have."""
    sessions = list(
        session.scalars(
            select(EventSession)
            .where(EventSession.event_id == event.id)
            .order_by(EventSession.position)
        )
    )
    codes = {s.code for s in sessions}
    for code in session_map.values():
        if code.strip() not in codes:
            raise Invalid(_T_BAD_SESSION, code=code, sessions=", ".join(sorted(codes)) or "-")
    mapped = {product.strip().casefold(): code.strip() for product, code in session_map.items()}
    named = {name.casefold(): s.code for s in sessions for name in (s.code, s.name_fr, s.name_en)}
    pretix = columns.layout == "pretix" and ADD_ON_TO in table.headers
    kept: list[TableRow] = []
    add_ons: list[AddOn] = []
    listed = columns.has("sessions")
    for row in table.rows:
        product = columns.value(row, "category").strip()
        parent_position = row.get(ADD_ON_TO).strip() if pretix else ""
        if not parent_position and product.casefold() not in mapped:
            kept.append(row)
            if listed:
                add_ons.extend(_listed(row, columns, {**named, **mapped}))
            continue
        session_code = mapped.get(product.casefold()) or named.get(product.casefold())
        order = columns.value(row, "order_code").strip()
        add_ons.append(
            AddOn(
                row=row.number,
                product=product,
                session_code=session_code,
                parent=(order, parent_position) if parent_position else None,
                email=normalize_email(columns.value(row, "email")) or None,
            )
        )
    return table.with_rows(tuple(kept)), add_ons


def _listed(row: TableRow, columns: ColumnMap, names: Mapping[str, str]) -> list[AddOn]:
    """The sessions a row's "Sessions" column names (by code or name; ";" or "," apart)."""
    code = normalise_code(columns.value(row, "code")) or None
    email = normalize_email(columns.value(row, "email")) or None
    return [
        AddOn(row.number, item, names.get(item.casefold()), None, email, code)
        for item in (p.strip() for p in re.split(r"[;,]", columns.value(row, "sessions")))
        if item
    ]


def grant_add_ons(
    session: Session,
    event: Event,
    table: Table,
    columns: ColumnMap,
    add_ons: list[AddOn],
    moment: datetime,
) -> tuple[int, list[RowError]]:
    """Give each add-on's registration its session (the registrations of the file are in the
    database by now); how many were new, and the rows refused."""
    if not add_ons:
        return 0, []
    sessions = {
        s.code: s
        for s in session.scalars(select(EventSession).where(EventSession.event_id == event.id))
    }
    listing = ", ".join(sorted(sessions)) or "-"
    tickets = {
        (
            columns.value(row, "order_code").strip(),
            columns.value(row, "attendee_number").strip(),
        ): row
        for row in table.rows
    }
    registrations = {
        r.code: r
        for r in session.scalars(select(Registration).where(Registration.event_id == event.id))
    }
    held = {
        (h.registration_id, h.session_id)
        for h in session.scalars(
            select(RegistrationSession).where(
                RegistrationSession.session_id.in_([s.id for s in sessions.values()])
            )
        )
    }
    by_email: dict[str, list[Registration]] = {}
    if any(a.parent is None for a in add_ons):
        for registration in registrations.values():
            email = normalize_email(registration.person.email or "")
            if email and registration.status == "active":
                by_email.setdefault(email, []).append(registration)
    granted = 0
    errors: list[RowError] = []
    for add_on in add_ons:
        if add_on.session_code is None:
            errors.append(
                RowError(
                    add_on.row,
                    Message(_T_NOT_A_SESSION, product=add_on.product, sessions=listing),
                )
            )
            continue
        owner = _owner(add_on, tickets, columns, registrations, by_email)
        if owner is None:
            parent = "-".join(add_on.parent) if add_on.parent else (add_on.email or "-")
            errors.append(
                RowError(add_on.row, Message(_T_NO_PARENT, product=add_on.product, parent=parent))
            )
            continue
        target = sessions[add_on.session_code]
        if (owner.id, target.id) in held:
            continue
        held.add((owner.id, target.id))
        session.add(
            RegistrationSession(
                registration_id=owner.id,
                session_id=target.id,
                source="import",
                added_at=moment,
            )
        )
        granted += 1
    session.flush()
    return granted, errors


def _owner(
    add_on: AddOn,
    tickets: Mapping[tuple[str, str], TableRow],
    columns: ColumnMap,
    registrations: Mapping[str, Registration],
    by_email: Mapping[str, list[Registration]],
) -> Registration | None:
    """The registration an add-on belongs to: its parent ticket's, else the one active
    registration of the event with its email."""
    if add_on.code is not None:
        return registrations.get(add_on.code)
    if add_on.parent is not None:
        parent = tickets.get(add_on.parent)
        if parent is None:
            return None
        code = normalise_code(columns.value(parent, "code")) or "-".join(add_on.parent)
        return registrations.get(code)
    matching = by_email.get(add_on.email or "", [])
    return matching[0] if len(matching) == 1 else None
