"""How results look: tables for people (colour on a terminal), JSON for scripts."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import Any

import click

from inbox_assistant.app.scan import ScanReport
from inbox_assistant.domain.situations import Status


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


def print_stats(stats: dict[str, Any]) -> None:
    if not stats:
        click.echo("\nNo Gmail calls: the mailbox was read from a file.")
        return
    requests: dict[str, int] = stats.get("requests", {})
    units: dict[str, int] = stats.get("quota_units", {})
    click.echo(f"\nSync: {stats['sync']}; {stats['http_round_trips']} HTTP round trips, "
               f"{sum(requests.values())} requests, {stats['quota_units_total']} quota units, "
               f"{stats['retries']} retries, {stats['seconds']} s.")
    for method in sorted(requests):
        click.echo(f"  {method:<16} {requests[method]:>6} requests {units.get(method, 0):>8} "
                   "quota units")
    click.echo(f"Threads fetched: {stats['threads_fetched']}; messages fetched: "
               f"{stats['messages_fetched']}; drafts created: {stats['drafts_created']}.")
