"""Event definitions read from TOML files: validated, with errors naming key and line."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop_app.domain.errors import QT_TRANSLATE_NOOP
from desktop_app.domain.event_keys import check_keys
from desktop_app.domain.event_reader import EventFileError, Reader, coded_entries
from desktop_app.domain.event_sessions import SessionSpec, parse_days, parse_sessions
from desktop_app.domain.money import HIGHEST_CEILING, LINE_CEILING

ASSOCIATIONS = ("bioquebec", "lso")
PROVINCES = ("QC", "ON")
ELIGIBILITIES = ("member", "non-member", "any", "comp")
ROLES = ("speaker", "sponsor", "staff", "press", "volunteer")
GST_HST_NUMBER = re.compile(r"^\d{9} ?RT ?\d{4}$")
QST_NUMBER = re.compile(r"^\d{10} ?TQ ?\d{4}$")


def business_number_ok(digits: str) -> bool:
    """Whether a 9-digit business number's last digit is its Luhn check digit."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$")
DEFAULT_TIMEZONE = "America/Toronto"


@dataclass(frozen=True)
class SellerSpec:
    """The legal seller shown on receipts."""

    legal_name: str
    address: str
    gst_hst_number: str
    qst_number: str | None


@dataclass(frozen=True)
class PriceSpec:
    """One price category of an event file."""

    code: str
    name_fr: str
    name_en: str
    eligibility: str
    amount: Decimal
    taxes_included: bool
    available_from: datetime | None
    available_until: datetime | None
    role: str | None


@dataclass(frozen=True)
class ConsentSpec:
    """A purpose the event asks consent for (sharing with the partner, photos, the
    networking list), with its wording in both languages and the wording's version."""

    code: str
    wording_fr: str
    wording_en: str
    version: str
    badge_mark: str | None = None  # printed on the badge when the answer is no ("no photos")
    label_fr: str | None = None  # a short name for the card ("Partage LSO"); the code else
    label_en: str | None = None


@dataclass(frozen=True)
class ExhibitorSpec:
    """An exhibitor or sponsor whose lead station scans badges (``[[exhibitors]]``);
    ``association`` is the exhibitor's own membership, for the cross-association report."""

    code: str
    name: str
    association: str | None = None  # "bioquebec", "lso" or None


@dataclass(frozen=True)
class EventSpec:
    """An event as defined in its file."""

    slug: str
    name_fr: str
    name_en: str
    starts: datetime
    ends: datetime
    timezone: str
    venue: str
    city: str
    province: str
    host: str
    partners: tuple[str, ...]
    retention_days: int
    seller: SellerSpec
    prices: tuple[PriceSpec, ...]
    consents: tuple[ConsentSpec, ...] = ()
    exhibitors: tuple[ExhibitorSpec, ...] = ()
    max_line_amount: Decimal = LINE_CEILING
    """The most one line (a price, an amount paid) may hold for this event."""
    days: tuple[date, ...] = ()
    """With days, the entrance checks people in once per day; without, once."""
    sessions: tuple[SessionSpec, ...] = ()


