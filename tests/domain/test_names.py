"""Normalisation keys: accents, case, punctuation, legal suffixes, emails, member numbers."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.freemail import is_free_mail
from desktop_app.domain.names import (
    email_domain,
    fold,
    member_number_key,
    normalize_domain,
    normalize_email,
    organization_key,
    person_key,
    split_full_name,
)

SAME_ORGANIZATION = [
    pytest.param("Thératechnologies inc.", "THERATECHNOLOGIES INC", id="accent-and-caps"),
    pytest.param("Thératechnologies inc.", "Theratechnologies Incorporated", id="incorporated"),
    pytest.param("Theratechnologies, Inc.", "Theratechnologies", id="comma-inc"),
    pytest.param("Biotech Ltée", "Biotech Ltd.", id="ltee-ltd"),
    pytest.param("Biotech Limitée", "BIOTECH LIMITED", id="limitee-limited"),
    pytest.param("Biotech Incorporée", "biotech", id="incorporee"),
    pytest.param("Acme Pharma ULC", "Acme Pharma", id="ulc"),
    pytest.param("Tremblay Avocats S.R.I.", "Tremblay Avocats SRI", id="sri-dotted"),
    pytest.param("Tremblay Avocats s.e.n.c.", "Tremblay Avocats SENC", id="senc-dotted"),
    pytest.param("Tremblay Avocats S.E.N.C.R.L.", "Tremblay Avocats", id="sencrl"),
    pytest.param("Groupe Gamma S. A.", "Groupe Gamma SA", id="sa-spaced"),
    pytest.param("Omega Corp.", "Omega Corporation", id="corp"),
    pytest.param("Omega Holdings Co. Ltd.", "Omega Holdings", id="stacked-suffixes"),
    pytest.param("Delta Bio LLC", "Delta Bio", id="llc"),
    pytest.param("The Ottawa Hospital", "Ottawa Hospital", id="leading-the"),
    pytest.param("L'Institut Neuro", "Institut Neuro", id="leading-l-apostrophe"),
    pytest.param("L’Institut Neuro", "Institut Neuro", id="typographic-apostrophe"),
    pytest.param("La Fondation Santé", "Fondation Santé", id="leading-la"),
    pytest.param("Procter & Gamble Co.", "Procter and Gamble", id="ampersand-and"),
    pytest.param("Recherche et Développement inc.", "Recherche & Developpement", id="et"),
    pytest.param("  Centre-de-Recherche   CHUM ", "centre de recherche chum", id="hyphens-spaces"),
]

DIFFERENT_ORGANIZATIONS = [
    pytest.param("Pfizer Canada Inc.", "Pfizer Inc.", id="canada-is-meaningful"),
    pytest.param("Université de Montréal", "Université McGill", id="different-universities"),
    pytest.param("Genome Québec", "Génome Canada", id="different-genomes"),
]


@pytest.mark.parametrize(("left", "right"), SAME_ORGANIZATION)
def test_organization_key_ignores_legal_noise(left: str, right: str) -> None:
    assert organization_key(left) == organization_key(right)


@pytest.mark.parametrize(("left", "right"), DIFFERENT_ORGANIZATIONS)
def test_organization_key_keeps_what_distinguishes(left: str, right: str) -> None:
    assert organization_key(left) != organization_key(right)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        pytest.param("Inc.", "inc", id="only-a-suffix"),
        pytest.param("The Co.", "the", id="article-and-suffix"),
        pytest.param("La Ltée", "la", id="article-kept-when-alone"),
        pytest.param("", "", id="empty"),
        pytest.param("  --  ", "", id="punctuation-only"),
    ],
)
def test_organization_key_never_strips_everything(name: str, key: str) -> None:
    assert organization_key(name) == key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        pytest.param("Émilie CÔTÉ-Gagnon", "emilie cote gagnon", id="french"),
        pytest.param("Łukasz Øvergård", "lukasz overgard", id="stroke-letters"),
        pytest.param("Straße", "strasse", id="eszett"),
        pytest.param("Nguyễn Thị Minh", "nguyen thi minh", id="vietnamese"),
        pytest.param("Œuvre Æther", "oeuvre aether", id="ligatures"),
        pytest.param("Αθηνά Москва", "αθηνα москва", id="greek-cyrillic-kept"),
        pytest.param("İpek", "ipek", id="turkish-dotted-i"),
        pytest.param("ﬁnance", "finance", id="compatibility-ligature"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_person_key_ignores_order_accents_and_hyphens() -> None:
    assert person_key("Marie-Ève", "Côté") == person_key("COTE", "marie eve")
    assert person_key(None, None) == ""


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        pytest.param("Marie Tremblay", ("Marie", "Tremblay"), id="two-words"),
        pytest.param("Tremblay, Marie-Ève", ("Marie-Ève", "Tremblay"), id="last-comma-first"),
        pytest.param("Jean de La Fontaine", ("Jean", "de La Fontaine"), id="particles"),
        pytest.param("Ludwig van Beethoven", ("Ludwig", "van Beethoven"), id="van"),
        pytest.param("Anne Marie  Roy", ("Anne Marie", "Roy"), id="compound-first"),
        pytest.param("Cher", ("Cher", ""), id="one-word"),
        pytest.param("   ", ("", ""), id="blank"),
        pytest.param("De Gaulle", ("De", "Gaulle"), id="particle-first-is-a-name"),
    ],
)
def test_split_full_name(name: str, parts: tuple[str, str]) -> None:
    assert split_full_name(name) == parts


def test_split_full_name_is_nfc() -> None:
    first, _ = split_full_name("E\u0301milie Roy")
    assert first == "Émilie"


@pytest.mark.parametrize(
    ("email", "domain"),
    [
        pytest.param("Marie@UMontreal.CA", "umontreal.ca", id="lower-cased"),
        pytest.param(" marie@mail.mcgill.ca. ", "mail.mcgill.ca", id="trailing-dot"),
        pytest.param("Marie Roy <marie@inno.ca>", "inno.ca", id="display-name"),
        pytest.param("mailto:marie@inno.ca", "inno.ca", id="mailto"),
        pytest.param("marie@université.ca", "université.ca", id="unicode-domain"),
        pytest.param("marie@", None, id="no-domain"),
        pytest.param("marie.inno.ca", None, id="no-at"),
        pytest.param("marie@localhost", None, id="single-label"),
        pytest.param("marie@-bad-.ca", None, id="bad-label"),
        pytest.param("marie@10.0.0.1", None, id="ip-address"),
        pytest.param("ma rie@inno.ca", None, id="space-in-local"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="none"),
    ],
)
def test_email_domain(email: str | None, domain: str | None) -> None:
    assert email_domain(email) == domain


def test_normalize_email_and_domain() -> None:
    assert normalize_email("Marie.Roy@Inno.CA") == "marie.roy@inno.ca"
    assert normalize_domain("@McGill.CA.") == "mcgill.ca"
    assert normalize_domain("not a domain") is None


@pytest.mark.parametrize(
    ("number", "key"),
    [
        pytest.param("BQ-00123", "bq00123", id="prefix-kept-zeros-kept"),
        pytest.param("bq 00123", "bq00123", id="spaces"),
        pytest.param("000123", "123", id="numeric-leading-zeros"),
        pytest.param("0", "0", id="zero"),
        pytest.param("  ", None, id="blank"),
        pytest.param(None, None, id="none"),
    ],
)
def test_member_number_key(number: str | None, key: str | None) -> None:
    assert member_number_key(number) == key


@pytest.mark.parametrize(
    ("domain", "free"),
    [
        pytest.param("gmail.com", True, id="gmail"),
        pytest.param("videotron.ca", True, id="isp"),
        pytest.param("mail.yahoo.ca", True, id="subdomain"),
        pytest.param("mcgill.ca", False, id="university"),
        pytest.param("bell.ca", False, id="corporate-domain-of-an-isp"),
        pytest.param("notgmail.com", False, id="suffix-is-not-subdomain"),
        pytest.param("com", False, id="tld"),
        pytest.param(None, False, id="none"),
    ],
)
def test_is_free_mail(domain: str | None, free: bool) -> None:
    assert is_free_mail(domain) is free


# --- properties --------------------------------------------------------------------------------

names = st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["Thératechnologies inc.", "L'Oréal Canada Ltée", "S.E.N.C.", "İĞ ß Ø"]
)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@given(names)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


organization_names = names | st.lists(
    st.sampled_from(
        ["The", "La", "L'", "Le", "&", "et", "and", "Inc.", "Ltée", "S.R.I.", "S. A.", "Co", "Bio",
         "Québec", "Thera", "-", ",", "X"]
    ),
    max_size=6,
).map(" ".join)  # fmt: skip


@given(organization_names)
def test_organization_key_is_idempotent(text: str) -> None:
    key = organization_key(text)
    assert organization_key(key) == key


@given(names)
def test_keys_are_accent_insensitive(text: str) -> None:
    assert fold(_strip_accents(text)) == fold(text)
    assert organization_key(_strip_accents(text)) == organization_key(text)


french_names = st.text(alphabet="abcdefgijklmnopqrstuvwxyzßàâçéèêëîïôöùûüÿœæ '-.&,", max_size=40)


@given(french_names)
def test_keys_are_case_insensitive(text: str) -> None:
    assert fold(text.upper()) == fold(text) == fold(text.title())
    assert organization_key(text.upper()) == organization_key(text)


@given(names)
def test_keys_are_normal_form_insensitive(text: str) -> None:
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        assert fold(unicodedata.normalize(form, text)) == fold(text)


@given(names)
def test_fold_yields_single_spaced_words(text: str) -> None:
    folded = fold(text)
    assert folded == folded.strip()
    assert "  " not in folded
