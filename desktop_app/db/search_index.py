"""The registration search index, kept by the database itself on both back ends.

SQLite: an FTS5 table ``registration_search`` whose rowid is the registration id tokenizes
words (``unicode61 remove_diacritics 2``, with prefix indexes for 1 to 3 letters) over first
and last name, organization, email (split at ``.`` and ``@`` into words) and code; it answers
"benoit lar", "LAROSE B", a company, an email or the start of a code. Its ``fts5vocab`` twin
``registration_search_vocabulary`` lists every distinct word, so a misspelled word
("lachanse") can be corrected against the words actually indexed. PostgreSQL:
``registration_search`` holds a normalised text (``unaccent``, lower case, punctuation as
spaces); a trigger on it splits the text into ``registration_search_word`` (one row per word
of a registration, btree-indexed by event and word, so a typed prefix is a range) and adds
new words to ``registration_search_vocabulary``, the twin of SQLite's.

Triggers on ``registrations`` and ``people`` keep the index in step with every writer (imports,
demo data, walk-ins, edits, substitutions), so no Python code has to remember to update it.
Fresh databases get all this through ``attach`` (create_all), older ones through migrations
0003 and (the word table, on PostgreSQL) 0005.
A later migration that rebuilds ``registrations`` or ``people`` in SQLite batch mode drops
their triggers with the old table: it must call ``install`` again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, MetaData, event, inspect

INDEX_TABLE = "registration_search"
"""The index's table; its FTS5 shadow tables and vocabulary table start with this name too."""

# --- SQLite -------------------------------------------------------------------------------

_WORD_COLUMNS = "first_name, last_name, organization, email, code, compact, event_id"


# Letters the tokenizer keeps as they are but people type otherwise ("Þórsdóttir" as
# "thorsdottir", "Øster" as "oster", "Straße" as "strasse"), as in ``domain.names.fold``.
_SQLITE_LETTERS = (
    ("Þ", "Th"), ("þ", "th"), ("Ø", "O"), ("ø", "o"), ("Ł", "L"), ("ł", "l"), ("Đ", "D"),
    ("đ", "d"), ("Ħ", "H"), ("ħ", "h"), ("ı", "i"), ("Æ", "Ae"), ("æ", "ae"), ("Œ", "Oe"),
    ("œ", "oe"), ("ß", "ss"),
)  # fmt: skip


def _sqlite_compact(column: str) -> str:
    """A name without apostrophes, hyphens, dots and spaces ("O'Brien" -> "OBrien"), and with
    the letters above spelled out."""
    for mark in ("-", "''", "\u2019", " ", "."):
        column = f"replace({column}, '{mark}', '')"
    for letter, spelled in _SQLITE_LETTERS:
        column = f"replace({column}, '{letter}', '{spelled}')"
    return column


def _sqlite_fill(source: str, person: str, registration: str, where: str) -> str:
    """INSERT ... SELECT indexing the registrations that ``source`` and ``where`` give.

    ``person`` and ``registration`` name the person and registration rows (``NEW`` inside a
    trigger).
    """
    p, r = person, registration
    compact = f"{_sqlite_compact(p + '.first_name')} || ' ' || {_sqlite_compact(p + '.last_name')}"
    return (
        f"INSERT INTO registration_search(rowid, {_WORD_COLUMNS})"
        f" SELECT {r}.id, {p}.first_name, {p}.last_name, coalesce({p}.organization_name, ''),"
        f" coalesce({p}.email, ''), {r}.code, {compact}, {r}.event_id FROM {source} WHERE {where}"
    )


_SQLITE_FILL_ALL = _sqlite_fill(
    "registrations AS r JOIN people AS p ON p.id = r.person_id", "p", "r", "1"
)


def _sqlite_statements() -> tuple[str, ...]:
    on_registration = _sqlite_fill("people AS p", "p", "NEW", "p.id = NEW.person_id")
    on_person = _sqlite_fill("registrations AS r", "NEW", "r", "r.person_id = NEW.id")
    return (
        "CREATE VIRTUAL TABLE registration_search USING fts5(first_name, last_name,"
        " organization, email, code, compact, event_id UNINDEXED,"
        " tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
        # Every distinct word of the index, for typo correction ("lachanse" -> "lachance").
        "CREATE VIRTUAL TABLE registration_search_vocabulary"
        " USING fts5vocab(registration_search, 'row')",
        "CREATE TRIGGER registration_search_insert AFTER INSERT ON registrations"
        f" BEGIN {on_registration}; END",
        "CREATE TRIGGER registration_search_update AFTER UPDATE OF person_id, code, event_id"
        " ON registrations BEGIN DELETE FROM registration_search WHERE rowid = OLD.id;"
        f" {on_registration}; END",
        "CREATE TRIGGER registration_search_delete AFTER DELETE ON registrations"
        " BEGIN DELETE FROM registration_search WHERE rowid = OLD.id; END",
        "CREATE TRIGGER registration_search_person AFTER UPDATE OF first_name, last_name,"
        " organization_name, email ON people BEGIN DELETE FROM registration_search WHERE rowid IN"
        f" (SELECT id FROM registrations WHERE person_id = NEW.id); {on_person}; END",
        _SQLITE_FILL_ALL,
    )


