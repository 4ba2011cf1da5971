"""The column schemas of the importers: every header spelling, French and English, of each field
of a member list (:data:`MEMBER_LIST`) and of a registration file (:data:`REGISTRATIONS`), with the
real column names of pretix (:data:`PRETIX_COLUMNS`) and Eventbrite (:data:`EVENTBRITE_COLUMNS`)
exports and the headers that tell those layouts apart. ``columns`` maps a file's headers to them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from desktop_app.domain.errors import QT_TRANSLATE_NOOP

Layout = Literal["generic", "pretix", "eventbrite"]
LAYOUTS: tuple[Layout, ...] = ("generic", "pretix", "eventbrite")

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
    "member_number", "status", "order_date", "sessions",
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
        # The sessions a registration holds, by code or name, separated by ";" or ",".
        "sessions": ("Séances", "Activités", "Sessions", "Activities", "Add-ons"),
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
