"""What a report's outputs (PDF, CSV, XLSX) are made from: tables with headings in French and
English, and charts.

Labels are pairs (French, English), like the event's names and the receipts' wording: the
command line and the exports have no Qt translator, and a PDF for a Québec event prints both
languages, French first. ``services.reports.document`` builds these from the reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Literal, NamedTuple

from desktop_app.domain.stored_verdict import ENTITLEMENTS

Language = Literal["fr", "en"]
ENTITLEMENT_KEYS: tuple[str, ...] = ENTITLEMENTS
"""The memberships reports split by, in order: bioquebec, lso, both, none."""


class Pair(NamedTuple):
    """A value with a French and an English name (a price category)."""

    fr: str
    en: str

    def text(self, language: Language) -> str:
        """The name in ``language``."""
        return self.fr if language == "fr" else self.en


Cell = str | int | Decimal | datetime | Pair | None

LABELS: dict[str, tuple[str, str]] = {
    # titles
    "attendance": ("Présences", "Attendance"),
    "partnership": ("Le partenariat BIOQuébec–LSO", "The BIOQuébec–LSO partnership"),
    "sales": ("Ventes et taxes", "Sales and taxes"),
    "attendees": ("Participants", "Attendees"),
    "closing": ("Fermeture de caisse", "Desk closing"),
    # sections
    "summary": ("Sommaire", "Summary"),
    "by_association": ("Par adhésion", "By membership"),
    "by_category": ("Par catégorie", "By category"),
    "by_organization": ("Par organisation", "By organization"),
    "arrivals": ("Arrivées par quart d'heure", "Arrivals by quarter hour"),
    "by_day": ("Arrivées par jour", "Arrivals by day"),
    "by_session": ("Par séance", "By session"),
    "events": ("Par événement", "By event"),
    "totals": ("Total de la période", "Period totals"),
    "by_method": ("Par mode de paiement", "By payment method"),
    "admissions_by_category": ("Admissions par catégorie", "Admissions by category"),
    "addons_sold": ("Suppléments vendus", "Add-ons sold"),
    "desk_sales": ("Ventes du poste", "Sales at this desk"),
    "addon": ("Supplément", "Add-on"),
    "admissions": ("Admissions", "Admissions"),
    "sold_at_desk": ("Vendus au poste", "Sold at the desk"),
    "receipt_numbers": ("Numéros de reçus", "Receipt numbers"),
    "cash_drawer": ("Caisse", "Cash drawer"),
    "cash": ("Comptant", "Cash"),
    "cards": ("Paiements par carte", "Card payments"),
    "activity": ("Activité du poste", "Desk activity"),
    "by_staff": ("Par membre du personnel", "By staff member"),
    # columns and lines
    "what": ("Élément", "Item"),
    "value": ("Valeur", "Value"),
    "no_organization": ("(sans organisation)", "(no organization)"),
    "more_rows": (
        "… et {count} autres lignes dans l'exportation CSV ou XLSX",
        "… and {count} more rows in the CSV or XLSX export",
    ),
    "count": ("Nombre", "Count"),
    "registered": ("Inscrits", "Registered"),
    "checked_in": ("Présents", "Checked in"),
    "no_show": ("Absents", "No-shows"),
    "cancelled": ("Annulés", "Cancelled"),
    "association": ("Adhésion", "Membership"),
    "category": ("Catégorie", "Category"),
    "organization": ("Organisation", "Organization"),
    "from": ("À partir de", "From"),
    "event": ("Événement", "Event"),
    "host": ("Hôte", "Host"),
    "province": ("Province", "Province"),
    "host_members": ("Membres de l'hôte", "Host members"),
    "partner_members": ("Membres du partenaire", "Partner members"),
    "both": ("Membres des deux", "Members of both"),
    "day": ("Jour", "Day"),
    "session": ("Séance", "Session"),
    "entitled": ("Ayants droit", "Entitled"),
    "capacity": ("Capacité", "Capacity"),
    "entries": ("Entrées", "Entries"),
    "inside_now": ("Présents maintenant", "Inside now"),
    "non_members": ("Non-membres", "Non-members"),
    "partner_organizations": ("Organisations partenaires", "Partner organizations"),
    "member_rate_savings": ("Économies au tarif membre", "Member-rate savings"),
    "people_at_both_provinces": (
        "Personnes venues au Québec et en Ontario",
        "People at events in both provinces",
    ),
    "method": ("Mode", "Method"),
    "subtotal": ("Avant taxes", "Before taxes"),
    "total": ("Total", "Total"),
    "receipts": ("Reçus", "Receipts"),
    "credit_notes": ("Notes de crédit", "Credit notes"),
    "series": ("Série", "Series"),
    "first": ("Premier", "First"),
    "last": ("Dernier", "Last"),
    "name": ("Nom", "Name"),
    "email": ("Courriel", "Email"),
    "checked_in_at": ("Arrivée", "Checked in at"),
    "desk": ("Poste", "Desk"),
    "staff": ("Personnel", "Staff"),
    "opened_at": ("Depuis", "Since"),
    "closed_at": ("Fermée le", "Closed at"),
    "number": ("Numéro", "Number"),
    "opening_float": ("Fonds de caisse", "Opening float"),
    "cash_taken": ("Argent reçu", "Cash taken"),
    "cash_refunded": ("Argent remboursé", "Cash refunded"),
    "expected_cash": ("Argent attendu", "Cash expected"),
    "counted_cash": ("Argent compté", "Cash counted"),
    "difference": ("Écart", "Difference"),
    "card_total": ("Total par carte", "Card total"),
    "reference": ("Référence", "Reference"),
    "amount": ("Montant", "Amount"),
    "at": ("Heure", "Time"),
    "invoices": ("Factures", "Invoices"),
    "invoice_total": ("Total facturé", "Invoiced"),
    "complimentary": ("Gratuités", "Complimentary"),
    "check_ins": ("Arrivées enregistrées", "Check-ins"),
    "walk_ins": ("Inscriptions sur place", "Walk-ins"),
    "undone_check_ins": ("Arrivées annulées", "Check-ins undone"),
    "payments": ("Paiements", "Payments"),
    "card": ("Carte", "Card"),
    "note": ("Note", "Note"),
    "denominations": ("Décompte", "Count by denomination"),
    "signature": ("Signature du superviseur", "Supervisor's signature"),
    "copy": ("COPIE", "COPY"),
    # values
    "bioquebec": ("BIOQuébec", "BIOQuébec"),
    "lso": ("LSO", "LSO"),
    "none": ("Aucune", "None"),
    "invoice": ("Facture", "Invoice"),
    "receipted": ("Total des reçus", "Receipted total"),
    "checked-in": ("Présents", "Checked in"),
    "no-show": ("Absents", "No-shows"),
    "all": ("Tous", "All"),
    "all_dates": ("Toutes les dates", "All dates"),
    "GST": ("TPS", "GST"),
    "QST": ("TVQ", "QST"),
    "HST": ("TVH", "HST"),
    "sales_note": (
        "Les factures (payées plus tard aux associations) et les gratuités n'ont pas de reçu : "
        "elles sont comptées à part, hors du total des reçus.",
        "Invoices (paid to the associations later) and complimentary admissions have no "
        "receipt: they are counted apart, outside the receipted total.",
    ),
    "incidents": ("Incidents de confidentialité", "Privacy incidents"),
    "version": ("Version", "Version"),
    "by": ("Par", "By"),
    "reason": ("Raison", "Reason"),
    "description": ("Renseignements visés", "Information concerned"),
    "circumstances": ("Circonstances", "Circumstances"),
    "period_start": ("Début", "Began on"),
    "period_end": ("Fin", "Ended on"),
    "learned_on": ("Connu le", "Learned of it on"),
    "people_count": ("Personnes visées", "People concerned"),
    "risk": ("Risque de préjudice sérieux", "Risk of serious injury"),
    "serious_risk": ("Risque sérieux", "Serious risk"),
    "cai_notified_on": ("Commission avisée le", "Commission notified on"),
    "people_notified_on": ("Personnes avisées le", "People notified on"),
    "measures": ("Mesures prises", "Measures taken"),
    "host_short": ("Hôte", "Host"),
    "partner_short": ("Partenaire", "Partner"),
    "both_short": ("Les deux", "Both"),
    "none_short": ("Non-membres", "Non-members"),
    "only_members": (
        "Seulement les membres de {association} et les personnes qui ont consenti à lui "
        "transmettre leurs renseignements.",
        "Only members of {association} and people who consented to share their information "
        "with it.",
    ),
    # lead scanning and the networking list
    "leads": ("Contacts d'exposant", "Exhibitor leads"),
    "networking": ("Liste de réseautage", "Networking list"),
    "exhibitor": ("Exposant", "Exhibitor"),
    "rating": ("Cote", "Rating"),
    "scanned_at": ("Lu le", "Scanned at"),
    "leads_by_exhibitor": ("Contacts par exposant", "Leads by exhibitor"),
    "cross_association_leads": (
        "Contacts entre associations",
        "Cross-association leads",
    ),
    "networking_note": (
        "Seulement les personnes qui ont accepté de figurer sur cette liste.",
        "Only people who agreed to appear on this list.",
    ),
}


def label(key: str, language: Language) -> str:
    """The label ``key`` in ``language`` (the key itself when it has no label)."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if language == "fr" else pair[1]


