"""The command line's one-line refusals speak the user's language: ``--lang``, else the locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import cli_language, main


def test_a_refusal_is_in_french_with_lang_fr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nulle-part.sqlite3"
    assert main(["--lang", "fr", "events", "list", "--db", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("passerelle: ") and len(err.splitlines()) == 1
    assert "base de données" in err and "nothing was created" not in err, err
    assert str(missing) in err

    assert main(["--lang", "en", "events", "list", "--db", str(missing)]) == 1
    assert "nothing was created" in capsys.readouterr().err  # the choice does not linger
    assert not missing.exists()


def test_the_locale_decides_without_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PASSERELLE_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    assert cli_language(None) == "en"
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert cli_language(None) == "fr"
    monkeypatch.setenv("LC_ALL", "en_CA.UTF-8")  # LC_ALL outranks LANG
    assert cli_language(None) == "en"
    assert cli_language("fr") == "fr"
