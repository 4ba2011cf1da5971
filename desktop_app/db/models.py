"""The database schema: SQLAlchemy 2 declarative models.

What must never happen is refused by the database itself, not by a read-then-write in
Python: two active check-ins for one registration (a partial unique index), two receipts
with one number in a series (a unique constraint), two registrations with one code (a
unique constraint), an issued receipt changed or deleted (triggers, see ``immutability``).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    DDL,
    JSON,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from desktop_app.db import audit_chain, change_notify, immutability, search_index
from desktop_app.db.types import Money, UTCDateTime
from desktop_app.domain.stored_verdict import entitlement_of

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so migrations name constraints alike."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        Decimal: Money(),
        dict[str, Any]: JSON(),
    }


class Association(Base):
    """BIOQuébec or Life Sciences Ontario (code ``bioquebec`` or ``lso``)."""

    __tablename__ = "associations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_fr: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))


class Organization(Base):
    """A company, university or agency; may hold memberships for all its people."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    # The name with accents, case, punctuation and legal suffixes removed, for matching.
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    aliases: Mapped[list[OrganizationAlias]] = relationship(
        back_populates="organization", cascade="all, delete-orphan"
    )
    domains: Mapped[list[OrganizationDomain]] = relationship(
        back_populates="organization", cascade="all, delete-orphan"
    )


