"""``passerelle search``: the desk's search as you type, headless.

Calls the same service as the desk screen; ``--json`` gives a list, best first.
"""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desktop_app.commands import add_db_option, add_json_option, opened, print_json
from desktop_app.domain.names import display_name
from desktop_app.domain.times import venue_time

if TYPE_CHECKING:
    from desktop_app.services.desk.search import SearchHit


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def register(subparsers: Any) -> None:
    """Add the ``search`` command."""
    search = subparsers.add_parser(
        "search",
        help="find registrations by name, organization, email or code",
        description="Find an event's registrations as the desk does: accents, case and word"
        " order do not matter, words match by their beginning, small typos are forgiven."
        " An exact registration code comes first; cancelled registrations come last.",
    )
    search.add_argument("--event", required=True, metavar="SLUG", help="the event's slug")
    search.add_argument("query", nargs="+", metavar="QUERY", help="what to look for")
    search.add_argument(
        "--limit", type=_limit, default=50, metavar="N", help="at most N results (default 50)"
    )
    add_db_option(search)
    add_json_option(search)
    search.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the registrations found, best first."""
    from desktop_app.services.admin.events import get_event
    from desktop_app.services.desk.search import search_registrations

    with opened(args) as db:
        hits = search_registrations(db.sessions, args.event, " ".join(args.query), args.limit)
        with db.sessions() as session:
            timezone = get_event(session, args.event).timezone
    if args.json:
        print_json([hit.to_json() for hit in hits])
        return 0
    for line in table(hits, timezone):
        print(line)
    return 0


COLUMNS = ("code", "name", "organization", "category", "status", "checked in", "balance")


def table(hits: Sequence[SearchHit], timezone: str | None = None) -> list[str]:
    """The hits as an aligned text table (or a one-line note when there are none); check-in
    times in the venue's ``timezone``, as the desk and ``checkin`` write them."""
    if not hits:
        return ["No registration found."]
    rows = [COLUMNS] + [
        (
            hit.code,
            display_name(hit.first_name, hit.last_name),
            hit.organization or "",
            hit.category_code,
            hit.status,
            venue_time(hit.checked_in_at, timezone) if hit.checked_in_at else "",
            str(hit.balance_due) if hit.balance_due else "",
        )
        for hit in hits
    ]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(COLUMNS))]
    return [
        "  ".join(
            cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    ]


def _width(text: str) -> int:
    # Wide (CJK) characters take two columns in a terminal; combining marks take none.
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in unicodedata.normalize("NFC", text)
    )
