"""consent: the purposes an event asks consent for, and where each answer was taken

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 18:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("consents") as batch:
        batch.add_column(sa.Column("event_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("source", sa.String(16), nullable=True))
        batch.add_column(sa.Column("desk", sa.String(80), nullable=True))
        batch.add_column(sa.Column("staff", sa.String(120), nullable=True))
        batch.create_foreign_key(
            op.f("fk_consents_event_id_events"), "events", ["event_id"], ["id"]
        )
    op.create_table(
        "consent_purposes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("wording_fr", sa.Text(), nullable=False),
        sa.Column("wording_en", sa.Text(), nullable=False),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("badge_mark", sa.String(40), nullable=True),
        sa.Column("label_fr", sa.String(40), nullable=True),
        sa.Column("label_en", sa.String(40), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_consent_purposes_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_purposes")),
        sa.UniqueConstraint("event_id", "code", name=op.f("uq_consent_purposes_event_id")),
    )


def downgrade() -> None:
    op.drop_table("consent_purposes")
    with op.batch_alter_table("consents") as batch:
        batch.drop_constraint(op.f("fk_consents_event_id_events"), type_="foreignkey")
        for column in ("staff", "desk", "source", "event_id"):
            batch.drop_column(column)
