"""A desk killed with SIGKILL in the middle of a check-in storm loses nothing it acknowledged.

The desk works offline on its SQLite replica (WAL, synchronous FULL), so each check-in and
its journal entry commit together. It writes each action id to a pipe once ``check_in``
has returned -- what the screen would show as done. After every kill: each acknowledged
check-in is in the file with its journal entry, no check-in lacks its entry, and
``PRAGMA integrity_check`` says ``ok``.

A spawned helper process imports everything once and forks one desk per round, so fifteen
rounds fit in a few seconds.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal
from multiprocessing.connection import Connection
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import Event, Person, PriceCategory, Registration
from tests.services.desk_data import MONTREAL, setup_desk

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork are POSIX")

ROUNDS = 15
REGISTRATIONS = 3000
UNREACHABLE = "postgresql://nobody@127.0.0.1:1/none"


def _storm(replica: Path, desk: str, codes: list[str], ack: int) -> None:
    """Check in ``codes`` offline as fast as possible, acknowledging each on ``ack``."""
    from desktop_app.services.sync import DeskLink

    link = DeskLink(desk, replica, UNREACHABLE, slug=MONTREAL)
    assert link.mode == "offline"
    for code in codes:
        result = link.check_in(MONTREAL, code, staff="Storm")
        if result.outcome.value == "checked_in":
            os.write(ack, f"{result.action_id}\n".encode())


def _zygote(replica: str, control: Connection) -> None:
    """Fork one storming desk per request; report its pid, then what it acknowledged."""
    import desktop_app.services.sync  # noqa: F401  (imported once, before forking)

    while (request := control.recv()) is not None:
        desk, codes = request
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the desk
            os.close(read)
            try:
                _storm(Path(replica), desk, codes, write)
            finally:
                os._exit(0)
        os.close(write)
        control.send(pid)
        # The kill is timed from the desk's first acknowledged check-in, not from the fork: on
        # a loaded machine opening the database alone can outlast the random delay.
        chunks = [os.read(read, 65536)]
        control.send("checking in")
        while chunk := os.read(read, 65536):
            chunks.append(chunk)
        os.close(read)
        os.waitpid(pid, 0)
        control.send(b"".join(chunks).decode().split())


def _replica(path: Path) -> list[str]:
    database = open_database(sqlite_url(path))
    setup_desk(database.sessions)
    now = datetime.now(UTC)
    with database.sessions.begin() as session:
        event = session.scalars(select(Event).where(Event.slug == MONTREAL)).one()
        category = session.scalars(
            select(PriceCategory).where(PriceCategory.event_id == event.id)
        ).first()
        assert category is not None
        people = [
            {"first_name": f"P{i}", "last_name": "Storm", "email": None, "created_at": now}
            for i in range(REGISTRATIONS)
        ]
        session.execute(insert(Person), people)
        person_ids = session.scalars(select(Person.id).order_by(Person.id)).all()
        codes = [f"STORM{i:05d}" for i in range(REGISTRATIONS)]
        session.execute(
            insert(Registration),
            [
                {
                    "event_id": event.id,
                    "person_id": person_id,
                    "category_id": category.id,
                    "code": code,
                    "amount_due": Decimal("0.00"),
                    "amount_paid": Decimal("0.00"),
                    "status": "active",
                    "source": "test",
                    "created_at": now,
                }
                for code, person_id in zip(codes, person_ids, strict=False)
            ],
        )
    database.dispose()
    return codes


def _state(path: Path) -> tuple[str, set[str], set[str]]:
    connection = sqlite3.connect(path)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        check_ins = {row[0] for row in connection.execute("SELECT action_id FROM check_ins")}
        journal = {
            row[0]
            for row in connection.execute(
                "SELECT action_id FROM journal_entries WHERE kind = 'check_in'"
            )
        }
    finally:
        connection.close()
    return integrity, check_ins, journal


def test_every_acknowledged_check_in_survives_sigkill(tmp_path: Path) -> None:
    replica = tmp_path / "replica.sqlite3"
    codes = _replica(replica)
    context = multiprocessing.get_context("spawn")
    control, child_end = context.Pipe()
    zygote = context.Process(target=_zygote, args=(str(replica), child_end), daemon=True)
    zygote.start()
    rng = random.Random(20261126)
    acknowledged: set[str] = set()
    killed_busy = 0
    try:
        for round_number in range(ROUNDS):
            batch = codes[round_number * 200 : (round_number + 1) * 200]
            control.send((f"Desk {round_number % 4}", batch))
            pid = control.recv()
            assert control.recv() == "checking in"
            time.sleep(rng.uniform(0.05, 0.4))
            os.kill(pid, signal.SIGKILL)
            acks = control.recv()
            killed_busy += len(acks) < len(batch)
            acknowledged.update(acks)

            integrity, check_ins, journal = _state(replica)
            assert integrity == "ok"
            assert acknowledged <= check_ins, "an acknowledged check-in was lost"
            assert check_ins == journal, "a check-in and its journal entry were split"
    finally:
        control.send(None)
        zygote.join(10)
    assert acknowledged, "the desks never got to check anyone in"
    assert killed_busy >= ROUNDS // 2, "most kills should land in the middle of a storm"
