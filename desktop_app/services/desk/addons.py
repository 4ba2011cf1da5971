"""Add-ons: the sessions an event sells (``[[sessions]]`` with a ``price``: a gala dinner, a
paid workshop), at the walk-in form and to someone already registered (F4).

An add-on is priced like a category at its default (taxes extra, where the event takes
place), each with its own tax lines, and one receipt line per add-on. Its seats are the
session's ``capacity`` less the active registrations entitled to it (those who hold it and,
for a session that ``requires`` a category, those registered in that category), so what is
sold never exceeds what the room holds; a full session is sold only with a supervisor's
override, as a full session's door admits.

Selling locks each capped session before counting its seats, in the unit of work that
inserts the entitlement, the way a session's door does (``doors.resolve_door``): a no-op
``UPDATE`` is the row lock on PostgreSQL (what ``SELECT … FOR UPDATE`` would take) and the
write lock on SQLite, so two desks never both sell the last seat.

Add-on money is a supply of its own: the registration's amount due and paid stay those of
the admission (as an imported add-on's), so membership reassessments never mistake an
add-on for a credit owed; the payment row and the receipt carry it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from desktop_app.db.models import (
    Event,
    EventSession,
    PriceCategory,
    Registration,
    RegistrationSession,
)
from desktop_app.documents.receipt import ReceiptLine
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    Conflict,
    Invalid,
    Message,
    Named,
    NotFound,
)
from desktop_app.domain.money import ZERO
from desktop_app.domain.taxes import TaxBreakdown, TaxLine, compute_taxes
from desktop_app.services.admin import audit
from desktop_app.services.admin.staff import Override
from desktop_app.services.desk.doors import entitled
from desktop_app.services.money.payments import approve
from desktop_app.services.money.receipt_store import (
    receipt_taxes,
)

FULL = QT_TRANSLATE_NOOP("AppError", "{name} is full: {taken} of {capacity}")
"""Why a full add-on needs a supervisor (the service's and the command line's words)."""
_T_UNKNOWN = QT_TRANSLATE_NOOP(
    "AppError", "There is no add-on '{code}' at this event (add-ons: {codes})."
)
_T_NO_PRICE = QT_TRANSLATE_NOOP(
    "AppError", "{name} ('{code}') has no price: it is not sold as an add-on."
)
_T_HELD = QT_TRANSLATE_NOOP("AppError", "{name} already holds {session}.")
PAID_AT_THE_DESK = QT_TRANSLATE_NOOP(
    "AppError", "Add-ons are paid at the desk, in cash or by card."
)
"""An add-on is money received with its receipt: an invoice would leave its price owed
nowhere (the registration's balance is the admission's), and it is never complimentary."""
SOLD_FOR = ("cash", "card")


@dataclass(frozen=True)
class AddOnOffer:
    """A session the desk sells: its price with its own taxes and the seats left."""

    code: str
    name_fr: str
    name_en: str
    breakdown: TaxBreakdown
    capacity: int | None
    seats_left: int | None  # None: no limit
    held: bool = False  # the registration asked about is entitled already
    taken: int = 0  # seats sold (or included in a category), overrides included

    @property
    def full(self) -> bool:
        """No seat left: sold only with a supervisor's override."""
        return self.seats_left is not None and self.seats_left <= 0

    @property
    def total(self) -> Decimal:
        """What the add-on costs, taxes included."""
        return self.breakdown.total

    def name(self, language: str) -> str:
        """The session's name in ``language`` ("fr" or "en")."""
        return self.name_fr if language == "fr" else self.name_en


@dataclass(frozen=True)
class AddOnSale:
    """What selling add-ons wrote in the caller's unit of work."""

    sold: tuple[AddOnOffer, ...]
    breakdown: TaxBreakdown  # every add-on's lines added up, tax by tax
    lines: tuple[ReceiptLine, ...]  # one receipt line per add-on
    supervisor: str | None  # who let a full session be sold


def named(found: EventSession | AddOnOffer) -> Named:
    """A session's name for a message: French or English as the message is read."""
    return Named(found.name_fr, found.name_en)