def parse_event_file(source: str, file: str | None = None) -> EventSpec:
    """Validate the text of an event file (named ``file`` in messages); raise
    ``EventFileError`` naming key and line, :class:`UnknownKey` for a key no table has."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise EventFileError(
            QT_TRANSLATE_NOOP("AppError", "Event file is not valid TOML: {reason}"),
            reason=str(error),
        ) from error
    check_keys(source, data, file)  # first: "vneue" is a typo, not a missing "venue"
    for table in ("event", "seller"):
        if not isinstance(data.get(table), dict):
            raise EventFileError(
                QT_TRANSLATE_NOOP("AppError", "Event file: the [{table}] table is missing."),
                table=table,
            )
    event = Reader(source, data["event"], "event")
    slug = event.required_text("slug", limit=80)
    if not SLUG.match(slug):
        raise event.fail(
            "slug",
            QT_TRANSLATE_NOOP(
                "AppError", "'{value}' must be lower-case letters, digits and dashes."
            ),
            value=slug,
        )
    zone_name = event.text("timezone", required=False) or DEFAULT_TIMEZONE
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise event.fail(
            "timezone",
            QT_TRANSLATE_NOOP("AppError", "unknown time zone '{value}'."),
            value=zone_name,
        ) from None
    starts = event.moment("starts", zone, required=True)
    ends = event.moment("ends", zone, required=True, end_of_day=True)
    assert starts is not None and ends is not None
    if ends < starts:
        raise event.fail("ends", QT_TRANSLATE_NOOP("AppError", "the event ends before it starts."))
    province = event.choice("province", PROVINCES)
    host = event.choice("host", ASSOCIATIONS)
    partners = _partners(event, data["event"], host)
    retention = _retention_days(event, data["event"])
    ceiling = _max_line_amount(event)
    seller = _seller(Reader(source, data["seller"], "seller"), province)
    prices = _prices(source, data, zone, ceiling)
    consents = _consents(source, data)
    exhibitors = _exhibitors(source, data)
    days = parse_days(source, data, starts, ends)
    sessions = parse_sessions(source, data, zone, {p.code for p in prices}, ceiling)
    return EventSpec(
        slug=slug,
        name_fr=event.required_text("name_fr"),
        name_en=event.required_text("name_en"),
        starts=starts,
        ends=ends,
        timezone=zone_name,
        venue=event.required_text("venue"),
        city=event.required_text("city", limit=120),
        province=province,
        host=host,
        partners=partners,
        retention_days=retention,
        seller=seller,
        prices=prices,
        consents=consents,
        exhibitors=exhibitors,
        max_line_amount=ceiling,
        days=days,
        sessions=sessions,
    )


def _max_line_amount(event: Reader) -> Decimal:
    """The event's ceiling per line (``max_line_amount``), 100,000.00 unless the file says."""
    if "max_line_amount" not in event.data:
        return LINE_CEILING
    ceiling = event.amount("max_line_amount", ceiling=HIGHEST_CEILING)
    if ceiling <= 0:
        raise event.fail(
            "max_line_amount", QT_TRANSLATE_NOOP("AppError", "expected an amount above 0.00.")
        )
    return ceiling


def _consents(source: str, data: dict[str, Any]) -> tuple[ConsentSpec, ...]:
    """Every [[consents]] entry (optional), each code once, such as ``share-partner`` or
    ``photos``."""
    return tuple(
        ConsentSpec(
            code=code,
            wording_fr=reader.required_text("wording_fr", limit=1000),
            wording_en=reader.required_text("wording_en", limit=1000),
            version=reader.required_text("version", limit=32),
            badge_mark=reader.text("badge_mark", required=False, limit=40),
            label_fr=reader.text("label_fr", required=False, limit=40),
            label_en=reader.text("label_en", required=False, limit=40),
        )
        for reader, code in coded_entries(source, data, "consents")
    )


def _exhibitors(source: str, data: dict[str, Any]) -> tuple[ExhibitorSpec, ...]:
    """Every [[exhibitors]] entry (optional), each code once; ``association`` is bioquebec,
    lso or none (the default)."""
    exhibitors: list[ExhibitorSpec] = []
    for reader, code in coded_entries(source, data, "exhibitors"):
        association = reader.text("association", required=False) or "none"
        if association not in (*ASSOCIATIONS, "none"):
            raise reader.fail(
                "association",
                QT_TRANSLATE_NOOP("AppError", "'{value}' is not one of {choices}."),
                value=association,
                choices=", ".join((*ASSOCIATIONS, "none")),
            )
        exhibitors.append(
            ExhibitorSpec(
                code=code,
                name=reader.required_text("name", limit=200),
                association=None if association == "none" else association,
            )
        )
    return tuple(exhibitors)


def _partners(event: Reader, table: dict[str, Any], host: str) -> tuple[str, ...]:
    """The partner associations (the host always among them)."""
    partners_raw = table.get("partners", [])
    if not isinstance(partners_raw, list) or not all(isinstance(p, str) for p in partners_raw):
        raise event.fail(
            "partners", QT_TRANSLATE_NOOP("AppError", 'expected a list like ["bioquebec", "lso"].')
        )
    for partner in partners_raw:
        if partner not in ASSOCIATIONS:
            raise event.fail(
                "partners",
                QT_TRANSLATE_NOOP("AppError", "'{value}' is not one of {choices}."),
                value=partner,
                choices=", ".join(ASSOCIATIONS),
            )
    return tuple(sorted(set(partners_raw) | {host}))


