"""The "Shared database" dialog: where the venue's PostgreSQL server is, and a connection test.

The password goes to the operating system's keyring (``ServerSettings.set_password``), never
to the settings file; without a keyring the dialog says it is kept for this session only.
"Test connection" runs on a worker (3 s at most), so the dialog never freezes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.admin.server_check import ServerCheck, check_server
from desktop_app.ui.dialogs.common import submit
from desktop_app.ui.errors import error_text
from desktop_app.ui.server_settings import (
    DEFAULT_PORT,
    ServerAddress,
    ServerSettings,
    keyring_available,
)
from desktop_app.ui.worker import Worker


class ServerDialog(QDialog):
    """Edits a desk's shared-server settings; "Save" writes them (password to the keyring)."""

    tested = Signal(bool)  # a test connection finished: succeeded or not

    def __init__(
        self, settings: ServerSettings, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.worker = worker
        address = settings.address
        self.enabled = QCheckBox()
        self.enabled.setChecked(settings.enabled)
        self.restart_note = QLabel()
        self.restart_note.setWordWrap(True)
        self.host = QLineEdit(address.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(address.port or DEFAULT_PORT)
        self.database = QLineEdit(address.database)
        self.user = QLineEdit(address.user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self._has_password = bool(address.complete and settings.password(address))
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self.test_connection)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName("connection result")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        for key, field in (
            ("host", self.host),
            ("port", self.port),
            ("database", self.database),
            ("user", self.user),
            ("password", self.password),
        ):
            label = QLabel()
            label.setBuddy(field)
            self.labels[key] = label
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enabled)
        layout.addWidget(self.restart_note)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.test_button)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.retranslate()

    def address(self) -> ServerAddress:
        """The address as typed."""
        return ServerAddress(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    def typed_password(self) -> str | None:
        """The password typed, else the one kept for this address (keyring or session)."""
        typed = self.password.text()
        if typed:
            return typed
        address = self.address()
        return self.settings.password(address) if address.complete else None

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.setWindowTitle(self.tr("Shared database"))
        self.enabled.setText(self.tr("&Work on a shared database server (several desks)"))
        self.restart_note.setText(
            self.tr(
                "The desk opens the shared database the next time Passerelle starts. The"
                " first desk creates the tables in an empty database; every desk keeps a"
                " copy of the event to work offline when the network fails."
            )
        )
        self.labels["host"].setText(self.tr("&Server"))
        self.host.setPlaceholderText(self.tr("host name or IP address, e.g. 192.168.1.10"))
        self.labels["port"].setText(self.tr("&Port"))
        self.labels["database"].setText(self.tr("&Database"))
        self.labels["user"].setText(self.tr("&User"))
        self.labels["password"].setText(self.tr("Pass&word"))
        self.password.setPlaceholderText(
            self.tr("kept (leave empty to keep it)") if self._has_password else ""
        )
        self.test_button.setText(self.tr("&Test connection"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if keyring_available():
            self.keyring_note.setText(
                self.tr("The password is kept in this computer's password keyring.")
            )
        else:
            self.keyring_note.setText(
                self.tr(
                    "This computer has no password keyring: the password is kept only until"
                    " Passerelle closes, and asked again next time. It is never written to"
                    " the settings file."
                )
            )

    # -- test connection ------------------------------------------------------------------

    def _show(self, text: str, *, ok: bool) -> None:
        palette = self.outcome.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText,
            self.palette().color(QPalette.ColorRole.WindowText) if ok else Qt.GlobalColor.darkRed,
        )
        self.outcome.setPalette(palette)
        self.outcome.setText(text)

    def test_connection(self) -> None:
        """Try the server on the worker; the answer appears under the button."""
        address = self.address()
        if not address.complete:
            self._show(self.tr("Give the server, the database and the user first."), ok=False)
            self.tested.emit(False)
            return
        url = address.url(self.typed_password())
        self.test_button.setEnabled(False)
        self._show(self.tr("Connecting to {host}…").format(host=address.host), ok=True)
        submit(self.worker, self, lambda: check_server(url), self._tested, self._failed)

    def _tested(self, check: ServerCheck) -> None:
        self.test_button.setEnabled(True)
        text = self.tr("Connected: PostgreSQL {version}.").format(version=check.version)
        if check.state == "empty":
            text += " " + self.tr("The database is empty: the first desk will create the tables.")
        elif check.state == "passerelle":
            text += " " + self.tr("The database holds Passerelle's tables.")
        else:
            text += " " + self.tr(
                "The database holds other tables but not Passerelle's: the first desk will"
                " add its tables next to them."
            )
        self._show(text, ok=True)
        self.tested.emit(True)

    def _failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self._show(error_text(error), ok=False)
        self.tested.emit(False)

    # -- save -----------------------------------------------------------------------------

    def save(self) -> None:
        """Write the address and the switch; the password to the keyring (or this session)."""
        address = self.address()
        if self.enabled.isChecked() and not address.complete:
            self._show(self.tr("Give the server, the database and the user first."), ok=False)
            return
        self.settings.address = address
        self.settings.enabled = self.enabled.isChecked()
        if self.password.text():
            self.settings.set_password(self.password.text(), address)
        self.settings.sync()
        self.accept()


def ask_session_password(parent: QWidget | None, settings: ServerSettings) -> None:
    """At start, on a machine without a keyring: ask the server's password for this session.

    Nothing to do when shared mode is off, a keyring holds the password, or it was typed
    already. Cancelled, the desk tries without one (and says so if the server refuses).
    """
    address = settings.address
    if not settings.enabled or not address.complete or keyring_available():
        return
    if settings.password(address) is not None:
        return
    password, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("ServerDialog", "Shared database"),
        QCoreApplication.translate(
            "ServerDialog",
            "Password of {account}\n(this computer has no password keyring: it is kept"
            " until Passerelle closes)",
        ).format(account=address.account),
        QLineEdit.EchoMode.Password,
    )
    if ok and password:
        settings.set_password(password, address)
