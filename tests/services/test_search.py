"""Desk search: accents, case, word order, prefixes, typos, codes, and an index that keeps up."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database, open_database
from desktop_app.db.models import CheckIn, Person, Registration
from desktop_app.domain.errors import NotFound
from desktop_app.services.desk import search
from desktop_app.services.desk.search import SearchHit, find_by_code, search_registrations
from desktop_app.services.desk.search import backend as search_backend
from tests.services.search_data import MONTREAL, NOW, TORONTO, add_registration, known_database


@pytest.fixture
def known(database: Database) -> dict[str, int]:
    return known_database(database)


def _search(database: Database, query: str, limit: int = 50) -> list[SearchHit]:
    return search_registrations(database.sessions, MONTREAL, query, limit)


def _first(database: Database, query: str) -> int:
    hits = _search(database, query)
    assert hits, f"nothing found for {query!r}"
    return hits[0].registration_id


@pytest.mark.parametrize(
    "query",
    [
        "benoit lar",  # no accent, last name being typed
        "LAROSE B",  # capitals, last name first, initial
        "larose benoit",  # word order
        "Benoît Larose",  # as written
        "b larose",
        "benoit larosse",  # a letter too many
        "benoir larose",  # a wrong letter
        "université de montréal",  # the organization
        "universite montreal larose",
        "benoit.larose@umontreal.ca",  # the email
        "umontreal.ca",
    ],
)
def test_benoit_larose_comes_first(database: Database, known: dict[str, int], query: str) -> None:
    assert _first(database, query) == known["benoit"]


@pytest.mark.parametrize(
    "query",
    [
        "lachanse",
        "LACHANCE",
        "marie eve lachance",
        "marie-ève",
        "marieeve",
        "lachance marie",
        "theratech",
    ],
)
def test_lachance_is_found_misspelled_reordered_or_by_company(
    database: Database, known: dict[str, int], query: str
) -> None:
    assert known["lachance"] in [h.registration_id for h in _search(database, query)[:5]]


def test_an_exact_code_comes_first_and_says_so(database: Database, known: dict[str, int]) -> None:
    for typed in ("BENOITLAROSE2345", "benoitlarose2345", "  BENOITLAROSE2345 "):
        hits = _search(database, typed)
        assert hits[0].registration_id == known["benoit"]
        assert hits[0].exact_code
        assert not any(h.exact_code for h in hits[1:])
    # A code kept as pretix wrote it is matched exactly, then names as usual.
    hits = _search(database, "Q9X-77k")
    assert hits[0].registration_id == known["pretix"] and hits[0].exact_code


def test_an_exact_code_beats_a_name_that_reads_the_same(
    database: Database, known: dict[str, int]
) -> None:
    with database.sessions.begin() as session:
        other = add_registration(session, first="Ann", last="Other", code="Larose").id
    hits = _search(database, "Larose")
    assert hits[0].registration_id == other and hits[0].exact_code
    assert known["benoit"] in [h.registration_id for h in hits[1:]]


def test_the_start_of_a_code_finds_it(database: Database, known: dict[str, int]) -> None:
    hits = _search(database, "benoitlar")
    assert hits[0].registration_id == known["benoit"] and not hits[0].exact_code


def test_find_by_code(database: Database, known: dict[str, int]) -> None:
    hit = find_by_code(database.sessions, MONTREAL, "benoitlarose2345")
    assert hit is not None and hit.registration_id == known["benoit"] and hit.exact_code
    assert hit.first_name == "Benoît" and hit.organization == "Université de Montréal"
    assert find_by_code(database.sessions, MONTREAL, "NOPE") is None
    assert find_by_code(database.sessions, TORONTO, "BENOITLAROSE2345") is None


def test_empty_queries_find_nothing(database: Database, known: dict[str, int]) -> None:
    assert _search(database, "") == []
    assert _search(database, "   ") == []
    assert _search(database, "zzzzqqqq") == []
    assert _search(database, '"*^()') == []


def test_only_the_event_searched_is_answered(database: Database, known: dict[str, int]) -> None:
    with database.sessions.begin() as session:
        toronto = add_registration(
            session, first="Benoît", last="Larose", code="TORONTOBENOIT234", slug=TORONTO
        ).id
    assert toronto not in [h.registration_id for h in _search(database, "benoit larose")]
    hits = search_registrations(database.sessions, TORONTO, "benoit larose")
    assert hits[0].registration_id == toronto
    with pytest.raises(NotFound):
        search_registrations(database.sessions, "no-such-event", "larose")


def test_the_index_follows_inserts_edits_and_substitutions(
    database: Database, known: dict[str, int]
) -> None:
    with database.sessions.begin() as session:
        new = add_registration(session, first="Gaëlle", last="Ouellet", code="G7KQ2MXR4TZP5WNA").id
    assert _first(database, "gaelle ouel") == new

    with database.sessions.begin() as session:  # the person corrects their name and email
        person = session.get(Registration, new).person  # type: ignore[union-attr]
        person.last_name = "Ouellette-Brûlé"
        person.email = "gaelle@brule.example"
    assert _first(database, "ouellette brule") == new
    assert _first(database, "gaelle@brule.example") == new
    assert _search(database, "ouellet gaelle")[0].registration_id == new  # prefix still

    with database.sessions.begin() as session:  # a colleague takes the place
        registration = session.get(Registration, new)
        assert registration is not None
        registration.person = Person(first_name="Xavier", last_name="Quenneville", created_at=NOW)
    assert _first(database, "xavier quenneville") == new
    assert new not in [h.registration_id for h in _search(database, "gaelle")]


def test_a_new_name_is_found_misspelled_after_an_edit(
    database: Database, known: dict[str, int]
) -> None:
    with database.sessions.begin() as session:
        new = add_registration(session, first="Gaëlle", last="Ouellet", code="G7KQ2MXR4TZP5WNB").id
    with database.sessions.begin() as session:  # the index's vocabulary learns the new name
        person = session.get(Registration, new).person  # type: ignore[union-attr]
        person.last_name = "Vaillancourt"
    assert _first(database, "vaillancourd gaelle") == new
    assert _first(database, "vailancourt") == new


def test_cancelled_registrations_come_after_active_ones(
    database: Database, known: dict[str, int]
) -> None:
    with database.sessions.begin() as session:
        registration = session.get(Registration, known["benoit"])
        assert registration is not None
        registration.status = "cancelled"
        active = add_registration(
            session, first="Benoît", last="Larochelle", code="BLAROCHELLE23456"
        )
    hits = _search(database, "benoit lar")
    assert [h.registration_id for h in hits[:2]] == [active.id, known["benoit"]]
    assert [h.status for h in hits[:2]] == ["active", "cancelled"]


def test_hits_show_check_in_membership_and_balance(
    database: Database, known: dict[str, int]
) -> None:
    with database.sessions.begin() as session:
        owing = add_registration(
            session,
            first="Hugo",
            last="Paquin",
            code="HUGOPAQUIN234567",
            due="344.93",
            paid="100.00",
            verdict={"associations": ["bioquebec", "lso"], "marking": "both"},
            flag="balance-due",
        )
        session.add(
            CheckIn(
                registration=owing,
                checked_in_at=NOW,
                desk="A",
                staff="Léa",
                action_id="t-1",
            )
        )
    hit = _search(database, "hugo paquin")[0]
    assert hit.checked_in and hit.checked_in_at == NOW
    assert hit.marking == "both" and hit.membership_flag == "balance-due"
    assert hit.balance_due == Decimal("244.93")
    assert hit.to_json()["balance_due"] == "244.93"

    with database.sessions.begin() as session:  # undone: no longer checked in
        check_in = session.scalars(select(CheckIn).where(CheckIn.action_id == "t-1")).one()
        check_in.undone_at = NOW + timedelta(minutes=1)
        check_in.undone_by = "Léa"
        check_in.undo_reason = "wrong person"
    hit = _search(database, "hugo paquin")[0]
    assert not hit.checked_in and hit.checked_in_at is None
    benoit = _search(database, "benoit larose")[0]
    assert benoit.marking is None and benoit.balance_due == Decimal("0.00")


def test_overpaid_shows_no_negative_balance(database: Database, known: dict[str, int]) -> None:
    with database.sessions.begin() as session:
        add_registration(
            session, first="Iris", last="Credit", code="IRISCREDIT234567", paid="150.00"
        )
    assert _search(database, "iris credit")[0].balance_due == Decimal("0.00")


def test_order_is_stable_and_alphabetical_among_equals(
    database: Database, known: dict[str, int]
) -> None:
    with database.sessions.begin() as session:
        for index, (first, last) in enumerate(
            [("Paul", "Tremblay"), ("Anne", "Tremblay"), ("Luc", "Tremblay"), ("Anne", "Bédard")]
        ):
            add_registration(session, first=first, last=last, code=f"ORDERTEST{index}ABCDEF"[:16])
    first = _search(database, "tremblay")
    assert first == _search(database, "tremblay")
    tremblays = [(h.last_name, h.first_name) for h in first if h.last_name == "Tremblay"]
    assert tremblays == sorted(tremblays)
    assert ("Tremblay", "Anne") in tremblays


def test_the_limit_is_respected(database: Database, known: dict[str, int]) -> None:
    assert len(_search(database, "a", limit=3)) == 3
    assert _search(database, "a", limit=0) == []


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("oquill", "sean"),
        ("o'quillfeather", "sean"),
        ("O’Quillfeather s", "sean"),
        ("sean oquil", "sean"),
        ("delaverendrye", "jean"),
        ("de la verendrye", "jean"),
        ("verendrye jean", "jean"),
    ],
)
def test_names_with_apostrophes_hyphens_and_particles(
    database: Database, known: dict[str, int], query: str, who: str
) -> None:
    with database.sessions.begin() as session:
        wanted = {
            "sean": add_registration(
                session, first="Seán", last="O'Quillfeather", code="OQUILL2345678ABC"
            ).id,
            "jean": add_registration(
                session, first="Jean", last="de La Vérendrye", code="VERENDRYE2345678"
            ).id,
        }
    assert _first(database, query) == wanted[who]


def test_the_very_email_typed_comes_before_namesakes(
    database: Database, known: dict[str, int]
) -> None:
    with database.sessions.begin() as session:
        first = add_registration(
            session,
            first="Zoé",
            last="Aardvark",
            email="zoe2@orion.example",
            code="ZOEAARDVARK23456",
        ).id
        wanted = add_registration(
            session, first="Zoé", last="Zzyzx", email="zoe@orion.example", code="ZOEZZYZX23456789"
        ).id
    assert [h.registration_id for h in _search(database, "zoe@orion.example")[:2]] == [
        wanted,
        first,
    ]


def test_a_misspelled_name_with_letters_that_do_not_decompose(
    database: Database, known: dict[str, int]
) -> None:
    with database.sessions.begin() as session:
        wanted = add_registration(
            session, first="José", last="Þórsdóttir", code="Q2W3E4R5T6Y7U2I3"
        ).id
    assert _first(database, "þorsdottis jose") == wanted
    assert _first(database, "thorsdottir") == wanted


def test_a_whole_name_or_organization_beats_a_longer_one(
    database: Database, known: dict[str, int]
) -> None:
    with database.sessions.begin() as session:
        longer = add_registration(
            session,
            first="Al",
            last="Aa",
            organization="Les Labos Qwerty ltée",
            code="QWERTYLONG234567",
        ).id
        whole = add_registration(
            session, first="Zed", last="Zz", organization="Qwerty", code="QWERTYWHOLE23456"
        ).id
    assert [h.registration_id for h in _search(database, "qwerty")[:2]] == [whole, longer]


@pytest.mark.parametrize(("common", "candidates"), [(1, 100), (1, 2), (2, 2)])
def test_common_words_find_what_rare_ones_do(
    database: Database,
    known: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    common: int,
    candidates: int,
) -> None:
    # On PostgreSQL, words with many rows are walked in id order (and intersected when too
    # few answer in the stretch walked) instead of read whole: the answers must not change.
    monkeypatch.setattr(search, "MIN_CANDIDATES", candidates)
    queries = ["benoit lar", "LAROSE B", "b l", "marie eve lachance", "lachanse marie", "a"]
    before = {q: [h.registration_id for h in _search(database, q, limit=1)] for q in queries}
    assert before["benoit lar"] == [known["benoit"]]
    monkeypatch.setattr(search_backend, "COMMON_ROWS", common)
    assert {q: [h.registration_id for h in _search(database, q, limit=1)] for q in queries} == (
        before
    )


def test_a_misspelled_new_name_is_found_whoever_wrote_it(
    database: Database, known: dict[str, int], database_url: str
) -> None:
    # The vocabulary's slices are kept between keystrokes (issue #16): a name added after a
    # misspelled search read the slice, by this desk or by another one, must still be found.
    assert _search(database, "vaillancourd") == []  # reads (and keeps) the "v" words
    with database.sessions.begin() as session:  # this desk's own connection pool
        mine = add_registration(session, first="Gaëlle", last="Vaillancourt", code="VAILLANCO23456")
        mine_id = mine.id
    assert _first(database, "vaillancourd") == mine_id
    assert _search(database, "wojciechowsky") == []  # the "w" words, kept
    other = open_database(database_url)  # another desk: its own connections
    try:
        with other.sessions.begin() as session:
            theirs = add_registration(
                session, first="Jan", last="Wojciechowski", code="WOJCIECHOW23456"
            ).id
    finally:
        other.dispose()
    assert _first(database, "wojciechowsky") == theirs
