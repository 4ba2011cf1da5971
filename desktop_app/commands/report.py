"""``passerelle report …`` and ``passerelle desk …``: what the associations get back.

Each report prints a readable table, or its JSON (``--json``), or writes ``--csv``, ``--xlsx``
and ``--pdf`` files (any of them at once). Exports are audited with the user who ran them.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop_app.commands import (
    acting_staff,
    add_db_option,
    add_force_option,
    cli_user,
    opened,
    output_path,
    print_json,
    write_atomically,
)
from desktop_app.documents.report_data import Language, ReportDocument, label
from desktop_app.domain.errors import QT_TRANSLATE_NOOP

_PRESENCE = ("all", "checked-in", "no-show")


def _amount(text: str) -> Decimal:
    from desktop_app.domain.money import typed_amount

    value = typed_amount(text)
    if value is None or value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not an amount of dollars (such as 150.00)")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def _outputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--csv", metavar="FILE", help="write a CSV file (UTF-8)")
    parser.add_argument("--xlsx", metavar="FILE", help="write an Excel workbook")
    parser.add_argument("--pdf", metavar="FILE", help="write a PDF")
    add_force_option(parser)
    parser.add_argument(
        "--lang",
        choices=("fr", "en"),
        help="language of the CSV and XLSX headings (default: French for a Québec event)",
    )
    add_db_option(parser)


def register(subparsers: Any) -> None:
    """Add the ``report`` and ``desk`` commands."""
    report = subparsers.add_parser("report", help="attendance, partnership, sales, attendees")
    kinds = report.add_subparsers(dest="report", metavar="REPORT", required=True)

    attendance = kinds.add_parser("attendance", help="who registered and who came, and how")
    attendance.add_argument("--event", required=True, metavar="SLUG")
    attendance.add_argument(
        "--session",
        metavar="CODE",
        help="one session's counts instead (entitled, checked in, seats left): text or --json",
    )
    _outputs(attendance)
    attendance.set_defaults(handler=_run_report)

    partnership = kinds.add_parser(
        "partnership", help="the MOU's numbers: members of one association at the other's events"
    )
    partnership.add_argument("--from", dest="start", type=_day, metavar="DATE")
    partnership.add_argument("--to", dest="end", type=_day, metavar="DATE")
    _outputs(partnership)
    partnership.set_defaults(handler=_run_report)

    sales = kinds.add_parser("sales", help="sales and taxes of one event (GST/QST/HST)")
    sales.add_argument("--event", required=True, metavar="SLUG")
    _outputs(sales)
    sales.set_defaults(handler=_run_report)

    attendees = kinds.add_parser("attendees", help="the list of who came, or who did not")
    attendees.add_argument("--event", required=True, metavar="SLUG")
    presence = attendees.add_mutually_exclusive_group()
    presence.add_argument("--checked-in", dest="presence", action="store_const", const="checked-in")
    presence.add_argument("--no-show", dest="presence", action="store_const", const="no-show")
    attendees.add_argument(
        "--association",
        choices=("bioquebec", "lso"),
        help="only what this association may receive: its members, and others who consented",
    )
    _outputs(attendees)
    attendees.set_defaults(handler=_run_report, presence="all")

    desk = subparsers.add_parser("desk", help="close a desk's day, list or reprint closings")
    actions = desk.add_subparsers(dest="desk_action", metavar="ACTION", required=True)
    close = actions.add_parser("close", help="count the cash and close the desk's day")
    close.add_argument("--event", required=True, metavar="SLUG")
    close.add_argument("--desk", required=True, metavar="NAME")
    close.add_argument("--staff", required=True, metavar="NAME", help="who counted the cash")
    close.add_argument("--counted-cash", required=True, type=_amount, metavar="AMOUNT")
    close.add_argument(
        "--float",
        dest="opening_float",
        type=_amount,
        default=Decimal(0),
        metavar="AMOUNT",
        help="the cash the drawer started with (default 0)",
    )
    close.add_argument("--note", metavar="TEXT")
    close.add_argument("--json", action="store_true", help="print the closing as JSON")
    close.add_argument("--pdf", metavar="FILE", help="write the PDF to sign")
    add_force_option(close)
    add_db_option(close)
    close.set_defaults(handler=_run_close)

    closings = actions.add_parser("closings", help="the closings stored for an event")
    closings.add_argument("--event", required=True, metavar="SLUG")
    closings.add_argument("--desk", metavar="NAME")
    closings.add_argument("--json", action="store_true")
    add_db_option(closings)
    closings.set_defaults(handler=_run_closings)

    reprint = actions.add_parser("reprint", help="a stored closing again, marked COPIE / COPY")
    reprint.add_argument("--event", required=True, metavar="SLUG")
    reprint.add_argument("--desk", required=True, metavar="NAME")
    reprint.add_argument("--number", required=True, type=int, metavar="N")
    reprint.add_argument("--pdf", required=True, metavar="FILE")
    add_force_option(reprint)
    add_db_option(reprint)
    reprint.set_defaults(handler=_run_reprint)


def _build(args: argparse.Namespace, sessions: Any) -> tuple[Any, ReportDocument]:
    from desktop_app.services.reports import document as documents
    from desktop_app.services.reports.attendance import attendance_report
    from desktop_app.services.reports.attendees import Presence, attendee_list
    from desktop_app.services.reports.partnership import partnership_report
    from desktop_app.services.reports.sales import sales_report

    if args.report == "attendance":
        attendance = attendance_report(sessions, args.event)
        return attendance, documents.attendance_document(attendance)
    if args.report == "partnership":
        partnership = partnership_report(sessions, args.start, args.end)
        return partnership, documents.partnership_document(partnership)
    if args.report == "sales":
        sales = sales_report(sessions, args.event)
        return sales, documents.sales_document(sales)
    people = attendee_list(
        sessions, args.event, presence=Presence(args.presence), association=args.association
    )
    return people, documents.attendees_document(people)


def _targets(args: argparse.Namespace, *options: str) -> dict[str, Path]:
    """The files the report goes to, each checked before any work (see ``output_path``);
    two options naming one file would leave only the last, so they are refused too."""
    from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid

    targets = {
        option: output_path(args, f"--{option}")
        for option in options
        if getattr(args, option) is not None
    }
    seen: dict[Path, str] = {}
    for option, path in targets.items():
        earlier = seen.setdefault(path.resolve(), option)
        if earlier != option:
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError", "--{first} and --{second} name the same file {path}."
                ),
                first=earlier,
                second=option,
                path=str(path),
            )
    return targets


def _run_report(args: argparse.Namespace) -> int:
    if getattr(args, "session", None) is not None:
        return _run_session_report(args)
    targets = _targets(args, "csv", "xlsx", "pdf")
    with opened(args) as db:
        report, document = _build(args, db.sessions)
        _write_outputs(args, db.sessions, document, targets)
        if args.json:
            print_json(report.to_json())
        elif not targets:
            print_text(document, args.lang or document.languages[0])
    return 0


_T_SESSION_FILES = QT_TRANSLATE_NOOP(
    "ReportCommand", "--session prints one session's counts (as text or --json), not files."
)
_T_SESSION_LINE = QT_TRANSLATE_NOOP(
    "ReportCommand", "{name} ({code}): {checked_in} checked in, {entitled} entitled."
)
_T_SESSION_SEATS = QT_TRANSLATE_NOOP("ReportCommand", "Capacity {capacity}: {left} seats left.")
_T_SESSION_INSIDE = QT_TRANSLATE_NOOP(
    "ReportCommand", "{entries} entries (re-entries included); {inside} inside now."
)


def _run_session_report(args: argparse.Namespace) -> int:
    """``report attendance --session CODE``: the session's counts."""
    from desktop_app.domain.errors import Invalid, Message
    from desktop_app.services.reports.sessions import session_attendance

    if args.csv or args.xlsx or args.pdf:
        raise Invalid(_T_SESSION_FILES)
    with opened(args) as db:
        counts = session_attendance(db.sessions, args.event, args.session)
    if args.json:
        print_json(counts.to_json())
        return 0
    name = counts.name_fr if args.lang == "fr" else counts.name_en
    print(
        Message(
            _T_SESSION_LINE,
            name=name,
            code=counts.code,
            checked_in=counts.checked_in,
            entitled=counts.entitled,
        )
    )
    if counts.capacity is not None:
        print(Message(_T_SESSION_SEATS, capacity=counts.capacity, left=counts.seats_left))
    if counts.inside is not None:  # exits are scanned at its door
        print(Message(_T_SESSION_INSIDE, entries=counts.entries, inside=counts.inside))
    return 0


