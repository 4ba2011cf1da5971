"""What a supervisor opens from the desk: the Reports window, Close the day, the register of
confidentiality incidents, and the purge offered at start when an event's retention has
passed. Each takes its parent widget and the desk's context (not the whole window); none is
open to desk staff."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop_app.services.privacy.purge import PurgePlan
from desktop_app.ui.desk.context import DeskContext

if TYPE_CHECKING:
    from desktop_app.ui.reports.window import ReportsWindow


def is_supervisor(context: DeskContext) -> bool:
    """Whether the person signed in at this desk is a supervisor."""
    return context.staff.role == "supervisor"


def open_reports(
    parent: QWidget, context: DeskContext, current: ReportsWindow | None
) -> ReportsWindow | None:
    """Ctrl+R: follow the event live, export and print its reports (one window, reused);
    the window shown, or ``None`` for desk staff."""
    if not is_supervisor(context):
        return current
    from desktop_app.ui.reports.window import ReportsWindow

    shown = current if current is not None else ReportsWindow(parent, context)
    shown.show()
    shown.raise_()
    shown.activateWindow()
    return shown


def _run(dialog: QDialog) -> None:
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def open_closing(parent: QWidget, context: DeskContext) -> None:
    """Ctrl+Shift+E: count this desk's cash and close its day."""
    if is_supervisor(context):
        from desktop_app.ui.reports.closing_dialog import ClosingDialog

        _run(ClosingDialog(parent, context))


def open_incidents(parent: QWidget, context: DeskContext) -> None:
    """Ctrl+Shift+I: the register of confidentiality incidents."""
    if is_supervisor(context):
        from desktop_app.ui.reports.incidents_dialog import IncidentsDialog

        _run(IncidentsDialog(parent, context))


def offer_purge(window: QWidget, context: DeskContext) -> None:
    """At start, a supervisor is offered the purge when an event's retention has passed (the
    question comes once the plan is read, off the GUI thread; nothing happens without a yes)."""
    if not is_supervisor(context):
        return
    privacy = context.office.privacy

    def planned(plan: PurgePlan) -> None:
        if not plan.people and not plan.receipts:
            return
        answer = QMessageBox.question(
            window,
            QCoreApplication.translate("DeskWindow", "Personal information to purge"),
            QCoreApplication.translate(
                "DeskWindow",
                "The retention of {events} has passed: {people} people can be de-identified"
                " (names, emails, employers; counts and amounts stay for the reports) and"
                " {receipts} old receipts lose their buyer's name. Purge now?",
            ).format(
                events=", ".join(plan.events) or "—", people=plan.people, receipts=plan.receipts
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        staff = context.staff.name
        context.writer.submit(lambda: privacy.purge(staff=staff), purged, owner=window)

    def purged(plan: PurgePlan) -> None:
        QMessageBox.information(
            window,
            QCoreApplication.translate("DeskWindow", "Personal information to purge"),
            QCoreApplication.translate(
                "DeskWindow",
                "{people} people de-identified. Backups taken before still hold their"
                " information: destroy them (README, Privacy).",
            ).format(people=plan.people),
        )

    context.reader.submit(privacy.plan, planned, lambda _error: None, owner=window)
