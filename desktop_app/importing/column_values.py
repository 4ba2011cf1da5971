"""Reading the values of import cells: registration statuses per file layout, yes/no cells, a
language, whether a member is an organization or an individual, and email addresses (one
validator for the member and the registration imports). Case, accents and punctuation never
matter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Literal

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
from desktop_app.domain.names import normalize_email


def strip_accents(text: str) -> str:
    """``text`` without its combining accents (after NFKD decomposition)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _fold(value: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", strip_accents(value.casefold())))


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
# pretix's order list can write the status as its one-letter code: c canceled, e expired
# (n pending and p paid are active).
_PRETIX_INACTIVE_CODES = frozenset({"c", "e"})


def status_is_active(layout: str, value: str) -> bool:
    """Whether a registration with status ``value`` in a ``layout`` file counts as registered.

    Canceled / cancelled / annulé (pretix's code ``c``), refunded / remboursé, "Not
    Attending", deleted, expired (pretix's unpaid orders past their deadline, code ``e``)
    and, for Eventbrite, transferred tickets are not active; partially refunded orders,
    paid, pending, attending and checked-in ones are, and so is a blank status. Unknown
    values count as active, so nobody is silently dropped.
    """
    if layout not in _INACTIVE_BY_LAYOUT:
        raise ValueError(f"unknown layout {layout!r}")
    folded = _fold(value)
    if layout == "pretix" and folded in _PRETIX_INACTIVE_CODES:
        return False
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


_T_BAD_EMAIL = QT_TRANSLATE_NOOP("AppError", "{column}: “{value}” is not an email address.")


def parse_email(value: str, *, column: str) -> str | None:
    """The address an email cell holds, trimmed and lower-cased (``Name <address>`` and
    ``mailto:`` are understood); ``None`` for a blank cell. Anything else (``not an email
    <script>``, two @, no domain) raises :class:`Invalid` naming ``column``: an import stores
    an address it can write to, or rejects the row."""
    if not value.strip():
        return None
    email = normalize_email(value)
    if email is None:
        raise Invalid(_T_BAD_EMAIL, column=column, value=value.strip()[:80])
    return email