def addon_breakdown(province: str, price: Decimal) -> TaxBreakdown:
    """An add-on's price split into subtotal and its own tax lines (taxes extra)."""
    return compute_taxes(province, price, taxes_included=False)


def combine(breakdowns: Iterable[TaxBreakdown]) -> TaxBreakdown:
    """Several items' breakdowns as one receipt's: subtotals, each tax and totals added up
    (each item's taxes rounded on its own, so the receipt's total is the sum of the prices
    the form showed)."""
    parts = list(breakdowns)
    if not parts:
        raise ValueError("nothing to combine")
    taxes: dict[str, TaxLine] = {}
    for part in parts:
        for line in part.taxes:
            before = taxes.get(line.code)
            amount = line.amount + (before.amount if before else ZERO)
            taxes[line.code] = TaxLine(
                line.code, line.name_fr, line.name_en, line.rate, amount, line.registration_kind
            )
    return TaxBreakdown(
        sum((p.subtotal for p in parts), ZERO),
        tuple(taxes.values()),
        sum((p.total for p in parts), ZERO),
        all(p.taxes_included for p in parts),
    )


def addons_total(offers: Sequence[AddOnOffer], codes: Iterable[str]) -> Decimal:
    """What the add-ons ``codes`` among ``offers`` cost together, taxes included."""
    wanted = set(codes)
    return sum((offer.total for offer in offers if offer.code in wanted), ZERO)


def holders(session: Session, event_id: int, found: EventSession) -> int:
    """Active registrations entitled to a priced session: holders and, for a session that
    requires a category, that category's registrants (the seats already taken)."""
    holds = select(RegistrationSession.registration_id).where(
        RegistrationSession.session_id == found.id
    )
    condition: ColumnElement[bool] = Registration.id.in_(holds)
    if found.requires is not None:
        in_category = select(PriceCategory.id).where(
            PriceCategory.event_id == event_id, PriceCategory.code == found.requires
        )
        condition = or_(condition, Registration.category_id.in_(in_category))
    count = session.scalar(
        select(func.count())
        .select_from(Registration)
        .where(
            Registration.event_id == event_id,
            Registration.status == RegistrationStatus.ACTIVE.value,
            condition,
        )
    )
    return int(count or 0)


def _priced(session: Session, event: Event) -> list[EventSession]:
    return list(
        session.scalars(
            select(EventSession)
            .where(EventSession.event_id == event.id, EventSession.price.is_not(None))
            .order_by(EventSession.position, EventSession.id)
        )
    )


def _offer(
    session: Session, event: Event, found: EventSession, registration: Registration | None
) -> AddOnOffer:
    assert found.price is not None
    left, taken = None, 0
    if found.capacity is not None:
        taken = holders(session, event.id, found)
        left = max(found.capacity - taken, 0)
    return AddOnOffer(
        code=found.code,
        name_fr=found.name_fr,
        name_en=found.name_en,
        breakdown=addon_breakdown(event.province, found.price),
        capacity=found.capacity,
        seats_left=left,
        taken=taken,
        held=registration is not None and entitled(session, registration, found),
    )


def offers_in(
    session: Session, event: Event, registration: Registration | None = None
) -> tuple[AddOnOffer, ...]:
    """The event's add-ons in the event file's order, with their seats left now (and, for
    ``registration``, whether it holds each already), in the caller's unit of work."""
    return tuple(_offer(session, event, found, registration) for found in _priced(session, event))


def addon_offers(sessions: sessionmaker[Session], registration_id: int) -> tuple[AddOnOffer, ...]:
    """The add-ons of the registration's event, for F4: seats left, and which it holds."""
    with sessions() as session:
        registration = session.get(Registration, registration_id)
        if registration is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("AppError", "There is no registration {id}."),
                id=registration_id,
            )
        return offers_in(session, registration.event, registration)


