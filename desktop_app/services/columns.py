"""Which column holds what: French and English headers, pretix and Eventbrite exports.

:func:`map_columns` takes a table's headers and a :class:`Schema` (:data:`MEMBER_LIST` or
:data:`REGISTRATIONS`) and returns a :class:`ColumnMap` from the schema's field names to the
headers holding them. Headers are compared after :func:`normalise_header` (accents, case,
punctuation, "No"/"Nº"/"#"/"numéro" and small words ignored), then as sets of words, so
"No de membre", "Numéro du membre", "N° membre" and "Membre #" are one header.

A field may have several columns, best first (pretix's "Attendee email" before the order's
"Email"); :meth:`ColumnMap.value` gives the first non-blank one. An explicit mapping (field →
header as written in the file; ``""`` to ignore a field) overrides recognition.

Registration files come in three layouts, told apart by headers only the ticketing system
writes; see :data:`PRETIX_COLUMNS` and :data:`EVENTBRITE_COLUMNS` for their real column names
and where they come from. :func:`status_is_active` reads each layout's status values.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
from desktop_app.services.tables import TableRow

Layout = Literal["generic", "pretix", "eventbrite"]
LAYOUTS: tuple[Layout, ...] = ("generic", "pretix", "eventbrite")

# --- Header normalisation ---------------------------------------------------------------------

_NUMBER_WORDS = frozenset({"no", "num", "numero", "number", "nr", "nbr", "nro"})
_SMALL_WORDS = frozenset(
    {"de", "du", "des", "d", "l", "la", "le", "les", "au", "aux", "of", "the", "a"}
)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_header(header: str) -> str:
    """``header`` reduced to lower-case unaccented words, the way headers are compared.

    "No", "Nº", "N°", "#", "num", "numéro" and "number" all become ``number``; "e-mail" becomes
    ``email``; punctuation and the small words de, du, d', l', of, the... disappear:
    ``normalise_header("N° de membre")`` == ``normalise_header("Numéro du membre")`` ==
    ``"number membre"``.
    """
    text = unicodedata.normalize("NFKC", header).casefold()  # NFKC turns "º" into "o"
    text = re.sub(r"\bn\s*°", " no ", text)
    text = text.replace("#", " number ")
    text = re.sub(r"\be[\s\-_.]?mail", "email", _strip_accents(text))
    words = re.findall(r"[a-z0-9]+", text)
    return " ".join(
        "number" if word in _NUMBER_WORDS else word for word in words if word not in _SMALL_WORDS
    )


def _word_set(normalised: str) -> frozenset[str]:
    return frozenset(normalised.split())


# --- Schemas ---------------------------------------------------------------------------------

AliasTable = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class LayoutSpec:
    """How one file layout names the schema's fields, and the headers that identify it."""

    name: Layout
    aliases: AliasTable
    signature: tuple[str, ...] = ()
    min_signature: int = 2


@dataclass(frozen=True)
class Schema:
    """The fields an importer reads, their header spellings per layout, and what is required.

    ``required_any``: for each group, at least one field must have a column, or the file is
    refused with ``missing_message`` (an AppError template taking ``{headers}``).
    """

    name: str
    fields: tuple[str, ...]
    layouts: tuple[LayoutSpec, ...]
    required_any: tuple[tuple[str, ...], ...]
    missing_message: str


_NAMES: AliasTable = {
    "last_name": ("Nom de famille", "Last name", "Lastname", "Surname", "Family name", "Nom"),
    "first_name": ("Prénom", "First name", "Firstname", "Given name"),
    "full_name": (
        "Nom complet", "Full name", "Name", "Nom et prénom", "Prénom et nom", "Prénom Nom",
        "Nom du contact", "Contact name", "Contact", "Participant", "Attendee", "Attendee name",
    ),
    "email": (
        "Courriel professionnel", "Work email", "Business email", "Courriel",
        "Adresse courriel", "Adresse de courriel", "Adresse électronique", "Email",
        "Email address", "Mail", "Courriel du contact", "Contact email",
    ),
    "organization": (
        "Entreprise", "Organisation", "Organization", "Société", "Compagnie", "Company",
        "Employer", "Employeur", "Nom de l'entreprise", "Nom de l'organisation",
        "Company name", "Organization name", "Organisation name", "Raison sociale",
        "Institution", "Établissement", "Affiliation",
    ),
    "member_number": (
        "No de membre", "Numéro de membre", "N° membre", "Member #", "Member number",
        "Member ID", "ID membre", "Identifiant membre", "Membership number", "Membership ID",
        "No d'adhérent", "No d'adhésion",
    ),
}  # fmt: skip

