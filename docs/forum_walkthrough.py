"""The README's walk-through "A two-day forum, from the file to the doors", run as a new user
would: every command on a throw-away database, then the three stations on screen.

    python docs/forum_walkthrough.py     # prints each command and what it answered;
                                         # writes docs/screenshots/forum-*.png

The commands run in a fresh process each (``python -m desktop_app``), exactly as typed in the
README. The screens run offscreen on the same database, as on the forum's first morning
(2027-10-13 at the venue: the desks check people in for the event's days only).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from desktop_app.app import switch_language
from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.services.admin.events import list_events
from desktop_app.services.admin.staff import sign_in
from desktop_app.services.desk import doors
from desktop_app.services.leads.lead_station import LeadStation
from desktop_app.ui.desk import DeskContext, DeskWindow
from desktop_app.ui.desk.outcome import Sound, Tone
from desktop_app.ui.i18n import Translations
from desktop_app.ui.leads.window import LeadStationWindow
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.worker import Worker

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the screenshot script's helpers
from screenshots import grab, settle, wait_until

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "resources" / "examples"
OUT = ROOT / "docs" / "screenshots"
SLUG = "forum-deux-jours-2027"
QUESTION = "May exhibitors scan my badge and list me for networking?"
FIRST_DAY = date(2027, 10, 13)
# Ticket secrets from the example pretix export.
BENOIT = "wfjkywcxymkcj9358x6jqthf27m5n9hp"  # member, gala, networking yes
AMELIE = "sjtdj3qpvc3fjvcc4xwu23tqcshgbdkv"  # member, workshop A, networking no
SARAH = "5ddhjqcarb32eapyvgkv6jupdxcu9qj7"  # LSO member, gala and workshop B
JULIEN = "n4q7hvzt2kcmwx8pbe3ydj6rfs9ua5g2"  # non-member, no gala

# (arguments, standard input) — the README's commands, in its order.
COMMANDS: list[tuple[list[str], str]] = [
    (["events", "import", "forum-deux-jours-2027.toml"], ""),
    (["members", "import", "--association", "bioquebec", "bioquebec-members.csv"], ""),
    (["members", "import", "--association", "lso", "lso-members.csv"], ""),
    (
        [
            "registrations", "import", "--event", SLUG,
            "registrations-pretix-forum-deux-jours-2027.csv",
            "--map-consent", f"{QUESTION}=networking",
        ],
        "",
    ),
    (["report", "attendance", "--event", SLUG, "--session", "gala"], ""),
    (["staff", "add", "--name", "Marie Roy", "--role", "supervisor"], "246810\n"),
    (
        ["staff", "add", "--name", "Ana Silva", "--role", "desk", "--by", "Marie Roy"],
        "135790\n246810\n",
    ),
    (
        ["leads", "account", "--exhibitor", "lakeshore", "--name", "Stand Lakeshore",
         "--by", "Marie Roy"],
        "975310\n246810\n",
    ),
    (["checkin", "--event", SLUG, "--staff", "Ana Silva", "--day", "2027-10-13", SARAH], ""),
    (["checkin", "--event", SLUG, "--staff", "Ana Silva", "--day", "2027-10-14", SARAH], ""),
    (
        ["checkin", "--event", SLUG, "--staff", "Ana Silva", "--day", "2027-10-13",
         "--session", "gala", JULIEN],
        "",
    ),
    (
        ["pay", "--event", SLUG, "--addon", "gala", "--payment", "card", "--reference", "481516",
         "--desk", "Entrance 1", "--staff", "Ana Silva", JULIEN],
        "",
    ),
    (
        ["pay", "--event", SLUG, "--addon", "gala", "--payment", "card", "--reference", "481516",
         "--desk", "Entrance 1", "--staff", "Ana Silva", "--supervisor", "Marie Roy",
         "--reason", "Sponsor's guest", JULIEN],
        "246810\n",
    ),
    (
        ["checkin", "--event", SLUG, "--staff", "Ana Silva", "--day", "2027-10-13",
         "--session", "gala", JULIEN],
        "",
    ),
]  # fmt: skip


def run_commands(database: Path) -> None:
    """Each command in a fresh process, in the examples folder, as the README shows it."""
    environment = dict(os.environ, PASSERELLE_DB=str(database), PASSERELLE_LANG="en")
    for arguments, standard_input in COMMANDS:
        shown = " ".join(f'"{a}"' if " " in a else a for a in arguments)
        print(f"$ passerelle {shown}")
        done = subprocess.run(
            [sys.executable, "-m", "desktop_app", *arguments],
            input=standard_input,
            capture_output=True,
            text=True,
            cwd=EXAMPLES,
            env=environment,
            check=False,
        )
        for line in (done.stdout + done.stderr).splitlines():
            print(f"  {line}")
        print(f"  (exit {done.returncode})")


def badge_sheet(database: Path, folder: Path) -> None:
    """The forum's badges on Avery 5392 sheets (``passerelle badges``), page 1 as a picture:
    each badge carries its days and the sessions its holder bought as chips."""
    import pypdfium2

    sheet = folder / "badges.pdf"
    subprocess.run(
        [sys.executable, "-m", "desktop_app", "badges", "--event", SLUG, "--stock",
         "avery-5392", "--out", str(sheet)],
        # Not from the checkout, as the commands above: its desktop_app (without resources)
        # would shadow an installed package.
        cwd=sheet.parent,
        env=dict(os.environ, PASSERELLE_DB=str(database), PASSERELLE_LANG="en"),
        check=True,
    )  # fmt: skip
    page = pypdfium2.PdfDocument(sheet)[0]
    page.render(scale=110 / 72).to_pil().save(OUT / "forum-badges.png")
    print("wrote docs/screenshots/forum-badges.png")


def desk(database_path: Path, folder: Path, admits: str | None, name: str) -> DeskWindow:
    """A desk window signed in as Ana Silva, admitting the entrance or one session."""
    database = open_database(sqlite_url(database_path))
    staff = sign_in(database.sessions, "Ana Silva", "135790")
    event = next(e for e in list_events(database.sessions) if e.slug == SLUG)
    settings = MachineSettings(QSettings(str(folder / f"{name}.ini"), QSettings.Format.IniFormat))
    settings.desk_name = name
    settings.print_on_check_in = False
    settings.sounds = False
    settings.admits_session = admits
    context = DeskContext(
        sessions=database.sessions,
        writer=Worker(serial=True),
        reader=Worker(),
        slug=SLUG,
        event_name_fr=event.name_fr,
        event_name_en=event.name_en,
        desk=name,
        staff=staff,
        settings=settings,
        print_queue=None,
        database_location=str(database_path),
        shared=False,
        timezone="America/Toronto",
        province="QC",
        event_sessions=event.sessions,
    )
    window = DeskWindow(context, lambda _language: None, None, Sound(lambda: False))
    window.resize(1440, 860)
    window.show()
    window.start()
    wait_until(lambda: window.header.counts is not None)
    return window


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    font = app.font()
    font.setPointSizeF(10.5)
    app.setFont(font)
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="passerelle-forum-"))
    database_path = folder / "forum.sqlite3"
    run_commands(database_path)
    badge_sheet(database_path, folder)

    # The screens, on the forum's first morning at the venue.
    doors.venue_today = lambda _event, _now=None: FIRST_DAY  # type: ignore[assignment]
    translations = Translations(app)
    switch_language(translations, "en")

    entrance = desk(database_path, folder, None, "Entrance 1")
    entrance.flows.scan(BENOIT)
    wait_until(lambda: entrance.outcome.tone is Tone.CHECKED_IN)
    wait_until(lambda: entrance.flows.card is not None)
    grab(entrance, "forum-entrance-en.png")

    gala = desk(database_path, folder, "gala", "Gala door")
    gala.flows.scan(BENOIT)
    wait_until(lambda: gala.outcome.tone is Tone.CHECKED_IN)
    wait_until(lambda: gala.flows.blocked is None)
    gala.flows.scan(AMELIE)
    wait_until(lambda: gala.outcome.tone is Tone.NOT_ENTITLED)
    grab(gala, "forum-gala-en.png")

    database = open_database(sqlite_url(database_path))
    station = LeadStation(database.sessions, SLUG, "lakeshore", "Stand Lakeshore", desk="Booth 12")
    writer = Worker(serial=True)
    leads = LeadStationWindow(station, writer)
    leads.resize(1100, 720)
    leads.show()
    leads.start()
    wait_until(lambda: leads.info is not None)
    leads.scan(BENOIT)
    wait_until(lambda: leads.current is not None)
    leads.rating.setCurrentIndex(5)
    leads.note.setPlainText("Wants a demo of the sequencer in November.")
    leads.save()
    wait_until(lambda: len(leads.lines) == 1)
    leads.scan(AMELIE)
    settle(1.0)
    grab(leads, "forum-leads-en.png")

    for window in (entrance, gala):
        window.close()
    leads.close()
    writer.wait(10000)
    QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
