"""The receipt part of the desk settings that is not the printer: the paper (Letter or the
80 mm roll) and the folder where receipts are saved as PDF when there is no printer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.ui.machine_settings import RECEIPT_LAYOUTS, MachineSettings


class ReceiptSettings(QWidget):
    """Edits the receipt layout and folder of a ``MachineSettings``; ``save`` writes them."""

    def __init__(self, settings: MachineSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_choice = QComboBox()
        for layout in RECEIPT_LAYOUTS:
            self.layout_choice.addItem("", layout)
        self.layout_choice.setCurrentIndex(
            max(self.layout_choice.findData(settings.receipt_layout), 0)
        )
        # The folder is shown in full: it is where staff look for a receipt to hand over.
        self.folder = QLineEdit(str(settings.receipt_folder))
        self.choose = QPushButton()
        self.choose.clicked.connect(self.choose_folder)
        self.note = QLabel()
        self.note.setWordWrap(True)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.layout_label = QLabel()
        self.layout_label.setBuddy(self.layout_choice)
        self.folder_label = QLabel()
        self.folder_label.setBuddy(self.folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        form.addRow(self.layout_label, self.layout_choice)
        form.addRow(self.folder_label, row)
        form.addRow(self.note)
        self.retranslate()

    def chosen_folder(self) -> Path | None:
        """The folder typed or chosen; ``None`` when the field is empty (the default one)."""
        text = self.folder.text().strip()
        return Path(text).expanduser() if text else None

    def choose_folder(self) -> None:
        """Pick the folder with the system's folder dialog."""
        start = self.chosen_folder() or Path.home()
        path = QFileDialog.getExistingDirectory(self, self.tr("Receipt folder"), str(start))
        if path:
            self.folder.setText(path)

    def save(self, settings: MachineSettings) -> None:
        """Write the layout and the folder to ``settings``."""
        settings.receipt_layout = self.layout_choice.currentData()
        settings.receipt_folder = self.chosen_folder()

    def retranslate(self) -> None:
        """Every text in the interface language."""
        names = {
            "letter": self.tr("Letter page (8.5 × 11 in)"),
            "roll-80": self.tr("80 mm receipt roll (thermal printer)"),
        }
        for index in range(self.layout_choice.count()):
            self.layout_choice.setItemText(index, names[str(self.layout_choice.itemData(index))])
        self.layout_label.setText(self.tr("Rece&ipt paper"))
        self.folder_label.setText(self.tr("Receipt fol&der"))
        self.choose.setText(self.tr("Choo&se…"))
        self.note.setText(
            self.tr(
                "Without a receipt printer, or when it fails, each receipt is saved here as"
                " a PDF only this computer's user can open (receipts hold personal information)."
            )
        )
