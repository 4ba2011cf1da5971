"""Recognising member-list and registration columns in French, English, pretix and Eventbrite."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.errors import Invalid
from desktop_app.importing.columns import (
    MEMBER_LIST,
    REGISTRATIONS,
    map_columns,
    normalise_header,
    parse_holder_kind,
    parse_language,
    parse_yes_no,
    status_is_active,
)
from desktop_app.importing.tables import TableRow, read_table

# Column order of pretix's "Order data" export, sheet "Order positions"
# (src/pretix/base/exporters/orderlist.py), for an event with the given/family name scheme.
PRETIX_POSITIONS = [
    "Event slug", "Order code", "Position ID", "Status", "Email", "Phone number", "Order date",
    "Order time", "Product", "Variation", "Price", "Tax rate", "Tax rule", "Tax value",
    "Attendee name", "Attendee name: Given name", "Attendee name: Family name",
    "Attendee email", "Company", "Address", "ZIP code", "City", "Country", "State", "Voucher",
    "Pseudonymization ID", "Ticket secret", "Seat ID", "Seat name", "Seat zone", "Seat row",
    "Seat number", "Blocked", "Valid from", "Valid until", "Order comment", "Follow-up date",
    "No de membre BIOQuébec", "Company (2)", "Invoice address name",
    "Invoice address name: Given name", "Invoice address name: Family name", "Address (2)",
    "ZIP code (2)", "City (2)", "Country (2)", "State (2)", "VAT ID", "Sales channel",
    "Order locale", "E-mail address verified", "Payment providers",
]  # fmt: skip

# pretix's CSV check-in list (src/pretix/plugins/checkinlists/exporters.py), pending included,
# secrets on.
PRETIX_CHECKIN = [
    "Order code", "Attendee name", "Attendee name: Given name", "Attendee name: Family name",
    "Product", "Price", "Checked in", "Checked out", "Automatically checked in", "Paid",
    "Secret", "E-mail", "Company", "Voucher code", "Order date", "Requires special attention",
    "Comment", "Seat ID", "Seat name", "Seat zone", "Seat row", "Seat number",
]  # fmt: skip

# Eventbrite attendee report, as in a real export (rherardi/eb2ez README) plus "Barcode #".
EVENTBRITE = [
    "Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Price Tier",
    "Ticket Type", "Attendee #", "Barcode #", "Group", "Order Type", "Currency", "Total Paid",
    "Fees Paid", "Eventbrite Fees", "Eventbrite Payment Processing", "Attendee Status",
    "Home Address 1", "Job Title", "Company",
]  # fmt: skip


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("No de membre", "number membre"),
        ("Numéro de membre", "number membre"),
        ("N° membre", "number membre"),
        ("Nº  du membre", "number membre"),
        ("NUMÉRO DU MEMBRE", "number membre"),
        ("Member #", "member number"),
        ("Member No.", "member number"),
        ("Date d'expiration", "date expiration"),
        ("E-mail", "email"),
        ("Adresse e-mail", "adresse email"),
        ("  Société  ", "societe"),
        ("Valide jusqu’au", "valide jusqu"),
    ],
)
def test_normalise_header(header: str, expected: str) -> None:
    assert normalise_header(header) == expected


def test_french_member_list() -> None:
    headers = [
        "Nom", "Prénom", "Adresse courriel", "Entreprise", "N° membre", "Catégorie",
        "Date d'adhésion", "Date d'expiration", "Téléphone", "Remarques",
    ]  # fmt: skip
    mapping = map_columns(headers, MEMBER_LIST)

    assert mapping.layout == "generic"
    assert dict(mapping.columns) == {
        "last_name": ("Nom",),
        "first_name": ("Prénom",),
        "email": ("Adresse courriel",),
        "organization": ("Entreprise",),
        "member_number": ("N° membre",),
        "category": ("Catégorie",),
        "valid_from": ("Date d'adhésion",),
        "valid_until": ("Date d'expiration",),
        "phone": ("Téléphone",),
    }
    assert mapping.unused == ("Remarques",)


def test_english_member_list() -> None:
    headers = [
        "Surname", "Given name", "E-mail", "Employer", "Membership number", "Membership level",
        "Member since", "Renewal date", "Domains", "Also known as", "Holder type",
    ]  # fmt: skip
    mapping = map_columns(headers, MEMBER_LIST)
    assert {field: cols[0] for field, cols in mapping.columns.items()} == {
        "last_name": "Surname",
        "first_name": "Given name",
        "email": "E-mail",
        "organization": "Employer",
        "member_number": "Membership number",
        "category": "Membership level",
        "valid_from": "Member since",
        "valid_until": "Renewal date",
        "domains": "Domains",
        "aliases": "Also known as",
        "holder_kind": "Holder type",
    }


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Nom complet", "full_name"), ("Full name", "full_name"), ("Name", "full_name"),
        ("Courriel", "email"), ("Courriel professionnel", "email"), ("Email address", "email"),
        ("Organisation", "organization"), ("Société", "organization"),
        ("Compagnie", "organization"), ("Company", "organization"),
        ("Organization", "organization"), ("Numéro de membre", "member_number"),
        ("No de membre", "member_number"), ("Member ID", "member_number"),
        ("Member #", "member_number"), ("Membre no", "member_number"),
        ("Type de membre", "category"), ("Category", "category"),
        ("Membership type", "category"), ("Expiration", "valid_until"),
        ("Date de fin", "valid_until"), ("Valide jusqu'au", "valid_until"),
        ("Expiry", "valid_until"), ("Expiry date", "valid_until"),
        ("Expiration date", "valid_until"), ("Valid until", "valid_until"),
        ("Début", "valid_from"), ("Start date", "valid_from"), ("Domain", "domains"),
        ("Alias", "aliases"), ("Aliases", "aliases"), ("Phone", "phone"),
    ],
)  # fmt: skip
def test_each_member_header(header: str, field: str) -> None:
    mapping = map_columns(["Entreprise" if field != "organization" else "Nom", header], MEMBER_LIST)
    assert mapping.header(field) == header


def test_lone_nom_is_a_whole_name() -> None:
    mapping = map_columns(["Nom", "Courriel"], MEMBER_LIST)
    assert mapping.header("full_name") == "Nom"
    assert not mapping.has("last_name")


def test_several_email_columns_best_first_with_fallback() -> None:
    mapping = map_columns(["Entreprise", "Courriel", "Courriel professionnel"], MEMBER_LIST)
    assert mapping.columns["email"] == ("Courriel professionnel", "Courriel")
    row = TableRow(
        2, {"Entreprise": "Acme", "Courriel": "a@gmail.com", "Courriel professionnel": ""}
    )
    assert mapping.value(row, "email") == "a@gmail.com"
    assert mapping.value(row, "category") == ""


def test_two_columns_with_one_title_are_refused_until_a_mapping_says() -> None:
    """The reader names the second “Courriel” “Courriel (2)”; reading the first silently
    would be a guess."""
    headers = ["Entreprise", "Courriel", "Nom", "Courriel (2)"]
    with pytest.raises(Invalid) as refused:
        map_columns(headers, MEMBER_LIST)
    assert "Courriel" in str(refused.value) and "--map email" in str(refused.value)
    mapping = map_columns(headers, MEMBER_LIST, {"email": "Courriel (2)"})
    assert mapping.columns["email"] == ("Courriel (2)",)


def test_explicit_mapping_overrides_and_disables() -> None:
    headers = ["Code client", "Raison sociale", "Courriel", "No de membre"]
    mapping = map_columns(headers, MEMBER_LIST, {"member_number": "code client", "email": ""})
    assert mapping.columns["member_number"] == ("Code client",)
    assert mapping.header("organization") == "Raison sociale"
    assert not mapping.has("email")
    assert "No de membre" in mapping.unused


def test_explicit_mapping_errors() -> None:
    with pytest.raises(Invalid) as caught:
        map_columns(["Nom"], MEMBER_LIST, {"colour": "Nom"})
    assert caught.value.message.startswith("Unknown field “colour” in the column mapping.")
    with pytest.raises(Invalid) as caught:
        map_columns(["Nom", "Prénom"], MEMBER_LIST, {"member_number": "Code"})
    assert caught.value.message == (
        "The column mapping names “Code” for member_number, but the file has no such column. "
        "Columns found: “Nom”, “Prénom”."
    )


def test_member_list_without_a_name_column() -> None:
    with pytest.raises(Invalid) as caught:
        map_columns(["Courriel", "Catégorie", "Date d'expiration"], MEMBER_LIST)
    assert caught.value.message == (
        "The member list has no name column: it needs an organization column (Entreprise, "
        "Organisation, Company…) or a person's name (Nom, Nom complet, Last name, Full name…). "
        "Columns found: “Courriel”, “Catégorie”, “Date d'expiration”."
    )


def test_alias_tables_do_not_overlap() -> None:
    for schema in (MEMBER_LIST, REGISTRATIONS):
        for spec in schema.layouts:
            seen: dict[str, str] = {}
            for field, aliases in spec.aliases.items():
                assert field in schema.fields
                for alias in aliases:
                    key = normalise_header(alias)
                    assert seen.setdefault(key, field) == field, (spec.name, alias)


# --- Registrations ---------------------------------------------------------------------------


def test_generic_registrations_in_french() -> None:
    headers = [
        "Code", "Prénom", "Nom", "Courriel", "Entreprise", "Catégorie", "Montant payé", "Payé",
        "Langue", "No de membre", "Statut",
    ]  # fmt: skip
    mapping = map_columns(headers, REGISTRATIONS)
    assert mapping.layout == "generic"
    assert {f: c[0] for f, c in mapping.columns.items()} == {
        "code": "Code", "first_name": "Prénom", "last_name": "Nom", "email": "Courriel",
        "organization": "Entreprise", "category": "Catégorie", "amount_paid": "Montant payé",
        "paid": "Payé", "language": "Langue", "member_number": "No de membre", "status": "Statut",
    }  # fmt: skip


def test_generic_registrations_in_english() -> None:
    headers = ["Code", "First name", "Last name", "Email", "Organization", "Ticket type",
               "Amount paid", "Paid", "Language", "Member number", "Status"]  # fmt: skip
    mapping = map_columns(headers, REGISTRATIONS)
    assert mapping.layout == "generic"
    assert mapping.header("category") == "Ticket type"
    assert mapping.header("amount_paid") == "Amount paid"
    assert mapping.header("member_number") == "Member number"


def test_pretix_order_positions() -> None:
    mapping = map_columns(PRETIX_POSITIONS, REGISTRATIONS)
    assert mapping.layout == "pretix"
    assert dict(mapping.columns) == {
        "code": ("Ticket secret",),
        "order_code": ("Order code",),
        "attendee_number": ("Position ID",),
        "first_name": ("Attendee name: Given name",),
        "last_name": ("Attendee name: Family name",),
        "full_name": ("Attendee name", "Invoice address name"),
        "email": ("Attendee email", "Email"),
        "organization": ("Company", "Company (2)"),
        "category": ("Product",),
        "variation": ("Variation",),
        "amount_paid": ("Price",),
        "language": ("Order locale",),
        "member_number": ("No de membre BIOQuébec",),
        "status": ("Status",),
        "order_date": ("Order date",),
    }


def test_pretix_checkin_list() -> None:
    mapping = map_columns(PRETIX_CHECKIN, REGISTRATIONS)
    assert mapping.layout == "pretix"
    assert mapping.header("code") == "Secret"
    assert mapping.header("email") == "E-mail"
    assert mapping.header("paid") == "Paid"


def test_eventbrite_attendee_report() -> None:
    mapping = map_columns(EVENTBRITE, REGISTRATIONS)
    assert mapping.layout == "eventbrite"
    assert {f: c[0] for f, c in mapping.columns.items()} == {
        "code": "Barcode #", "order_code": "Order #", "attendee_number": "Attendee #",
        "first_name": "First Name", "last_name": "Last Name", "email": "Email",
        "organization": "Company", "category": "Ticket Type", "amount_paid": "Total Paid",
        "status": "Attendee Status", "order_date": "Order Date",
    }  # fmt: skip


def test_pretix_file_read_end_to_end(tmp_path: Path) -> None:
    header = ",".join(f'"{h}"' for h in PRETIX_POSITIONS)
    values = dict.fromkeys(PRETIX_POSITIONS, "")
    values.update({
        "Order code": "Z3KQ9", "Status": "paid", "Email": "achats@theratech.com",
        "Product": "Membre BIOQuébec / LSO member", "Price": "450.00",
        "Attendee name": "Benoît Lachance", "Attendee name: Given name": "Benoît",
        "Attendee name: Family name": "Lachance", "Attendee email": "",
        "Company": "", "Company (2)": "Thératechnologies inc.",
        "Ticket secret": "f7hq2x9kd3mzp8rvw4yc6tn5bj",
    })  # fmt: skip
    line = ",".join(f'"{values[h]}"' for h in PRETIX_POSITIONS)
    path = tmp_path / "pretix_orders.csv"
    path.write_bytes(f"{header}\r\n{line}\r\n".encode("utf-8-sig"))

    table = read_table(path)
    mapping = map_columns(table.headers, REGISTRATIONS)
    row = table.rows[0]
    assert mapping.value(row, "code") == "f7hq2x9kd3mzp8rvw4yc6tn5bj"
    assert mapping.value(row, "organization") == "Thératechnologies inc."
    assert mapping.value(row, "email") == "achats@theratech.com"
    assert status_is_active(mapping.layout, mapping.value(row, "status"))


def test_registrations_without_names() -> None:
    with pytest.raises(Invalid) as caught:
        map_columns(["Code", "Email"], REGISTRATIONS)
    assert caught.value.message == (
        "The registration file has no name column (Nom, Prénom, Last name, First name, "
        "Attendee name…). Columns found: “Code”, “Email”."
    )


@pytest.mark.parametrize(
    ("layout", "value", "active"),
    [
        ("eventbrite", "Attending", True), ("eventbrite", "Checked In", True),
        ("eventbrite", "Not Attending", False), ("eventbrite", "Refunded", False),
        ("eventbrite", "Cancelled", False), ("eventbrite", "Canceled", False),
        ("eventbrite", "Transferred", False), ("eventbrite", "Partially Refunded", True),
        ("eventbrite", "Deleted", False),
        ("pretix", "paid", True), ("pretix", "pending", True), ("pretix", "canceled", False),
        ("pretix", "expired", False), ("pretix", "Annulée", False),
        ("generic", "", True), ("generic", "Confirmé", True), ("generic", "Annulé", False),
        ("generic", "ANNULÉE", False), ("generic", "Remboursé", False),
        ("generic", "Refunded", False), ("generic", "Not attending", False),
        ("generic", "Transferred", True),
    ],
)  # fmt: skip
def test_status_is_active(layout: str, value: str, active: bool) -> None:
    assert status_is_active(layout, value) is active


def test_status_of_unknown_layout_is_a_bug() -> None:
    with pytest.raises(ValueError):
        status_is_active("ticketmaster", "Attending")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Oui", True), ("yes", True), ("TRUE", True), ("1", True), ("x", True), ("✔", True),
     ("Payé", True), ("Non", False), ("no", False), ("FAUX", False), ("0", False),
     ("", None), ("  ", None)],
)  # fmt: skip
def test_parse_yes_no(value: str, expected: bool | None) -> None:
    assert parse_yes_no(value) is expected


def test_parse_yes_no_refuses_other_text() -> None:
    with pytest.raises(Invalid) as caught:
        parse_yes_no("peut-être")
    assert caught.value.message == "“peut-être” is neither yes nor no (oui / non)."


@pytest.mark.parametrize(
    ("value", "expected"),
    [("fr", "fr"), ("Français", "fr"), ("fr-CA", "fr"), ("fr_CA", "fr"), ("French", "fr"),
     ("EN", "en"), ("English", "en"), ("Anglais", "en"), ("en-CA", "en"), ("", None),
     ("de", None)],
)  # fmt: skip
def test_parse_language(value: str, expected: str | None) -> None:
    assert parse_language(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Organisation", "organization"), ("Entreprise", "organization"),
     ("Corporate", "organization"), ("Membre corporatif", "organization"),
     ("Individuel", "individual"), ("Individual", "individual"), ("Personne", "individual"),
     ("", None), ("Étudiant", None)],
)  # fmt: skip
def test_parse_holder_kind(value: str, expected: str | None) -> None:
    assert parse_holder_kind(value) == expected


def test_member_number_header_with_extra_words() -> None:
    mapping = map_columns(
        ["Entreprise", "LSO member number", "No de membre BIOQuébec"], MEMBER_LIST
    )
    assert mapping.columns["member_number"] == ("No de membre BIOQuébec", "LSO member number")
    # only member numbers are matched this loosely
    assert not map_columns(["Entreprise", "Courriel de facturation"], MEMBER_LIST).has("email")
