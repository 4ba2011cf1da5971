"""registration search on PostgreSQL: a table of words with btree prefix ranges, a vocabulary

Replaces the trigram indexes of 0003, which served short prefixes and misspelled words slowly.
SQLite (FTS5) is unchanged.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 06:00:00
"""

from collections.abc import Sequence

from alembic import op

from desktop_app.db import search_index

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What 0003 indexed the text with, put back by a downgrade.
_TRIGRAM_INDEXES = (
    "CREATE INDEX registration_search_document_trgm ON registration_search"
    " USING gin (document gin_trgm_ops)",
    "CREATE INDEX registration_search_names_trgm ON registration_search"
    " USING gin (names gin_trgm_ops)",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    # Creates the word and vocabulary tables with their trigger and fills them from the
    # registrations (rebuilding the whole index, whatever 0003 left).
    search_index.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for statement in search_index.POSTGRESQL_WORD_DROP:
        bind.exec_driver_sql(statement)
    bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for statement in _TRIGRAM_INDEXES:
        bind.exec_driver_sql(statement)
