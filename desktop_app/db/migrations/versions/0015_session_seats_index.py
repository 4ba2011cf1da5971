"""doors: the seats taken at a session's door counted from an index alone

A door with a capacity counts its active check-ins on every scan; the plain index on
``check_ins.session_id`` still visited each row to skip the undone ones, so the count grew
with the people inside. This index on both columns replaces it (it serves the foreign key's
lookups as well).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 05:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_check_ins_seats", "check_ins", ["session_id", "undone_at"])
    op.drop_index("ix_check_ins_session_id", table_name="check_ins")


def downgrade() -> None:
    op.create_index("ix_check_ins_session_id", "check_ins", ["session_id"])
    op.drop_index("ix_check_ins_seats", table_name="check_ins")
