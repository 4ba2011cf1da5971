"""The membership verdict: a table of matching cases, then evidence, decisions and JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pytest

from desktop_app.domain.errors import Invalid
from desktop_app.domain.membership import (
    BIOQUEBEC,
    LSO,
    STRENGTH,
    MemberDirectory,
    MembershipRecord,
    PersonQuery,
    StaffDecision,
    verdict,
)

EVENT = date(2026, 5, 14)
YEAR_END = date(2026, 12, 31)


def org(
    id: int,
    association: str,
    name: str,
    *,
    aliases: tuple[str, ...] = (),
    domains: tuple[str, ...] = (),
    number: str | None = None,
    until: date | None = YEAR_END,
    since: date | None = date(2026, 1, 1),
) -> MembershipRecord:
    return MembershipRecord(
        id, association, number, "corporate", since, until, "organization",
        name, aliases, domains,
    )  # fmt: skip


def person(
    id: int,
    association: str,
    name: str,
    email: str | None,
    *,
    number: str | None = None,
    until: date | None = YEAR_END,
    employer: str | None = None,
) -> MembershipRecord:
    return MembershipRecord(
        id, association, number, "individual", date(2026, 1, 1), until, "person",
        employer, (), (), name, email,
    )  # fmt: skip


RECORDS = [
    org(1, BIOQUEBEC, "Thératechnologies inc.", domains=("theratech.com",), number="BQ-0001"),
    org(2, BIOQUEBEC, "Université McGill", aliases=("McGill University",), domains=("mcgill.ca",)),
    org(3, BIOQUEBEC, "Inno Bio Ltée", domains=("inno.ca",)),
    org(4, BIOQUEBEC, "Néomed Labs Inc.", until=EVENT - timedelta(days=1)),
    org(5, BIOQUEBEC, "AdMare BioInnovations", domains=("admare.com",)),
    org(6, BIOQUEBEC, "Génomix Québec"),
    org(7, BIOQUEBEC, "Génomia Québec"),
    org(8, BIOQUEBEC, "Petite Biotech", domains=("gmail.com", "petitebiotech.ca")),
    org(9, BIOQUEBEC, "Dernier Jour S.E.N.C.", until=EVENT),
    org(10, BIOQUEBEC, "Génome Québec"),
    org(11, BIOQUEBEC, "Futura Pharma", since=EVENT + timedelta(days=1)),
    org(105, LSO, "AdMare BioInnovations Inc."),
    org(106, LSO, "Toronto Biotech Corp.", number="LSO-77", domains=("torontobiotech.com",)),
    person(101, LSO, "Marie Tremblay", "marie.tremblay@inno.ca", number="LSO-1001"),
    person(102, LSO, "Paul Roy", "paul.roy@torontobiotech.com", until=date(2026, 3, 31)),
]


@pytest.fixture(scope="module")
def directory() -> MemberDirectory:
    return MemberDirectory(RECORDS)


@dataclass(frozen=True)
class Case:
    """One row of the matching table: a query and what each association must say."""

    query: PersonQuery
    bioquebec: str
    lso: str
    bioquebec_kind: str | None = None
    lso_kind: str | None = None
    detail_contains: tuple[str, ...] = field(default=())


def q(
    name: str | None = "Alex Martin",
    email: str | None = None,
    organization: str | None = None,
    member_number: str | None = None,
) -> PersonQuery:
    return PersonQuery(name, email, organization, member_number)


NF = "not-found"
CASES = [
    # Legal suffixes, accents and capitals.
    pytest.param(Case(q(organization="Thératechnologies inc."), "active", NF, "organization-name"),
                 id="suffix-inc-dot"),
    pytest.param(Case(q(organization="THERATECHNOLOGIES INC"), "active", NF, "organization-name"),
                 id="suffix-all-capitals"),
    pytest.param(Case(q(organization="Theratechnologies Incorporated"), "active", NF,
                      "organization-name"), id="suffix-incorporated"),
    pytest.param(Case(q(organization="Theratechnologies, Ltd."), "active", NF,
                      "organization-name"), id="suffix-ltd"),
    pytest.param(Case(q(organization="Universite Mcgill"), "active", NF, "organization-name"),
                 id="accent-free"),
    pytest.param(Case(q(organization="NÉOMED LABS"), "expired", NF, "organization-name"),
                 id="all-capitals-with-accents"),
    pytest.param(Case(q(organization="Dernier Jour SENC"), "active", NF, "organization-name"),
                 id="senc-valid-until-event-day"),
    # French/English aliases come from the records.
    pytest.param(Case(q(organization="McGill University"), "active", NF, "organization-name",
                      detail_contains=("matched 'Université McGill'",)), id="english-alias"),
    pytest.param(Case(q(organization="MCGILL UNIVERSITY"), "active", NF, "organization-name"),
                 id="alias-all-capitals"),
    # Email domains.
    pytest.param(Case(q(email="alex@mcgill.ca"), "active", NF, "email-domain",
                      detail_contains=("via the organization's domain mcgill.ca",)),
                 id="email-domain"),
    pytest.param(Case(q(email="alex@med.mcgill.ca"), "active", NF, "email-domain"),
                 id="email-subdomain"),
    pytest.param(Case(q(email="alex@gmail.com"), NF, NF), id="free-mail-never-matches"),
    pytest.param(Case(q(email="alex@gmail.com", organization="Petite Biotech"), "active", NF,
                      "organization-name"), id="free-mail-listed-by-org-name-still-works"),
    pytest.param(Case(q(email="alex@videotron.ca"), NF, NF), id="isp-mail"),
    # Validity on the event date.
    pytest.param(Case(q(organization="Néomed Labs"), "expired", NF), id="expired-day-before"),
    pytest.param(Case(q(organization="Futura Pharma"), NF, NF, "organization-name",
                      detail_contains=("valid from 2026-05-15",)), id="starts-after-event"),
    # Both associations.
    pytest.param(Case(q(organization="AdMare BioInnovations"), "active", "active",
                      "organization-name", "organization-name"), id="organization-in-both-lists"),
    pytest.param(Case(q(email="marie.tremblay@inno.ca", name="Marie Tremblay"), "active", "active",
                      "email-domain", "personal-email"), id="lso-individual-at-bioquebec-member"),
    # Member numbers.
    pytest.param(Case(q(organization="Université McGill", member_number="BQ-0001"), "active", NF,
                      "member-number", detail_contains=("the number wins",)),
                 id="member-number-contradicts-name"),
    pytest.param(Case(q(member_number="bq 0001"), "active", NF, "member-number",
                      detail_contains=("member no. bq 0001, valid until 2026-12-31",)),
                 id="member-number-spelling"),
    pytest.param(Case(q(member_number="LSO-1001"), NF, "active", None, "member-number"),
                 id="individual-member-number"),
    pytest.param(Case(q(member_number="BQ-9999"), NF, NF), id="unknown-member-number"),
    # Fuzzy names.
    pytest.param(Case(q(organization="Theratechnolgies"), "active", NF, "organization-name",
                      detail_contains=("(score 97)",)), id="fuzzy-typo-matches"),
    pytest.param(Case(q(organization="Genomic Quebec"), "ambiguous", NF), id="fuzzy-tie"),
    pytest.param(Case(q(organization="Genomique Quebec"), "ambiguous", NF), id="fuzzy-low-score"),
    pytest.param(Case(q(organization="Université"), NF, NF), id="one-common-word"),
    # Nothing.
    pytest.param(Case(q(email="alex@acme.com", organization="Acme Widgets"), NF, NF),
                 id="nothing-found"),
    pytest.param(Case(q(name=None), NF, NF), id="empty-query"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_matching_table(directory: MemberDirectory, case: Case) -> None:
    result = verdict(directory, case.query, EVENT)
    bq, lso = result.per_association[BIOQUEBEC], result.per_association[LSO]
    assert (bq.status, lso.status) == (case.bioquebec, case.lso)
    if case.bioquebec_kind:
        assert bq.evidence[0].kind == case.bioquebec_kind
    if case.lso_kind:
        assert lso.evidence[0].kind == case.lso_kind
    details = " | ".join(e.detail for e in result.evidence)
    for text in case.detail_contains:
        assert text in details
    expected = {a for a, s in ((BIOQUEBEC, bq), (LSO, lso)) if s.status == "active"}
    assert result.associations == expected


def test_expired_reports_the_last_valid_day(directory: MemberDirectory) -> None:
    status = verdict(directory, q(organization="Néomed Labs"), EVENT).per_association[BIOQUEBEC]
    assert status.expired_on == date(2026, 5, 13)
    assert status.evidence[0].valid_until == date(2026, 5, 13)


def test_tie_lists_both_candidates(directory: MemberDirectory) -> None:
    status = verdict(directory, q(organization="Genomic Quebec"), EVENT).per_association[BIOQUEBEC]
    assert {c.membership_id for c in status.candidates[:2]} == {6, 7}
    assert status.candidates[0].score == status.candidates[1].score == 93
    assert all(c.score < 93 for c in status.candidates[2:])  # "Génome Québec" trails
    assert not status.evidence


def test_low_score_candidates_are_ranked(directory: MemberDirectory) -> None:
    result = verdict(directory, q(organization="Genomique Quebec"), EVENT)
    candidates = result.per_association[BIOQUEBEC].candidates
    assert candidates[0].organization_name == "Génome Québec"
    assert [c.score for c in candidates] == sorted((c.score for c in candidates), reverse=True)
    assert all(80 <= c.score < 92 for c in candidates)


def test_expired_individual_does_not_hide_active_employer(directory: MemberDirectory) -> None:
    result = verdict(directory, q(email="paul.roy@torontobiotech.com"), EVENT)
    status = result.per_association[LSO]
    assert status.status == "active"
    assert [e.kind for e in status.evidence] == ["email-domain"]


def test_expired_individual_alone_is_expired(directory: MemberDirectory) -> None:
    records = [person(1, LSO, "Paul Roy", "paul@roy.ca", until=date(2026, 3, 31))]
    status = verdict(MemberDirectory(records), q(email="paul@roy.ca"), EVENT).per_association[LSO]
    assert (status.status, status.expired_on) == ("expired", date(2026, 3, 31))


def test_number_evidence_is_the_only_evidence_once_active(directory: MemberDirectory) -> None:
    query = q(email="alex@theratech.com", organization="Thératechnologies", member_number="BQ-0001")
    status = verdict(directory, query, EVENT).per_association[BIOQUEBEC]
    assert [e.kind for e in status.evidence] == ["member-number"]


def test_number_in_both_lists_needs_corroboration() -> None:
    records = [
        org(1, BIOQUEBEC, "Alpha Bio", number="500"),
        org(2, LSO, "Beta Pharma", number="500"),
    ]
    directory = MemberDirectory(records)
    vague = verdict(directory, q(member_number="500"), EVENT)
    assert vague.associations == frozenset()
    assert vague.per_association[BIOQUEBEC].status == "ambiguous"
    assert vague.per_association[LSO].status == "ambiguous"
    clear = verdict(directory, q(member_number="500", organization="Beta Pharma Inc."), EVENT)
    assert clear.associations == {LSO}
    assert clear.per_association[LSO].evidence[0].kind == "member-number"


def test_namesake_with_individual_membership_is_a_candidate(directory: MemberDirectory) -> None:
    result = verdict(directory, q(name="Marie Tremblay", email="marie@gmail.com"), EVENT)
    status = result.per_association[LSO]
    assert status.status == "ambiguous"
    assert status.candidates[0].person_name == "Marie Tremblay"


def test_evidence_is_ordered_by_strength(directory: MemberDirectory) -> None:
    assert (
        STRENGTH["staff-decision"]
        > STRENGTH["member-number"]
        > STRENGTH["personal-email"]
        > STRENGTH["email-domain"]
        > STRENGTH["organization-name"]
    )
    query = q(email="alex@mcgill.ca", organization="McGill University")
    status = verdict(directory, query, EVENT).per_association[BIOQUEBEC]
    strengths = [e.strength for e in status.evidence]
    assert strengths == sorted(strengths, reverse=True)
    assert status.evidence[0].kind == "email-domain"


# --- staff decisions ---------------------------------------------------------------------------

WHEN = datetime(2026, 5, 14, 9, 30)


def decided(**changes: object) -> StaffDecision:
    values: dict[str, object] = {
        "association": BIOQUEBEC,
        "decision": "confirmed-candidate",
        "who": "sophie",
        "when": WHEN,
        "reason": "showed her badge",
        "email": "alex@gmail.com",
        "membership_id": 6,
    }
    values.update(changes)
    return StaffDecision(**values)  # type: ignore[arg-type]


def test_confirmed_candidate_is_reused_by_email() -> None:
    directory = MemberDirectory(RECORDS, [decided()])
    query = q(email="Alex@Gmail.com", organization="Genomic Quebec")
    later = verdict(directory, query, date(2026, 11, 2))
    status = later.per_association[BIOQUEBEC]
    assert status.status == "active"
    assert status.evidence[0].kind == "staff-decision"
    assert status.evidence[0].membership_id == 6
    assert status.evidence[0].detail == (
        f"membership confirmed by sophie on {WHEN.date().isoformat()}: showed her badge,"
        " valid until 2026-12-31"
    )


def test_confirmed_candidate_follows_its_membership_dates() -> None:
    directory = MemberDirectory(RECORDS, [decided()])
    status = verdict(directory, q(email="alex@gmail.com"), date(2027, 2, 1)).per_association
    assert status[BIOQUEBEC].status == "expired"


def test_decision_found_by_person_key_when_no_email() -> None:
    decision = decided(email=None, person_key="alex martin")
    directory = MemberDirectory(RECORDS, [decision])
    assert verdict(directory, q(name="Martin, Alex"), EVENT).associations == {BIOQUEBEC}


def test_emails_outrank_person_keys_for_decisions() -> None:
    decision = decided(person_key="alex martin", email="alex@gmail.com")
    directory = MemberDirectory(RECORDS, [decision])
    namesake = q(name="Alex Martin", email="other.alex@gmail.com")
    assert verdict(directory, namesake, EVENT).associations == frozenset()


def test_rejected_membership_is_ignored() -> None:
    decision = decided(decision="not-member", email="alex@mcgill.ca", membership_id=2)
    directory = MemberDirectory(RECORDS, [decision])
    result = verdict(directory, q(email="alex@mcgill.ca", organization="McGill"), EVENT)
    assert result.per_association[BIOQUEBEC].status == "not-found"


def test_later_decision_wins() -> None:
    decisions = [
        decided(decision="not-member"),
        decided(when=WHEN + timedelta(hours=1)),
    ]
    directory = MemberDirectory(RECORDS, decisions)
    assert verdict(directory, q(email="alex@gmail.com"), EVENT).associations == {BIOQUEBEC}


def test_unlinked_decisions_override_for_a_membership_year() -> None:
    directory = MemberDirectory(RECORDS)
    directory.record_decision(decided(association=LSO, decision="member", membership_id=None))
    directory.record_decision(
        decided(email="alex@mcgill.ca", decision="not-member", membership_id=None)
    )
    member = verdict(directory, q(email="alex@gmail.com"), EVENT)
    assert member.per_association[LSO].status == "active"
    assert member.per_association[LSO].evidence[0].membership_id is None
    refused = verdict(directory, q(email="alex@mcgill.ca"), EVENT)
    assert refused.per_association[BIOQUEBEC].status == "not-found"
    assert refused.per_association[BIOQUEBEC].evidence[0].kind == "staff-decision"
    two_years_later = verdict(directory, q(email="alex@gmail.com"), date(2028, 5, 14))
    assert two_years_later.per_association[LSO].status == "not-found"


# --- value objects and JSON -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("organization", "marking"),
    [
        pytest.param("Both Lists Bio", "both", id="both"),
        pytest.param("Quebec Only Bio", "bioquebec", id="bioquebec"),
        pytest.param("Ontario Only Bio", "lso", id="lso"),
        pytest.param("Nobody Bio", "guest", id="guest"),
    ],
)
def test_marking(organization: str, marking: str) -> None:
    directory = MemberDirectory(
        [
            org(1, BIOQUEBEC, "Both Lists Bio"),
            org(2, LSO, "Both Lists Bio"),
            org(3, BIOQUEBEC, "Quebec Only Bio"),
            org(4, LSO, "Ontario Only Bio"),
        ]
    )
    assert verdict(directory, q(organization=organization), EVENT).marking == marking


def test_to_json(directory: MemberDirectory) -> None:
    query = q(email="marie.tremblay@inno.ca", name="Marie Tremblay")
    data = verdict(directory, query, EVENT).to_json()
    assert data["associations"] == ["bioquebec", "lso"]
    assert data["marking"] == "both"
    assert data["status"]["lso"]["status"] == "active"
    assert data["status"]["lso"]["expired_on"] is None
    assert data["status"]["bioquebec"]["evidence"][0]["kind"] == "email-domain"
    assert {e["association"] for e in data["evidence"]} == {"bioquebec", "lso"}
    assert set(data["evidence"][0]) >= {"association", "kind", "detail", "strength"}
    ambiguous = verdict(directory, q(organization="Genomic Quebec"), EVENT).to_json()
    assert ambiguous["status"]["bioquebec"]["candidates"][0]["score"] == 93


def test_evidence_carries_a_translatable_template(directory: MemberDirectory) -> None:
    evidence = verdict(directory, q(email="alex@mcgill.ca"), EVENT).evidence[0]
    assert evidence.template.format(**dict(evidence.params)) in evidence.detail


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(lambda: org(1, "acfas", "Alpha"), id="unknown-association"),
        pytest.param(lambda: org(1, LSO, "  "), id="organization-without-name"),
        pytest.param(lambda: org(1, LSO, "A", since=date(2026, 2, 1), until=date(2026, 1, 1)),
                     id="ends-before-it-starts"),
    ],
)  # fmt: skip
def test_invalid_records_are_refused(record: object) -> None:
    with pytest.raises(Invalid):
        record()  # type: ignore[operator]


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(Invalid):
        MemberDirectory([org(1, LSO, "A"), org(1, LSO, "B")])


def test_decision_needs_a_person() -> None:
    with pytest.raises(Invalid):
        decided(email=None, person_key=None)
    with pytest.raises(Invalid):
        decided(decision="confirmed-candidate", membership_id=None)
