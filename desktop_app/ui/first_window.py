"""The first window, shown before the desk's modules load, and ``PASSERELLE_QUIT_AFTER_SHOW``.

Loading the desk (SQLAlchemy, the models, the services, ReportLab) takes about a second of
Python imports; :func:`show_first_window` puts the splash on screen before that, so a desk
that was double-clicked answers at once (issue #16). The desk's launcher then takes the same
window over (:func:`take_first_window`) and writes what it is doing in it.

``PASSERELLE_QUIT_AFTER_SHOW`` makes the process quit as soon as a window shows
(bench/bench_start.py).

Cold start is measured on the installed command in a fresh process; the process says when
its first window appeared on standard output and quits, so a bench can time it without a
display server or a screen grabber. ``1`` stops at the first top-level window (the
splash); a class name (``StartDialog``) stops at the first window of that class.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop_app import __version__

ENV_QUIT_AFTER_SHOW = "PASSERELLE_QUIT_AFTER_SHOW"

_waiting: list[QLabel] = []  # the first window, until the launcher takes it
_watched: list[QCoreApplication] = []  # applications already watched for their first window


def show_first_window() -> QApplication:
    """Make the application and show the splash now, before the desk's modules load."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    quit_after_first_window(app)
    splash = QLabel(f"Passerelle {__version__}")
    splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
    splash.setMinimumSize(420, 140)
    splash.setWindowTitle("Passerelle")
    splash.show()
    app.processEvents()  # painted now: the imports that follow keep the event loop waiting
    _waiting.append(splash)
    return app


def take_first_window() -> QLabel | None:
    """The splash :func:`show_first_window` showed, for the launcher to reuse (else None)."""
    return _waiting.pop() if _waiting else None


def close_first_window() -> None:
    """Close the splash if no launcher took it (the lead station has its own windows)."""
    while _waiting:
        _waiting.pop().close()


class _QuitAfterShow(QObject):
    def __init__(self, wanted: str, parent: QObject) -> None:
        super().__init__(parent)
        self.wanted = wanted
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.done
            and event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and self.wanted in ("1", type(watched).__name__)
        ):
            self.done = True
            # CPU seconds too: on a shared machine they depend less on the load than the wall.
            cpu = time.process_time()
            sys.stdout.write(f"first-window {type(watched).__name__} cpu={cpu:.3f}\n")
            sys.stdout.flush()
            # Asked again and again: an exit asked while no loop runs (the splash is painted
            # with processEvents before the desk loads) is lost. Once a loop runs, exit ends
            # it and every dialog's own loop too.
            timer = QTimer(self)
            timer.timeout.connect(lambda: QCoreApplication.exit(0))
            timer.start(10)
        return False


def quit_after_first_window(app: QCoreApplication) -> None:
    """Install the watcher when the environment asks for it; nothing otherwise."""
    wanted = os.environ.get(ENV_QUIT_AFTER_SHOW, "")
    if wanted and app not in _watched:
        _watched.append(app)
        app.installEventFilter(_QuitAfterShow(wanted, app))
