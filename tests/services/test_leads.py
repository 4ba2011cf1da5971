"""Lead scanning with consent: kept only with a yes, nothing about a refused person, each
exhibitor its own leads, no admission code, and a lead station never checks anyone in."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from desktop_app.db.database import Database
from desktop_app.db.models import AuditEntry, Base, CheckIn, Lead, Payment, Registration
from desktop_app.documents.report_data import Language
from desktop_app.domain.errors import Invalid, NotFound
from desktop_app.services.desk.checkin import check_in
from desktop_app.services.leads import ScanOutcome, exhibitor_leads, scan_lead, update_lead
from desktop_app.services.leads.documents import export_leads, write_networking_list
from desktop_app.services.money.payments import PaymentInput, collect_balance
from tests.documents.pdf_reading import pdf_text
from tests.services.leads_data import ALPHA, BETA, setup_leads
from tests.services.money_desk import MONTREAL, add_registration

LANGUAGES: tuple[Language, ...] = ("fr", "en")


def _dump(database: Database) -> str:
    """Every row of every table, as text (to look for a person's traces)."""
    parts: list[str] = []
    with database.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(table.select()):
                parts.append(repr(tuple(row)))
    return "\n".join(parts)


def test_a_lead_without_consent_is_never_stored_nor_named(database: Database) -> None:
    ids = setup_leads(database.sessions)
    before_rows = _dump(database).count("\n")
    for code in ("LEAD-CHLOE", "LEAD-DAN", "LEAD-EVE"):  # said no, never answered, withdrew
        result = scan_lead(database.sessions, MONTREAL, "alpha", code, ALPHA[0], 5, "Call her")
        assert result.outcome is ScanOutcome.REFUSED
        assert result.lead is None and result.refusal is not None
        assert "not agreed" in result.refusal.template
    with database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Lead)) == 0
        refused = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "lead.refused")
        ).all()
    assert len(refused) == 3
    assert all(e.subject is None and e.detail == {"exhibitor": "alpha"} for e in refused)
    # Only the three anonymous audit entries were added; the note typed for Chloé is nowhere.
    after = _dump(database)
    assert after.count("\n") == before_rows + 3
    assert "Call her" not in after
    assert f"registration:{ids['LEAD-CHLOE']}" not in after.split("lead.refused")[-1]


def test_a_consented_lead_is_kept_and_a_rescan_updates_it(database: Database) -> None:
    setup_leads(database.sessions)
    first = scan_lead(database.sessions, MONTREAL, "alpha", "LEAD-ANA", ALPHA[0], 4, None)
    assert first.outcome is ScanOutcome.SAVED and first.lead is not None
    assert (first.lead.name, first.lead.association) == ("Ana Test", "bioquebec")
    again = scan_lead(database.sessions, MONTREAL, "alpha", " LEAD-ANA ", ALPHA[0], None, "Demo")
    assert again.outcome is ScanOutcome.UPDATED and again.lead is not None
    assert again.lead.lead_id == first.lead.lead_id
    assert (again.lead.rating, again.lead.note) == (4, "Demo")
    changed = update_lead(
        database.sessions, MONTREAL, "alpha", first.lead.lead_id, ALPHA[0], None, "x"
    )
    assert (changed.rating, changed.note) == (None, "x")
    # The same action replayed (the station's link came back) changes nothing.
    replay = scan_lead(
        database.sessions, MONTREAL, "beta", "LEAD-BOB", BETA[0], 2, None, action_id="a1"
    )
    replay2 = scan_lead(
        database.sessions, MONTREAL, "beta", "LEAD-BOB", BETA[0], 5, None, action_id="a1"
    )
    assert replay2.lead is not None and replay.lead is not None
    assert replay2.lead.rating == 2
    with pytest.raises(Invalid):
        scan_lead(database.sessions, MONTREAL, "alpha", "LEAD-ANA", ALPHA[0], 6, None)


def test_a_lead_badge_typed_in_capitals_finds_a_lower_case_pretix_secret(
    database: Database,
) -> None:
    ids = setup_leads(database.sessions)
    secret = "wfjkywcxymkcj9358x6jqthf27m5n9hp"
    with database.sessions.begin() as session:
        session.get_one(Registration, ids["LEAD-ANA"]).code = secret
    result = scan_lead(database.sessions, MONTREAL, "alpha", secret.upper(), ALPHA[0], 3, None)
    assert result.outcome is ScanOutcome.SAVED and result.lead is not None
    assert result.lead.name == "Ana Test"


