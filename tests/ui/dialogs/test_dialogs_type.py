"""The dialogs over the desk use the desk's big type, and the walk-in's cash field is wide
enough for the amounts staff type, in English and in French, before and after confirming."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import switch_language
from desktop_app.db.database import Database
from desktop_app.services.desk.walkin import WalkInResult
from desktop_app.services.office import Office
from desktop_app.ui.dialogs.common import DESK_TYPE
from desktop_app.ui.dialogs.login import LoginDialog
from desktop_app.ui.dialogs.start import StartDialog
from desktop_app.ui.i18n import Translations
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.worker import Worker
from tests.ui.dialogs.test_dialogs_walkin import demo, open_dialog, type_person, worker

__all__ = ["demo", "worker"]  # fixtures shared with the walk-in dialog's tests


@pytest.fixture
def translations() -> Iterator[Translations]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    chosen = Translations(app)
    yield chosen
    switch_language(chosen, "en")


def base_size() -> float:
    return QApplication.font().pointSizeF()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_cash_tendered_field_fits_ten_thousand_dollars_and_its_label_stays_whole(
    qtbot: QtBot, worker: Worker, demo: Database, translations: Translations, language: str
) -> None:
    switch_language(translations, language)
    dialog = open_dialog(qtbot, worker, demo)
    type_person(qtbot, dialog, "Zoë", "Lefebvre-Singh", f"zoe.{language}@utoronto.ca")
    payment = dialog.payment
    field, label = payment.tendered, payment.tendered_label
    widest = QFontMetrics(field.font()).horizontalAdvance("10 000,00 $")

    def check() -> None:
        assert field.width() >= widest, (field.width(), widest)
        assert label.width() >= label.sizeHint().width(), label.text()
        # The amount typed and the change due are in the same type.
        assert field.font().pointSizeF() == pytest.approx(payment.change.font().pointSizeF())

    check()
    assert dialog.font().pointSizeF() >= base_size() * 1.2
    payment.tendered.setText("10000")
    with qtbot.waitSignal(dialog.registered, timeout=10_000) as signal:
        dialog.confirm()
    assert isinstance(signal.args[0], WalkInResult)
    qtbot.wait(50)
    check()
    assert dialog.change_due.isVisible()
    dialog.grab().save(f"/tmp/h16/walkin-{language}-test.png")


def test_the_start_and_sign_in_dialogs_use_the_desk_type(
    qtbot: QtBot, worker: Worker, demo: Database, tmp_path: Path
) -> None:
    settings = MachineSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    start = StartDialog(None, worker, Office(demo.sessions), settings)
    qtbot.addWidget(start)
    login = LoginDialog(None, worker, Office(demo.sessions))
    qtbot.addWidget(login)
    for dialog in (start, login):
        assert dialog.font().pointSizeF() == pytest.approx(base_size() * DESK_TYPE)
        assert DESK_TYPE >= 1.2
    assert login.name.font().pointSizeF() == pytest.approx(base_size() * DESK_TYPE)
    assert start.desk.font().pointSizeF() == pytest.approx(base_size() * DESK_TYPE)
    qtbot.waitUntil(lambda: start.events.count() == 2, timeout=5000)
    start.show()
    login.show()
    qtbot.wait(50)
    start.grab().save("/tmp/h16/start.png")
    login.grab().save("/tmp/h16/login.png")