SQLITE_STATEMENTS = _sqlite_statements()
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS registration_search_insert",
    "DROP TRIGGER IF EXISTS registration_search_update",
    "DROP TRIGGER IF EXISTS registration_search_delete",
    "DROP TRIGGER IF EXISTS registration_search_person",
    "DROP TABLE IF EXISTS registration_search_vocabulary",
    "DROP TABLE IF EXISTS registration_search",
)
SQLITE_REBUILD = ("DELETE FROM registration_search", _SQLITE_FILL_ALL)

# --- PostgreSQL ---------------------------------------------------------------------------

_PG_FOLD = (
    "CREATE OR REPLACE FUNCTION passerelle_fold(value text) RETURNS text"
    " LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$"
    " SELECT btrim(regexp_replace(lower({schema}.unaccent('{schema}.unaccent'::regdictionary,"
    " value)), '[^[:alnum:]]+', ' ', 'g')) $$"
)
_PG_NAMES = (
    # Names (also without their inner spaces: "O'Brien" -> "obrien", "Marie-Ève" -> "marieeve")
    # and organization: what misspelled words are compared with.
    "CREATE OR REPLACE FUNCTION passerelle_search_names(first_name text, last_name text,"
    " organization text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$"
    " SELECT ' ' || concat_ws(' ', passerelle_fold(first_name), passerelle_fold(last_name),"
    " passerelle_fold(organization), replace(passerelle_fold(first_name), ' ', ''),"
    " replace(passerelle_fold(last_name), ' ', '')) || ' ' $$"
)
_PG_DOCUMENT = (
    # Everything a typed word may begin: the names, the email's words and the code.
    "CREATE OR REPLACE FUNCTION passerelle_search_document(first_name text, last_name text,"
    " organization text, email text, code text) RETURNS text"
    " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$"
    " SELECT passerelle_search_names(first_name, last_name, organization)"
    " || concat_ws(' ', passerelle_fold(email), passerelle_fold(code)) || ' ' $$"
)
_PG_VALUES = (
    "passerelle_search_names({p}.first_name, {p}.last_name, {p}.organization_name),"
    " passerelle_search_document({p}.first_name, {p}.last_name, {p}.organization_name,"
    " {p}.email, {r}.code)"
)
_PG_SYNC = f"""
CREATE OR REPLACE FUNCTION passerelle_registration_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'registrations' THEN
        INSERT INTO registration_search (registration_id, event_id, names, document)
        SELECT NEW.id, NEW.event_id, {_PG_VALUES.format(p="p", r="NEW")}
        FROM people AS p WHERE p.id = NEW.person_id
        ON CONFLICT (registration_id) DO UPDATE SET event_id = EXCLUDED.event_id,
            names = EXCLUDED.names, document = EXCLUDED.document;
    ELSE
        UPDATE registration_search AS s SET (names, document) = (
            SELECT {_PG_VALUES.format(p="NEW", r="r")})
        FROM registrations AS r
        WHERE r.person_id = NEW.id AND s.registration_id = r.id;
    END IF;
    RETURN NULL;
END $$
"""
_PG_WORDS_SYNC = """
CREATE OR REPLACE FUNCTION passerelle_search_words_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM registration_search_word WHERE registration_id = OLD.registration_id;
    END IF;
    INSERT INTO registration_search_word (registration_id, word, event_id)
    SELECT DISTINCT NEW.registration_id, w, NEW.event_id
    FROM regexp_split_to_table(btrim(NEW.document), ' +') AS w WHERE w <> '';
    INSERT INTO registration_search_vocabulary (word)
    SELECT DISTINCT w FROM regexp_split_to_table(btrim(NEW.document), ' +') AS w
    WHERE w <> '' AND w <> ALL (SELECT regexp_split_to_table(passerelle_fold(r.code), ' ')
                                FROM registrations AS r WHERE r.id = NEW.registration_id)
    ORDER BY w ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$
"""
WORD_TABLE = "registration_search_word"
VOCABULARY_TABLE = "registration_search_vocabulary"
# One row per distinct word of a registration's document: a btree over (event, word) answers
# a typed prefix with a range ("lar" <= word < "las"), the primary key probes one
# registration's words. The vocabulary (every word but those of codes) is what misspelled
# words are corrected to; it only grows (a stale word finds no registration) until a rebuild.
# Migration 0005 replaced the trigram indexes of 0003 with these.
POSTGRESQL_WORD_STATEMENTS = (
    f"CREATE TABLE {WORD_TABLE} ("
    " registration_id integer NOT NULL"
    " REFERENCES registration_search (registration_id) ON DELETE CASCADE,"
    ' word text COLLATE "C" NOT NULL, event_id integer NOT NULL,'
    " PRIMARY KEY (registration_id, word) INCLUDE (event_id))",
    f"CREATE INDEX registration_search_word_prefix ON {WORD_TABLE}"
    " (event_id, word, registration_id)",
    f'CREATE TABLE {VOCABULARY_TABLE} (word text COLLATE "C" PRIMARY KEY)',
    _PG_WORDS_SYNC,
    "CREATE TRIGGER registration_search_words AFTER INSERT OR UPDATE ON registration_search"
    " FOR EACH ROW EXECUTE FUNCTION passerelle_search_words_sync()",
)
POSTGRESQL_WORD_DROP = (
    f"DROP TABLE IF EXISTS {WORD_TABLE}",
    f"DROP TABLE IF EXISTS {VOCABULARY_TABLE}",
    "DROP TRIGGER IF EXISTS registration_search_words ON registration_search",
    "DROP FUNCTION IF EXISTS passerelle_search_words_sync()",
)
POSTGRESQL_STATEMENTS = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",  # (pg_trgm is no longer needed since 0005)
    _PG_FOLD,
    _PG_NAMES,
    _PG_DOCUMENT,
    "CREATE TABLE registration_search ("
    " registration_id integer PRIMARY KEY REFERENCES registrations (id) ON DELETE CASCADE,"
    " event_id integer NOT NULL, names text NOT NULL, document text NOT NULL)",
    _PG_SYNC,
    "CREATE TRIGGER registration_search_sync AFTER INSERT OR UPDATE OF person_id, code, event_id"
    " ON registrations FOR EACH ROW EXECUTE FUNCTION passerelle_registration_search_sync()",
    "CREATE TRIGGER registration_search_sync AFTER UPDATE OF first_name, last_name,"
    " organization_name, email ON people"
    " FOR EACH ROW EXECUTE FUNCTION passerelle_registration_search_sync()",
    *POSTGRESQL_WORD_STATEMENTS,
)
_PG_FILL = (
    "INSERT INTO registration_search (registration_id, event_id, names, document)"
    f" SELECT r.id, r.event_id, {_PG_VALUES.format(p='p', r='r')}"
    " FROM registrations AS r JOIN people AS p ON p.id = r.person_id"
)
POSTGRESQL_FILL_WORDS = (
    f"INSERT INTO {WORD_TABLE} (registration_id, word, event_id)"
    " SELECT DISTINCT s.registration_id, w, s.event_id FROM registration_search AS s,"
    " regexp_split_to_table(btrim(s.document), ' +') AS w WHERE w <> ''",
    f"INSERT INTO {VOCABULARY_TABLE} (word) SELECT w FROM registration_search AS s"
    " JOIN registrations AS r ON r.id = s.registration_id,"
    " regexp_split_to_table(btrim(s.document), ' +') AS w"
    " WHERE w <> '' AND w <> ALL (string_to_array(passerelle_fold(r.code), ' '))"
    " GROUP BY w",
    # Fresh statistics: the planner reads the word index by range or walks it by registration
    # according to how common a prefix is.
    f"ANALYZE {WORD_TABLE}",
)
POSTGRESQL_DROP = (
    "DROP TRIGGER IF EXISTS registration_search_sync ON registrations",
    "DROP TRIGGER IF EXISTS registration_search_sync ON people",
    *POSTGRESQL_WORD_DROP,
    "DROP TABLE IF EXISTS registration_search",
    "DROP FUNCTION IF EXISTS passerelle_registration_search_sync()",
    "DROP FUNCTION IF EXISTS passerelle_search_document(text, text, text, text, text)",
    "DROP FUNCTION IF EXISTS passerelle_search_names(text, text, text)",
    "DROP FUNCTION IF EXISTS passerelle_fold(text)",
)
POSTGRESQL_REBUILD = (
    # Set-based: the per-row word trigger would take several times as long.
    "ALTER TABLE registration_search DISABLE TRIGGER registration_search_words",
    f"DELETE FROM {WORD_TABLE}",
    f"DELETE FROM {VOCABULARY_TABLE}",
    "DELETE FROM registration_search",
    _PG_FILL,
    *POSTGRESQL_FILL_WORDS,
    "ALTER TABLE registration_search ENABLE TRIGGER registration_search_words",
)


