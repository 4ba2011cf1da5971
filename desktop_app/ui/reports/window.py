"""Desk → Reports… (Ctrl+R): the open event as supervisors follow it, live.

Checked in against expected, arrivals per quarter hour stacked by membership, counts by
membership and category, the no-shows (searched as at the desk), the sales summary, and the
buttons to export or print any report. The figures are computed on the reader worker (a few
GROUP BY queries) every few seconds and after each action at this desk; the GUI thread only
fills tables.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

from PySide6.QtCore import QEvent, QRegularExpression, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.documents.report_data import ENTITLEMENT_KEYS, Language, label
from desktop_app.services.office import Dashboard
from desktop_app.services.reports.attendees import AttendeeList, Presence
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.dialogs.common import ErrorLine, interface_language, submit
from desktop_app.ui.dialogs.walkin_payment import money
from desktop_app.ui.reports.chart import SERIES_COLOURS, StackedBars
from desktop_app.ui.reports.sessions_table import SessionsTable

REFRESH_MS = 3000
"""Within 5 s of a check-in at any desk (local or shared), the window shows it."""


def _folded(text: str) -> str:
    """Lower case without accents: "Benoît" is found by "benoit", as at the desk."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_SEARCH_COLUMN = 5
"""A hidden column holding the row's words folded (no case, no accents) for the search."""


def folded_query(text: str) -> QRegularExpression:
    """Rows where every word typed appears, in any order, accents ignored."""
    pattern = "".join(f"(?=.*{QRegularExpression.escape(word)})" for word in _folded(text).split())
    return QRegularExpression(f"^{pattern}")


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _language() -> Language:
    return "fr" if interface_language() == "fr" else "en"


