"""Unknown keys in event files are refused with their line and the closest key (#15 item 6)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from desktop_app.resources import as_path

from desktop_app.domain.event_keys import KNOWN_KEYS, UnknownKey
from desktop_app.domain.events import EventSpec, parse_event_file

MONTREAL = as_path("examples", "forum-montreal-2027.toml")
README = Path(__file__).resolve().parents[2] / "README.md"


def _with(old: str, new: str, count: int = 1) -> str:
    source = MONTREAL.read_text("utf-8")
    assert old in source
    return source.replace(old, new, count)


def _line(source: str, text: str, occurrence: int = 1) -> int:
    lines = [n for n, line in enumerate(source.splitlines(), 1) if line.startswith(text)]
    return lines[occurrence - 1]


def test_a_typo_in_the_event_table_names_key_line_file_and_closest_key() -> None:
    source = _with('venue = "', 'vneue = "')
    with pytest.raises(UnknownKey) as raised:
        parse_event_file(source, "forum.toml")
    line = _line(source, "vneue")
    assert raised.value.message == (
        f"Unknown key “vneue” at line {line} of forum.toml — did you mean “venue”?"
    )


@pytest.mark.parametrize(
    ("old", "new", "key", "closest", "occurrence"),
    [
        ("legal_name = ", "legal_nmae = ", "legal_nmae", "legal_name", 1),
        ('eligibility = "comp"', 'eligibilty = "comp"', "eligibilty", "eligibility", 1),
        ("taxes_included = false", "taxes_include = false", "taxes_include", "taxes_included", 3),
        ("[seller]", "[seler]", "seler", "seller", 1),
    ],
)
def test_every_table_level_is_checked(
    old: str, new: str, key: str, closest: str, occurrence: int
) -> None:
    source = MONTREAL.read_text("utf-8")
    # Replace the chosen occurrence only, so the line is that entry's.
    parts = source.split(old)
    assert len(parts) > occurrence
    source = old.join(parts[:occurrence]) + new + old.join(parts[occurrence:])
    with pytest.raises(UnknownKey) as raised:
        parse_event_file(source, "forum.toml")
    line = _line(source, new.rstrip(" ="))
    assert f"“{key}” at line {line} of forum.toml" in raised.value.message
    assert f"did you mean “{closest}”" in raised.value.message


def test_a_key_far_from_any_lists_the_tables_keys() -> None:
    source = _with("[seller]", 'colour_scheme = "blue"\n\n[seller]')
    with pytest.raises(UnknownKey, match=r"“colour_scheme” at line \d+ of the event file; "):
        parse_event_file(source)


def test_a_consent_entry_is_checked_too() -> None:
    source = _with("[seller]", "[seller]") + (
        '\n[[consents]]\ncode = "photos"\nwording_fr = "a"\nwording_en = "b"\n'
        'version = "1"\nlabel_frr = "Photos"\n'
    )
    with pytest.raises(UnknownKey, match=r"“label_frr” at line \d+ .*“label_fr”"):
        parse_event_file(source, "x.toml")


def _readme_event_file() -> str:
    text = README.read_text("utf-8")
    section = text[text.index("## Event files") :]
    return re.search(r"```toml\n(.*?)```", section, re.DOTALL)[1]  # type: ignore[index]


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(as_path("examples", name).read_text("utf-8"), id=name)
        for name in ("forum-montreal-2027.toml", "partnering-toronto-2027.toml")
    ]
    + [pytest.param(_readme_event_file(), id="README")],
)
def test_every_example_event_file_still_loads(source: str) -> None:
    assert isinstance(parse_event_file(source, "example.toml"), EventSpec)


def test_the_readme_shows_every_known_key() -> None:
    """A key the parser knows but no documentation shows would be a key nobody can find."""
    shown = set(re.findall(r"^#?\s*([a-z_]+)\s*=", _readme_event_file(), re.MULTILINE))
    for table, keys in KNOWN_KEYS.items():
        if table:
            assert keys <= shown, (table, keys - shown)
