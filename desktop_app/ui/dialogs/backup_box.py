"""The "Backups" part of the desk settings: the folder (a USB key, say), how often, how many."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop_app.ui.machine_settings import MachineSettings

MAX_INTERVAL_MINUTES = 240
MAX_KEEP = 500


class BackupSettingsBox(QGroupBox):
    """Edits the backup settings of a ``MachineSettings``; ``save`` writes them."""

    def __init__(self, settings: MachineSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Empty until someone chooses: the default (next to the database) is shown as the
        # placeholder, so saving does not turn it into a choice that follows other databases.
        self.folder = QLineEdit(
            str(settings.backup_folder) if settings.backup_folder_chosen else ""
        )
        self.folder.setPlaceholderText(str(settings.backup_folder))
        self.choose = QPushButton()
        self.choose.clicked.connect(self.choose_folder)
        self.interval = QSpinBox()
        self.interval.setRange(1, MAX_INTERVAL_MINUTES)
        self.interval.setValue(min(settings.backup_interval_minutes, MAX_INTERVAL_MINUTES))
        self.keep = QSpinBox()
        self.keep.setRange(1, MAX_KEEP)
        self.keep.setValue(min(settings.backup_keep, MAX_KEEP))
        self.note = QLabel()
        self.note.setWordWrap(True)

        form = QFormLayout(self)
        self.folder_label = QLabel()
        self.folder_label.setBuddy(self.folder)
        self.interval_label = QLabel()
        self.interval_label.setBuddy(self.interval)
        self.keep_label = QLabel()
        self.keep_label.setBuddy(self.keep)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        form.addRow(self.folder_label, row)
        form.addRow(self.interval_label, self.interval)
        form.addRow(self.keep_label, self.keep)
        form.addRow(self.note)
        self.retranslate()

    def chosen_folder(self) -> Path | None:
        """The folder typed or chosen; ``None`` when the field is empty (the default one)."""
        text = self.folder.text().strip()
        return Path(text).expanduser() if text else None

    def choose_folder(self) -> None:
        """Pick the folder with the system's folder dialog."""
        start = self.chosen_folder() or Path.home()
        path = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), str(start))
        if path:
            self.folder.setText(path)

    def save(self, settings: MachineSettings) -> None:
        """Write the folder, interval and number kept to ``settings``."""
        settings.backup_folder = self.chosen_folder()
        settings.backup_interval_minutes = self.interval.value()
        settings.backup_keep = self.keep.value()

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.setTitle(self.tr("Backups"))
        self.folder_label.setText(self.tr("Backup f&older"))
        self.choose.setText(self.tr("C&hoose…"))
        self.interval_label.setText(self.tr("&Every"))
        self.interval.setSuffix(self.tr(" min"))
        self.keep_label.setText(self.tr("&Keep the last"))
        self.keep.setSuffix(self.tr(" backups"))
        self.note.setText(
            self.tr(
                "The desk copies its local database here while it works and when it closes."
                " A USB key keeps a copy if this computer fails. A shared database is"
                " backed up on its server."
            )
        )
