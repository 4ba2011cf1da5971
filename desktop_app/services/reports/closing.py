"""Closing a desk's day: the cash counted against what the drawer should hold, and everything
the desk did since its previous closing, stored once and never changed.

Cash expected = opening float + cash taken − cash refunded (a refund is a negative cash
payment). Card payments are listed with their references, invoices and complimentary
admissions counted, receipts and credit notes given as number ranges per series, check-ins
(walk-ins among them) counted, all of it per staff member too; the receipts' amounts as the
admissions' line and one line per add-on sold (``addon_sales.desk_sales``). The closing is
numbered per event and desk; the next one starts where this one ended. Audited. A reprint is
marked COPIE / COPY by the document.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import (
    CheckIn,
    DeskClosing,
    Payment,
    Receipt,
    ReceiptSeries,
    Registration,
)
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, Invalid, NotFound
from desktop_app.domain.money import ZERO, to_money
from desktop_app.services.admin import audit
from desktop_app.services.admin.events import get_event
from desktop_app.services.reports.addon_sales import desk_sales
from desktop_app.services.reports.common import EventHeading, heading_of

DENOMINATIONS: tuple[str, ...] = (
    "100", "50", "20", "10", "5", "2", "1", "0.25", "0.10", "0.05",
)  # fmt: skip
"""Canadian bills and coins a drawer is counted in (no pennies since 2013)."""

_T_NO_DESK = QT_TRANSLATE_NOOP("AppError", "A desk closing needs the desk's name.")
_T_NEGATIVE = QT_TRANSLATE_NOOP(
    "AppError", "The cash counted and the opening float cannot be negative ({amount})."
)
_T_RACE = QT_TRANSLATE_NOOP(
    "AppError",
    "Desk {desk} was closed at the same moment from elsewhere. Look at its closings, "
    "then close again if something is left.",
)
_T_NO_CLOSING = QT_TRANSLATE_NOOP(
    "AppError", "Desk {desk} has no closing number {number} for this event."
)


def _money(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class DeskClosingReport:
    """A stored closing as it prints: read back from its snapshot."""

    event: EventHeading
    desk: str
    number: int
    opened_at: datetime | None
    closed_at: datetime
    staff: str
    opening_float: Decimal
    counted_cash: Decimal
    expected_cash: Decimal
    summary: dict[str, Any]
    note: str | None

    @property
    def difference(self) -> Decimal:
        """Counted minus expected: positive is extra cash, negative is missing cash."""
        return self.counted_cash - self.expected_cash

    def to_json(self) -> dict[str, Any]:
        """The shape documented in README.md (``passerelle desk close --json``)."""
        return {
            "event": self.event.slug,
            "desk": self.desk,
            "number": self.number,
            "opened_at": None if self.opened_at is None else self.opened_at.isoformat(),
            "closed_at": self.closed_at.isoformat(),
            "staff": self.staff,
            "opening_float": f"{self.opening_float:.2f}",
            "expected_cash": f"{self.expected_cash:.2f}",
            "counted_cash": f"{self.counted_cash:.2f}",
            "difference": f"{self.difference:.2f}",
            "note": self.note,
            **self.summary,
        }


def counted_from(denominations: dict[str, int]) -> Decimal:
    """The cash a count by denomination adds up to ({"20": 3, "0.25": 4} is 61.00)."""
    total = ZERO
    for value, count in denominations.items():
        if value not in DENOMINATIONS or count < 0:
            raise Invalid(_T_NEGATIVE, amount=f"{value} × {count}")
        total += Decimal(value) * count
    return total.quantize(Decimal("0.01"))


def desk_activity(
    session: Session, event_id: int, desk: str, since: datetime | None, until: datetime
) -> dict[str, Any]:
    """What ``desk`` did for the event in (``since``, ``until``]: the closing's snapshot."""

    def window(column: Any) -> list[Any]:
        conditions = [column <= until]
        if since is not None:
            conditions.append(column > since)
        return conditions

    payments = session.execute(
        select(
            Payment.method, Payment.amount, Payment.reference, Payment.received_at, Payment.staff
        )
        .join(Registration, Registration.id == Payment.registration_id)
        .where(
            Registration.event_id == event_id, Payment.desk == desk, *window(Payment.received_at)
        )
        .order_by(Payment.received_at, Payment.id)
    ).all()
    staff: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"check_ins": 0, "walk_ins": 0, "payments": 0, "cash": ZERO, "card": ZERO}
    )
    cash_taken = cash_refunded = card_total = invoice_total = ZERO
    invoices = complimentary = 0
    cards: list[dict[str, str]] = []
    for method, amount, reference, received_at, who in payments:
        person = staff[who]
        person["payments"] += 1
        if method == "cash":
            if amount >= 0:
                cash_taken += amount
            else:
                cash_refunded -= amount
            person["cash"] += amount
        elif method == "card":
            card_total += amount
            person["card"] += amount
            cards.append(
                {
                    "at": received_at.isoformat(),
                    "amount": f"{amount:.2f}",
                    "reference": reference or "",
                }
            )
        elif method == "invoice":
            invoices += 1
            invoice_total += amount
        else:
            complimentary += 1

    check_ins = session.execute(
        select(CheckIn.staff, Registration.source, CheckIn.undone_at)
        .join(Registration, Registration.id == CheckIn.registration_id)
        .where(
            Registration.event_id == event_id, CheckIn.desk == desk, *window(CheckIn.checked_in_at)
        )
    ).all()
    counted_check_ins = walk_ins = undone = 0
    for who, source, undone_at in check_ins:
        if undone_at is not None:
            undone += 1
            continue
        counted_check_ins += 1
        staff[who]["check_ins"] += 1
        if source == "walk-in":
            walk_ins += 1
            staff[who]["walk_ins"] += 1

    series = [
        {
            "series": code,
            "first": int(first),
            "last": int(last),
            "receipts": int(receipts or 0),
            "credit_notes": int(count) - int(receipts or 0),
        }
        for code, first, last, receipts, count in session.execute(
            select(
                ReceiptSeries.code,
                func.min(Receipt.number),
                func.max(Receipt.number),
                func.sum(case((Receipt.kind == "receipt", 1), else_=0)),
                func.count(),
            )
            .join(ReceiptSeries, ReceiptSeries.id == Receipt.series_id)
            .join(Registration, Registration.id == Receipt.registration_id)
            .where(
                Registration.event_id == event_id, Receipt.desk == desk, *window(Receipt.issued_at)
            )
            .group_by(ReceiptSeries.code)
            .order_by(ReceiptSeries.code)
        )
    ]
    return {
        "cash_taken": f"{cash_taken:.2f}",
        "cash_refunded": f"{cash_refunded:.2f}",
        "card_total": f"{card_total:.2f}",
        "card_payments": cards,
        "invoices": invoices,
        "invoice_total": f"{invoice_total:.2f}",
        "complimentary": complimentary,
        "receipt_series": series,
        "sales": desk_sales(session, event_id, desk, since, until),
        "check_ins": counted_check_ins,
        "walk_ins": walk_ins,
        "undone_check_ins": undone,
        "by_staff": [
            {
                "staff": who,
                "check_ins": values["check_ins"],
                "walk_ins": values["walk_ins"],
                "payments": values["payments"],
                "cash": f"{values['cash']:.2f}",
                "card": f"{values['card']:.2f}",
            }
            for who, values in sorted(staff.items(), key=lambda item: item[0].casefold())
        ],
    }


