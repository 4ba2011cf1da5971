"""``passerelle walkin``: register, price by membership, pay, receipt and check in a person at
the door in one transaction -- the desk's walk-in (F5) from the command line.

The same services as the desk: :func:`quote_walk_in` judges the person against the member
directory and prices the category (the best rate for the verdict unless ``--category``);
:func:`register_walk_in` then writes the person, the registration, the payment, the receipt
(cash or card), the consent answers and the check-in, all or nothing. What needs a
supervisor at the desk (a rate the person is not eligible for, a category not on sale,
anything complimentary) needs ``--supervisor NAME --reason TEXT`` here, the PIN read from
standard input. The helpers below are shared with ``passerelle pay``.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.commands import (
    acting_staff,
    add_db_option,
    add_force_option,
    add_json_option,
    opened,
    output_path,
    print_json,
    write_atomically,
)
from desktop_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    Invalid,
    Message,
    Named,
    StorageUnavailable,
)

if TYPE_CHECKING:
    from desktop_app.db.database import Database
    from desktop_app.services.admin.staff import Override
    from desktop_app.services.desk.addons import AddOnOffer
    from desktop_app.services.money.receipt_lookup import ReceiptFigures
    from desktop_app.services.money.receipt_store import IssuedReceipt

# The desk's words for payment methods, as the command line spells them.
PAYMENTS = {"cash": "cash", "card": "card", "invoice": "invoice", "comp": "complimentary"}

_T_DONE = QT_TRANSLATE_NOOP(
    "WalkInCommand", "Registered and checked in: {name}, code {code}, category {category}."
)
_T_MEMBERSHIP = QT_TRANSLATE_NOOP("WalkInCommand", "Membership: {marking}.")
_T_NO_MEMBERSHIP = QT_TRANSLATE_NOOP("WalkInCommand", "none found in a partner association")
_T_RECEIPT = QT_TRANSLATE_NOOP("WalkInCommand", "Receipt {number}: {figures}.")
_T_NO_RECEIPT = QT_TRANSLATE_NOOP("WalkInCommand", "No receipt ({payment}): {figures}.")
_T_CHANGE = QT_TRANSLATE_NOOP("WalkInCommand", "Change due: {change}.")
_T_WRITTEN = QT_TRANSLATE_NOOP("WalkInCommand", "Receipt written to {path}.")
_T_ADDON = QT_TRANSLATE_NOOP("WalkInCommand", "Add-on {name}: {figures}.")
# Why a supervisor must approve: the walk-in service's words, with the options that give it.
_T_SUPERVISOR = QT_TRANSLATE_NOOP(
    "AppError",
    "{why}: a supervisor must approve (--supervisor NAME --reason TEXT, the PIN on standard"
    " input).",
)
_WHY = {
    "not-eligible": QT_TRANSLATE_NOOP(
        "AppError", "The member rate needs an active membership in a partner association"
    ),
    "not-on-sale": QT_TRANSLATE_NOOP("AppError", "This category is not on sale now"),
    "complimentary": QT_TRANSLATE_NOOP("AppError", "A complimentary admission"),
}


def register(subparsers: Any) -> None:
    """Add the ``walkin`` command."""
    parser = subparsers.add_parser(
        "walkin",
        help="register a walk-in: price by membership, pay, receipt and check in at once",
        description="The desk's walk-in (F5): the person is judged against the member lists,"
        " priced (the best rate for the verdict unless --category), paid, receipted (cash or"
        " card) and checked in, in one transaction. Exit 1 with one line when refused.",
    )
    parser.add_argument("--event", required=True, metavar="SLUG", help="the event's slug")
    parser.add_argument("--first-name", required=True, metavar="NAME")
    parser.add_argument("--last-name", required=True, metavar="NAME")
    parser.add_argument("--email", metavar="E", help="the person's email address")
    parser.add_argument("--organization", metavar="O", help="the employer, as the person says")
    parser.add_argument("--member-number", metavar="M", help="a member number the person gives")
    parser.add_argument("--language", choices=("fr", "en"), help="the person's language")
    parser.add_argument(
        "--category", metavar="CODE", help="price category (default: the best for the verdict)"
    )
    add_payment_options(parser, PAYMENTS)
    parser.add_argument(
        "--consent",
        action="append",
        default=[],
        metavar="CODE",
        help="a purpose the person agrees to (repeat); every other purpose of the event is"
        " recorded as a no, as the desk's unticked boxes are",
    )
    add_addon_option(parser)
    parser.add_argument(
        "--another-person",
        action="store_true",
        help="the email is already registered at this event, but this is another person",
    )
    add_desk_options(parser)
    parser.set_defaults(handler=run)


def add_addon_option(parser: argparse.ArgumentParser) -> None:
    """``--addon CODE`` (repeatable): a session sold as an add-on."""
    parser.add_argument(
        "--addon",
        action="append",
        default=[],
        metavar="CODE",
        help="a session sold as an add-on (repeat): its price and its own taxes are added,"
        " within its seats (a full one needs --supervisor)",
    )


def chosen_addons(
    offers: tuple[AddOnOffer, ...], codes: list[str], override: Override | None
) -> tuple[AddOnOffer, ...]:
    """The add-ons ``codes`` names among ``offers``; a full one without a supervisor is
    refused here, naming the options. An unknown or unpriced code is left to the service,
    which refuses it in one line."""
    from desktop_app.services.desk.addons import FULL, named

    wanted = [code.strip() for code in codes]
    chosen = tuple(offer for offer in offers if offer.code in wanted)
    for offer in chosen:
        if offer.full and not offer.held and override is None:
            why = Message(FULL, name=named(offer), taken=offer.taken, capacity=offer.capacity)
            raise Invalid(_T_SUPERVISOR, why=why)
    return chosen


def addon_json(offer: AddOnOffer) -> dict[str, Any]:
    """One add-on line as ``--json`` names it: code, names, subtotal, each tax, total."""
    return {
        "code": offer.code,
        "name_fr": offer.name_fr,
        "name_en": offer.name_en,
        "subtotal": str(offer.breakdown.subtotal),
        "taxes": [
            {"name": tax.code, "rate": str(tax.rate), "amount": str(tax.amount)}
            for tax in offer.breakdown.taxes
        ],
        "total": str(offer.total),
    }


def addon_text(offer: AddOnOffer) -> Message:
    """One add-on line for people: its name and figures."""
    parts = [f"subtotal {offer.breakdown.subtotal}"]
    parts += [f"{t.code} {_percent(t.rate)} % {t.amount}" for t in offer.breakdown.taxes]
    parts.append(f"total {offer.total}")
    return Message(_T_ADDON, name=Named(offer.name_fr, offer.name_en), figures=", ".join(parts))


def add_payment_options(
    parser: argparse.ArgumentParser,
    methods: dict[str, str],
    *,
    required: bool = True,
    help_text: str = "how it is paid",
) -> None:
    """``--payment``, ``--tendered`` and ``--reference``."""
    parser.add_argument("--payment", required=required, choices=tuple(methods), help=help_text)
    parser.add_argument("--tendered", metavar="X", help="cash handed over (default: the amount)")
    parser.add_argument(
        "--reference", metavar="R", help="the card terminal's authorization (required for card)"
    )


def add_desk_options(parser: argparse.ArgumentParser) -> None:
    """Who acts where, the supervisor, the action id, the receipt file, --db and --json."""
    parser.add_argument("--desk", required=True, metavar="NAME", help="the desk's name")
    parser.add_argument(
        "--staff", required=True, metavar="NAME", help="who takes the payment: a staff account"
    )
    parser.add_argument(
        "--supervisor",
        metavar="NAME",
        help="a supervisor approves what needs one; the PIN is read from standard input,"
        " and --reason is required",
    )
    parser.add_argument("--reason", metavar="TEXT", help="why the supervisor approves")
    parser.add_argument(
        "--action-id", metavar="ID", help="a unique id; running it again records nothing more"
    )
    parser.add_argument(
        "--receipt-out", type=Path, metavar="FILE.pdf", help="write the receipt's PDF there"
    )
    add_force_option(parser)
    add_db_option(parser)
    add_json_option(parser)


def parse_amount(text: str | None, option: str) -> Decimal | None:
    """An amount given on the command line (``None`` when not given), read by the one money
    parser (digits with at most two decimals, under the line ceiling); its error names the
    option."""
    from desktop_app.domain.money import parse_money

    if text is None:
        return None
    return parse_money(text, field=option)


def check_receipt_out(args: argparse.Namespace) -> None:
    """Refuse a receipt file that cannot be written *before* anything is sold (a mistyped
    folder, a device, an existing file without ``--force``): a sale must not be recorded
    with its PDF missing."""
    if args.receipt_out is not None:
        output_path(args, "--receipt-out")


def supervisor_override(args: argparse.Namespace) -> Override | None:
    """The supervisor's approval from ``--supervisor``/``--reason``, PIN from standard input."""
    from desktop_app.commands.staff import read_pin
    from desktop_app.services.admin.staff import Override

    if not args.supervisor:
        return None
    if not (args.reason or "").strip():
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "An override needs a reason."))
    pin = read_pin(f"PIN of {args.supervisor}: ")
    return Override(supervisor=args.supervisor, pin=pin, reason=args.reason)