def test_only_the_exhibitors_own_account_or_a_supervisor_works_its_station(
    database: Database,
) -> None:
    setup_leads(database.sessions)
    for intruder in (BETA[0], "Marie", "Nobody"):
        with pytest.raises(Invalid, match="lead station"):
            scan_lead(database.sessions, MONTREAL, "alpha", "LEAD-ANA", intruder)
    assert scan_lead(database.sessions, MONTREAL, "alpha", "LEAD-ANA", "Sophie").lead
    with pytest.raises(NotFound):
        scan_lead(database.sessions, MONTREAL, "alpha", "NO-SUCH-BADGE", ALPHA[0])
    with pytest.raises(NotFound):
        scan_lead(database.sessions, MONTREAL, "delta", "LEAD-ANA", ALPHA[0])


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_an_exhibitors_export_holds_its_own_leads_and_never_a_code(
    database: Database, tmp_path: Path, suffix: str
) -> None:
    setup_leads(database.sessions)
    scan_lead(database.sessions, MONTREAL, "alpha", "LEAD-ANA", ALPHA[0], 5, "=cmd|' /C calc'!A0")
    scan_lead(database.sessions, MONTREAL, "alpha", "LEAD-BOB", ALPHA[0])
    scan_lead(database.sessions, MONTREAL, "beta", "LEAD-EVE", BETA[0])  # withdrew: refused
    scan_lead(database.sessions, MONTREAL, "beta", "LEAD-ANA", BETA[0], 1, "beta's note")
    path = tmp_path / f"alpha.{suffix}"
    rows = export_leads(database.sessions, MONTREAL, "alpha", path, ALPHA[0], "en")
    assert rows == 2
    assert path.stat().st_mode & 0o777 == 0o600
    if suffix == "csv":
        table = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    else:
        sheet = load_workbook(path).worksheets[0]
        table = [
            ["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)
        ]
    text_of = "\n".join(",".join(row) for row in table)
    assert [row[0] for row in table[1:]] == ["Ana Test", "Bob Test"]
    assert "beta's note" not in text_of and "Eve" not in text_of
    assert "LEAD-" not in text_of  # no admission code, not even a column for it
    note = table[1][5]
    assert note.endswith("=cmd|' /C calc'!A0") and (suffix == "xlsx" or note.startswith("'"))
    with pytest.raises(Invalid):
        export_leads(database.sessions, MONTREAL, "alpha", tmp_path / "x.csv", BETA[0])
    assert not (tmp_path / "x.csv").exists()
    assert [
        line.name for line in exhibitor_leads(database.sessions, MONTREAL, "beta", BETA[0])
    ] == ["Ana Test"]


def test_an_exhibitor_account_cannot_check_in_nor_take_a_payment(database: Database) -> None:
    setup_leads(database.sessions)
    with pytest.raises(Invalid, match="lead station"):
        check_in(database.sessions, MONTREAL, "LEAD-ANA", desk="Stand", staff=ALPHA[0])
    owing = add_registration(
        database.sessions, "OWES", due=__import__("decimal").Decimal("50.00"),
        paid=__import__("decimal").Decimal(0),
    )  # fmt: skip
    with pytest.raises(Invalid, match="lead station"):
        collect_balance(
            database.sessions, owing, PaymentInput("cash", "50.00"), desk="S", staff=ALPHA[0]
        )
    with database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(CheckIn)) == 0
        assert session.scalar(select(func.count()).select_from(Payment)) == 0
    # a desk account still checks in
    assert check_in(database.sessions, MONTREAL, "LEAD-ANA", desk="D1", staff="Marie").action_id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_networking_list_holds_only_consenting_people_by_association(
    database: Database, tmp_path: Path, language: Language
) -> None:
    setup_leads(database.sessions)
    pdf = tmp_path / "list.pdf"
    assert write_networking_list(database.sessions, MONTREAL, pdf, "Sophie", language) == 2
    shown = pdf_text(pdf.read_bytes())
    assert "Ana Test" in shown and "Bob Test" in shown
    assert "Université de Montréal" in shown
    for absent in ("Chloé", "Dan", "Eve", "LEAD-"):
        assert absent not in shown
    assert shown.index("Ana Test") < shown.index("Bob Test")  # BIOQuébec, then LSO
    xlsx = tmp_path / "list.xlsx"
    write_networking_list(database.sessions, MONTREAL, xlsx, "Sophie", language)
    book = load_workbook(xlsx)
    assert [sheet.title for sheet in book.worksheets] == ["BIOQuébec", "LSO"]
    assert [r[1] for r in book.worksheets[1].iter_rows(min_row=2, values_only=True)] == ["Bob Test"]
    assert book.worksheets[1]["A2"].data_type == "s"  # '=HYPERLINK(...)' stays text
    with database.engine.connect() as connection:
        assert (
            connection.scalar(
                text("SELECT count(*) FROM audit_entries WHERE action = 'report.export'")
            )
            == 2
        )


