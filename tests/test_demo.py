"""The demo mailbox: the README's first command gives every thread its expected verdict."""

from __future__ import annotations

import email
import email.policy
import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from inbox_assistant.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
EXPECTED = tomllib.loads((FIXTURES / "demo.expected.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, dict[str, object]], Path]:
    drafts = tmp_path_factory.mktemp("drafts")
    result = CliRunner().invoke(main, [
        "--home", str(FIXTURES / "demo-home"), "scan", "--mbox", str(FIXTURES / "demo.mbox"),
        "--now", EXPECTED["now"], "--drafts-dir", str(drafts), "--json"],
        catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["account"] == EXPECTED["account"]
    assert data["skipped"] == []
    return {t["thread_id"]: t for t in data["threads"]}, drafts


CASES = {f'{t["situation"]}-{t["status"]}-{t["thrid"][-4:]}': t for t in EXPECTED["thread"]}


@pytest.mark.parametrize("expected", CASES.values(), ids=CASES.keys())
def test_each_demo_thread(demo: tuple[dict[str, dict[str, object]], Path],
                          expected: dict[str, object]) -> None:
    rows, _ = demo
    row = rows[format(int(str(expected["thrid"])), "x")]
    got = (row["situation"], row["status"], row["overdue"])
    assert got == (expected["situation"], expected["status"], expected["overdue"]), row["reason"]
    if expected["status"] in ("due", "waiting"):
        assert row["counterpart"] == expected["counterpart"]


def test_demo_drafts_are_one_per_due_thread_and_parse_strictly(
        demo: tuple[dict[str, dict[str, object]], Path]) -> None:
    rows, drafts = demo
    due = {tid for tid, r in rows.items() if r["status"] == "due"}
    created = {tid for tid, r in rows.items() if r["action"] == "draft created"}
    held = {tid for tid, r in rows.items() if r["action"] == "thread already has a draft"}
    assert due == created | held
    assert len(held) == 1
    files = {p.stem: p for p in drafts.glob("*.eml")}
    assert set(files) == created
    for path in files.values():
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.strict)
        assert message["Subject"].startswith("Re: ")
        assert message["In-Reply-To"]
        assert EXPECTED["account"] not in message["To"]
        body = message.get_body(("plain",))
        assert body is not None
        assert "{{" not in body.get_content() and "{%" not in body.get_content()


def test_the_demo_through_gmail_gives_the_same_verdicts(tmp_path: Path) -> None:
    """The same mailbox served by the fake Gmail: the Gmail path agrees with the mbox path."""
    from tests.fakegmail import FakeGmail

    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_bytes((FIXTURES / "demo-home" / "config.toml").read_bytes())
    token = {"token": "tok", "refresh_token": "rt", "client_id": "cid", "client_secret": "s",
             "expiry": "2999-01-01T00:00:00Z"}
    (home / "token.json").write_text(json.dumps(token))
    with FakeGmail(email=EXPECTED["account"]) as fake:
        fake.add_mbox(FIXTURES / "demo.mbox")
        env = {"INBOX_ASSISTANT_GMAIL_API": fake.root_url,
               "INBOX_ASSISTANT_TOKEN_URI": fake.token_uri}
        result = CliRunner().invoke(main, ["--home", str(home), "scan", "--now", EXPECTED["now"],
                                           "--json"], env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        rows = {t["thread_id"]: t for t in json.loads(result.stdout)["threads"]}
        for expected in EXPECTED["thread"]:
            row = rows.get(format(int(expected["thrid"]), "x"))
            if row is None:
                # The Gmail search leaves promotions out: they are ignored either way.
                assert expected["status"] == "ignored"
                continue
            assert (row["situation"], row["status"], row["overdue"]) == (
                expected["situation"], expected["status"], expected["overdue"]), row["reason"]
        drafted = {d.thread_id for d in fake.drafts()} - {
            tid for tid, r in rows.items() if r["action"] == "thread already has a draft"}
        assert drafted == {tid for tid, r in rows.items() if r["action"] == "draft created"}
        assert fake.forbidden_calls == []
