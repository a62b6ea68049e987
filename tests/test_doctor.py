"""`assistant doctor`: a checklist that names each broken link and its fix, and exits non-zero."""

from __future__ import annotations

import json
import shutil
import socket
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.builders import NOW
from tests.conftest import Home
from tests.fake_schedulers import fake_crontab
from tests.fakegmail import FakeGmail
from tests.pipeline_scenario import apply, at, scan

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def healthy(fake: FakeGmail, home: Home, tmp_path: Path) -> Home:
    """Everything in place: client, private token, one scan an hour ago, an hourly crontab."""
    shutil.copy(ROOT / "credentials.example.json", home.path / "credentials.json")
    (home.path / "credentials.json").chmod(0o600)
    (home.path / "token.json").chmod(0o600)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_crontab(bin_dir, tmp_path / "crontab.txt", tmp_path / "crontab.log")
    home.env |= {"PATH": str(bin_dir), "INBOX_ASSISTANT_CRONTAB": "",
                 "INBOX_ASSISTANT_SYSTEMCTL": ""}
    apply(fake, "Maya Chen <maya@brightlane.io>", "Backend Engineer application", 3, "maya")
    scan(home, at())
    assert home.run("schedule", "install").exit_code == 0
    return home


def doctor(home: Home, *args: str, when: timedelta = timedelta(hours=1)) -> tuple[int, Any]:
    result = home.run("doctor", "--json", "--now", at(when), *args)
    data = json.loads(result.stdout)
    assert data["exit_code"] == result.exit_code
    return result.exit_code, {c["name"]: c for c in data["checks"]}


def test_a_healthy_setup_is_all_ok(healthy: Home) -> None:
    result = healthy.run("doctor", "--now", at(timedelta(hours=1)))
    assert result.exit_code == 0, result.stdout
    lines = result.stdout.splitlines()
    names = ["home", "config", "rules", "templates", "credentials", "token", "gmail", "state",
             "schedule"]
    assert [line[7:].split()[0] for line in lines[: len(names)]] == names
    assert all(line.startswith("[ ok ]") for line in lines[: len(names)])
    assert "connected as jordan@example.com" in result.stdout
    assert "last scan 1 h ago" in result.stdout
    assert "every 1h with cron" in result.stdout
    assert lines[-1] == "Everything needed works."


def test_quiet_prints_nothing_when_all_is_well(healthy: Home) -> None:
    result = healthy.run("doctor", "--quiet", "--now", at(timedelta(hours=1)))
    assert result.exit_code == 0
    assert result.stdout == ""


def test_offline_does_not_call_gmail(fake: FakeGmail, healthy: Home) -> None:
    before = len(fake.requests)
    code, checks = doctor(healthy, "--offline")
    assert code == 0
    assert checks["gmail"]["status"] == "skip"
    assert len(fake.requests) == before


@pytest.mark.parametrize(("name", "text", "message"), [
    ("config.toml", 'nmae = "Jordan"', "unknown key 'nmae'"),
    ("config.toml", 'timezone = "Mars/Olympus"', "not a known time zone"),
    ("rules.toml", "version = 1\n[[rules]]\nname = 'x'\nsituation = 'interview'\n"
     "when = { subjcet = ['a'] }\n", 'unknown condition (did you mean "subject"?)'),
    ("templates/new_contact.txt", "Hi {{ frist_name }}", 'unknown placeholder "frist_name"'),
])
def test_a_bad_file_fails_with_exit_2(healthy: Home, name: str, text: str,
                                      message: str) -> None:
    path = healthy.path / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)
    code, checks = doctor(healthy)
    assert code == 2
    failed = [c for c in checks.values() if c["status"] == "fail"]
    assert len(failed) == 1
    assert message in failed[0]["detail"]
    assert failed[0]["fix"]


def test_no_token_fails_with_exit_3_and_skips_gmail(healthy: Home) -> None:
    (healthy.path / "token.json").unlink()
    result = healthy.run("doctor", "--now", at(timedelta(hours=1)))
    assert result.exit_code == 3
    assert "[FAIL] token        token.json not found" in result.stdout
    assert "fix: run `assistant auth`" in result.stdout
    assert "[skip] gmail" in result.stdout
    assert "1 problem to fix." in result.stdout


def test_quiet_shows_only_what_is_wrong(healthy: Home) -> None:
    (healthy.path / "token.json").unlink()
    result = healthy.run("doctor", "--quiet", "--now", at(timedelta(hours=1)))
    assert result.exit_code == 3
    assert result.stdout.splitlines()[0].startswith("[FAIL] token")
    assert "[ ok ]" not in result.stdout and "[skip]" not in result.stdout


def test_a_token_missing_a_permission(healthy: Home) -> None:
    healthy.write_token(scopes=["https://www.googleapis.com/auth/gmail.readonly"])
    code, checks = doctor(healthy)
    assert code == 3
    assert checks["token"]["detail"] == "permission not granted: gmail.compose"
    assert "tick every Gmail box" in checks["token"]["fix"]


