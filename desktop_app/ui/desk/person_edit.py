"""F2 and F3 on the card: correct the person's details, or give the registration to the colleague
who comes instead; the change runs on the desk's writer (audited by the service) and the band
says what was done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.services.desk.attendees import AttendeeCard
from desktop_app.services.desk.desk import PersonChange
from desktop_app.ui.desk.changes import DeskChange
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.desk.forms import PersonDialog
from desktop_app.ui.desk.outcome import OutcomePanel, Tone

T = TypeVar("T")


class PersonHost(Protocol):
    """What an edit needs from the desk (the flows), and nothing more: no import circle."""

    card: AttendeeCard | None
    window: QWidget
    context: DeskContext
    outcome: OutcomePanel
    desk_changed: Any  # the signal that announces a DeskChange

    def write(self, function: Callable[[], T], done: Callable[[T], Any]) -> None: ...
    def set_card(self, card: AttendeeCard | None) -> None: ...


def change_person(host: PersonHost, *, substitute: bool) -> None:
    """F2 (correct the details) or F3 (a colleague comes instead), audited; the card then
    shows the person as they now are."""
    card = host.card
    if card is None:
        return
    form = PersonDialog.ask(host.window, card, substitute=substitute)
    if form is None:
        return
    context = host.context

    change = PersonChange(
        form.first_name,
        form.last_name,
        form.email,
        form.organization,
        form.notes,
        consents=form.consents,
    )

    def run() -> AttendeeCard:
        if substitute:
            return context.service.substitute(card.registration_id, change)
        return context.service.edit_person(card.registration_id, change)

    def done(new: AttendeeCard) -> None:
        host.set_card(new)
        if substitute:
            host.outcome.show_message(
                Tone.INFO,
                lambda: QCoreApplication.translate("DeskFlows", "Registration transferred"),
                lambda: QCoreApplication.translate(
                    "DeskFlows", "{old} → {new}. Press Enter to check them in."
                ).format(old=card.name, new=new.name),
            )
        else:
            host.outcome.show_message(
                Tone.INFO,
                lambda: QCoreApplication.translate("DeskFlows", "Saved"),
                lambda: QCoreApplication.translate(
                    "DeskFlows", "{name}'s details were corrected."
                ).format(name=new.name),
            )
        host.desk_changed.emit(DeskChange(None))  # the card shown is the new one

    host.write(run, done)
