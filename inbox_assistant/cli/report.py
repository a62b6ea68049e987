"""`assistant report`: the job-search pipeline as a page to open in a browser, or JSON."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import click

from inbox_assistant import __version__
from inbox_assistant.cli.base import Env, boundary, parse_now
from inbox_assistant.cli.html_report import render_html
from inbox_assistant.cli.main import main
from inbox_assistant.cli.pipeline_view import pipeline_json
from inbox_assistant.domain.errors import InputFileError
from inbox_assistant.wiring import pipeline


@main.command()
@click.option("--html", "html_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this HTML file (self-contained: open it anywhere).")
@click.option("--json", "as_json", is_flag=True,
              help="Print one JSON object: what `status --json` says, plus every thread "
                   "and every follow-up sent.")
@click.option("--days", type=click.IntRange(1, 90), default=14, show_default=True,
              help="How far ahead the timeline looks.")
@click.option("--now", "now_text", metavar="ISO-8601",
              help="Evaluate as if it were this moment (default: now).")
@click.pass_obj
@boundary
def report(env: Env, html_file: Path | None, as_json: bool, days: int,
           now_text: str | None) -> None:
    """The pipeline: threads by situation and status, a timeline of what is due when,
    and which follow-ups got answers and how fast.

    Built from what the last scan stored: no Gmail call. The HTML page holds its own
    styles and loads nothing from the network.
    """
    if html_file is None and not as_json:
        raise click.UsageError("say what to make: --html FILE, --json, or both")
    view = pipeline(env.context(), parse_now(now_text), timedelta(days=days))
    if html_file is not None:
        page = render_html(view, __version__)
        temp = html_file.with_name(html_file.name + ".tmp")
        try:
            temp.write_text(page, encoding="utf-8")
            temp.replace(html_file)
        except OSError as exc:
            raise InputFileError(f"{html_file}: cannot write: {exc.strerror or exc}") from None
        # With --json, stdout is the JSON alone.
        click.echo(f"Report written to {html_file}: open it in your browser.", err=as_json)
    if as_json:
        click.echo(json.dumps(pipeline_json(view, full=True), indent=2, ensure_ascii=False))
