"""The desk fits a 1280 × 800 laptop in both languages: long names shorten, nothing widens it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.app import switch_language
from desktop_app.db.database import Database
from desktop_app.services.desk.checkin import EventCounts
from desktop_app.services.desk.search import SearchHit
from desktop_app.ui.desk.elided import ElidedLabel
from desktop_app.ui.i18n import Translations
from tests.ui.desk.desk_harness import Desk, fill, make_desk, registration

LONG_EN = "BIOQuébec–LSO Joint Forum on Life Sciences, Partnering and Investment 2027"
LONG_FR = (
    "Forum conjoint BIOQuébec–LSO des sciences de la vie, du partenariat et de l’investissement"
    " 2027"
)
SCREENSHOT = Path("/tmp/h16-1280.png")


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database, registrations=40)
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    qtbot.waitUntil(lambda: made.window.header.counts is not None, timeout=10000)
    yield made
    made.close()


@pytest.fixture
def translations() -> Iterator[Translations]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    chosen = Translations(app)
    yield chosen
    switch_language(chosen, "en")


def lengthen(desk: Desk, *, extreme: bool = True) -> None:
    """Long desk and staff names, a busy event's counts, a printer and the last backup in the
    header; ``extreme``: an event name far longer than any real one, too."""
    QApplication.processEvents()  # a language switch's own retranslation first
    header = desk.window.header
    names = {"event_name_en": LONG_EN, "event_name_fr": LONG_FR} if extreme else {}
    header.context = replace(
        header.context,
        desk="Accueil principal 2",
        staff=replace(header.context.staff, name="Marie-Ève Tremblay-Lachance"),
        **names,  # type: ignore[arg-type]
    )
    header.counts = EventCounts(checked_in=1234, expected=2000)
    header.retranslate()
    dot = "<span style='color:#2e7d32; font-size:large'>●</span> "
    header.printer_label.setText(dot + "printer Zebra_ZD421")
    header.backup_label.setText(dot + "last backup 14:05")
    header.backup_label.show()
    QApplication.processEvents()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_desk_is_narrow_enough_for_a_laptop(
    qtbot: QtBot, desk: Desk, translations: Translations, language: str
) -> None:
    switch_language(translations, language)
    window = desk.window
    qtbot.waitUntil(lambda: window.header.french.isChecked() == (language == "fr"), timeout=5000)
    lengthen(desk)
    assert window.minimumSizeHint().width() <= 1200, language
    assert window.header.minimumSizeHint().width() <= 1100, language


@pytest.mark.parametrize("language", ["en", "fr"])
def test_at_1280_by_800_long_names_shorten_with_their_full_text_in_the_tooltip(
    qtbot: QtBot, desk: Desk, translations: Translations, language: str
) -> None:
    switch_language(translations, language)
    window = desk.window
    lengthen(desk, extreme=False)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280, timeout=5000)
    QApplication.processEvents()
    header = window.header
    event = header.event_label
    assert isinstance(event, ElidedLabel)
    # A real event name shows whole; the staff member's long name gives way, still readable
    # in full in its tooltip.
    assert not event.is_elided(), event.shown_text()
    where = header.where
    assert isinstance(where, ElidedLabel)
    if where.is_elided():
        assert where.shown_text().endswith("…")
        assert where.text() in where.toolTip()
    # The essentials stay whole: the counts, the language switch, every desk action.
    assert header.counts_label.width() >= header.counts_label.sizeHint().width()
    assert "234" in header.counts_label.text()
    for label in (header.database, header.printer_label, header.backup_label):
        assert isinstance(label, ElidedLabel)
        assert not label.is_elided(), label.shown_text()
    for button in (header.french, header.english, *window.buttons.values()):
        if button.isVisible():
            assert button.width() >= button.minimumSizeHint().width(), button.text()
            assert button.geometry().right() < window.width()
    assert header.geometry().right() <= window.width()
    window.grab().save(str(SCREENSHOT.with_stem(f"h16-1280-{language}")))


def test_on_a_short_screen_the_card_scrolls_instead_of_cutting_its_lines(
    qtbot: QtBot, desk: Desk, translations: Translations
) -> None:
    switch_language(translations, "fr")
    window = desk.window
    person = registration(desk.sessions, flag="doubt")  # many evidence chips
    window.search.field.setText(person.code)
    qtbot.waitUntil(lambda: window.flows.card is not None, timeout=10000)
    window.resize(1366, 700)  # 1366 x 768 minus a panel and the title bar
    qtbot.waitUntil(lambda: window.height() == 700, timeout=5000)
    qtbot.wait(100)
    chips = [
        chip
        for chip in window.card.findChildren(QLabel)
        if chip.isVisible() and chip.wordWrap() and chip.text()
    ]
    assert len(chips) >= 3
    for label in chips:
        needed = label.heightForWidth(label.width())
        assert label.height() >= needed, label.text()
    window.grab().save("/tmp/h16/desk-fr-1366x700.png")


def test_member_of_is_short_enough_to_read_both_and_says_it_in_full_on_hover(
    desk: Desk,
) -> None:
    model = desk.window.search.model
    hits = [
        replace(_hit(), marking=marking, organization="Laboratoires Oncopharma inc.")
        for marking in ("both", "bioquebec", "lso")
    ]
    model.set_hits(hits)
    column = model.COLUMNS.index("association")
    shown = [model.data(model.index(row, column)) for row in range(3)]
    assert shown == ["BQ + LSO", "BQ", "LSO"]
    assert model.data(model.index(0, column), 3) == "BIOQuébec + LSO"  # ToolTipRole
    organization = model.COLUMNS.index("organization")
    assert model.data(model.index(0, organization), 3) == "Laboratoires Oncopharma inc."
    assert isinstance(hits[0], SearchHit)


def _hit() -> SearchHit:
    return SearchHit(
        registration_id=1,
        code="ABCDEFGH23456789",
        first_name="Émilie",
        last_name="Côté",
        organization=None,
        email=None,
        category_code="member",
        category_name_fr="Membre",
        category_name_en="Member",
        status="active",
        checked_in=False,
        checked_in_at=datetime(2027, 3, 23, 13, 0, tzinfo=UTC),
        marking=None,
        membership_flag=None,
        balance_due=Decimal("0.00"),
        exact_code=False,
    )


def test_accents_above_capitals_are_not_cut_on_the_card(qtbot: QtBot, desk: Desk) -> None:
    name = desk.window.card.name
    name.setText("Émilie CÔTÉ")
    name.show()
    name.adjustSize()
    image = name.grab().toImage()
    background = image.pixelColor(image.width() - 1, image.height() - 1)
    first_ink = next(
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y) != background for x in range(image.width()))
    )
    assert first_ink > 0  # the circumflex's tip is drawn, with room above it


def test_the_desk_starts_inside_a_1366_by_768_screen_with_its_bottom_band(desk: Desk) -> None:
    window = desk.window
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()
    # Nothing forces it taller than a 1366 x 768 laptop's free area (less a title bar).
    assert window.minimumSizeHint().height() <= 768 - 40 - 30
    assert window.minimumSizeHint().width() <= 1280


def test_evidence_on_the_card_is_at_least_the_desk_s_base_size(qtbot: QtBot, desk: Desk) -> None:
    person = registration(desk.sessions)
    desk.window.flows.load_card(person.id)
    qtbot.waitUntil(lambda: desk.window.card.chips.count() > 0, timeout=10000)
    base = desk.window.card.font().pointSizeF()
    chip = desk.window.card.chips.itemAt(0).widget()
    assert chip is not None and chip.font().pointSizeF() >= base * 1.1


def test_the_french_search_placeholder_fits_the_field_at_1280(
    qtbot: QtBot, desk: Desk, translations: Translations
) -> None:
    switch_language(translations, "fr")
    QApplication.processEvents()
    window = desk.window
    window.resize(1280, 800)
    QApplication.processEvents()
    field = window.search.field
    text = field.placeholderText()
    assert text.startswith("Nom")  # the French text is really there
    room = field.width() - 2 * 8 - 30  # padding and the clear button
    assert field.fontMetrics().horizontalAdvance(text) <= room
