"""`assistant explain THREAD_ID`: why a thread got its situation and status."""

from __future__ import annotations

import json
from pathlib import Path

import click

from inbox_assistant.cli.base import Env, boundary, parse_now
from inbox_assistant.cli.main import main
from inbox_assistant.cli.output import explain_json, print_explanation
from inbox_assistant.wiring import explain_thread


@main.command()
@click.argument("thread_id")
@click.option("--now", "now_text", metavar="ISO-8601",
              help="Evaluate as if it were this moment (default: now).")
@click.option("--mbox", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Read the thread from a Google Takeout mbox instead of Gmail.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
@boundary
def explain(env: Env, thread_id: str, now_text: str | None, mbox: Path | None,
            as_json: bool) -> None:
    """Show a thread, every rule tried with each condition's result, the anchor, the
    window and the status."""
    ctx = env.context()
    thread, verdict = explain_thread(ctx, thread_id, parse_now(now_text), mbox)
    tz = ctx.settings.zone(ctx.env)
    if as_json:
        click.echo(json.dumps(explain_json(thread, verdict), indent=2, ensure_ascii=False))
    else:
        print_explanation(thread, verdict, tz)
