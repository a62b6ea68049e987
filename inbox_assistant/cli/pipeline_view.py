"""The pipeline for people (`status`'s text) and for scripts (`status` and `report` JSON).

The JSON schema is stable: keys are only ever added. Times are UTC, ISO 8601 with a Z.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

import click

from inbox_assistant.app.pipeline import DraftOutcome, Pipeline, RunRecord, Upcoming
from inbox_assistant.cli.table import cut, echo_table, paint
from inbox_assistant.domain.followup import when
from inbox_assistant.domain.situations import Status, Step
from inbox_assistant.domain.verdict import Verdict

STEP_WORDS = {
    Step.REPLY: "reply",
    Step.FOLLOW_UP: "follow-up",
    Step.THANK_YOU: "thank-you note",
    Step.CHECK_IN: "check-in",
    Step.SECOND_FOLLOW_UP: "second follow-up",
    Step.NONE: "",
}
# A scan older than this makes the dates shown worth refreshing.
STALE_AFTER = timedelta(days=1)


def iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else None


def local(moment: datetime, tz: tzinfo) -> str:
    return when(moment, tz)


def duration(delta: timedelta) -> str:
    """A span as people say it: '45 min', '5 h', '2 d 4 h'."""
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 24:
        return f"{hours} h"
    days, rest = divmod(hours, 24)
    return f"{days} d {rest} h" if rest else f"{days} d"


def relative(now: datetime, moment: datetime) -> str:
    return f"in {duration(moment - now)}" if moment >= now else f"{duration(now - moment)} ago"


def when_due(item: Upcoming, p: Pipeline) -> str:
    v = item.verdict
    if v.status is Status.DUE:
        return "overdue" if v.assessment.overdue else "due now"
    return local(item.at, p.tz)


def run_result(run: RunRecord) -> str:
    return "ok" if run.ok else "failed"


# --- JSON -------------------------------------------------------------------------------

def _verdict_json(v: Verdict) -> dict[str, Any]:
    a = v.assessment
    return {
        "thread_id": v.thread_id,
        "subject": v.subject,
        "counterpart": v.counterpart.email if v.counterpart else None,
        "situation": v.situation.value,
        "status": v.status.value,
        "overdue": a.overdue,
        "step": a.step.value if v.status in (Status.DUE, Status.WAITING) else None,
        "due_at": iso(v.due_at) if v.status in (Status.DUE, Status.WAITING) else None,
        "closes_at": iso(a.closes) if v.status in (Status.DUE, Status.WAITING) else None,
        "reason": f"Rule {v.rule}: {v.reason}",
    }


def _draft_json(d: DraftOutcome) -> dict[str, Any]:
    return {
        "thread_id": d.record.thread_id,
        "subject": d.subject,
        "to": d.counterpart or None,
        "draft_id": d.record.draft_id or None,
        "state": d.record.state,
        "created_at": iso(d.record.created_at),
        "sent_at": iso(d.sent_at),
        "answered_at": iso(d.answered_at),
        "response_hours": (round(d.response_time.total_seconds() / 3600, 1)
                           if d.response_time is not None else None),
    }


def summary(p: Pipeline) -> dict[str, Any]:
    totals = p.status_totals()
    sent = p.sent()
    median = p.median_response()
    return {
        "threads": len(p.verdicts),
        "due": totals["due"] + totals["overdue"],
        "overdue": totals["overdue"],
        "waiting": totals["waiting"],
        "closed": totals["closed"],
        "coming_up": len(p.upcoming),
        "awaiting_review": len(p.awaiting_review()),
        "follow_ups_sent": len(sent),
        "answered": sum(1 for d in sent if d.answered_at is not None),
        "median_response_hours": (round(median.total_seconds() / 3600, 1)
                                  if median is not None else None),
    }


def pipeline_json(p: Pipeline, *, full: bool = False) -> dict[str, Any]:
    """`status --json`; with `full` (`report --json`), every thread and follow-up too."""
    last = p.last_run
    data: dict[str, Any] = {
        "now": iso(p.now),
        "account": p.account or None,
        "horizon_days": p.horizon.days,
        "last_scan": None if last is None else {
            "at": iso(last.at), "ok": last.ok, "drafts_created": last.drafts_created},
        "runs": [{"at": iso(r.at), "ok": r.ok, "threads": r.summary.get("threads", 0),
                  "due": r.summary.get("due", 0), "drafts_created": r.drafts_created}
                 for r in p.runs],
        "awaiting_review": [_draft_json(d) for d in p.awaiting_review()],
        "upcoming": [{**_verdict_json(u.verdict), "drafted": u.drafted} for u in p.upcoming],
        "summary": summary(p),
    }
    if full:
        data["threads"] = [_verdict_json(v) for v in p.verdicts]
        data["follow_ups"] = [_draft_json(d) for d in p.sent()]
    return data


# --- text -------------------------------------------------------------------------------

def print_status(p: Pipeline, runs: int = 5) -> None:
    if not p.known:
        click.echo("No scan yet: run `assistant scan` (and `assistant doctor` if it fails).")
        return
    last = p.last_run
    who = f" ({p.account})" if p.account else ""
    click.echo(paint(f"Job search as of {local(p.now, p.tz)}{who}", bold=True))
    if last is not None:
        click.echo(f"Last scan: {local(last.at, p.tz)}, {relative(p.now, last.at)}: "
                   f"{run_result(last)}, {last.drafts_created} drafts created.")
        if p.now - last.at > STALE_AFTER:
            click.echo(paint("The dates below are as of that scan: run `assistant scan` to "
                             "bring them up to date.", "yellow"))
    _print_upcoming(p)
    _print_awaiting(p)
    if p.runs:
        click.echo("\nRecent runs:")
        echo_table(("WHEN", "RESULT", "THREADS", "DUE", "DRAFTS"),
                   [(local(r.at, p.tz), run_result(r), str(r.summary.get("threads", 0)),
                     str(r.summary.get("due", 0)), str(r.drafts_created)) for r in p.runs[:runs]],
                   [None if r.ok else "red" for r in p.runs[:runs]])
    click.echo("\n" + summary_line(p))


def _print_upcoming(p: Pipeline) -> None:
    days = p.horizon.days
    if not p.upcoming:
        click.echo(f"\nNothing due in the next {days} days.")
        return
    click.echo(f"\nComing up in the next {days} days ({len(p.upcoming)}):")
    rows, colours = [], []
    for item in p.upcoming:
        v = item.verdict
        step = STEP_WORDS[v.assessment.step] + (" (draft ready)" if item.drafted else "")
        rows.append((when_due(item, p), cut(v.subject, 40),
                     cut(v.counterpart.email if v.counterpart else "", 28),
                     v.situation.value, step))
        colours.append("red" if v.assessment.overdue else
                       "yellow" if v.status is Status.DUE else "cyan")
    echo_table(("WHEN", "SUBJECT", "WITH", "SITUATION", "NEXT"), rows, colours)


def _print_awaiting(p: Pipeline) -> None:
    waiting = p.awaiting_review()
    if not waiting:
        click.echo("\nNo draft is waiting for your review.")
        return
    click.echo(f"\nDrafts awaiting your review in Gmail ({len(waiting)}):")
    echo_table(("MADE", "SUBJECT", "TO"),
               [(local(d.record.created_at, p.tz), cut(d.subject or d.record.thread_id, 44),
                 cut(d.counterpart, 30)) for d in waiting])


def summary_line(p: Pipeline) -> str:
    s = summary(p)
    text = (f"{s['threads']} job-search threads: {s['due']} due ({s['overdue']} overdue), "
            f"{s['waiting']} waiting, {s['closed']} closed.")
    if s["follow_ups_sent"]:
        median = p.median_response()
        speed = f" (median time {duration(median)})" if median is not None else ""
        text += (f" {s['answered']} of {s['follow_ups_sent']} follow-ups you sent got an "
                 f"answer{speed}.")
    return text
