"""Importing pre-registrations: pretix, Eventbrite and generic files, on both back ends."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.db.models import Payment, Registration, Setting
from desktop_app.domain.errors import Invalid, NotFound
from desktop_app.services.admin import audit
from desktop_app.services.registrations.importing import import_registrations
from tests.services.registration_data import (
    CLOCK,
    EVENTBRITE_EXAMPLE,
    MONTREAL,
    PRETIX_EXAMPLE,
    TORONTO,
    add_members,
    by_name,
    counts,
    registrations,
    setup_events,
    write,
)

PRETIX_HEADER = (
    "Event slug,Order code,Position ID,Status,Email,Order date,Product,Variation,Price,"
    "Attendee name,Attendee name: Given name,Attendee name: Family name,Attendee email,"
    "Company,Pseudonymization ID,Ticket secret,Order locale\n"
)


@pytest.fixture
def montreal(database: Database) -> Database:
    setup_events(database)
    add_members(database)
    return database


def test_pretix_export_keeps_ticket_secrets_and_flags_price_mismatches(
    montreal: Database,
) -> None:
    report = import_registrations(montreal.sessions, MONTREAL, PRETIX_EXAMPLE, at=CLOCK)
    assert report.layout == "pretix"
    assert (report.added, report.updated, report.unchanged) == (10, 0, 0)
    assert (report.skipped, report.rejected, report.errors) == (1, 0, ())
    assert (report.flags.balance_due, report.flags.credit_due, report.flags.doubt) == (1, 1, 1)

    found = registrations(montreal)
    # The QR code on the attendee's pretix ticket is the registration's code.
    benoit = found["fpfnwfjkywcxymkcj9358x6jqthf27m5"]
    assert (benoit.person.first_name, benoit.person.last_name) == ("Benoît", "Lachance")
    assert benoit.category.code == "member-early"
    assert benoit.source == "pretix" and benoit.preferred_language == "fr"
    assert benoit.verdict is not None and benoit.verdict["marking"] == "both"
    assert benoit.membership_flag is None
    assert benoit.amount_due == benoit.amount_paid == Decimal("517.39")

    # Paid the early member rate without a membership: owes the non-member rate of January,
    # 725.00 + GST 36.25 + QST 72.32.
    julie = by_name(montreal, "Julie", "Fontaine")
    assert julie.membership_flag == "balance-due"
    assert (julie.amount_due, julie.amount_paid) == (Decimal("833.57"), Decimal("517.39"))
    assert julie.verdict is not None and julie.verdict["marking"] == "guest"

    # A McGill address paid the non-member rate after the early-bird date: owed back the
    # difference with the regular member rate, 525.00 + 26.25 + 52.37.
    olivier = by_name(montreal, "Olivier", "Bernier")
    assert olivier.membership_flag == "credit-due"
    assert (olivier.amount_due, olivier.amount_paid) == (Decimal("603.62"), Decimal("833.57"))

    # An organization name close to a member's, at a free-mail address: staff confirm.
    mathieu = by_name(montreal, "Mathieu", "Lavoie")
    assert mathieu.membership_flag == "doubt"
    assert mathieu.verdict is not None
    assert mathieu.verdict["status"]["bioquebec"]["candidates"]

    pending = by_name(montreal, "Élise", "Côté")
    assert (pending.amount_due, pending.amount_paid) == (Decimal("603.62"), Decimal("0.00"))
    assert pending.membership_flag is None
    speaker = by_name(montreal, "Thérèse", "Caron")
    assert (speaker.category.code, speaker.role, speaker.membership_flag) == (
        "speaker",
        "speaker",
        None,
    )
    # The order cancelled before the import is kept as cancelled (#15 item 15): its code
    # scans as "cancelled" at the desk, never "not found", and nothing is owed on it.
    (morrison,) = [r for r in found.values() if r.person.last_name == "Morrison"]
    assert (morrison.status, morrison.membership_flag) == ("cancelled", None)
    assert morrison.amount_paid == Decimal("0.00")
    assert report.kept_cancelled == 1
    assert {f.flag: f.row for f in report.flagged} == {
        "balance-due": 6,
        "credit-due": 7,
        "doubt": 12,
    }


def test_eventbrite_report_keeps_barcodes_and_leaves_out_fees(montreal: Database) -> None:
    report = import_registrations(montreal.sessions, MONTREAL, EVENTBRITE_EXAMPLE, at=CLOCK)
    assert report.layout == "eventbrite"
    assert (report.added, report.skipped, report.rejected) == (7, 1, 0)
    assert (report.flags.balance_due, report.flags.credit_due, report.flags.doubt) == (2, 1, 0)
    found = registrations(montreal)
    sarah = found["884120773111205433101001"]
    assert sarah.person.email == "sarah.mitchell@lakeshorebio.com"
    # Total Paid 538.32 includes 20.93 of fees the buyer paid on top of the ticket.
    assert sarah.amount_paid == sarah.amount_due == Decimal("517.39")
    assert found["884120773111205433106001"].status == "active"  # "Checked In"
    # "Not Attending": kept as cancelled, so the barcode scans as such (#15 item 15).
    (brown,) = [r for r in found.values() if r.person.last_name == "Brown"]
    assert brown.status == "cancelled"

    # An LSO corporate member bought a non-member ticket in January: early member rate.
    daniel = by_name(montreal, "Daniel", "Wilson")
    assert daniel.membership_flag == "credit-due"
    assert daniel.amount_due == Decimal("517.39") and daniel.amount_paid == Decimal("833.57")
    # Individual memberships that lapsed in December, and the day before the event.
    for first, last in (("Ryan", "Murphy"), ("Mark", "Anderson")):
        late = by_name(montreal, first, last)
        assert late.membership_flag == "balance-due"
        assert late.amount_due == Decimal("833.57") and late.amount_paid == Decimal("603.62")


def test_generic_file_french_and_english_names_new_codes_and_idempotent(
    montreal: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "inscriptions.csv",
        "Prénom;Nom;Courriel;Entreprise;Catégorie;Montant payé;Langue\n"
        "Benoît;Lachance;benoit.lachance@genoboreal.ca;Géno-Boréal;MEMBRE;603,62 $;Français\n"
        "Jane;Doe;jane@example.org;Acme;non-member;833.57;English\n"
        "Léa;Roy;lea.roy@gmail.com;;Etudiant-e;95;\n"
        "Paul;Martin;pmartin@example.org;;Member;0;\n",
    )
    first = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert (first.layout, first.added, first.rejected) == ("generic", 4, 0)
    found = registrations(montreal)
    assert all(len(code) == 16 and code.isupper() for code in found)
    categories = {r.person.first_name: r.category.code for r in found.values()}
    assert categories == {
        "Benoît": "member",
        "Jane": "non-member",
        "Léa": "student",
        "Paul": "member",
    }
    assert {r.person.first_name: r.preferred_language for r in found.values()}["Jane"] == "en"
    # A generic file's amount is what was paid, against the category's list price.
    paul = by_name(montreal, "Paul", "Martin")
    assert paul.amount_paid == Decimal("0.00")
    assert paul.membership_flag == "balance-due"  # not a member, nothing paid yet

    again = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert (again.added, again.updated, again.unchanged, again.rejected) == (0, 0, 4, 0)
    assert set(registrations(montreal)) == set(found)


def test_generic_file_with_codes_is_found_by_code(montreal: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "list.csv",
        "Code,First name,Last name,Email,Ticket type,Paid\n"
        "QR-000123,Ana,Silva,ana@example.org,Non-member,yes\n"
        "QR-000124,Bo,Chen,bo@example.org,Non-member,no\n",
    )
    import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    found = registrations(montreal)
    assert found["QR-000123"].amount_paid == Decimal("833.57")
    assert found["QR-000124"].amount_paid == Decimal("0.00")


def test_unknown_product_is_rejected_then_mapped_and_remembered(
    montreal: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "pretix.csv",
        PRETIX_HEADER
        + "forum-montreal-2027,AB123,1,paid,a@x.ca,2027-01-10,Passe VIP,,0.00,Ann Lee,Ann,Lee,"
        "ann@lakeshorebio.com,Lakeshore,P1,vipsecret0001,en\n"
        "forum-montreal-2027,AB123,2,paid,a@x.ca,2027-01-10,Forum 2027,Membre,603.62,Bo Lee,"
        "Bo,Lee,bo@lakeshorebio.com,Lakeshore,P2,vipsecret0002,en\n",
    )
    report = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert report.added == 1 and report.rejected == 1
    assert report.errors[0].row == 2
    reason = report.errors[0].reason
    assert "Passe VIP" in reason and "member-early" in reason and "--map-category" in reason
    # The variation names the category when the product does not.
    assert registrations(montreal)["vipsecret0002"].category.code == "member"

    mapped = import_registrations(
        montreal.sessions, MONTREAL, path, category_map={"passe vip": "sponsor"}, at=CLOCK
    )
    assert (mapped.added, mapped.unchanged, mapped.rejected) == (1, 1, 0)
    assert registrations(montreal)["vipsecret0001"].category.code == "sponsor"
    with montreal.sessions() as session:
        setting = session.get(Setting, f"registration-import-categories:{MONTREAL}")
        assert setting is not None and setting.value == {"products": {"passe vip": "sponsor"}}
    remembered = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert (remembered.unchanged, remembered.rejected) == (2, 0)


def test_a_mapping_to_an_unknown_category_is_fatal(montreal: Database, tmp_path: Path) -> None:
    before = counts(montreal)
    with pytest.raises(Invalid, match="vip-pass"):
        import_registrations(
            montreal.sessions, MONTREAL, PRETIX_EXAMPLE, category_map={"Passe VIP": "vip-pass"}
        )
    assert counts(montreal) == before


def test_a_newer_export_cancels_and_reactivates(montreal: Database, tmp_path: Path) -> None:
    row = (
        "forum-montreal-2027,CC111,1,{status},c@x.ca,2027-01-10,Non-membre,,833.57,Cy Ray,Cy,Ray,"
        "cy@example.org,,P9,cysecret,fr\n"
    )
    other = (
        "forum-montreal-2027,DD222,1,paid,d@x.ca,2027-01-11,Non-membre,,833.57,Di Ray,Di,Ray,"
        "di@example.org,,P8,disecret,fr\n"
    )
    first = write(tmp_path, "first.csv", PRETIX_HEADER + row.format(status="paid") + other)
    import_registrations(montreal.sessions, MONTREAL, first, at=CLOCK)
    later = write(tmp_path, "later.csv", PRETIX_HEADER + row.format(status="canceled") + other)
    report = import_registrations(montreal.sessions, MONTREAL, later, at=CLOCK)
    assert (report.skipped, report.cancelled, report.unchanged) == (1, 1, 1)
    found = registrations(montreal)
    assert found["cysecret"].status == "cancelled"
    assert found["disecret"].status == "active"
    again = import_registrations(montreal.sessions, MONTREAL, later, at=CLOCK)
    assert (again.skipped, again.cancelled) == (1, 0)
    back = import_registrations(montreal.sessions, MONTREAL, first, at=CLOCK)
    assert back.updated == 1
    assert registrations(montreal)["cysecret"].status == "active"


@pytest.mark.parametrize(
    "status",
    ["Cancelled", "Annulé", "Refunded", "Remboursé", "Not Attending", "canceled"],
)
def test_inactive_statuses_are_not_registrations(
    montreal: Database, tmp_path: Path, status: str
) -> None:
    path = write(
        tmp_path,
        "list.csv",
        f"Prénom,Nom,Catégorie,Statut\nAna,Silva,Membre,{status}\nBo,Chen,Membre,Payé\n",
    )
    report = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert (report.added, report.skipped) == (1, 1)


def test_bad_rows_are_rejected_with_reasons_and_the_rest_imported(
    database: Database, tmp_path: Path
) -> None:
    setup_events(database, MONTREAL, TORONTO)
    toronto = write(
        tmp_path,
        "toronto.csv",
        "Code,First name,Last name,Category\nTAKEN-1,Tom,Ng,Member\n",
    )
    import_registrations(database.sessions, TORONTO, toronto, at=CLOCK)
    path = write(
        tmp_path,
        "list.csv",
        "Code,First name,Last name,Category,Amount paid\n"
        "A-1,Ana,Silva,Member,abc\n"
        "A-2,,,Member,10\n"
        "A-3,Bo,Chen,Member,603.62\n"
        "A-3,Bo,Chen,Member,603.62\n"
        "TAKEN-1,Tom,Ng,Member,603.62\n"
        "A-4,Cy,Ray,Member,-5\n"
        f"A-5,{'x' * 1200},Ray,Member,1\n",
    )
    report = import_registrations(database.sessions, MONTREAL, path, at=CLOCK)
    assert report.added == 1
    reasons = {e.row: e.reason for e in report.errors}
    assert set(reasons) == {2, 3, 5, 6, 7, 8}
    assert "abc" in reasons[2]
    assert "no name" in reasons[3]
    assert "row 4" in reasons[5]
    assert "partnering-toronto-2027" in reasons[6]
    assert "negative" in reasons[7]
    assert "1200" in reasons[8]
    assert report.rejected == 6


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("nonames.csv", "Email,Category\na@b.ca,Member\n", "no name column"),
        ("nocategory.csv", "First name,Last name\nAna,Silva\n", "category column"),
        ("empty.csv", "", "empty"),
        ("image.csv", "\x89PNG\r\n\x1a\n", "spreadsheet"),
    ],
)
def test_malformed_files_change_nothing(
    montreal: Database, tmp_path: Path, name: str, content: str, message: str
) -> None:
    import_registrations(montreal.sessions, MONTREAL, PRETIX_EXAMPLE, at=CLOCK)
    before = counts(montreal)
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1"))
    with pytest.raises(Invalid, match=message):
        import_registrations(montreal.sessions, MONTREAL, path)
    assert counts(montreal) == before


def test_missing_file_and_unknown_event(montreal: Database, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        import_registrations(montreal.sessions, MONTREAL, tmp_path / "nope.csv")
    with pytest.raises(NotFound, match="no-such-event"):
        import_registrations(montreal.sessions, "no-such-event", PRETIX_EXAMPLE)


def test_dry_run_reports_and_writes_nothing(montreal: Database) -> None:
    before = counts(montreal)
    report = import_registrations(
        montreal.sessions, MONTREAL, PRETIX_EXAMPLE, dry_run=True, category_map={"X": "press"}
    )
    assert report.dry_run and report.added == 10 and report.flags.balance_due == 1
    assert counts(montreal) == before
    with montreal.sessions() as session:
        assert session.scalars(select(Setting)).all() == []


def test_money_taken_at_the_desk_survives_a_reimport(montreal: Database) -> None:
    import_registrations(montreal.sessions, MONTREAL, PRETIX_EXAMPLE, at=CLOCK)
    julie = by_name(montreal, "Julie", "Fontaine")
    with montreal.sessions.begin() as session:
        session.add(
            Payment(
                registration_id=julie.id,
                method="card",
                amount=Decimal("316.18"),
                received_at=datetime(2027, 3, 23, 9, tzinfo=UTC),
                desk="Desk 1",
                staff="M. Roy",
                action_id="pay-julie-1",
            )
        )
        row = session.get(Registration, julie.id)
        assert row is not None
        row.amount_paid += Decimal("316.18")
    report = import_registrations(montreal.sessions, MONTREAL, PRETIX_EXAMPLE, at=CLOCK)
    assert report.unchanged == 10
    settled = by_name(montreal, "Julie", "Fontaine")
    assert settled.amount_paid == Decimal("833.57") == settled.amount_due
    assert settled.membership_flag is None  # nothing left to collect


def test_member_rate_taxes_in_quebec_and_ontario(database: Database, tmp_path: Path) -> None:
    setup_events(database, MONTREAL, TORONTO)
    add_members(database)
    path = write(
        tmp_path,
        "list.csv",
        "Code,First name,Last name,Email,Category,Registration date\n"
        "T-1,Ann,Outsider,ann@example.org,Member,2027-03-01\n",
    )
    import_registrations(database.sessions, TORONTO, path, at=CLOCK)
    ann = registrations(database)["T-1"]
    # Toronto: member 349.00 + HST 45.37 paid; non-member 499.00 + HST 64.87 due.
    assert (ann.amount_paid, ann.amount_due) == (Decimal("394.37"), Decimal("563.87"))
    assert ann.membership_flag == "balance-due"


def test_a_person_edited_at_the_desk_is_not_overwritten(montreal: Database) -> None:
    import_registrations(montreal.sessions, MONTREAL, PRETIX_EXAMPLE, at=CLOCK)
    julie = by_name(montreal, "Julie", "Fontaine")
    with montreal.sessions.begin() as session:
        row = session.get(Registration, julie.id)
        assert row is not None
        row.person.first_name = "Juliette"
        audit.record(session, "person.edited", subject=f"registration:{julie.id}")
    report = import_registrations(montreal.sessions, MONTREAL, PRETIX_EXAMPLE, at=CLOCK)
    assert report.unchanged == 10
    assert by_name(montreal, "Juliette", "Fontaine").code == julie.code


def test_french_excel_csv_in_cp1252_with_semicolons(montreal: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "excel.csv",
        "Prénom;Nom;Courriel;Type de billet;Payé\n"
        "Hélène;Bérubé;helene@theravie.com;Membre — tarif hâtif;oui\n",
        encoding="cp1252",
    )
    report = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert report.added == 1
    helene = by_name(montreal, "Hélène", "Bérubé")
    assert helene.category.code == "member-early" and helene.membership_flag is None
    assert helene.verdict is not None and helene.verdict["marking"] == "bioquebec"


def test_eventbrite_workbook_on_a_named_sheet(montreal: Database, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Summary"
    sheet = workbook.create_sheet("Attendees")
    sheet.append(
        [
            "Order #",
            "First Name",
            "Last Name",
            "Email",
            "Ticket Type",
            "Attendee #",
            "Barcode #",
            "Total Paid",
            "Fees Paid",
            "Attendee Status",
            "Company",
        ]
    )
    sheet.append(
        [
            "9001",
            "Kim",
            "Lee",
            "kim@uwaterloo.ca",
            "Member",
            "77",
            "900177001",
            624.94,
            21.32,
            "Attending",
            "University of Waterloo",
        ]
    )
    path = tmp_path / "report.xlsx"
    workbook.save(path)
    report = import_registrations(montreal.sessions, MONTREAL, path, sheet="Attendees", at=CLOCK)
    assert (report.layout, report.added) == ("eventbrite", 1)
    kim = registrations(montreal)["900177001"]
    assert kim.amount_paid == Decimal("603.62") and kim.membership_flag is None


def test_pretix_check_in_list(montreal: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "checkin.csv",
        "Order code,Attendee name,Product,Price,Checked in,Paid,Secret,E-mail,Company\n"
        "XY12Z,Ivy Chen,Member,603.62,,No,ivysecret123,ivy@lakeshorebio.com,Lakeshore\n",
    )
    report = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert (report.layout, report.added) == ("pretix", 1)
    ivy = registrations(montreal)["ivysecret123"]
    assert (ivy.person.first_name, ivy.person.last_name) == ("Ivy", "Chen")
    assert (ivy.amount_due, ivy.amount_paid) == (Decimal("603.62"), Decimal("0.00"))


def test_values_longer_than_the_database_keeps_reject_their_row(
    montreal: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "long.csv",
        "Code,First name,Last name,Email,Category\n"
        f"{'C' * 129},Ana,Silva,ana@example.org,Member\n"
        f"B-1,Bo,{'L' * 201},bo@example.org,Member\n"
        "B-2,Cy,Ray,cy@example.org,Member\n",
    )
    report = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert report.added == 1
    reasons = {e.row: e.reason for e in report.errors}
    assert "“Code” value is 129 characters" in reasons[2]
    assert "“Last name” value is 201 characters" in reasons[3]


def test_imported_registrations_count_under_their_entitling_membership(
    montreal: Database,
) -> None:
    """Reports count ``entitled_by``: an import (a bulk insert) must keep it as the verdict
    says, or every member imported from pretix would count as a non-member."""
    from desktop_app.domain.stored_verdict import entitlement_of

    import_registrations(montreal.sessions, MONTREAL, PRETIX_EXAMPLE, at=CLOCK)
    with montreal.sessions() as session:
        rows = session.execute(select(Registration.verdict, Registration.entitled_by)).all()
    assert rows and all(entitled == entitlement_of(verdict) for verdict, entitled in rows)
    assert any(entitled != "none" for _, entitled in rows)


def test_a_question_column_is_read_as_a_consent_and_a_bad_answer_rejects_its_row(
    montreal: Database, tmp_path: Path
) -> None:
    import csv

    from desktop_app.db.models import Consent
    from desktop_app.domain.errors import Invalid

    with Path(PRETIX_EXAMPLE).open(encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source))
    header = "Question: share my details with LSO?"
    answers = ["Oui", "no", "", "maybe", "TRUE", "0", "1", "non", "yes", "Non", "oui", "x"]
    rows[0].append(header)
    for number, row in enumerate(rows[1:]):
        row.append(answers[number % len(answers)])
    path = tmp_path / "pretix-with-question.csv"
    with path.open("w", encoding="utf-8", newline="") as target:
        csv.writer(target).writerows(rows)

    with pytest.raises(Invalid, match="asks no consent 'newsletter'"):
        import_registrations(
            montreal.sessions, MONTREAL, path, at=CLOCK, consent_map={header: "newsletter"}
        )
    with pytest.raises(Invalid, match="no column “Question: nope”"):
        import_registrations(
            montreal.sessions,
            MONTREAL,
            path,
            at=CLOCK,
            consent_map={"Question: nope": "share-partner"},
        )
    report = import_registrations(
        montreal.sessions, MONTREAL, path, at=CLOCK, consent_map={header: "share-partner"}
    )
    assert [error.row for error in report.errors] == [5]  # "maybe" is neither yes nor no
    assert "neither yes nor no" in report.errors[0].reason
    with montreal.sessions() as session:
        stored = session.scalars(select(Consent)).all()
    assert stored and {c.source for c in stored} == {"import"}
    assert {c.purpose for c in stored} == {"share-partner"}
    assert sum(c.granted for c in stored) >= 3 and sum(not c.granted for c in stored) >= 3


def test_bilingual_ticket_names_find_their_category(montreal: Database, tmp_path: Path) -> None:
    """Bilingual events name products "Membre / Member": each way of writing both names (and
    the inclusive forms) finds the category; a near miss is refused with the closest one."""
    path = tmp_path / "bilingual.csv"
    path.write_text(
        "First name,Last name,Email,Ticket type\n"
        "Ana,Uno,ana@example.org,Membre / Member\n"
        "Bo,Dos,bo@example.org,Non-member - Non-membre\n"
        "Cy,Tres,cy@example.org,CONFÉRENCIER | SPEAKER\n"
        "Di,Cuatro,di@example.org,Étudiante / Student\n"
        "Ed,Cinco,ed@example.org,Membres / Members\n",
        encoding="utf-8",
    )
    report = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert (report.added, report.rejected) == (4, 1)
    assert "the closest is member (Membre / Member)" in report.errors[0].reason
    found = {r.person.first_name: r.category.code for r in registrations(montreal).values()}
    assert found == {"Ana": "member", "Bo": "non-member", "Cy": "speaker", "Di": "student"}


def test_a_file_whose_every_row_is_refused_writes_nothing(
    montreal: Database, tmp_path: Path
) -> None:
    from desktop_app.cli import main
    from desktop_app.db.models import AuditEntry

    path = tmp_path / "all-bad.csv"
    path.write_text(
        "First name,Last name,Email,Ticket type\nAna,Uno,ana@example.org,Visitor\n",
        encoding="utf-8",
    )
    with montreal.sessions() as session:
        before = session.scalar(select(func.count()).select_from(AuditEntry))
    assert (
        main(["registrations", "import", "--event", MONTREAL, str(path), "--db", montreal.url]) == 1
    )
    with montreal.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == before
    assert registrations(montreal) == {}
