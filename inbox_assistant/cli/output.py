"""How results look: tables for people (colour on a terminal), JSON for scripts."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, tzinfo
from typing import Any

import click

from inbox_assistant.app.evaluate import Evaluation
from inbox_assistant.app.scan import ScanReport
from inbox_assistant.domain.followup import when
from inbox_assistant.domain.model import Thread
from inbox_assistant.domain.situations import Situation, Status
from inbox_assistant.domain.verdict import ConditionTrace, Verdict


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
            "talking_points": list(row.talking_points) or None,
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
        due = (when(v.due_at, report.tz) if v.due_at and
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
    for row in report.rows:
        if row.talking_points:
            who = row.verdict.counterpart or "them"
            click.echo(f"\nCall {who} about \"{row.verdict.subject}\":")
            for point in row.talking_points:
                click.echo(f"  - {point}")
    for transition in report.transitions:
        click.echo(f"Draft in thread {transition.thread_id}: {transition.state}"
                   + (f" ({transition.note})" if transition.note else ""))
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


# --- explain --------------------------------------------------------------------------

def _trace_lines(trace: ConditionTrace, depth: int) -> list[str]:
    mark = "yes" if trace.result else "no "
    lines = [f"{'    ' * depth}  [{mark}] {trace.label}"]
    for child in trace.children:
        lines += _trace_lines(child, depth + 1)
    return lines


def print_explanation(thread: Thread, verdict: Verdict, tz: tzinfo) -> None:
    a = verdict.assessment
    click.echo(f"Thread {thread.id}: {thread.subject}")
    for m in thread.messages:
        when = m.date.astimezone(tz).strftime("%a %d %b %Y %H:%M")
        kind = " (draft)" if m.is_draft else ""
        first = next((line for line in m.new_text.splitlines() if line.strip()), "")
        click.echo(f"  {when}  {m.sender.email}{kind}: {_cut(first, 70)}")
    click.echo("\nRules, in order (the first that holds decides):")
    for rule in verdict.trace:
        verdict_word = "MATCH" if rule.matched else "no"
        chosen = "  <- decides" if rule.rule == verdict.rule else ""
        click.echo(f"  {rule.rule} -> {rule.situation.value}: {verdict_word}{chosen}")
        for line in _trace_lines(rule.condition, 1):
            click.echo(line)
    click.echo(f"\nSituation: {verdict.situation.value} (rule {verdict.rule})")
    if a.anchor is not None:
        click.echo(f"Anchor: {a.anchor.astimezone(tz):%a %d %b %Y %H:%M} ({a.anchor_source})")
    if a.opens is not None and a.closes is not None:
        click.echo(f"Window: {a.opens.astimezone(tz):%a %d %b %H:%M} to "
                   f"{a.closes.astimezone(tz):%a %d %b %H:%M} ({a.step.value})")
    status = a.status.value + (" (overdue)" if a.overdue else "")
    click.echo(f"Status: {status}: {a.reason}")
    if verdict.counterpart is not None:
        click.echo(f"A follow-up goes to: {verdict.counterpart}")


def _trace_json(trace: ConditionTrace) -> dict[str, Any]:
    return {"condition": trace.label, "result": trace.result,
            "parts": [_trace_json(c) for c in trace.children]}


def explain_json(thread: Thread, verdict: Verdict) -> dict[str, Any]:
    a = verdict.assessment
    return {
        "thread_id": thread.id,
        "subject": thread.subject,
        "messages": [{"id": m.id, "date": _iso(m.date), "from": m.sender.email,
                      "draft": m.is_draft} for m in thread.messages],
        "rules": [{"rule": r.rule, "situation": r.situation.value, "matched": r.matched,
                   "condition": _trace_json(r.condition)} for r in verdict.trace],
        "situation": verdict.situation.value,
        "rule": verdict.rule,
        "status": a.status.value,
        "overdue": a.overdue,
        "step": a.step.value,
        "anchor": _iso(a.anchor),
        "anchor_source": a.anchor_source,
        "opens": _iso(a.opens),
        "closes": _iso(a.closes),
        "reason": a.reason,
        "counterpart": verdict.counterpart.email if verdict.counterpart else None,
    }


# --- rules eval -----------------------------------------------------------------------

def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{100 * value:5.1f}%"


def print_evaluation(result: Evaluation, tz: tzinfo) -> None:
    click.echo(f"{result.total} threads: situation {100 * result.situation_accuracy:.1f}% "
               f"right, status {100 * result.status_accuracy:.1f}% right, both "
               f"{result.both_right}/{result.total}.\n")
    click.echo(f"{'situation':<18} {'precision':>9} {'recall':>7} {'threads':>8}")
    for situation, (precision, recall, support) in result.precision_recall().items():
        click.echo(f"{situation:<18} {_pct(precision):>9} {_pct(recall):>7} {support:>8}")
    names = [s.value for s in Situation]
    click.echo("\nConfusion (rows: expected, columns: classified):")
    click.echo(" " * 18 + "".join(f"{n[:9]:>10}" for n in names))
    for want in names:
        cells = "".join(f"{result.confusion[(want, got)]:>10}" for got in names)
        click.echo(f"{want:<18}{cells}")
    if result.misses:
        click.echo(f"\nMisses ({len(result.misses)}):")
    for miss in result.misses:
        case, v = miss.case, miss.verdict
        want = f"{case.situation.value}/{case.status.value}"
        got = f"{v.situation.value}/{v.status.value}" + (" overdue" if v.assessment.overdue
                                                         else "")
        click.echo(f"- {case.source} \"{_cut(case.thread.subject, 60)}\"")
        click.echo(f"    expected {want}, got {got} (rule {v.rule}): {v.reason}")
        if case.note:
            click.echo(f"    label note: {case.note}")


def evaluation_json(result: Evaluation) -> dict[str, Any]:
    return {
        "threads": result.total,
        "situation_accuracy": result.situation_accuracy,
        "status_accuracy": result.status_accuracy,
        "per_situation": {s: {"precision": p, "recall": r, "threads": n}
                          for s, (p, r, n) in result.precision_recall().items()},
        "confusion": [{"expected": w, "classified": g, "count": n}
                      for (w, g), n in sorted(result.confusion.items())],
        "misses": [{"source": m.case.source, "subject": m.case.thread.subject,
                    "expected": {"situation": m.case.situation.value,
                                 "status": m.case.status.value},
                    "got": {"situation": m.verdict.situation.value,
                            "status": m.verdict.status.value,
                            "overdue": m.verdict.assessment.overdue},
                    "rule": m.verdict.rule, "reason": m.verdict.reason} for m in result.misses],
    }