@dataclass(frozen=True)
class Section:
    """One table of a report: a title, column keys, rows of cells."""

    title: str  # a LABELS key
    columns: tuple[str, ...]  # LABELS keys
    rows: tuple[tuple[Cell, ...], ...]
    # Cells holding a LABELS key (an association, a method) to show in the reader's language.
    labelled: frozenset[int] = frozenset()
    # A PDF shows at most this many rows (a board summary); the exports show them all.
    pdf_rows: int | None = None
    # Where the table goes: "both", only the "pdf" (a layout for reading), only the "exports".
    output: Literal["both", "pdf", "exports"] = "both"


@dataclass(frozen=True)
class Chart:
    """Bars: one label per bar, one or more stacked series (name: LABELS key, values)."""

    title: str | Pair
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]


@dataclass(frozen=True)
class ReportDocument:
    """What every output of one report is made from."""

    kind: str  # "attendance", "partnership", "sales", "attendees", "closing"
    event_names: tuple[str, str] | None  # (fr, en)
    province: str | None
    timezone: str
    sections: tuple[Section, ...]
    charts: tuple[Chart, ...] = ()
    notes: tuple[str, ...] = ()  # LABELS keys of sentences shown under the title
    note_values: dict[str, str] = field(default_factory=dict)
    reference: str = ""  # e.g. "Desk 1 #3", the period, the filter
    copy: bool = False
    # A board summary (the partnership) puts its tables first and small charts side by side.
    compact_charts: bool = False

    @property
    def languages(self) -> tuple[Language, Language]:
        """French first for a Québec event (and for the partnership), English first else."""
        return ("en", "fr") if self.province not in (None, "QC") else ("fr", "en")

    def row_count(self) -> int:
        """Rows across every section (what an export's audit entry records)."""
        return sum(len(section.rows) for section in self.sections if section.output != "pdf")