MEMBER_COLUMNS: AliasTable = MappingProxyType(
    {
        **_NAMES,
        "category": (
            "Catégorie", "Catégorie de membre", "Type de membre", "Type d'adhésion",
            "Catégorie d'adhésion", "Niveau", "Niveau d'adhésion", "Category",
            "Membership type", "Membership level", "Membership category", "Member type",
            "Level", "Tier",
        ),
        "valid_from": (
            "Date d'adhésion", "Début", "Date de début", "Valide du", "Valide à partir du",
            "Membre depuis", "Start date", "Member since", "Valid from", "Join date",
            "Joined", "Start",
        ),
        "valid_until": (
            "Date d'expiration", "Expiration", "Date de fin", "Valide jusqu'au", "Fin",
            "Échéance", "Date d'échéance", "Date de renouvellement", "Expiry", "Expiry date",
            "Expiration date", "Expires", "Valid until", "Valid to", "Valid through",
            "End date", "Renewal date", "Paid through",
        ),
        "holder_kind": (
            "Type de titulaire", "Titulaire", "Individuel ou organisation",
            "Organisation ou individuel", "Corporatif ou individuel", "Type de compte",
            "Holder type", "Holder kind", "Holder", "Member kind", "Kind",
            "Individual or organization", "Organization or individual", "Account type",
        ),
        "domains": (
            "Domaines", "Domaine", "Domaine courriel", "Domaines de courriel", "Domains",
            "Domain", "Email domain", "Email domains",
        ),
        "aliases": (
            "Alias", "Aliases", "Also known as", "AKA", "Autre nom", "Autres noms",
            "Other names", "Other name", "Nom anglais", "Nom français", "English name",
            "French name",
        ),
        "phone": (
            "Téléphone", "Tél", "Tel", "Cellulaire", "Phone", "Phone number", "Telephone",
            "Mobile", "Cell",
        ),
    }
)  # fmt: skip

MEMBER_LIST = Schema(
    name="member_list",
    fields=tuple(MEMBER_COLUMNS),
    layouts=(LayoutSpec("generic", MEMBER_COLUMNS),),
    required_any=(("organization", "last_name", "full_name"),),
    missing_message=QT_TRANSLATE_NOOP(
        "AppError",
        "The member list has no name column: it needs an organization column (Entreprise, "
        "Organisation, Company…) or a person's name (Nom, Nom complet, Last name, Full name…). "
        "Columns found: {headers}.",
    ),
)

REGISTRATION_FIELDS = (
    "code", "order_code", "attendee_number", "first_name", "last_name", "full_name", "email",
    "organization", "category", "variation", "amount_paid", "paid", "language",
    "member_number", "status", "order_date",
)  # fmt: skip

GENERIC_REGISTRATION_COLUMNS: AliasTable = MappingProxyType(
    {
        **_NAMES,
        "code": (
            "Code", "Code d'inscription", "Registration code", "Code du billet", "Ticket code",
            "Code-barres", "Barcode", "Code QR", "QR code",
        ),
        "order_code": (
            "No de commande", "Numéro de commande", "Commande", "Order number", "Order ID",
            "Order",
        ),
        "category": (
            "Catégorie", "Catégorie de prix", "Type de billet", "Billet", "Tarif", "Produit",
            "Category", "Price category", "Ticket type", "Ticket", "Rate", "Product",
        ),
        "variation": ("Variante", "Variation", "Option"),
        "amount_paid": (
            "Montant payé", "Total payé", "Prix payé", "Montant", "Amount paid", "Total paid",
            "Price paid", "Paid amount", "Amount", "Total",
        ),
        "paid": ("Payé", "Payée", "Paiement reçu", "Paid", "Payment received"),
        "language": (
            "Langue", "Langue préférée", "Langue de communication", "Language",
            "Preferred language", "Lang",
        ),
        "status": ("Statut", "État", "Statut de l'inscription", "Status", "Registration status"),
        "order_date": (
            "Date d'inscription", "Date de commande", "Registration date", "Order date",
        ),
    }
)  # fmt: skip

