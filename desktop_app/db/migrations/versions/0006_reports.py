"""reports: the entitling membership of each registration, and desk closings

``registrations.entitled_by`` ('bioquebec', 'lso', 'both', 'none') is read from the stored
verdict so reports count it in SQL; existing rows are filled from their verdicts.
``desk_closings`` keeps each desk's end-of-day closing: stored once, never changed.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desktop_app.db import immutability
from desktop_app.db.types import Money, UTCDateTime
from desktop_app.domain.stored_verdict import entitlement_of

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite can add one with a constant default): copying the table, as
    # a batch operation would, breaks the search index's triggers on it.
    op.add_column(
        "registrations",
        sa.Column("entitled_by", sa.String(16), nullable=False, server_default="none"),
    )
    bind = op.get_bind()
    registrations = sa.table(
        "registrations",
        sa.column("id", sa.Integer),
        sa.column("verdict", sa.JSON),
        sa.column("entitled_by", sa.String),
    )
    rows = bind.execute(
        sa.select(registrations.c.id, registrations.c.verdict).where(
            registrations.c.verdict.is_not(None)
        )
    ).all()
    changes = [
        {"row_id": row_id, "value": entitlement_of(verdict)}
        for row_id, verdict in rows
        if entitlement_of(verdict) != "none"
    ]
    if changes:
        bind.execute(
            registrations.update()
            .where(registrations.c.id == sa.bindparam("row_id"))
            .values(entitled_by=sa.bindparam("value")),
            changes,
        )

    op.create_table(
        "desk_closings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("desk", sa.String(80), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("opened_at", UTCDateTime(), nullable=True),
        sa.Column("closed_at", UTCDateTime(), nullable=False),
        sa.Column("staff", sa.String(120), nullable=False),
        sa.Column("opening_float", Money(), nullable=False),
        sa.Column("expected_cash", Money(), nullable=False),
        sa.Column("counted_cash", Money(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_desk_closings_event_id_events")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_closings")),
        sa.UniqueConstraint("event_id", "desk", "number", name=op.f("uq_desk_closings_event_id")),
        sa.CheckConstraint("number >= 1", name=op.f("ck_desk_closings_number")),
    )
    immutability.install_closings(op.get_bind())


def downgrade() -> None:
    for statement in immutability.CLOSING_DROP_STATEMENTS.get(op.get_bind().dialect.name, ()):
        op.execute(statement)
    op.drop_table("desk_closings")
    op.drop_column("registrations", "entitled_by")
