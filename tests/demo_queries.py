"""Queries tests share to find known facts in demo data."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import Association, Membership, OrganizationDomain


def bioquebec_domain(database: Database, day: date) -> str:
    """The email domain of an organization with an active BIOQuébec membership on ``day``."""
    with database.sessions() as session:
        return session.scalars(
            select(OrganizationDomain.domain)
            .join(Membership, Membership.organization_id == OrganizationDomain.organization_id)
            .join(Association, Association.id == Membership.association_id)
            .where(
                Association.code == "bioquebec",
                Membership.holder_kind == "organization",
                Membership.ended_at.is_(None),
                Membership.valid_from <= day,
                Membership.valid_until >= day,
            )
            .order_by(Membership.id)
            .limit(1)
        ).one()
