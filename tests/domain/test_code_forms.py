"""The stored forms a typed code may have: exact first, ours upper-case, lower-case for a
code typed with Caps Lock on."""

from __future__ import annotations

from desktop_app.domain.codes import code_forms, preferred


def test_a_code_in_capitals_may_be_a_lower_case_pretix_secret() -> None:
    assert code_forms(" WFJKYWCXYMKCJ9358X6JQTHF27M5N9HP\n") == (
        "WFJKYWCXYMKCJ9358X6JQTHF27M5N9HP",
        "wfjkywcxymkcj9358x6jqthf27m5n9hp",
    )
    # Ours are stored upper-case; mixed case is no Caps Lock, so no lower-case form.
    assert code_forms("abcdefgh23456789") == ("abcdefgh23456789", "ABCDEFGH23456789")
    assert code_forms("pretix-Ab12x") == ("pretix-Ab12x",)
    assert code_forms("   ") == ()


def test_the_exact_form_wins_over_a_case_folded_one() -> None:
    found = {"PRETIX-X": "upper", "pretix-x": "lower"}
    assert preferred(found, "PRETIX-X") == "upper"
    assert preferred({"pretix-x": "lower"}, "PRETIX-X") == "lower"
    assert preferred({}, "PRETIX-X") is None