PRETIX_COLUMNS: AliasTable = MappingProxyType(
    {
        # pretix/pretix src/pretix/base/exporters/orderlist.py ("Order data" exporter, sheet
        # "Order positions") and src/pretix/plugins/checkinlists/exporters.py (CSV check-in
        # list). Name parts are "Attendee name: <label>" with the labels of the event's name
        # scheme (base/settings.py PERSON_NAME_SCHEMES: "Given name", "Family name"); the
        # order sheet writes the invoice name parts under the bare labels.
        "code": ("Ticket secret", "Secret"),
        "order_code": ("Order code",),
        "attendee_number": ("Position ID",),
        "first_name": ("Attendee name: Given name", "Given name"),
        "last_name": ("Attendee name: Family name", "Family name"),
        "full_name": ("Attendee name", "Invoice address name", "Name"),
        # Attendee email (positions sheet), E-mail (check-in list), Email (the order's)
        "email": ("Attendee email", "E-mail", "Email"),
        # The positions sheet has two "Company" columns: the attendee's, then the invoice's.
        "organization": ("Company", "Company (2)"),
        "category": ("Product",),
        "variation": ("Variation",),
        "amount_paid": ("Price", "Order total"),
        "paid": ("Paid",),
        "language": ("Order locale",),
        "member_number": _NAMES["member_number"],
        "status": ("Status", "Order status"),
        "order_date": ("Order date",),
    }
)

EVENTBRITE_COLUMNS: AliasTable = MappingProxyType(
    {
        # Eventbrite "Attendee Summary" / attendee report CSV. Names as they appear in real
        # exports consumed by public tools (rherardi/eb2ez README sample; an Eventbrite import
        # script listing "Barcode #", "Attendee #", "Attendee Status", "Total Paid"...) and the
        # statuses in Eventbrite's help "Glossary of order and attendee statuses".
        "code": ("Barcode #", "Barcode"),
        "order_code": ("Order #", "Order no"),
        "attendee_number": ("Attendee #",),
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        "email": ("Email",),
        "organization": ("Company",),
        "category": ("Ticket Type",),
        "amount_paid": ("Total Paid",),
        "member_number": _NAMES["member_number"],
        "status": ("Attendee Status",),
        "order_date": ("Order Date",),
    }
)

REGISTRATIONS = Schema(
    name="registrations",
    fields=REGISTRATION_FIELDS,
    layouts=(
        LayoutSpec(
            "pretix",
            PRETIX_COLUMNS,
            signature=(
                "Order code", "Position ID", "Event slug", "Attendee name", "Attendee email",
                "Ticket secret", "Secret", "Pseudonymization ID", "Order locale",
                "Automatically checked in", "Invoice address name", "Product",
            ),
        ),
        LayoutSpec(
            "eventbrite",
            EVENTBRITE_COLUMNS,
            signature=(
                "Order #", "Attendee #", "Barcode #", "Ticket Type", "Attendee Status",
                "Total Paid", "Fees Paid", "Eventbrite Fees", "Eventbrite Payment Processing",
                "Order Type", "Price Tier",
            ),
        ),
        LayoutSpec("generic", GENERIC_REGISTRATION_COLUMNS),
    ),
    required_any=(("last_name", "full_name", "first_name"),),
    missing_message=QT_TRANSLATE_NOOP(
        "AppError",
        "The registration file has no name column (Nom, Prénom, Last name, First name, "
        "Attendee name…). Columns found: {headers}.",
    ),
)  # fmt: skip


