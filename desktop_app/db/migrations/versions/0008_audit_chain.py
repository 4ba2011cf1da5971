"""audit log: each entry chained to the one before by its hash, and append-only

Existing entries are chained in id order, then triggers refuse UPDATE and DELETE.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 18:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desktop_app.db import audit_chain
from desktop_app.db.types import UTCDateTime

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("audit_entries", sa.Column("previous_hash", sa.String(64), nullable=True))
    op.add_column("audit_entries", sa.Column("hash", sa.String(64), nullable=True))
    bind = op.get_bind()
    entries = sa.table(
        "audit_entries",
        sa.column("id", sa.Integer),
        sa.column("at", UTCDateTime()),
        sa.column("desk", sa.String),
        sa.column("staff", sa.String),
        sa.column("action", sa.String),
        sa.column("subject", sa.String),
        sa.column("detail", sa.JSON),
        sa.column("previous_hash", sa.String),
        sa.column("hash", sa.String),
    )
    previous = audit_chain.GENESIS
    links = []
    for row in bind.execute(
        sa.select(
            entries.c.id,
            entries.c.at,
            entries.c.desk,
            entries.c.staff,
            entries.c.action,
            entries.c.subject,
            entries.c.detail,
        ).order_by(entries.c.id)
    ):
        digest = audit_chain.entry_hash(
            previous, row.at, row.desk, row.staff, row.action, row.subject, row.detail
        )
        links.append({"row_id": row.id, "before": previous, "digest": digest})
        previous = digest
    if links:
        bind.execute(
            entries.update()
            .where(entries.c.id == sa.bindparam("row_id"))
            .values(previous_hash=sa.bindparam("before"), hash=sa.bindparam("digest")),
            links,
        )
    audit_chain.install(bind)


def downgrade() -> None:
    for statement in audit_chain.DROP_STATEMENTS.get(op.get_bind().dialect.name, ()):
        op.execute(statement)
    op.drop_column("audit_entries", "hash")
    op.drop_column("audit_entries", "previous_hash")