def test_a_token_without_refresh_token(healthy: Home) -> None:
    healthy.write_token(refresh_token=None)
    code, checks = doctor(healthy)
    assert code == 3
    assert "no refresh token" in checks["token"]["detail"]


def test_a_revoked_token_points_at_the_testing_consent_screen(
        fake: FakeGmail, healthy: Home) -> None:
    healthy.write_token(expiry="2000-01-01T00:00:00Z")  # the access token must be renewed
    (healthy.path / "token.json").chmod(0o600)
    fake.revoke("rt")
    code, checks = doctor(healthy)
    assert code == 3
    assert checks["gmail"]["detail"] == "Gmail access was revoked or has expired"
    assert "publish it" in checks["gmail"]["fix"]


def test_gmail_refusing_is_exit_4_at_once(fake: FakeGmail, healthy: Home) -> None:
    fake.fail_next("getProfile", status=503, reason="backendError", count=5)
    before = len(fake.requests)
    code, checks = doctor(healthy)
    assert code == 4
    assert checks["gmail"]["status"] == "fail"
    assert [r.method for r in fake.requests[before:]] == ["getProfile"]  # once, no retries


def test_gmail_unreachable_is_exit_4(healthy: Home) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    healthy.env["INBOX_ASSISTANT_GMAIL_API"] = f"http://127.0.0.1:{port}/"
    code, checks = doctor(healthy)
    assert code == 4
    assert "cannot reach Gmail" in checks["gmail"]["detail"]
    assert "network" in checks["gmail"]["fix"]


def test_another_account_than_configured_is_a_warning(healthy: Home) -> None:
    (healthy.path / "config.toml").write_text('email = "someone.else@example.com"\n')
    code, checks = doctor(healthy)
    assert code == 0
    assert checks["gmail"]["status"] == "warn"
    assert "someone.else@example.com" in checks["gmail"]["detail"]


def test_credentials(healthy: Home) -> None:
    client = healthy.path / "credentials.json"
    client.write_text('{"web": {"client_id": "x"}}')
    code, checks = doctor(healthy)
    assert code == 2
    assert "Web application" in checks["credentials"]["detail"]
    client.unlink()
    code, checks = doctor(healthy)
    assert (code, checks["credentials"]["status"]) == (0, "warn")  # the token still works
    (healthy.path / "token.json").unlink()
    code, checks = doctor(healthy)
    assert (code, checks["credentials"]["status"]) == (3, "fail")


def test_files_others_can_read_are_warnings(healthy: Home) -> None:
    for name in ("credentials.json", "token.json", "state.sqlite3"):
        (healthy.path / name).chmod(0o644)
    code, checks = doctor(healthy)
    assert code == 0
    for name in ("credentials", "token", "state"):
        assert checks[name]["status"] == "warn"
        assert checks[name]["fix"].startswith("chmod 600 ")


def test_a_damaged_state_database(healthy: Home) -> None:
    (healthy.path / "state.sqlite3").write_bytes(b"this is not a database" * 100)
    for leftover in ("state.sqlite3-wal", "state.sqlite3-shm"):
        (healthy.path / leftover).unlink(missing_ok=True)
    code, checks = doctor(healthy)
    assert code == 2
    assert checks["state"]["status"] == "fail"
    assert "move the file aside" in checks["state"]["fix"]


def test_no_schedule_is_a_warning(healthy: Home) -> None:
    assert healthy.run("schedule", "remove").exit_code == 0
    code, checks = doctor(healthy)
    assert code == 0
    assert checks["schedule"]["status"] == "warn"
    assert checks["schedule"]["fix"] == "run `assistant schedule install` to scan every hour"


def test_a_schedule_whose_runs_stopped_is_a_warning(healthy: Home) -> None:
    code, checks = doctor(healthy, when=timedelta(hours=5))
    assert code == 0
    assert checks["schedule"]["status"] == "warn"
    assert "the last recorded scan was 5 h ago" in checks["schedule"]["detail"]
    assert checks["schedule"]["fix"].endswith("scan.log")


def test_a_missing_home(tmp_path: Path, home: Home) -> None:
    home.path = tmp_path / "nowhere"
    home.env["PATH"] = str(tmp_path)  # no crontab, no systemctl: not the machine's own
    code, checks = doctor(home)
    assert code == 2
    assert checks["home"]["status"] == "fail"
    assert checks["config"]["status"] == "warn"
    assert checks["token"]["status"] == "fail"
    assert not home.path.exists()  # the doctor looks; it creates nothing


def test_the_first_failure_decides_the_exit_code(healthy: Home) -> None:
    (healthy.path / "config.toml").write_text("name = ")
    (healthy.path / "token.json").unlink()
    code, checks = doctor(healthy)
    assert code == 2
    assert [c["status"] for c in checks.values()].count("fail") == 2


def test_json_schema(healthy: Home) -> None:
    result = healthy.run("doctor", "--json", "--now", (NOW + timedelta(hours=1)).isoformat())
    data = json.loads(result.stdout)
    assert set(data) == {"ok", "exit_code", "checks"}
    assert data["ok"] is True
    assert set(data["checks"][0]) == {"name", "status", "detail", "fix"}
