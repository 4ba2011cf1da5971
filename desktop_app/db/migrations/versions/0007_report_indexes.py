"""reports: covering indexes for counting an event's registrations and its arrivals

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 18:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_registrations_report",
        "registrations",
        ["event_id", "status", "category_id", "entitled_by"],
    )
    op.create_index(
        "ix_check_ins_arrivals",
        "check_ins",
        ["registration_id", "checked_in_at"],
        sqlite_where=sa.text("undone_at IS NULL"),
        postgresql_where=sa.text("undone_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_check_ins_arrivals", table_name="check_ins")
    op.drop_index("ix_registrations_report", table_name="registrations")
