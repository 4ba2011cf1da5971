"""`passerelle --self-test`: passes on a working install; a broken one says what broke."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app import selftest
from desktop_app.cli import main
from desktop_app.selftest import CHECKS, CheckResult, checks, run_checks


def test_self_test_passes_and_reports_each_check(
    qapp: object,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    user_db = tmp_path / "user.sqlite3"
    monkeypatch.setenv("PASSERELLE_DB", str(user_db))

    code = main(["--self-test"])

    out = capsys.readouterr().out
    lines = out.splitlines()
    assert code == 0, out
    assert lines[0].startswith("Passerelle ")
    assert lines[-1].startswith(f"self-test passed: {len(CHECKS)} checks")
    for name, _check in CHECKS:
        [line] = [line for line in lines[1:-1] if line[8:].startswith(name + " ")]
        assert line.startswith("ok "), line
        assert " ms  " in line
    assert "FAILED" not in out
    # What the self-test proves, in words a support person reads.
    assert "French .qm" in out
    assert "badge on avery-5392" in out
    assert "Il n'existe aucun support" in out  # the French message, from the .qm file
    assert "argon2id" in out
    assert "scanned again: already checked in" in out
    assert "finds" in out
    assert "answered in its own process" in out
    assert not user_db.exists(), "the self-test must never open the user's database"


def test_a_forgotten_migrations_folder_fails_the_resources_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a bundle that left out Alembic's non-Python files looks like.
    (tmp_path / "versions").mkdir()
    monkeypatch.setattr("desktop_app.db.database.MIGRATIONS", tmp_path)

    [result] = run_checks([("resources", checks.check_resources)])

    assert not result.ok
    assert "env.py is missing" in result.detail
    assert result.line().startswith("FAILED  resources")


def test_a_failing_check_does_not_stop_the_others_and_exit_is_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(state: object) -> str:
        raise OSError("libsomething.so: cannot open shared object file")

    seen: list[CheckResult] = []
    monkeypatch.setattr(
        selftest, "CHECKS", (("broken", broken), ("fine", lambda state: "all good"))
    )

    code = selftest.main()

    out = capsys.readouterr().out
    assert code == 1
    assert "FAILED  broken" in out
    assert "OSError: libsomething.so: cannot open shared object file" in out
    assert "ok      fine" in out
    assert "self-test FAILED: 1 of 2 checks" in out
    results = run_checks(selftest.CHECKS, report=seen.append)
    assert [(r.name, r.ok) for r in seen] == [(r.name, r.ok) for r in results]
    assert [(r.name, r.ok) for r in results] == [("broken", False), ("fine", True)]


def test_checks_that_need_an_earlier_result_fail_cleanly_without_it() -> None:
    # The database check did not run: later checks say so instead of crashing the self-test.
    results = run_checks(
        [("check-in", checks.check_checking_in), ("rasterise", checks.check_rasterise)]
    )

    assert [r.ok for r in results] == [False, False]
    assert "database check failed" in results[0].detail
    assert "badge check failed" in results[1].detail
