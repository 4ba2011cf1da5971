"""``passerelle checkin``: check a registration in by code, with the desk's rules.

Exit codes: 0 when the person may go in (``checked_in``, or ``already_checked_in`` -- the
result says which) or an exit or re-entry was recorded (``exited``, ``reentered``); 1 when the
desk refuses (``not_found``, ``cancelled``, ``payment_due``, ``membership_doubt``,
``not_entitled``, ``session_full``, ``not_inside``), with one line on standard error (or the
JSON on standard output with ``--json``); 1 with a message for errors (unknown event, wrong
override PIN, ``--exit`` where exits are not scanned); 2 for usage.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop_app.commands import acting_staff, add_db_option, add_json_option, opened, print_json

if TYPE_CHECKING:
    from desktop_app.services.desk.checkin import CheckInResult


def register(subparsers: Any) -> None:
    """Add the ``checkin`` command."""
    checkin = subparsers.add_parser(
        "checkin",
        help="check a registration in by its code",
        description="Check a registration in by its code, as a desk scan does. Exit code 0:"
        " checked in, or already checked in (see the result); 1: refused (not found,"
        " cancelled, payment due, membership doubt) or an error.",
    )
    checkin.add_argument("--event", required=True, metavar="SLUG", help="the event's slug")
    checkin.add_argument("code", metavar="CODE", help="the registration code (QR content)")
    checkin.add_argument("--desk", default="cli", metavar="NAME", help="desk name (default cli)")
    checkin.add_argument(
        "--staff",
        default=None,
        metavar="NAME",
        help="who checks in: a staff account's name (without accounts: your user name)",
    )
    checkin.add_argument(
        "--action-id",
        metavar="ID",
        help="a unique id for this action; running it again changes nothing",
    )
    checkin.add_argument(
        "--supervisor",
        metavar="NAME",
        help="override a payment due or membership doubt; the supervisor's PIN is read"
        " from standard input, and --reason is required",
    )
    checkin.add_argument("--reason", metavar="TEXT", help="why the supervisor overrides")
    checkin.add_argument(
        "--session",
        metavar="CODE",
        help="check in at this session's door (from the event file's [[sessions]]): only"
        " those entitled, within its capacity",
    )
    checkin.add_argument(
        "--exit",
        action="store_true",
        help="with --session, at a session whose exits are scanned (exits = true): record that"
        " the person went out (a later check-in there lets them back in)",
    )
    checkin.add_argument(
        "--day",
        metavar="YYYY-MM-DD",
        help="for an event with [[days]]: the day to check in for (default: today at the venue)",
    )
    add_db_option(checkin)
    add_json_option(checkin)
    checkin.set_defaults(handler=run)


def result_json(result: CheckInResult) -> dict[str, Any]:
    """The JSON shape of ``passerelle checkin --json``."""
    return {
        "result": result.outcome.value,
        "code": result.code,
        "registration_id": result.registration_id,
        "name": result.name,
        "at": result.at.isoformat() if result.at else None,
        "desk": result.desk,
        "staff": result.staff,
        "balance_due": f"{result.balance_due:.2f}",
        "credit_due": f"{result.credit_due:.2f}",
        "other_event": result.other_event,
        "day": result.day.isoformat() if result.day else None,
        "seats_taken": result.seats_taken,
        "capacity": result.capacity,
        "overridden_by": result.overridden_by,
        "moved_at": result.moved_at.isoformat() if result.moved_at else None,
        "message": result.message.render(),
        "credit_message": credit.render() if (credit := result.credit_message()) else None,
    }


def run(args: argparse.Namespace) -> int:
    """Check in, print the outcome, exit 0 if the person may go in."""
    from desktop_app.commands.staff import read_pin
    from desktop_app.domain.errors import LANGUAGE_MARK, QT_TRANSLATE_NOOP, Invalid, Message
    from desktop_app.services.admin.staff import Override
    from desktop_app.services.desk.checkin import check_in

    day = _day(args.day)
    override = None
    if args.supervisor:
        if not (args.reason or "").strip():
            raise Invalid(QT_TRANSLATE_NOOP("AppError", "An override needs a reason."))
        pin = read_pin(f"PIN of {args.supervisor}: ")
        override = Override(supervisor=args.supervisor, pin=pin, reason=args.reason)
    with opened(args) as db:
        result = check_in(
            db.sessions,
            args.event,
            args.code,
            desk=args.desk,
            staff=acting_staff(db, args.staff),
            action_id=args.action_id,
            override=override,
            session_code=args.session,
            day=day,
            leaving=args.exit,
        )
    if args.json:
        print_json(result_json(result))
        return 0 if result.outcome.ok else 1
    # In the language of the command line (--lang), the session and other event named in it.
    language = "fr" if str(Message(LANGUAGE_MARK)) == "fr" else "en"
    line = str(result.message_for(language))
    if result.outcome.ok:
        print(line)
        credit = result.credit_message()
        if credit is not None:  # the person is owed money: say so, and what to do
            print(str(credit))
    else:
        sys.stderr.write(f"passerelle: {line}\n")
    return 0 if result.outcome.ok else 1


def _day(typed: str | None) -> date | None:
    """The ``--day`` as a date; a clear refusal for anything else."""
    from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid

    if typed is None:
        return None
    try:
        return date.fromisoformat(typed.strip())
    except ValueError:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "--day: '{value}' is not a date like 2027-03-23."),
            value=typed,
        ) from None
