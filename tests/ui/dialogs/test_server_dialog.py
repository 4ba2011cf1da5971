"""The shared-database settings: the address round-trips, the password never reaches the
settings file (keyring, else this session only), and "Test connection" answers without
freezing the dialog."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import psycopg
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from desktop_app.ui.dialogs import server as server_dialog
from desktop_app.ui.dialogs.server import ServerDialog
from desktop_app.ui.dialogs.settings import SettingsDialog
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.server_settings import KEYRING_SERVICE, ServerAddress, ServerSettings
from desktop_app.ui.worker import Worker

PG_URL = os.environ.get("PASSERELLE_TEST_PG")
# Under pytest-xdist each worker tests against its own database.
OWN_DATABASE = "passerelle_h11" + (
    f"_{os.environ['PYTEST_XDIST_WORKER']}" if "PYTEST_XDIST_WORKER" in os.environ else ""
)
SECRET = "s3cret:p@ss/word"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring in memory, so tests never touch the real one."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(previous)


def ini(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def test_address_round_trips_and_the_password_goes_to_the_keyring(
    qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    del qtbot
    path = tmp_path / "desk.ini"
    settings = ServerSettings(ini(path))
    assert settings.url() is None  # never configured: local mode
    address = ServerAddress("192.168.1.10", 5433, "forum", "desk")
    settings.address = address
    settings.enabled = True
    assert settings.set_password(SECRET) is True
    settings.sync()

    again = ServerSettings(ini(path))
    assert again.address == address
    assert again.enabled
    assert again.url() == "postgresql://desk:s3cret%3Ap%40ss%2Fword@192.168.1.10:5433/forum"
    assert make_url(again.url() or "").password == SECRET
    assert memory_keyring.entries == {(KEYRING_SERVICE, "desk@192.168.1.10:5433/forum"): SECRET}
    assert "s3cret" not in path.read_text(encoding="utf-8")

    again.enabled = False
    assert again.url() is None  # switched off: the desk works on its own database


def test_without_a_keyring_the_password_lasts_this_session_only(
    qtbot: QtBot, tmp_path: Path, no_keyring: None
) -> None:
    path = tmp_path / "desk.ini"
    settings = ServerSettings(ini(path))
    worker = Worker()
    dialog = ServerDialog(settings, worker)
    qtbot.addWidget(dialog)
    assert "no password keyring" in dialog.keyring_note.text()
    dialog.enabled.setChecked(True)
    dialog.host.setText("venue-server")
    dialog.database.setText("forum")
    dialog.user.setText("desk")
    dialog.password.setText(SECRET)
    dialog.save()
    assert dialog.result() == ServerDialog.DialogCode.Accepted

    assert settings.password() == SECRET  # kept for this session
    assert "s3cret" not in path.read_text(encoding="utf-8")
    assert ServerSettings(ini(path)).url() == (
        "postgresql://desk:s3cret%3Ap%40ss%2Fword@venue-server:5432/forum"
    )
    settings.set_password("")
    assert settings.password() is None


def test_incomplete_address_is_not_saved(qtbot: QtBot, tmp_path: Path, no_keyring: None) -> None:
    settings = ServerSettings(ini(tmp_path / "desk.ini"))
    dialog = ServerDialog(settings, Worker())
    qtbot.addWidget(dialog)
    dialog.enabled.setChecked(True)
    dialog.host.setText("venue-server")
    dialog.save()
    assert dialog.result() != ServerDialog.DialogCode.Accepted
    assert "Give the server, the database and the user" in dialog.outcome.text()
    assert not settings.enabled


@pytest.mark.skipif(PG_URL is None, reason="needs PASSERELLE_TEST_PG")
def test_connection_to_the_test_server_reports_its_version(
    qtbot: QtBot, tmp_path: Path, no_keyring: None
) -> None:
    server = make_url(PG_URL or "")
    with psycopg.connect(
        server.set(drivername="postgresql").render_as_string(hide_password=False),
        autocommit=True,
    ) as connection:
        if (
            connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (OWN_DATABASE,)
            ).fetchone()
            is None
        ):
            connection.execute(f"CREATE DATABASE {OWN_DATABASE}")
    dialog = ServerDialog(ServerSettings(ini(tmp_path / "desk.ini")), Worker())
    qtbot.addWidget(dialog)
    dialog.host.setText(server.host or "127.0.0.1")
    dialog.port.setValue(server.port or 5432)
    dialog.database.setText(OWN_DATABASE)
    dialog.user.setText(server.username or "postgres")
    dialog.password.setText(server.password or "")
    with qtbot.waitSignal(dialog.tested, timeout=10_000) as blocker:
        dialog.test_connection()
    assert blocker.args == [True]
    assert dialog.outcome.text().startswith("Connected: PostgreSQL ")
    assert "the first desk will create the tables" in dialog.outcome.text()
    assert dialog.test_button.isEnabled()


def test_a_closed_port_is_explained_without_freezing(
    qtbot: QtBot, tmp_path: Path, no_keyring: None
) -> None:
    dialog = ServerDialog(ServerSettings(ini(tmp_path / "desk.ini")), Worker())
    qtbot.addWidget(dialog)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)
    dialog.database.setText("forum")
    dialog.user.setText("desk")
    with qtbot.waitSignal(dialog.tested, timeout=10_000) as blocker:
        dialog.test_connection()
        # The click returned at once: the attempt runs on the worker.
        assert not dialog.test_button.isEnabled()
        assert dialog.outcome.text() == "Connecting to 127.0.0.1…"
    assert blocker.args == [False]
    assert "Nothing answers on 127.0.0.1 port 1" in dialog.outcome.text()
    assert dialog.test_button.isEnabled()


def test_without_a_keyring_the_password_is_asked_at_start(
    qtbot: QtBot, tmp_path: Path, no_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    del qtbot
    path = tmp_path / "desk.ini"
    settings = ServerSettings(ini(path))
    settings.address = ServerAddress("venue-server", 5432, "forum", "asked")
    settings.enabled = True
    asked: list[str] = []

    def get_text(*args: object) -> tuple[str, bool]:
        asked.append(str(args[2]))
        return "typed-at-start", True

    monkeypatch.setattr(server_dialog.QInputDialog, "getText", get_text)
    server_dialog.ask_session_password(None, settings)
    assert len(asked) == 1 and "asked@venue-server:5432/forum" in asked[0]
    assert settings.url() == "postgresql://asked:typed-at-start@venue-server:5432/forum"
    settings.sync()
    assert "typed-at-start" not in path.read_text(encoding="utf-8")
    server_dialog.ask_session_password(None, settings)  # known now: not asked again
    assert len(asked) == 1
    settings.set_password("")


def test_the_settings_dialog_opens_the_shared_database(
    qtbot: QtBot, tmp_path: Path, no_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = MachineSettings(ini(tmp_path / "desk.ini"))
    ServerSettings(settings).address = ServerAddress("venue-server", 5432, "forum", "desk")
    dialog = SettingsDialog(None, settings, printers=lambda: [])
    qtbot.addWidget(dialog)
    shown: list[str] = []

    def exec_(self: ServerDialog) -> int:
        shown.append(self.host.text())
        return 0

    monkeypatch.setattr(ServerDialog, "exec", exec_)
    assert dialog.server_button.text() == "Shared data&base…"
    dialog.server_button.click()
    assert shown == ["venue-server"]
    dialog.worker.wait(10_000)
