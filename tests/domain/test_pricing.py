"""Who may pay which rate, when each rate is on sale, and what a walk-in is offered."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import pricing
from desktop_app.domain.errors import Invalid, NotFound
from desktop_app.domain.pricing import (
    Eligibility,
    EventPricing,
    PriceCategorySpec,
    best_category,
    offered,
    quote,
)
from desktop_app.domain.taxes import Province

MONTREAL = ZoneInfo("America/Toronto")
D = Decimal
NONE: frozenset[str] = frozenset()
BQ = frozenset({"bioquebec"})
LSO = frozenset({"lso"})
BOTH = frozenset({"bioquebec", "lso"})


def at(text: str) -> datetime:
    """A moment in Montréal local time."""
    return datetime.fromisoformat(text).replace(tzinfo=MONTREAL)


def category(
    code: str,
    eligibility: Eligibility,
    amount: str,
    *,
    included: bool = False,
    starts: str | None = None,
    ends: str | None = None,
) -> PriceCategorySpec:
    return PriceCategorySpec(
        code=code,
        name_fr=code,
        name_en=code,
        eligibility=eligibility,
        amount=D(amount),
        taxes_included=included,
        available_from=at(starts) if starts else None,
        available_until=at(ends) if ends else None,
    )


# The joint forum in Montréal, as in resources/examples/forum-montreal-2027.toml.
CATEGORIES = (
    category("member-early", Eligibility.MEMBER, "450.00", ends="2027-02-15T23:59:59.999999"),
    category("member", Eligibility.MEMBER, "525.00"),
    category("non-member", Eligibility.NON_MEMBER, "725.00"),
    category("student", Eligibility.ANY, "95.00", included=True),
    category("on-site", Eligibility.NON_MEMBER, "795.00", starts="2027-03-23T00:00:00"),
    category("speaker", Eligibility.COMP, "0.00"),
)
FORUM = EventPricing("forum-montreal-2027", Province.QC, BOTH, CATEGORIES)
BQ_ONLY = EventPricing("bq-gala", Province.QC, BQ, CATEGORIES)
TORONTO = EventPricing(
    "partnering-toronto-2027",
    Province.ON,
    BOTH,
    (
        category("member", Eligibility.MEMBER, "349.00"),
        category("non-member", Eligibility.NON_MEMBER, "499.00"),
    ),
)

EARLY = "2027-02-01T10:00:00"
REGULAR = "2027-03-01T10:00:00"
AT_THE_DOOR = "2027-03-23T08:15:00"


@pytest.mark.parametrize(
    ("event", "active", "code", "eligible", "reason"),
    [
        (FORUM, BQ, "member", True, pricing.REASON_MEMBER),
        (FORUM, LSO, "member", True, pricing.REASON_MEMBER),  # the partnership itself
        (FORUM, BOTH, "member", True, pricing.REASON_MEMBER),
        (FORUM, NONE, "member", False, pricing.REASON_NOT_MEMBER),
        (FORUM, frozenset({"other"}), "member", False, pricing.REASON_NOT_PARTNER),
        (BQ_ONLY, LSO, "member", False, pricing.REASON_NOT_PARTNER),
        (BQ_ONLY, BOTH, "member", True, pricing.REASON_MEMBER),
        (FORUM, NONE, "non-member", True, pricing.REASON_NON_MEMBER),
        (FORUM, LSO, "non-member", True, pricing.REASON_NON_MEMBER_FOR_MEMBER),
        (BQ_ONLY, LSO, "non-member", True, pricing.REASON_NON_MEMBER),
        (FORUM, NONE, "student", True, pricing.REASON_CONDITIONAL),
        (FORUM, BQ, "student", True, pricing.REASON_CONDITIONAL),
        (FORUM, NONE, "speaker", True, pricing.REASON_COMP),
    ],
)
def test_eligibility(
    event: EventPricing, active: frozenset[str], code: str, eligible: bool, reason: str
) -> None:
    result = quote(event, code, active, at(REGULAR))
    assert (result.eligible, result.reason) == (eligible, reason)
    assert result.available


def test_complimentary_costs_nothing_and_needs_a_supervisor() -> None:
    result = quote(FORUM, "speaker", NONE, at(REGULAR))
    assert result.needs_supervisor
    assert (result.subtotal, result.total) == (D("0.00"), D("0.00"))
    assert not quote(FORUM, "member", BQ, at(REGULAR)).needs_supervisor


@pytest.mark.parametrize(
    ("code", "moment", "available", "reason"),
    [
        ("member-early", "2027-02-15T23:59:59", True, pricing.REASON_MEMBER),
        ("member-early", "2027-02-15T23:59:59.999999", True, pricing.REASON_MEMBER),  # inclusive
        ("member-early", "2027-02-16T00:00:00", False, pricing.REASON_ENDED),
        ("member", "2027-02-15T12:00:00", True, pricing.REASON_MEMBER),
        ("on-site", "2027-03-22T23:59:59", False, pricing.REASON_NOT_YET),
        ("on-site", "2027-03-23T00:00:00", True, pricing.REASON_NON_MEMBER),  # inclusive start
        ("non-member", "2027-03-22T23:59:59", True, pricing.REASON_NON_MEMBER),
        ("non-member", "2027-03-23T00:00:00", False, pricing.REASON_REPLACED),
        ("member", AT_THE_DOOR, True, pricing.REASON_MEMBER),  # no on-site member rate
    ],
)
def test_sale_windows(code: str, moment: str, available: bool, reason: str) -> None:
    active = BQ if code.startswith("member") else NONE
    result = quote(FORUM, code, active, at(moment))
    assert (result.available, result.reason) == (available, reason)
    assert result.sellable is available


def test_sale_window_compares_instants_not_wall_clocks() -> None:
    # 04:59 UTC on 16 February is still 23:59 on the 15th in Montréal.
    early = datetime(2027, 2, 16, 4, 59, tzinfo=UTC)
    late = datetime(2027, 2, 16, 5, 0, tzinfo=UTC)
    assert quote(FORUM, "member-early", BQ, early).available
    assert not quote(FORUM, "member-early", BQ, late).available


def test_not_eligible_reason_wins_over_window() -> None:
    result = quote(FORUM, "member-early", NONE, at("2027-03-01T00:00:00"))
    assert (result.eligible, result.available) == (False, False)
    assert result.reason == pricing.REASON_NOT_MEMBER


@pytest.mark.parametrize(
    ("event", "active", "moment", "code", "total"),
    [
        (FORUM, LSO, EARLY, "member-early", "517.39"),
        (FORUM, BQ, REGULAR, "member", "603.62"),
        (FORUM, BOTH, AT_THE_DOOR, "member", "603.62"),
        (FORUM, NONE, REGULAR, "non-member", "833.57"),
        (FORUM, NONE, AT_THE_DOOR, "on-site", "914.05"),
        (BQ_ONLY, LSO, EARLY, "non-member", "833.57"),
        (TORONTO, BQ, REGULAR, "member", "394.37"),  # a Québec member in Toronto
        (TORONTO, NONE, REGULAR, "non-member", "563.87"),
    ],
)
def test_best_category_for_a_walk_in(
    event: EventPricing, active: frozenset[str], moment: str, code: str, total: str
) -> None:
    best = best_category(event, active, at(moment))
    assert best is not None
    assert (best.category, str(best.total)) == (code, total)


def test_best_category_never_picks_student_or_complimentary() -> None:
    best = best_category(FORUM, NONE, at(REGULAR))
    assert best is not None
    assert best.category == "non-member"  # not the 95.00 student rate, not the free speaker


def test_best_category_none_when_nothing_is_on_sale() -> None:
    closed = EventPricing(
        "closed",
        Province.ON,
        BOTH,
        (category("member", Eligibility.MEMBER, "10.00", ends="2027-01-01T00:00:00"),),
    )
    assert best_category(closed, BQ, at(REGULAR)) is None
    assert offered(closed, BQ, at(REGULAR)) == []


@pytest.mark.parametrize(
    ("active", "moment", "codes"),
    [
        (BQ, EARLY, ["member-early", "member", "non-member", "student", "speaker"]),
        (NONE, EARLY, ["non-member", "student", "speaker"]),
        (LSO, AT_THE_DOOR, ["member", "on-site", "student", "speaker"]),
        (NONE, AT_THE_DOOR, ["on-site", "student", "speaker"]),
    ],
)
def test_offered_best_price_first(active: frozenset[str], moment: str, codes: list[str]) -> None:
    assert [q.category for q in offered(FORUM, active, at(moment))] == codes


def test_quote_carries_the_tax_lines_of_the_province() -> None:
    student = quote(FORUM, "student", NONE, at(REGULAR))
    assert (student.subtotal, student.total) == (D("82.63"), D("95.00"))
    assert [(t.name_fr, t.amount) for t in student.taxes] == [
        ("TPS", D("4.13")),
        ("TVQ", D("8.24")),
    ]
    assert student.breakdown.taxes_included
    member = quote(TORONTO, "member", LSO, at(REGULAR))
    assert [(t.code, t.amount) for t in member.taxes] == [("HST", D("45.37"))]


def test_unknown_category() -> None:
    with pytest.raises(NotFound, match="gala"):
        quote(FORUM, "gala", BQ, at(REGULAR))


def test_naive_time_is_refused() -> None:
    with pytest.raises(Invalid, match="time zone"):
        quote(FORUM, "member", BQ, datetime(2027, 3, 1, 10, 0))
    with pytest.raises(Invalid, match="time zone"):
        offered(FORUM, BQ, datetime(2027, 3, 1, 10, 0))
    with pytest.raises(Invalid, match="time zone"):
        PriceCategorySpec(
            "x", "x", "x", Eligibility.MEMBER, D("1.00"), False, datetime(2027, 1, 1), None
        )


@pytest.mark.parametrize(
    "make",
    [
        lambda: category("speaker", Eligibility.COMP, "10.00"),
        lambda: category("m", Eligibility.MEMBER, "10.00", starts="2027-02-02", ends="2027-02-01"),
        lambda: category("m", Eligibility.MEMBER, "-1.00"),
        lambda: PriceCategorySpec("m", "m", "m", Eligibility.MEMBER, 9.99, False),  # type: ignore[arg-type]
        lambda: EventPricing("e", Province.QC, frozenset({"acfas"}), ()),
        lambda: EventPricing("e", Province.QC, BOTH, (CATEGORIES[0], CATEGORIES[0])),
    ],
    ids=["paid-comp", "window-backwards", "negative", "float", "unknown-partner", "duplicate"],
)
def test_bad_definitions_are_refused(make: object) -> None:
    with pytest.raises(Invalid):
        make()  # type: ignore[operator]


moments = st.datetimes(
    min_value=datetime(2027, 1, 1), max_value=datetime(2027, 4, 1), timezones=st.just(MONTREAL)
)
memberships = st.frozensets(st.sampled_from(["bioquebec", "lso", "other"]))


@given(memberships, moments)
def test_walk_in_never_pays_more_than_an_offered_rate_membership_decides(
    active: frozenset[str], moment: datetime
) -> None:
    best = best_category(FORUM, active, moment)
    choices = [
        q
        for q in offered(FORUM, active, moment)
        if q.eligibility in (Eligibility.MEMBER, Eligibility.NON_MEMBER)
    ]
    assert best is not None  # the forum always has a non-member rate on sale
    assert best.total == min(q.total for q in choices)
    assert all(q.sellable for q in offered(FORUM, active, moment))


@given(memberships, moments, st.sampled_from([c.code for c in CATEGORIES]))
def test_member_rates_exactly_for_partner_members(
    active: frozenset[str], moment: datetime, code: str
) -> None:
    result = quote(FORUM, code, active, moment)
    if result.eligibility is Eligibility.MEMBER:
        assert result.eligible == bool(active & {"bioquebec", "lso"})
    else:
        assert result.eligible
    assert result.total >= 0
