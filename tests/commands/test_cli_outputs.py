"""Every option that writes a file writes only regular files (#15 item 10): a device, a FIFO
or a folder is refused, an existing file needs ``--force``, an empty name is said; a refusal
is one line, exit 1, and nothing is issued, stored or counted."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.cli import main
from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import AuditEntry, BadgePrint, DeskClosing, Receipt, ReceiptSeries
from desktop_app.services.money.receipt_store import format_number

SLUG = "forum-montreal-2027"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("outputs") / "demo.sqlite3"
    assert main(["demo", "--db", str(path), "--registrations", "60", "--activity"]) == 0
    return str(path)


def _count(db: str, model: type) -> int:
    database = open_database(sqlite_url(Path(db)))
    try:
        with database.sessions() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        database.dispose()


def _a_receipt(db: str) -> str:
    database = open_database(sqlite_url(Path(db)))
    try:
        with database.sessions() as session:
            row = session.execute(
                select(ReceiptSeries.code, Receipt.number)
                .join(ReceiptSeries, ReceiptSeries.id == Receipt.series_id)
                .where(Receipt.kind == "receipt")
            ).first()
    finally:
        database.dispose()
    assert row is not None
    return format_number(row[0], row[1])


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.pdf"
    os.mkfifo(path)
    return path


def _existing(tmp_path: Path) -> Path:
    path = tmp_path / "earlier.pdf"
    path.write_bytes(b"an earlier file the user keeps")
    path.chmod(0o644)
    return path


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A node for /dev/full or /dev/null in the test's folder when allowed (root), so a
    Passerelle without the fix replaces that node, never the machine's own device; others
    cannot replace anything in /dev, so the real one is safe to aim at."""
    node = tmp_path / f"{name}.pdf"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except PermissionError:
        return Path(f"/dev/{name}")
    return node


def _folder(tmp_path: Path) -> Path:
    path = tmp_path / "a-folder.pdf"
    path.mkdir()
    return path


TARGETS: dict[str, Callable[[Path], Path]] = {
    "fifo": _fifo,
    "folder": _folder,
    "existing": _existing,
    "device": lambda tmp: _device(tmp, "full", 7),
    "null": lambda tmp: _device(tmp, "null", 3),
}


def _unchanged(kind: str, path: Path) -> None:
    mode = os.stat(path).st_mode
    if kind == "fifo":
        assert stat.S_ISFIFO(mode)
    elif kind == "folder":
        assert stat.S_ISDIR(mode) and not list(path.iterdir())
    elif kind == "existing":
        assert path.read_bytes() == b"an earlier file the user keeps"
        assert stat.S_IMODE(mode) == 0o644  # its mode untouched too
    else:
        assert stat.S_ISCHR(mode)  # still the device, not a regular file in its place


