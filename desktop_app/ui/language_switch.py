"""FR | EN: two buttons that switch the whole application's language at once (the desk's
header has its own pair; dialogs shown before the desk, start and sign-in, get this one)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QWidget

from desktop_app.ui.dialogs.common import interface_language


class LanguageSwitch(QWidget):
    """The pair of buttons; ``choose(language)`` switches (and remembers) the language."""

    def __init__(self, choose: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choose = choose
        self.french = QPushButton("FR")
        self.english = QPushButton("EN")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for button, language in ((self.french, "fr"), (self.english, "en")):
            button.setCheckable(True)
            button.setFixedWidth(48)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the fields
            button.clicked.connect(lambda _=False, lang=language: self._chosen(lang))
            layout.addWidget(button)
        self._mark()

    def _chosen(self, language: str) -> None:
        self.choose(language)
        self._mark()

    def _mark(self) -> None:
        french = interface_language() == "fr"
        self.french.setChecked(french)
        self.english.setChecked(not french)
        self.french.setAccessibleName("Français")
        self.english.setAccessibleName("English")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._mark()
        super().changeEvent(event)


def add_language_switch(
    layout: QBoxLayout, choose: Callable[[str], None] | None
) -> LanguageSwitch | None:
    """Put a FR | EN switch at the top right of a dialog's ``layout`` (none without
    ``choose``)."""
    if choose is None:
        return None
    switch = LanguageSwitch(choose)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(switch)
    layout.insertLayout(0, row)
    return switch
