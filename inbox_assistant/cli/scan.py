"""`assistant scan`: classify recent threads and draft what is due."""

from __future__ import annotations

import json
from pathlib import Path

import click

from inbox_assistant.cli.base import Env, boundary, parse_now
from inbox_assistant.cli.main import main
from inbox_assistant.cli.output import print_report, report_json
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
