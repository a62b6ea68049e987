"""`assistant scan`: classify recent threads and draft what is due."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from inbox_assistant.cli.base import Env, boundary, parse_now
from inbox_assistant.cli.main import main
from inbox_assistant.cli.output import print_report, print_stats, report_json
from inbox_assistant.wiring import Request, run_scan


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
@click.option("--quiet", "-q", is_flag=True,
              help="Print nothing unless drafts were made, talking points are due or a thread "
                   "could not be read (for scheduled runs: cron mails only news).")
@click.option("--stats", is_flag=True,
              help="Also print what the run cost: requests and quota units by method, "
                   "threads fetched, drafts made, duration.")
@click.pass_obj
@boundary
def scan(env: Env, now_text: str | None, since_days: int | None, dry_run: bool, as_json: bool,
         mbox: Path | None, drafts_dir: Path | None, quiet: bool, stats: bool) -> None:
    """Classify recent threads and draft the follow-ups that are due."""
    if drafts_dir is not None and mbox is None:
        raise click.UsageError("--drafts-dir goes with --mbox")
    with progress_bar() as progress:
        request = Request(now=parse_now(now_text), since_days=since_days, dry_run=dry_run,
                          mbox=mbox, drafts_dir=drafts_dir, progress=progress)
        report = run_scan(env.context(), request)
    if quiet and not as_json and not report.newsworthy:
        return
    if as_json:
        data = report_json(report)
        if stats:
            data["stats"] = report.stats
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print_report(report)
        if stats:
            print_stats(report.stats)


@contextmanager
def progress_bar() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar for long fetches, on a terminal only: cron mail stays clean."""
    if not sys.stderr.isatty():
        yield None
        return
    bar: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label="Reading threads", file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
