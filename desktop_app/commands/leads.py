"""``passerelle leads`` (scan, export, account, report) and ``passerelle networking list``.

A scan refused for want of the person's networking consent exits 1 with one line on
standard error (or the JSON on standard output with ``--json``): nothing about the person
was kept. The admission code is never printed or exported.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop_app.commands import acting_staff, add_db_option, add_json_option, opened, print_json


def register(subparsers: Any) -> None:
    """Add the ``leads`` and ``networking`` commands."""
    leads = subparsers.add_parser("leads", help="exhibitors' lead scanning")
    actions = leads.add_subparsers(dest="leads_command", metavar="ACTION", required=True)

    scan = actions.add_parser(
        "scan",
        help="scan a badge at an exhibitor's station",
        description="Scan a badge for an exhibitor: the lead is kept only if the person"
        " agreed to networking (exit 1 otherwise, nothing kept); scanning again updates"
        " its rating and note.",
    )
    _event_and_exhibitor(scan)
    scan.add_argument("code", metavar="CODE", help="the badge's code (QR content)")
    scan.add_argument("--rating", type=int, choices=range(1, 6), metavar="N", help="1 to 5")
    scan.add_argument("--note", metavar="TEXT", help="a note about the conversation")
    scan.add_argument("--desk", metavar="NAME", help="the station's name, for the audit log")
    scan.add_argument(
        "--action-id", metavar="ID", help="a unique id; running it again changes nothing"
    )
    add_json_option(scan)
    scan.set_defaults(handler=run_scan)

    export = actions.add_parser(
        "export",
        help="export an exhibitor's own leads (CSV or XLSX)",
        description="Write the exhibitor's own leads (never anyone else's, never an"
        " admission code) to FILE.csv or FILE.xlsx, readable by you only.",
    )
    _event_and_exhibitor(export)
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument("--lang", choices=("fr", "en"), default="fr", help="headings' language")
    export.set_defaults(handler=run_export)

    account = actions.add_parser(
        "account",
        help="create an exhibitor's lead-station account (PINs read from standard input)",
        description="Create the account an exhibitor signs in with at its lead station."
        " PINs are read from standard input, one per line: the new PIN (6 to 8 digits),"
        " then the supervisor's.",
    )
    account.add_argument("--exhibitor", required=True, metavar="CODE")
    account.add_argument("--name", required=True, metavar="NAME", help="the account's name")
    account.add_argument("--by", required=True, metavar="SUPERVISOR")
    add_db_option(account)
    account.set_defaults(handler=run_account)

    report = actions.add_parser("report", help="leads per exhibitor, and cross-association")
    report.add_argument("--event", required=True, metavar="SLUG")
    add_db_option(report)
    add_json_option(report)
    report.set_defaults(handler=run_report)

    networking = subparsers.add_parser("networking", help="the networking list")
    net_actions = networking.add_subparsers(dest="net_command", metavar="ACTION", required=True)
    listing = net_actions.add_parser(
        "list",
        help="who agreed to networking, by association and organization (PDF, CSV, XLSX)",
    )
    listing.add_argument("--event", required=True, metavar="SLUG")
    listing.add_argument("--out", required=True, type=Path, metavar="FILE")
    listing.add_argument("--lang", choices=("fr", "en"), default="fr", help="headings' language")
    listing.add_argument("--staff", metavar="NAME", help="who makes the list (audit log)")
    add_db_option(listing)
    listing.set_defaults(handler=run_networking)


def _event_and_exhibitor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", required=True, metavar="SLUG", help="the event's slug")
    parser.add_argument("--exhibitor", required=True, metavar="CODE", help="the exhibitor")
    parser.add_argument(
        "--staff", required=True, metavar="NAME", help="the exhibitor's account (or a supervisor)"
    )
    add_db_option(parser)


def run_scan(args: argparse.Namespace) -> int:
    """Scan one badge; exit 1 when the person did not agree."""
    from desktop_app.services.leads import ScanOutcome, scan_lead

    with opened(args) as db:
        result = scan_lead(
            db.sessions,
            args.event,
            args.exhibitor,
            args.code,
            args.staff,
            args.rating,
            args.note,
            desk=args.desk,
            action_id=args.action_id,
        )
    refused = result.outcome is ScanOutcome.REFUSED
    if args.json:
        shown = result.lead.to_json() if result.lead else {"consent": False}
        print_json({"result": result.outcome.value, **shown})
    elif refused:
        assert result.refusal is not None
        sys.stderr.write(f"passerelle: {result.refusal.render()}\n")
    elif result.lead is not None:
        lead = result.lead
        verb = "Lead saved" if result.outcome is ScanOutcome.SAVED else "Lead updated"
        stars = f" · {lead.rating}/5" if lead.rating else ""
        print(f"{verb}: {lead.name} · {lead.organization or '-'} · {lead.association}{stars}")
    return 1 if refused else 0


def run_export(args: argparse.Namespace) -> int:
    """Write the exhibitor's own leads."""
    from desktop_app.services.leads.documents import export_leads

    with opened(args) as db:
        rows = export_leads(
            db.sessions, args.event, args.exhibitor, args.out, args.staff, args.lang
        )
    sys.stderr.write(f"passerelle: wrote {rows} leads to {args.out}\n")
    return 0


def run_account(args: argparse.Namespace) -> int:
    """Create an exhibitor account bound to its code."""
    from desktop_app.commands.staff import read_pin
    from desktop_app.services.admin.staff import sign_in, validate_pin
    from desktop_app.services.leads.accounts import create_exhibitor_account

    pin = validate_pin(read_pin(f"PIN for {args.name} (6 to 8 digits): "))
    with opened(args) as db:
        by = sign_in(db.sessions, args.by, read_pin(f"PIN of {args.by}: "))
        member = create_exhibitor_account(db.sessions, args.exhibitor, args.name, pin, by=by)
    print(f"Created the lead-station account '{member.name}' for exhibitor {args.exhibitor}.")
    return 0


def run_report(args: argparse.Namespace) -> int:
    """Print leads per exhibitor."""
    from desktop_app.services.leads.report import leads_by_exhibitor

    with opened(args) as db:
        rows = leads_by_exhibitor(db.sessions, args.event)
    if args.json:
        print_json([row.to_json() for row in rows])
        return 0
    for row in rows:
        print(
            f"{row.code:<16} {row.name:<30} {row.association or '-':<10}"
            f" {row.leads:>5} leads, {row.cross_association} cross-association"
        )
    return 0


def run_networking(args: argparse.Namespace) -> int:
    """Write the networking list."""
    from desktop_app.services.leads.documents import write_networking_list

    with opened(args) as db:
        staff = acting_staff(db, args.staff)
        count = write_networking_list(db.sessions, args.event, args.out, staff, args.lang)
    sys.stderr.write(f"passerelle: wrote {count} people to {args.out}\n")
    return 0
