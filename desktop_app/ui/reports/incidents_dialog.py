"""Desk → Privacy incidents… (supervisors): the register of confidentiality incidents, with
a form to record one or to amend the selected one (each amendment a new version, with its
reason; nothing is ever deleted). Reads and writes run on the desk's workers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.privacy.incidents import Incident, IncidentFields
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.dialogs.common import ErrorLine, submit


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _date(edit: QDateEdit) -> date | None:
    return None if edit.date() == edit.minimumDate() else _day(edit)


def _date_edit(optional: bool) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(2000, 1, 1))
    if optional:
        edit.setSpecialValueText("—")
        edit.setDate(edit.minimumDate())
    else:
        edit.setDate(QDate.currentDate())
    return edit


class IncidentsDialog(QDialog):
    """The register, and the form for one incident."""

    def __init__(self, parent: QWidget | None, context: DeskContext) -> None:
        super().__init__(parent)
        self.context = context
        self.incidents: list[Incident] = []
        self.table = QTableWidget(0, 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)

        self.description = QLineEdit()
        self.circumstances = QPlainTextEdit()
        self.circumstances.setFixedHeight(60)
        self.period_start = _date_edit(optional=False)
        self.period_end = _date_edit(optional=True)
        self.learned_on = _date_edit(optional=False)
        self.people = QSpinBox()
        self.people.setRange(-1, 10_000_000)
        self.people.setSpecialValueText("?")
        self.people.setValue(-1)
        self.risk = QPlainTextEdit()
        self.risk.setFixedHeight(50)
        self.serious = QCheckBox()
        self.cai_notified = _date_edit(optional=True)
        self.people_notified = _date_edit(optional=True)
        self.measures = QPlainTextEdit()
        self.measures.setFixedHeight(50)
        self.reason = QLineEdit()
        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        for key, widget in (
            ("description", self.description),
            ("circumstances", self.circumstances),
            ("from", self.period_start),
            ("to", self.period_end),
            ("learned", self.learned_on),
            ("people", self.people),
            ("risk", self.risk),
            ("serious", self.serious),
            ("cai", self.cai_notified),
            ("notified", self.people_notified),
            ("measures", self.measures),
            ("reason", self.reason),
        ):
            self.labels[key] = QLabel()
            self.form.addRow(self.labels[key], widget)
        self.record_button = QPushButton()
        self.record_button.clicked.connect(self.record)
        self.amend_button = QPushButton()
        self.amend_button.clicked.connect(self.amend)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.clear_form)
        self.status = QLabel()
        self.error = ErrorLine()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        for button in (self.new_button, self.record_button, self.amend_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.form)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.retranslate()
        self.resize(900, 760)
        self.clear_form()
        self.reload()

    # -- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the register in the background."""
        register = self.context.office.incidents
        submit(self.context.reader, self, register.all, self._loaded)

    def _loaded(self, incidents: list[Incident]) -> None:
        self.incidents = incidents
        self.table.setRowCount(len(incidents))
        for row, incident in enumerate(incidents):
            fields = incident.current
            cells = (
                str(incident.number),
                str(fields.period_start),
                "?" if fields.people_count is None else str(fields.people_count),
                self.tr("yes") if fields.serious_risk else self.tr("no"),
                str(fields.cai_notified_on or "—"),
                fields.description,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, incident.number)
                self.table.setItem(row, column, item)

    def selected(self) -> Incident | None:
        """The incident selected in the register."""
        rows = self.table.selectionModel().selectedRows()
        return self.incidents[rows[0].row()] if rows else None

    def _selected(self) -> None:
        incident = self.selected()
        self.amend_button.setEnabled(incident is not None)
        if incident is None:
            return
        fields = incident.current
        self.description.setText(fields.description)
        self.circumstances.setPlainText(fields.circumstances)
        self.period_start.setDate(_qdate(fields.period_start))
        self._set_optional(self.period_end, fields.period_end)
        self.learned_on.setDate(_qdate(fields.learned_on))
        self.people.setValue(-1 if fields.people_count is None else fields.people_count)
        self.risk.setPlainText(fields.risk)
        self.serious.setChecked(fields.serious_risk)
        self._set_optional(self.cai_notified, fields.cai_notified_on)
        self._set_optional(self.people_notified, fields.people_notified_on)
        self.measures.setPlainText(fields.measures)
        self.reason.clear()
        self.status.setText(
            self.tr("Incident {number}: {count} version(s).").format(
                number=incident.number, count=len(incident.history)
            )
        )

    @staticmethod
    def _set_optional(edit: QDateEdit, value: date | None) -> None:
        edit.setDate(edit.minimumDate() if value is None else _qdate(value))

    # -- writing -------------------------------------------------------------------------

    def fields(self) -> IncidentFields:
        """The form as the register's fields (checked by the service)."""
        return IncidentFields(
            description=self.description.text(),
            circumstances=self.circumstances.toPlainText(),
            period_start=_day(self.period_start),
            period_end=_date(self.period_end),
            learned_on=_day(self.learned_on),
            people_count=None if self.people.value() < 0 else self.people.value(),
            risk=self.risk.toPlainText(),
            serious_risk=self.serious.isChecked(),
            cai_notified_on=_date(self.cai_notified),
            people_notified_on=_date(self.people_notified),
            measures=self.measures.toPlainText(),
        )

    def clear_form(self) -> None:
        """An empty form for a new incident."""
        self.table.clearSelection()
        for field in (self.description, self.reason):
            field.clear()
        for text in (self.circumstances, self.risk, self.measures):
            text.clear()
        self.people.setValue(-1)
        self.serious.setChecked(False)
        for edit in (self.period_end, self.cai_notified, self.people_notified):
            edit.setDate(edit.minimumDate())
        self.amend_button.setEnabled(False)

    def record(self) -> None:
        """Add the form as a new incident."""
        register, staff, fields = (
            self.context.office.incidents,
            self.context.staff.name,
            self.fields(),
        )
        self.error.clear_error()
        submit(
            self.context.writer,
            self,
            lambda: register.record(fields, staff=staff),
            self._written,
            self.error.show_error,
        )

    def amend(self) -> None:
        """Write the form as a new version of the selected incident, with its reason."""
        incident = self.selected()
        if incident is None:
            return
        current, wanted = incident.current, self.fields()
        changes = {
            name: getattr(wanted, name)
            for name in IncidentFields.__dataclass_fields__
            if getattr(wanted, name) != getattr(current, name)
        }
        if not changes:
            self.error.show_error(self.tr("Nothing was changed in the form."))
            return
        register, staff, reason = (
            self.context.office.incidents,
            self.context.staff.name,
            self.reason.text(),
        )
        number = incident.number
        self.error.clear_error()
        submit(
            self.context.writer,
            self,
            lambda: register.amend(number, changes, reason=reason, staff=staff),
            self._written,
            self.error.show_error,
        )

    def _written(self, incident: Incident) -> None:
        self.status.setText(
            self.tr("Incident {number} saved (version {version}).").format(
                number=incident.number, version=len(incident.history)
            )
        )
        self.reload()

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.setWindowTitle(self.tr("Privacy incidents"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Since"),
                self.tr("People"),
                self.tr("Serious risk"),
                self.tr("Commission notified"),
                self.tr("Information concerned"),
            ]
        )
        texts = {
            "description": self.tr("Information concerned:"),
            "circumstances": self.tr("Circumstances:"),
            "from": self.tr("Began on:"),
            "to": self.tr("Ended on:"),
            "learned": self.tr("Learned of it on:"),
            "people": self.tr("People concerned:"),
            "risk": self.tr("Risk of serious injury (assessment):"),
            "serious": self.tr("Serious:"),
            "cai": self.tr("Commission (CAI) notified on:"),
            "notified": self.tr("People notified on:"),
            "measures": self.tr("Measures taken:"),
            "reason": self.tr("Reason for the amendment:"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.serious.setText(self.tr("yes: notify the Commission and the people concerned"))
        self.new_button.setText(self.tr("New"))
        self.record_button.setText(self.tr("Record as a new incident"))
        self.amend_button.setText(self.tr("Amend the selected incident"))
