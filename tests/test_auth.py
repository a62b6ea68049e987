"""`assistant auth`: the OAuth code exchange over requests, seen through `responses`."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest
import responses
from click.testing import CliRunner, Result

from inbox_assistant.cli import main

ROOT = Path(__file__).resolve().parent.parent
TOKEN_URI = "https://oauth2.test.example/token"
READONLY = "https://www.googleapis.com/auth/gmail.readonly"
COMPOSE = "https://www.googleapis.com/auth/gmail.compose"
PASTED = "http://127.0.0.1:8765/?state=abc&code=good-code&scope=x\n"


def run(home: Path, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["--home", str(home), *args], input=input,
                              env={"INBOX_ASSISTANT_TOKEN_URI": TOKEN_URI},
                              catch_exceptions=False)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "credentials.example.json", tmp_path / "credentials.json")
    return tmp_path


def token_response(scope: str) -> dict[str, object]:
    return {"access_token": "ya29.fresh", "refresh_token": "1//refresh", "expires_in": 3599,
            "token_type": "Bearer", "scope": scope}


@responses.activate
def test_auth_no_browser_exchanges_the_pasted_code_and_saves_a_private_token(home: Path) -> None:
    responses.post(TOKEN_URI, json=token_response(f"{READONLY} {COMPOSE}"))
    result = run(home, "auth", "--no-browser", input=PASTED)
    assert result.exit_code == 0, result.output
    assert "accounts.google.com" in result.stdout
    assert "scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fgmail.readonly" in result.stdout
    sent = responses.calls[0].request.body
    assert isinstance(sent, str) and "code=good-code" in sent
    token = home / "token.json"
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    saved = json.loads(token.read_text())
    assert saved["refresh_token"] == "1//refresh"
    assert sorted(saved["scopes"]) == sorted([READONLY, COMPOSE])
    assert "1//refresh" not in result.output and "ya29.fresh" not in result.output


@responses.activate
def test_auth_with_a_permission_unticked_is_a_clear_failure(home: Path) -> None:
    responses.post(TOKEN_URI, json=token_response(READONLY))
    result = run(home, "auth", "--no-browser", input=PASTED)
    assert result.exit_code == 3
    assert "not granted" in result.stderr or "permission" in result.stderr
    assert not (home / "token.json").exists()


@responses.activate
def test_auth_with_a_refused_code(home: Path) -> None:
    responses.post(TOKEN_URI, status=400, json={"error": "invalid_grant",
                                                "error_description": "Bad Request"})
    result = run(home, "auth", "--no-browser", input=PASTED)
    assert result.exit_code == 3
    assert result.stderr.startswith("Error: authorisation failed")
    assert "Traceback" not in result.output


def test_auth_without_credentials_json_says_how_to_get_it(tmp_path: Path) -> None:
    result = run(tmp_path, "auth", "--no-browser", input=PASTED)
    assert result.exit_code == 3
    assert "credentials.json not found" in result.stderr
    assert "Desktop app" in result.stderr


def test_auth_with_a_broken_credentials_json(tmp_path: Path) -> None:
    (tmp_path / "credentials.json").write_text('{"web": {}}')
    result = run(tmp_path, "auth", "--no-browser", input=PASTED)
    assert result.exit_code == 2
    assert "Desktop app" in result.stderr
