"""Render the desk screen and the walk-in dialog, in English and French, on demo data.

    python docs/screenshots.py            # writes docs/screenshots/*.png

Runs offscreen (no display needed). The desk shows a search, the card of a member with the
evidence of their membership, and the green "checked in" outcome of a scan.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from desktop_app.app import switch_language
from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import Event, Person, Registration
from desktop_app.services.admin.staff import create_staff
from desktop_app.services.demo import fill_demo
from desktop_app.services.membership.verdicts import reassess_event
from desktop_app.services.office import Office
from desktop_app.ui.desk import DeskContext, DeskWindow
from desktop_app.ui.desk.outcome import Sound, Tone
from desktop_app.ui.dialogs.walkin import WalkInDialog
from desktop_app.ui.i18n import Translations
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.worker import Worker

OUT = Path(__file__).resolve().parent / "screenshots"
SLUG = "forum-montreal-2027"


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Run the event loop until ``condition`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.4) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)


def grab(widget: QWidget, name: str) -> None:
    settle()
    path = OUT / name
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(OUT.parent.parent)}")


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    font = app.font()
    font.setPointSizeF(10.5)
    app.setFont(font)
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="passerelle-shots-"))
    database = open_database(sqlite_url(folder / "demo.sqlite3"))
    sessions = database.sessions
    fill_demo(sessions, registrations=800, seed=7)
    reassess_event(sessions, SLUG)
    staff = create_staff(sessions, "Marie Roy", "246810", "supervisor", by=None)

    with sessions() as session:
        event = session.scalars(select(Event).where(Event.slug == SLUG)).one()
        names = event.name_fr, event.name_en
        # A paid member with evidence and an organization, to show the chips.
        query = (
            select(Registration)
            .join(Person, Person.id == Registration.person_id)
            .where(
                Registration.event_id == event.id,
                Registration.status == "active",
                Registration.membership_flag.is_(None),
                Registration.amount_paid >= Registration.amount_due,
                Person.organization_name.is_not(None),
            )
            .order_by(Registration.id)
        )
        member = next(
            r
            for r in session.scalars(query)
            if (r.verdict or {}).get("marking") in ("bioquebec", "both")
            and (r.verdict or {}).get("evidence")
            and not (r.person.first_name + r.person.last_name).isascii()
        )
        code, member_id, last = member.code, member.id, member.person.last_name

    settings = MachineSettings(QSettings(str(folder / "desk.ini"), QSettings.Format.IniFormat))
    settings.desk_name = "Desk 2"
    settings.print_on_check_in = False
    settings.sounds = False
    context = DeskContext(
        sessions=sessions,
        writer=Worker(serial=True),
        reader=Worker(),
        slug=SLUG,
        event_name_fr=names[0],
        event_name_en=names[1],
        desk=settings.desk_name,
        staff=staff,
        settings=settings,
        print_queue=None,
        database_location=str(folder / "demo.sqlite3"),
        shared=False,
        timezone="America/Toronto",  # Montréal's zone
    )
    translations = Translations(app)
    switch_language(translations, "en")
    window = DeskWindow(
        context,
        lambda language: switch_language(translations, language),
        None,
        Sound(lambda: False),
    )
    window.resize(1440, 860)
    window.show()
    window.start()
    wait_until(lambda: window.header.counts is not None)

    # Someone types part of the name, then the badge is scanned: checked in, card shown.
    query_text = last[:3]
    window.search.field.setText(query_text)
    wait_until(lambda: window.search.model.rowCount() > 0)
    window.search.select_registration(member_id)
    window.flows.scan(code)
    wait_until(lambda: window.outcome.tone is Tone.CHECKED_IN)
    wait_until(lambda: window.flows.card is not None and window.flows.card.code == code)
    wait_until(lambda: window.header.counts is not None and window.header.counts.checked_in > 0)
    grab(window, "desk-en.png")

    switch_language(translations, "fr")
    wait_until(lambda: window.header.event_label.text() == names[0])
    grab(window, "desk-fr.png")

    for language in ("en", "fr"):
        switch_language(translations, language)
        dialog = WalkInDialog(
            window,
            context.writer,
            Office(sessions),
            SLUG,
            context.desk,
            staff,
            reader=context.reader,
            settings=settings,
        )
        dialog.resize(760, 640)
        dialog.show()
        dialog.first_name.setText("Béatrice")
        dialog.last_name.setText("Tremblay-Ouellet")
        dialog.email.setText("beatrice.tremblay@umontreal.ca")
        dialog.organization.setText("Université de Montréal")
        settle(1.5)
        grab(dialog, f"walkin-{language}.png")
        dialog.close()
        dialog.deleteLater()

    window.close()
    context.writer.wait(10000)
    context.reader.wait(10000)
    database.dispose()
    QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
