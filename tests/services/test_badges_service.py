"""Badge batches: selection, order, the PDF, and the print log written only on request."""

from __future__ import annotations

import io
import math

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.db.models import AuditEntry, BadgePrint, Event, Person, Registration
from desktop_app.domain.errors import NotFound
from desktop_app.domain.names import fold
from desktop_app.services.desk.badges import badge_data, record_printed, render_batch
from tests.demo_copies import copy_demo

SLUG = "forum-montreal-2027"
STOCK = "avery-5392"  # 6 badges per sheet


def _squash(text: str) -> str:
    return "".join(text.split())


def _pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return _squash("".join(page.extract_text() for page in reader.pages))


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _active(database: Database) -> list[Registration]:
    with database.sessions() as session:
        return list(
            session.scalars(
                select(Registration)
                .join(Event)
                .where(Event.slug == SLUG, Registration.status == "active")
            )
        )


def _printed(database: Database) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(BadgePrint)) or 0)


@pytest.fixture
def demo(database: Database) -> Database:
    copy_demo(database, registrations=40)
    return database


def test_batch_renders_every_active_registration_and_logs_only_when_asked(demo: Database) -> None:
    active = _active(demo)
    assert active
    batch = render_batch(demo.sessions, SLUG, STOCK)
    assert batch.pdf is not None
    assert batch.count == len(active) == len(batch.codes)
    assert set(batch.codes) == {r.code for r in active}
    assert batch.pages == _pages(batch.pdf) == math.ceil(batch.count / 6)
    with demo.sessions() as session:
        person = session.get(Person, active[0].person_id)
        assert person is not None
        first_name = person.first_name
    assert _squash(first_name) in _pdf_text(batch.pdf)
    assert _printed(demo) == 0  # rendering alone logs nothing

    logged = record_printed(
        demo.sessions, batch.codes, desk="d1", staff="ana", stock=STOCK, destination="/x.pdf"
    )
    assert logged == batch.count == _printed(demo)
    with demo.sessions() as session:
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "badges.printed")
        ).one()
        assert audit.detail is not None and audit.detail["count"] == batch.count
        row = session.scalars(select(BadgePrint)).first()
        assert row is not None
        assert (row.desk, row.staff, row.stock, row.destination) == ("d1", "ana", STOCK, "/x.pdf")

    again = render_batch(demo.sessions, SLUG, STOCK, only_unprinted=True)
    assert (again.pdf, again.count, again.codes) == (None, 0, ())


def test_only_unprinted_skips_printed_badges(demo: Database) -> None:
    active = _active(demo)
    first = render_batch(demo.sessions, SLUG, STOCK, codes=[active[0].code])
    record_printed(demo.sessions, first.codes, desk="d", staff="s", stock=STOCK, destination="f")
    rest = render_batch(demo.sessions, SLUG, STOCK, only_unprinted=True)
    assert rest.count == len(active) - 1
    assert active[0].code not in rest.codes


def test_unknown_codes_are_all_named_and_nothing_is_logged(demo: Database) -> None:
    code = _active(demo)[0].code
    with pytest.raises(NotFound) as caught:
        render_batch(demo.sessions, SLUG, STOCK, codes=[code, "NOPE-1", "NOPE-2"])
    assert "NOPE-1" in caught.value.message and "NOPE-2" in caught.value.message
    assert code not in caught.value.message
    assert _printed(demo) == 0


def test_cancelled_registrations_get_no_badge(demo: Database) -> None:
    with demo.sessions.begin() as session:
        registration = session.scalars(
            select(Registration).join(Event).where(Event.slug == SLUG)
        ).first()
        assert registration is not None
        registration.status = "cancelled"
        code = registration.code
    assert code not in render_batch(demo.sessions, SLUG, STOCK).codes
    with pytest.raises(NotFound):
        render_batch(demo.sessions, SLUG, STOCK, codes=[code])


def test_start_cell_is_passed_to_the_layout(demo: Database) -> None:
    codes = [r.code for r in _active(demo)[:2]]
    one_sheet = render_batch(demo.sessions, SLUG, STOCK, codes=codes, start_cell=5)
    two_sheets = render_batch(demo.sessions, SLUG, STOCK, codes=codes, start_cell=6)
    assert one_sheet.pages == 1
    assert two_sheets.pages == 2
    assert two_sheets.pdf is not None and _pages(two_sheets.pdf) == 2


def test_sort_orders(demo: Database) -> None:
    by_code = {r.code: r for r in _active(demo)}
    with demo.sessions() as session:
        people = {p.id: p for p in session.scalars(select(Person))}

    def names(codes: tuple[str, ...]) -> list[tuple[str, str]]:
        result = []
        for code in codes:
            p = people[by_code[code].person_id]
            result.append((fold(p.last_name), fold(p.first_name)))
        return result

    by_name = render_batch(demo.sessions, SLUG, STOCK, sort="name")
    assert names(by_name.codes) == sorted(names(by_name.codes))
    by_org = render_batch(demo.sessions, SLUG, STOCK, sort="organization")
    organizations = [people[by_code[c].person_id].organization_name or "" for c in by_org.codes]
    named = [fold(o) for o in organizations if o]
    assert named == sorted(named)
    assert organizations[: len(named)] == [o for o in organizations if o]


def test_name_order_ignores_accents_like_a_french_reader(demo: Database) -> None:
    # Badge pickup tables are filed alphabetically: "Étienne" goes with the E's, "Dépatie"
    # before "Dubois", whatever the accents or case.
    wanted = {"Wilson": "Daniel", "Étienne": "Petit", "Dubois": "Chloé", "Dépatie": "Gérard"}
    codes = []
    with demo.sessions.begin() as session:
        registrations = session.scalars(
            select(Registration)
            .join(Event)
            .where(Event.slug == SLUG, Registration.status == "active")
            .order_by(Registration.id)
            .limit(len(wanted))
        ).all()
        for registration, (last, first) in zip(registrations, wanted.items(), strict=True):
            registration.person.last_name, registration.person.first_name = last, first
            codes.append(registration.code)
    batch = render_batch(demo.sessions, SLUG, STOCK, codes=codes, sort="name")
    by_code = dict(zip(codes, wanted, strict=True))
    assert [by_code[code] for code in batch.codes] == ["Dépatie", "Dubois", "Étienne", "Wilson"]


def test_badge_data_language_marking_and_role(demo: Database) -> None:
    with demo.sessions.begin() as session:
        registration = session.scalars(
            select(Registration).join(Event).where(Event.slug == SLUG)
        ).first()
        assert registration is not None
        assert registration.event.province == "QC"
        registration.preferred_language = None
        registration.person.preferred_language = None
        registration.verdict = None
        registration.role = None
        registration.category.role = None
        badge = badge_data(registration)
        assert (badge.language, badge.marking, badge.role) == ("fr", "guest", None)
        assert badge.code == registration.code
        assert badge.first_name == registration.person.first_name
        assert badge.event_name_fr == registration.event.name_fr
        assert badge.event_name_en == registration.event.name_en

        registration.person.preferred_language = "en"
        registration.verdict = {"marking": "both"}
        registration.category.role = "sponsor"
        badge = badge_data(registration)
        assert (badge.language, badge.marking, badge.role) == ("en", "both", "sponsor")

        registration.preferred_language = "fr"
        registration.role = "speaker"
        registration.verdict = {"other": 1}
        badge = badge_data(registration)
        assert (badge.language, badge.marking, badge.role) == ("fr", "guest", "speaker")

        registration.preferred_language = None
        registration.person.preferred_language = None
        registration.event.province = "ON"
        assert badge_data(registration).language == "en"
        session.rollback()
