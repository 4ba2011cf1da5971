"""Canadian sales taxes on an admission, by the province where the event takes place.

Québec: GST 5 % and QST 9.975 %, each computed on the price before taxes, each on its own
line. Ontario: HST 13 %, one line. Every tax line is rounded half-up to the cent, and a
:class:`TaxBreakdown` refuses to exist unless subtotal + taxes == total to the cent.

Taxes-included prices (the rule, also stated on :func:`compute_taxes`)
---------------------------------------------------------------------
For a taxes-included price ``P`` the tax lines are computed from a *base* ``b``: the smallest
amount in cents whose taxes-excluded total ``b + Σ round_half_up(rate × b)`` reaches ``P``.
Each tax line is exactly ``round_half_up(rate × b)`` for that one common base, and the printed
subtotal is ``P − Σ taxes``, so the receipt adds up to ``P`` exactly.

For almost every price the base reproduces ``P`` exactly, the subtotal *is* the base and
``compute_taxes(subtotal, taxes_included=False)`` gives back the same lines and total ``P``.
Some totals cannot be reached by any base: when the base grows by a cent, a tax line may
round up at the same moment, so the taxes-excluded total jumps by 2 cents (3 in Québec when
both lines round up together). For those ``P`` only, the leftover cent(s) come off the
subtotal, never off a tax line: the subtotal is 1 cent (Ontario) or at most 2 cents (Québec)
below the base, and each tax line is at most one cent above the tax on the printed subtotal.
Taking the base from above rather than below means the seller never shows, and remits, less
tax than is due on the printed subtotal.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum
from typing import Literal

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
from desktop_app.domain.money import CENT, ZERO, round_cents

TaxCode = Literal["GST", "QST", "HST"]
RegistrationKind = Literal["gst_hst", "qst"]


class Province(StrEnum):
    """The province where an event takes place, which decides its taxes."""

    QC = "QC"
    ON = "ON"


@dataclass(frozen=True)
class TaxLine:
    """One tax on a receipt: its code, names in both languages, rate, amount.

    ``registration_kind`` says which of the seller's registration numbers the receipt prints
    beside this line: the GST/HST number or the QST number.
    """

    code: TaxCode
    name_fr: str
    name_en: str
    rate: Decimal
    amount: Decimal
    registration_kind: RegistrationKind

    @property
    def percent(self) -> Decimal:
        """The rate as a percentage without trailing zeros, as printed: 5, 9.975, 13."""
        hundredfold = self.rate * 100
        if hundredfold == hundredfold.to_integral_value():
            # normalize() alone would print 13 as "1.3E+1"
            return hundredfold.quantize(Decimal(1))
        return hundredfold.normalize()


@dataclass(frozen=True)
class TaxBreakdown:
    """A price split into subtotal and tax lines; the lines always add up to ``total``.

    ``taxes_included`` records that the price was set taxes-included, so the receipt says
    the taxes shown are included in it.
    """

    subtotal: Decimal
    taxes: tuple[TaxLine, ...]
    total: Decimal
    taxes_included: bool

    def __post_init__(self) -> None:
        # A breakdown that does not reconcile is a bug, never something to print.
        if self.subtotal + self.tax_total != self.total:
            raise ValueError(f"tax breakdown does not add up: {self!r}")

    @property
    def tax_total(self) -> Decimal:
        """The sum of the tax lines."""
        return sum((line.amount for line in self.taxes), ZERO)


@dataclass(frozen=True)
class _Tax:
    code: TaxCode
    name_fr: str
    name_en: str
    rate: Decimal
    registration_kind: RegistrationKind


_SCHEDULE: dict[Province, tuple[_Tax, ...]] = {
    Province.QC: (
        _Tax("GST", "TPS", "GST", Decimal("0.05"), "gst_hst"),
        _Tax("QST", "TVQ", "QST", Decimal("0.09975"), "qst"),
    ),
    Province.ON: (_Tax("HST", "TVH", "HST", Decimal("0.13"), "gst_hst"),),
}


def _province(value: Province | str) -> Province:
    try:
        return Province(value)
    except ValueError:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{value}' is not a province with known taxes."),
            value=value,
        ) from None


def _cents(amount: Decimal, *, allow_negative: bool = False) -> Decimal:
    """Check that ``amount`` is a finite Decimal in whole cents (and not negative)."""
    if not isinstance(amount, Decimal) or not amount.is_finite() or round_cents(amount) != amount:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{value}' is not an amount in dollars and cents."),
            value=amount,
        )
    if amount < 0 and not allow_negative:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{value}' is negative; an amount here cannot be."),
            value=amount,
        )
    return round_cents(amount)


def _lines(taxes: tuple[_Tax, ...], base: Decimal) -> tuple[TaxLine, ...]:
    return tuple(
        TaxLine(
            tax.code,
            tax.name_fr,
            tax.name_en,
            tax.rate,
            round_cents(base * tax.rate),
            tax.registration_kind,
        )
        for tax in taxes
    )


def _total_from_base(taxes: tuple[_Tax, ...], base: Decimal) -> Decimal:
    return base + sum((line.amount for line in _lines(taxes, base)), ZERO)


def _base_of(taxes: tuple[_Tax, ...], price: Decimal) -> Decimal:
    """The smallest base in cents whose taxes-excluded total is at least ``price``.

    The taxes-excluded total never decreases as the base grows, so a short walk up from
    just below ``price / (1 + rates)`` finds it; rounding moves each line by at most half a
    cent, so the walk starts a few cents low and takes a handful of steps.
    """
    combined = 1 + sum((tax.rate for tax in taxes), Decimal(0))
    base = max(ZERO, (price / combined).quantize(CENT, rounding=ROUND_FLOOR) - 2 * CENT)
    while _total_from_base(taxes, base) < price:
        base += CENT
    return base


def compute_taxes(province: Province | str, amount: Decimal, taxes_included: bool) -> TaxBreakdown:
    """Split ``amount`` into subtotal, one line per tax of ``province``, and total.

    Taxes-excluded: ``amount`` is the subtotal; each tax is ``round_half_up(rate × amount)``.
    Taxes-included: ``amount`` is the total; the lines come from the smallest base whose
    taxes-excluded total reaches it, and any cent no base can produce comes off the subtotal
    (see the module docstring). Either way subtotal + taxes == total exactly.
    """
    taxes = _SCHEDULE[_province(province)]
    price = _cents(amount)
    if not taxes_included:
        lines = _lines(taxes, price)
        return TaxBreakdown(price, lines, price + sum((t.amount for t in lines), ZERO), False)
    lines = _lines(taxes, _base_of(taxes, price))
    subtotal = price - sum((line.amount for line in lines), ZERO)
    return TaxBreakdown(subtotal, lines, price, True)


def _negate(amount: Decimal) -> Decimal:
    # 0 - x rather than -x: a zero stays "0.00", never "-0.00", on a credit note.
    return ZERO - amount


def _with_amount(line: TaxLine, amount: Decimal) -> TaxLine:
    return TaxLine(line.code, line.name_fr, line.name_en, line.rate, amount, line.registration_kind)


def credit(breakdown: TaxBreakdown) -> TaxBreakdown:
    """The same breakdown with every amount negated, for a credit note that reverses it."""
    return TaxBreakdown(
        _negate(breakdown.subtotal),
        tuple(_with_amount(line, _negate(line.amount)) for line in breakdown.taxes),
        _negate(breakdown.total),
        breakdown.taxes_included,
    )


def difference(due: TaxBreakdown, paid_total: Decimal, province: Province | str) -> TaxBreakdown:
    """The balance between what is ``due`` and the ``paid_total`` already paid, with taxes.

    For someone who paid a member rate without a membership: ``paid_total`` (taxes included,
    as paid) is split with :func:`compute_taxes`, and each line of the result is the due line
    minus the paid line. So the receipt for the balance plus the receipt already issued show
    exactly the taxes due on the right price, and the balance's lines add up to
    ``due.total − paid_total``. A negative result is a credit owed to the person.
    When the amounts differ by a cent or two, a tax line and the subtotal may have opposite
    signs; the totals still reconcile.
    """
    taxes = _SCHEDULE[_province(province)]
    if tuple(line.code for line in due.taxes) != tuple(tax.code for tax in taxes):
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "The price's taxes are not those of {province}."),
            province=str(province),
        )
    paid = compute_taxes(province, _cents(paid_total), taxes_included=True)
    return TaxBreakdown(
        due.subtotal - paid.subtotal,
        tuple(
            _with_amount(owed, owed.amount - settled.amount)
            for owed, settled in zip(due.taxes, paid.taxes, strict=True)
        ),
        due.total - paid.total,
        due.taxes_included,
    )


def badge_language(province: str) -> str:
    """The language a badge prints first where the event takes place: French in Québec
    (Charter of the French language), English elsewhere; the attendee's own choice aside."""
    return "fr" if province == "QC" else "en"
