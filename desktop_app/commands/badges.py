"""``passerelle badges``: render a batch of badges to one PDF and log them as printed."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app.commands import (
    add_db_option,
    add_force_option,
    add_json_option,
    cli_user,
    opened,
    output_path,
    print_json,
    write_atomically,
)


def _codes(text: str) -> list[str]:
    codes = [code.strip() for code in text.split(",") if code.strip()]
    if not codes:
        raise argparse.ArgumentTypeError("give at least one registration code")
    return codes


def _cell(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def register(subparsers: Any) -> None:
    """Add the ``badges`` command."""
    badges = subparsers.add_parser("badges", help="render a batch of badges to a PDF file")
    badges.add_argument("--event", required=True, metavar="SLUG", help="the event's slug")
    badges.add_argument(
        "--stock", required=True, metavar="NAME", help="badge stock, e.g. avery-5392"
    )
    badges.add_argument("--out", required=True, metavar="FILE.pdf", help="PDF to write")
    add_force_option(badges)
    badges.add_argument(
        "--only-unprinted", action="store_true", help="skip registrations whose badge was printed"
    )
    badges.add_argument(
        "--codes", type=_codes, metavar="C1,C2,...", help="only these registration codes"
    )
    badges.add_argument(
        "--start-cell",
        type=_cell,
        default=1,
        metavar="N",
        help="first cell to use on the first sheet (default 1)",
    )
    badges.add_argument(
        "--sort", choices=("name", "organization"), default="name", help="badge order"
    )
    badges.add_argument("--desk", default="cli", metavar="NAME", help="desk name for the log")
    badges.add_argument(
        "--confirm-missing-glyphs",
        action="store_true",
        help="count as printed even badges with characters no font has (they print as boxes)",
    )
    add_db_option(badges)
    add_json_option(badges)
    badges.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Render the batch, write the PDF, then log the badges as printed."""
    from desktop_app.documents.stocks import available_stocks
    from desktop_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
    from desktop_app.services.desk.badges import record_printed, render_batch

    if args.stock not in available_stocks():
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "AppError", "There is no badge stock called '{name}'. Available: {stocks}"
            ),
            name=args.stock,
            stocks=", ".join(available_stocks()),
        )
    out = output_path(args)  # a refused file: nothing rendered, no badge counted as printed
    with opened(args) as db:
        batch = render_batch(
            db.sessions,
            args.event,
            args.stock,
            only_unprinted=args.only_unprinted,
            codes=args.codes,
            start_cell=args.start_cell,
            sort=args.sort,
        )
        for warning in batch.warnings:
            sys.stderr.write(f"passerelle: warning: {warning}\n")
        if batch.pdf is not None:
            write_atomically(out, batch.pdf, force=args.force)  # counted only once written
            counted = batch.codes if args.confirm_missing_glyphs else batch.complete_codes
            record_printed(
                db.sessions,
                counted,
                desk=args.desk,
                staff=cli_user(),
                stock=args.stock,
                destination=str(out.resolve()),
            )
    if args.json:
        print_json(
            {
                "badges": batch.count,
                "pages": batch.pages,
                "out": str(out) if batch.pdf is not None else None,
                "warnings": list(batch.warnings),
                "not_counted": [] if args.confirm_missing_glyphs else sorted(batch.incomplete),
            }
        )
    elif batch.pdf is None:
        print("No badges to print (none selected, or all already printed); no file written.")
    else:
        badges = "badge" if batch.count == 1 else "badges"
        pages = "page" if batch.pages == 1 else "pages"
        print(f"Wrote {batch.count} {badges} on {batch.pages} {pages} to {out}.")
        if batch.incomplete and not args.confirm_missing_glyphs:
            print(
                f"Not counted as printed ({len(batch.incomplete)}): "
                + ", ".join(sorted(batch.incomplete))
                + " — characters no font has would print as boxes; fix the names, or print"
                " them anyway with --confirm-missing-glyphs."
            )
    return 0
