"""Shared fixtures: a running fake Gmail, a home directory connected to it, the CLI."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from inbox_assistant.cli import main
from tests.fakegmail import FakeGmail

ACCOUNT = "jordan@example.com"

# httplib2 honours proxies: the fake server is on loopback and must be reached directly.
os.environ["NO_PROXY"] = "127.0.0.1,localhost"
os.environ["no_proxy"] = "127.0.0.1,localhost"


@pytest.fixture
def fake() -> Iterator[FakeGmail]:
    with FakeGmail(email=ACCOUNT) as server:
        yield server


@dataclass
class Home:
    path: Path
    env: dict[str, str]

    def write_token(self, **overrides: Any) -> None:
        token = {"token": "tok", "refresh_token": "rt", "token_uri": "https://ignored.example",
                 "client_id": "cid.apps.googleusercontent.com", "client_secret": "secret",
                 "scopes": ["https://www.googleapis.com/auth/gmail.readonly",
                            "https://www.googleapis.com/auth/gmail.compose"],
                 "expiry": "2999-01-01T00:00:00Z"}
        token.update(overrides)
        (self.path / "token.json").write_text(json.dumps(token), encoding="utf-8")

    def run(self, *args: str, input: str | None = None) -> Result:
        runner = CliRunner()
        return runner.invoke(main, ["--home", str(self.path), *args], env=self.env,
                             input=input, catch_exceptions=False)


@pytest.fixture
def home(tmp_path: Path, fake: FakeGmail) -> Home:
    path = tmp_path / "home"
    path.mkdir()
    (path / "config.toml").write_text(
        'name = "Jordan Reyes"\ntimezone = "America/New_York"\n', encoding="utf-8")
    h = Home(path, {"INBOX_ASSISTANT_GMAIL_API": fake.root_url,
                    "INBOX_ASSISTANT_TOKEN_URI": fake.token_uri,
                    "INBOX_ASSISTANT_HOME": ""})
    h.write_token()
    return h
