"""Start of a shift: which event this desk works, and the desk's name (remembered here)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, QEvent, QLocale, QSysInfo, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.admin.events import EventSummary
from desktop_app.services.office import Office
from desktop_app.ui.dialogs.common import ErrorLine, interface_language, submit, use_desk_type
from desktop_app.ui.language_switch import add_language_switch
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.worker import Worker

SLUG_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class StartChoice:
    """What the desk works on until the next start."""

    event_slug: str
    desk_name: str


def default_desk_name() -> str:
    """A name to start from on a new machine: the computer's own name."""
    return QSysInfo.machineHostName().split(".")[0][:40]


class StartDialog(QDialog):
    """Lists the events of the database; the desk name and last event come preselected."""

    def __init__(
        self,
        parent: QWidget | None,
        worker: Worker,
        office: Office,
        settings: MachineSettings,
        *,
        choose_language: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.office = office
        self.settings = settings
        self._events: list[EventSummary] = []
        self._loaded = False

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.events = QListWidget()
        self.events.setAlternatingRowColors(True)
        self.events.setMinimumSize(520, 220)
        self.events.setWordWrap(True)
        self.events.setSpacing(3)
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events_label = QLabel()
        self.events_label.setBuddy(self.events)
        self.desk = QLineEdit(settings.desk_name or default_desk_name())
        self.desk.setMaxLength(60)
        self.desk.setClearButtonEnabled(True)
        self.desk_label = QLabel()
        self.desk_label.setBuddy(self.desk)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = ErrorLine()
        self.retry = QPushButton()
        self.retry.hide()
        self.retry.clicked.connect(self.load)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.desk_label, self.desk)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.events_label)
        layout.addWidget(self.events, 1)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.language_switch = add_language_switch(layout, choose_language)
        use_desk_type(self)

        self.events.currentItemChanged.connect(lambda *_: self._update_ok())
        self.events.itemActivated.connect(lambda _item: self.accept())
        self.desk.textChanged.connect(lambda _text: self._update_ok())
        self.retranslate()
        self._update_ok()
        self.load()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        worker: Worker,
        office: Office,
        settings: MachineSettings,
        *,
        choose_language: Callable[[str], None] | None = None,
    ) -> StartChoice | None:
        """Show the dialog; the choice (also saved in ``settings``), or None if cancelled."""
        dialog = cls(parent, worker, office, settings, choose_language=choose_language)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def load(self) -> None:
        """Fetch the events in the background."""
        self.retry.hide()
        self.error.clear_error()
        self._loaded = False
        self.status.setText(self.tr("Loading the events…"))
        self.status.show()
        submit(self.worker, self, self.office.events, self._show, self._failed)

    def choice(self) -> StartChoice | None:
        """The selected event and desk name, or None while incomplete."""
        item = self.events.currentItem()
        desk = " ".join(self.desk.text().split())
        if item is None or not desk:
            return None
        return StartChoice(event_slug=str(item.data(SLUG_ROLE)), desk_name=desk)

    def accept(self) -> None:
        """Remember the choice on this machine, then close."""
        choice = self.choice()
        if choice is None:
            return
        self.settings.desk_name = choice.desk_name
        self.settings.event_slug = choice.event_slug
        self.settings.sync()
        super().accept()

    def _show(self, events: list[EventSummary]) -> None:
        self._events = events
        self._loaded = True
        self._fill()
        remembered = self.settings.event_slug
        for row in range(self.events.count()):
            if self.events.item(row).data(SLUG_ROLE) == remembered:
                self.events.setCurrentRow(row)
                break
        else:
            if self.events.count():
                self.events.setCurrentRow(0)
        self.events.setFocus()
        self._update_ok()

    def _fill(self) -> None:
        current = self.events.currentItem()
        slug = current.data(SLUG_ROLE) if current is not None else None
        self.events.clear()
        for event in self._events:
            item = QListWidgetItem(self._describe(event))
            item.setData(SLUG_ROLE, event.slug)
            self.events.addItem(item)
            if event.slug == slug:
                self.events.setCurrentItem(item)
        if not self._loaded:
            return
        if self._events:
            self.status.hide()
        else:
            self.status.setText(
                self.tr(
                    "There is no event in this database yet. The event manager adds one with "
                    "“passerelle events import FILE”."
                )
            )
            self.status.show()

    def _describe(self, event: EventSummary) -> str:
        language = interface_language()
        name = event.name_fr if language == "fr" else event.name_en
        locale = QLocale(QLocale.Language.French if language == "fr" else QLocale.Language.English)
        day_format = "d MMMM yyyy" if language == "fr" else "MMMM d, yyyy"
        start = QDate(event.starts.year, event.starts.month, event.starts.day)
        end = QDate(event.ends.year, event.ends.month, event.ends.day)
        dates = locale.toString(start, day_format)
        if end != start:
            dates = self.tr("{start} to {end}").format(
                start=dates, end=locale.toString(end, day_format)
            )
        counts = self.tr("{checked_in} of {registrations} checked in").format(
            checked_in=locale.toString(event.checked_in),
            registrations=locale.toString(event.registrations),
        )
        return f"{name}\n{dates} · {event.city}\n{event.venue} · {counts}"

    def _failed(self, error: BaseException) -> None:
        self.status.hide()
        self.error.show_error(error)
        self.retry.show()

    def _update_ok(self) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(self.choice() is not None)

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.setWindowTitle(self.tr("Start the desk"))
        self.intro.setText(self.tr("Choose the event this desk works on and give the desk a name."))
        self.events_label.setText(self.tr("&Event"))
        self.desk_label.setText(self.tr("&Desk name"))
        self.desk.setPlaceholderText(self.tr("For example: Desk 2, main entrance"))
        self.retry.setText(self.tr("&Retry"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if self._loaded:
            self._fill()
        elif not self.error.text():
            self.status.setText(self.tr("Loading the events…"))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