def _write_outputs(
    args: argparse.Namespace, sessions: Any, document: ReportDocument, targets: dict[str, Path]
) -> None:
    from desktop_app.documents.report_pdf import render_report_pdf
    from desktop_app.services.reports.exports import ExportFormat, export_report, record_export

    language: Language = args.lang or document.languages[0]
    user = cli_user()
    for option, export_format in (("csv", ExportFormat.CSV), ("xlsx", ExportFormat.XLSX)):
        path = targets.get(option)
        if path is not None:
            rows = export_report(
                sessions, document, path, export_format, language, staff=user, force=args.force
            )
            sys.stderr.write(f"passerelle: wrote {rows} rows to {path}\n")
    pdf = targets.get("pdf")
    if pdf is not None:
        write_atomically(
            pdf, render_report_pdf(document, generated_at=datetime.now(UTC)), force=args.force
        )
        with sessions.begin() as session:
            record_export(session, document, pdf, "pdf", document.row_count(), staff=user)
        sys.stderr.write(f"passerelle: wrote {pdf}\n")


def print_text(document: ReportDocument, language: Language) -> None:
    """The report as plain aligned tables on standard output."""
    from desktop_app.services.reports.exports import plain_cell

    out = sys.stdout
    for section in document.sections:
        out.write(f"\n{label(section.title, language)}\n")
        rows = [[label(column, language) for column in section.columns]]
        rows += [
            [
                plain_cell(cell, i, section.labelled, document, language)
                for i, cell in enumerate(row)
            ]
            for row in section.rows
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(section.columns))]
        for number, row in enumerate(rows):
            out.write("  ".join(text.ljust(width) for text, width in zip(row, widths, strict=True)))
            out.write("\n")
            if number == 0:
                out.write("  ".join("-" * width for width in widths) + "\n")


