"""The pipeline as a self-contained HTML page: what the template shows, worked out here.

Every value handed to the template is plain text; the template escapes it all.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from jinja2 import Environment, StrictUndefined

from inbox_assistant.app.pipeline import Pipeline, Upcoming
from inbox_assistant.cli.pipeline_view import (
    STEP_WORDS,
    duration,
    local,
    relative,
    run_result,
    summary,
)
from inbox_assistant.cli.report_page import PAGE
from inbox_assistant.domain.situations import Situation, Status
from inbox_assistant.domain.verdict import Verdict

SITUATION_WORDS = {
    Situation.NEW_CONTACT: "New contact",
    Situation.INTRODUCTION: "Introduction",
    Situation.HELP_OFFERED: "Help offered",
    Situation.RESUME_SUBMITTED: "Application",
    Situation.INTERVIEW: "Interview",
    Situation.NONE: "Other",
}
_STATUS_COLUMNS = ("overdue", "due", "waiting", "closed")


def render_html(p: Pipeline, version: str) -> str:
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True)
    return env.from_string(PAGE).render(**page_context(p, version))


def _tone(v: Verdict) -> str:
    if v.status is Status.DUE:
        return "overdue" if v.assessment.overdue else "due"
    return "waiting" if v.status is Status.WAITING else "closed"


def _status_word(v: Verdict) -> str:
    return "overdue" if v.assessment.overdue else v.status.value


def page_context(p: Pipeline, version: str) -> dict[str, Any]:
    last = p.last_run
    zone = str(p.tz)
    return {
        "version": version,
        "known": p.known,
        "as_of": f"{p.now.astimezone(p.tz):%A %d %B %Y, %H:%M} ({zone})",
        "as_of_short": f"{p.now.astimezone(p.tz):%d %b %Y}",
        "account": p.account,
        "last_scan": ("No scan recorded yet." if last is None else
                      f"Last scan {local(last.at, p.tz)} ({relative(p.now, last.at)}): "
                      f"{run_result(last)}, {last.drafts_created} drafts created."),
        "horizon_days": p.horizon.days,
        "cards": _cards(p),
        "days": _days(p),
        "groups": _groups(p),
        "matrix": _matrix(p),
        "answers_lead": _answers_lead(p),
        "follow_ups": _follow_ups(p),
        "threads": [_thread_row(v, p) for v in p.verdicts],
        "runs": [{"when": local(r.at, p.tz), "result": run_result(r),
                  "tone": "closed" if r.ok else "overdue",
                  "threads": r.summary.get("threads", 0), "due": r.summary.get("due", 0),
                  "drafts": r.drafts_created} for r in p.runs],
    }


def _cards(p: Pipeline) -> list[dict[str, str]]:
    s = summary(p)
    median = p.median_response()
    return [
        {"label": "Overdue", "value": str(s["overdue"]), "note": "window closed",
         "tone": "overdue"},
        {"label": "Due now", "value": str(s["due"] - s["overdue"]), "note": "window open",
         "tone": "due"},
        {"label": f"Coming up ({p.horizon.days} days)",
         "value": str(sum(1 for u in p.upcoming if u.verdict.status is Status.WAITING)),
         "note": "waiting for their date", "tone": "waiting"},
        {"label": "Drafts to review", "value": str(s["awaiting_review"]), "note": "in Gmail",
         "tone": ""},
        {"label": "Follow-ups answered", "value": f"{s['answered']}/{s['follow_ups_sent']}",
         "note": "of those you sent", "tone": "closed"},
        {"label": "Median answer time", "value": duration(median) if median else "–",
         "note": "after your follow-up", "tone": ""},
    ]


def _days(p: Pipeline) -> list[dict[str, str]]:
    today = p.now.astimezone(p.tz).date()
    by_day: dict[Any, int] = {}
    now_count = late = 0
    for item in p.upcoming:
        if item.verdict.status is Status.DUE:
            now_count += 1
            late += item.verdict.assessment.overdue
        else:
            day = item.at.astimezone(p.tz).date()
            by_day[day] = by_day.get(day, 0) + 1
    days = [{"dow": "Due", "dom": "now", "long": "Due now or overdue",
             "classes": "now late" if late else "now", "count_text": _count(now_count)}]
    for offset in range(p.horizon.days + 1):
        day = today + timedelta(days=offset)
        count = by_day.get(day, 0)
        classes = " ".join(c for c in ("busy" if count else "",
                                       "weekend" if day.weekday() >= 5 else "") if c)
        days.append({"dow": "Today" if offset == 0 else f"{day:%a}", "dom": f"{day.day}",
                     "long": f"{day:%A %d %B}", "classes": classes, "count_text": _count(count)})
    return days


def _count(n: int) -> str:
    return "–" if n == 0 else f"{n} due"


def _item(u: Upcoming, p: Pipeline, *, with_time: bool) -> dict[str, Any]:
    v = u.verdict
    closes = v.assessment.closes
    return {
        "step": (STEP_WORDS[v.assessment.step] or "follow-up").capitalize(),
        "subject": v.subject or "(no subject)",
        "counterpart": v.counterpart.email if v.counterpart else "no address",
        "situation": SITUATION_WORDS[v.situation],
        "drafted": u.drafted,
        "time": f"{u.at.astimezone(p.tz):%H:%M}" if with_time else "",
        "until": local(closes, p.tz) if closes is not None and v.status is Status.DUE else "",
    }


def _groups(p: Pipeline) -> list[dict[str, Any]]:
    overdue = [u for u in p.upcoming if u.verdict.assessment.overdue]
    due = [u for u in p.upcoming if u.verdict.status is Status.DUE and
           not u.verdict.assessment.overdue]
    groups: list[dict[str, Any]] = []
    if overdue:
        groups.append({"title": "Overdue", "tone": "overdue",
                       "entries": [_item(u, p, with_time=False) for u in overdue]})
    if due:
        groups.append({"title": "Due now", "tone": "due",
                       "entries": [_item(u, p, with_time=False) for u in due]})
    by_day: dict[str, list[Upcoming]] = {}
    for u in p.upcoming:
        if u.verdict.status is Status.WAITING:
            by_day.setdefault(f"{u.at.astimezone(p.tz):%A %d %B}", []).append(u)
    for title, items in by_day.items():
        groups.append({"title": title, "tone": "waiting",
                       "entries": [_item(u, p, with_time=True) for u in items]})
    return groups


def _matrix(p: Pipeline) -> list[dict[str, Any]]:
    rows = []
    for situation, counts in sorted(p.counts().items(), key=lambda kv: list(Situation).index(
            kv[0])):
        total = sum(counts[c] for c in _STATUS_COLUMNS)
        parts = [{"tone": c, "pct": round(100 * counts[c] / total, 1)}
                 for c in _STATUS_COLUMNS if counts[c]] if total else []
        rows.append({"label": SITUATION_WORDS[situation], "total": total, "parts": parts,
                     **{c: counts[c] for c in _STATUS_COLUMNS}})
    return rows


def _answers_lead(p: Pipeline) -> str:
    sent = p.sent()
    if not sent:
        return ("No follow-up drafted by the assistant has been sent yet: answers are "
                "counted once you send one.")
    answered = [d for d in sent if d.answered_at is not None]
    median = p.median_response()
    speed = f"; the median answer came {duration(median)} after it" if median else ""
    return f"{len(answered)} of {len(sent)} follow-ups you sent got an answer{speed}."


def _follow_ups(p: Pipeline) -> list[dict[str, Any]]:
    sent = p.sent()
    slowest = max((d.response_time for d in sent if d.response_time is not None),
                  default=timedelta(0))
    rows = []
    for d in sent:
        assert d.sent_at is not None
        if d.response_time is not None:
            answer, tone = f"answered after {duration(d.response_time)}", "closed"
            pct: float | None = round(100 * d.response_time / slowest, 1) if slowest else 100.0
        else:
            answer, tone, pct = f"no answer yet ({_since(p.now, d.sent_at)})", "waiting", None
        rows.append({"subject": d.subject or d.record.thread_id, "to": d.counterpart,
                     "sent": local(d.sent_at, p.tz), "answer": answer, "tone": tone,
                     "pct": pct})
    return rows


def _since(now: datetime, then: datetime) -> str:
    return f"{duration(now - then)} so far"


def _thread_row(v: Verdict, p: Pipeline) -> dict[str, str]:
    nxt = ""
    if v.status in (Status.DUE, Status.WAITING) and v.due_at is not None:
        step = STEP_WORDS[v.assessment.step] or "follow-up"
        nxt = (f"{step} now" if v.status is Status.DUE else
               f"{step} {local(v.due_at, p.tz)}")
    return {"subject": v.subject or "(no subject)",
            "counterpart": v.counterpart.email if v.counterpart else "",
            "situation": SITUATION_WORDS[v.situation], "status": _status_word(v),
            "tone": _tone(v), "next": nxt, "reason": v.reason}