def _retention_days(event: Reader, table: dict[str, Any]) -> int:
    """How long personal information is kept after the event (default three years)."""
    retention = table.get("retention_days", 1095)
    # A ceiling as for amounts: TOML integers are unbounded, the database's and dates' are not.
    if not isinstance(retention, int) or isinstance(retention, bool) or not 0 < retention <= 36500:
        raise event.fail(
            "retention_days",
            QT_TRANSLATE_NOOP("AppError", "expected a whole number of days from 1 to 36500."),
        )
    return retention


def _seller(seller_reader: Reader, province: str) -> SellerSpec:
    """The seller's legal name, address and tax numbers (a QST number in Québec)."""
    gst = seller_reader.required_text("gst_hst_number", limit=20).upper()
    if not GST_HST_NUMBER.match(gst):
        raise seller_reader.fail(
            "gst_hst_number",
            QT_TRANSLATE_NOOP(
                "AppError", "'{value}' is not a GST/HST number (9 digits, RT, 4 digits)."
            ),
            value=gst,
        )
    if not business_number_ok(gst[:9]):
        raise seller_reader.fail(
            "gst_hst_number",
            QT_TRANSLATE_NOOP(
                "AppError",
                "'{value}' is not a GST/HST number: the business number's check digit is"
                " wrong (a typing error?).",
            ),
            value=gst,
        )
    qst = seller_reader.text("qst_number", required=province == "QC", limit=20)
    if qst is not None:
        qst = qst.upper()
        if not QST_NUMBER.match(qst):
            raise seller_reader.fail(
                "qst_number",
                QT_TRANSLATE_NOOP(
                    "AppError", "'{value}' is not a QST number (10 digits, TQ, 4 digits)."
                ),
                value=qst,
            )
    return SellerSpec(
        legal_name=seller_reader.required_text("legal_name"),
        address=seller_reader.required_text("address", limit=600),
        gst_hst_number=gst,
        qst_number=qst,
    )


def _prices(
    source: str, data: dict[str, Any], zone: ZoneInfo, ceiling: Decimal
) -> tuple[PriceSpec, ...]:
    """Every [[prices]] entry, each code once."""
    raw_prices = data.get("prices", [])
    if not isinstance(raw_prices, list) or not raw_prices:
        raise EventFileError(
            QT_TRANSLATE_NOOP("AppError", "Event file: at least one [[prices]] entry is required.")
        )
    prices: list[PriceSpec] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_prices):
        reader = Reader(source, raw, "prices", index)
        code = reader.required_text("code", limit=64)
        if code in seen:
            raise reader.fail(
                "code",
                QT_TRANSLATE_NOOP("AppError", "the code '{value}' is used twice."),
                value=code,
            )
        seen.add(code)
        prices.append(_price(reader, raw, code, zone, ceiling))
    return tuple(prices)


def _price(
    reader: Reader, raw: dict[str, Any], code: str, zone: ZoneInfo, ceiling: Decimal
) -> PriceSpec:
    """One price category: amount in dollars and cents, eligibility, role, sale window."""
    amount = reader.amount("amount", ceiling=ceiling)
    taxes_included = raw.get("taxes_included", False)
    if not isinstance(taxes_included, bool):
        raise reader.fail(
            "taxes_included", QT_TRANSLATE_NOOP("AppError", "expected true or false.")
        )
    eligibility = reader.choice("eligibility", ELIGIBILITIES)
    if eligibility == "comp" and amount != 0:
        raise reader.fail(
            "amount", QT_TRANSLATE_NOOP("AppError", "a complimentary category costs 0.00.")
        )
    role = reader.text("role", required=False)
    if role is not None and role not in ROLES:
        raise reader.fail(
            "role",
            QT_TRANSLATE_NOOP("AppError", "'{value}' is not one of {choices}."),
            value=role,
            choices=", ".join(ROLES),
        )
    available_from = reader.moment("available_from", zone, required=False)
    available_until = reader.moment("available_until", zone, required=False, end_of_day=True)
    if available_from and available_until and available_until < available_from:
        raise reader.fail(
            "available_until",
            QT_TRANSLATE_NOOP("AppError", "the sale window ends before it starts."),
        )
    return PriceSpec(
        code=code,
        name_fr=reader.required_text("name_fr", limit=200),
        name_en=reader.required_text("name_en", limit=200),
        eligibility=eligibility,
        amount=amount,
        taxes_included=taxes_included,
        available_from=available_from,
        available_until=available_until,
        role=role,
    )
