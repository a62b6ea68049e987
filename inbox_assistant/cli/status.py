"""`assistant status`: the job-search pipeline at a glance, from the last scan (no Gmail call)."""

from __future__ import annotations

import json
from datetime import timedelta

import click

from inbox_assistant.cli.base import Env, boundary, parse_now
from inbox_assistant.cli.main import main
from inbox_assistant.cli.pipeline_view import pipeline_json, print_status
from inbox_assistant.wiring import pipeline


@main.command()
@click.option("--days", type=click.IntRange(1, 90), default=7, show_default=True,
              help="How far ahead to list the follow-ups coming due.")
@click.option("--now", "now_text", metavar="ISO-8601",
              help="Evaluate as if it were this moment (default: now).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
@boundary
def status(env: Env, days: int, now_text: str | None, as_json: bool) -> None:
    """Last runs, drafts awaiting your review, and the follow-ups coming due.

    Works offline: it reads what the last scan stored, and never calls Gmail.
    """
    view = pipeline(env.context(), parse_now(now_text), timedelta(days=days))
    if as_json:
        click.echo(json.dumps(pipeline_json(view), indent=2, ensure_ascii=False))
    else:
        print_status(view)
