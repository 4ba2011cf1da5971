"""The main window (until the desk screen lands): events and their counts, live."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.db.database import Database
from desktop_app.services.events import EventSummary, list_events
from desktop_app.ui.errors import error_text
from desktop_app.ui.events_model import EventsModel
from desktop_app.ui.worker import Worker

REFRESH_MS = 2000


class MainWindow(QMainWindow):
    """Lists events with registered and checked-in counts that keep up."""

    def __init__(self, worker: Worker, switch_language: Callable[[str], None]) -> None:
        super().__init__()
        self.worker = worker
        self.switch_language = switch_language
        self.database: Database | None = None
        self.location = ""
        self._loading = False
        self._last_error: BaseException | None = None

        self.title = QLabel()
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.french = QPushButton("FR")
        self.english = QPushButton("EN")
        for button, language in ((self.french, "fr"), (self.english, "en")):
            button.setCheckable(True)
            button.setFixedWidth(48)
            button.clicked.connect(lambda _=False, lang=language: self.switch_language(lang))
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.french)
        header.addWidget(self.english)

        self.model = EventsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        table_font = QFont(self.table.font())
        table_font.setPointSizeF(table_font.pointSizeF() * 1.25)
        self.table.setFont(table_font)

        self.status = QLabel()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout()
        layout.addLayout(header)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.resize(1100, 560)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()

    def set_database(self, database: Database, location: str) -> None:
        """Start showing this database's events."""
        self.database = database
        self.location = location
        self.retranslate()
        self.refresh()
        self.timer.start()

    def set_status(self, text: str) -> None:
        """Show a line at the bottom of the window."""
        self.status.setText(text)

    def show_error(self, error: BaseException) -> None:
        """Show a loading or opening error in place (the window stays usable)."""
        self._last_error = error
        self.status.setText(error_text(error))

    def refresh(self) -> None:
        """Reload the events in the background; never blocks the GUI thread."""
        if self.database is None or self._loading:
            return
        self._loading = True
        sessions = self.database.sessions
        self.worker.submit(lambda: list_events(sessions), self._loaded, self._failed)

    def _loaded(self, events: list[EventSummary]) -> None:
        self._loading = False
        self._last_error = None
        self.model.set_events(events)
        self.retranslate()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.show_error(error)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every visible string, in the current language."""
        language = "fr" if self.tr("LANGUAGE_CODE") == "fr" else "en"
        self.model.set_language(language)
        self.french.setChecked(language == "fr")
        self.english.setChecked(language == "en")
        self.setWindowTitle(self.tr("Passerelle — events"))
        self.title.setText(self.tr("Events"))
        self.french.setToolTip(self.tr("Français"))
        self.english.setToolTip(self.tr("English"))
        if self._last_error is not None:
            self.status.setText(error_text(self._last_error))
        elif self.database is None:
            self.status.setText(self.tr("Opening the database…"))
        else:
            count = self.model.rowCount()
            self.status.setText(
                self.tr("%n event(s) — database: {location}", "", count).format(
                    location=self.location
                )
            )
