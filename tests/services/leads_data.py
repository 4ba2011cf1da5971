"""A Montréal forum with a networking consent and three exhibitors, for the lead tests.

Exhibitors: ``alpha`` (a BIOQuébec member company; account "Stand Alpha", PIN 135790),
``beta`` (an LSO member; account "Stand Beta", PIN 246801), ``gamma`` (no membership, no
account). People (each with their badge code): Ana (BIOQuébec, agreed), Bob (LSO, agreed),
Chloé (LSO, refused), Dan (none, never answered), Eve (both, agreed then withdrew).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from desktop_app.resources import as_path
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Registration
from desktop_app.domain.events import parse_event_file
from desktop_app.services.admin.events import save_event
from desktop_app.services.admin.staff import create_staff, sign_in
from desktop_app.services.privacy.consents import record_answers
from tests.services.money_desk import MONTREAL, add_registration, setup_money_desk

EXTRA = """
[[consents]]
code = "networking"
wording_fr = "J'accepte que les exposants lisent mon badge et que mon nom figure sur la liste."
wording_en = "I agree that exhibitors scan my badge and that my name appears on the list."
version = "2027-01"

[[exhibitors]]
code = "alpha"
name = "Alpha Biotech"
association = "bioquebec"

[[exhibitors]]
code = "beta"
name = "Beta Pharma"
association = "lso"

[[exhibitors]]
code = "gamma"
name = "Gamma Labs"
"""

ALPHA = ("Stand Alpha", "135790")
BETA = ("Stand Beta", "246801")
PEOPLE = {  # badge code: first name, association(s), organization, networking answers
    "LEAD-ANA": ("Ana", ["bioquebec"], "Université de Montréal", [True]),
    "LEAD-BOB": ("Bob", ["lso"], '=HYPERLINK("http://x")', [True]),
    "LEAD-CHLOE": ("Chloé", ["lso"], "Chloé Conseil", [False]),
    "LEAD-DAN": ("Dan", [], "Dan & Co", []),
    "LEAD-EVE": ("Eve", ["bioquebec", "lso"], "Eve Inc", [True, False]),
}


def event_source() -> str:
    """The Montréal example with the networking purpose and the exhibitors added."""
    return as_path("examples", f"{MONTREAL}.toml").read_text(encoding="utf-8") + EXTRA


def setup_leads(sessions: sessionmaker[Session]) -> dict[str, int]:
    """The event, its exhibitors' accounts and the five people; returns registration ids."""
    setup_money_desk(sessions)
    with sessions.begin() as session:
        save_event(session, parse_event_file(event_source()))
    sophie = sign_in(sessions, "Sophie", "246810")
    create_staff(sessions, ALPHA[0], ALPHA[1], "exhibitor", by=sophie, exhibitor_code="alpha")
    create_staff(sessions, BETA[0], BETA[1], "exhibitor", by=sophie, exhibitor_code="beta")
    create_staff(sessions, "Marie", "112233", "desk", by=sophie)
    ids: dict[str, int] = {}
    for code, (first, associations, organization, answers) in PEOPLE.items():
        ids[code] = add_registration(
            sessions,
            code,
            due=Decimal(0),
            paid=Decimal(0),
            email=f"{first.lower()}@example.org",
            first_name=first,
            last_name="Test",
        )
        with sessions.begin() as session:
            registration = session.get_one(Registration, ids[code])
            registration.verdict = {"associations": associations, "status": {}, "evidence": []}
            registration.person.organization_name = organization
            for minute, answer in enumerate(answers):
                record_answers(
                    session,
                    registration.person_id,
                    registration.event_id,
                    {"networking": answer},
                    source="import",
                    desk=None,
                    staff=None,
                    at=datetime(2027, 3, 1, 12, minute, tzinfo=UTC),
                )
    return ids


def registration_codes(sessions: sessionmaker[Session]) -> list[str]:
    """Every admission code in the database (to prove none leaks)."""
    with sessions() as session:
        return list(session.scalars(select(Registration.code)))
