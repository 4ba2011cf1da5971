"""Ranking search candidates: how well a registration's words answer what was typed.

The database index finds candidates quickly (see ``desktop_app.db.search_index``); this module
orders them the same way on both back ends. Every word typed must answer one of the row's
words: exactly, as its beginning, inside it (three letters or more) or, from four letters on,
with a small typo. Names weigh more than the code, the organization and the email.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import OSA

from desktop_app.domain.names import fold

TYPO_MIN_LENGTH = 4
"""Shorter words must be typed right: "jon" is not a typo of "ann"."""
SHORT_WORD = 8
"""Words shorter than this forgive one wrong, missing, extra or swapped letter; longer, two."""

EXACT_EMAIL_BONUS = 5.0
WHOLE_FIELD_BONUS = 0.25
NAME_WEIGHT = 1.0
CODE_WEIGHT = 0.9
ORGANIZATION_WEIGHT = 0.8
EMAIL_WEIGHT = 0.7

_RAW_WORD = re.compile(r"[^\W_]+")
_ASCII_SEPARATORS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Query:
    """What was typed: the words the index gets, and the folded words we rank with."""

    text: str
    raw_words: tuple[str, ...]
    words: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Query:
        """Split a typed query into words (accents kept for the index, folded for ranking)."""
        normal = unicodedata.normalize("NFC", text).strip()
        raw = tuple(_RAW_WORD.findall(normal))
        return cls(text=normal, raw_words=raw, words=tuple(fold(normal).split()))

    @property
    def typo_words(self) -> tuple[str, ...]:
        """The words long enough to be searched with typos."""
        return tuple(w for w in self.words if len(w) >= TYPO_MIN_LENGTH)


class Fields(NamedTuple):
    """A registration's searchable text, as stored.

    A named tuple: built for every candidate and used as a cache key, where a frozen
    dataclass's Python ``__init__``, ``__hash__`` and ``__eq__`` cost more than the scoring.
    """

    first_name: str
    last_name: str
    organization: str | None
    email: str | None
    code: str

    def weighted_words(self) -> tuple[tuple[str, float, bool], ...]:
        """(folded word, weight, typo allowed) for every word of every field."""
        return _weighted_words(self)


@lru_cache(maxsize=8192)
def _weighted_words(fields: Fields) -> tuple[tuple[str, float, bool], ...]:
    # The same rows come back keystroke after keystroke: cached.
    words: list[tuple[str, float, bool]] = []
    for text, weight in (
        (fields.first_name, NAME_WEIGHT),
        (fields.last_name, NAME_WEIGHT),
        (fields.organization or "", ORGANIZATION_WEIGHT),
    ):
        words.extend((word, weight, True) for word in folded_words(text))
    for name in (fields.first_name, fields.last_name):
        parts = folded_words(name)
        if len(parts) > 1:  # "O'Brien" is also "obrien", "Marie-Ève" also "marieeve"
            words.append(("".join(parts), NAME_WEIGHT, True))
    words.extend((word, EMAIL_WEIGHT, True) for word in _plain_words(fields.email or ""))
    words.extend((word, CODE_WEIGHT, False) for word in _plain_words(fields.code))
    return tuple(words)


@lru_cache(maxsize=16384)
def folded_words(text: str) -> tuple[str, ...]:
    """The folded words of a name or organization (names repeat: cached)."""
    return tuple(fold(text).split())


def _plain_words(text: str) -> tuple[str, ...]:
    # Emails and codes are nearly always ASCII and unique: fold them cheaply, without caching.
    if text.isascii():
        return tuple(_ASCII_SEPARATORS.sub(" ", text.lower()).split())
    return tuple(fold(text).split())


def word_score(typed: str, word: str, typo_allowed: bool) -> float:
    """How well one typed word answers one stored word, from 0 (not at all) to 1 (exactly).

    Typos count only where ``typo_allowed`` (not in codes, nor when exact words were found).
    """
    if word.startswith(typed):
        # Shorter completions first: "lar" is closer to "larose" than to "larochelle".
        return 1.0 if len(word) == len(typed) else 0.8 + 0.15 * len(typed) / len(word)
    if len(typed) >= 3 and typed in word:
        return 0.5
    if typo_allowed and len(typed) >= TYPO_MIN_LENGTH:
        allowed = 1 if len(typed) < SHORT_WORD else 2
        # The whole word, or its beginning when the rest has not been typed yet.
        edits = min(
            OSA.distance(typed, word, score_cutoff=allowed + 1),
            OSA.distance(typed, word[: len(typed)], score_cutoff=allowed + 1),
        )
        if edits <= allowed:
            return 0.7 - 0.1 * edits
    return 0.0


@lru_cache(maxsize=65536)
def best_score(typed: str, fields: Fields, typos: bool) -> float:
    """How well one typed word answers the row's best word (weighted).

    Cached: while a name is typed, every keystroke ranks mostly the same rows with the same
    words, only the last one growing.
    """
    best = 0.0
    length = len(typed)
    for word, weight, typo in fields.weighted_words():
        # word_score's two common answers inline (same arithmetic): a call per word was most
        # of the ranking's time.
        if word.startswith(typed):
            value = (1.0 if len(word) == length else 0.8 + 0.15 * length / len(word)) * weight
        elif length >= 3 and typed in word:
            value = 0.5 * weight
        elif typos and typo and length >= TYPO_MIN_LENGTH:
            value = word_score(typed, word, True) * weight
        else:
            continue
        if value > best:
            best = value
    return best


def score(query: Query, fields: Fields, *, typos: bool = True) -> float:
    """The row's score for the query: 0 when some typed word answers nothing."""
    total = 0.0
    for typed in query.words:
        best = best_score(typed, fields, typos)
        if best <= 0.0:
            return 0.0
        total += best
    if " ".join(query.words) in _whole_forms(fields):
        total += WHOLE_FIELD_BONUS  # "Synapsanté" before "Les Entreprises Synapsanté ltée"
    if "@" in query.text and fields.email and fields.email.lower() == query.text.lower():
        total += EXACT_EMAIL_BONUS  # the very address typed: before people merely named alike
    return total


@lru_cache(maxsize=8192)
def _whole_forms(fields: Fields) -> frozenset[str]:
    """The whole name either way round and the whole organization, folded."""
    first, last = (
        " ".join(folded_words(fields.first_name)),
        " ".join(folded_words(fields.last_name)),
    )
    forms = {f"{first} {last}", f"{last} {first}"}
    if fields.organization:
        forms.add(" ".join(folded_words(fields.organization)))
    return frozenset(forms)


def sort_key(fields: Fields) -> tuple[str, str, str]:
    """Alphabetical order among equal scores: last name, first name, code."""
    return (
        " ".join(folded_words(fields.last_name)),
        " ".join(folded_words(fields.first_name)),
        fields.code,
    )
