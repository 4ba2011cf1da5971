"""The walk-in dialog: the verdict and price follow what is typed; confirming registers, pays,
receipts and checks in; a registered email is pointed out first; payments are checked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.db.models import CheckIn, Event, Payment, Person, Receipt, Registration
from desktop_app.services.admin.staff import Override, create_staff
from desktop_app.services.desk.attendees import attendee_card
from desktop_app.services.desk.walkin import WalkInResult
from desktop_app.services.money.receipt_store import IssuedReceipt
from desktop_app.services.office import Office
from desktop_app.ui.dialogs.walkin import WalkInDialog
from desktop_app.ui.dialogs.walkin_panels import parse_amount
from desktop_app.ui.worker import Worker
from tests.demo_copies import copy_demo

SLUG = "forum-montreal-2027"  # Montréal: GST 5 % and QST 9.975 %
EVENT_DAY = datetime(2027, 3, 23, 15, 0, tzinfo=UTC)  # the on-site rate is on sale


@pytest.fixture
def worker(database: Database) -> Iterator[Worker]:
    """Torn down before the database, so no background task outlives its connections."""
    del database
    worker = Worker(serial=True)
    yield worker
    worker.wait(10_000)


@pytest.fixture
def demo(database: Database) -> Database:
    copy_demo(database, registrations=30, seed=5)
    with database.sessions.begin() as session:
        # Receipts check the seller's numbers (check digit); the example event's are made up.
        event = session.scalars(select(Event).where(Event.slug == SLUG)).one()
        event.gst_hst_number = "123456782 RT 0001"
        event.qst_number = "1234567890 TQ 0001"
    create_staff(database.sessions, "Marie Roy", "432109", "supervisor", by=None)
    return database


def open_dialog(qtbot: QtBot, worker: Worker, database: Database) -> WalkInDialog:
    dialog = WalkInDialog(
        None,
        worker,
        Office(database.sessions),
        SLUG,
        "Desk 2",
        "Paul Desk",
        clock=lambda: EVENT_DAY,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.quote_is_current, timeout=10_000)
    return dialog


def type_person(
    qtbot: QtBot, dialog: WalkInDialog, first: str, last: str, email: str, org: str = ""
) -> None:
    dialog.first_name.setText(first)
    dialog.last_name.setText(last)
    dialog.email.setText(email)
    dialog.organization.setText(org)
    qtbot.waitUntil(dialog.quote_is_current, timeout=10_000)


def count(database: Database, model: type) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_an_lso_member_gets_the_member_price_with_quebec_taxes_and_is_registered(
    qtbot: QtBot, worker: Worker, demo: Database
) -> None:
    dialog = open_dialog(qtbot, worker, demo)
    # An empty form is priced as a guest: the on-site non-member rate.
    assert dialog.quote_panel.price_lines()[-1] == ("Total", "$914.05")

    type_person(qtbot, dialog, "Zoë", "Lefebvre-Singh", "zoe.ls@utoronto.ca")
    chips = dialog.quote_panel.chip_texts()
    assert any(chip.startswith("LSO — via the organization's domain utoronto.ca") for chip in chips)
    assert dialog.quote_panel.category.text() == "Member"
    assert dialog.quote_panel.price_lines() == [
        ("Price before taxes", "$525.00"),
        ("GST (5%)", "$26.25"),
        ("QST (9.975%)", "$52.37"),
        ("Total", "$603.62"),
    ]
    assert dialog.quote_panel.duplicate.isHidden()

    qtbot.keyClicks(dialog.payment.tendered, "700")
    assert dialog.payment.change.text() == "Change due: $96.38"
    dialog.payment.tendered.setText("600")
    assert dialog.payment.change.text() == "Short by $3.62"
    dialog.payment.tendered.setText("700,00")
    assert dialog.payment.change.text() == "Change due: $96.38"

    with qtbot.waitSignal(dialog.registered, timeout=10_000) as signal:
        qtbot.keyClick(dialog.payment.tendered, Qt.Key.Key_Return)  # Enter confirms
    result = signal.args[0]
    assert isinstance(result, WalkInResult)
    assert result.change_due == Decimal("96.38")
    assert result.receipt is not None
    assert result.receipt.total == Decimal("603.62")
    assert "Change due: $96.38" in dialog.change_due.text()
    assert result.code in dialog.summary.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "&Close"

    card = attendee_card(demo.sessions, result.registration_id)
    assert card.name == "Zoë Lefebvre-Singh"
    assert card.amount_paid == Decimal("603.62")
    assert card.balance_due == 0
    assert card.checked_in
    assert card.checked_in_desk == "Desk 2"
    assert card.marking == "lso"
    with demo.sessions() as session:
        registration = session.get(Registration, result.registration_id)
        assert registration is not None
        assert registration.source == "walk-in"
        payment = session.scalars(
            select(Payment).where(Payment.registration_id == registration.id)
        ).one()
        assert (payment.method, payment.amount, payment.tendered) == (
            "cash",
            Decimal("603.62"),
            Decimal("700.00"),
        )
        receipt = session.scalars(select(Receipt).where(Receipt.payment_id == payment.id)).one()
        assert receipt is not None
        assert session.scalars(
            select(CheckIn).where(CheckIn.registration_id == registration.id)
        ).one()


def test_an_email_already_registered_is_pointed_out_before_anything_is_created(
    qtbot: QtBot, worker: Worker, demo: Database
) -> None:
    with demo.sessions() as session:
        registered = session.execute(
            select(Person.email, Registration.id, Person.first_name)
            .join(Registration, Registration.person_id == Person.id)
            .join(Event, Event.id == Registration.event_id)
            .where(Event.slug == SLUG, Registration.status == "active", Person.email.is_not(None))
            .order_by(Registration.id)
            .limit(1)
        ).one()
    email, registration_id, first_name = registered
    registrations = count(demo, Registration)

    dialog = open_dialog(qtbot, worker, demo)
    type_person(qtbot, dialog, "Someone", "Else", email.upper())
    assert dialog.quote_panel.duplicate.isVisible()
    banner = dialog.quote_panel.duplicate_text.text()
    assert "is already registered to this event" in banner
    assert first_name in banner

    dialog.confirm()
    assert "already registered" in dialog.error.text()
    worker.wait(5000)
    assert count(demo, Registration) == registrations

    with qtbot.waitSignal(dialog.open_registration, timeout=2000) as signal:
        dialog.quote_panel.open_button.click()
    assert signal.args == [registration_id]


def test_another_person_with_the_same_email_can_be_registered_when_ticked(
    qtbot: QtBot, worker: Worker, demo: Database
) -> None:
    with demo.sessions() as session:
        email = session.scalars(
            select(Person.email)
            .join(Registration, Registration.person_id == Person.id)
            .where(Person.email.is_not(None), Registration.status == "active")
            .join(Event, Event.id == Registration.event_id)
            .where(Event.slug == SLUG)
            .limit(1)
        ).one()
    dialog = open_dialog(qtbot, worker, demo)
    type_person(qtbot, dialog, "Second", "Person", email)
    dialog.quote_panel.allow_duplicate.setChecked(True)
    dialog.payment.set_method("card")
    dialog.confirm()
    assert dialog.error.text() == "Type the card terminal's reference (on the slip)."
    assert dialog.focusWidget() is dialog.payment.reference or not dialog.isActiveWindow()
    qtbot.keyClicks(dialog.payment.reference, "AUTH 123456")
    with qtbot.waitSignal(dialog.registered, timeout=10_000) as signal:
        dialog.confirm()
    result = signal.args[0]
    assert result.change_due is None
    with demo.sessions() as session:
        payment = session.scalars(
            select(Payment).where(Payment.registration_id == result.registration_id)
        ).one()
        assert (payment.method, payment.reference) == ("card", "AUTH 123456")


def test_complimentary_needs_a_supervisor(
    qtbot: QtBot, worker: Worker, demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer: list[Override | None] = [None]

    def ask(self: WalkInDialog, why: str) -> Override | None:
        asked.append(why)
        return answer[0]

    monkeypatch.setattr(WalkInDialog, "ask_override", ask)
    registrations = count(demo, Registration)
    dialog = open_dialog(qtbot, worker, demo)
    type_person(qtbot, dialog, "Kim", "Press", "kim@journal.example", "Le Devoir")
    dialog.payment.set_method("complimentary")
    dialog.confirm()
    assert asked == ["Complimentary admission for Kim Press."]
    worker.wait(5000)
    assert count(demo, Registration) == registrations  # the supervisor said no

    answer[0] = Override("Marie Roy", "432109", "Journalist covering the forum")
    with qtbot.waitSignal(dialog.registered, timeout=10_000) as signal:
        dialog.confirm()
    result = signal.args[0]
    assert result.receipt is None
    assert "No receipt" in dialog.summary.text()
    card = attendee_card(demo.sessions, result.registration_id)
    assert card.checked_in
    assert card.amount_due == 0


def test_invoice_needs_the_organization_and_a_free_category_is_complimentary_only(
    qtbot: QtBot, worker: Worker, demo: Database
) -> None:
    dialog = open_dialog(qtbot, worker, demo)
    type_person(qtbot, dialog, "Ana", "Lima", "ana@gmail.com")
    dialog.payment.set_method("invoice")
    dialog.confirm()
    assert dialog.error.text() == "An invoice goes to an organization: type the organization."
    speaker = dialog.category.findData("speaker")
    assert speaker > 0
    dialog.category.setCurrentIndex(speaker)
    qtbot.waitUntil(
        lambda: dialog.quote_is_current() and dialog.payment.method() == "complimentary",
        timeout=10_000,
    )
    assert not dialog.payment.buttons["cash"].isEnabled()
    assert dialog.quote_panel.price_lines()[-1] == ("Total", "$0.00")


def test_the_receipt_is_requested_when_ticked(qtbot: QtBot, worker: Worker, demo: Database) -> None:
    dialog = open_dialog(qtbot, worker, demo)
    type_person(qtbot, dialog, "Léa", "Roy", "lea.roy@umontreal.ca")
    assert any(chip.startswith("BIOQuébec") for chip in dialog.quote_panel.chip_texts())
    dialog.print_receipt.setChecked(True)
    with qtbot.waitSignal(dialog.receipt_requested, timeout=10_000) as signal:
        dialog.confirm()
    receipt = signal.args[0]
    assert isinstance(receipt, IssuedReceipt)
    assert receipt.pdf.startswith(b"%PDF")
    assert not dialog.print_now.isEnabled()


def test_keyboard_order_goes_down_the_form_then_the_payment(
    qtbot: QtBot, worker: Worker, demo: Database
) -> None:
    dialog = open_dialog(qtbot, worker, demo)

    def next_tab(widget: QWidget) -> QWidget:
        following = widget.nextInFocusChain()
        while not (
            following.focusPolicy() & Qt.FocusPolicy.TabFocus
            and following.isVisible()
            and following.isEnabled()
        ):
            following = following.nextInFocusChain()
        return following

    assert dialog.focusWidget() in (dialog.first_name, None)
    assert next_tab(dialog.first_name) is dialog.last_name
    assert next_tab(dialog.member_number) is dialog.category
    assert next_tab(dialog.language) is dialog.payment.buttons["cash"]
    assert next_tab(dialog.payment.tendered) is dialog.print_receipt
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert next_tab(dialog.print_receipt) is ok  # no duplicate warning shown
    assert ok.isDefault()  # Enter anywhere in the form confirms
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.keyClick(dialog.first_name, Qt.Key.Key_Escape)  # Esc cancels


def test_a_language_switch_redraws_the_price_in_french(
    qtbot: QtBot, worker: Worker, demo: Database
) -> None:
    dialog = open_dialog(qtbot, worker, demo)
    type_person(qtbot, dialog, "Zoë", "Lefebvre-Singh", "zoe.ls@utoronto.ca")
    saved = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Canada))
        QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
        assert dialog.quote_panel.price_lines()[1:] == [
            ("TPS (5 %)", "26,25\u00a0$"),
            ("TVQ (9,975 %)", "52,37\u00a0$"),
            ("Total", "603,62\u00a0$"),
        ]
        assert dialog.quote_panel.category.text() == "Membre"
        assert dialog.first_name.text() == "Zoë"  # nothing typed is lost
    finally:
        QLocale.setDefault(saved)
        QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
    assert dialog.quote_panel.price_lines()[-1] == ("Total", "$603.62")


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("50", "50.00"),
        ("50.5", "50.50"),
        ("50,25", "50.25"),
        ("1,234.50", "1234.50"),
        ("1 234,50 $", "1234.50"),
        ("$20", "20.00"),
        ("abc", None),
        ("-5", None),
        ("1.234", None),
        ("", None),
    ],
)
def test_amounts_typed_at_the_desk(typed: str, amount: str | None) -> None:
    assert parse_amount(typed) == (Decimal(amount) if amount else None)


def test_a_member_found_through_the_email_domain_gets_that_organization_prefilled(
    qtbot: QtBot, worker: Worker, demo: Database
) -> None:
    dialog = open_dialog(qtbot, worker, demo)
    type_person(qtbot, dialog, "Zoë", "Lefebvre-Singh", "zoe.ls@utoronto.ca")
    qtbot.waitUntil(lambda: dialog.organization.text() != "", timeout=10_000)
    qtbot.waitUntil(dialog.quote_is_current, timeout=10_000)
    organization = dialog.organization.text()
    assert "Toronto" in organization
    assert dialog.person_box.organization_hint.isVisible()

    dialog.organization.setText("")  # staff may empty it: it is not filled in again
    qtbot.waitUntil(dialog.quote_is_current, timeout=10_000)
    assert dialog.organization.text() == ""
    dialog.organization.setText(organization)
    qtbot.waitUntil(dialog.quote_is_current, timeout=10_000)

    with qtbot.waitSignal(dialog.registered, timeout=10_000) as signal:
        qtbot.keyClick(dialog.payment.tendered, Qt.Key.Key_Return)
    card = attendee_card(demo.sessions, signal.args[0].registration_id)
    assert card.organization == organization


def test_the_consent_boxes_come_unticked_and_store_what_was_ticked(
    qtbot: QtBot, worker: Worker, demo: Database
) -> None:
    from desktop_app.db.models import Consent

    dialog = open_dialog(qtbot, worker, demo)
    qtbot.waitUntil(lambda: len(dialog.consent_box.boxes) == 2, timeout=5000)
    assert dialog.consent_box.isVisibleTo(dialog)
    boxes = dialog.consent_box.boxes
    assert not boxes["share-partner"].isChecked() and not boxes["photos"].isChecked()
    assert boxes["share-partner"].text() == "Share with LSO"
    assert "shared with LSO" in dialog.consent_box.wordings["share-partner"].text()
    type_person(qtbot, dialog, "Nadia", "Sansadhesion", "nadia@example.org")
    boxes["share-partner"].setChecked(True)
    dialog.payment.tendered.setText("1000")
    with qtbot.waitSignal(dialog.registered, timeout=10_000) as signal:
        dialog.confirm()
    result = signal.args[0]
    with demo.sessions() as session:
        registration = session.get(Registration, result.registration_id)
        assert registration is not None
        answers = {
            c.purpose: (c.granted, c.source, c.wording_version)
            for c in session.scalars(
                select(Consent).where(Consent.person_id == registration.person_id)
            )
        }
    assert answers == {
        "share-partner": (True, "desk", "2027-01"),
        "photos": (False, "desk", "2027-01"),  # left unticked: no
    }


def test_the_card_shows_the_consent_answers_at_a_glance(
    qtbot: QtBot, worker: Worker, demo: Database
) -> None:
    from desktop_app.ui.desk.card import AttendeeCardView

    dialog = open_dialog(qtbot, worker, demo)
    qtbot.waitUntil(lambda: len(dialog.consent_box.boxes) == 2, timeout=5000)
    type_person(qtbot, dialog, "Ilse", "Photophobe", "ilse@example.org")
    dialog.consent_box.boxes["share-partner"].setChecked(True)
    dialog.payment.tendered.setText("1000")
    with qtbot.waitSignal(dialog.registered, timeout=10_000) as signal:
        dialog.confirm()
    card = attendee_card(demo.sessions, signal.args[0].registration_id)
    assert card.consents == (("Partage LSO", "Share with LSO", True), ("Photos", "Photos", False))
    view = AttendeeCardView()
    qtbot.addWidget(view)
    view.show_card(card)
    assert view.consents.text() == "Consents: Share with LSO ✓ · Photos ✗"