def _chosen(session: Session, event: Event, codes: Sequence[str]) -> list[EventSession]:
    """The sessions ``codes`` name, each once, or the refusal naming the first wrong one."""
    every = list(
        session.scalars(
            select(EventSession)
            .where(EventSession.event_id == event.id)
            .order_by(EventSession.position, EventSession.id)
        )
    )
    by_code = {found.code: found for found in every}
    chosen: list[EventSession] = []
    for raw in codes:
        code = raw.strip()
        found = by_code.get(code)
        if found is None:
            raise NotFound(
                _T_UNKNOWN,
                code=code,
                codes=", ".join(s.code for s in every if s.price is not None) or "-",
            )
        if found.price is None:
            raise Invalid(_T_NO_PRICE, name=named(found), code=code)
        if found not in chosen:
            chosen.append(found)
    return chosen


def price_of(session: Session, event: Event, codes: Sequence[str]) -> Decimal:
    """What the add-ons ``codes`` cost together (refusing an unknown or unpriced one)."""
    return sum(
        (
            addon_breakdown(event.province, s.price or ZERO).total
            for s in _chosen(session, event, codes)
        ),
        ZERO,
    )


def _lock(session: Session, chosen: Sequence[EventSession]) -> None:
    capped = sorted(s.id for s in chosen if s.capacity is not None)
    if capped:  # in id order: two desks selling two add-ons each never wait on each other
        session.execute(
            update(EventSession)
            .where(EventSession.id.in_(capped))
            .values(capacity=EventSession.capacity)
            .execution_options(synchronize_session=False)
        )


def addon_line(offer: AddOnOffer) -> ReceiptLine:
    """The receipt line of one add-on: its name in both languages, its price before taxes,
    its own taxes."""
    subtotal = offer.breakdown.subtotal
    return ReceiptLine(
        f"Supplément — {offer.name_fr}",
        f"Add-on — {offer.name_en}",
        1,
        subtotal,
        subtotal,
        receipt_taxes(offer.breakdown),
        offer.code,
    )


def sell_in(
    session: Session,
    registration: Registration,
    codes: Sequence[str],
    *,
    override: Override | None,
    desk: str,
    staff: str,
    action_id: str,
    at: datetime,
) -> AddOnSale:
    """Give ``registration`` the add-ons ``codes`` in the caller's unit of work, within each
    session's seats (a full one needs ``override``); audited. Refuses an unknown code, a
    session without a price and one the registration already holds."""
    event = registration.event
    chosen = _chosen(session, event, codes)
    _lock(session, chosen)
    sold: list[AddOnOffer] = []
    supervisor: str | None = None
    full: list[str] = []
    for found in chosen:
        offer = _offer(session, event, found, registration)
        if offer.held:
            person = registration.person
            raise Conflict(
                _T_HELD,
                name=f"{person.first_name} {person.last_name}".strip(),
                session=named(found),
            )
        if offer.full:
            why = _full_reason(session, event, found)
            supervisor = approve(session, override, why=why).name
            full.append(found.code)
        session.add(
            RegistrationSession(
                registration_id=registration.id, session_id=found.id, source="desk", added_at=at
            )
        )
        sold.append(offer)
    session.flush()
    breakdown = combine(offer.breakdown for offer in sold)
    audit.record(
        session,
        "addons.sold",
        desk=desk,
        staff=staff,
        subject=f"registration:{registration.id}",
        detail={
            "action_id": action_id,
            "sessions": [offer.code for offer in sold],
            "totals": [str(offer.total) for offer in sold],
            "total": str(breakdown.total),
            "over_capacity": full,
            "supervisor": supervisor,
            "override_reason": override.reason.strip() if supervisor and override else None,
        },
    )
    return AddOnSale(tuple(sold), breakdown, tuple(addon_line(o) for o in sold), supervisor)


def _full_reason(session: Session, event: Event, found: EventSession) -> Message:
    return Message(
        FULL,
        name=named(found),
        taken=holders(session, event.id, found),
        capacity=found.capacity,
    )


__all__ = [
    "FULL",
    "PAID_AT_THE_DESK",
    "SOLD_FOR",
    "AddOnOffer",
    "AddOnSale",
    "addon_breakdown",
    "addon_line",
    "addon_offers",
    "addons_total",
    "combine",
    "holders",
    "named",
    "offers_in",
    "price_of",
    "sell_in",
]
