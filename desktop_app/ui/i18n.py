"""Interface language: our translations and Qt's own, switchable at run time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.resources import as_path

LANGUAGES = ("fr", "en")


def system_language() -> str:
    """French when the system locale is French, else English."""
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


class Translations:
    """Installs and swaps the translators of one application."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []

    def switch(self, language: str) -> None:
        """Use ``language`` from now on; widgets get a LanguageChange event and retranslate."""
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        if language == "en":
            return
        ours = QTranslator(self.app)
        if ours.load(str(as_path("translations", f"passerelle_{language}.qm"))):
            self.app.installTranslator(ours)
            self._installed.append(ours)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in ("qtbase", "qt"):
            theirs = QTranslator(self.app)
            if theirs.load(f"{name}_{language}", qt_dir):
                self.app.installTranslator(theirs)
                self._installed.append(theirs)
                break
