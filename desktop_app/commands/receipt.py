"""``passerelle receipt``: a registration's receipt (reprinted as COPIE / COPY), a receipt by
number, or a credit note, written to a PDF file."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from desktop_app.services.money.receipt_store import IssuedReceipt


def register(subparsers: Any) -> None:
    """Add the ``receipt`` command."""
    parser = subparsers.add_parser(
        "receipt",
        help="write a registration's receipt (a marked copy), or issue a credit note, as PDF",
        description="With --registration: the registration's latest receipt as a copy marked"
        " COPIE / COPY (a cash or card payment without a receipt gets its original first)."
        " With --receipt: that receipt or credit note, as a copy. With --credit-note --receipt:"
        " issue a credit note that refers to that receipt.",
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--registration", metavar="CODE", help="the registration's code")
    which.add_argument(
        "--receipt", metavar="NUMBER", help="a receipt number, e.g. FORUM-MONTREAL-2027-000042"
    )
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="PDF to write")
    add_force_option(parser)
    parser.add_argument(
        "--credit-note",
        action="store_true",
        help="issue a credit note for --receipt (needs --reason)",
    )
    parser.add_argument("--reason", metavar="TEXT", help="why the credit note is issued")
    parser.add_argument(
        "--amount",
        metavar="X",
        help="amount to credit, taxes included (default: all that is left of the receipt)",
    )
    parser.add_argument(
        "--refund",
        choices=("cash", "card"),
        help="the credited amount is paid back now (recorded as a refund payment)",
    )
    parser.add_argument("--desk", default="cli", metavar="NAME", help="desk name for the log")
    add_db_option(parser)
    add_json_option(parser)
    parser.set_defaults(handler=run, receipt_parser=parser)


def run(args: argparse.Namespace) -> int:
    """Issue or reprint, then write the PDF."""
    from desktop_app.domain.errors import (
        QT_TRANSLATE_NOOP,
        AppError,
        Message,
        StorageUnavailable,
    )
    from desktop_app.domain.money import parse_money
    from desktop_app.services.money.receipt_store import find_receipt
    from desktop_app.services.money.receipts import (
        issue_credit_note,
        receipt_for_registration,
        reprint_receipt,
    )

    parser: argparse.ArgumentParser = args.receipt_parser
    if args.credit_note and (args.receipt is None or not (args.reason or "").strip()):
        parser.error("--credit-note needs --receipt NUMBER and --reason TEXT")
    if not args.credit_note and (args.amount or args.reason or args.refund):
        parser.error("--amount, --reason and --refund go with --credit-note")
    amount: Decimal | None = parse_money(args.amount, field="--amount") if args.amount else None
    out = output_path(args)  # before a credit note is issued or a reprint logged
    desk, staff = args.desk, cli_user()
    with opened(args) as db:
        if args.registration is not None:
            printed = receipt_for_registration(
                db.sessions, args.registration, desk=desk, staff=staff
            )
            issued, copy = printed.receipt, printed.copy
        else:
            with db.sessions() as session:
                receipt_id = find_receipt(session, args.receipt).id
            if args.credit_note:
                issued = issue_credit_note(
                    db.sessions,
                    receipt_id,
                    amount=amount,
                    reason=args.reason,
                    desk=desk,
                    staff=staff,
                    refund=args.refund,
                )
                copy = False
            else:
                issued = reprint_receipt(db.sessions, receipt_id, desk=desk, staff=staff)
                copy = True
    try:
        write_atomically(out, issued.pdf, force=args.force)
    except AppError as error:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("AppError", "{error} Receipt {number} is issued; reprint it."),
            error=Message(error.template, **error.params),
            number=issued.number,
        ) from error
    if args.json:
        print_json(
            {
                "number": issued.number,
                "kind": issued.kind,
                "copy": copy,
                "total": str(issued.total),
                "out": str(out),
            }
            | (
                {  # a credit note says what its refund did to the add-ons' seats
                    "seats_released": [seat.code for seat in issued.seats_released],
                    "seats_kept": [seat.code for seat in issued.seats_kept],
                }
                if args.credit_note
                else {}
            )
        )
    else:
        what = "Credit note" if issued.kind == "credit-note" else "Receipt"
        marked = " (COPIE / COPY)" if copy else ""
        print(f"{what} {issued.number}{marked}, total {issued.total}, written to {out}.")
        _print_seats(issued)
    return 0


def _print_seats(issued: IssuedReceipt) -> None:
    """What a refund did to the add-ons it gave back whole: seats released, or kept."""
    from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Message, Named

    for seat in issued.seats_released:
        released = QT_TRANSLATE_NOOP("ReceiptCommand", "Seat released: {session}.")
        print(Message(released, session=Named(seat.name_fr, seat.name_en)))
    for seat in issued.seats_kept:
        kept = QT_TRANSLATE_NOOP("ReceiptCommand", "Seat kept: already checked in to {session}.")
        print(Message(kept, session=Named(seat.name_fr, seat.name_en)))