# --- Mapping ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnMap:
    """Where each field of a schema is in a table: field → its headers, best first."""

    schema: str
    layout: Layout
    columns: Mapping[str, tuple[str, ...]]
    unused: tuple[str, ...] = ()

    def has(self, name: str) -> bool:
        """Whether the file has a column for field ``name``."""
        return bool(self.columns.get(name))

    def header(self, name: str) -> str | None:
        """The main column of field ``name``, or ``None``."""
        headers = self.columns.get(name)
        return headers[0] if headers else None

    def value(self, row: TableRow, name: str) -> str:
        """The first non-blank cell of ``row`` among field ``name``'s columns, else ``""``."""
        for header in self.columns.get(name, ()):
            text = row.cells.get(header, "")
            if text:
                return text
        return ""


# Fields whose custom headers often add words ("No de membre LSO", "BIOQuébec member number").
_LOOSE_FIELDS = frozenset({"member_number"})


def detect_layout(headers: Sequence[str], schema: Schema) -> LayoutSpec:
    """The layout of ``schema`` whose signature headers the file has most of (≥ its minimum)."""
    present = {normalise_header(h) for h in headers}
    best: tuple[int, LayoutSpec] | None = None
    fallback = schema.layouts[-1]
    for spec in schema.layouts:
        if not spec.signature:
            fallback = spec
            continue
        hits = sum(1 for s in spec.signature if normalise_header(s) in present)
        if hits >= spec.min_signature and (best is None or hits > best[0]):
            best = (hits, spec)
    return best[1] if best else fallback


def map_columns(
    headers: Sequence[str], schema: Schema, explicit: Mapping[str, str] | None = None
) -> ColumnMap:
    """Recognise which of ``headers`` holds each field of ``schema``.

    ``explicit`` maps field names to headers as written in the file (compared exactly, then
    normalised); ``""`` means "do not read this field". Raises :class:`Invalid` for an explicit
    field or header that does not exist, and when a required field group has no column (the
    message lists the headers found).
    """
    spec = detect_layout(headers, schema)
    columns: dict[str, list[str]] = {}
    claimed: set[str] = set()
    disabled: set[str] = set()

    for name, wanted in (explicit or {}).items():
        if name not in schema.fields:
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError", "Unknown field “{field}” in the column mapping. Fields: {fields}."
                ),
                field=name,
                fields=", ".join(schema.fields),
            )
        if not wanted.strip():
            disabled.add(name)
            continue
        header = _find_header(wanted, headers)
        if header is None:
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "The column mapping names “{header}” for {field}, but the file has no such "
                    "column. Columns found: {headers}.",
                ),
                header=wanted,
                field=name,
                headers=_listing(headers),
            )
        columns[name] = [header]
        claimed.add(header)

    normalised = [(h, normalise_header(h)) for h in headers]
    for name, aliases in spec.aliases.items():
        if name in columns or name in disabled:
            continue
        found = _matches(
            aliases,
            [(h, n) for h, n in normalised if h not in claimed],
            loose=name in _LOOSE_FIELDS,
        )
        if found:
            columns[name] = found
            claimed.update(found)

    # A lone "Nom" (no first-name column) is a whole name, not a family name.
    if (
        spec.name == "generic"
        and "last_name" in columns
        and "first_name" not in columns
        and "full_name" not in columns
        and "last_name" not in (explicit or {})
        and normalise_header(columns["last_name"][0]) == "nom"
    ):
        columns["full_name"] = columns.pop("last_name")

    for group in schema.required_any:
        if not any(name in columns for name in group):
            raise Invalid(schema.missing_message, headers=_listing(headers))

    return ColumnMap(
        schema=schema.name,
        layout=spec.name,
        columns=MappingProxyType({k: tuple(v) for k, v in columns.items()}),
        unused=tuple(h for h in headers if h not in claimed),
    )


def _find_header(wanted: str, headers: Sequence[str]) -> str | None:
    if wanted in headers:
        return wanted
    key = normalise_header(wanted)
    return next((h for h in headers if normalise_header(h) == key), None)


