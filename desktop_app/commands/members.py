"""``passerelle members``: check a verdict, import a member list, record a staff decision.

- ``members check --event SLUG [--name/--email/--organization/--member-number] [--json]``
- ``members import --association bioquebec|lso FILE [--dry-run] [--sheet NAME]
  [--map FIELD=HEADER ...] [--forget-mapping] [--staff NAME] [--json]``
- ``members decide --association A (--email E | --name N) --decision member|not-member
  [--membership-number M] --reason R --staff NAME [--json]``
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.commands import acting_staff, add_db_option, add_json_option, opened, print_json
from desktop_app.commands.person import add_person_options, verdict_lines

if TYPE_CHECKING:
    from desktop_app.domain.membership import MembershipVerdict
    from desktop_app.services.membership.importing import MemberImportReport

ASSOCIATION_CHOICES = ("bioquebec", "lso")


def register(subparsers: Any) -> None:
    """Add the ``members`` command group."""
    members = subparsers.add_parser(
        "members", help="check memberships, import member lists, record staff decisions"
    )
    commands = members.add_subparsers(dest="members_command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", help="tell in which associations a person is a member on an event's date"
    )
    add_person_options(check)
    add_db_option(check)
    add_json_option(check)
    check.set_defaults(handler=run_check)

    importing = commands.add_parser(
        "import",
        help="import an association's member list (CSV or XLSX)",
        description="Add, update and end the association's memberships to match the list. "
        "A file with a fatal problem changes nothing; bad rows are reported and skipped.",
    )
    importing.add_argument("--association", required=True, choices=ASSOCIATION_CHOICES)
    importing.add_argument("file", type=Path, metavar="FILE", help="the member list")
    importing.add_argument(
        "--dry-run", action="store_true", help="report what would change, write nothing"
    )
    importing.add_argument("--sheet", metavar="NAME", help="the XLSX worksheet (default: first)")
    importing.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="read FIELD from column HEADER (e.g. email=Courriel; FIELD= ignores a field); "
        "remembered for the association's next imports",
    )
    importing.add_argument(
        "--forget-mapping",
        action="store_true",
        help="forget the association's remembered column mapping (with this import)",
    )
    importing.add_argument(
        "--allow-ending-most",
        action="store_true",
        help="accept a list that ends more than half of the current memberships",
    )
    importing.add_argument("--staff", metavar="NAME", help="who imports (for the audit log)")
    add_db_option(importing)
    add_json_option(importing)
    importing.set_defaults(handler=run_import)

    decide = commands.add_parser(
        "decide",
        help="record a staff decision about a person's membership (reused at later events)",
    )
    decide.add_argument("--association", required=True, choices=ASSOCIATION_CHOICES)
    decide.add_argument("--email", metavar="E", help="the person's email address")
    decide.add_argument("--name", metavar="N", help="the person's full name")
    decide.add_argument(
        "--decision", required=True, choices=("member", "not-member", "confirmed-candidate")
    )
    decide.add_argument(
        "--membership-number", metavar="M", help="the membership the decision is about"
    )
    decide.add_argument("--reason", required=True, metavar="R", help="why (required)")
    decide.add_argument("--staff", required=True, metavar="NAME", help="who decides")
    decide.add_argument("--desk", metavar="DESK", help="at which desk")
    add_db_option(decide)
    add_json_option(decide)
    decide.set_defaults(handler=run_decide)


def verdict_of(args: argparse.Namespace) -> MembershipVerdict:
    """The verdict for the person and event given on the command line."""
    from desktop_app.services.membership.directory import check_person

    with opened(args) as db:
        return check_person(
            db.sessions,
            args.event,
            name=args.name,
            email=args.email,
            organization=args.organization,
            member_number=args.member_number,
        )


def run_check(args: argparse.Namespace) -> int:
    """Print the verdict."""
    from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid

    given = (args.name, args.email, args.organization, args.member_number)
    if not any(value and value.strip() for value in given):
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "Say whom to check: --name, --email, --organization or --member-number.",
            )
        )
    verdict = verdict_of(args)
    if args.json:
        print_json(verdict.to_json())
        return 0
    for line in verdict_lines(verdict):
        print(line)
    return 0


def parse_mapping(items: list[str]) -> dict[str, str]:
    """``["email=Courriel", "phone="]`` as ``{"email": "Courriel", "phone": ""}``."""
    from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid

    mapping: dict[str, str] = {}
    for item in items:
        name, sep, header = item.partition("=")
        if not sep or not name.strip():
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError", "Write the column mapping as FIELD=HEADER, not “{item}”."
                ),
                item=item,
            )
        mapping[name.strip()] = header.strip()
    return mapping


def import_lines(report: MemberImportReport) -> list[str]:
    """The import report as readable lines."""
    from desktop_app.domain.membership import ASSOCIATION_NAMES

    label = ASSOCIATION_NAMES.get(report.association, report.association)
    lines = [
        f"{label} member list {report.file}: {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.ended} ended, {report.rejected} rejected"
    ]
    lines += [f"  row {e.row}: {e.reason}" for e in report.errors]
    if report.rejected > len(report.errors):
        lines.append(f"  … and {report.rejected - len(report.errors)} more rejected rows")
    if report.mapping_remembered:
        mapping = ", ".join(f"{k}={v}" for k, v in report.mapping.items())
        lines.append(f"Column mapping remembered for {label}: {mapping}")
    if report.mapping_forgotten:
        lines.append(f"Column mapping for {label} forgotten.")
    if report.dry_run:
        lines.append("Dry run: nothing was written.")
    return lines


def run_import(args: argparse.Namespace) -> int:
    """Import a member list and print the report."""
    from desktop_app.services.membership.importing import import_members

    mapping = parse_mapping(args.map)
    with opened(args) as db:
        report = import_members(
            db.sessions,
            args.association,
            args.file,
            dry_run=args.dry_run,
            sheet=args.sheet,
            mapping=mapping or None,
            staff=acting_staff(db, args.staff),
            forget_mapping=args.forget_mapping,
            allow_ending_most=args.allow_ending_most,
        )
    if args.json:
        print_json(report.to_json())
    else:
        for line in import_lines(report):
            print(line)
        for r in report.reassessed:
            print(
                f"Event {r.event}: {r.reassessed} registrations reassessed, {r.changed} changed"
                f" (balance due {r.balance_due}, credit due {r.credit_due}, doubt {r.doubt})."
            )
    return 0


def run_decide(args: argparse.Namespace) -> int:
    """Record a staff decision and print it."""
    from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
    from desktop_app.services.membership.decisions import record_decision

    if not (args.email or args.name):
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "Name the person: give --email or --name."))
    with opened(args) as db:
        decision = record_decision(
            db.sessions,
            args.association,
            decision=args.decision,
            reason=args.reason,
            staff=acting_staff(db, args.staff),
            email=args.email,
            name=args.name,
            membership_number=args.membership_number,
            desk=args.desk,
        )
    if args.json:
        print_json(
            {
                "association": decision.association,
                "decision": decision.decision,
                "email": decision.email,
                "person_key": decision.person_key,
                "membership_id": decision.membership_id,
                "who": decision.who,
                "when": decision.when.isoformat(),
                "reason": decision.reason,
            }
        )
    else:
        person = decision.email or args.name
        print(
            f"Recorded: {person} — {decision.decision} ({decision.association}) "
            f"by {decision.who}: {decision.reason}"
        )
    return 0
