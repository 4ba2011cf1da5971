"""Search as you type on the desk, the results model, Esc, and the language switch."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.app import switch_language
from desktop_app.db.database import Database
from desktop_app.services.desk.search import SearchHit
from desktop_app.ui.desk.results_model import HIT_ROLE, ResultsModel
from desktop_app.ui.i18n import Translations
from tests.ui.desk.desk_harness import Desk, fill, make_desk, plain, registration


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database)
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    yield made
    made.close()


def typed_search(qtbot: QtBot, desk: Desk, query: str) -> list[int]:
    """Type ``query`` key by key into the search field; the registration ids listed."""
    panel = desk.window.search
    panel.reset()
    with qtbot.waitSignal(panel.searched, timeout=10000, check_params_cb=lambda q: q == query):
        qtbot.keyClicks(panel.field, query, delay=1)
    return [hit.registration_id for hit in panel.model.hits]


def misspelled(word: str) -> str:
    """One letter in the middle replaced by another (a typo)."""
    middle = len(word) // 2
    wrong = "x" if word[middle].lower() != "x" else "z"
    return word[:middle] + wrong + word[middle + 1 :]


def test_accent_free_reordered_and_misspelled_queries_find_the_person(
    qtbot: QtBot, desk: Desk
) -> None:
    target = registration(desk.sessions, accented=True)
    first, last = plain(target.person.first_name), plain(target.person.last_name)
    assert first.isascii() and last.isascii()
    queries = [
        f"{first.lower()} {last[:3].lower()}",  # accent-free, prefix of the last name
        f"{last.upper()} {first[0]}",  # reordered, upper case, an initial
        f"{first} {misspelled(last)}" if len(last) >= 5 else f"{misspelled(first)} {last}",
    ]
    for query in queries:
        ids = typed_search(qtbot, desk, query)
        assert target.id in ids[:5], query
    # The list selects the best row and its card follows.
    window = desk.window
    qtbot.waitUntil(lambda: window.flows.card is not None, timeout=10000)
    assert window.search.current_hit() is not None


def test_a_typed_code_comes_first_and_esc_clears(qtbot: QtBot, desk: Desk) -> None:
    target = registration(desk.sessions)
    ids = typed_search(qtbot, desk, target.code)
    assert ids[0] == target.id
    window = desk.window
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.code == target.code,
        timeout=10000,
    )
    assert window.card.name.text().endswith(target.person.last_name.upper())

    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.search.field.text() == ""
    assert window.search.field.hasFocus()
    assert window.search.model.rowCount() == 0
    assert window.flows.card is None


def test_only_the_latest_query_is_shown(qtbot: QtBot, desk: Desk) -> None:
    target = registration(desk.sessions)
    panel = desk.window.search
    shown: list[str] = []
    panel.searched.connect(shown.append)
    last = target.person.last_name
    # Typed faster than the debounce and the searches: intermediate queries are skipped.
    for length in range(1, len(last) + 1):
        panel.field.setText(last[:length])
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] == last, timeout=10000)
    assert all(query == last for query in shown)
    assert target.id in [hit.registration_id for hit in panel.model.hits]


def hit(number: int, **changes: object) -> SearchHit:
    values: dict[str, object] = {
        "registration_id": number,
        "code": f"CODE{number:06d}",
        "first_name": "Benoît",
        "last_name": f"Lachance{number}",
        "organization": "Thératechnologies inc.",
        "email": None,
        "category_code": "member",
        "category_name_fr": "Membre",
        "category_name_en": "Member",
        "status": "active",
        "checked_in": False,
        "checked_in_at": None,
        "marking": "bioquebec",
        "membership_flag": None,
        "balance_due": Decimal("0.00"),
        "exact_code": False,
    }
    values.update(changes)
    return SearchHit(**values)  # type: ignore[arg-type]


def test_results_model_passes_the_model_tester_and_shows_the_desk_facts(
    qtmodeltester: ModelTester,
) -> None:
    model = ResultsModel()
    qtmodeltester.check(model)
    at = datetime(2027, 3, 23, 13, 2, tzinfo=UTC)
    hits = [
        hit(1),
        hit(2, checked_in=True, checked_in_at=at, marking="lso"),
        hit(3, balance_due=Decimal("25.00"), marking=None, organization=None),
        hit(4, status="cancelled", marking="both"),
    ]
    model.set_hits(hits)
    qtmodeltester.check(model)
    cells = [[model.index(row, column).data() for column in range(5)] for row in range(4)]
    assert cells[0][:3] == ["Benoît Lachance1", "BQ", "Thératechnologies inc."]
    assert cells[1][1] == "LSO" and cells[1][3].startswith("✔ ")
    assert cells[2][1:3] == ["—", "—"] and cells[2][4] == "$"
    assert cells[3][1] == "BQ + LSO" and cells[3][3] == "cancelled"
    assert model.index(2, 0).data(HIT_ROLE) is hits[2]

    # The same people with new facts: the rows stay, only cells change (no reset).
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_hits([hit(1, checked_in=True, checked_in_at=at), *hits[1:]])
    assert resets == []
    assert model.index(0, 3).data().startswith("✔")
    qtmodeltester.check(model)
    model.set_hits(hits[:2])
    assert resets == [True]
    qtmodeltester.check(model)


class Pseudo(QTranslator):
    """A pseudo-locale: every string of ours comes back in brackets (catches missed tr())."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        del disambiguation, n
        if context in ("MembershipVerdict", "AppError", "CheckIn") or source == "LANGUAGE_CODE":
            return ""
        return f"[{source}]"


