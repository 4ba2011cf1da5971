"""``passerelle members check``: the membership verdict for one person at one event."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.commands import add_db_option, add_json_option, opened, print_json

if TYPE_CHECKING:
    from desktop_app.domain.membership import MembershipVerdict


def add_person_options(parser: argparse.ArgumentParser) -> None:
    """``--event`` and the ways a person is known: name, email, organization, member number."""
    parser.add_argument("--event", required=True, metavar="SLUG", help="the event's slug")
    parser.add_argument("--name", metavar="N", help="the person's full name")
    parser.add_argument("--email", metavar="E", help="the person's email address")
    parser.add_argument("--organization", metavar="O", help="the organization as typed")
    parser.add_argument("--member-number", metavar="M", help="a member number")


def register(subparsers: Any) -> None:
    """Add the ``members`` command group."""
    members = subparsers.add_parser("members", help="check memberships")
    commands = members.add_subparsers(dest="members_command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", help="tell in which associations a person is a member on an event's date"
    )
    add_person_options(check)
    add_db_option(check)
    add_json_option(check)
    check.set_defaults(handler=run_check)

    from desktop_app.commands import price  # its own top-level command, registered here

    price.register(subparsers)


def verdict_of(args: argparse.Namespace) -> MembershipVerdict:
    """The verdict for the person and event given on the command line."""
    from desktop_app.services.membership import check_person

    with opened(args) as db:
        return check_person(
            db.sessions,
            args.event,
            name=args.name,
            email=args.email,
            organization=args.organization,
            member_number=args.member_number,
        )


def verdict_lines(verdict: MembershipVerdict) -> list[str]:
    """One readable line per association: its status and the evidence behind it."""
    from desktop_app.domain.membership import ASSOCIATION_NAMES

    lines = []
    for code, status in verdict.per_association.items():
        label = ASSOCIATION_NAMES.get(code, code)
        state = str(status.status)
        if status.status == "expired" and status.expired_on is not None:
            state = f"expired on {status.expired_on.isoformat()}"
        details = [e.detail for e in status.evidence]
        details += [
            f"candidate {c.organization_name or c.person_name or c.membership_id} (score {c.score})"
            for c in status.candidates
        ]
        lines.append(f"{label}: {state}" + (f" — {'; '.join(details)}" if details else ""))
    return lines


def run_check(args: argparse.Namespace) -> int:
    """Print the verdict."""
    verdict = verdict_of(args)
    if args.json:
        print_json(verdict.to_json())
        return 0
    for line in verdict_lines(verdict):
        print(line)
    return 0
