"""Asking each back end's search index for candidates (see ``desktop_app.db.search_index``).

Both back ends answer the same two questions: which registrations have, for every typed word,
a word beginning with it (``word_candidates``); and, when none do, which have words within a
small typo of the typed ones (``typo_candidates``). Candidates come in a deterministic order
(registration id) so that the same query always ranks the same rows; ``search_rank`` orders
them for display.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple, Protocol

from rapidfuzz import process
from rapidfuzz.distance import OSA
from sqlalchemy import BindParameter, Connection, Dialect, String, bindparam, text
from sqlalchemy.orm import Session

from desktop_app.db.types import Money, UTCDateTime
from desktop_app.services.desk.search.rank import SHORT_WORD, TYPO_MIN_LENGTH, Fields, Query

COMMON_ROWS = 5000
"""On PostgreSQL, a typed word with this many indexed words beginning with it is common: when
every typed word is, registrations are walked in id order rather than read word by word."""
MAX_CORRECTIONS = 40
"""Indexed words tried in place of one misspelled word (the closest ones)."""


class Candidate(NamedTuple):
    """A registration the index found, with the text to rank it by and what a hit shows.

    A named tuple: a hundred are built per keystroke (a frozen dataclass's ``__init__`` cost
    more than the query).
    """

    registration_id: int
    fields: Fields
    status: str
    score: float = 0.0
    details: tuple[Any, ...] = ()
    """``DETAILS``' columns, read by the same statement as the candidate (issue #16)."""

    def scored(self, value: float) -> Candidate:
        """This candidate with its score."""
        return Candidate(self.registration_id, self.fields, self.status, value, self.details)


def details_columns(marking: str) -> str:
    """Everything a hit shows, for the registration ``r`` and person ``p``, as SQL columns.

    ``marking`` reads the verdict's marking in SQL (``json_extract`` on SQLite, ``->>`` on
    PostgreSQL): decoding each candidate's whole verdict JSON in Python cost more than the
    rest of the query.
    """
    return (
        "r.id, r.code, p.first_name, p.last_name, p.organization_name, p.email,"
        " c.code, c.name_fr, c.name_en, r.status, ci.checked_in_at AS checked_in_at,"
        f" {marking}, r.membership_flag, r.amount_due AS amount_due,"
        " r.amount_paid AS amount_paid"
    )


DETAILS_JOINS = (
    " JOIN people AS p ON p.id = r.person_id"
    " JOIN price_categories AS c ON c.id = r.category_id"
    # The latest entrance check-in only: a multi-day event has one per day, and a session's
    # door is not the entrance (joining them all would list a person once per check-in).
    " LEFT JOIN check_ins AS ci ON ci.id = (SELECT max(c2.id) FROM check_ins AS c2"
    " WHERE c2.registration_id = r.id AND c2.undone_at IS NULL AND c2.session_id IS NULL)"
)
"""The joins ``details_columns`` needs, after ``registrations AS r``."""


@lru_cache(maxsize=8)
def _processors(dialect: Dialect) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """How the back end's raw check-in time and amounts become datetime and Decimal."""
    when = UTCDateTime().dialect_impl(dialect).result_processor(dialect, None)
    money = Money().dialect_impl(dialect).result_processor(dialect, None)
    assert when is not None and money is not None  # both types process their values
    return when, money


def typed_details(details: tuple[Any, ...], dialect: Dialect) -> tuple[Any, ...]:
    """A candidate's details as the ORM would type them (only for the hits shown: cheaper)."""
    when, money = _processors(dialect)
    return (
        *details[:10],
        when(details[10]),
        *details[11:13],
        money(details[13]),
        money(details[14]),
    )


SQLITE_MARKING = "json_extract(r.verdict, '$.marking')"
POSTGRESQL_MARKING = "(r.verdict ->> 'marking')"


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


