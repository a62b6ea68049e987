"""Secrets and mail stay private: never in logs, errors or JSON, even at -vv."""

from __future__ import annotations

import json
import stat
from datetime import timedelta

from tests.builders import NOW, raw_email
from tests.conftest import ACCOUNT, Home
from tests.fakegmail import FakeGmail

ACCESS = "ya29.SECRET-ACCESS-TOKEN"
REFRESHED = "ya29.SECRET-REFRESHED-TOKEN"
REFRESH = "1//SECRET-REFRESH-TOKEN"
CLIENT_SECRET = "GOCSPX-SECRET-CLIENT"
BODY = "The salary band is confidential: 185-210k"
NOW_ARG = NOW.isoformat().replace("+00:00", "Z")


def test_verbose_logs_hold_ids_and_counts_never_secrets_bodies_or_addresses(
        fake: FakeGmail, home: Home) -> None:
    fake.valid_access_tokens.add(ACCESS)
    fake.refresh_tokens[REFRESH] = REFRESHED
    home.write_token(token=ACCESS, refresh_token=REFRESH, client_secret=CLIENT_SECRET,
                     expiry="2020-01-01T00:00:00Z")
    raw = raw_email(f"Jordan Reyes <{ACCOUNT}>", "Maya Chen <maya@brightlane.io>",
                    "Application for Backend Engineer", f"Hi Maya,\n\nI'd like to apply for "
                    f"the Backend Engineer role. {BODY}. Resume attached.",
                    NOW - timedelta(days=3))
    fake.add_message(raw, labels=("SENT",))
    result = home.run("-vv", "scan", "--now", NOW_ARG, "--json", "--stats")
    assert result.exit_code == 0, result.stderr
    assert "DEBUG" in result.stderr or "INFO" in result.stderr, "-vv logs something"
    everything = result.stdout + result.stderr
    for secret in (ACCESS, REFRESHED, REFRESH, CLIENT_SECRET):
        assert secret not in everything
    assert BODY not in result.stderr
    assert "maya@brightlane.io" not in result.stderr
    assert "created draft" in result.stderr
    data = json.loads(result.stdout)
    assert CLIENT_SECRET not in json.dumps(data)
    token_file = home.path / "token.json"
    assert json.loads(token_file.read_text())["token"] == REFRESHED
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600


def test_an_auth_error_names_no_secret(fake: FakeGmail, home: Home) -> None:
    home.write_token(token="stale", refresh_token=REFRESH, client_secret=CLIENT_SECRET,
                     expiry="2020-01-01T00:00:00Z")
    fake.refresh_tokens[REFRESH] = REFRESHED
    fake.revoke(REFRESH)
    result = home.run("-vv", "scan", "--now", NOW_ARG)
    assert result.exit_code == 3
    for secret in (REFRESH, CLIENT_SECRET):
        assert secret not in result.stdout + result.stderr
