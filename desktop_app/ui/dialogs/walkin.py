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
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.services.events import get_event
from desktop_app.services.membership import event_pricing
from desktop_app.services.payments import PaymentInput
from desktop_app.services.staff import Override, StaffMember
from desktop_app.services.walkin import (
    WalkInForm,
    WalkInQuote,
    WalkInResult,
    quote_walk_in,
    register_walk_in,
)
from desktop_app.ui.dialogs.common import ErrorLine, interface_language, submit
from desktop_app.ui.dialogs.override import OverrideDialog
from desktop_app.ui.dialogs.walkin_panels import PaymentPanel, QuotePanel, money
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.worker import Worker

DEBOUNCE_MS = 250
_AUTO = ""  # the category combo's "best rate for this person"


def category_names(sessions: sessionmaker[Session], slug: str) -> dict[str, tuple[str, str]]:
    """The event's price categories by code: (French name, English name)."""
    with sessions() as session:
        pricing = event_pricing(get_event(session, slug))
    return {c.code: (c.name_fr, c.name_en) for c in pricing.categories}


class WalkInDialog(QDialog):
    """The walk-in form, its live quote, the payment and the result."""

    registered = Signal(object)  # WalkInResult
    receipt_requested = Signal(object)  # IssuedReceipt, when "print the receipt" is ticked
    open_registration = Signal(int)  # the registration already holding this email

    def __init__(
        self,
        parent: QWidget | None,
        worker: Worker,
        sessions: sessionmaker[Session],
        slug: str,
        desk: str,
        staff: StaffMember | str,
        *,
        reader: Worker | None = None,
        settings: MachineSettings | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.reader = reader or worker
        self.sessions = sessions
        self.slug = slug
        self.desk = desk
        self.staff = staff.name if isinstance(staff, StaffMember) else staff
        # Prices depend on the moment (early-bird, on-site); tests pin it, the desk uses now.
        self.clock = clock or (lambda: datetime.now(UTC))
        self.action_id = uuid.uuid4().hex
        self.result_: WalkInResult | None = None
        self._quote: WalkInQuote | None = None
        self._quoted_form: WalkInForm | None = None
        self._quote_seq = 0
        self._confirm_after_quote = False
        self._busy = False
        self._names: dict[str, tuple[str, str]] = {}
        self._receipt_sent = False

        self.status = QLabel()
        self.error = ErrorLine()

        # -- the person --
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.email = QLineEdit()
        self.organization = QLineEdit()
        self.member_number = QLineEdit()
        for field, limit in (
            (self.first_name, 100),
            (self.last_name, 100),
            (self.email, 320),
            (self.organization, 300),
            (self.member_number, 40),
        ):
            field.setMaxLength(limit)
        self.category = QComboBox()
        self.category.addItem("", _AUTO)
        self.language = QComboBox()
        for code in ("", "fr", "en"):
            self.language.addItem("", code)
        self.labels: dict[str, QLabel] = {}
        person = QFormLayout()
        fields: tuple[tuple[str, QWidget], ...] = (
            ("first_name", self.first_name),
            ("last_name", self.last_name),
            ("email", self.email),
            ("organization", self.organization),
            ("member_number", self.member_number),
            ("category", self.category),
            ("language", self.language),
        )
        for key, widget in fields:
            label = QLabel()
            label.setBuddy(widget)
            self.labels[key] = label
            person.addRow(label, widget)
        self.person_box = QGroupBox()
        self.person_box.setLayout(person)

        # -- the quote and the payment --
        self.quote_panel = QuotePanel()
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

        # -- the result --
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        done_font = QFont(self.summary.font())
        done_font.setPointSizeF(done_font.pointSizeF() * 1.25)
        self.summary.setFont(done_font)
        self.change_due = QLabel()
        change_font = QFont(self.change_due.font())
        change_font.setBold(True)
        change_font.setPointSizeF(change_font.pointSizeF() * 2)
        self.change_due.setFont(change_font)
        self.print_now = QPushButton()
        self.print_now.clicked.connect(self._request_receipt)
        self.done_box = QGroupBox()
        done_layout = QVBoxLayout(self.done_box)
        done_layout.addWidget(self.summary)
        done_layout.addWidget(self.change_due)
        done_row = QHBoxLayout()
        done_row.addWidget(self.print_now)
        done_row.addStretch(1)
        done_layout.addLayout(done_row)
        self.done_box.hide()

        self.payment.changed.connect(self.error.clear_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self.person_box)
        left.addWidget(self.payment_box)
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
        self.setMinimumWidth(820)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh_quote)
        for field in (
            self.first_name,
            self.last_name,
            self.email,
            self.organization,
            self.member_number,
        ):
            field.textChanged.connect(lambda _t: self._form_changed())
        self.organization.textChanged.connect(self.payment.set_organization)
        self.category.currentIndexChanged.connect(lambda _i: self.refresh_quote())
        self._set_tab_order()
        self.retranslate()
        self.first_name.setFocus()
        sessions_, slug_ = sessions, slug
        submit(self.reader, self, lambda: category_names(sessions_, slug_), self._names_loaded)
        self.refresh_quote()

    def _set_tab_order(self) -> None:
        """Tab goes down the form, then through the payment, then the duplicate warning."""
        chain: list[QWidget] = [
            self.first_name,
            self.last_name,
            self.email,
            self.organization,
            self.member_number,
            self.category,
            self.language,
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
        """The form as typed (blank fields are None)."""

        def text(field: QLineEdit) -> str | None:
            value = " ".join(field.text().split())
            return value or None

        return WalkInForm(
            first_name=text(self.first_name) or "",
            last_name=text(self.last_name) or "",
            email=text(self.email),
            organization=text(self.organization),
            category_code=str(self.category.currentData() or "") or None,
            language=str(self.language.currentData() or "") or None,
            member_number=text(self.member_number),
        )

    def _form_changed(self) -> None:
        self.error.clear_error()
        self.timer.start()

    def refresh_quote(self) -> None:
        """Ask for the verdict and price of the form as it is now (the last answer wins)."""
        self.timer.stop()
        self._quote_seq += 1
        seq = self._quote_seq
        form = self.form()
        sessions, slug, at = self.sessions, self.slug, self.clock()
        submit(
            self.reader,
            self,
            lambda: quote_walk_in(sessions, slug, form, at),
            lambda quote: self._quoted(seq, form, quote),
            lambda error: self._quote_failed(seq, error),
        )

    def quote_is_current(self) -> bool:
        """Whether the quote shown is for the form as it is now."""
        return (
            self._quote is not None
            and not self.timer.isActive()
            and self._quoted_form == self.form()
        )

    def _quoted(self, seq: int, form: WalkInForm, quote: WalkInQuote) -> None:
        if seq != self._quote_seq:
            return  # an older form's answer
        self._quote = quote
        self._quoted_form = form
        self._fill_categories(quote)
        self.quote_panel.show_quote(quote)
        self.payment.set_total(quote.quote.total if quote.quote else None)
        if self._confirm_after_quote:
            self._confirm_after_quote = False
            self.confirm()

    def _quote_failed(self, seq: int, error: BaseException) -> None:
        if seq != self._quote_seq:
            return
        self._confirm_after_quote = False
        self._set_busy(False)
        self.error.show_error(error)

    def _names_loaded(self, names: dict[str, tuple[str, str]]) -> None:
        self._names = names
        self.quote_panel.names = names
        if self._quote is not None:
            self._fill_categories(self._quote)
            self.quote_panel.retranslate()

    def _category_title(self, code: str, total: Decimal | None = None) -> str:
        fr = interface_language() == "fr"
        names = self._names.get(code, (code, code))
        title = names[0] if fr else names[1]
        return f"{title} — {money(total, interface_language())}" if total is not None else title

    def _fill_categories(self, quote: WalkInQuote) -> None:
        """The categories on offer, best first; the choice is kept when still listed."""
        chosen = str(self.category.currentData() or _AUTO)
        self.category.blockSignals(True)
        self.category.clear()
        best = quote.quote if chosen == _AUTO else None
        automatic = self.tr("Best rate for this person")
        if best is not None:
            automatic += f" ({self._category_title(best.category)})"
        self.category.addItem(automatic, _AUTO)
        codes = []
        for offer in quote.offered:
            codes.append(offer.category)
            self.category.addItem(self._category_title(offer.category, offer.total), offer.category)
        if chosen != _AUTO and chosen not in codes:
            self.category.addItem(self._category_title(chosen), chosen)
        self.category.setCurrentIndex(max(self.category.findData(chosen), 0))
        self.category.blockSignals(False)

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
        quote = self._quote.quote if self._quote is not None else None
        if quote is None:
            return self.tr("No price category is on sale now.")
        method = self.payment.method()
        if method == "complimentary":
            return PaymentInput(method="complimentary", amount=Decimal("0.00"))
        if method == "cash":
            text = self.payment.tendered.text().strip()
            tendered = self.payment.tendered_amount()
            if text and tendered is None:
                return self.tr("The amount tendered is not an amount: type it as 50 or 50.00.")
            if tendered is not None and tendered < quote.total:
                return self.tr("The cash tendered is less than the total ({total}).").format(
                    total=money(quote.total, interface_language())
                )
            return PaymentInput(method="cash", amount=quote.total, tendered=tendered)
        if method == "card":
            reference = " ".join(self.payment.reference.text().split())
            if not reference:
                return self.tr("Type the card terminal's reference (on the slip).")
            return PaymentInput(method="card", amount=quote.total, reference=reference)
        if not self.form().organization:
            return self.tr("An invoice goes to an organization: type the organization.")
        return PaymentInput(method="invoice", amount=quote.total)

    def supervisor_reason(self) -> str | None:
        """Why a supervisor must approve this walk-in, or None."""
        quote = self._quote.quote if self._quote is not None else None
        if quote is None:
            return None
        if self.payment.method() == "complimentary" or quote.needs_supervisor:
            return self.tr("Complimentary admission for {name}.").format(name=self._person())
        if not quote.eligible:
            return self.tr(
                "{category} for {name}, who has no active membership in a partner association."
            ).format(category=self._category_title(quote.category), name=self._person())
        if not quote.available:
            return self.tr("{category} is not on sale now.").format(
                category=self._category_title(quote.category)
            )
        return None

    def _person(self) -> str:
        form = self.form()
        return f"{form.first_name} {form.last_name}".strip()

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
        self._register(form, payment, override, allow_duplicate=duplicate is not None)

    def ask_override(self, why: str) -> Override | None:
        """Ask a supervisor (tests replace this)."""
        return OverrideDialog.ask(self, self.worker, self.sessions, why)

    def _register(
        self,
        form: WalkInForm,
        payment: PaymentInput,
        override: Override | None,
        *,
        allow_duplicate: bool,
    ) -> None:
        self._set_busy(True, self.tr("Registering…"))
        sessions, slug, desk, staff, action, at = (
            self.sessions,
            self.slug,
            self.desk,
            self.staff,
            self.action_id,
            self.clock(),
        )
        submit(
            self.worker,
            self,
            lambda: register_walk_in(
                sessions,
                slug,
                form,
                payment,
                desk=desk,
                staff=staff,
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
        for box in (self.person_box, self.payment_box, self.quote_box):
            box.setEnabled(False)
        self.done_box.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.retranslate()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()
        self.registered.emit(result)
        if self.print_receipt.isChecked() and result.receipt is not None:
            self._request_receipt()

    def _request_receipt(self) -> None:
        if self.result_ is not None and self.result_.receipt is not None:
            self._receipt_sent = True
            self.receipt_requested.emit(self.result_.receipt)
            self.print_now.setEnabled(False)
            self.print_now.setText(self.tr("Receipt sent to the printer"))

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
        self.quote_panel.language = language
        self.payment.language = language
        self.setWindowTitle(self.tr("Walk-in registration"))
        self.person_box.setTitle(self.tr("Person"))
        self.quote_box.setTitle(self.tr("Membership and price"))
        self.payment_box.setTitle(self.tr("Payment"))
        self.done_box.setTitle(self.tr("Done"))
        texts: Mapping[str, str] = {
            "first_name": self.tr("&First name"),
            "last_name": self.tr("&Last name"),
            "email": self.tr("&Email"),
            "organization": self.tr("&Organization"),
            "member_number": self.tr("Member &no."),
            "category": self.tr("C&ategory"),
            "language": self.tr("Lan&guage"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.member_number.setPlaceholderText(self.tr("If the person has their card"))
        self.language.setItemText(0, self.tr("Not stated"))
        self.language.setItemText(1, "Français")
        self.language.setItemText(2, "English")
        self.print_receipt.setText(self.tr("&Print the receipt"))
        self.print_now.setText(
            self.tr("Receipt sent to the printer")
            if self._receipt_sent
            else self.tr("&Print the receipt")
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Close") if self.result_ else self.tr("&Register and check in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if self._quote is not None:
            self._fill_categories(self._quote)
        else:
            self.category.setItemText(0, self.tr("Best rate for this person"))
        self.quote_panel.retranslate()
        self.payment.retranslate()
        self._show_result()

    def _show_result(self) -> None:
        result = self.result_
        if result is None:
            return
        language = interface_language()
        lines = [
            self.tr("{name} is registered and checked in. Code {code}.").format(
                name=self._person(), code=result.code
            )
        ]
        if result.receipt is not None:
            lines.append(
                self.tr("Receipt {number}: {total}.").format(
                    number=result.receipt.number, total=money(result.receipt.total, language)
                )
            )
        else:
            lines.append(self.tr("No receipt: nothing was paid now."))
        self.summary.setText("\n".join(lines))
        if result.change_due is not None and result.change_due > 0:
            self.change_due.setText(
                self.tr("Change due: {amount}").format(amount=money(result.change_due, language))
            )
            self.change_due.show()
        else:
            self.change_due.hide()
        self.print_now.setVisible(result.receipt is not None)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