def _candidates(rows: Iterable[Sequence[Any]]) -> list[Candidate]:
    """Candidates with their details, from rows of ``details_columns`` (values as stored)."""
    return [
        Candidate(
            row[0],
            Fields(row[2], row[3], row[4] or None, row[5] or None, row[1]),
            row[9],
            details=tuple(row),
        )
        for row in rows
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

    # Candidates and everything a hit shows in one statement; built once (SQLAlchemy then
    # finds it compiled in its cache, the sqlite3 module prepared in its own).
    _SELECT = (
        f"SELECT {details_columns(SQLITE_MARKING)}"
        " FROM (SELECT rowid AS id FROM registration_search"
        " WHERE registration_search MATCH :match AND event_id = :event LIMIT :cap) AS f"
        f" JOIN registrations AS r ON r.id = f.id{DETAILS_JOINS}"
    )

    def _fetch(self, session: Session, params: dict[str, Any]) -> list[Candidate]:
        # The sqlite3 module's own cursor, on the session's connection and transaction: it
        # prepares the statement once (its statement cache) and hands rows over in C, where
        # SQLAlchemy's result rows cost more than the query. Values are typed for the hits
        # shown only (``typed_details``).
        driver = session.connection().connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        return _candidates(driver.execute(self._SELECT, params).fetchall())

    def word_candidates(
        self, session: Session, event_id: int, query: Query, cap: int
    ) -> list[Candidate]:
        """Prefix matches in rowid order; whole-word matches first when there are too many."""
        if not query.raw_words:
            return []
        params = {"event": event_id, "cap": cap}
        prefix = " ".join(f'"{w}"*' for w in query.raw_words)
        found = self._fetch(session, {**params, "match": prefix})
        if len(found) < cap:
            return found
        whole = " ".join(f'"{w}"' for w in query.raw_words)
        return _merge(self._fetch(session, {**params, "match": whole}), found)

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
        return self._fetch(session, {"event": event_id, "cap": cap, "match": match})

    def _corrections(self, session: Session, word: str) -> list[str]:
        # A typo past the first letter keeps the first letter: that slice of the vocabulary is
        # small (a few thousand words at 100,000 registrations) and scored in C. Only if it
        # offers nothing, the words starting with the second letter (first two swapped, or an
        # extra first letter).
        connection = session.connection()
        for first in dict.fromkeys(word[:2]):
            found = _close_words(word, _vocabulary_slice(connection, first))
            if found:
                return found
        return []


_VOCABULARY = text(
    "SELECT term FROM registration_search_vocabulary WHERE term >= :low AND term < :high"
)
_SLICES = "passerelle.search_vocabulary"
"""Key of the vocabulary slices kept with each SQLite connection (``Connection.info``)."""


def _vocabulary_slice(connection: Connection, first: str) -> list[str]:
    """The index's words starting with ``first``, read once per connection and kept.

    FTS5's vocabulary table walks posting lists: 12–24 ms for one letter at 100,000
    registrations, on every misspelled keystroke. The slices are kept with the connection
    and thrown away when the database may have changed: ``PRAGMA data_version`` moves when
    another connection commits, ``total_changes()`` when this one writes.
    """
    version = tuple(
        connection.exec_driver_sql(
            "SELECT total_changes(), data_version FROM pragma_data_version"
        ).one()
    )
    kept = connection.info.get(_SLICES)
    if kept is None or kept[0] != version:
        kept = (version, {})
        connection.info[_SLICES] = kept
    slices: dict[str, list[str]] = kept[1]
    terms = slices.get(first)
    if terms is None:
        terms = list(
            connection.execute(_VOCABULARY, {"low": first, "high": first + "\U0010ffff"}).scalars()
        )
        slices[first] = terms
    return terms


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
    """A table of words (``registration_search_word``): btree prefix ranges, one per typed word.

    The longest typed word drives the search (the fewest rows); each other word is one probe
    of the registration's own words. Typos are corrected against the vocabulary table, as on
    SQLite.
    """

    def word_candidates(
        self, session: Session, event_id: int, query: Query, cap: int
    ) -> list[Candidate]:
        """Prefix matches in id order; whole-word matches first when there are too many."""
        if not query.words:
            return []
        prefix = [_Group(word, prefix=True) for word in query.words]
        found = self._search(session, event_id, prefix, cap)
        if len(found) < cap:
            return found
        whole = [_Group(word, prefix=False) for word in query.words]
        return _merge(self._search(session, event_id, whole, cap), found)

    def typo_candidates(
        self, session: Session, event_id: int, query: Query, cap: int
    ) -> list[Candidate]:
        """Each long typed word may also be any indexed word a small typo away."""
        groups = []
        for word in query.words:
            corrections: tuple[str, ...] = ()
            if len(word) >= TYPO_MIN_LENGTH:
                corrections = tuple(self._corrections(session, word))
            groups.append(_Group(word, prefix=True, corrections=corrections))
        if not any(group.corrections for group in groups):
            return []
        return self._search(session, event_id, groups, cap)

    def _corrections(self, session: Session, word: str) -> list[str]:
        # As on SQLite: the vocabulary's words with the same first letter, then (if none is
        # close) with the second letter, scored in C.
        for first in dict.fromkeys(word[:2]):
            terms = list(
                session.scalars(
                    text(
                        "SELECT word FROM registration_search_vocabulary"
                        " WHERE word >= :low AND word < :high"
                    ),
                    {"low": first, "high": first + "\U0010ffff"},
                )
            )
            found = _close_words(word, terms)
            if found:
                return found
        return []

    def _search(
        self, session: Session, event_id: int, groups: Sequence[_Group], cap: int
    ) -> list[Candidate]:
        """Registrations having, for every group, a word that answers it (lowest ids first).

        With several groups, first how many rows each has (up to ``COMMON_ROWS``): the rare
        groups are read whole and intersected, the common ones are probes of each such
        registration's words. When every group is common (short prefixes), a stretch of the
        registrations is walked in id order, all groups intersected if too few answer there.
        """
        params: dict[str, Any] = {"event": event_id, "cap": cap, "common": COMMON_ROWS}
        binds = []
        for i, group in enumerate(groups):
            params.update(group.params(i))
            binds.extend(group.binds(i))
        if len(groups) == 1:
            # One range: the planner knows from the statistics whether to read it or walk.
            found = f"SELECT DISTINCT d.registration_id FROM {groups[0].rows(0)} AS d"
        else:
            counts = session.execute(
                text(
                    "SELECT "
                    + ", ".join(
                        f"(SELECT count(*) FROM (SELECT 1 FROM {group.rows(i)} AS g"
                        f" LIMIT :common) AS c{i})"
                        for i, group in enumerate(groups)
                    )
                ).bindparams(*binds),
                params,
            ).one()
            if not all(counts):
                return []
            few = [i for i, count in enumerate(counts) if count < COMMON_ROWS]
            probes = "".join(
                f" CROSS JOIN LATERAL (SELECT 1 FROM registration_search_word AS x{i}"
                f" WHERE x{i}.registration_id = d.registration_id"
                f" AND {group.condition(f'x{i}', i)} LIMIT 1) AS y{i}"
                for i, group in enumerate(groups)
                if i not in few and (few or i)
            )
            if few:
                # Read whole and intersected (hashed: cheaper than probing row by row); the
                # CTE keeps the planner from walking the whole index in id order in the hope
                # of reaching ``cap`` early.
                found = self._intersection(groups, few) + probes
            else:
                # Every word is common: the first registrations in id order nearly always
                # answer, so walk a bounded stretch of them. If ``cap`` answer there, they are
                # the first ``cap`` of all; else (a rare combination) intersect every group.
                walk = (
                    "SELECT DISTINCT d.registration_id FROM (SELECT registration_id FROM"
                    f" {groups[0].rows(0)} AS w ORDER BY registration_id LIMIT {COMMON_ROWS})"
                    f" AS d{probes}"
                )
                candidates = self._fetch(session, walk, binds, params)
                if len(candidates) >= cap:
                    return candidates
                found = self._intersection(groups, range(len(groups)))
        return self._fetch(session, found, binds, params)

    def _intersection(self, groups: Sequence[_Group], which: Iterable[int]) -> str:
        rows = " INTERSECT ".join(
            f"SELECT registration_id FROM {groups[i].rows(i)} AS g{i}" for i in which
        )
        return f"WITH d AS MATERIALIZED ({rows}) SELECT d.registration_id FROM d"

    def _fetch(
        self,
        session: Session,
        found: str,
        binds: Sequence[BindParameter[Any]],
        params: dict[str, Any],
    ) -> list[Candidate]:
        """The first ``cap`` registrations ``found`` gives, in id order, with their fields."""
        # Only the select list changed for issue #16: the details a hit shows come with the
        # candidates (the joins are those the separate details query made).
        statement = (
            f"WITH found AS ({found} ORDER BY d.registration_id LIMIT :cap)"
            f" SELECT {details_columns(POSTGRESQL_MARKING)}"
            " FROM found JOIN registrations AS r ON r.id = found.registration_id"
            f"{DETAILS_JOINS} ORDER BY r.id"
        )
        rows = session.connection().execute(text(statement).bindparams(*binds), params)
        return _candidates(rows)


@dataclass(frozen=True)
class _Group:
    """One typed word as a condition on a registration's words."""

    word: str
    prefix: bool
    corrections: tuple[str, ...] = ()

    def params(self, i: int) -> dict[str, Any]:
        """The values of this group's parameters (``w<i>``, ``c<i>``)."""
        values: dict[str, Any] = {
            f"w{i}": _like_escape(self.word) + "%" if self.prefix else self.word
        }
        if self.corrections:
            values[f"c{i}"] = list(self.corrections)
        return values

    def binds(self, i: int) -> list[BindParameter[Any]]:
        """This group's parameters, written into the statement (never a generic plan).

        A prepared statement's generic plan cannot see the prefix, so it cannot turn it into
        a btree range; psycopg prepares a statement run five times.
        """
        binds = [bindparam(f"w{i}", type_=String(), literal_execute=True)]
        if self.corrections:
            binds.append(bindparam(f"c{i}", type_=String(), expanding=True, literal_execute=True))
        return binds

    def rows(self, i: int) -> str:
        """The event's words answering this group, as a table (one btree range per part)."""
        match = f"word LIKE :w{i}" if self.prefix else f"word = :w{i}"
        rows = "SELECT registration_id FROM registration_search_word WHERE event_id = :event AND"
        if not self.corrections:
            return f"({rows} {match})"
        return f"({rows} {match} UNION ALL {rows} word IN :c{i})"

    def condition(self, alias: str, i: int) -> str:
        """The group as a condition on the word ``alias``."""
        match = f"{alias}.word LIKE :w{i}" if self.prefix else f"{alias}.word = :w{i}"
        if self.corrections:
            return f"({match} OR {alias}.word IN :c{i})"
        return match


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


SQLITE = SqliteIndex()
POSTGRESQL = PostgresIndex()
