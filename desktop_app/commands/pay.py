"""``passerelle pay``: collect what a registration still owes, in cash or by card, with its
receipt -- the desk's F4 from the command line (the same service, the same receipt series);
with ``--addon CODE`` it sells add-ons instead, with a receipt for them alone; free add-ons
(price 0.00) are reserved with no payment and no receipt, so ``--payment`` is not needed.

Paying does not check the person in: ``passerelle checkin`` does, as the desk's Enter does
once the balance is paid.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop_app.commands import acting_staff, opened, print_json
from desktop_app.commands.walkin import (
    add_addon_option,
    add_desk_options,
    add_payment_options,
    addon_json,
    addon_text,
    check_receipt_out,
    chosen_addons,
    figures_line,
    parse_amount,
    supervisor_override,
    taxes_json,
    write_receipt_out,
)
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, Message, NotFound

if TYPE_CHECKING:
    from desktop_app.db.database import Database
    from desktop_app.services.admin.staff import Override
    from desktop_app.services.desk.addons import AddOnOffer
    from desktop_app.services.desk.attendees import AttendeeCard

_T_PAID = QT_TRANSLATE_NOOP("PayCommand", "{amount} received from {name} ({code}).")
_T_RECEIPT = QT_TRANSLATE_NOOP("PayCommand", "Receipt {number}: {figures}.")
_T_CHANGE = QT_TRANSLATE_NOOP("PayCommand", "Change due: {change}.")
_T_LEFT = QT_TRANSLATE_NOOP("PayCommand", "Still owed: {balance}.")
_T_WRITTEN = QT_TRANSLATE_NOOP("PayCommand", "Receipt written to {path}.")
_T_RESERVED = QT_TRANSLATE_NOOP(
    "PayCommand", "Reserved for {name} ({code}), free: nothing to pay, no receipt."
)
_T_NEEDS_PAYMENT = QT_TRANSLATE_NOOP(
    "AppError", "--payment is required: say how it is paid (cash or card)."
)


def register(subparsers: Any) -> None:
    """Add the ``pay`` command."""
    parser = subparsers.add_parser(
        "pay",
        help="collect a registration's balance in cash or by card, with its receipt",
        description="The desk's F4: take what a registration still owes (or part of it with"
        " --amount), in cash (change computed) or by card (terminal reference), and issue the"
        " receipt in the event's series. With --addon CODE (repeatable) it sells add-ons"
        " instead (the gala bought at the door), a receipt line each; free add-ons (price"
        " 0.00, a workshop) are reserved within their seats with no payment and no receipt,"
        " so --payment is not needed (given, it is ignored). Exit 1 with one line when"
        " refused (nothing owed, cancelled, cash short, unknown or full add-on).",
    )
    parser.add_argument("--event", required=True, metavar="SLUG", help="the event's slug")
    parser.add_argument("code", metavar="CODE", help="the registration code (QR content)")
    parser.add_argument(
        "--amount", metavar="X", help="amount collected, taxes included (default: the balance)"
    )
    add_payment_options(
        parser,
        {"cash": "cash", "card": "card"},
        required=False,
        help_text="how it is paid (required, except for free add-ons: nothing to pay)",
    )
    add_addon_option(parser)
    add_desk_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Collect, receipt, print what was done."""
    import uuid

    from desktop_app.services.desk.attendees import attendee_card
    from desktop_app.services.desk.search import find_by_code
    from desktop_app.services.money.payments import PaymentInput, collect_balance
    from desktop_app.services.money.receipt_lookup import receipt_figures

    amount = parse_amount(args.amount, "--amount")
    tendered = parse_amount(args.tendered, "--tendered")
    if args.addon and amount is not None:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "--amount is not given with --addon: the add-ons' price is charged."
            )
        )
    check_receipt_out(args)
    override = supervisor_override(args)
    with opened(args) as db:
        staff = acting_staff(db, args.staff)
        hit = find_by_code(db.sessions, args.event, args.code)
        if hit is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("AppError", "No registration {code} at event '{event}'."),
                code=args.code.strip(),
                event=args.event,
            )
        if args.addon:
            return _sell_addons(db, args, hit.registration_id, staff, tendered, override)
        if args.payment is None:
            raise Invalid(_T_NEEDS_PAYMENT)
        card = attendee_card(db.sessions, hit.registration_id)
        payment = PaymentInput(
            args.payment,
            card.balance_due if amount is None else amount,
            tendered,
            args.reference,
        )
        receipt = collect_balance(
            db.sessions,
            hit.registration_id,
            payment,
            desk=args.desk,
            staff=staff,
            action_id=args.action_id or uuid.uuid4().hex,
            override=override,
        )
        figures = receipt_figures(db.sessions, receipt.receipt_id)
        after = attendee_card(db.sessions, hit.registration_id)
    write_receipt_out(args.receipt_out, receipt, force=args.force)
    done: dict[str, Any] = {
        "code": card.code,
        "registration_id": card.registration_id,
        "name": card.name,
        "payment": args.payment,
        "receipt": receipt.number,
        "subtotal": str(figures.subtotal),
        "taxes": taxes_json(figures),
        "total": str(figures.total),
        "taxes_included": figures.taxes_included,
        "tendered": None if figures.tendered is None else str(figures.tendered),
        "change_due": None if figures.change_due is None else str(figures.change_due),
        "balance_before": str(card.balance_due),
        "balance_after": str(after.balance_due),
        "receipt_out": str(args.receipt_out) if args.receipt_out else None,
    }
    if args.json:
        print_json(done)
        return 0
    print(Message(_T_PAID, amount=done["total"], name=card.name, code=card.code))
    print(Message(_T_RECEIPT, number=receipt.number, figures=figures_line(figures)))
    if figures.change_due is not None and figures.change_due > 0:
        print(Message(_T_CHANGE, change=done["change_due"]))
    if after.balance_due > Decimal(0):
        print(Message(_T_LEFT, balance=done["balance_after"]))
    if done["receipt_out"]:
        print(Message(_T_WRITTEN, path=done["receipt_out"]))
    return 0


