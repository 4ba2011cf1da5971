"""Continuous tape (Brother 62 mm): each badge prints on a page as long as that badge, not on
the roll's longest (160 mm) page — so the printer cuts the tape right after the badge."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import Person, Registration
from desktop_app.documents.badge import BadgeData, render_badges
from desktop_app.documents.stocks import load_stock
from desktop_app.ui import printing
from desktop_app.ui.desk.badge_jobs import badge_page_choice
from desktop_app.ui.machine_settings import stock_printer_choice
from desktop_app.ui.printing import PrinterChoice, PrintOutcome
from tests.ui.desk.desk_harness import Desk, fill, make_desk, registration
from tests.ui.test_printing import (
    CupsQueue,
    _displayed_size,
    _printed_file,
    cups_queue,
    cups_server,
)

__all__ = ["cups_queue", "cups_server"]  # fixtures shared with the printing tests

MM = 72 / 25.4
TAPE = load_stock("brother-62mm")
LONG_NAME = ("Marie-Ève-Geneviève", "Tremblay-Nguyễn de la Bourdonnière-Saint-Laurent")


def badge(first: str, last: str) -> bytes:
    data = BadgeData(
        code="TAPE-1",
        first_name=first,
        last_name=last,
        organization="Thératechnologies inc.",
        marking="both",
        role=None,
        event_name_fr="Forum",
        event_name_en="Forum",
        language="fr",
    )
    return render_badges([data], TAPE).pdf


def test_each_continuous_badge_gets_its_own_length() -> None:
    roll = stock_printer_choice("Tape", TAPE)
    assert round(roll.height_mm) == 160  # the setting: the longest badge the roll allows
    short = badge_page_choice(roll, TAPE, badge("Al", "Roy"))
    long = badge_page_choice(roll, TAPE, badge(*LONG_NAME))
    for page in (short, long):
        assert page.printer == "Tape"
        assert round(page.width_mm) == 62
    assert round(short.height_mm) == 90  # the shortest badge the tape gives
    assert 90 < long.height_mm <= 160
    sheet = load_stock("avery-5392")
    letter = stock_printer_choice("Office", sheet)
    assert badge_page_choice(letter, sheet, b"not even read") == letter


@pytest.fixture
def tape_desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database, registrations=40)
    made = make_desk(database, tmp_path / "desk.ini", print_queue=True)
    made.context.settings.stock = "brother-62mm"
    qtbot.addWidget(made.window)
    yield made
    made.close()


def two_badges(desk: Desk) -> tuple[str, str]:
    """A registration renamed with a very long name, and one with its short demo name."""
    short = registration(desk.sessions)
    with desk.sessions.begin() as session:
        others = (
            select(Registration)
            .where(
                Registration.event_id == short.event_id,
                Registration.status == "active",
                Registration.id != short.id,
            )
            .limit(1)
        )
        other = session.scalars(others).one()
        person = session.get(Person, other.person_id)
        assert person is not None
        person.first_name, person.last_name = LONG_NAME
        long_code = other.code
    return short.code, long_code


def print_and_wait(qtbot: QtBot, desk: Desk, code: str) -> None:
    with qtbot.waitSignal(desk.window.badges.recorded, timeout=60_000) as recorded:
        assert desk.window.badges.print_badge(code)
    assert recorded.args == [code]


def test_the_desk_sets_each_tape_badge_to_its_length(
    qtbot: QtBot, tape_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[tuple[str, PrinterChoice, tuple[float, float]]] = []

    def fake_print(pdf: bytes, choice: PrinterChoice, title: str) -> PrintOutcome:
        page = PdfReader(io.BytesIO(pdf)).pages[0]
        sent.append((title, choice, (float(page.mediabox.width), float(page.mediabox.height))))
        return PrintOutcome(pages=1, printer=choice.printer, dpi=300)

    monkeypatch.setattr(printing.render, "print_pdf", fake_print)
    tape_desk.context.settings.badge_printer = stock_printer_choice("Tape", TAPE)
    short_code, long_code = two_badges(tape_desk)
    print_and_wait(qtbot, tape_desk, short_code)
    print_and_wait(qtbot, tape_desk, long_code)

    assert [title.rsplit(" ", 1)[1] for title, _c, _p in sent] == [short_code, long_code]
    lengths = []
    for _title, choice, (width, height) in sent:
        assert round(choice.width_mm) == 62
        assert choice.height_pt == pytest.approx(max(width, height), abs=0.5)  # its own length
        lengths.append(choice.height_mm)
    assert lengths[0] < lengths[1] < 160.5
    assert round(lengths[0]) < 160


def test_a_tape_badge_prints_through_cups_at_its_own_length(
    qtbot: QtBot, tape_desk: Desk, cups_queue: CupsQueue
) -> None:
    tape_desk.context.settings.badge_printer = stock_printer_choice(cups_queue.name, TAPE)
    short_code, long_code = two_badges(tape_desk)
    before = set(cups_queue.output_dir.glob("*.pdf")) if cups_queue.output_dir.is_dir() else set()
    sizes: dict[str, tuple[float, float]] = {}
    for code in (short_code, long_code):
        print_and_wait(qtbot, tape_desk, code)

        def landed(code: str = code) -> Path | None:
            new = [p for p in cups_queue.output_dir.glob(f"*{code}*.pdf") if p not in before]
            return next((p for p in new if _printed_file(p.parent, p.stem) is not None), None)

        qtbot.waitUntil(lambda: landed() is not None, timeout=60_000)
        output = landed()
        assert output is not None
        sizes[code] = _displayed_size(output)
    short_w, short_h = sizes[short_code]
    long_w, long_h = sizes[long_code]
    assert min(short_w, short_h) == pytest.approx(62 * MM, abs=1.5)
    assert min(long_w, long_h) == pytest.approx(62 * MM, abs=1.5)
    assert 90 * MM - 1.5 <= max(short_w, short_h) < max(long_w, long_h)
    assert max(short_w, short_h) < 150 * MM  # not the roll's 160 mm of tape
    assert max(long_w, long_h) <= 160 * MM + 1.5