def _one_line(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("passerelle: ") and "Traceback" not in err
    for word in words:
        assert word in err, err
    return err


def _no_temporary_left(tmp_path: Path) -> None:
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("kind", list(TARGETS))
def test_badges_refuse_the_place_and_count_nothing_as_printed(
    kind: str, demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = TARGETS[kind](tmp_path)
    printed = _count(demo_db, BadgePrint)
    argv = ["badges", "--event", SLUG, "--stock", "avery-5392", "--out", str(out)]
    assert main([*argv, "--only-unprinted", "--db", demo_db]) == 1
    _one_line(capsys, str(out))
    _unchanged(kind, out)
    assert _count(demo_db, BadgePrint) == printed
    _no_temporary_left(tmp_path)


def test_badges_replace_an_existing_file_only_with_force(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _existing(tmp_path)
    argv = ["badges", "--event", SLUG, "--stock", "avery-5392", "--out", str(out)]
    assert main([*argv, "--db", demo_db]) == 1
    _one_line(capsys, "--force")
    printed = _count(demo_db, BadgePrint)
    assert main([*argv, "--force", "--db", demo_db]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # replaced: the new file is owner-only
    assert _count(demo_db, BadgePrint) > printed


@pytest.mark.parametrize("option", ["--out", "--pdf", "--csv"])
def test_an_empty_file_name_is_said(
    option: str, demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = {
        "--out": ["badges", "--event", SLUG, "--stock", "avery-5392", "--out", ""],
        "--pdf": ["report", "sales", "--event", SLUG, "--pdf", ""],
        "--csv": ["report", "attendance", "--event", SLUG, "--csv", ""],
    }[option]
    assert main([*argv, "--db", demo_db]) == 1
    _one_line(capsys, option, "empty")


@pytest.mark.parametrize("kind", ["fifo", "folder", "existing"])
def test_a_credit_note_is_not_issued_when_its_file_is_refused(
    kind: str, demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = TARGETS[kind](tmp_path)
    receipts = _count(demo_db, Receipt)
    number = _a_receipt(demo_db)
    argv = ["receipt", "--credit-note", "--receipt", number, "--reason", "test"]
    assert main([*argv, "--amount", "1.00", "--out", str(out), "--db", demo_db]) == 1
    _one_line(capsys, str(out))
    _unchanged(kind, out)
    assert _count(demo_db, Receipt) == receipts


@pytest.mark.parametrize("option", ["--csv", "--xlsx", "--pdf"])
@pytest.mark.parametrize("kind", ["fifo", "folder", "existing", "device"])
def test_reports_refuse_the_place_and_audit_no_export(
    option: str, kind: str, demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = TARGETS[kind](tmp_path)
    audited = _count(demo_db, AuditEntry)
    assert main(["report", "attendance", "--event", SLUG, option, str(out), "--db", demo_db]) == 1
    _one_line(capsys, str(out))
    _unchanged(kind, out)
    assert _count(demo_db, AuditEntry) == audited
    _no_temporary_left(tmp_path)


def test_a_report_replaces_an_export_with_force(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "attendance.csv"
    argv = ["report", "attendance", "--event", SLUG, "--csv", str(out), "--db", demo_db]
    assert main(argv) == 0
    first = out.read_bytes()
    capsys.readouterr()
    out.write_bytes(b"edited by hand")
    assert main(argv) == 1
    _one_line(capsys, "--force")
    assert out.read_bytes() == b"edited by hand"
    assert main([*argv, "--force"]) == 0
    assert out.read_bytes() == first


def test_a_desk_is_not_closed_when_its_pdf_is_refused(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _fifo(tmp_path)
    closings = _count(demo_db, DeskClosing)
    argv = ["desk", "close", "--event", SLUG, "--desk", "Desk 1", "--staff", "Demo"]
    assert main([*argv, "--counted-cash", "10", "--pdf", str(out), "--db", demo_db]) == 1
    _one_line(capsys, str(out))
    assert _count(demo_db, DeskClosing) == closings
    _unchanged("fifo", out)


@pytest.mark.parametrize("kind", ["fifo", "folder", "existing", "null"])
def test_privacy_exports_refuse_the_place(
    kind: str, demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = TARGETS[kind](tmp_path)
    audited = _count(demo_db, AuditEntry)
    argv = ["privacy", "export", "--email", "nobody@example.com", "--out", str(out)]
    assert main([*argv, "--db", demo_db]) == 1
    _one_line(capsys, str(out))
    _unchanged(kind, out)
    assert main(["privacy", "incident", "export", "--out", str(out), "--db", demo_db]) == 1
    _one_line(capsys, str(out))
    _unchanged(kind, out)
    assert _count(demo_db, AuditEntry) == audited


def test_a_missing_folder_is_not_made(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "reprots" / "sales.pdf"
    assert main(["report", "sales", "--event", SLUG, "--pdf", str(out), "--db", demo_db]) == 1
    _one_line(capsys, "reprots")
    assert not out.parent.exists()


def test_two_formats_into_one_file_are_refused_before_writing(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report"
    argv = ["report", "sales", "--event", SLUG, "--csv", str(out), "--pdf", str(out)]
    assert main([*argv, "--db", demo_db]) == 1
    _one_line(capsys, "--csv", "--pdf")
    assert not out.exists()
