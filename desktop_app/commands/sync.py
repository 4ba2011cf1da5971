"""``passerelle sync`` (send a desk's offline journal, refresh its copy) and
``passerelle conflicts`` (what replays found for the supervisor to review)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.commands import add_db_option, add_json_option, database_url, opened, print_json

if TYPE_CHECKING:  # the sync services load only when the command runs
    from desktop_app.services.sync import LinkStatus, ReplaySummary


def register(subparsers: Any) -> None:
    """Add the ``sync`` and ``conflicts`` commands."""
    sync = subparsers.add_parser(
        "sync",
        help="send this desk's offline actions to the shared server and refresh its copy",
    )
    sync.add_argument("--event", required=True, metavar="SLUG", help="the event's slug")
    sync.add_argument(
        "--server", required=True, metavar="URL", help="the shared server, postgresql://..."
    )
    sync.add_argument("--desk", default="CLI", help="this desk's name (default CLI)")
    add_db_option(sync)
    add_json_option(sync)
    sync.set_defaults(handler=run_sync)

    conflicts = subparsers.add_parser(
        "conflicts", help="list the conflicts found when desks caught up after working apart"
    )
    conflicts.add_argument("--event", required=True, metavar="SLUG", help="the event's slug")
    add_db_option(conflicts)
    add_json_option(conflicts)
    conflicts.set_defaults(handler=run_conflicts)


def run_sync(args: argparse.Namespace) -> int:
    """Replay the desk's journal (``--db``: its SQLite copy), then refresh the copy."""
    from desktop_app.db.engine import sqlite_path
    from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
    from desktop_app.services.sync import DeskLink, ReplaySummary

    replica = sqlite_path(database_url(args))
    if replica is None:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "--db must be the desk's own SQLite copy, not a server.")
        )
    if not replica.is_file():  # a mistyped --db: no empty copy made, no server touched
        from desktop_app.db.database import NoDatabase

        raise NoDatabase(str(replica))
    link = DeskLink(args.desk, replica, args.server, slug=args.event)  # connecting replays
    try:
        link.replay()  # anything left after connecting (normally nothing)
        status = link.status()
        done = ReplaySummary.of(link.replayed)  # this call's, connecting's replays included
    finally:
        link.close()
    if args.json:
        print_json(
            {
                "mode": status.mode,
                "pending": status.pending,
                "failed": status.failed,
                "error": status.last_error,
                "refreshed_at": status.last_refresh,
                **done.to_json(),
            }
        )
    else:
        print(_said(status, done, args.event))
        if status.failed:
            print(f"{status.failed} actions were refused by the server: passerelle conflicts.")
    return 0 if status.mode == "shared" else 1


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _said(status: LinkStatus, done: ReplaySummary, slug: str) -> str:
    """One line: what this call sent, what the server already had, the conflicts found."""
    parts = []
    if done.sent:
        parts.append(f"sent {_plural(done.sent, 'action', 'actions')}")
    if done.already_there:
        parts.append(f"{done.already_there} already on the server")
    if done.conflicts:
        found = _plural(len(done.conflicts), "conflict", "conflicts")
        parts.append(f"{found} (passerelle conflicts --event {slug})")
    if done.failed:
        parts.append(f"{len(done.failed)} refused by the server")
    if status.mode == "shared":
        what = ", ".join(parts) if parts else "nothing was waiting"
        return f"Connected: {what}; desk copy refreshed at {status.last_refresh}."
    before = f" ({', '.join(parts)} before it dropped)" if parts else ""
    return f"Server unreachable ({status.last_error}){before}; {status.pending} actions waiting."


def run_conflicts(args: argparse.Namespace) -> int:
    """List the event's sync conflicts (``--db``: the shared server)."""
    from desktop_app.services.sync import list_conflicts

    with opened(args) as database:
        found = list_conflicts(database.sessions, args.event)
    if args.json:
        print_json(
            [
                {
                    "id": c.id,
                    "at": c.at,
                    "kind": c.kind,
                    "code": c.code,
                    "name": c.name,
                    "desk": c.desk,
                    "message": str(c.message),
                    "detail": c.detail,
                }
                for c in found
            ]
        )
    elif not found:
        print("No conflicts.")
    else:
        for c in found:
            print(f"{c.at.astimezone():%Y-%m-%d %H:%M} [{c.kind}] {c.message}")
    return 0
