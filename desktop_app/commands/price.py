"""``passerelle price``: what a price category costs a person at an event, with its taxes."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from desktop_app.commands import add_db_option, add_json_option, opened, print_json
from desktop_app.commands.person import add_person_options, verdict_lines
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid


def register(subparsers: Any) -> None:
    """Add the ``price`` command."""
    price = subparsers.add_parser(
        "price", help="price a category for a person at an event, taxes on their own lines"
    )
    add_person_options(price)
    price.add_argument("--category", required=True, metavar="CODE", help="the price category")
    price.add_argument(
        "--at",
        metavar="DATETIME",
        help="the moment of sale, ISO 8601 (default: now; without a zone, the event's)",
    )
    add_db_option(price)
    add_json_option(price)
    price.set_defaults(handler=run_price)


def _moment(text: str | None, timezone: str) -> datetime:
    from desktop_app.services.membership.directory import now

    if not text:
        return now()
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "Unrecognised moment '{text}'. Write it like 2027-03-23T09:30."
            ),
            text=text,
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(timezone))
    return moment


def run_price(args: argparse.Namespace) -> int:
    """Print the quote."""
    from desktop_app.domain.membership import PersonQuery
    from desktop_app.domain.pricing import quote
    from desktop_app.services.admin.events import get_event
    from desktop_app.services.membership.directory import event_pricing, verdict_at

    with opened(args) as db, db.sessions() as session:
        event = get_event(session, args.event)
        pricing = event_pricing(event)
        timezone = event.timezone
        person = PersonQuery.typed(
            name=args.name,
            email=args.email,
            organization=args.organization,
            member_number=args.member_number,
        )
        found = verdict_at(session, event, person)
    at = _moment(args.at, timezone)
    result = quote(pricing, args.category, found.associations, at)
    if args.json:
        print_json(
            {
                "event": pricing.slug,
                "category": result.category,
                "at": at.isoformat(),
                "eligible": result.eligible,
                "available": result.available,
                "reason": result.reason,
                "subtotal": str(result.subtotal),
                "taxes": [
                    {"name": line.code, "rate": str(line.rate), "amount": str(line.amount)}
                    for line in result.taxes
                ],
                "total": str(result.total),
                "taxes_included": result.breakdown.taxes_included,
                "associations": sorted(found.associations),
            }
        )
        return 0
    for line in verdict_lines(found):
        print(line)
    eligible = "eligible" if result.eligible else "not eligible"
    on_sale = "on sale" if result.available else "not on sale"
    print(f"{result.category}: {eligible}, {on_sale} — {result.reason}")
    print(f"  {'Subtotal':<24}{result.subtotal:>12}")
    for tax in result.taxes:
        print(f"  {f'{tax.code} {tax.percent} %':<24}{tax.amount:>12}")
    included = " (taxes included)" if result.breakdown.taxes_included else ""
    print(f"  {'Total':<24}{result.total:>12}{included}")
    return 0