def write_receipt_out(
    path: Path | None, receipt: IssuedReceipt | None, *, force: bool = False
) -> None:
    """Write the receipt's PDF, whole or not at all, as ``passerelle receipt`` does."""
    if path is None or receipt is None:
        return
    try:
        write_atomically(path, receipt.pdf, force=force)
    except OSError as error:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "AppError", "Cannot write {path}: {error}. Receipt {number} is issued; reprint it."
            ),
            path=str(path),
            error=error.strerror or str(error),
            number=receipt.number,
        ) from error


def taxes_json(figures: ReceiptFigures) -> list[dict[str, str]]:
    """Each tax as the JSON names it (as ``price --json`` does)."""
    return [
        {"name": tax.code, "rate": str(tax.rate), "amount": str(tax.amount)}
        for tax in figures.taxes
    ]


def figures_line(figures: ReceiptFigures) -> str:
    """The figures in one line: subtotal 525.00, GST 5 % 26.25, QST 9.975 % 52.37, total 603.62."""
    parts = [f"subtotal {figures.subtotal}"]
    parts += [f"{tax.code} {_percent(tax.rate)} % {tax.amount}" for tax in figures.taxes]
    parts.append(f"total {figures.total}")
    return ", ".join(parts)


def _percent(rate: Decimal) -> str:
    hundredfold = (rate * 100).normalize()
    return f"{hundredfold:f}"