def _matches(
    aliases: Sequence[str], candidates: list[tuple[str, str]], *, loose: bool = False
) -> list[str]:
    """Headers matching ``aliases``: by alias priority, exact words first, then word sets.

    ``loose`` also accepts headers containing all the words of a multi-word alias
    ("No de membre BIOQuébec" for "No de membre"), after the closer matches.
    """
    found: list[str] = []
    for alias in aliases:
        key = normalise_header(alias)
        found += [h for h, n in candidates if n == key and h not in found]
    for alias in aliases:
        words = _word_set(normalise_header(alias))
        found += [h for h, n in candidates if _word_set(n) == words and h not in found]
    if loose:
        for alias in aliases:
            words = _word_set(normalise_header(alias))
            if len(words) >= 2:
                found += [h for h, n in candidates if words <= _word_set(n) and h not in found]
    return found


def _listing(headers: Sequence[str]) -> str:
    return ", ".join(f"“{h}”" for h in headers) if headers else "—"


# --- Values ----------------------------------------------------------------------------------


def _fold(value: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", _strip_accents(value.casefold())))


_INACTIVE = (
    "cancel", "annul", "refund", "rembours", "not attending", "n assiste pas",
    "ne participe pas", "deleted", "supprim", "void", "expired", "expire", "declined",
    "refuse",
)  # fmt: skip
_INACTIVE_BY_LAYOUT: Mapping[str, tuple[str, ...]] = {
    "generic": _INACTIVE,
    "pretix": _INACTIVE,
    # Eventbrite: a transferred ticket reappears as a new attendee row.
    "eventbrite": (*_INACTIVE, "transferred", "transfere"),
}
_PARTIAL = ("partial", "partiel")


def status_is_active(layout: str, value: str) -> bool:
    """Whether a registration with status ``value`` in a ``layout`` file counts as registered.

    Canceled / cancelled / annulé, refunded / remboursé, "Not Attending", deleted, expired
    (pretix's unpaid orders past their deadline) and, for Eventbrite, transferred tickets are
    not active; partially refunded orders, paid, pending, attending and checked-in ones are,
    and so is a blank status. Unknown values count as active, so nobody is silently dropped.
    """
    if layout not in _INACTIVE_BY_LAYOUT:
        raise ValueError(f"unknown layout {layout!r}")
    folded = _fold(value)
    if not folded or any(word in folded for word in _PARTIAL):
        return True
    return not any(stem in folded for stem in _INACTIVE_BY_LAYOUT[layout])


_YES = frozenset({"yes", "y", "oui", "o", "true", "vrai", "1", "x", "paid", "paye", "payee"})
_NO = frozenset({"no", "n", "non", "false", "faux", "0", "unpaid", "impaye", "impayee"})
_YES_MARKS = frozenset("✓✔☑")
_NO_MARKS = frozenset("✗✘☐")


def parse_yes_no(value: str) -> bool | None:
    """Yes/no cells (yes, oui, true, 1, x, ✔, payé / no, non, false, 0, ✘); blank is ``None``."""
    text = value.strip()
    if not text:
        return None
    if text in _YES_MARKS:
        return True
    if text in _NO_MARKS:
        return False
    folded = _fold(text)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise Invalid(
        QT_TRANSLATE_NOOP("AppError", "“{text}” is neither yes nor no (oui / non)."), text=value
    )


_FRENCH = frozenset({"fr", "fra", "fre", "francais", "french", "fr ca", "fr fr", "fr qc"})
_ENGLISH = frozenset({"en", "eng", "anglais", "english", "en ca", "en us", "en gb"})


def parse_language(value: str) -> Literal["fr", "en"] | None:
    """``"fr"`` or ``"en"`` for the usual spellings (Français, English, fr-CA, en_CA...)."""
    folded = _fold(value.replace("_", "-"))
    if folded in _FRENCH:
        return "fr"
    if folded in _ENGLISH:
        return "en"
    return None


_ORGANIZATION_WORDS = ("organi", "entreprise", "corpor", "company", "compagnie", "societe")
_INDIVIDUAL_WORDS = ("individ", "personn", "person")


def parse_holder_kind(value: str) -> Literal["organization", "individual"] | None:
    """Whether a cell says the member is an organization or an individual, else ``None``."""
    folded = _fold(value)
    is_org = any(word in folded for word in _ORGANIZATION_WORDS)
    is_person = any(word in folded for word in _INDIVIDUAL_WORDS)
    if is_org and not is_person:
        return "organization"
    if is_person and not is_org:
        return "individual"
    return None
