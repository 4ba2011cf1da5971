"""Normalisation of names, organizations, emails and member numbers for matching.

Every function here returns a *key*: a string meant for comparison and indexing, never for
display. Keys are accent-free, case-folded, with punctuation turned into single spaces, so
"Thératechnologies inc." and "THERATECHNOLOGIES, INC" meet on the same key.
"""

from __future__ import annotations

import re
import unicodedata

# Combining marks (accents) are dropped after NFKD decomposition. Scanning only the blocks where
# the marks of written names live (Latin to Hangul, and the half marks) keeps the import fast.
_DROP_COMBINING: dict[int, str | None] = {
    cp: None
    for cp in (*range(0x0300, 0x3100), *range(0xFE20, 0xFE30))
    if unicodedata.combining(chr(cp))
}

# Letters NFKD does not decompose but which people write without the stroke or ligature.
_LETTER_FOLDS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)
_DROP_COMBINING.update(_LETTER_FOLDS)  # one translate() pass does both

_NON_WORD = re.compile(r"[\W_]+")

# Dotted initials such as "S.R.I.", "S.E.N.C." or "S. A." collapse to one token before the
# dots become spaces; otherwise they would fall apart into meaningless single letters.
_DOTTED_INITIALS = re.compile(r"(?<!\w)(?:[^\W\d_]\. ?){1,}[^\W\d_](?:\.|(?!\w))")

# Trailing legal forms, as keys (folded, dots removed). "canada" is deliberately absent: "Pfizer
# Canada" and "Pfizer" are different legal entities and often different members.
LEGAL_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "incorporee", "incorpore",
        "ltee", "ltd", "limited", "limitee",
        "ulc", "sri", "senc", "sencrl", "sec", "srl", "sarl", "sas", "sa",
        "corp", "corporation", "co",
        "llc", "llp", "lp", "plc", "gmbh", "ag", "nv", "bv", "pty", "spa", "oy",
    }
)  # fmt: skip

# Leading articles; "l" is what remains of the elided "L'" once the apostrophe becomes a space.
_LEADING_ARTICLES = frozenset({"the", "le", "la", "les", "l"})

# "&", "and" and "et" are noise between the words of an organization's name.
_CONNECTORS = frozenset({"and", "et"})

# Particles that belong to the family name ("Ludwig van Beethoven", "Jean de La Fontaine").
_NAME_PARTICLES = frozenset(
    {"de", "du", "des", "la", "le", "van", "von", "der", "den", "di", "da", "del", "della", "dos"}
)

_EMAIL_LOCAL = re.compile(r"^[^\s@<>()\[\],;:\"]+$")
# A domain: two labels or more, each of letters, digits and inner hyphens.
_LABEL = r"(?!-)[^\W_](?:[\w-]{0,61}[^\W_])?"
_DOMAIN = re.compile(rf"^{_LABEL}(?:\.{_LABEL})+$")


def fold(text: str) -> str:
    """Return ``text`` as a comparison key: no accents, case-folded, words separated by one space.

    Punctuation (including apostrophes and hyphens) separates words. The result is idempotent:
    ``fold(fold(x)) == fold(x)``.
    """
    return _NON_WORD.sub(" ", _fold_letters(text)).strip()


def _fold_letters(text: str) -> str:
    if text.isascii():  # no marks, nothing to decompose; casefold is lower (most names)
        return text.lower()
    # Marks go before casefolding (which turns some of them into letters: U+0345 -> "ι") and
    # after it (casefolding can produce new ones: "İ" -> "i̇").
    bare = unicodedata.normalize("NFKD", text).translate(_DROP_COMBINING)
    return unicodedata.normalize("NFKD", bare.casefold()).translate(_DROP_COMBINING)