def _fill(table: QTableWidget, rows: list[list[str]], numeric_from: int = 1) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c >= numeric_from:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class ReportsWindow(QDialog):
    """The live view of the open event, with exports and printing."""

    def __init__(self, parent: QWidget | None, context: DeskContext) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.context = context
        self.reports = context.office.reports
        self.dashboard: Dashboard | None = None
        self.no_shows: AttendeeList | None = None
        self._refreshing = False
        self._loading_list = False
        self.refreshed_at: datetime | None = None

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.figures = QLabel()
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.updated = QLabel()
        self.chart = StackedBars()
        self.by_association = _table(3)
        self.by_category = _table(3)
        self.sales = _table(4)
        self.sessions_table = SessionsTable()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.no_show_model = QStandardItemModel(0, _SEARCH_COLUMN + 1)
        self.no_show_filter = QSortFilterProxyModel()
        self.no_show_filter.setSourceModel(self.no_show_model)
        self.no_show_filter.setFilterKeyColumn(_SEARCH_COLUMN)
        self.no_show_view = QTableView()
        self.no_show_view.setModel(self.no_show_filter)
        self.no_show_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.no_show_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.no_show_view.verticalHeader().hide()
        self.no_show_view.horizontalHeader().setStretchLastSection(True)
        self.no_show_view.setColumnHidden(_SEARCH_COLUMN, True)
        self.no_show_view.setWordWrap(False)
        self.no_show_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.no_show_count = QLabel()
        self.tabs = QTabWidget()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.open_export)
        self.close_day_button = QPushButton()
        self.close_day_button.clicked.connect(self.open_closing)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh_all)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        self.error = ErrorLine()
        self._lay_out()
        self.search.textChanged.connect(
            lambda text: self.no_show_filter.setFilterRegularExpression(folded_query(text))
        )
        self.search.textChanged.connect(lambda _t: self._count_no_shows())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()
        self.resize(1100, 720)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.figures)
        top.addLayout(heading, 1)
        top.addWidget(self.updated, 0, Qt.AlignmentFlag.AlignBottom)

        counts = QGridLayout()
        self.association_label = QLabel()
        self.category_label = QLabel()
        counts.addWidget(self.association_label, 0, 0)
        counts.addWidget(self.category_label, 0, 1)
        counts.addWidget(self.by_association, 1, 0)
        counts.addWidget(self.by_category, 1, 1)
        left = QVBoxLayout()
        self.chart_label = QLabel()
        left.addWidget(self.chart_label)
        left.addWidget(self.chart, 3)
        left.addLayout(counts, 2)

        no_show_page = QWidget()
        no_show_layout = QVBoxLayout(no_show_page)
        no_show_layout.addWidget(self.search)
        no_show_layout.addWidget(self.no_show_view, 1)
        no_show_layout.addWidget(self.no_show_count)
        sales_page = QWidget()
        sales_layout = QVBoxLayout(sales_page)
        sales_layout.addWidget(self.sales)
        self.tabs.addTab(no_show_page, "")
        self.tabs.addTab(sales_page, "")
        self.tabs.addTab(self.sessions_table, "")
        self.tabs.setTabVisible(2, False)  # shown for an event with sessions

        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addWidget(self.tabs, 2)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.close_day_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # -- refreshing -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()
        self.refresh_all()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        super().closeEvent(event)

    def refresh_all(self) -> None:
        """The figures (recomputed) and the no-show list."""
        self.refresh(force=True)
        self.load_no_shows()

    def refresh(self, *, force: bool = False) -> None:
        """The figures, on the reader worker; one refresh at a time, recomputed only when
        something changed in the database (or when asked)."""
        if self._refreshing:
            return
        self._refreshing = True
        slug = self.context.slug
        since = None if force else self.dashboard
        submit(
            self.context.reader,
            self,
            lambda: self.reports.dashboard(slug, since),
            self._show_dashboard,
            self._failed,
        )

    def load_no_shows(self) -> None:
        """Who has not come yet (a longer list: loaded on opening and on Refresh)."""
        if self._loading_list:
            return
        self._loading_list = True
        slug = self.context.slug
        submit(
            self.context.reader,
            self,
            lambda: self.reports.attendees(slug, Presence.NO_SHOW),
            self._show_no_shows,
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self._refreshing = self._loading_list = False
        self.error.show_error(error)

    def _show_dashboard(self, dashboard: Dashboard | None) -> None:
        self._refreshing = False
        self.error.clear_error()
        self.refreshed_at = datetime.now().astimezone()
        if dashboard is None:  # nothing changed: the figures stand, checked just now
            self._show_time()
            return
        self.dashboard = dashboard
        self._fill_dashboard()

    def _show_no_shows(self, people: AttendeeList) -> None:
        self._loading_list = False
        self.no_shows = people
        self._fill_no_shows()

    # -- filling --------------------------------------------------------------------------

    def _fill_dashboard(self) -> None:
        dashboard = self.dashboard
        if dashboard is None:
            return
        language = interface_language()
        attendance, sales = dashboard.attendance, dashboard.sales
        self.figures.setText(
            self.tr(
                "<b>{checked_in}</b> checked in of {expected} expected · {no_show} not yet"
                " arrived · {cancelled} cancelled · receipted {total}"
            ).format(
                checked_in=attendance.checked_in,
                expected=attendance.registered,
                no_show=attendance.no_show,
                cancelled=attendance.cancelled,
                total=money(sales.total, language),
            )
        )
        if self.refreshed_at is not None:
            self.updated.setText(
                self.tr("Updated {time}").format(time=f"{self.refreshed_at:%H:%M:%S}")
            )
        arrivals = attendance.arrivals
        self.chart.set_data(
            [f"{a.start:%H:%M}" for a in arrivals],
            [
                (
                    label(key, _language()),
                    SERIES_COLOURS[i],
                    [a.by_association[i] if a.by_association else 0 for a in arrivals],
                )
                for i, key in enumerate(ENTITLEMENT_KEYS)
            ],
        )
        lang = _language()
        self.sessions_table.show_sessions(attendance.by_session, lang)
        self.tabs.setTabVisible(2, bool(attendance.by_session))
        _fill(
            self.by_association,
            [
                [label(r.key, lang), str(r.registered), str(r.checked_in)]
                for r in attendance.by_association
            ],
        )
        _fill(
            self.by_category,
            [[r.label(lang), str(r.registered), str(r.checked_in)] for r in attendance.by_category],
        )
        rows = [
            [
                label(r.method, lang),
                str(r.count),
                money(r.subtotal, lang) if r.method in ("cash", "card") else "",
                money(r.total, lang),
            ]
            for r in sales.by_method
        ]
        rows.append(
            [
                self.tr("Receipted total"),
                str(sales.receipts),
                money(sales.subtotal, lang),
                money(sales.total, lang),
            ]
        )
        rows.append([self.tr("Taxes on the receipts"), "", "", money(sales.taxes, lang)])
        for series in sales.series:
            rows.append(
                [
                    self.tr("Receipts {series}").format(series=series.series),
                    str(series.receipts + series.credit_notes),
                    f"{series.first}–{series.last}",
                    "",
                ]
            )
        _fill(self.sales, rows)

    def _show_time(self) -> None:
        if self.refreshed_at is not None:
            self.updated.setText(
                self.tr("Updated {time}").format(time=f"{self.refreshed_at:%H:%M:%S}")
            )

    def _fill_no_shows(self) -> None:
        people = self.no_shows
        self.no_show_model.setRowCount(0)
        if people is None:
            return
        lang = _language()
        for row in people.rows:
            texts = (
                row.name,
                row.organization,
                row.email,
                row.category_name(lang),
                label(row.association, lang),
            )
            items = [QStandardItem(text) for text in texts]
            items.append(QStandardItem(_folded(" ".join(texts))))
            self.no_show_model.appendRow(items)
        self._count_no_shows()

    def _count_no_shows(self) -> None:
        self.no_show_count.setText(
            self.tr("{shown} of {total} not yet arrived").format(
                shown=self.no_show_filter.rowCount(), total=self.no_show_model.rowCount()
            )
        )

    # -- actions --------------------------------------------------------------------------

    def open_export(self) -> None:
        """Export or print a report (its own dialog)."""
        from desktop_app.ui.reports.export_dialog import ExportDialog

        dialog = ExportDialog(self, self.context)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def open_closing(self) -> None:
        """Close this desk's day."""
        from desktop_app.ui.reports.closing_dialog import ClosingDialog

        dialog = ClosingDialog(self, self.context)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        self.refresh()

    def retranslate(self) -> None:
        """Every text in the interface language."""
        context = self.context
        language = interface_language()
        self.setWindowTitle(self.tr("Reports — {event}").format(event=context.event_name(language)))
        self.title.setText(context.event_name(language))
        self.chart_label.setText(self.tr("Arrivals per quarter hour, by membership"))
        self.chart.set_empty_text(self.tr("No one has checked in yet."))
        self.association_label.setText(self.tr("By membership"))
        self.category_label.setText(self.tr("By category"))
        self.by_association.setHorizontalHeaderLabels(
            [self.tr("Membership"), self.tr("Registered"), self.tr("Checked in")]
        )
        self.by_category.setHorizontalHeaderLabels(
            [self.tr("Category"), self.tr("Registered"), self.tr("Checked in")]
        )
        self.sales.setHorizontalHeaderLabels(
            [self.tr("Payment method"), self.tr("Count"), self.tr("Before taxes"), self.tr("Total")]
        )
        self.no_show_model.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Organization"),
                self.tr("Email"),
                self.tr("Category"),
                self.tr("Membership"),
            ]
        )
        self.search.setPlaceholderText(self.tr("Search the no-shows (name, organization, email)"))
        self.tabs.setTabText(0, self.tr("Not yet arrived"))
        self.tabs.setTabText(1, self.tr("Sales"))
        self.tabs.setTabText(2, self.tr("Sessions"))
        self.sessions_table.retranslate()
        self.export_button.setText(self.tr("Export or print…"))
        self.close_day_button.setText(self.tr("Close the day…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.close_button.setText(self.tr("Close"))
        self._fill_dashboard()
        self._fill_no_shows()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