def _closing_moment(
    session: Session, event_id: int, desk: str, since: datetime | None, now: datetime
) -> datetime:
    """When a closing made ``now`` ends: now, or the desk's latest recorded moment if that is
    later (a clock set ahead, or the demo's simulated event day), so nothing the desk
    recorded falls between two closings."""
    latest = [now]
    for model, column, desk_column in (
        (Payment, Payment.received_at, Payment.desk),
        (CheckIn, CheckIn.checked_in_at, CheckIn.desk),
        (Receipt, Receipt.issued_at, Receipt.desk),
    ):
        query = (
            select(func.max(column))
            .select_from(model)
            .join(Registration, Registration.id == model.registration_id)
            .where(Registration.event_id == event_id, desk_column == desk)
        )
        if since is not None:
            query = query.where(column > since)
        found = session.scalar(query)
        if found is not None:
            latest.append(found)
    return max(latest)


def close_desk(
    sessions: sessionmaker[Session],
    slug: str,
    *,
    desk: str,
    staff: str,
    counted_cash: Decimal,
    opening_float: Decimal = ZERO,
    note: str | None = None,
    denominations: dict[str, int] | None = None,
    now: datetime | None = None,
) -> DeskClosingReport:
    """Close ``desk``'s day for event ``slug``: store the closing and return it.

    ``counted_cash`` is what the drawer holds, float included; with ``denominations`` it
    must be what they add up to (the dialog counts by denomination).
    """
    desk = " ".join(desk.split())
    if not desk:
        raise Invalid(_T_NO_DESK)
    counted_cash = to_money(counted_cash)
    opening_float = to_money(opening_float)
    for amount in (counted_cash, opening_float):
        if amount < 0:
            raise Invalid(_T_NEGATIVE, amount=str(amount))
    note = " ".join((note or "").split()) or None
    closed_at = now or datetime.now(UTC)
    try:
        with sessions.begin() as session:
            event = get_event(session, slug)
            previous = session.execute(
                select(DeskClosing.number, DeskClosing.closed_at)
                .where(DeskClosing.event_id == event.id, DeskClosing.desk == desk)
                .order_by(DeskClosing.number.desc())
                .limit(1)
            ).first()
            number = 1 if previous is None else previous[0] + 1
            opened_at = None if previous is None else previous[1]
            closed_at = _closing_moment(session, event.id, desk, opened_at, closed_at)
            summary = desk_activity(session, event.id, desk, opened_at, closed_at)
            if denominations:
                summary["denominations"] = {k: int(v) for k, v in denominations.items() if v}
            expected = (
                opening_float + _money(summary["cash_taken"]) - _money(summary["cash_refunded"])
            )
            row = DeskClosing(
                event_id=event.id,
                desk=desk,
                number=number,
                opened_at=opened_at,
                closed_at=closed_at,
                staff=staff,
                opening_float=opening_float,
                expected_cash=expected,
                counted_cash=counted_cash,
                note=note,
                summary=summary,
            )
            session.add(row)
            session.flush()
            audit.record(
                session,
                "desk.close",
                desk=desk,
                staff=staff,
                subject=f"{slug}#{number}",
                detail={
                    "expected_cash": f"{expected:.2f}",
                    "counted_cash": f"{counted_cash:.2f}",
                    "difference": f"{counted_cash - expected:.2f}",
                },
                at=closed_at,
            )
            return _report(row, heading_of(event))
    except IntegrityError as error:
        raise Conflict(_T_RACE, desk=desk) from error


