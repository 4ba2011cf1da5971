"""The search field and its results: updated as staff type, never freezing the window.

Each keystroke runs its query on the reader worker at once: a search costs a few ms (issue
#16), so the first key after a pause waits for nothing. One query runs at a time: while it
runs, newer keystrokes only update what to run next (fast typing is coalesced there, not by a
timer), and a result that no longer matches the field is dropped, so the list never shows an
old query.

A scan typed into the field lets its keys through at once and takes them back when Enter shows
it was a scan (ui/scanner.py): the text returning to what it was is no new typing. The list
still answering that text stays as it is; otherwise that text is searched again, and no row is
chosen for it unless the chosen one is still listed (the scan's outcome chooses its own).
Keys closer together than people type (a scanner's) are searched once they stop: a scan's
keys cost one search (its first key's), not one per answer, while the check-in runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.desk.search import SearchHit
from desktop_app.ui.desk.results_model import ResultsModel
from desktop_app.ui.errors import error_text
from desktop_app.ui.scanner import is_taking_back
from desktop_app.ui.worker import Worker

SearchFunction = Callable[[str], list[SearchHit]]

SCANNER_FAST_S = 0.015
"""Keys closer together than this are a scanner's (people type 30 ms apart and more, even in
a burst): the text they make is searched once they pause, or never if it was a scan."""


@dataclass(frozen=True)
class _Answer:
    query: str
    hits: list[SearchHit]


class SearchField(QLineEdit):
    """The big field; Up, Down, Page Up and Page Down move through the results."""

    moved = Signal(int)  # rows to move by (negative: up)

    _MOVES: ClassVar[dict[Qt.Key, int]] = {
        Qt.Key.Key_Up: -1,
        Qt.Key.Key_Down: 1,
        Qt.Key.Key_PageUp: -10,
        Qt.Key.Key_PageDown: 10,
    }

    def keyPressEvent(self, event: QKeyEvent) -> None:
        move = self._MOVES.get(Qt.Key(event.key()))
        if move is not None:
            self.moved.emit(move)
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """The field, the results table and a line saying how many matched."""

    current_changed = Signal(object)  # SearchHit | None
    activated = Signal(object)  # SearchHit: double-click on a row
    searched = Signal(str)  # a query's results are on screen (for tests and the benchmark)
    emptied = Signal()  # the text designates no one any more: no card may stay for Enter

    def __init__(
        self,
        reader: Worker,
        search: SearchFunction,
        parent: QWidget | None = None,
        *,
        timezone: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self.search = search
        self._running: str | None = None
        self._next: str | None = None
        self._shown_query = ""
        self._last_error: BaseException | None = None
        self._unselected = False  # no row chosen on purpose: a refresh keeps it that way
        self._then: tuple[str, Callable[[list[SearchHit]], None]] | None = None
        self._restoring: str | None = None  # the text a scan's take-back put back
        self.clock: Callable[[], float] = time.monotonic  # seconds; tests pass their own
        self.fast_keys_s = SCANNER_FAST_S
        self._typed_at = -SCANNER_FAST_S
        self._after_fast_keys = QTimer(self)
        self._after_fast_keys.setSingleShot(True)
        self._after_fast_keys.timeout.connect(self._search_after_fast_keys)

        self.field = SearchField()
        field_font = QFont(self.field.font())
        field_font.setPointSizeF(field_font.pointSizeF() * 1.8)
        self.field.setFont(field_font)
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumHeight(52)
        self.field.setStyleSheet(
            "QLineEdit { border:3px solid #0d47a1; border-radius:6px; padding:2px 8px; }"
        )
        self.model = ResultsModel(self, timezone)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        table_font = QFont(self.view.font())
        table_font.setPointSizeF(table_font.pointSizeF() * 1.3)
        self.view.setFont(table_font)
        self.view.verticalHeader().setDefaultSectionSize(round(table_font.pointSizeF() * 2.6))
        self.view.setStyleSheet(
            "QTableView { selection-background-color:#0d47a1; selection-color:#ffffff; }"
        )
        self.status = QLabel()
        self.status.setStyleSheet("color:#333333;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self.field.textChanged.connect(self._typed)
        self.field.moved.connect(self.move_selection)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.view.doubleClicked.connect(self._double_clicked)
        # Letters typed while the list has the focus go to the field, never to the list's own
        # "jump to row" search (a slow scanner's code must not pick a row for Enter).
        self.view.installEventFilter(self)
        self.model.modelReset.connect(self._size_columns)
        self.retranslate()

    # -- what other parts ask -----------------------------------------------------------

    @property
    def query(self) -> str:
        """The text in the field, trimmed."""
        return self.field.text().strip()

    def is_current(self) -> bool:
        """Whether the list and the card answer the text now in the field (nothing typed since)."""
        return self._shown_query == self.query

    def search_now(self, then: Callable[[list[SearchHit]], None]) -> None:
        """Search the field's text at once; ``then(hits)`` once its results are on screen."""
        query = self.query
        self._then = (query, then)
        if not query:
            self._show("", [])
            return
        self._request(query)

    def hint(self, text: str) -> None:
        """A word under the list until the next search (what Enter will do now)."""
        self.status.setText(text)

    def current_hit(self) -> SearchHit | None:
        """The selected row's hit."""
        index = self.view.currentIndex()
        return self.model.hit(index.row()) if index.isValid() else None

    def reset(self) -> None:
        """Clear the field and the list, and put the cursor back in the field (Esc)."""
        self.field.clear()
        self.field.setFocus()

    def refresh(self) -> None:
        """Run the current query again (after a check-in or an edit); the list stays put."""
        if self.query:
            self._request(self.query, again=True)

    def select_registration(self, registration_id: int) -> bool:
        """Select the row of ``registration_id`` if it is listed."""
        row = self.model.row_of(registration_id)
        if row is None:
            return False
        self._select_row(row)
        return True

    def clear_selection(self) -> None:
        """No row is chosen (after a refusal or a walk-in): Enter means no listed person until
        staff choose one again; refreshing the list keeps it so."""
        self._unselected = True
        self.view.selectionModel().clearSelection()
        self.view.selectionModel().setCurrentIndex(
            QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
        )

    def move_selection(self, step: int) -> None:
        """Move the selection ``step`` rows, staying inside the list."""
        count = self.model.rowCount()
        if not count:
            return
        current = self.view.currentIndex().row()
        row = 0 if current < 0 else min(max(current + step, 0), count - 1)
        self._select_row(row)

    # -- searching ----------------------------------------------------------------------

    def _typed(self, _text: str) -> None:
        self._then = None  # Enter was about another text
        if is_taking_back(self.field):
            self._taken_back()
            return
        self._restoring = None
        now = self.clock()
        fast, self._typed_at = now - self._typed_at < self.fast_keys_s, now
        self._after_fast_keys.stop()
        if not self.query:
            self._next = None
            self._show("", [])
            return
        if fast:  # a scanner's keys (the first one is searched): wait until they stop
            self._next = None
            self._after_fast_keys.start(max(1, round(self.fast_keys_s * 1000)))
            return
        self._request(self.query)

    def _search_after_fast_keys(self) -> None:
        if self.query:
            self._request(self.query)

    def _taken_back(self) -> None:
        """A scan's keys were taken back out of the field: what they asked for is forgotten."""
        self._next = None
        self._after_fast_keys.stop()
        if self._shown_query == self.query:
            self._restoring = None  # the list answers this text still: nothing to redo
            return
        self._restoring = self.query  # an answer to a scan's first keys is on screen
        if not self.query:
            self._show("", [])
            return
        self._request(self.query)

    def _request(self, query: str, *, again: bool = False) -> None:
        """Search ``query`` now, or once the search running returns (older wishes forgotten).

        The query running already answers the same text (Enter right after the key that
        started it), unless it must run ``again`` (the data changed since it started).
        """
        if self._running is not None:
            self._next = None if query == self._running and not again else query
            return
        self._running = query
        search = self.search
        self.reader.submit(
            lambda: _Answer(query, search(query)), self._answered, self._failed, owner=self
        )

    def _answered(self, answer: _Answer) -> None:
        self._running = None
        self._last_error = None
        if answer.query == self.query:
            self._show(answer.query, answer.hits)
        self._continue()

    def _failed(self, error: BaseException) -> None:
        self._running = None
        self._last_error = error
        self.status.setText(error_text(error))
        self._continue()

    def _continue(self) -> None:
        wanted, self._next = self._next, None
        if wanted is not None and wanted == self.query:
            self._request(wanted)

    def _show(self, query: str, hits: list[SearchHit]) -> None:
        previous = self.current_hit()
        restoring = self._restoring == query
        self._restoring = None
        same_query = query == self._shown_query
        keep = same_query or restoring  # the choice made for this text (or by a scan) stays
        self._shown_query = query
        if not keep:
            self._unselected = False
        self.model.set_hits(hits)
        if not hits:
            self.current_changed.emit(None)
            if query or not same_query:
                self.emptied.emit()
        elif keep and self._unselected:
            self.current_changed.emit(None)
        elif keep and previous is not None and self.select_registration(previous.registration_id):
            self.current_changed.emit(self.current_hit())
        elif restoring:
            self.clear_selection()  # a scan's keys chose nothing; its outcome will
        else:
            self._select_row(0)
        self._update_status()
        self.searched.emit(query)
        waiting, self._then = self._then, None
        if waiting is not None and waiting[0] == query:
            waiting[1](hits)

    def _select_row(self, row: int) -> None:
        self._unselected = False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.model.hit(current.row()) if current.isValid() else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.text()
            and event.text().isprintable()
            and not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            self.field.setFocus()
            self.field.insert(event.text())
            return True
        return super().eventFilter(watched, event)

    def _double_clicked(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        if hit is not None:
            self.activated.emit(hit)

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        width = max(self.view.viewport().width(), 400)
        for column, share in enumerate((0.34, 0.18, 0.28, 0.12, 0.08)):
            header.resizeSection(column, int(width * share))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_columns()

    # -- language -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Placeholder, counts and headers in the interface language."""
        self.field.setPlaceholderText(self.tr("Search name, company, email or scan…"))
        self.field.setAccessibleName(self.tr("Search"))
        self.model.retranslate()
        self._update_status()

    def _update_status(self) -> None:
        if self._last_error is not None:
            self.status.setText(error_text(self._last_error))
        elif not self._shown_query:
            self.status.setText(self.tr("Esc clears the search. ↑ ↓ choose a person."))
        elif not self.model.rowCount():
            self.status.setText(
                self.tr("No one matches “{query}”. Walk-in? Press F5.").format(
                    query=self._shown_query
                )
            )
        else:
            self.status.setText(
                self.tr("“{query}”: {count} found").format(
                    query=self._shown_query, count=self.model.rowCount()
                )
            )
