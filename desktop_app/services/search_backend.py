"""Asking each back end's search index for candidates (see ``desktop_app.db.search_index``).

Both back ends answer the same two questions: which registrations have, for every typed word,
a word beginning with it (``word_candidates``); and, when none do, which have words within a
small typo of the typed ones (``typo_candidates``). Candidates come in a deterministic order
(registration id) so that the same query always ranks the same rows; ``search_rank`` orders
them for display.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from rapidfuzz import process
from rapidfuzz.distance import OSA
from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop_app.services.search_rank import SHORT_WORD, TYPO_MIN_LENGTH, Fields, Query

PG_TYPO_SIMILARITY = 0.3
"""pg_trgm word similarity from which a row is a candidate for a misspelled word."""
PG_TYPO_MIN_LENGTH = 5
"""On PostgreSQL, shorter words are not searched with typos (trigrams of four letters would
make most rows candidates)."""
MAX_CORRECTIONS = 40
"""Indexed words tried in place of one misspelled word (the closest ones)."""


@dataclass(frozen=True)
class Candidate:
    """A registration the index found, with the text to rank it by."""

    registration_id: int
    fields: Fields
    status: str
    score: float = 0.0

    def scored(self, value: float) -> Candidate:
        """This candidate with its score."""
        return replace(self, score=value)


class SearchIndex(Protocol):
    """What the search service asks a back end's index."""

    def word_candidates(
        self, session: Session, event_id: int, query: Query, cap: int
    ) -> list[Candidate]:
        """Rows with a word starting with each typed word (those matching whole words first)."""
        ...

    def typo_candidates(
        self, session: Session, event_id: int, query: Query, cap: int
    ) -> list[Candidate]:
        """Rows whose words are each a small typo away from (or begin with) a typed word."""
        ...


def for_session(session: Session) -> SearchIndex:
    """The index of the session's back end."""
    if session.get_bind().dialect.name == "postgresql":
        return POSTGRESQL
    return SQLITE


def _candidates(session: Session, statement: str, params: dict[str, Any]) -> list[Candidate]:
    return [
        Candidate(
            int(row[0]), Fields(row[1], row[2], row[3] or None, row[4] or None, row[5]), row[6]
        )
        for row in session.execute(text(statement), params)
    ]


def _merge(*lists: Sequence[Candidate]) -> list[Candidate]:
    seen: set[int] = set()
    merged = []
    for candidates in lists:
        for candidate in candidates:
            if candidate.registration_id not in seen:
                seen.add(candidate.registration_id)
                merged.append(candidate)
    return merged


def index_form(word: str) -> str:
    """A word as the FTS5 ``unicode61 remove_diacritics`` tokenizer stores it.

    Unlike ``fold``, letters without a decomposition stay ("þ", "ø", "ß"): the vocabulary has
    them that way.
    """
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _allowed_edits(word: str) -> int:
    return 1 if len(word) < SHORT_WORD else 2


class SqliteIndex:
    """FTS5: ``"word"*`` prefix queries; typos corrected against the index's vocabulary."""

    _SELECT = (
        "SELECT s.rowid, s.first_name, s.last_name, s.organization, s.email, s.code, r.status"
        " FROM registration_search AS s JOIN registrations AS r ON r.id = s.rowid"
        " WHERE registration_search MATCH :match AND s.event_id = :event LIMIT :cap"
    )

    def word_candidates(
        self, session: Session, event_id: int, query: Query, cap: int
    ) -> list[Candidate]:
        """Prefix matches in rowid order; whole-word matches first when there are too many."""
        if not query.raw_words:
            return []
        params = {"event": event_id, "cap": cap}
        prefix = " ".join(f'"{w}"*' for w in query.raw_words)
        found = _candidates(session, self._SELECT, {**params, "match": prefix})
        if len(found) < cap:
            return found
        whole = " ".join(f'"{w}"' for w in query.raw_words)
        return _merge(_candidates(session, self._SELECT, {**params, "match": whole}), found)

    def typo_candidates(
        self, session: Session, event_id: int, query: Query, cap: int
    ) -> list[Candidate]:
        """Each long typed word may also be any indexed word a small typo away."""
        groups = []
        for word in (index_form(w) for w in query.raw_words):
            options = [f'"{word}"*']
            if len(word) >= TYPO_MIN_LENGTH:
                options += [f'"{term}"' for term in self._corrections(session, word)]
            groups.append("(" + " OR ".join(options) + ")")
        if not groups:
            return []
        match = " AND ".join(groups)
        return _candidates(session, self._SELECT, {"event": event_id, "cap": cap, "match": match})

    def _corrections(self, session: Session, word: str) -> list[str]:
        # A typo past the first letter keeps the first letter: that slice of the vocabulary is
        # small (a few thousand words at 100,000 registrations) and scored in C. Only if it
        # offers nothing, the words starting with the second letter (first two swapped, or an
        # extra first letter).
        for first in dict.fromkeys(word[:2]):
            terms = list(
                session.scalars(
                    text(
                        "SELECT term FROM registration_search_vocabulary"
                        " WHERE term >= :low AND term < :high"
                    ),
                    {"low": first, "high": first + "\U0010ffff"},
                )
            )
            found = _close_words(word, terms)
            if found:
                return found
        return []


