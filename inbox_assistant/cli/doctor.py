"""`assistant doctor`: a checklist of every link, with the fix for each failure."""

from __future__ import annotations

import json
from typing import Any

import click

from inbox_assistant.cli.base import Env, boundary, parse_now
from inbox_assistant.cli.main import main
from inbox_assistant.cli.table import paint
from inbox_assistant.diagnosis import Checkup, Outcome, diagnose
from inbox_assistant.scheduler import Machine

_MARKS = {Outcome.OK: ("[ ok ]", "green"), Outcome.WARN: ("[warn]", "yellow"),
          Outcome.FAIL: ("[FAIL]", "red"), Outcome.SKIP: ("[skip]", "bright_black")}

EPILOG = """Exit codes: 0 nothing is broken (warnings allowed); otherwise the code of the first
failure: 2 a file (config, rules, templates, state), 3 the Gmail authorisation
(credentials, token, access revoked), 4 Gmail unreachable or refusing."""


@main.command(epilog=EPILOG)
@click.option("--offline", is_flag=True, help="Do not call Gmail (check the files only).")
@click.option("-q", "--quiet", is_flag=True, help="Print only what is wrong.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--now", "now_text", metavar="ISO-8601",
              help="Judge the age of the last scan as if it were this moment.")
@click.pass_obj
@boundary
def doctor(env: Env, offline: bool, quiet: bool, as_json: bool, now_text: str | None) -> None:
    """Check the setup: config, rules and templates, credentials, token and its
    permissions, Gmail, the state database and the schedule."""
    up = diagnose(env.paths, env.env, parse_now(now_text), Machine.from_env(env.env),
                  offline=offline)
    if as_json:
        click.echo(json.dumps(checkup_json(up), indent=2, ensure_ascii=False))
    else:
        print_checkup(up, quiet)
    click.get_current_context().exit(up.exit_code)


def checkup_json(up: Checkup) -> dict[str, Any]:
    return {
        "ok": up.exit_code == 0,
        "exit_code": up.exit_code,
        "checks": [{"name": c.name, "status": c.outcome.value, "detail": c.detail,
                    "fix": c.fix or None} for c in up.checks],
    }


def print_checkup(up: Checkup, quiet: bool) -> None:
    width = max(len(c.name) for c in up.checks)
    for check in up.checks:
        if quiet and check.outcome in (Outcome.OK, Outcome.SKIP):
            continue
        mark, colour = _MARKS[check.outcome]
        click.echo(f"{paint(mark, colour)} {check.name.ljust(width)}  {check.detail}")
        if check.fix and check.outcome in (Outcome.FAIL, Outcome.WARN):
            click.echo(f"{' ' * (len(mark) + width + 3)}fix: {check.fix}")
    failures = sum(1 for c in up.checks if c.outcome is Outcome.FAIL)
    warnings = sum(1 for c in up.checks if c.outcome is Outcome.WARN)
    also = f" ({_plural(warnings, 'warning')})" if warnings else ""
    if failures:
        click.echo(paint(f"\n{_plural(failures, 'problem')} to fix{also}.", "red"))
    elif not quiet:
        click.echo(paint(f"\nEverything needed works{also}.", "green"))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
