"""A known scenario for the report tests, built through the desk's own services.

Montréal (QC, BIOQuébec hosts; 2027-03-23, EDT = UTC−4):
- R1 member rate, BIOQuébec member, org "Alpha", checked in 08:05 at Desk 1
- R2 member rate, LSO member, org "Beta Inc", owes 100.00 paid by card at Desk 2, in 08:20
- R3 member rate, LSO member, org " beta inc" (the same organization, typed differently), 08:22
- R4 member rate, member of both, 08:40
- R5 non-member, checked in 08:50 then undone (a mistake): a no-show
- R6 non-member, never came: a no-show
- R7 member rate, BIOQuébec, cancelled (checked in before it was cancelled: still not counted)
- W1 walk-in at 09:10, non-member, on-site rate in cash at Desk 1; a credit note of 100.00
  (taxes included) refunded in cash
- W2 speaker walk-in at 09:12 (complimentary, a supervisor's override); W3 walk-in at 09:14
  on the on-site rate billed to Epsilon (invoice), both at Desk 1

Toronto (ON, LSO hosts; 2027-05-12): T1 BIOQuébec member (the same person as R1, same email)
and T2 LSO member, both checked in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Registration
from desktop_app.services.desk import checkin as checkin_module
from desktop_app.services.desk.checkin import check_in, undo_check_in
from desktop_app.services.desk.walkin import WalkInForm, register_walk_in
from desktop_app.services.money.credit_notes import issue_credit_note
from desktop_app.services.money.payments import PaymentInput, collect_balance
from tests.services.money_desk import (
    MONTREAL,
    SUPERVISOR,
    TORONTO,
    add_registration,
    setup_money_desk,
    total,
)

D = Decimal


def montreal(hour: int, minute: int) -> datetime:
    """A time on 2027-03-23 in Montréal (EDT, UTC−4)."""
    return datetime(2027, 3, 23, hour + 4, minute, tzinfo=UTC)


@dataclass(frozen=True)
class Scenario:
    walk_in_total: Decimal  # what the walk-in paid (on-site rate, taxes included)
    card_amount: Decimal
    credit_amount: Decimal
    walk_in_receipt: int
    card_receipt: int
    credit_note: int


def _member(
    sessions: sessionmaker[Session],
    code: str,
    associations: list[str],
    *,
    slug: str = MONTREAL,
    category: str = "member",
    email: str | None = None,
    organization: str | None = "Exemple inc.",
    owes: Decimal = Decimal(0),
    first: str = "Test",
) -> int:
    price = total(slug, category, sessions)
    registration_id = add_registration(
        sessions,
        code,
        slug=slug,
        category=category,
        due=price,
        paid=price - owes,
        email=email or f"{code.lower()}@example.org",
        first_name=first,
        last_name=code,
    )
    with sessions.begin() as session:
        registration = session.get(Registration, registration_id)
        assert registration is not None
        registration.verdict = {"associations": associations, "status": {}, "evidence": []}
        registration.person.organization_name = organization
    return registration_id


def _arrive(
    sessions: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
    code: str,
    at: datetime,
    *,
    slug: str = MONTREAL,
    desk: str = "Desk 1",
    staff: str = "Marie",
) -> None:
    monkeypatch.setattr(checkin_module, "_now", lambda: at)
    result = check_in(sessions, slug, code, desk=desk, staff=staff)
    assert result.action_id is not None, result


def build(sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> Scenario:
    """The scenario above, in an empty database."""
    setup_money_desk(sessions)
    r1 = _member(sessions, "R1", ["bioquebec"], organization="Alpha", email="alice@example.org")
    r2 = _member(sessions, "R2", ["lso"], organization="Beta Inc", owes=D("100.00"))
    _member(sessions, "R3", ["lso"], organization=" beta inc")
    _member(sessions, "R4", ["bioquebec", "lso"])
    r5 = _member(sessions, "R5", [], category="non-member")
    _member(sessions, "R6", [], category="non-member")
    r7 = _member(sessions, "R7", ["bioquebec"])
    del r1

    _arrive(sessions, monkeypatch, "R1", montreal(8, 5))
    monkeypatch.setattr(checkin_module, "_now", lambda: montreal(8, 19))
    card = collect_balance(
        sessions, r2, PaymentInput("card", D("100.00"), reference="VISA 4242"),
        desk="Desk 2", staff="Luc",
    )  # fmt: skip
    _arrive(sessions, monkeypatch, "R2", montreal(8, 20), desk="Desk 2", staff="Luc")
    _arrive(sessions, monkeypatch, "R3", montreal(8, 22))
    _arrive(sessions, monkeypatch, "R4", montreal(8, 40))
    _arrive(sessions, monkeypatch, "R5", montreal(8, 50))
    undo_check_in(sessions, r5, desk="Desk 1", staff="Marie", reason="wrong person")
    _arrive(sessions, monkeypatch, "R7", montreal(8, 55))
    with sessions.begin() as session:
        cancel = update(Registration).where(Registration.id == r7).values(status="cancelled")
        session.execute(cancel)

    on_site = total(MONTREAL, "on-site", sessions)
    monkeypatch.setattr(checkin_module, "_now", lambda: montreal(9, 10))
    walk_in = register_walk_in(
        sessions,
        MONTREAL,
        WalkInForm("Walter", "Inn", "walter@example.org", "Gamma", "on-site", "fr"),
        PaymentInput("cash", on_site, tendered=on_site),
        desk="Desk 1",
        staff="Marie",
        action_id="walk-in-1",
        at=montreal(9, 10),
    )
    assert walk_in.receipt is not None
    monkeypatch.setattr(checkin_module, "_now", lambda: montreal(9, 30))
    credit = issue_credit_note(
        sessions, walk_in.receipt.receipt_id, amount=D("100.00"), reason="Left at noon",
        desk="Desk 1", staff="Marie", refund="cash",
    )  # fmt: skip
    monkeypatch.setattr(checkin_module, "_now", lambda: montreal(9, 12))
    register_walk_in(
        sessions,
        MONTREAL,
        WalkInForm("Sam", "Speaker", "sam@example.org", None, "speaker", "en"),
        PaymentInput("complimentary", D("0.00")),
        desk="Desk 1",
        staff="Marie",
        action_id="walk-in-2",
        override=SUPERVISOR,
        at=montreal(9, 12),
    )
    monkeypatch.setattr(checkin_module, "_now", lambda: montreal(9, 14))
    register_walk_in(
        sessions,
        MONTREAL,
        WalkInForm("Ivy", "Voice", "ivy@example.org", "Epsilon", "on-site", "en"),
        PaymentInput("invoice", on_site, reference="PO-77"),
        desk="Desk 1",
        staff="Marie",
        action_id="walk-in-3",
        at=montreal(9, 14),
    )

    _member(
        sessions, "T1", ["bioquebec"], slug=TORONTO, email="ALICE@example.org", organization="Alpha"
    )
    _member(sessions, "T2", ["lso"], slug=TORONTO, organization="Delta")
    _arrive(sessions, monkeypatch, "T1", datetime(2027, 5, 12, 13, 0, tzinfo=UTC), slug=TORONTO)
    _arrive(sessions, monkeypatch, "T2", datetime(2027, 5, 12, 13, 5, tzinfo=UTC), slug=TORONTO)
    with sessions() as session:
        both = select(Registration.entitled_by).where(Registration.code == "R4")
        assert session.scalar(both) == "both"
    return Scenario(
        walk_in_total=on_site,
        card_amount=D("100.00"),
        credit_amount=D("100.00"),
        walk_in_receipt=walk_in.receipt.receipt_id,
        card_receipt=card.receipt_id,
        credit_note=credit.receipt_id,
    )
