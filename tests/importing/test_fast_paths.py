"""The member import's fast paths give what the general ones gave (issue #16): CSV cells
without a call per cell, one regex for a domain, ASCII names folded without Unicode tables."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.names import _DROP_COMBINING, _fold_letters, normalize_email
from desktop_app.importing.tables import _csv_cells, _texts, read_table

cell_text = st.lists(
    st.sampled_from(
        ["a", "Z", "é", "e\u0301", "ß", " ", "\t", "-", "1", "\u00a0", "Ø", "\udcff", ";"]
    ),
    max_size=8,
).map("".join)  # NFC and NFD accents, spaces of every kind, undecodable bytes


@given(st.lists(cell_text, max_size=6))
def test_csv_cells_are_the_general_readers_cells(record: list[str]) -> None:
    assert _csv_cells(list(record)) == _texts(list(record))


def test_a_csv_reads_as_before_short_rows_accents_and_spaces(tmp_path: Path) -> None:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["Nom", "Prénom", "", "Courriel", "Ville"])
    writer.writerow(["  Co\u0302te\u0301 ", "Élise", "", "elise@ulaval.ca", "Québec"])
    writer.writerow(["Roy", "Marc"])  # a short record: the other cells are blank
    path = tmp_path / "members.csv"
    path.write_text(text.getvalue(), encoding="utf-8")
    rows = list(read_table(path).iter_rows())
    assert [row.cells for row in rows] == [
        {"Nom": "Côté", "Prénom": "Élise", "Courriel": "elise@ulaval.ca", "Ville": "Québec"},
        {"Nom": "Roy", "Prénom": "Marc", "Courriel": "", "Ville": ""},
    ]
    assert unicodedata.is_normalized("NFC", rows[0].cells["Nom"])


def test_a_line_break_inside_a_domain_is_no_address() -> None:
    # The per-label check let "a\n" pass as a label ($ matches before a final newline).
    assert normalize_email("x@a\n.com") is None
    assert normalize_email("x@Mail.Example.COM.") == "x@mail.example.com"
    assert normalize_email("x@-bad.com") is None
    assert normalize_email("x@192.168.0.1") is None


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_folds_as_the_unicode_path_folds(text: str) -> None:
    bare = unicodedata.normalize("NFKD", text).translate(_DROP_COMBINING)
    general = unicodedata.normalize("NFKD", bare.casefold()).translate(_DROP_COMBINING)
    assert _fold_letters(text) == general
