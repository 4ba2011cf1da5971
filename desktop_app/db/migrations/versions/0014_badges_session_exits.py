"""badges: exit scans at a session's door (``exits = true``): the session's flag and its
exits and re-entries

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 23:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desktop_app.db.types import UTCDateTime

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "event_sessions",
        sa.Column("exits", sa.Boolean(), nullable=False, server_default=sa.text("false")),
    )
    op.create_table(
        "session_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("check_in_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("desk", sa.String(80), nullable=False),
        sa.Column("staff", sa.String(120), nullable=False),
        sa.Column("action_id", sa.String(64), nullable=False),
        sa.CheckConstraint(
            "direction IN ('out', 'in')", name=op.f("ck_session_movements_direction")
        ),
        sa.ForeignKeyConstraint(
            ["check_in_id"],
            ["check_ins.id"],
            name=op.f("fk_session_movements_check_in_id_check_ins"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_movements")),
        sa.UniqueConstraint("action_id", name=op.f("uq_session_movements_action_id")),
    )
    op.create_index(op.f("ix_session_movements_check_in_id"), "session_movements", ["check_in_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_session_movements_check_in_id"), table_name="session_movements")
    op.drop_table("session_movements")
    with op.batch_alter_table("event_sessions") as batch:
        batch.drop_column("exits")
