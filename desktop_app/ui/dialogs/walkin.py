"""A walk-in: a short form whose verdict and price update as it is typed, a payment, and one
confirmation that registers, pays, receipts and checks the person in (one transaction).

Quotes run on the reader worker, debounced, and a late answer for an older form is dropped.
The registration runs on the writer worker with one action id per dialog, so a retry after
a lost connection replays instead of registering twice. An email already registered at the
event is shown before anything is created; registering anyway needs a tick. A price that
needs a supervisor (complimentary, or a rate the person is not eligible for) asks for one.

After success the dialog stays open on the result, with the change due in large type, until
staff close it; ``registered`` is emitted at once and, when "print the receipt" is ticked,
``receipt_requested`` with the receipt to print (the desk owns the printers).
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.pricing import SupervisorReason, supervisor_needed
from desktop_app.services.admin.staff import Override, StaffMember
from desktop_app.services.desk.desk import Desk, LocalDesk
from desktop_app.services.desk.walkin import (
    WalkInForm,
    WalkInQuote,
    WalkInResult,
)
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.office import Office
from desktop_app.services.registrations.categories import CategoryChoice
from desktop_app.ui.dialogs.common import ErrorLine, interface_language, submit, use_desk_type
from desktop_app.ui.dialogs.consent_box import ConsentBox
from desktop_app.ui.dialogs.override import OverrideDialog
from desktop_app.ui.dialogs.walkin_addons import AddOnsBox
from desktop_app.ui.dialogs.walkin_panels import QuotePanel
from desktop_app.ui.dialogs.walkin_payment import PaymentPanel
from desktop_app.ui.dialogs.walkin_person import PersonBox
from desktop_app.ui.dialogs.walkin_result import ResultBox
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.worker import Worker

DEBOUNCE_MS = 250


class WalkInDialog(QDialog):
    """The walk-in form, its live quote, the payment and the result."""

    registered = Signal(object)  # WalkInResult
    receipt_requested = Signal(object)  # IssuedReceipt, when "print the receipt" is ticked
    open_registration = Signal(int)  # the registration already holding this email

    def __init__(
        self,
        parent: QWidget | None,
        worker: Worker,
        office: Office,
        slug: str,
        desk: str,
        staff: StaffMember | str,
        *,
        reader: Worker | None = None,
        settings: MachineSettings | None = None,
        clock: Callable[[], datetime] | None = None,
        service: Desk | None = None,
        timezone: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.reader = reader or worker
        self.office = office
        self.slug = slug
        self.desk = desk
        self.staff = staff.name if isinstance(staff, StaffMember) else staff
        # Prices depend on the moment (early-bird, on-site); tests pin it, the desk uses now.
        self.clock = clock or (lambda: datetime.now(UTC))
        # The desk the dialog works for: on a shared server it prices and registers through
        # the link (journaled offline); on its own, on this database.
        member = staff if isinstance(staff, StaffMember) else StaffMember(0, staff, "desk")
        self.service: Desk = service or LocalDesk(office.sessions, slug, desk, member)
        self.action_id = uuid.uuid4().hex
        self.result_: WalkInResult | None = None
        self._quote: WalkInQuote | None = None
        self._quoted_form: WalkInForm | None = None
        self._quote_seq = 0
        self._confirm_after_quote = False
        self._busy = False

        self.status = QLabel()
        self.error = ErrorLine()

        # -- the person --
        self.person_box = PersonBox()
        person = self.person_box
        self.first_name, self.last_name = person.first_name, person.last_name
        self.email, self.organization = person.email, person.organization
        self.member_number = person.member_number
        self.category, self.language = person.category, person.language
        self.labels = person.labels

        # -- the quote and the payment --
        self.quote_panel = QuotePanel()
        self.quote_panel.timezone = timezone
        self.quote_panel.open_registration.connect(self._open_registration)
        self.quote_panel.allow_duplicate.toggled.connect(lambda _c: self.error.clear_error())
        self.quote_box = QGroupBox()
        quote_layout = QVBoxLayout(self.quote_box)
        quote_layout.addWidget(self.quote_panel)
        self.payment = PaymentPanel()
        self.print_receipt = QCheckBox()
        self.print_receipt.setChecked(settings.print_receipt_by_default if settings else False)
        self.payment_box = QGroupBox()
        payment_layout = QVBoxLayout(self.payment_box)
        payment_layout.addWidget(self.payment)
        payment_layout.addWidget(self.print_receipt)
        self.consent_box = ConsentBox()
        # -- the add-ons (a gala, a paid workshop), shown when the event sells some --
        self.addons = AddOnsBox()
        self.addons.ask_override = lambda why: self.ask_override(why)
        self.addons.changed.connect(self._addons_changed)
        self.addons_box = QGroupBox()
        QVBoxLayout(self.addons_box).addWidget(self.addons)
        self.addons_box.hide()

        # -- the result --
        self.done_box = ResultBox()
        self.summary, self.change_due = self.done_box.summary, self.done_box.change_due
        self.print_now = self.done_box.print_now
        self.print_now.clicked.connect(self._request_receipt)
        self.done_box.saves_pdf = settings is not None and settings.receipt_printer is None

        self.payment.changed.connect(self.error.clear_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self.person_box)
        left.addWidget(self.addons_box)
        left.addWidget(self.payment_box)
        left.addWidget(self.consent_box)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(self.quote_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.done_box)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(940)  # the desk's type, and French, in two columns
        use_desk_type(self)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh_quote)
        for field in person.text_fields():
            field.textChanged.connect(lambda _t: self._form_changed())
        self.organization.textChanged.connect(self.payment.set_organization)
        self.category.currentIndexChanged.connect(lambda _i: self.refresh_quote())
        self._set_tab_order()
        self.retranslate()
        self.first_name.setFocus()
        submit(self.reader, self, self.service.categories, self._names_loaded)
        self.refresh_quote()

    def _set_tab_order(self) -> None:
        """Tab goes down the form, the add-ons, the payment, then the duplicate warning."""
        chain: list[QWidget] = [
            self.first_name,
            self.last_name,
            self.email,
            self.organization,
            self.member_number,
            self.category,
            self.language,
            *self.addons.boxes.values(),  # the event's add-ons, when it sells some
            self.addons.supervisor,
            *self.payment.buttons.values(),
            self.payment.tendered,
            self.payment.reference,
            self.print_receipt,
            self.quote_panel.open_button,
            self.quote_panel.allow_duplicate,
            self.buttons.button(QDialogButtonBox.StandardButton.Ok),
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # -- the form -------------------------------------------------------------------------

    def form(self) -> WalkInForm:
        """The form as typed (blank fields are None), with the add-ons ticked."""
        return replace(self.person_box.form(), addons=self.addons.chosen())

    def _form_changed(self) -> None:
        self.error.clear_error()
        self.timer.start()

    def refresh_quote(self) -> None:
        """Ask for the verdict and price of the form as it is now (the last answer wins)."""
        self.timer.stop()
        self._quote_seq += 1
        seq = self._quote_seq
        form = self.form()
        service, at = self.service, self.clock()
        submit(
            self.reader,
            self,
            lambda: service.quote_walk_in(form, at),
            lambda quote: self._quoted(seq, form, quote),
            lambda error: self._quote_failed(seq, error),
        )

    def quote_is_current(self) -> bool:
        """Whether the quote shown is for the form as it is now."""
        # Ticking an add-on changes the total, not the quote (its offers came with it).
        return (
            self._quote is not None
            and not self.timer.isActive()
            and self._quoted_form is not None
            and replace(self._quoted_form, addons=()) == replace(self.form(), addons=())
        )

    def _quoted(self, seq: int, form: WalkInForm, quote: WalkInQuote) -> None:
        if seq != self._quote_seq:
            return  # an older form's answer
        self._quote = quote
        self._quoted_form = form
        organization = member_organization(quote)
        if organization and self.person_box.prefill_organization(organization):
            return  # the form changed: its new quote follows (same verdict, the company named)
        self.person_box.fill_categories(quote)
        self.consent_box.set_purposes(quote.purposes)
        self.quote_panel.show_quote(quote)
        if self.addons.set_offers(quote.addons):
            self._set_tab_order()  # new boxes: in the form's order, before the payment
        self.addons_box.setVisible(bool(quote.addons))
        self._addons_changed()
        if self._confirm_after_quote:
            self._confirm_after_quote = False
            self.confirm()

    def _addons_changed(self) -> None:
        """The total with the add-ons ticked: in the price column and for the payment."""
        self.error.clear_error()
        self.quote_panel.set_addons(self.addons.chosen_offers())
        chosen = self._quote.quote if self._quote is not None else None
        self.payment.set_total(chosen.total + self.addons.total() if chosen else None)
        self.payment.only_paid_now(bool(self.addons.chosen()))

    def _quote_failed(self, seq: int, error: BaseException) -> None:
        if seq != self._quote_seq:
            return
        self._confirm_after_quote = False
        self._set_busy(False)
        self.error.show_error(error)

    def _names_loaded(self, categories: list[CategoryChoice]) -> None:
        self.person_box.set_categories(categories)
        self.quote_panel.names = self.person_box.names
        if self._quote is not None:
            self.person_box.fill_categories(self._quote)
            self.quote_panel.retranslate()

    def _category_title(self, code: str) -> str:
        return self.person_box.category_title(code)

    def done(self, result: int) -> None:
        """Closing: no more quotes for a form nobody looks at."""
        self.timer.stop()
        self._confirm_after_quote = False
        super().done(result)

    def _open_registration(self, registration_id: int) -> None:
        self.open_registration.emit(registration_id)
        self.reject()

    # -- confirming -----------------------------------------------------------------------

    def payment_input(self) -> PaymentInput | str:
        """The payment as entered, or what is missing (a message for the error line)."""
        if self._quote is None or self._quote.quote is None:
            return self.tr("No price category is on sale now.")
        return self.payment.payment_input()

    def supervisor_reason(self) -> str | None:
        """Why a supervisor must approve this walk-in, or None."""
        quote = self._quote.quote if self._quote is not None else None
        if quote is None:
            return None
        reason = supervisor_needed(quote, self.payment.method())  # the service's own rule
        if reason is SupervisorReason.COMPLIMENTARY:
            return self.tr("Complimentary admission for {name}.").format(name=self._person())
        if reason is SupervisorReason.NOT_ELIGIBLE:
            return self.tr(
                "{category} for {name}, who has no active membership in a partner association."
            ).format(category=self._category_title(quote.category), name=self._person())
        if reason is SupervisorReason.NOT_ON_SALE:
            return self.tr("{category} is not on sale now.").format(
                category=self._category_title(quote.category)
            )
        return None

    def _person(self) -> str:
        return self.person_box.person()

    def confirm(self) -> None:
        """Check the form, ask a supervisor when needed, then register in the background."""
        if self.result_ is not None:
            self.accept()
            return
        if self._busy:
            return
        form = self.form()
        if not (form.first_name or form.last_name):
            self._refuse(self.tr("Type the person's name."), self.first_name)
            return
        if not self.quote_is_current():
            # Price what is on screen first, then come back here.
            self._confirm_after_quote = True
            self._set_busy(True, self.tr("Working out the price…"))
            self.refresh_quote()
            return
        self._set_busy(False)
        quote = self._quote
        assert quote is not None
        duplicate = quote.already_registered
        if duplicate is not None and not self.quote_panel.allow_duplicate.isChecked():
            self._refuse(
                self.tr(
                    "This email is already registered. Open that registration, or tick "
                    "“another person with the same email”."
                ),
                self.quote_panel.open_button,
            )
            return
        payment = self.payment_input()
        if isinstance(payment, str):
            self._refuse(payment, self.payment.first_field() or self.payment)
            return
        override: Override | None = None
        why = self.supervisor_reason()
        if why is not None:
            override = self.ask_override(why)
            if override is None:
                return
        elif form.addons:
            override = self.addons.override  # the supervisor who let a full one be sold
        self._register(form, payment, override, allow_duplicate=duplicate is not None)

    def ask_override(self, why: str) -> Override | None:
        """Ask a supervisor (tests replace this)."""
        return OverrideDialog.ask(self, self.worker, self.office, why)

    def _register(
        self,
        form: WalkInForm,
        payment: PaymentInput,
        override: Override | None,
        *,
        allow_duplicate: bool,
    ) -> None:
        self._set_busy(True, self.tr("Registering…"))
        form = replace(form, consents=self.consent_box.answers())
        service, action, at = self.service, self.action_id, self.clock()
        submit(
            self.worker,
            self,
            lambda: service.register_walk_in(
                form,
                payment,
                action_id=action,
                override=override,
                allow_duplicate_email=allow_duplicate,
                at=at,
            ),
            self._registered,
            self._failed,
        )

    def _registered(self, result: WalkInResult) -> None:
        self._set_busy(False)
        self.result_ = result
        boxes = (self.person_box, self.addons_box, self.payment_box, self.quote_box)
        for box in (*boxes, self.consent_box):
            box.setEnabled(False)
        self.done_box.show_result(result, self._person())
        if self.height() < self.sizeHint().height():  # room for the result, fields unsquashed
            self.resize(self.width(), self.sizeHint().height())
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.retranslate()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()
        self.registered.emit(result)
        if self.print_receipt.isChecked() and result.receipt is not None:
            self._request_receipt()

    def _request_receipt(self) -> None:
        if self.result_ is not None and self.result_.receipt is not None:
            self.receipt_requested.emit(self.result_.receipt)
            self.done_box.mark_receipt_sent()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.error.show_error(error)

    def _refuse(self, message: str, field: QWidget) -> None:
        self.error.show_error(message)
        field.setFocus()

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.status.setText(message)
        self.status.setVisible(bool(message))
        if busy:
            self.error.clear_error()

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text in the interface language."""
        language = interface_language()
        self.consent_box.retranslate()
        self.quote_panel.language = language
        self.payment.language = language
        self.addons.language = language
        self.addons.retranslate()
        self.addons_box.setTitle(self.tr("Add-ons"))
        self.setWindowTitle(self.tr("Walk-in registration"))
        self.quote_box.setTitle(self.tr("Membership and price"))
        self.payment_box.setTitle(self.tr("Payment"))
        self.person_box.retranslate(self._quote)
        self.print_receipt.setText(self.tr("&Print the receipt"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Close") if self.result_ else self.tr("&Register and check in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.quote_panel.retranslate()
        self.payment.retranslate()
        self.done_box.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def member_organization(quote: WalkInQuote) -> str | None:
    """The member organization the verdict found the person through (an email's domain),
    for a walk-in who left the organization blank."""
    for evidence in quote.verdict.evidence:
        params = dict(evidence.params)
        if evidence.kind == "email-domain" and params.get("organization"):
            return params["organization"]
    return None
