"""Several desk processes on one PostgreSQL server at once (PASSERELLE_TEST_PG only).

Four spawned processes, each a desk with its own DeskLink, check in the same registrations
in different orders, then collect the same balances: each registration ends with exactly
one active check-in and every other desk was told "already checked in"; each balance is
collected once and the receipt numbers are 1..n with no gap and no repeat.
"""

from __future__ import annotations

import multiprocessing
import random
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.db.database import open_database
from desktop_app.db.models import CheckIn, Receipt, ReceiptSeries
from tests.services.money_desk import MONTREAL, add_registration, setup_money_desk
from tests.services.sync.desk_link_support import PG_URL, own_database

pytestmark = pytest.mark.skipif(PG_URL is None, reason="needs PASSERELLE_TEST_PG")

DESKS = 4
CHECK_INS = 30
BALANCES = 16


def _desk(url: str, replica: str, desk: int, codes: list[str], owing: list[int]) -> dict[str, list]:
    from desktop_app.domain.errors import Conflict
    from desktop_app.services.money.payments import PaymentInput
    from desktop_app.services.sync import DeskLink

    link = DeskLink(f"Desk {desk}", Path(replica), url, slug=MONTREAL)
    assert link.mode == "shared", link.status()
    rng = random.Random(desk)
    outcomes = []
    for code in rng.sample(codes, len(codes)):
        outcomes.append((code, link.check_in(MONTREAL, code, staff=f"Staff {desk}").outcome.value))
    receipts = []
    for registration_id in rng.sample(owing, len(owing)):
        try:
            issued = link.collect_balance(
                registration_id, PaymentInput("cash", Decimal("50.00")), staff=f"Staff {desk}"
            )
        except Conflict:
            receipts.append((registration_id, None))
        else:
            receipts.append((registration_id, issued.number))
    link.close()
    return {"check_ins": outcomes, "receipts": receipts}


def test_desk_processes_check_in_and_collect_at_once(tmp_path: Path) -> None:
    url = own_database("passerelle_h8_desks")
    database = open_database(url)
    setup_money_desk(database.sessions)
    codes = []
    for i in range(CHECK_INS):
        add_registration(
            database.sessions,
            f"MD{i:03d}",
            category="non-member",
            due=Decimal(100),
            paid=Decimal(100),
        )
        codes.append(f"MD{i:03d}")
    owing = [
        add_registration(
            database.sessions,
            f"OW{i:03d}",
            category="non-member",
            due=Decimal(100),
            paid=Decimal(50),
        )
        for i in range(BALANCES)
    ]

    context = multiprocessing.get_context("spawn")
    with context.Pool(DESKS) as pool:
        results = pool.starmap(
            _desk,
            [(url, str(tmp_path / f"desk{n}.sqlite3"), n, codes, owing) for n in range(DESKS)],
        )

    for code in codes:
        seen = sorted(o for r in results for c, o in r["check_ins"] if c == code)
        assert seen == ["already_checked_in"] * (DESKS - 1) + ["checked_in"], code
    numbers = [n for r in results for _, n in r["receipts"] if n is not None]
    assert sorted(numbers) == [f"FORUM-MONTREAL-2027-{i:06d}" for i in range(1, BALANCES + 1)]
    for registration_id in owing:
        collected = [n for r in results for rid, n in r["receipts"] if rid == registration_id and n]
        assert len(collected) == 1
    with database.sessions() as session:
        active = session.execute(
            select(CheckIn.registration_id, func.count())
            .where(CheckIn.undone_at.is_(None))
            .group_by(CheckIn.registration_id)
        ).all()
        assert len(active) == CHECK_INS and all(n == 1 for _, n in active)
        assert session.scalar(select(func.count()).select_from(Receipt)) == BALANCES
        series = session.scalars(select(ReceiptSeries)).one()
        assert series.next_number == BALANCES + 1
    database.dispose()