def _unaccent_schema(connection: Connection) -> str:
    schema = connection.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
        " WHERE e.extname = 'unaccent'"
    ).scalar_one()
    return '"' + str(schema).replace('"', '""') + '"'


def install(connection: Connection) -> None:
    """Create the index, its triggers and (on PostgreSQL) the extensions it needs, then fill it.

    Idempotent: an existing index is dropped and rebuilt from the registrations.
    """
    drop(connection)
    dialect = connection.dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_STATEMENTS:
            connection.exec_driver_sql(statement)
    elif dialect == "postgresql":
        for statement in POSTGRESQL_STATEMENTS:
            if statement is _PG_FOLD:
                statement = statement.format(schema=_unaccent_schema(connection))
            connection.exec_driver_sql(statement)
        rebuild(connection)


def drop(connection: Connection) -> None:
    """Remove the index and its triggers (downgrade, or before a rebuild)."""
    dialect = connection.dialect.name
    statements = SQLITE_DROP if dialect == "sqlite" else POSTGRESQL_DROP
    if dialect in ("sqlite", "postgresql"):
        for statement in statements:
            connection.exec_driver_sql(statement)


def rebuild(connection: Connection) -> None:
    """Re-index every registration from scratch (after a bulk load, or to repair)."""
    dialect = connection.dialect.name
    if dialect == "sqlite":
        statements: tuple[str, ...] = SQLITE_REBUILD
    elif dialect == "postgresql" and WORD_TABLE in inspect(connection).get_table_names():
        statements = POSTGRESQL_REBUILD
    elif dialect == "postgresql":  # still as migration 0003 made it (before 0005)
        statements = ("DELETE FROM registration_search", _PG_FILL)
    else:
        return
    for statement in statements:
        connection.exec_driver_sql(statement)


