"""The one place that decides where an output may be written (``db.private_files``)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop_app.db.private_files import output_file, output_target, write_output
from desktop_app.domain.errors import Invalid
from desktop_app.services.money.receipt_files import write_private_pdf


def test_a_new_file_is_written_whole_and_owner_only(tmp_path: Path) -> None:
    out = write_output(tmp_path / "a.pdf", b"%PDF-1.7 whole")
    assert out.read_bytes() == b"%PDF-1.7 whole"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_name_is_refused(name: str) -> None:
    with pytest.raises(Invalid, match="--pdf is empty"):
        output_target(name, option="--pdf")


def test_a_file_that_appears_while_writing_is_not_clobbered(tmp_path: Path) -> None:
    # Checked before the work, checked again at the end: the other writer's file stays.
    target = tmp_path / "report.csv"
    with pytest.raises(Invalid, match="already exists"), output_file(target) as handle:
        handle.write(b"ours")
        target.write_bytes(b"theirs")
    assert target.read_bytes() == b"theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv"]


def test_a_failed_block_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), output_file(tmp_path / "x.xlsx") as handle:
        handle.write(b"half")
        raise RuntimeError("the writer broke")
    assert list(tmp_path.iterdir()) == []


def test_a_symlink_to_a_pipe_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    link = tmp_path / "out.pdf"
    link.symlink_to(pipe)
    with pytest.raises(Invalid, match="not a regular file"):
        write_output(link, b"x", force=True)
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_the_desk_save_dialog_path_replaces_after_its_confirmation(tmp_path: Path) -> None:
    chosen = tmp_path / "copy.pdf"
    chosen.write_bytes(b"older copy")
    with pytest.raises(Invalid, match="already exists"):
        write_private_pdf(b"%PDF new", chosen)  # never without the dialog's yes
    write_private_pdf(b"%PDF new", chosen, force=True)
    assert chosen.read_bytes() == b"%PDF new"
