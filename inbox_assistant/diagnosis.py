"""`assistant doctor`: every link from the settings to the schedule, checked in order.

Each check says what it found and, when something is wrong, the one thing to do about it.
A failure carries the exit code the same problem has elsewhere (2 a file, 3 the Gmail
authorisation, 4 Gmail itself), so scripts can tell them apart. Warnings (a file others
can read, no schedule) do not fail the run. Nothing here prints.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum

from inbox_assistant.config import Paths, Settings, load_settings
from inbox_assistant.domain.errors import (
    GmailAuthError,
    GmailError,
    InputFileError,
    RulesFileError,
    StateError,
)
from inbox_assistant.drafts.templates import TEMPLATE_NAMES, Templates
from inbox_assistant.firstrun import exposed, read_client
from inbox_assistant.rules.loader import load_rules
from inbox_assistant.scheduler import Every, Machine, ScheduleError
from inbox_assistant.store import Store

AUTH = GmailAuthError.exit_code
_TESTING_HINT = ("run `assistant auth`; if it happens again a week later, your consent screen "
                 "is still in Testing: publish it (README.md, 'Gmail setup', step 3)")
# A scheduled scan may miss a turn or two (a computer asleep); three in a row is a problem.
_MISSED_TURNS = 3
_SLACK = timedelta(minutes=10)


class Outcome(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    SKIP = "skip"


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    outcome: Outcome
    detail: str
    fix: str = ""
    exit_code: int = 0


@dataclass(slots=True)
class Checkup:
    """The checks in order, and what the later checks learn from the earlier ones."""

    checks: list[Check] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    tz: tzinfo = UTC
    last_run: datetime | None = None

    @property
    def exit_code(self) -> int:
        """0 unless a check failed; then the exit code of the first failure."""
        return next((c.exit_code or 1 for c in self.checks if c.outcome is Outcome.FAIL), 0)


def diagnose(paths: Paths, env: dict[str, str], now: datetime, machine: Machine, *,
             offline: bool = False) -> Checkup:
    """Check the home, the files in it, Gmail (unless `offline`), the state and the schedule."""
    up = Checkup()
    up.checks += [_home(paths), _config(up, paths, env), _rules(paths), _templates(paths)]
    token = _token(paths)
    token_ok = token.outcome in (Outcome.OK, Outcome.WARN)
    up.checks += [_credentials(paths, token_ok), token]
    if offline:
        up.checks.append(Check("gmail", Outcome.SKIP, "not checked (--offline)"))
    elif not token_ok:
        up.checks.append(Check("gmail", Outcome.SKIP, "not checked: it needs a usable token"))
    else:
        up.checks.append(_gmail(up, paths, env))
    up.checks += [_state(up, paths, now), _schedule(up, paths, machine, now)]
    return up


def _home(paths: Paths) -> Check:
    if paths.home.is_dir():
        return Check("home", Outcome.OK, str(paths.home))
    return Check("home", Outcome.FAIL, f"{paths.home} does not exist",
                 "run `assistant init` to set it up", 2)


def _config(up: Checkup, paths: Paths, env: dict[str, str]) -> Check:
    try:
        up.settings = load_settings(paths)
        up.tz = up.settings.zone(env)
    except InputFileError as exc:
        return Check("config", Outcome.FAIL, str(exc), exc.hint or (
            f"edit {paths.config}, or write a new one with `assistant init --force`"),
            exc.exit_code)
    if not paths.config.exists():
        return Check("config", Outcome.WARN, "no config.toml: drafts are signed without your "
                     "name", "run `assistant init` to write one")
    who = up.settings.name or "no name set"
    return Check("config", Outcome.OK, f"{paths.config.name}: {who}, time zone {up.tz}")


def _rules(paths: Paths) -> Check:
    try:
        ruleset = load_rules(paths.rules)
    except RulesFileError as exc:
        return Check("rules", Outcome.FAIL, str(exc),
                     "run `assistant rules check` to see every problem", exc.exit_code)
    origin = "your rules.toml over the defaults" if paths.rules.exists() else "the defaults"
    return Check("rules", Outcome.OK, f"{len(ruleset.rules)} rules from {origin}")


def _templates(paths: Paths) -> Check:
    try:
        problems = Templates(paths.templates).check()
    except InputFileError as exc:
        problems = [str(exc)]
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return Check("templates", Outcome.FAIL, problems[0] + more,
                     "run `assistant rules check` to see every problem", 2)
    own = sum(1 for name in TEMPLATE_NAMES if (paths.templates / f"{name}.txt").is_file())
    return Check("templates", Outcome.OK, f"{len(TEMPLATE_NAMES)} templates, {own} of them yours")


def _credentials(paths: Paths, token_ok: bool) -> Check:
    path = paths.credentials
    if not path.exists():
        # The token carries its own copy of the client: credentials.json is needed to
        # connect again, not to scan.
        outcome, code = (Outcome.WARN, 0) if token_ok else (Outcome.FAIL, AUTH)
        return Check("credentials", outcome, "credentials.json not found",
                     "download the OAuth client (Desktop app) JSON from Google Cloud, then run "
                     "`assistant init --credentials FILE` (README.md, 'Gmail setup')", code)
    try:
        client_id = read_client(path)
    except InputFileError as exc:
        return Check("credentials", Outcome.FAIL, str(exc), exc.hint, exc.exit_code)
    mode = exposed(path)
    if mode:
        return Check("credentials", Outcome.WARN,
                     f"credentials.json is readable by others (mode {mode})", f"chmod 600 {path}")
    project = client_id.split("-", 1)[0]
    return Check("credentials", Outcome.OK, f"Desktop app client {project}-…")


def _token(paths: Paths) -> Check:
    from inbox_assistant.gmail.auth import SCOPES

    path = paths.token
    if not path.exists():
        return Check("token", Outcome.FAIL, "token.json not found: Gmail is not connected yet",
                     "run `assistant auth`", AUTH)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return Check("token", Outcome.FAIL, f"token.json is unreadable ({type(exc).__name__})",
                     "run `assistant auth` to write a new one", AUTH)
    if not data.get("refresh_token"):
        return Check("token", Outcome.FAIL, "token.json holds no refresh token: it cannot be "
                     "renewed", "run `assistant auth` again", AUTH)
    granted = data.get("scopes") or []
    missing = [s.rsplit("/", 1)[-1] for s in SCOPES if s not in granted]
    if missing:
        return Check("token", Outcome.FAIL, f"permission not granted: {', '.join(missing)}",
                     "run `assistant auth` again and tick every Gmail box", AUTH)
    mode = exposed(path)
    if mode:
        return Check("token", Outcome.WARN, f"token.json is readable by others (mode {mode})",
                     f"chmod 600 {path}")
    return Check("token", Outcome.OK,
                 "granted " + ", ".join(s.rsplit("/", 1)[-1] for s in SCOPES))


def _gmail(up: Checkup, paths: Paths, env: dict[str, str]) -> Check:
    from inbox_assistant.gmail.auth import load_credentials
    from inbox_assistant.gmail.mailbox import GmailMailbox

    try:
        credentials = load_credentials(paths.token, up.settings.oauth_token_uri(env))
        mailbox = GmailMailbox(credentials, up.settings.api_root(env), up.tz,
                               token_file=paths.token, attempts=1)
        account = mailbox.profile().account
    except GmailAuthError as exc:
        fix = _TESTING_HINT if "revoked or has expired" in str(exc) else (
            exc.hint or "run `assistant auth`")
        return Check("gmail", Outcome.FAIL, str(exc), fix, exc.exit_code)
    except GmailError as exc:
        return Check("gmail", Outcome.FAIL, str(exc), exc.hint or "check the network "
                     "connection, then run `assistant doctor` again", exc.exit_code)
    configured = up.settings.email
    if configured and configured != account:
        return Check("gmail", Outcome.WARN, f"connected as {account}, but config.toml says "
                     f"email = {configured!r}", "correct `email` in config.toml, or connect "
                     "the right account with `assistant auth`")
    return Check("gmail", Outcome.OK, f"reachable; connected as {account}")


def _state(up: Checkup, paths: Paths, now: datetime) -> Check:
    path = paths.state
    if not path.exists():
        return Check("state", Outcome.OK, "no state yet: the first scan creates it")
    try:
        store = Store(path)
    except StateError as exc:
        return Check("state", Outcome.FAIL, str(exc), exc.hint, exc.exit_code)
    try:
        problems = store.integrity()
        runs = store.runs(1)
    except sqlite3.DatabaseError as exc:
        problems, runs = [str(exc)], []
    finally:
        store.close()
    if problems:
        return Check("state", Outcome.FAIL, f"{path.name} is damaged: {problems[0]}",
                     f"move {path} aside; the next scan starts a new one", StateError.exit_code)
    mode = exposed(path)
    if mode:
        return Check("state", Outcome.WARN, f"{path.name} is readable by others (mode {mode})",
                     f"chmod 600 {path}")
    if not runs:
        return Check("state", Outcome.OK, "sound; no scan recorded yet")
    up.last_run = runs[0][0]
    drafts = runs[0][2].get("drafts_created", 0)
    return Check("state", Outcome.OK, f"last scan {_ago(now, up.last_run)} "
                 f"({up.last_run.astimezone(up.tz):%a %d %b %H:%M}), {drafts} drafts created")


def _schedule(up: Checkup, paths: Paths, machine: Machine, now: datetime) -> Check:
    try:
        found = machine.find(paths.home.resolve())
    except ScheduleError as exc:
        return Check("schedule", Outcome.WARN, str(exc), exc.hint)
    if found is None:
        return Check("schedule", Outcome.WARN, "no scheduled scan",
                     "run `assistant schedule install` to scan every hour")
    installed = found[1]
    detail = f"every {installed.every} with {installed.backend}"
    try:
        period: timedelta | None = timedelta(minutes=Every.parse(installed.every).minutes)
    except ValueError:
        period = None
    if up.last_run is None:
        return Check("schedule", Outcome.OK, f"{detail}; no scan recorded yet")
    if period is not None and now - up.last_run > _MISSED_TURNS * period + _SLACK:
        return Check("schedule", Outcome.WARN,
                     f"{detail}, but the last recorded scan was {_ago(now, up.last_run)}",
                     f"see what the scheduled runs say: {installed.output}")
    return Check("schedule", Outcome.OK, detail)


def _ago(now: datetime, then: datetime) -> str:
    """How long ago, as people say it: '5 min ago', '3 h ago', '2 days ago'."""
    seconds = max(0, int((now - then).total_seconds()))
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} days ago"
