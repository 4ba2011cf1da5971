"""leads: exhibitors from the event file, their lead-station accounts, and the leads they scan

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 20:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desktop_app.db.types import UTCDateTime

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("staff_accounts") as batch:
        batch.add_column(sa.Column("exhibitor_code", sa.String(64), nullable=True))
        batch.drop_constraint(op.f("ck_staff_accounts_role"), type_="check")
        batch.create_check_constraint(
            op.f("ck_staff_accounts_role"), "role IN ('desk', 'supervisor', 'exhibitor')"
        )
    op.create_table(
        "exhibitors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("association", sa.String(16), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_exhibitors_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exhibitors")),
        sa.UniqueConstraint("event_id", "code", name=op.f("uq_exhibitors_event_id")),
    )
    op.create_table(
        "leads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("exhibitor_id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("scanned_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("desk", sa.String(80), nullable=True),
        sa.Column("staff", sa.String(120), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("action_id", sa.String(64), nullable=False),
        sa.CheckConstraint(
            "rating IS NULL OR (rating >= 1 AND rating <= 5)", name=op.f("ck_leads_rating")
        ),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_leads_event_id_events")),
        sa.ForeignKeyConstraint(
            ["exhibitor_id"], ["exhibitors.id"], name=op.f("fk_leads_exhibitor_id_exhibitors")
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registrations.id"],
            name=op.f("fk_leads_registration_id_registrations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leads")),
        sa.UniqueConstraint("action_id", name=op.f("uq_leads_action_id")),
        sa.UniqueConstraint("exhibitor_id", "registration_id", name=op.f("uq_leads_exhibitor_id")),
    )
    op.create_index(op.f("ix_leads_event_id"), "leads", ["event_id"])
    op.create_index(op.f("ix_leads_registration_id"), "leads", ["registration_id"])


def downgrade() -> None:
    op.drop_table("leads")
    op.drop_table("exhibitors")
    with op.batch_alter_table("staff_accounts") as batch:
        batch.drop_constraint(op.f("ck_staff_accounts_role"), type_="check")
        batch.create_check_constraint(
            op.f("ck_staff_accounts_role"), "role IN ('desk', 'supervisor')"
        )
        batch.drop_column("exhibitor_code")