def sale_moment() -> datetime:
    """When the sale happens: decides which rates are on sale (tests move it)."""
    return datetime.now(UTC)


def _consents(asked: tuple[str, ...], granted: list[str]) -> tuple[tuple[str, bool], ...]:
    unknown = [code for code in granted if code not in asked]
    if unknown:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "--consent: this event asks no consent '{code}' (it asks: {codes})."
            ),
            code=unknown[0],
            codes=", ".join(asked) or "—",
        )
    return tuple((code, code in granted) for code in asked)


def _sell(
    db: Database, args: argparse.Namespace, override: Override | None
) -> tuple[dict[str, Any], ReceiptFigures, tuple[AddOnOffer, ...]]:
    from desktop_app.domain.money import ZERO
    from desktop_app.domain.pricing import supervisor_needed
    from desktop_app.services.desk.addons import combine
    from desktop_app.services.desk.walkin import WalkInForm, quote_walk_in, register_walk_in
    from desktop_app.services.money.payments import PaymentInput
    from desktop_app.services.money.receipt_lookup import ReceiptFigures, receipt_figures

    staff = acting_staff(db, args.staff)
    method = PAYMENTS[args.payment]
    form = WalkInForm(
        first_name=args.first_name,
        last_name=args.last_name,
        email=args.email,
        organization=args.organization,
        category_code=args.category,
        language=args.language,
        member_number=args.member_number,
        addons=tuple(code.strip() for code in args.addon),
    )
    at = sale_moment()
    quoted = quote_walk_in(db.sessions, args.event, form, at)
    chosen = quoted.quote
    if chosen is None or quoted.category_code is None:
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "No price category is on sale now."))
    form = replace(
        form,
        category_code=quoted.category_code,
        consents=_consents(tuple(p.code for p in quoted.purposes), args.consent),
    )
    needed = supervisor_needed(chosen, method)
    if needed is not None and override is None:
        raise Invalid(_T_SUPERVISOR, why=Message(_WHY[needed.value]))
    sold = chosen_addons(quoted.addons, args.addon, override)
    complimentary = method == "complimentary"
    payment = PaymentInput(
        method,
        ZERO if complimentary else chosen.total + sum((o.total for o in sold), ZERO),
        parse_amount(args.tendered, "--tendered"),
        args.reference,
    )
    result = register_walk_in(
        db.sessions,
        args.event,
        form,
        payment,
        desk=args.desk,
        staff=staff,
        action_id=args.action_id or _new_action(),
        override=override,
        allow_duplicate_email=args.another_person,
        at=at,
    )
    if result.receipt is not None:
        figures = receipt_figures(db.sessions, result.receipt.receipt_id)
    else:  # an invoice is receipted when paid; a complimentary admission costs nothing
        every = combine((chosen.breakdown, *(o.breakdown for o in sold)))
        figures = ReceiptFigures(
            number="",
            subtotal=ZERO if complimentary else every.subtotal,
            taxes=() if complimentary else _tax_figures(every.taxes),
            total=payment.amount,
            taxes_included=chosen.breakdown.taxes_included,
            tendered=None,
            change_due=None,
        )
    write_receipt_out(args.receipt_out, result.receipt, force=args.force)
    done = {
        "code": result.code,
        "registration_id": result.registration_id,
        "name": " ".join(f"{form.first_name} {form.last_name}".split()),
        "category": quoted.category_code,
        "marking": quoted.verdict.marking,
        "associations": sorted(quoted.verdict.associations),
        "payment": args.payment,
        "receipt": result.receipt.number if result.receipt else None,
        "subtotal": str(figures.subtotal),
        "taxes": taxes_json(figures),
        "total": str(figures.total),
        "taxes_included": figures.taxes_included,
        "tendered": None if figures.tendered is None else str(figures.tendered),
        "change_due": None if result.change_due is None else str(result.change_due),
        "checked_in_at": result.checked_in_at.isoformat(),
        "addons": [addon_json(offer) for offer in sold],
        "receipt_out": str(args.receipt_out) if args.receipt_out and result.receipt else None,
    }
    return done, figures, sold


