"""privacy: the register of confidentiality incidents, append-only

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 18:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desktop_app.db import immutability
from desktop_app.db.types import UTCDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("privacy_incidents", "privacy_incident_versions")


def upgrade() -> None:
    op.create_table(
        "privacy_incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privacy_incidents")),
        sa.UniqueConstraint("number", name=op.f("uq_privacy_incidents_number")),
    )
    op.create_table(
        "privacy_incident_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("by", sa.String(120), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["privacy_incidents.id"],
            name=op.f("fk_privacy_incident_versions_incident_id_privacy_incidents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privacy_incident_versions")),
        sa.UniqueConstraint(
            "incident_id", "version", name=op.f("uq_privacy_incident_versions_incident_id")
        ),
    )
    bind = op.get_bind()
    for table in TABLES:
        for statement in immutability.append_only_statements(table, bind.dialect.name):
            bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    for table in TABLES:
        for statement in immutability.append_only_drops(table, bind.dialect.name):
            bind.exec_driver_sql(statement)
    op.drop_table("privacy_incident_versions")
    op.drop_table("privacy_incidents")