def _sell_addons(
    db: Database,
    args: argparse.Namespace,
    registration_id: int,
    staff: str,
    tendered: Decimal | None,
    override: Override | None,
) -> int:
    """``pay --addon``: sell add-ons to the registration, with a receipt for them alone."""
    import uuid

    from desktop_app.domain.money import ZERO
    from desktop_app.services.desk.addon_sale import sell_addons
    from desktop_app.services.desk.addons import addon_offers
    from desktop_app.services.desk.attendees import attendee_card
    from desktop_app.services.money.payments import PaymentInput
    from desktop_app.services.money.receipt_lookup import receipt_figures

    card = attendee_card(db.sessions, registration_id)
    sold = chosen_addons(addon_offers(db.sessions, registration_id), args.addon, override)
    total = sum((offer.total for offer in sold), ZERO)
    if total > ZERO and args.payment is None:
        raise Invalid(_T_NEEDS_PAYMENT)
    # Free add-ons are reserved: a --payment given anyway is ignored (nothing to take).
    payment = None if total == ZERO else PaymentInput(args.payment, total, tendered, args.reference)
    result = sell_addons(
        db.sessions,
        registration_id,
        tuple(args.addon),
        payment,
        desk=args.desk,
        staff=staff,
        action_id=args.action_id or uuid.uuid4().hex,
        override=override,
    )
    receipt = result.receipt
    if receipt is None:  # everything chosen was free: reserved, nothing paid
        return _reserved(args, card, sold)
    figures = receipt_figures(db.sessions, receipt.receipt_id)
    write_receipt_out(args.receipt_out, receipt, force=args.force)
    done: dict[str, Any] = {
        "code": card.code,
        "registration_id": card.registration_id,
        "name": card.name,
        "payment": args.payment,
        "receipt": receipt.number,
        "reserved": False,
        "addons": [addon_json(offer) for offer in sold],
        "subtotal": str(figures.subtotal),
        "taxes": taxes_json(figures),
        "total": str(figures.total),
        "taxes_included": figures.taxes_included,
        "tendered": None if figures.tendered is None else str(figures.tendered),
        "change_due": None if figures.change_due is None else str(figures.change_due),
        "receipt_out": str(args.receipt_out) if args.receipt_out else None,
    }
    if args.json:
        print_json(done)
        return 0
    print(Message(_T_PAID, amount=done["total"], name=card.name, code=card.code))
    for offer in sold:
        print(addon_text(offer))
    print(Message(_T_RECEIPT, number=receipt.number, figures=figures_line(figures)))
    if figures.change_due is not None and figures.change_due > 0:
        print(Message(_T_CHANGE, change=done["change_due"]))
    if done["receipt_out"]:
        print(Message(_T_WRITTEN, path=done["receipt_out"]))
    return 0


def _reserved(args: argparse.Namespace, card: AttendeeCard, sold: tuple[AddOnOffer, ...]) -> int:
    """What ``pay --addon`` says after reserving free add-ons: no payment, no receipt."""
    if args.json:
        print_json(
            {
                "code": card.code,
                "registration_id": card.registration_id,
                "name": card.name,
                "payment": None,
                "receipt": None,
                "reserved": True,
                "addons": [addon_json(offer) for offer in sold],
                "total": "0.00",
            }
        )
        return 0
    print(Message(_T_RESERVED, name=card.name, code=card.code))
    for offer in sold:
        print(addon_text(offer))
    return 0
