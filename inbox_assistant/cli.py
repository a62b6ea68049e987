"""The command line: parse, call the use case, print. One error boundary, no logic."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from inbox_assistant import __version__
from inbox_assistant.app.scan import ScanReport
from inbox_assistant.config import Paths, environment, resolve_home
from inbox_assistant.domain.errors import AssistantError, RulesFileError
from inbox_assistant.domain.situations import Status
from inbox_assistant.wiring import Context, Request, authorize, run_scan

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CODES = """Exit codes: 0 success (also when some threads could not be read: they are
listed), 1 unexpected failure, 2 a bad file or option (config, rules, mbox, state),
3 Gmail not connected or access revoked, 4 Gmail unreachable or refusing."""


class Env:
    def __init__(self, home: str | None, debug: bool) -> None:
        self.env = environment()
        self.paths: Paths = resolve_home(home, self.env)
        self.debug = debug

    def context(self) -> Context:
        return Context.load(self.paths, self.env)


def boundary(func: F) -> F:
    """Turn our errors into one line, a hint and the documented exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        env = click.get_current_context().find_object(Env)
        try:
            return func(*args, **kwargs)
        except AssistantError as exc:
            if env is not None and env.debug:
                raise
            click.echo(f"Error: {exc}", err=True)
            if exc.hint:
                click.echo(f"Hint: {exc.hint}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


@click.group(epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="assistant")
@click.option("--home", type=click.Path(file_okay=False), default=None,
              help="Directory of credentials, token, config and state "
                   "[env INBOX_ASSISTANT_HOME; default: your config directory].")
@click.option("-v", "--verbose", count=True, help="Log progress to stderr (-vv: more).")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, home: str | None, verbose: int, debug: bool) -> None:
    """Drafts the follow-ups your job search needs, for you to review in Gmail.

    It never sends mail.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    if verbose < 2:
        # Google's client logs request URLs at INFO; keep them for -vv.
        logging.getLogger("googleapiclient").setLevel(logging.WARNING)
    ctx.obj = Env(home, debug)


def parse_now(value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter("expected an ISO-8601 time like 2026-11-20T15:00:00Z") from None
    if moment.tzinfo is None:
        raise click.BadParameter("give a time zone, e.g. 2026-11-20T10:00:00-05:00 or ...Z")
    return moment.astimezone(UTC)


@main.command()
@click.option("--now", "now_text", metavar="ISO-8601",
              help="Evaluate as if it were this moment (default: now).")
@click.option("--since", "since_days", type=click.IntRange(1, 3650), default=None,
              help="Look at threads of the last DAYS days [default: 60, or config].")
@click.option("--dry-run", is_flag=True, help="Create no draft; say what would be drafted.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--mbox", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Read a Google Takeout mbox instead of Gmail.")
@click.option("--drafts-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="With --mbox: where drafts are written as .eml files [default: ./drafts].")
@click.pass_obj
@boundary
def scan(env: Env, now_text: str | None, since_days: int | None, dry_run: bool, as_json: bool,
         mbox: Path | None, drafts_dir: Path | None) -> None:
    """Classify recent threads and draft the follow-ups that are due."""
    if drafts_dir is not None and mbox is None:
        raise click.UsageError("--drafts-dir goes with --mbox")
    request = Request(now=parse_now(now_text), since_days=since_days, dry_run=dry_run,
                      mbox=mbox, drafts_dir=drafts_dir)
    report = run_scan(env.context(), request)
    if as_json:
        click.echo(json.dumps(report_json(report), indent=2, ensure_ascii=False))
    else:
        print_report(report)


@main.command()
@click.option("--no-browser", is_flag=True,
              help="Print the address to open instead of opening a browser (SSH, headless).")
@click.pass_obj
@boundary
def auth(env: Env, no_browser: bool) -> None:
    """Connect Gmail: read mail and create drafts (never send)."""

    def paste(url: str) -> str:
        click.echo("Open this address in a browser, allow access, then copy the address of "
                   "the page it leads to (it starts with http://127.0.0.1 and may show an "
                   f"error; that is expected):\n\n  {url}\n")
        answer: str = click.prompt("Paste that address here")
        return answer

    granted = authorize(env.context(), open_browser=not no_browser, paste=no_browser,
                        prompt=paste)
    click.echo(f"Gmail connected. Token saved to {env.paths.token} (readable by you only).")
    click.echo("Granted: " + ", ".join(s.rsplit("/", 1)[-1] for s in granted))


@main.group()
def rules() -> None:
    """Check and inspect the classification rules."""


@rules.command("check")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
@boundary
def rules_check(env: Env, file: Path | None) -> None:
    """Check a rules file (default: rules.toml in the home) and the draft templates."""
    from inbox_assistant.rules.loader import load_rules

    ctx = env.context()
    target = file or env.paths.rules
    if file is not None and not file.exists():
        raise RulesFileError(str(file), ["no such file"])
    try:
        ruleset = load_rules(target)
    except RulesFileError as exc:
        for problem in exc.problems:
            click.echo(f"{exc.source}: {problem}", err=True)
        sys.exit(exc.exit_code)
    problems = ctx.templates().check()
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        sys.exit(2)
    origin = str(target) if target.exists() else "the defaults"
    click.echo(f"OK: {len(ruleset.rules)} rules from {origin}; templates valid.")


# --- output ---------------------------------------------------------------------------

def report_json(report: ScanReport) -> dict[str, Any]:
    threads = []
    for row in report.rows:
        v = row.verdict
        threads.append({
            "thread_id": v.thread_id,
            "subject": v.subject,
            "counterpart": v.counterpart.email if v.counterpart else None,
            "situation": v.situation.value,
            "status": v.status.value,
            "overdue": v.assessment.overdue,
            "due_at": _iso(v.due_at) if v.status in (Status.DUE, Status.WAITING) else None,
            "reason": f"Rule {v.rule}: {v.reason}",
            "draft_id": row.draft_id,
            "action": row.action or None,
        })
    return {
        "now": _iso(report.now),
        "account": report.account,
        "dry_run": report.dry_run,
        "threads": threads,
        "skipped": [{"thread_id": s.thread_id, "reason": s.reason} for s in report.skipped],
        "summary": report.summary(),
    }


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else None


_COLOURS = {"due": "yellow", "waiting": "cyan", "closed": "green", "ignored": "bright_black"}


def print_report(report: ScanReport) -> None:
    tty = sys.stdout.isatty()
    header = ("SUBJECT", "COUNTERPART", "SITUATION", "STATUS", "DUE", "ACTION")
    rows: list[tuple[str, ...]] = []
    for row in report.rows:
        v = row.verdict
        status = v.status.value + (" (overdue)" if v.assessment.overdue else "")
        due = (v.due_at.astimezone(report.tz).strftime("%a %d %b %H:%M") if v.due_at and
               v.status in (Status.DUE, Status.WAITING) else "")
        rows.append((_cut(v.subject, 44), _cut(v.counterpart.email if v.counterpart else "", 30),
                     v.situation.value, status, due, row.action))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    click.echo("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    for cells in rows:
        line = "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
        status_word = cells[3].split()[0]
        click.echo(click.style(line, fg=_COLOURS.get(status_word)) if tty else line)
    s = report.summary()
    verb = "would be drafted" if report.dry_run else "drafts created"
    drafted = (sum(1 for r in report.rows if r.action == "would create draft")
               if report.dry_run else s["drafts_created"])
    click.echo(f"\n{s['threads']} threads: {s['due']} due ({s['overdue']} overdue), "
               f"{s['waiting']} waiting, {s['closed']} closed, {s['ignored']} ignored; "
               f"{drafted} {verb}.")
    for skipped in report.skipped:
        click.echo(f"Skipped {skipped.thread_id}: {skipped.reason}")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