@pytest.mark.parametrize(
    ("entry", "line_key", "pointed"),
    [
        (
            '[[exhibitors]]\ncode = "alpha"\nname = "Again"\n',
            "exhibitors[4].code",
            'code = "alpha"',
        ),
        (
            '[[exhibitors]]\ncode = "delta"\nname = "D"\nassociation = "ontario"\n',
            "exhibitors[4].association",
            'association = "ontario"',
        ),
        ('[[exhibitors]]\ncode = "delta"\n', "exhibitors[4].name", "[[exhibitors]]"),
    ],
)
def test_a_bad_exhibitor_entry_is_named_with_its_line(
    entry: str, line_key: str, pointed: str
) -> None:
    from desktop_app.domain.events import EventFileError, parse_event_file
    from tests.services.leads_data import event_source

    source = event_source() + "\n" + entry
    with pytest.raises(EventFileError) as error:
        parse_event_file(source)
    lines = source.splitlines()
    line = max(number for number, text in enumerate(lines, start=1) if text == pointed)
    assert f"line {line}, key {line_key}:" in error.value.message


def test_an_exhibitor_with_leads_stays_in_the_event_file(database: Database) -> None:
    from desktop_app.domain.errors import Conflict
    from desktop_app.domain.events import parse_event_file
    from desktop_app.services.admin.events import save_event
    from tests.services.leads_data import EXTRA, event_source

    setup_leads(database.sessions)
    scan_lead(database.sessions, MONTREAL, "alpha", "LEAD-ANA", ALPHA[0])
    without_alpha = event_source().replace(
        'code = "alpha"\nname = "Alpha Biotech"\nassociation = "bioquebec"\n',
        'code = "omega"\nname = "O"\n',
    )
    assert without_alpha != event_source() and EXTRA
    with pytest.raises(Conflict, match="alpha"), database.sessions.begin() as session:
        save_event(session, parse_event_file(without_alpha))
    # without leads, an exhibitor may go
    without_gamma = event_source().replace(
        'code = "gamma"\nname = "Gamma Labs"\n', 'code = "omega"\nname = "O"\n'
    )
    with database.sessions.begin() as session:
        save_event(session, parse_event_file(without_gamma))
    with pytest.raises(NotFound):
        scan_lead(database.sessions, MONTREAL, "gamma", "LEAD-ANA", "Sophie")


def test_access_request_shows_a_persons_leads_and_erasure_removes_them(
    database: Database,
) -> None:
    """Law 25: what exhibitors noted about a person is theirs to see and goes when erased."""
    from desktop_app.services.privacy.access import access_report
    from desktop_app.services.privacy.purge import erase_person

    setup_leads(database.sessions)
    scan_lead(database.sessions, MONTREAL, "alpha", "LEAD-ANA", ALPHA[0], 5, "Wants a demo")
    scan_lead(database.sessions, MONTREAL, "alpha", "LEAD-BOB", ALPHA[0], 2, "Bob's note")
    report = access_report(database.sessions, "ana@example.org", staff="Sophie")
    (person,) = report["people"]
    assert [(lead["exhibitor_code"], lead["rating"], lead["note"]) for lead in person["leads"]] == [
        ("alpha", 5, "Wants a demo")
    ]

    erase_person(database.sessions, "ana@example.org", reason="asked by email", staff="Sophie")
    after = _dump(database)
    assert "Wants a demo" not in after
    assert "Bob's note" in after  # only hers went
    kept = exhibitor_leads(database.sessions, MONTREAL, "alpha", ALPHA[0])
    assert [lead.note for lead in kept] == ["Bob's note"]