class OrganizationAlias(Base):
    """Another name of an organization ("McGill University" for "Université McGill")."""

    __tablename__ = "organization_aliases"
    __table_args__ = (UniqueConstraint("organization_id", "alias_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(300))
    alias_key: Mapped[str] = mapped_column(String(300), index=True)
    organization: Mapped[Organization] = relationship(back_populates="aliases")


class OrganizationDomain(Base):
    """An email domain that belongs to an organization (never a free-mail domain)."""

    __tablename__ = "organization_domains"
    __table_args__ = (UniqueConstraint("organization_id", "domain"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    domain: Mapped[str] = mapped_column(String(253), index=True)
    organization: Mapped[Organization] = relationship(back_populates="domains")


class Person(Base):
    """Someone who registers, attends or holds an individual membership."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), index=True)
    # The organization as the person typed it; organization_id is what it matched.
    organization_name: Mapped[str | None] = mapped_column(String(300))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    preferred_language: Mapped[str | None] = mapped_column(String(2))
    created_at: Mapped[datetime]
    anonymized_at: Mapped[datetime | None]

    __table_args__ = (CheckConstraint("preferred_language IN ('fr', 'en')", name="language"),)


class Membership(Base):
    """A membership in one association, held by an organization or by a person."""

    __tablename__ = "memberships"
    __table_args__ = (
        CheckConstraint("holder_kind IN ('organization', 'person')", name="holder_kind"),
        CheckConstraint(
            "(holder_kind = 'organization' AND organization_id IS NOT NULL AND person_id IS NULL)"
            " OR (holder_kind = 'person' AND person_id IS NOT NULL)",
            name="one_holder",
        ),
        CheckConstraint(
            "valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until",
            name="period",
        ),
        Index("ix_memberships_association_number", "association_id", "member_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id"), index=True)
    holder_kind: Mapped[str] = mapped_column(String(16))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    member_number: Mapped[str | None] = mapped_column(String(64))
    category: Mapped[str | None] = mapped_column(String(200))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    # Set when a newer list no longer contains the member: the row stays as history.
    ended_at: Mapped[datetime | None]
    imported_at: Mapped[datetime | None]

    association: Mapped[Association] = relationship()
    organization: Mapped[Organization | None] = relationship()
    person: Mapped[Person | None] = relationship()


event_partners = Table(
    "event_partners",
    Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("association_id", ForeignKey("associations.id"), primary_key=True),
)


class Event(Base):
    """One event, with its venue, its seller identity and its partner associations."""

    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("province IN ('QC', 'ON')", name="province"),
        CheckConstraint("starts_at <= ends_at", name="period"),
        CheckConstraint("retention_days > 0", name="retention"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name_fr: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    venue: Mapped[str] = mapped_column(String(300))
    city: Mapped[str] = mapped_column(String(120))
    province: Mapped[str] = mapped_column(String(2))
    timezone: Mapped[str] = mapped_column(String(64))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    host_association_id: Mapped[int] = mapped_column(ForeignKey("associations.id"))
    seller_legal_name: Mapped[str] = mapped_column(String(300))
    seller_address: Mapped[str] = mapped_column(Text)
    gst_hst_number: Mapped[str] = mapped_column(String(20))
    qst_number: Mapped[str | None] = mapped_column(String(20))
    retention_days: Mapped[int] = mapped_column(Integer, default=1095)
    # The most one line may hold (event file's max_line_amount); NULL: the default ceiling.
    max_line_amount: Mapped[Decimal | None]
    updated_at: Mapped[datetime]

    host: Mapped[Association] = relationship()
    partners: Mapped[list[Association]] = relationship(
        secondary=event_partners, order_by=Association.code
    )
    prices: Mapped[list[PriceCategory]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="PriceCategory.position"
    )


class PriceCategory(Base):
    """A price an event offers: who may buy it, when, how much, taxes included or not."""

    __tablename__ = "price_categories"
    __table_args__ = (
        UniqueConstraint("event_id", "code"),
        CheckConstraint(
            "eligibility IN ('member', 'non-member', 'any', 'comp')", name="eligibility"
        ),
        CheckConstraint("amount >= 0", name="amount"),
        CheckConstraint(
            "available_from IS NULL OR available_until IS NULL"
            " OR available_from <= available_until",
            name="window",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(64))
    name_fr: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    eligibility: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal]
    taxes_included: Mapped[bool]
    available_from: Mapped[datetime | None]
    available_until: Mapped[datetime | None]
    # Badge role band for this category (speaker, sponsor, staff, press, volunteer).
    role: Mapped[str | None] = mapped_column(String(32))

    event: Mapped[Event] = relationship(back_populates="prices")


class Registration(Base):
    """A person's registration to an event; ``code`` is the opaque secret in the QR code."""

    __tablename__ = "registrations"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'cancelled')", name="status"),
        CheckConstraint("amount_due >= 0 AND amount_paid >= 0", name="amounts"),
        CheckConstraint("preferred_language IN ('fr', 'en')", name="language"),
        Index("ix_registrations_event_person", "event_id", "person_id"),
        # Reports count an event's registrations by status, category and membership from
        # this index alone (a covering index scan, not 50,000 table lookups).
        Index("ix_registrations_report", "event_id", "status", "category_id", "entitled_by"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("price_categories.id"))
    code: Mapped[str] = mapped_column(String(128), unique=True)
    amount_due: Mapped[Decimal]
    amount_paid: Mapped[Decimal]
    status: Mapped[str] = mapped_column(String(16), default="active")
    source: Mapped[str] = mapped_column(String(32))
    preferred_language: Mapped[str | None] = mapped_column(String(2))
    role: Mapped[str | None] = mapped_column(String(32))
    notes: Mapped[str | None] = mapped_column(Text)
    # The membership verdict as last computed (see domain.membership), for the desk card.
    verdict: Mapped[dict[str, Any] | None]
    # 'ok', 'balance-due' (paid a member rate without membership), 'credit-due', 'doubt'.
    membership_flag: Mapped[str | None] = mapped_column(String(16))
    # The membership that entitles the person, read from ``verdict`` whenever it is set
    # ('bioquebec', 'lso', 'both', 'none'): reports count it in SQL without reading JSON.
    entitled_by: Mapped[str] = mapped_column(String(16), default="none", server_default="none")
    created_at: Mapped[datetime]

    event: Mapped[Event] = relationship()
    person: Mapped[Person] = relationship()
    category: Mapped[PriceCategory] = relationship()

    @validates("verdict")
    def _keep_entitlement(self, key: str, verdict: dict[str, Any] | None) -> dict[str, Any] | None:
        del key
        self.entitled_by = entitlement_of(verdict)
        return verdict


_ENTRANCE_ONCE = "undone_at IS NULL AND day IS NULL AND session_id IS NULL"
_ENTRANCE_DAY = "undone_at IS NULL AND day IS NOT NULL AND session_id IS NULL"
_SESSION_ONCE = "undone_at IS NULL AND session_id IS NOT NULL"


class CheckIn(Base):
    """A check-in at a desk; undone check-ins stay, with when, who and why."""

    __tablename__ = "check_ins"
    __table_args__ = (
        # At most one active (not undone) check-in per registration, on both back ends: at
        # the entrance of an event without days; per day at the entrance of one with
        # [[days]]; per session at a session's door (whatever the day).
        Index(
            "uq_check_ins_active_registration",
            "registration_id",
            unique=True,
            sqlite_where=text(_ENTRANCE_ONCE),
            postgresql_where=text(_ENTRANCE_ONCE),
        ),
        Index(
            "uq_check_ins_active_day",
            "registration_id",
            "day",
            unique=True,
            sqlite_where=text(_ENTRANCE_DAY),
            postgresql_where=text(_ENTRANCE_DAY),
        ),
        Index(
            "uq_check_ins_active_session",
            "registration_id",
            "session_id",
            unique=True,
            sqlite_where=text(_SESSION_ONCE),
            postgresql_where=text(_SESSION_ONCE),
        ),
        # The arrival time of the check-ins that count, read without visiting the table.
        Index(
            "ix_check_ins_arrivals",
            "registration_id",
            "checked_in_at",
            sqlite_where=text("undone_at IS NULL"),
            postgresql_where=text("undone_at IS NULL"),
        ),
        # The seats taken at a session's door, counted without visiting the table.
        Index("ix_check_ins_seats", "session_id", "undone_at"),
        CheckConstraint(
            "(undone_at IS NULL AND undo_reason IS NULL)"
            " OR (undone_at IS NOT NULL AND undo_reason IS NOT NULL)",
            name="undo_reason",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id"), index=True)
    checked_in_at: Mapped[datetime]
    desk: Mapped[str] = mapped_column(String(80))
    staff: Mapped[str] = mapped_column(String(120))
    # Unique id of the desk action, so replaying an offline journal changes nothing.
    action_id: Mapped[str] = mapped_column(String(64), unique=True)
    undone_at: Mapped[datetime | None]
    undone_by: Mapped[str | None] = mapped_column(String(120))
    undo_reason: Mapped[str | None] = mapped_column(Text)
    # The venue's date for an event with [[days]] (NULL: an event checked in once).
    day: Mapped[date | None] = mapped_column(Date)
    # The session whose door this is (NULL: the entrance).
    session_id: Mapped[int | None] = mapped_column(ForeignKey("event_sessions.id"))

    registration: Mapped[Registration] = relationship()


class Payment(Base):
    """Money received (or refunded, negative) for a registration."""

    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("method IN ('cash', 'card', 'invoice', 'comp')", name="method"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id"), index=True)
    method: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal]
    tendered: Mapped[Decimal | None]
    change_due: Mapped[Decimal | None]
    reference: Mapped[str | None] = mapped_column(String(120))
    received_at: Mapped[datetime]
    desk: Mapped[str] = mapped_column(String(80))
    staff: Mapped[str] = mapped_column(String(120))
    action_id: Mapped[str] = mapped_column(String(64), unique=True)


class ReceiptSeries(Base):
    """A numbering series; ``next_number`` is taken and bumped in the issuing transaction."""

    __tablename__ = "receipt_series"
    __table_args__ = (CheckConstraint("next_number >= 1", name="next_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    next_number: Mapped[int] = mapped_column(Integer, default=1)


class Receipt(Base):
    """An issued receipt or credit note. Never updated or deleted once written."""

    __tablename__ = "receipts"
    __table_args__ = (
        UniqueConstraint("series_id", "number"),
        CheckConstraint("kind IN ('receipt', 'credit-note')", name="kind"),
        CheckConstraint("number >= 1", name="number"),
        CheckConstraint(
            "(kind = 'receipt' AND refers_to_id IS NULL)"
            " OR (kind = 'credit-note' AND refers_to_id IS NOT NULL)",
            name="credit_note_refers",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("receipt_series.id"))
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    issued_at: Mapped[datetime]
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id"), index=True)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    refers_to_id: Mapped[int | None] = mapped_column(ForeignKey("receipts.id"))
    buyer_name: Mapped[str] = mapped_column(String(300))
    buyer_organization: Mapped[str | None] = mapped_column(String(300))
    # Seller identity, lines and taxes as printed: a snapshot, so later edits to the
    # event cannot change what a receipt said.
    seller: Mapped[dict[str, Any]]
    lines: Mapped[dict[str, Any]]
    taxes: Mapped[dict[str, Any]]
    subtotal: Mapped[Decimal]
    total: Mapped[Decimal]
    taxes_included: Mapped[bool]
    desk: Mapped[str] = mapped_column(String(80))
    staff: Mapped[str] = mapped_column(String(120))

    series: Mapped[ReceiptSeries] = relationship()


class BadgePrint(Base):
    """A badge that was printed (or written to PDF) successfully; reprints are counted."""

    __tablename__ = "badge_prints"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id"), index=True)
    printed_at: Mapped[datetime]
    desk: Mapped[str] = mapped_column(String(80))
    staff: Mapped[str] = mapped_column(String(120))
    stock: Mapped[str] = mapped_column(String(64))
    destination: Mapped[str] = mapped_column(String(300))


class MembershipDecision(Base):
    """A staff decision about a person's membership, reused at later events."""

    __tablename__ = "membership_decisions"
    __table_args__ = (
        CheckConstraint(
            "decision IN ('member', 'not-member', 'confirmed-candidate')", name="decision"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id"))
    person_key: Mapped[str | None] = mapped_column(String(400), index=True)
    email: Mapped[str | None] = mapped_column(String(320), index=True)
    decision: Mapped[str] = mapped_column(String(24))
    membership_id: Mapped[int | None] = mapped_column(ForeignKey("memberships.id"))
    decided_by: Mapped[str] = mapped_column(String(120))
    decided_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text)


class StaffAccount(Base):
    """Someone allowed to work a desk; the PIN is stored as an argon2 hash only."""

    __tablename__ = "staff_accounts"
    __table_args__ = (CheckConstraint("role IN ('desk', 'supervisor', 'exhibitor')", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    pin_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    # An "exhibitor" account works one lead station: the exhibitor code it is bound to.
    exhibitor_code: Mapped[str | None] = mapped_column(String(64))


class Consent(Base):
    """A person's answer for one purpose, with the wording version they were shown, when,
    where and by whom it was taken (``source``: 'desk' or 'import'). A withdrawal is a new
    row saying no: answers are never deleted (except by a purge), the latest one counts."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(64))
    wording_version: Mapped[str] = mapped_column(String(32))
    granted: Mapped[bool]
    recorded_at: Mapped[datetime]
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    source: Mapped[str | None] = mapped_column(String(16))
    desk: Mapped[str | None] = mapped_column(String(80))
    staff: Mapped[str | None] = mapped_column(String(120))


class ConsentPurpose(Base):
    """A purpose an event asks consent for, from its event file (``[[consents]]``)."""

    __tablename__ = "consent_purposes"
    __table_args__ = (UniqueConstraint("event_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(64))
    wording_fr: Mapped[str] = mapped_column(Text)
    wording_en: Mapped[str] = mapped_column(Text)
    version: Mapped[str] = mapped_column(String(32))
    badge_mark: Mapped[str | None] = mapped_column(String(40))
    label_fr: Mapped[str | None] = mapped_column(String(40))
    label_en: Mapped[str | None] = mapped_column(String(40))


class AuditEntry(Base):
    """Who did what, where and when. Append-only (triggers), and chained: each entry carries
    the hash of the one before it (``audit_chain``), so a changed entry is found."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    desk: Mapped[str | None] = mapped_column(String(80))
    staff: Mapped[str | None] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(64), index=True)
    subject: Mapped[str | None] = mapped_column(String(120))
    detail: Mapped[dict[str, Any] | None]
    previous_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class Setting(Base):
    """A named setting shared by every desk of this database (e.g. a remembered column mapping).

    Settings of one machine only (its printer, its desk name) live in QSettings instead.
    """

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]


class DeskClosing(Base):
    """One desk's closing of the day for an event: the cash counted against what was expected,
    and a snapshot of everything the desk did since its previous closing (``summary``).

    Numbered per event and desk; the next closing starts where this one ended
    (``closed_at``). Never updated or deleted once written (triggers, see ``immutability``).
    """

    __tablename__ = "desk_closings"
    __table_args__ = (
        UniqueConstraint("event_id", "desk", "number"),
        CheckConstraint("number >= 1", name="number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"))
    desk: Mapped[str] = mapped_column(String(80))
    number: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[datetime | None]
    closed_at: Mapped[datetime]
    staff: Mapped[str] = mapped_column(String(120))
    opening_float: Mapped[Decimal]
    expected_cash: Mapped[Decimal]
    counted_cash: Mapped[Decimal]
    note: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[dict[str, Any]]


class PrivacyIncident(Base):
    """A confidentiality incident in the register Québec's regulation asks for (a lost
    laptop, a USB key with a backup, an export sent to the wrong person). Kept at least five
    years, never deleted; its content lives in versions, each amendment a new one."""

    __tablename__ = "privacy_incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(String(120))


class PrivacyIncidentVersion(Base):
    """One state of an incident's record: the first as recorded, then each amendment with
    who, when and why. Never updated or deleted."""

    __tablename__ = "privacy_incident_versions"
    __table_args__ = (UniqueConstraint("incident_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("privacy_incidents.id"))
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(120))
    reason: Mapped[str | None] = mapped_column(Text)
    fields: Mapped[dict[str, Any]]


for _table, _dialect, _statements in (
    (Receipt.__table__, "sqlite", immutability.SQLITE_STATEMENTS),
    (Receipt.__table__, "postgresql", immutability.POSTGRESQL_STATEMENTS),
    (DeskClosing.__table__, "sqlite", immutability.CLOSING_SQLITE_STATEMENTS),
    (DeskClosing.__table__, "postgresql", immutability.CLOSING_POSTGRESQL_STATEMENTS),
    (AuditEntry.__table__, "sqlite", audit_chain.SQLITE_STATEMENTS),
    (AuditEntry.__table__, "postgresql", audit_chain.POSTGRESQL_STATEMENTS),
    *(
        (
            model.__table__,
            dialect,
            immutability.append_only_statements(model.__tablename__, dialect),
        )
        for model in (PrivacyIncident, PrivacyIncidentVersion)
        for dialect in ("sqlite", "postgresql")
    ),
):
    for _statement in _statements:
        _ddl = DDL(_statement)  # type: ignore[no-untyped-call]
        event.listen(_table, "after_create", _ddl.execute_if(dialect=_dialect))


class JournalEntry(Base):
    """A desk action taken offline on the desk's local copy, waiting to reach the server.

    Only a desk's local replica holds rows here (``services.sync``): written in the same
    transaction as the action's own rows, in order (``id``), and replayed to the shared
    server by ``action_id`` (the check-in's or payment's), so replaying twice changes nothing.
    """

    __tablename__ = "journal_entries"
    __table_args__ = (CheckConstraint("status IN ('pending', 'sent', 'failed')", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[str] = mapped_column(String(64), unique=True)
    # "check_in" | "payment" | "walk_in" (as first seen; replay records what it found)
    kind: Mapped[str] = mapped_column(String(24))
    desk: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    sent_at: Mapped[datetime | None]
    # What replaying did ("applied", "already", "conflict", or the error), for the report.
    outcome: Mapped[dict[str, Any] | None]


class Exhibitor(Base):
    """An exhibitor or sponsor of an event, from its file (``[[exhibitors]]``)."""

    __tablename__ = "exhibitors"
    __table_args__ = (UniqueConstraint("event_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    # The exhibitor's own membership ('bioquebec', 'lso' or NULL), for cross-association leads.
    association: Mapped[str | None] = mapped_column(String(16))


class Lead(Base):
    """A badge an exhibitor's station scanned, with the person's consent to networking.

    One lead per exhibitor and registration (a re-scan updates its rating and note);
    ``action_id`` makes a replayed scan change nothing, like the desk's other actions.
    """

    __tablename__ = "leads"
    __table_args__ = (
        UniqueConstraint("exhibitor_id", "registration_id"),
        CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)", name="rating"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    exhibitor_id: Mapped[int] = mapped_column(ForeignKey("exhibitors.id"))
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), index=True
    )
    scanned_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    desk: Mapped[str | None] = mapped_column(String(80))
    staff: Mapped[str] = mapped_column(String(120))
    rating: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    action_id: Mapped[str] = mapped_column(String(64), unique=True)


# The registration search index (FTS5 / pg_trgm) and the triggers that keep it current.
search_index.attach(Base.metadata)
# NOTIFY passerelle_changes on PostgreSQL when registrations, check-ins or payments change.
change_notify.attach(Base.metadata)
# Every audit entry written by any session is chained to the one before it.
audit_chain.attach(AuditEntry)


class EventDay(Base):
    """A day of a multi-day event (``[[days]]``): the entrance checks people in once a day."""

    __tablename__ = "event_days"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)


class EventSession(Base):
    """A session of an event (``[[sessions]]``): a gala, a workshop, with its own door."""

    __tablename__ = "event_sessions"
    __table_args__ = (
        UniqueConstraint("event_id", "code"),
        CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name_fr: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    room: Mapped[str | None] = mapped_column(String(200))
    capacity: Mapped[int | None]
    # A price category's code: holders of that category are entitled. With neither this nor
    # a price, the session is open to every registrant.
    requires: Mapped[str | None] = mapped_column(String(64))
    price: Mapped[Decimal | None]
    # Exit scans are recorded at its door (``exits = true``): who is inside now, re-entries.
    exits: Mapped[bool] = mapped_column(default=False, server_default=text("false"))


class SessionMovement(Base):
    """An exit from a session, or a re-entry after one, at a door with exit scans. The first
    entry is the session's check-in; its movements alternate out, in, out… ."""

    __tablename__ = "session_movements"
    __table_args__ = (CheckConstraint("direction IN ('out', 'in')", name="direction"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    check_in_id: Mapped[int] = mapped_column(
        ForeignKey("check_ins.id", ondelete="CASCADE"), index=True
    )
    direction: Mapped[str] = mapped_column(String(3))
    at: Mapped[datetime]
    desk: Mapped[str] = mapped_column(String(80))
    staff: Mapped[str] = mapped_column(String(120))
    # As a check-in's: replaying the same desk action changes nothing.
    action_id: Mapped[str] = mapped_column(String(64), unique=True)


class RegistrationSession(Base):
    """A session a registration holds (an add-on bought, or mapped from an import)."""

    __tablename__ = "registration_sessions"
    __table_args__ = (CheckConstraint("source IN ('import', 'desk')", name="source"),)

    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), primary_key=True
    )
    session_id: Mapped[int] = mapped_column(
        ForeignKey("event_sessions.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    source: Mapped[str] = mapped_column(String(16))
    added_at: Mapped[datetime]