def _close_words(word: str, terms: list[str]) -> list[str]:
    """The terms within a small typo of ``word``, whole or (while it is typed) by beginning."""
    allowed = _allowed_edits(word)
    whole = process.extract(
        word, terms, scorer=OSA.distance, score_cutoff=allowed, limit=MAX_CORRECTIONS
    )
    beginnings = process.extract(
        word,
        [t[: len(word)] for t in terms],
        scorer=OSA.distance,
        score_cutoff=allowed,
        limit=MAX_CORRECTIONS,
    )
    found = {match for match, _, _ in whole}
    found.update(terms[index] for _, _, index in beginnings)
    return sorted(found)


class PostgresIndex:
    """pg_trgm: word-prefix ``LIKE`` on the normalised text; typos by word similarity."""

    _SELECT = (
        "SELECT r.id, p.first_name, p.last_name, p.organization_name, p.email, r.code, r.status"
        " FROM registration_search AS s JOIN registrations AS r ON r.id = s.registration_id"
        " JOIN people AS p ON p.id = r.person_id WHERE s.event_id = :event AND {where}"
        " ORDER BY {order} LIMIT :cap"
    )

    def word_candidates(
        self, session: Session, event_id: int, query: Query, cap: int
    ) -> list[Candidate]:
        """Prefix matches in id order; whole-word matches first when there are too many."""
        if not query.words:
            return []
        params: dict[str, Any] = {"event": event_id, "cap": cap}
        whole, prefix = [], []
        for i, word in enumerate(query.words):
            params[f"w{i}"] = f"% {_like_escape(word)} %"
            params[f"p{i}"] = f"% {_like_escape(word)}%"
            whole.append(f"s.document LIKE :w{i}")
            prefix.append(f"s.document LIKE :p{i}")
        order = "s.registration_id"
        found = _candidates(session, self._select(" AND ".join(prefix), order), params)
        if len(found) < cap:
            return found
        return _merge(_candidates(session, self._select(" AND ".join(whole), order), params), found)

    def typo_candidates(
        self, session: Session, event_id: int, query: Query, cap: int
    ) -> list[Candidate]:
        """A typed word that begins no indexed word may be similar to a word of the row (``<%``).

        Words found as typed stay exact conditions, which keeps the trigram search narrow.
        """
        params: dict[str, Any] = {"event": event_id, "cap": cap}
        conditions, similarity = [], []
        for i, word in enumerate(query.words):
            params[f"w{i}"], params[f"p{i}"] = word, f"% {_like_escape(word)}%"
            if len(word) >= PG_TYPO_MIN_LENGTH and not self._begins_a_word(session, word):
                conditions.append(f":w{i} <% s.names")
                similarity.append(f"word_similarity(:w{i}, s.names)")
            else:
                conditions.append(f"s.document LIKE :p{i}")
        if not similarity:
            return []
        # One wrong letter in a six-letter name leaves it a word similarity of about 0.4, under
        # the default 0.6. Only unknown words get here, next to exact ones that keep the catch
        # narrow; Python then keeps real small typos only.
        session.execute(text(f"SET LOCAL pg_trgm.word_similarity_threshold = {PG_TYPO_SIMILARITY}"))
        # Filtering first (materialized) makes the planner use the trigram index: it takes word
        # similarity for cheap and would otherwise walk the primary key and test every row.
        statement = (
            "WITH found AS MATERIALIZED (SELECT s.registration_id,"
            f" {' + '.join(similarity)} AS similarity FROM registration_search AS s"
            f" WHERE s.event_id = :event AND {' AND '.join(conditions)})"
            " SELECT r.id, p.first_name, p.last_name, p.organization_name, p.email, r.code,"
            " r.status FROM found JOIN registrations AS r ON r.id = found.registration_id"
            " JOIN people AS p ON p.id = r.person_id"
            " ORDER BY found.similarity DESC, r.id LIMIT :cap"
        )
        return _candidates(session, statement, params)

    def _begins_a_word(self, session: Session, word: str) -> bool:
        statement = text("SELECT 1 FROM registration_search WHERE document LIKE :p LIMIT 1")
        return session.scalar(statement, {"p": f"% {_like_escape(word)}%"}) is not None

    def _select(self, where: str, order: str) -> str:
        return self._SELECT.format(where=where, order=order)


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


SQLITE = SqliteIndex()
POSTGRESQL = PostgresIndex()
