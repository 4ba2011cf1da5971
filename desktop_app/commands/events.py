"""``passerelle events import FILE`` and ``passerelle events list``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.commands import add_db_option, add_json_option, opened, print_json


def register(subparsers: Any) -> None:
    """Add the ``events`` command group."""
    events = subparsers.add_parser("events", help="define events from files and list them")
    commands = events.add_subparsers(dest="events_command", required=True, metavar="COMMAND")

    importing = commands.add_parser("import", help="create or update an event from a TOML file")
    importing.add_argument("file", type=Path, help="the event file (see README)")
    add_db_option(importing)
    add_json_option(importing)
    importing.set_defaults(handler=run_import)

    listing = commands.add_parser("list", help="list events with their counts")
    add_db_option(listing)
    add_json_option(listing)
    listing.set_defaults(handler=run_list)


def run_import(args: argparse.Namespace) -> int:
    """Import one event file."""
    from desktop_app.services.admin.events import import_event_file

    with opened(args, create=True) as db:  # setting an event up may start a database
        result = import_event_file(db.sessions, args.file)
    if args.json:
        print_json(
            {
                "slug": result.slug,
                "created": result.created,
                "changed": result.changed,
                "prices": result.prices,
                "days": result.days,
                "sessions": result.sessions,
            }
        )
    else:
        verb = "Created" if result.created else "Updated"
        if not result.changed:
            verb = "Nothing changed, nothing written:"
        more = (
            f", {result.days} days and {result.sessions} sessions"
            if result.days or result.sessions
            else ""
        )
        print(f"{verb} event {result.slug} with {result.prices} price categories{more}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """List events."""
    from desktop_app.services.admin.events import list_events

    with opened(args) as db:
        events = list_events(db.sessions)
    if args.json:
        print_json([event.to_json() for event in events])
        return 0
    if not events:
        print("No events yet. Import one with: passerelle events import FILE.toml")
        return 0
    for event in events:
        print(
            f"{event.slug:32} {event.starts:%Y-%m-%d} {event.province} {event.city:12}"
            f" {event.registrations:>7} registered {event.checked_in:>7} checked in"
            f"  {event.name_en}"
        )
    return 0
