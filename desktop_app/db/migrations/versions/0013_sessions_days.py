"""sessions: an event's days and sessions, the sessions a registration holds, and check-ins
per day and per session

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desktop_app.db.types import UTCDateTime

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ENTRANCE_ONCE = "undone_at IS NULL AND day IS NULL AND session_id IS NULL"
_ENTRANCE_DAY = "undone_at IS NULL AND day IS NOT NULL AND session_id IS NULL"
_SESSION_ONCE = "undone_at IS NULL AND session_id IS NOT NULL"


def upgrade() -> None:
    op.create_table(
        "event_days",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_days_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "day", name=op.f("pk_event_days")),
    )
    op.create_table(
        "event_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name_fr", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("starts_at", UTCDateTime(), nullable=False),
        sa.Column("ends_at", UTCDateTime(), nullable=False),
        sa.Column("room", sa.String(200), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("requires", sa.String(64), nullable=True),
        sa.Column("price", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "capacity IS NULL OR capacity > 0", name=op.f("ck_event_sessions_capacity")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_sessions_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_sessions")),
        sa.UniqueConstraint("event_id", "code", name=op.f("uq_event_sessions_event_id")),
    )
    op.create_table(
        "registration_sessions",
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "source IN ('import', 'desk')", name=op.f("ck_registration_sessions_source")
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registrations.id"],
            name=op.f("fk_registration_sessions_registration_id_registrations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["event_sessions.id"],
            name=op.f("fk_registration_sessions_session_id_event_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "registration_id", "session_id", name=op.f("pk_registration_sessions")
        ),
    )
    op.create_index(
        op.f("ix_registration_sessions_session_id"), "registration_sessions", ["session_id"]
    )
    # Plain ADD COLUMN on both back ends: SQLite accepts a REFERENCES column whose default is
    # NULL, and rebuilding check_ins (batch mode) would risk its partial indexes.
    op.add_column("check_ins", sa.Column("day", sa.Date(), nullable=True))
    fk = op.f("fk_check_ins_session_id_event_sessions")
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"ALTER TABLE check_ins ADD COLUMN session_id INTEGER CONSTRAINT {fk}"
            " REFERENCES event_sessions (id)"
        )
    else:
        op.add_column("check_ins", sa.Column("session_id", sa.Integer(), nullable=True))
        op.create_foreign_key(fk, "check_ins", "event_sessions", ["session_id"], ["id"])
    op.create_index(op.f("ix_check_ins_session_id"), "check_ins", ["session_id"])
    op.drop_index("uq_check_ins_active_registration", table_name="check_ins")
    _unique("uq_check_ins_active_registration", ["registration_id"], _ENTRANCE_ONCE)
    _unique("uq_check_ins_active_day", ["registration_id", "day"], _ENTRANCE_DAY)
    _unique("uq_check_ins_active_session", ["registration_id", "session_id"], _SESSION_ONCE)


def _unique(name: str, columns: list[str], where: str) -> None:
    op.create_index(
        name,
        "check_ins",
        columns,
        unique=True,
        sqlite_where=sa.text(where),
        postgresql_where=sa.text(where),
    )


def downgrade() -> None:
    op.drop_index("uq_check_ins_active_session", table_name="check_ins")
    op.drop_index("uq_check_ins_active_day", table_name="check_ins")
    op.drop_index("uq_check_ins_active_registration", table_name="check_ins")
    op.execute("DELETE FROM check_ins WHERE day IS NOT NULL OR session_id IS NOT NULL")
    _unique("uq_check_ins_active_registration", ["registration_id"], "undone_at IS NULL")
    op.drop_index(op.f("ix_check_ins_session_id"), table_name="check_ins")
    with op.batch_alter_table("check_ins") as batch:
        batch.drop_column("session_id")
        batch.drop_column("day")
    op.drop_index(op.f("ix_registration_sessions_session_id"), table_name="registration_sessions")
    op.drop_table("registration_sessions")
    op.drop_table("event_sessions")
    op.drop_table("event_days")
