"""``passerelle staff``: create staff accounts and list them.

PINs are never command-line arguments (they would land in the shell history): they are read
from standard input, one per line, or asked for without echo on a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from desktop_app.commands import add_db_option, add_json_option, opened, print_json


def register(subparsers: Any) -> None:
    """Add the ``staff`` command with ``add`` and ``list``."""
    staff = subparsers.add_parser("staff", help="manage desk staff accounts")
    actions = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="create a staff account (the PIN is read from standard input)",
        description="Create a staff account. The first account of a database must be a"
        " supervisor and needs no --by; later accounts need --by SUPERVISOR. PINs (4 to 8"
        " digits) are read from standard input, one per line: the new PIN, then the"
        " supervisor's PIN when --by is given; on a terminal they are asked for without echo.",
    )
    add.add_argument("--name", required=True, metavar="NAME", help="the staff member's name")
    add.add_argument("--role", required=True, choices=("desk", "supervisor"), help="their role")
    add.add_argument("--by", metavar="SUPERVISOR", help="the supervisor creating the account")
    add.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read PINs from standard input even when it is a terminal",
    )
    add_db_option(add)
    add_json_option(add)
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help="list staff accounts")
    add_db_option(listing)
    add_json_option(listing)
    listing.set_defaults(handler=run_list)


def read_pin(prompt: str, *, from_stdin: bool = False) -> str:
    """One PIN: a line of standard input, or typed without echo on a terminal."""
    if from_stdin or not sys.stdin.isatty():
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    return getpass.getpass(prompt)


def run_add(args: argparse.Namespace) -> int:
    """Create the account; print who was created."""
    from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
    from desktop_app.services.admin.staff import create_staff, sign_in, validate_pin

    interactive = not args.pin_stdin and sys.stdin.isatty()
    pin = read_pin(f"PIN for {args.name} (6 to 8 digits): ", from_stdin=args.pin_stdin)
    validate_pin(pin)
    if interactive and read_pin("Type the PIN again: ") != pin:
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "The two PINs differ; nothing was created."))
    with opened(args) as db:
        by = None
        if args.by:
            supervisor_pin = read_pin(f"PIN of {args.by}: ", from_stdin=args.pin_stdin)
            by = sign_in(db.sessions, args.by, supervisor_pin)
        member = create_staff(db.sessions, args.name, pin, args.role, by=by)
    if args.json:
        print_json({"id": member.id, "name": member.name, "role": member.role})
    else:
        print(f"Created {member.role} account '{member.name}'.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Print every account: name, role, whether active."""
    from desktop_app.services.admin.staff import list_staff

    with opened(args) as db:
        accounts = list_staff(db.sessions)
    if args.json:
        print_json(
            [
                {
                    "id": a.id,
                    "name": a.name,
                    "role": a.role,
                    "active": a.active,
                    "created_at": a.created_at.isoformat(),
                }
                for a in accounts
            ]
        )
        return 0
    if not accounts:
        print("No staff accounts yet. Create the first supervisor with:")
        print("  passerelle staff add --name NAME --role supervisor")
        return 0
    for a in accounts:
        state = "" if a.active else "  (inactive)"
        print(f"{a.name:<30} {a.role:<10}{state}")
    return 0