def _marking(associations: list[str]) -> Message | str:
    from desktop_app.domain.membership import ASSOCIATION_NAMES

    if not associations:
        return Message(_T_NO_MEMBERSHIP)
    return " + ".join(ASSOCIATION_NAMES.get(code, code) for code in associations)


def _tax_figures(lines: Any) -> tuple[Any, ...]:
    from desktop_app.services.money.receipt_lookup import TaxFigure

    return tuple(TaxFigure(line.code, line.rate, line.amount) for line in lines)


def _new_action() -> str:
    import uuid

    return uuid.uuid4().hex


def run(args: argparse.Namespace) -> int:
    """Sell, receipt and check in; print what was done."""
    parse_amount(args.tendered, "--tendered")  # a typo is refused before anything is read
    check_receipt_out(args)
    override = supervisor_override(args)
    with opened(args) as db:
        done, figures, sold = _sell(db, args, override)
    if args.json:
        print_json(done)
        return 0
    print(Message(_T_DONE, name=done["name"], code=done["code"], category=done["category"]))
    print(Message(_T_MEMBERSHIP, marking=_marking(done["associations"])))
    for offer in sold:
        print(addon_text(offer))
    if done["receipt"]:
        print(Message(_T_RECEIPT, number=done["receipt"], figures=figures_line(figures)))
    else:
        print(Message(_T_NO_RECEIPT, payment=done["payment"], figures=figures_line(figures)))
    if done["change_due"] is not None and Decimal(done["change_due"]) > 0:
        print(Message(_T_CHANGE, change=done["change_due"]))
    if done["receipt_out"]:
        print(Message(_T_WRITTEN, path=done["receipt_out"]))
    return 0
