"""registration search index: FTS5 on SQLite, pg_trgm and unaccent on PostgreSQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 02:00:00
"""

from collections.abc import Sequence

from alembic import op

from desktop_app.db import search_index

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Creates the index tables and their triggers, then indexes the registrations already there.
    search_index.install(op.get_bind())


def downgrade() -> None:
    search_index.drop(op.get_bind())
