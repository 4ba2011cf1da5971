"""Event files: imported, updated, and refused with the key and line named."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from desktop_app.resources import as_path
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.db.models import Event, PriceCategory
from desktop_app.domain.errors import Invalid
from desktop_app.services.admin.events import import_event_file, list_events

MONTREAL = as_path("examples", "forum-montreal-2027.toml")


def test_both_examples_import_and_list(database: Database) -> None:
    import_event_file(database.sessions, MONTREAL)
    import_event_file(database.sessions, as_path("examples", "partnering-toronto-2027.toml"))
    events = {e.slug: e for e in list_events(database.sessions)}
    assert events["forum-montreal-2027"].province == "QC"
    assert events["forum-montreal-2027"].starts.hour == 8  # shown in the event's own time
    assert events["partnering-toronto-2027"].partners == ("bioquebec", "lso")


def test_reimport_updates_instead_of_duplicating(database: Database, tmp_path: Path) -> None:
    assert import_event_file(database.sessions, MONTREAL).created
    changed = tmp_path / "event.toml"
    changed.write_text(MONTREAL.read_text("utf-8").replace('"725.00"', '"735.00"'), "utf-8")
    assert not import_event_file(database.sessions, changed).created
    with database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 1
        price = session.scalars(
            select(PriceCategory).where(PriceCategory.code == "non-member")
        ).one()
        assert str(price.amount) == "735.00"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('province = "QC"', 'province = "BC"', r"line 11, key event\.province: 'BC' is not one of"),
        ('amount = "95.00"', "amount = 95.5", r"key prices\[4\]\.amount: write amounts in quotes"),
        # One money parser (#15 item 5): no exponent, no overflow, a ceiling per line.
        ('amount = "725.00"', 'amount = "1e3"', r"line 44, key prices\[3\]\.amount: .*1e3"),
        (
            'amount = "725.00"',
            'amount = "99999999999999999999999.99"',
            r"line 44, key prices\[3\]\.amount: .*above 100000\.00",
        ),
        ('amount = "725.00"', 'amount = "999999999999.99"', r"line 44, .*above 100000\.00"),
        ('amount = "725.00"', 'amount = "NaN"', r"line 44, key prices\[3\]\.amount"),
        ('amount = "725.00"', 'amount = "725.001"', r"line 44, .*more than two decimals"),
        ('amount = "725.00"', 'amount = "-725.00"', r"line 44, .*negative"),
        ('partners = ["bioquebec", "lso"]', 'max_line_amount = "0.00"', r"max_line_amount"),
        # TOML integers are unbounded: no OverflowError from the database either.
        ("retention_days = 1095", "retention_days = 99999999999999999999", r"retention_days"),
        ("retention_days = 1095", "retention_days = 9999999999", r"from 1 to 36500"),
        (
            'gst_hst_number = "123456782 RT 0001"',
            'gst_hst_number = "12345"',
            r"line 19, key seller\.gst_hst_number",
        ),
        (
            'gst_hst_number = "123456782 RT 0001"',
            'gst_hst_number = "123456789 RT 0001"',
            r"line 19, key seller\.gst_hst_number: .*check digit",
        ),
        ('slug = "forum-montreal-2027"\n', "", r"key event\.slug: this key is required"),
        ('eligibility = "comp"', 'eligibility = "vip"', r"prices\[6\]\.eligibility: 'vip'"),
        ("ends = 2027-03-24T17:30:00", "ends = 2027-03-20T17:30:00", r"ends before it starts"),
        ('host = "bioquebec"', 'host = "bioquebec', r"not valid TOML"),
    ],
)
def test_bad_event_files_name_key_and_line_and_write_nothing(
    database: Database, tmp_path: Path, old: str, new: str, message: str
) -> None:
    source = MONTREAL.read_text("utf-8")
    assert old in source
    bad = tmp_path / "bad.toml"
    bad.write_text(source.replace(old, new, 1), "utf-8")
    with pytest.raises(Invalid, match=message):
        import_event_file(database.sessions, bad)
    assert list_events(database.sessions) == []


def test_an_event_may_raise_its_ceiling_per_line(database: Database, tmp_path: Path) -> None:
    source = MONTREAL.read_text("utf-8").replace('"725.00"', '"150000.00"')
    refused = tmp_path / "refused.toml"
    refused.write_text(source, "utf-8")
    with pytest.raises(Invalid, match=r"line 44, .*above 100000\.00"):
        import_event_file(database.sessions, refused)
    raised = tmp_path / "raised.toml"
    raised.write_text(source.replace("[seller]", 'max_line_amount = "250000"\n\n[seller]'), "utf-8")
    import_event_file(database.sessions, raised)
    with database.sessions() as session:
        event = session.scalars(select(Event)).one()
        assert event.max_line_amount == Decimal("250000.00")
        assert {p.code: p.amount for p in event.prices}["non-member"] == Decimal("150000.00")


def test_the_same_event_file_again_writes_nothing(database: Database) -> None:
    """#15 item 12's class: no audit entry, no updated_at, when nothing changed."""
    from tests.services.registration_data import snapshot

    assert import_event_file(database.sessions, MONTREAL).changed
    before = snapshot(database)
    again = import_event_file(database.sessions, MONTREAL)
    assert (again.created, again.changed) == (False, False)
    assert snapshot(database) == before
