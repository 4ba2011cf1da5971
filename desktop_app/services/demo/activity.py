"""A first morning at the doors, for the demo and the report benchmarks.

Checks in a share of an event's active registrations at three desks between the doors'
opening and noon (most in the first hour), undoes a few as a volunteer would, and registers
walk-ins through the desk's own service (cash, card and invoices, each with its receipt
where there is one), with one credit note refunded in cash. The check-ins are written in
bulk (60,000 in seconds); the walk-ins go through ``register_walk_in`` so their payments,
receipts and taxes are exactly what a desk would have written.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import CheckIn, Registration
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.errors import AppError
from desktop_app.services.admin.events import get_event
from desktop_app.services.demo.names import FIRST_NAMES_FR, LAST_NAMES_FR
from desktop_app.services.desk.walkin import WalkInForm, quote_walk_in, register_walk_in
from desktop_app.services.money.credit_notes import issue_credit_note
from desktop_app.services.money.payments import PaymentInput

DESKS = ("Desk 1", "Desk 2", "Desk 3")
STAFF = {"Desk 1": "Marie", "Desk 2": "Luc", "Desk 3": "Aïcha"}
_BATCH = 5000


@dataclass(frozen=True)
class ActivityResult:
    """What the simulated morning wrote."""

    checked_in: int
    undone: int
    walk_ins: int
    credit_notes: int

    def to_json(self) -> dict[str, Any]:
        """For ``passerelle demo --activity --json``."""
        return {
            "checked_in": self.checked_in,
            "undone": self.undone,
            "walk_ins": self.walk_ins,
            "credit_notes": self.credit_notes,
        }


def _arrival(rng: random.Random, doors: datetime) -> datetime:
    # Most people come in the first hour; a long tail until noon.
    minutes = rng.triangular(0, 240, 35)
    return doors + timedelta(minutes=minutes, seconds=rng.randrange(60))


def simulate_morning(
    sessions: sessionmaker[Session],
    slug: str,
    *,
    share: float = 0.6,
    walk_ins: int = 40,
    seed: int = 1,
) -> ActivityResult:
    """Check in ``share`` of ``slug``'s active registrations and register ``walk_ins``."""
    rng = random.Random(f"{seed}:{slug}")  # two events never draw the same action ids
    with sessions() as session:
        event = get_event(session, slug)
        zone = ZoneInfo(event.timezone)
        start = event.starts_at.astimezone(zone)
        doors = start - timedelta(minutes=30)
        waiting = list(
            session.scalars(
                select(Registration.id)
                .where(
                    Registration.event_id == event.id,
                    Registration.status == RegistrationStatus.ACTIVE.value,
                    ~select(CheckIn.id).where(CheckIn.registration_id == Registration.id).exists(),
                )
                .order_by(Registration.id)
            )
        )
    chosen = rng.sample(waiting, round(len(waiting) * share))
    undone = 0
    rows: list[dict[str, Any]] = []
    for registration_id in chosen:
        desk = rng.choice(DESKS)
        at = _arrival(rng, doors)
        row: dict[str, Any] = {
            "registration_id": registration_id,
            "checked_in_at": at,
            "desk": desk,
            "staff": STAFF[desk],
            "action_id": uuid.UUID(int=rng.getrandbits(128)).hex,
            "undone_at": None,
            "undone_by": None,
            "undo_reason": None,
        }
        if rng.random() < 0.01:  # the wrong person, undone at once
            row.update(
                undone_at=at + timedelta(minutes=1),
                undone_by=STAFF[desk],
                undo_reason="Mauvaise personne / wrong person (demo)",
            )
            undone += 1
        rows.append(row)
    for first in range(0, len(rows), _BATCH):
        with sessions.begin() as session:
            session.execute(insert(CheckIn), rows[first : first + _BATCH])

    done, credits = _walk_ins(sessions, slug, walk_ins, rng, doors)
    return ActivityResult(len(rows) - undone, undone, done, credits)


def _walk_ins(
    sessions: sessionmaker[Session], slug: str, count: int, rng: random.Random, doors: datetime
) -> tuple[int, int]:
    done = credits = 0
    first_cash: int | None = None
    for number in range(count):
        first = rng.choice(FIRST_NAMES_FR)
        last = rng.choice(LAST_NAMES_FR)
        method = rng.choices(("cash", "card", "invoice"), weights=(45, 45, 10))[0]
        organization = f"Démo {rng.choice(LAST_NAMES_FR)} inc." if method == "invoice" else None
        form = WalkInForm(
            first,
            last,
            f"walk-in-{number}-{rng.getrandbits(32):x}@example.org",
            organization,
            None,
            rng.choice(("fr", "en")),
        )
        at = doors + timedelta(minutes=30 + rng.triangular(0, 210, 20))
        quote = quote_walk_in(sessions, slug, form, at=at).quote
        if quote is None:
            continue
        price = quote.total
        if method == "cash":
            tendered = (price / 20).to_integral_value(rounding=ROUND_UP) * 20
            payment = PaymentInput("cash", price, tendered=Decimal(tendered))
        elif method == "card":
            payment = PaymentInput("card", price, reference=f"DEMO-{rng.randrange(10**6):06d}")
        else:
            payment = PaymentInput("invoice", price, reference=f"PO-{rng.randrange(10**4):04d}")
        desk = rng.choice(DESKS)
        try:
            result = register_walk_in(
                sessions,
                slug,
                form,
                payment,
                desk=desk,
                staff=STAFF[desk],
                action_id=uuid.UUID(int=rng.getrandbits(128)).hex,
                at=at,
            )
        except AppError:
            continue  # e.g. a rate that needs a supervisor: a desk would ask one; the demo skips
        done += 1
        if method == "cash" and first_cash is None and result.receipt is not None:
            first_cash = result.receipt.receipt_id
    if first_cash is not None:
        issue_credit_note(
            sessions,
            first_cash,
            amount=Decimal("50.00"),
            reason="Parti à midi / left at noon",
            desk="Desk 1",
            staff=STAFF["Desk 1"],
            refund="cash",
        )
        credits = 1
    return done, credits