_SQLITE_TRIGGERS = tuple(s for s in SQLITE_STATEMENTS if s.startswith("CREATE TRIGGER"))
_PG_TRIGGER_TABLES = ("registrations", "people")


@contextmanager
def bulk_load(connection: Connection) -> Iterator[None]:
    """Insert many registrations fast: no trigger runs in the body, the index is rebuilt after.

    For bulk loads (demo data, a large import) inside one transaction: per-row triggers more
    than double the time of 100,000 inserts, a rebuild costs about a quarter of it. If the
    transaction fails, the triggers come back with the rollback. On PostgreSQL, rows other
    connections write meanwhile are indexed by the rebuild too, since it runs after the body.
    """
    if not is_installed(connection):  # a database from before the index (migration 0003)
        yield
        return
    dialect = connection.dialect.name
    if dialect == "sqlite":
        # Python's sqlite3 opens a transaction only before DML, so DDL first in a unit of
        # work would commit on its own: open the transaction here to keep DROP TRIGGER in it.
        if not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        for statement in SQLITE_DROP[:4]:  # the triggers only
            connection.exec_driver_sql(statement)
    elif dialect == "postgresql":
        for table in _PG_TRIGGER_TABLES:
            connection.exec_driver_sql(
                f"ALTER TABLE {table} DISABLE TRIGGER registration_search_sync"
            )
    yield
    if dialect == "sqlite":
        for statement in _SQLITE_TRIGGERS:
            connection.exec_driver_sql(statement)
    elif dialect == "postgresql":
        for table in _PG_TRIGGER_TABLES:
            connection.exec_driver_sql(
                f"ALTER TABLE {table} ENABLE TRIGGER registration_search_sync"
            )
    rebuild(connection)


def is_installed(connection: Connection) -> bool:
    """Whether this database has the search index (it does from migration 0003 on)."""
    return INDEX_TABLE in inspect(connection).get_table_names()


def is_index_table(name: str | None) -> bool:
    """Whether a table belongs to the search index (not modelled: the database keeps it)."""
    return name is not None and name.startswith(INDEX_TABLE)


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic ``include_object`` hook: leave the index's tables out of schema comparison."""
    del obj, reflected, compare_to
    if type_ == "table":
        return not is_index_table(name)
    return True


def _after_create(target: MetaData, connection: Connection, **_: Any) -> None:
    install(connection)


def _before_drop(target: MetaData, connection: Connection, **_: Any) -> None:
    drop(connection)


def attach(metadata: MetaData) -> None:
    """Create the index whenever ``metadata.create_all`` makes a fresh schema."""
    event.listen(metadata, "after_create", _after_create)
    event.listen(metadata, "before_drop", _before_drop)