def _report(row: DeskClosing, heading: EventHeading) -> DeskClosingReport:
    return DeskClosingReport(
        event=heading,
        desk=row.desk,
        number=row.number,
        opened_at=row.opened_at,
        closed_at=row.closed_at,
        staff=row.staff,
        opening_float=row.opening_float,
        counted_cash=row.counted_cash,
        expected_cash=row.expected_cash,
        summary=dict(row.summary),
        note=row.note,
    )


def desk_closings(
    sessions: sessionmaker[Session], slug: str, desk: str | None = None
) -> list[DeskClosingReport]:
    """The stored closings of event ``slug`` (of one desk when given), oldest first."""
    with sessions() as session:
        event = get_event(session, slug)
        heading = heading_of(event)
        query = select(DeskClosing).where(DeskClosing.event_id == event.id)
        if desk is not None:
            query = query.where(DeskClosing.desk == " ".join(desk.split()))
        rows = session.scalars(query.order_by(DeskClosing.closed_at, DeskClosing.id))
        return [_report(row, heading) for row in rows]


def desk_closing(
    sessions: sessionmaker[Session], slug: str, desk: str, number: int
) -> DeskClosingReport:
    """One stored closing (for a reprint), or ``NotFound``."""
    for closing in desk_closings(sessions, slug, desk):
        if closing.number == number:
            return closing
    raise NotFound(_T_NO_CLOSING, desk=desk, number=number)


def pending_activity(
    sessions: sessionmaker[Session], slug: str, desk: str
) -> tuple[datetime | None, dict[str, Any]]:
    """What ``desk`` did since its last closing (for the dialog, before counting the cash)."""
    with sessions() as session:
        event = get_event(session, slug)
        since = session.scalar(
            select(func.max(DeskClosing.closed_at)).where(
                DeskClosing.event_id == event.id, DeskClosing.desk == " ".join(desk.split())
            )
        )
        until = _closing_moment(session, event.id, desk, since, datetime.now(UTC))
        return since, desk_activity(session, event.id, desk, since, until)
