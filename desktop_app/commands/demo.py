"""``passerelle demo``: fill a database with demo members, events and registrations."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands import add_db_option, add_json_option, opened, print_json


def _positive(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def register(subparsers: Any) -> None:
    """Add the ``demo`` command."""
    demo = subparsers.add_parser("demo", help="fill a database with demo data")
    demo.add_argument(
        "--registrations",
        type=_positive,
        default=2000,
        metavar="N",
        help="how many pre-registrations (default 2000)",
    )
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    demo.add_argument(
        "--activity",
        action="store_true",
        help="also a first morning at the doors: 60%% checked in at three desks, walk-ins paid"
        " in cash, by card or on invoice, a credit note (for trying the reports)",
    )
    add_db_option(demo)
    add_json_option(demo)
    demo.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Fill the database."""
    from desktop_app.services.demo import fill_demo

    with opened(args, create=True) as db:
        result = fill_demo(db.sessions, registrations=args.registrations, seed=args.seed)
        activity = []
        if args.activity:
            from desktop_app.services.demo.activity import simulate_morning

            activity = [
                (slug, simulate_morning(db.sessions, slug, seed=args.seed))
                for slug in result.events
            ]
    if args.json:
        print_json(
            {**result.to_json(), "activity": {slug: done.to_json() for slug, done in activity}}
            if activity
            else result.to_json()
        )
    else:
        print(
            f"Demo data: {result.organizations} organizations, {result.memberships} memberships,"
            f" {result.registrations} registrations in {', '.join(result.events)}"
            f" ({result.seconds:.1f} s)."
        )
        for slug, done in activity:
            print(
                f"{slug}: {done.checked_in} checked in ({done.undone} undone), {done.walk_ins}"
                f" walk-ins, {done.credit_notes} credit note."
            )
    return 0