def _run_close(args: argparse.Namespace) -> int:
    from desktop_app.services.reports.closing import close_desk

    pdf = _targets(args, "pdf").get("pdf")  # before the closing is stored
    with opened(args) as db:
        closing = close_desk(
            db.sessions,
            args.event,
            desk=args.desk,
            staff=acting_staff(db, args.staff),
            counted_cash=args.counted_cash,
            opening_float=args.opening_float,
            note=args.note,
        )
        if pdf is not None:
            _closing_pdf(db.sessions, closing, pdf, copy=False, force=args.force)
    if args.json:
        print_json(closing.to_json())
    else:
        print(
            f"{closing.desk} #{closing.number}: expected {closing.expected_cash:.2f},"
            f" counted {closing.counted_cash:.2f}, difference {closing.difference:+.2f}"
        )
    return 0


def _closing_pdf(sessions: Any, closing: Any, path: Path, *, copy: bool, force: bool) -> None:
    from desktop_app.documents.report_pdf import render_report_pdf
    from desktop_app.services.reports.document import closing_document
    from desktop_app.services.reports.exports import record_export

    document = closing_document(closing, copy=copy)
    pdf = render_report_pdf(document, generated_at=datetime.now(UTC))
    write_atomically(path, pdf, force=force)
    with sessions.begin() as session:
        record_export(session, document, path, "pdf", document.row_count(), staff=cli_user())
    sys.stderr.write(f"passerelle: wrote {path}\n")


def _run_closings(args: argparse.Namespace) -> int:
    from desktop_app.services.reports.closing import desk_closings

    with opened(args) as db:
        closings = desk_closings(db.sessions, args.event, args.desk)
    if args.json:
        print_json([closing.to_json() for closing in closings])
        return 0
    for closing in closings:
        print(
            f"{closing.desk} #{closing.number}  {closing.closed_at:%Y-%m-%d %H:%M} UTC"
            f"  {closing.staff}  expected {closing.expected_cash:.2f}"
            f"  counted {closing.counted_cash:.2f}  difference {closing.difference:+.2f}"
        )
    if not closings:
        print("No closing yet.")
    return 0


def _run_reprint(args: argparse.Namespace) -> int:
    from desktop_app.services.reports.closing import desk_closing

    pdf = output_path(args, "--pdf")
    with opened(args) as db:
        closing = desk_closing(db.sessions, args.event, args.desk, args.number)
        _closing_pdf(db.sessions, closing, pdf, copy=True, force=args.force)
    return 0
