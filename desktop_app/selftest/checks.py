"""The self-test's checks, one function each: what it exercises, and what it saw.

Each takes the run's ``State`` (what one check hands to the next) and returns one line
of what it saw, or raises; ``desktop_app.selftest`` runs them in order."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.domain.accounts import RegistrationStatus

if TYPE_CHECKING:
    from desktop_app.db.database import Database

STOCK = "avery-5392"
"""The stock the badge check renders on (a common 4 x 3 in sheet)."""

_NATIVE_PLATFORM = {"linux": "qxcb", "win32": "qwindows", "darwin": "qcocoa"}


@dataclass
class State:
    """What one check hands to the next (the database, the PDFs)."""

    folder: Path
    database: Database | None = None
    event: str = ""
    code: str = ""
    badge_pdf: bytes = b""
    extra: dict[str, Any] = field(default_factory=dict)

    def db(self) -> Database:
        if self.database is None:
            raise RuntimeError("no database (the database check failed)")
        return self.database


def check_resources(state: State) -> str:
    from desktop_app.db.database import MIGRATIONS, head_revision
    from desktop_app.documents.stocks import available_stocks, load_stock
    from desktop_app.resources import as_path
    from desktop_app.services.admin.events import read_event_file

    for font in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVu-LICENSE.txt"):
        if as_path("fonts", font).stat().st_size == 0:
            raise RuntimeError(f"fonts/{font} is empty")
    if as_path("translations", "passerelle_fr.qm").stat().st_size == 0:
        raise RuntimeError("translations/passerelle_fr.qm is empty")
    stocks = available_stocks()
    if not stocks:
        raise RuntimeError("no badge stock")
    for name in stocks:
        load_stock(name)
    examples = sorted(p.name for p in as_path("examples").iterdir() if p.suffix == ".toml")
    for name in examples:
        read_event_file(as_path("examples", name))
    for needed in ("env.py", "script.py.mako"):
        if not (MIGRATIONS / needed).is_file():
            raise RuntimeError(f"migrations/{needed} is missing")
    versions = sorted((MIGRATIONS / "versions").glob("[0-9]*.py"))
    if not versions:
        raise RuntimeError("migrations/versions is empty")
    return (
        f"3 font files, French .qm, {len(stocks)} stocks, {len(examples)} example events,"
        f" {len(versions)} migrations (head {head_revision()})"
    )


def check_qt(state: State) -> str:
    from PySide6.QtCore import QLibraryInfo, QPluginLoader
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication([sys.argv[0] if sys.argv else "passerelle"])
        state.extra["app"] = app  # keep it alive for the later checks
    platform = QApplication.platformName()
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    native = _NATIVE_PLATFORM.get(sys.platform)
    if native is None:
        return f"running on {platform}; no native plugin known for {sys.platform}"
    found = sorted(folder.glob(f"*{native}*"))
    if not found:
        raise RuntimeError(f"no {native} platform plugin in {folder}")
    loader = QPluginLoader(str(found[0]))
    if not loader.load():
        # Usually a missing system library, e.g. libxcb-cursor0 on Linux.
        raise RuntimeError(f"{found[0].name} does not load: {loader.errorString()}")
    return f"running on {platform}; {found[0].name} loads"


def check_database(state: State) -> str:
    from sqlalchemy import func, select

    from desktop_app.db.database import SchemaState, head_revision, open_database, schema_state
    from desktop_app.db.engine import sqlite_url
    from desktop_app.db.models import Registration
    from desktop_app.services.admin.events import list_events
    from desktop_app.services.demo import fill_demo

    database = open_database(sqlite_url(state.folder / "self-test.sqlite3"))
    state.database = database
    state_now, revision = schema_state(database.engine)
    if state_now is not SchemaState.CURRENT or revision != head_revision():
        raise RuntimeError(f"new database is {state_now.value} at {revision}")
    demo = fill_demo(database.sessions, registrations=40)
    events = list_events(database.sessions)
    if len(events) != len(demo.events):
        raise RuntimeError(f"{len(events)} events listed, {len(demo.events)} created")
    state.event = events[0].slug
    with database.sessions() as session:
        count = session.scalar(select(func.count()).select_from(Registration))
    if count != demo.registrations:
        raise RuntimeError(f"{count} registrations found, {demo.registrations} created")
    return f"schema {revision}, {count} demo registrations in {len(events)} events"


def check_membership(state: State) -> str:
    from sqlalchemy import select

    from desktop_app.db.models import Membership, Organization
    from desktop_app.services.membership.directory import check_person

    database = state.db()
    with database.sessions() as session:
        name = session.scalars(
            select(Organization.name)
            .join(Membership, Membership.organization_id == Organization.id)
            .where(Membership.valid_until >= datetime(2027, 12, 31).date())
            .order_by(Organization.id)
            .limit(1)
        ).one()
    verdict = check_person(database.sessions, state.event, organization=name.upper())
    if not verdict.associations:
        raise RuntimeError(f"member organization {name!r} not recognised")
    return f"{name!r} (typed in capitals) is a member: {verdict.marking}"


def check_search(state: State) -> str:
    from sqlalchemy import select

    from desktop_app.db.models import Event, Person, Registration
    from desktop_app.services.desk.search import search_registrations

    database = state.db()
    with database.sessions() as session:
        code, last_name = session.execute(
            select(Registration.code, Person.last_name)
            .join(Person, Registration.person_id == Person.id)
            .join(Event, Registration.event_id == Event.id)
            .where(Event.slug == state.event, Registration.status == RegistrationStatus.ACTIVE)
            .order_by(Registration.id)
            .limit(1)
        ).one()
    typed = last_name[:-1].lower()  # what staff type: lower case, not finished
    hits = search_registrations(database.sessions, state.event, typed)
    state.extra["searched_code"] = code
    if code not in [hit.code for hit in hits]:
        raise RuntimeError(f"typing {typed!r} does not find {last_name} ({code})")
    return f"typing {typed!r} finds {last_name} among {len(hits)}"


def check_search_process(state: State) -> str:
    """The desk's search and cards in their own process, as the desk runs them: in a bundle
    that child is this program started again (``multiprocessing.freeze_support``)."""

    from desktop_app.services.desk.search import SearchHit
    from desktop_app.services.desk.search.process import SearchProcess

    def not_here(_query: str) -> list[SearchHit]:
        raise RuntimeError("the search process did not answer")

    database = state.db()
    code = state.extra["searched_code"]
    process = SearchProcess(database.url, state.event, not_here)
    try:
        deadline = time.monotonic() + 30
        while not process.in_use:
            if time.monotonic() > deadline:
                raise RuntimeError("the search process did not start within 30 s")
            try:
                process.search(code)
            except RuntimeError:
                time.sleep(0.05)
        hits = process.search(code)
        if not hits or hits[0].code != code:
            raise RuntimeError(f"the search process does not find {code}")
        return f"answered in its own process (pid {process._process.pid})"
    finally:
        process.close()


def check_checking_in(state: State) -> str:
    from sqlalchemy import select

    from desktop_app.db.models import Event, Registration
    from desktop_app.services.desk.checkin import CheckInOutcome, check_in

    database = state.db()
    with database.sessions() as session:
        codes = session.scalars(
            select(Registration.code)
            .join(Event, Registration.event_id == Event.id)
            .where(Event.slug == state.event, Registration.status == RegistrationStatus.ACTIVE)
            .order_by(Registration.id)
        ).all()
    for code in codes:  # refusals (payment due, doubt) change nothing: try the next one
        result = check_in(database.sessions, state.event, code, desk="self-test", staff="self-test")
        if result.outcome is CheckInOutcome.CHECKED_IN:
            break
    else:
        raise RuntimeError(f"none of {len(codes)} demo registrations could be checked in")
    state.code = code
    again = check_in(database.sessions, state.event, code, desk="self-test", staff="self-test")
    if again.outcome is not CheckInOutcome.ALREADY:
        raise RuntimeError(f"scanning {code} again gave {again.outcome.value}")
    return f"{code} checked in; scanned again: already checked in"


def check_badge(state: State) -> str:
    from desktop_app.services.desk.badges import render_batch

    batch = render_batch(state.db().sessions, state.event, STOCK, codes=[state.code])
    if batch.pdf is None or not batch.pdf.startswith(b"%PDF"):
        raise RuntimeError("no PDF")
    state.badge_pdf = batch.pdf
    return f"{batch.count} badge on {STOCK}, {batch.pages} page, {len(batch.pdf) // 1024} KiB"


def check_receipt(state: State) -> str:
    from desktop_app.documents.receipt import ReceiptData, ReceiptLine, ReceiptTax, render_receipt

    subtotal = Decimal("100.00")
    data = ReceiptData(
        kind="receipt",
        series="TEST",
        number=1,
        issued_at=datetime(2027, 3, 23, 9, 0),
        seller_name="BIOQuébec",
        seller_address="Montréal (Québec)",
        gst_hst_number="123456782RT0001",  # passes the business number's check digit
        qst_number="1234567890TQ0001",
        buyer_name="Émilie Côté",
        buyer_organization=None,
        lines=(ReceiptLine("Inscription", "Registration", 1, subtotal, subtotal),),
        subtotal=subtotal,
        taxes=(
            ReceiptTax("TPS", "GST", "GST", Decimal("0.05"), Decimal("5.00")),
            ReceiptTax("TVQ", "QST", "QST", Decimal("0.09975"), Decimal("9.98")),
        ),
        total=Decimal("114.98"),
        taxes_included=False,
        payment_method="cash",
        amount_tendered=Decimal("120.00"),
        change_due=Decimal("5.02"),
    )
    pdf = render_receipt(data)
    if not pdf.startswith(b"%PDF"):
        raise RuntimeError("no PDF")
    return f"receipt {data.reference}, {len(pdf) // 1024} KiB"


def check_rasterise(state: State) -> str:
    from desktop_app.ui.preview import render_preview

    if not state.badge_pdf:
        raise RuntimeError("no badge PDF (the badge check failed)")
    image = render_preview(state.badge_pdf, 0, 72)
    dark = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 128
    )
    if dark == 0:
        raise RuntimeError("the rendered page is blank")
    return f"{image.width()} x {image.height()} px at 72 dpi, ink on the page"


def check_translation(state: State) -> str:
    from PySide6.QtWidgets import QApplication

    from desktop_app.documents.stocks import load_stock
    from desktop_app.domain.errors import NotFound
    from desktop_app.ui.errors import translate_app_error
    from desktop_app.ui.i18n import Translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        load_stock("no-such-stock")
    except NotFound as error:
        english = error.message
        translations = Translations(app)
        translations.switch("fr")
        try:
            french = error.render(translate_app_error)
        finally:
            translations.switch("en")
    else:
        raise RuntimeError("an unknown stock was found")
    if french == english:
        raise RuntimeError("the French translation did not load")
    return french


def check_printers(state: State) -> str:
    from desktop_app.ui.printing import list_printers

    printers = list_printers()
    if not printers:
        return "no printer installed (fine: badges can be saved as PDF)"
    return f"{len(printers)}: " + ", ".join(p.name for p in printers)


def check_postgresql(state: State) -> str:
    import psycopg
    from sqlalchemy import create_engine

    engine = create_engine("postgresql+psycopg://self-test@127.0.0.1/self-test")  # no connection
    try:
        dialect = engine.dialect.name
    finally:
        engine.dispose()
    return f"{dialect} via psycopg {psycopg.__version__} ({psycopg.pq.__impl__} libpq)"


def check_spreadsheet(state: State) -> str:
    from openpyxl import Workbook

    from desktop_app.importing.tables import read_table

    path = state.folder / "members.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Prénom", "Nom", "Courriel"])
    sheet.append(["Émilie", "Côté", "emilie@example.org"])
    workbook.save(path)
    table = read_table(path)
    if len(table.rows) != 1 or table.rows[0].get("Prénom") != "Émilie":
        raise RuntimeError(f"read back {table!r}")
    return f"XLSX written and read: {len(table.headers)} columns, {len(table.rows)} row"


def check_pin(state: State) -> str:
    from desktop_app.services.admin.staff import HASHER, create_staff, sign_in

    sessions = state.db().sessions
    create_staff(sessions, "Self Test", "482193", "supervisor", by=None)
    member = sign_in(sessions, "Self Test", "482193")
    if not member.is_supervisor:
        raise RuntimeError(f"signed in as {member.role}")
    return f"supervisor account created, signed in with PIN (argon2id, t={HASHER.time_cost})"
