"""What a refund does to the add-ons it reverses: as pretix frees the seat of a cancelled
add-on position, a credit note that gives back an add-on line's whole price releases that
entitlement (the seat returns to the session), unless the person was already checked in to
that session -- then the seat is kept, and the credit note's result and audit say so. A
partial refund keeps the seat; a credit note without money paid back (a correction, perhaps
reissued) never touches it.

An add-on line counts as fully refunded when the credit notes of its receipt have given back
its price (its own line with its taxes, or a partial credit on it as the receipt's first
line), or when the receipt is credited entirely (a free 0.00 line goes with its receipt).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop_app.db.models import CheckIn, EventSession, Registration, RegistrationSession
from desktop_app.documents.receipt import ReceiptLine
from desktop_app.domain.money import ZERO
from desktop_app.services.admin import audit
from desktop_app.services.money.receipt_store import Seat


def line_total(line: ReceiptLine) -> Decimal:
    """A line's price with its own taxes (negative on a credit note)."""
    return line.amount + sum((t.amount for t in line.taxes), ZERO)


def credited_per_session(items: Sequence[ReceiptLine], total: Decimal) -> dict[str, Decimal]:
    """What a credit note's ``items`` give back per add-on (positive), as
    ``credit_notes._admission_part`` splits it: a whole reversal's lines each with their
    taxes; a partial credit's one line is the whole note."""
    credited: dict[str, Decimal] = {}
    for line in items:
        if line.session is None:
            continue
        part = line_total(line) if line.taxes else (total if len(items) == 1 else line.amount)
        credited[line.session] = credited.get(line.session, ZERO) - part
    return credited


def _fully_refunded(
    original: Sequence[ReceiptLine],
    notes: Iterable[tuple[Sequence[ReceiptLine], Decimal]],
    receipt_cleared: bool,
) -> list[str]:
    """The add-on codes of ``original`` whose whole price ``notes`` gave back."""
    credited: dict[str, Decimal] = {}
    for items, total in notes:
        for code, part in credited_per_session(items, total).items():
            credited[code] = credited.get(code, ZERO) + part
    done: list[str] = []
    for line in original:
        if line.session is None or line.session in done:
            continue
        price = line_total(line)
        if receipt_cleared or (price > ZERO and credited.get(line.session, ZERO) >= price):
            done.append(line.session)
    return done


def release_refunded(
    session: Session,
    registration: Registration,
    original: Sequence[ReceiptLine],
    notes: Iterable[tuple[Sequence[ReceiptLine], Decimal]],
    *,
    receipt_cleared: bool,
    desk: str,
    staff: str,
    credit_note: str,
    at: datetime,
) -> tuple[tuple[Seat, ...], tuple[Seat, ...]]:
    """Release the seats of the add-ons ``notes`` (every credit note of the receipt, this
    one included: ``(items, total)``) fully refunded, in the caller's unit of work; returns
    (released, kept because checked in). Audited when anything changed or was kept."""
    codes = _fully_refunded(original, notes, receipt_cleared)
    if not codes:
        return (), ()
    found = session.scalars(
        select(EventSession)
        .join(RegistrationSession, RegistrationSession.session_id == EventSession.id)
        .where(
            EventSession.event_id == registration.event_id,
            EventSession.code.in_(codes),
            RegistrationSession.registration_id == registration.id,
        )
        .order_by(EventSession.position, EventSession.id)
    ).all()
    released: list[Seat] = []
    kept: list[Seat] = []
    for held in found:
        seat = Seat(held.code, held.name_fr, held.name_en)
        came = session.scalar(
            select(CheckIn.id).where(
                CheckIn.registration_id == registration.id,
                CheckIn.session_id == held.id,
                CheckIn.undone_at.is_(None),
            )
        )
        if came is not None:  # the seat was used: refunding does not undo the visit
            kept.append(seat)
            continue
        session.execute(
            delete(RegistrationSession).where(
                RegistrationSession.registration_id == registration.id,
                RegistrationSession.session_id == held.id,
            )
        )
        released.append(seat)
    if released or kept:
        audit.record(
            session,
            "addons.released",
            desk=desk,
            staff=staff,
            subject=f"registration:{registration.id}",
            detail={
                "credit_note": credit_note,
                "released": [s.code for s in released],
                "kept_checked_in": [s.code for s in kept],
            },
            at=at,
        )
    return tuple(released), tuple(kept)


__all__ = ["credited_per_session", "line_total", "release_refunded"]
