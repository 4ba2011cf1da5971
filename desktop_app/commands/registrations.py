"""``passerelle registrations import|reassess``: pre-registrations and their membership flags."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app.commands import add_db_option, add_json_option, opened, print_json

SHOWN = 30
"""Flagged registrations listed in the text report (``--json`` lists them all)."""


def _mapping(text: str) -> tuple[str, str]:
    product, equals, code = text.rpartition("=")
    if not equals or not product.strip() or not code.strip():
        raise argparse.ArgumentTypeError(f"expected PRODUCT=CODE, got {text!r}")
    return product.strip(), code.strip()


def register(subparsers: Any) -> None:
    """Add the ``registrations`` command group."""
    group = subparsers.add_parser("registrations", help="import pre-registrations")
    commands = group.add_subparsers(dest="registrations_command", required=True, metavar="COMMAND")

    imports = commands.add_parser(
        "import",
        help="import registrations from a generic CSV/XLSX file, a pretix export or an"
        " Eventbrite attendee report",
    )
    imports.add_argument("--event", required=True, metavar="SLUG", help="the event's slug")
    imports.add_argument("file", metavar="FILE", help="CSV or XLSX file")
    imports.add_argument(
        "--dry-run", action="store_true", help="report what would change; write nothing"
    )
    imports.add_argument("--sheet", metavar="NAME", help="XLSX worksheet (default: the first)")
    imports.add_argument(
        "--map-category",
        type=_mapping,
        action="append",
        default=[],
        metavar="PRODUCT=CODE",
        help="import this product / ticket type as this price category (repeatable;"
        " remembered for the event)",
    )
    imports.add_argument(
        "--map-consent",
        type=_mapping,
        action="append",
        default=[],
        metavar="HEADER=PURPOSE",
        help="read this column (a question's answer: yes/no, oui/non, true/false, 1/0) as the"
        " consent for this purpose of the event file (repeatable)",
    )
    imports.add_argument(
        "--map-session",
        type=_mapping,
        action="append",
        default=[],
        metavar="PRODUCT=SESSION",
        help="rows of this product / ticket type give this session of the event file to the"
        " registration with the same email, instead of making a registration (repeatable;"
        " pretix add-ons naming a session need no mapping)",
    )
    add_db_option(imports)
    add_json_option(imports)
    imports.set_defaults(handler=run_import)

    reassess = commands.add_parser(
        "reassess", help="recompute membership verdicts and flags after a member list changed"
    )
    reassess.add_argument("--event", required=True, metavar="SLUG", help="the event's slug")
    add_db_option(reassess)
    add_json_option(reassess)
    reassess.set_defaults(handler=run_reassess)


def run_import(args: argparse.Namespace) -> int:
    """Import the file and print the report."""
    from desktop_app.services.registrations.importing import import_registrations

    with opened(args) as db:
        report = import_registrations(
            db.sessions,
            args.event,
            args.file,
            dry_run=args.dry_run,
            sheet=args.sheet,
            category_map=dict(args.map_category),
            consent_map=dict(args.map_consent),
            session_map=dict(args.map_session),
        )
    if args.json:
        print_json(report.to_json())
        return 1 if report.nothing_accepted else 0
    prefix = "Dry run, nothing written: " if report.dry_run else ""
    if report.nothing_accepted:
        # A refusal: its one line goes to stderr like every other refusal; the row report
        # follows on stdout.
        first = report.errors[0] if report.errors else None
        sys.stderr.write(
            f"passerelle: No row of {report.file} could be imported, so nothing was written."
            + (f" Row {first.row}: {first.reason}" if first else "")
            + "\n"
        )
        prefix = "Every row was refused, nothing written: "
    elif not report.written and not report.dry_run:
        prefix = "Nothing changed, nothing written: "
    print(
        f"{prefix}{report.added} added, {report.updated} updated, {report.unchanged} unchanged,"
        f" {report.skipped} skipped (cancelled or not attending; {report.cancelled} registrations"
        f" cancelled, {report.kept_cancelled} kept as cancelled), {report.rejected} rejected"
        f" ({report.layout} layout)."
    )
    if report.sessions_added:
        print(f"{report.sessions_added} sessions given by add-ons.")
    for error in report.errors:
        print(f"  row {error.row}: {error.reason}")
    flags = report.flags
    print(
        f"Membership flags: {flags.balance_due} balance due, {flags.credit_due} credit due,"
        f" {flags.doubt} to confirm."
    )
    for flagged in report.flagged[:SHOWN]:
        print(
            f"  row {flagged.row}: {flagged.name} ({flagged.code}) {flagged.flag}:"
            f" due {flagged.amount_due}, paid {flagged.amount_paid}"
        )
    if len(report.flagged) > SHOWN:
        print(f"  … and {len(report.flagged) - SHOWN} more (--json lists them all).")
    return 1 if report.nothing_accepted else 0


def run_reassess(args: argparse.Namespace) -> int:
    """Recompute the event's verdicts and print the counts."""
    from desktop_app.services.membership.verdicts import reassess

    with opened(args) as db:
        report = reassess(db.sessions, args.event)
    if args.json:
        print_json(report.to_json())
        return 0
    print(
        f"{report.reassessed} registrations reassessed, {report.changed} changed:"
        f" {report.balance_due} balance due, {report.credit_due} credit due,"
        f" {report.doubt} to confirm."
    )
    return 0
