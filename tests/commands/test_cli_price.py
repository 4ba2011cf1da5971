"""``passerelle members check`` and ``passerelle price`` on a demo database."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from desktop_app.cli import main
from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.services.demo import fill_demo
from tests.demo_queries import bioquebec_domain

SLUG = "forum-montreal-2027"
EVENT_DAY = date(2027, 3, 23)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A demo SQLite file and the domain of an active BIOQuébec member organization."""
    path = tmp_path_factory.mktemp("demo") / "p.sqlite3"
    db = open_database(sqlite_url(path))
    try:
        fill_demo(db.sessions, registrations=50)
        domain = bioquebec_domain(db, EVENT_DAY)
    finally:
        db.dispose()
    return str(path), domain


def run_json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> dict[str, object]:
    assert main(argv) == 0
    result: dict[str, object] = json.loads(capsys.readouterr().out)
    return result


def test_members_check_json(demo_db: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, domain = demo_db
    result = run_json(
        capsys,
        [
            "members",
            "check",
            "--db",
            path,
            "--event",
            SLUG,
            "--email",
            f"ana.roy@{domain}",
            "--json",
        ],
    )
    assert "bioquebec" in result["associations"]  # type: ignore[operator]
    assert result["status"]["bioquebec"]["status"] == "active"  # type: ignore[index]
    evidence = result["evidence"]
    assert isinstance(evidence, list)
    assert any(e["association"] == "bioquebec" and e["kind"] == "email-domain" for e in evidence)


def test_members_check_plain(demo_db: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, domain = demo_db
    assert main(["members", "check", "--db", path, "--event", SLUG, "--email", f"x@{domain}"]) == 0
    out = capsys.readouterr().out
    assert "BIOQuébec: active" in out
    assert domain in out


def test_members_check_without_anyone_asks_who(
    demo_db: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # "not-found" for nobody would read as a verdict about somebody.
    path, _domain = demo_db
    assert main(["members", "check", "--db", path, "--event", SLUG]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("passerelle: ") and "--email" in captured.err
    assert main(["members", "check", "--db", path, "--event", SLUG, "--name", "  "]) == 1
    assert "--email" in capsys.readouterr().err


def test_members_check_plain_says_no_membership_in_words(
    demo_db: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _domain = demo_db
    argv = ["members", "check", "--db", path, "--event", SLUG, "--email", "nobody@gmail.com"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "BIOQuébec: no membership found" in out and "LSO: no membership found" in out
    assert "not-found" not in out


def test_price_member_rate_for_a_member(
    demo_db: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, domain = demo_db
    result = run_json(
        capsys,
        [
            "price", "--db", path, "--event", SLUG, "--category", "member",
            "--email", f"ana.roy@{domain}", "--at", "2027-03-23T09:00", "--json",
        ],
    )  # fmt: skip
    assert result["category"] == "member"
    assert result["eligible"] is True
    assert result["available"] is True
    assert "bioquebec" in result["associations"]  # type: ignore[operator]
    taxes = result["taxes"]
    assert isinstance(taxes, list)
    assert [(t["name"], Decimal(t["rate"])) for t in taxes] == [
        ("GST", Decimal("0.05")),
        ("QST", Decimal("0.09975")),
    ]
    subtotal = Decimal(str(result["subtotal"]))
    assert subtotal == Decimal("525.00")
    assert [t["amount"] for t in taxes] == ["26.25", "52.37"]
    assert subtotal + sum(Decimal(t["amount"]) for t in taxes) == Decimal(str(result["total"]))
    assert result["total"] == "603.62"


def test_price_member_rate_for_a_non_member(
    demo_db: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = demo_db
    result = run_json(
        capsys,
        [
            "price", "--db", path, "--event", SLUG, "--category", "member",
            "--email", "zebulon.inconnu@gmail.com", "--organization", "Zxq Inexistante",
            "--at", "2027-03-23T09:00-04:00", "--json",
        ],
    )  # fmt: skip
    assert result["eligible"] is False
    assert result["associations"] == []


def test_price_plain_output(demo_db: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, domain = demo_db
    argv = [
        "price",
        "--db",
        path,
        "--event",
        SLUG,
        "--category",
        "member",
        "--email",
        f"a@{domain}",
    ]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "GST 5 %" in out
    assert "QST 9.975 %" in out


def test_price_unknown_category_exits_1(
    demo_db: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = demo_db
    assert main(["price", "--db", path, "--event", SLUG, "--category", "nope"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "nope" in err


def test_price_bad_moment_exits_1(
    demo_db: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = demo_db
    argv = ["price", "--db", path, "--event", SLUG, "--category", "member", "--at", "soon"]
    assert main(argv) == 1
    assert "soon" in capsys.readouterr().err


def test_price_plain_says_when_taxes_are_included(
    demo_db: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # The student rate is defined taxes included: the total is the price, and says so.
    path, _domain = demo_db
    assert main(["price", "--db", path, "--event", SLUG, "--category", "student"]) == 0
    out = capsys.readouterr().out
    assert "Total" in out and "95.00" in out
    assert "taxes included" in out
    assert main(["price", "--db", path, "--event", SLUG, "--category", "non-member"]) == 0
    assert "taxes included" not in capsys.readouterr().out
