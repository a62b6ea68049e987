"""`assistant drafts`: what the assistant drafted, and what became of each draft."""

from __future__ import annotations

import json

import click

from inbox_assistant.cli.base import Env, boundary
from inbox_assistant.cli.main import main
from inbox_assistant.domain.followup import when
from inbox_assistant.wiring import draft_history

_WORDS = {
    "intended": "being created",
    "pending": "pending: awaiting your review in Gmail",
    "sent": "sent",
    "edited": "edited by you (left alone)",
    "deleted": "deleted by you (not made again)",
    "stale": "removed: no longer owed",
}


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
@boundary
def drafts(env: Env, as_json: bool) -> None:
    """Drafts the assistant created, with their state: pending, sent, edited, deleted by
    you, or removed as stale."""
    ctx = env.context()
    rows = draft_history(ctx)
    tz = ctx.settings.zone(ctx.env)
    if as_json:
        click.echo(json.dumps({"drafts": [
            {"thread_id": r.thread_id, "subject": subject, "draft_id": r.draft_id or None,
             "state": r.state, "created_at": r.created_at.isoformat(),
             "updated_at": r.updated_at.isoformat() if r.updated_at else None,
             "note": r.note or None, "followup": r.key}
            for r, subject in rows]}, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo("No drafts yet: the assistant drafts a follow-up when one is due.")
        return
    for record, subject in rows:
        created = when(record.created_at, tz)
        click.echo(f"{created}  {subject or record.thread_id}")
        note = f" ({record.note})" if record.note else ""
        click.echo(f"    {_WORDS.get(record.state, record.state)}{note}")