def organization_key(name: str) -> str:
    """Return the matching key of an organization's name.

    Ignores accents, case, punctuation, dotted initials, trailing legal forms (Inc., Ltée, ULC,
    S.R.I., S.E.N.C., Corp., LLC, ...), a leading article (The, Le, La, Les, L') and the
    connectors "&", "and", "et". A name made only of such words keeps them rather than
    becoming empty.
    """
    collapsed = _DOTTED_INITIALS.sub(_join_initials, _fold_letters(name))
    words = _NON_WORD.sub(" ", collapsed).split()
    if not words:
        return ""
    core = [word for word in words if word not in _CONNECTORS] or words
    while len(core) > 1 and core[-1] in LEGAL_SUFFIXES:
        core.pop()
    while len(core) > 1 and core[0] in _LEADING_ARTICLES:
        core.pop(0)
    return " ".join(core)


def _join_initials(match: re.Match[str]) -> str:
    return " " + re.sub(r"[\s.]", "", match.group(0)) + " "


def person_key(first: str | None, last: str | None) -> str:
    """Return the matching key of a person: folded words of both names, in sorted order.

    Sorting makes "Tremblay Marie-Ève" and "Marie-Ève Tremblay" the same person key, since
    spreadsheets disagree on which column comes first.
    """
    words = fold(f"{first or ''} {last or ''}").split()
    return " ".join(sorted(words))


def split_full_name(name: str) -> tuple[str, str]:
    """Split a full name into (first, last), keeping the original spelling (NFC, single spaces).

    "Tremblay, Marie" puts the part before the comma last. Otherwise the last word is the family
    name, together with any particles before it ("Jean de La Fontaine" -> ("Jean", "de La
    Fontaine")). A single word is a first name.
    """
    text = " ".join(unicodedata.normalize("NFC", name).split())
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    words = text.split(" ") if text else []
    if len(words) < 2:
        return text, ""
    start = len(words) - 1
    while start > 1 and fold(words[start - 1]) in _NAME_PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


def normalize_email(email: str | None) -> str | None:
    """Return the address lower-cased and trimmed, or None if it does not look like an address.

    Accepts "Name <address>" and a "mailto:" prefix. Validation is deliberately light: one "@",
    a plausible local part, and a domain of at least two valid labels.
    """
    if not email:
        return None
    text = email.strip()
    if "<" in text and text.endswith(">"):
        text = text[text.rindex("<") + 1 : -1].strip()
    text = unicodedata.normalize("NFC", text).lower().removeprefix("mailto:")
    local, at, domain = text.rpartition("@")
    if not at or not _EMAIL_LOCAL.match(local):
        return None
    domain = domain.rstrip(".")
    if not _DOMAIN.match(domain):  # one pass, not a match per label
        return None
    if domain.rpartition(".")[2].isdigit():  # an IP address is no organization's domain
        return None
    return f"{local}@{domain}"


_EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def looks_like_email(text: str) -> bool:
    """Whether ``text`` has the shape of an email address (something@domain.tld)."""
    return bool(_EMAIL_SHAPE.match(text))


def email_domain(email: str | None) -> str | None:
    """Return the lower-cased domain of an email address, or None if the address is invalid."""
    address = normalize_email(email)
    return address.rpartition("@")[2] if address else None


def normalize_domain(domain: str) -> str | None:
    """Return a bare domain ("@McGill.CA." -> "mcgill.ca"), or None if it is not a domain."""
    address = normalize_email("x@" + domain.strip().lstrip("@"))
    return address.rpartition("@")[2] if address else None


def member_number_key(number: str | None) -> str | None:
    """Return the matching key of a member number: folded, separators removed.

    "BQ-00123" and "bq 00123" meet; a purely numeric number loses its leading zeros, since
    spreadsheets routinely drop them ("00123" -> "123").
    """
    if number is None:
        return None
    key = fold(number).replace(" ", "")
    if key.isdigit():
        key = key.lstrip("0") or "0"
    return key or None


def display_name(first: str | None, last: str | None) -> str:
    """A person's name as every screen, badge warning and receipt writes it: "First Last",
    with no stray space when one part is missing."""
    return " ".join(
        part for part in (" ".join((first or "").split()), " ".join((last or "").split())) if part
    )
