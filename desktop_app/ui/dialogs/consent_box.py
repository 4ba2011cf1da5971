"""The event's consent questions in the walk-in form: one unticked box per purpose, with its
wording (consent is express and opt-in: a box left unticked is a no)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop_app.services.privacy.consents import Purpose
from desktop_app.ui.dialogs.common import interface_language


class ConsentBox(QGroupBox):
    """Unticked boxes for the event's purposes; hidden when the event asks none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.purposes: tuple[Purpose, ...] = ()
        self.boxes: dict[str, QCheckBox] = {}
        self.wordings: dict[str, QLabel] = {}
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.hint)
        self.setVisible(False)
        self.retranslate()

    def set_purposes(self, purposes: tuple[Purpose, ...]) -> None:
        """The event's purposes (once: ticks already given stay)."""
        if purposes == self.purposes:
            return
        self.purposes = purposes
        for widget in (*self.boxes.values(), *self.wordings.values()):
            widget.deleteLater()
        self.boxes, self.wordings = {}, {}
        for purpose in purposes:
            box = QCheckBox()  # its short name; the whole sentence below it, wrapped
            box.setChecked(False)  # opt-in: never ticked for the person
            wording = QLabel()
            wording.setWordWrap(True)
            wording.setContentsMargins(24, 0, 0, 4)
            wording.setBuddy(box)
            self._layout.addWidget(box)
            self._layout.addWidget(wording)
            self.boxes[purpose.code] = box
            self.wordings[purpose.code] = wording
        self.setVisible(bool(purposes))
        self.retranslate()

    def answers(self) -> tuple[tuple[str, bool], ...]:
        """Each purpose with the person's answer (unticked: no)."""
        return tuple((code, box.isChecked()) for code, box in self.boxes.items())

    def retranslate(self) -> None:
        """The wordings in the interface language."""
        language = interface_language()
        self.setTitle(self.tr("Consent"))
        self.hint.setText(
            self.tr("Read each sentence to the person; tick only what they agree to.")
        )
        for purpose in self.purposes:
            self.boxes[purpose.code].setText(purpose.label(language))
            self.wordings[purpose.code].setText(purpose.wording(language))