def test_switching_language_retranslates_the_screen_and_keeps_the_search_and_card(
    qtbot: QtBot, desk: Desk
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    target = registration(desk.sessions)
    typed_search(qtbot, desk, target.code)
    window = desk.window
    # The card of a person a shorter text found may still show until the target's is read.
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.code == target.code,
        timeout=10000,
    )
    assert window.header.event_label.text() == "BIOQuébec–LSO Joint Forum 2027"
    english_category = window.card.money.text()

    translations = Translations(app)
    try:
        switch_language(translations, "fr")
        qtbot.waitUntil(
            lambda: window.header.event_label.text() == "Forum conjoint BIOQuébec–LSO 2027",
            timeout=5000,
        )
        assert window.header.french.isChecked() and not window.header.english.isChecked()
        assert window.card.money.text() != english_category  # category name and amounts
        assert window.search.field.text() == target.code
        assert window.flows.card is not None and window.flows.card.code == target.code

        pseudo = Pseudo(app)
        app.installTranslator(pseudo)
        qtbot.waitUntil(lambda: window.buttons["edit"].text().startswith("[Edit]"), timeout=5000)
        assert window.buttons["walk_in"].text().startswith("[Walk-in]")
        assert window.search.field.placeholderText().startswith("[")
        assert window.search.model.headerData(0, Qt.Orientation.Horizontal) == "[Name]"
        assert window.card.checked.text().startswith("[")
        assert window.outcome.headline.text().startswith("[")
        assert window.windowTitle().startswith("[")
        app.removeTranslator(pseudo)
        QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    finally:
        switch_language(translations, "en")
    qtbot.waitUntil(
        lambda: window.header.event_label.text() == "BIOQuébec–LSO Joint Forum 2027", timeout=5000
    )
    assert window.buttons["edit"].text().startswith("Edit")
    assert window.search.field.text() == target.code


def test_a_key_after_a_pause_searches_at_once_and_fast_keys_are_coalesced(
    qtbot: QtBot, desk: Desk
) -> None:
    # No debounce (issue #16): the first key after a pause is searched as it lands; keys
    # typed while a search runs only change what runs next, and only the latest does.
    panel = desk.window.search
    release = threading.Event()
    asked: list[str] = []

    def slow_search(query: str) -> list[SearchHit]:
        asked.append(query)
        release.wait(10)
        return []

    panel.search = slow_search
    panel.field.setText("L")
    assert panel._running == "L"  # submitted with the key, no timer in between
    for text in ("La", "Lar", "Laro"):
        panel.field.setText(text)
    qtbot.waitUntil(lambda: asked == ["L"], timeout=5000)
    release.set()
    with qtbot.waitSignal(panel.searched, timeout=10000, check_params_cb=lambda q: q == "Laro"):
        pass
    assert asked == ["L", "Laro"]
