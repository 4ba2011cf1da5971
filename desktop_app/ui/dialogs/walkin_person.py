"""The walk-in form's person: name, email, organization, member number, category, language.

The category list shows the rates on offer for this person (best first, with their totals,
from the latest quote), named in the interface language from the event's categories.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from desktop_app.domain.names import display_name
from desktop_app.services.desk.walkin import WalkInForm, WalkInQuote
from desktop_app.services.registrations.categories import CategoryChoice
from desktop_app.ui.dialogs.common import interface_language
from desktop_app.ui.dialogs.walkin_payment import money

AUTO = ""  # the category combo's "best rate for this person"


class PersonBox(QGroupBox):
    """The person's fields and the category choice; ``form()`` reads them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.category.addItem("", AUTO)
        self.language = QComboBox()
        for code in ("", "fr", "en"):
            self.language.addItem("", code)
        self.names: dict[str, tuple[str, str]] = {}  # category code: (French, English)
        self.labels: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        fields: tuple[tuple[str, QWidget], ...] = (
            ("first_name", self.first_name),
            ("last_name", self.last_name),
            ("email", self.email),
            ("organization", self.organization),
            ("member_number", self.member_number),
            ("category", self.category),
            ("language", self.language),
        )
        self.organization_hint = QLabel()  # "filled in from the membership", when it was
        self.organization_hint.setWordWrap(True)
        self.organization_hint.setStyleSheet("color:#1b5e20;")
        self.organization_hint.hide()
        self._prefilled: str | None = None
        for key, widget in fields:
            label = QLabel()
            label.setBuddy(widget)
            self.labels[key] = label
            layout.addRow(label, widget)
            if key == "organization":
                layout.addRow("", self.organization_hint)
        self.organization.textEdited.connect(lambda _text: self.organization_hint.hide())

    def text_fields(self) -> tuple[QLineEdit, ...]:
        """The fields whose typing changes the quote."""
        return (
            self.first_name,
            self.last_name,
            self.email,
            self.organization,
            self.member_number,
        )

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

    def prefill_organization(self, name: str) -> bool:
        """Offer the member organization the membership was found through (an email's
        domain), once, in an empty field; staff may change it. ``True`` if filled."""
        if self._prefilled is not None or self.organization.text().strip():
            return False
        self._prefilled = name
        self.organization.setText(name)
        self.organization_hint.show()
        self.retranslate_hint()
        return True

    def retranslate_hint(self) -> None:
        """The hint under the organization, in the interface language."""
        self.organization_hint.setText(
            self.tr("Filled in from the membership found through the email address.")
        )

    def person(self) -> str:
        """The person's name as typed."""
        form = self.form()
        return display_name(form.first_name, form.last_name)

    def set_categories(self, categories: list[CategoryChoice]) -> None:
        """The event's categories, for their names in both languages."""
        self.names = {c.code: (c.name_fr, c.name_en) for c in categories}

    def category_title(self, code: str, total: Decimal | None = None) -> str:
        """A category's name in the interface language, with its total when given."""
        language = interface_language()
        names = self.names.get(code, (code, code))
        title = names[0] if language == "fr" else names[1]
        return f"{title} — {money(total, language)}" if total is not None else title

    def fill_categories(self, quote: WalkInQuote) -> None:
        """The categories on offer, best first; the choice is kept when still listed."""
        chosen = str(self.category.currentData() or AUTO)
        self.category.blockSignals(True)
        self.category.clear()
        best = quote.quote if chosen == AUTO else None
        automatic = self.tr("Best rate for this person")
        if best is not None:
            automatic += f" ({self.category_title(best.category)})"
        self.category.addItem(automatic, AUTO)
        codes = []
        for offer in quote.offered:
            codes.append(offer.category)
            self.category.addItem(self.category_title(offer.category, offer.total), offer.category)
        if chosen != AUTO and chosen not in codes:
            self.category.addItem(self.category_title(chosen), chosen)
        self.category.setCurrentIndex(max(self.category.findData(chosen), 0))
        self.category.blockSignals(False)

    def retranslate(self, quote: WalkInQuote | None) -> None:
        """Every text in the interface language (the categories from ``quote`` when known)."""
        self.setTitle(self.tr("Person"))
        self.retranslate_hint()
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
        if quote is not None:
            self.fill_categories(quote)
        else:
            self.category.setItemText(0, self.tr("Best rate for this person"))
