"""The job-search pipeline at a glance: what is coming due, what awaits review, what got answers.

Built from what the last scan left in the state store (cached threads, drafts made, runs),
so it needs no mailbox: `status` and `report` work offline. Pure: `now` is a parameter.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from inbox_assistant.app.ports import DraftRecord, DraftState, Skipped
from inbox_assistant.domain.model import Me, Message, Thread
from inbox_assistant.domain.situations import Situation, Status
from inbox_assistant.domain.verdict import Verdict
from inbox_assistant.drafts.compose import followup_key
from inbox_assistant.rules.engine import classify, message_facts
from inbox_assistant.rules.loader import RuleSet

DEFAULT_HORIZON = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One recorded scan: when, for which account, its summary counts, whether it succeeded."""

    at: datetime
    account: str
    summary: Mapping[str, int]
    ok: bool

    @property
    def drafts_created(self) -> int:
        return int(self.summary.get("drafts_created", 0))


@dataclass(frozen=True, slots=True)
class DraftOutcome:
    """A draft the assistant made, and what followed it in the thread."""

    record: DraftRecord
    awaiting_review: bool  # still a draft in Gmail: the user has not sent it yet
    subject: str = ""
    counterpart: str = ""
    sent_at: datetime | None = None  # the user's first message after the draft was made
    answered_at: datetime | None = None  # their first human answer after that
    answered_by: str = ""

    @property
    def response_time(self) -> timedelta | None:
        if self.sent_at is None or self.answered_at is None:
            return None
        return self.answered_at - self.sent_at


@dataclass(frozen=True, slots=True)
class Upcoming:
    """A follow-up due now or within the horizon; `drafted` when its draft is already made."""

    verdict: Verdict
    drafted: bool

    @property
    def at(self) -> datetime:
        assert self.verdict.due_at is not None
        return self.verdict.due_at


@dataclass(frozen=True, slots=True)
class Pipeline:
    now: datetime
    tz: tzinfo
    account: str
    horizon: timedelta
    verdicts: tuple[Verdict, ...]  # job-search threads only, in display order
    upcoming: tuple[Upcoming, ...]
    drafts: tuple[DraftOutcome, ...]  # newest first
    runs: tuple[RunRecord, ...]  # newest first
    skipped: tuple[Skipped, ...] = field(default=())

    @classmethod
    def empty(cls, now: datetime, tz: tzinfo, horizon: timedelta = DEFAULT_HORIZON,
              account: str = "") -> Pipeline:
        """Before the first scan: nothing known yet."""
        return cls(now, tz, account, horizon, (), (), (), ())

    @property
    def known(self) -> bool:
        """Whether any scan has left something to show."""
        return bool(self.runs or self.verdicts or self.drafts)

    @property
    def last_run(self) -> RunRecord | None:
        return self.runs[0] if self.runs else None

    def awaiting_review(self) -> list[DraftOutcome]:
        return [d for d in self.drafts if d.awaiting_review]

    def sent(self) -> list[DraftOutcome]:
        """The follow-ups that went out, answered or not."""
        return [d for d in self.drafts if d.sent_at is not None]

    def counts(self) -> dict[Situation, Counter[str]]:
        """Threads by situation, then by status (with `overdue` counted apart from `due`)."""
        table: dict[Situation, Counter[str]] = {}
        for v in self.verdicts:
            row = table.setdefault(v.situation, Counter())
            row["overdue" if v.assessment.overdue else v.status.value] += 1
        return table

    def status_totals(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for row in self.counts().values():
            total.update(row)
        return total

    def median_response(self) -> timedelta | None:
        times = [d.response_time for d in self.sent() if d.response_time is not None]
        if not times:
            return None
        return timedelta(seconds=statistics.median(t.total_seconds() for t in times))


def build_pipeline(
    threads: Iterable[Thread],
    rules: RuleSet,
    me: Me,
    now: datetime,
    tz: tzinfo,
    *,
    drafts: Sequence[DraftRecord] = (),
    runs: Sequence[RunRecord] = (),
    horizon: timedelta = DEFAULT_HORIZON,
) -> Pipeline:
    """Classify every thread at `now` and relate the drafts made to what happened next."""
    by_id: dict[str, Thread] = {}
    verdicts: list[Verdict] = []
    skipped: list[Skipped] = []
    for thread in threads:
        by_id[thread.id] = thread
        try:
            verdict = classify(thread, rules, me, now, tz)
        except (ValueError, LookupError, TypeError) as exc:
            # The same tolerance as the scan: one odd thread does not hide the others.
            skipped.append(Skipped(thread.id, f"could not classify: {type(exc).__name__}"))
            continue
        if verdict.situation is not Situation.NONE:
            verdicts.append(verdict)
    verdicts.sort(key=_display_order)
    drafted = {d.key for d in drafts}
    limit = now + horizon
    upcoming = [
        Upcoming(v, followup_key(v) in drafted) for v in verdicts
        if v.due_at is not None and (v.status is Status.DUE or (
            v.status is Status.WAITING and v.due_at <= limit))
    ]
    upcoming.sort(key=lambda u: (u.at, u.verdict.thread_id))
    outcomes = [_outcome(d, by_id.get(d.thread_id), rules, me, tz)
                for d in sorted(drafts, key=lambda d: d.created_at, reverse=True)
                if d.state != DraftState.INTENDED]
    return Pipeline(now=now, tz=tz, account=me.email, horizon=horizon,
                    verdicts=tuple(verdicts), upcoming=tuple(upcoming), drafts=tuple(outcomes),
                    runs=tuple(sorted(runs, key=lambda r: r.at, reverse=True)),
                    skipped=tuple(skipped))


_ORDER = {Status.DUE: 0, Status.WAITING: 1, Status.CLOSED: 2, Status.IGNORED: 3}


def _display_order(v: Verdict) -> tuple[int, float, str]:
    return (_ORDER[v.status], v.due_at.timestamp() if v.due_at else 0.0, v.thread_id)


def _outcome(record: DraftRecord, thread: Thread | None, rules: RuleSet, me: Me,
             tz: tzinfo) -> DraftOutcome:
    pending = record.state == DraftState.PENDING
    if thread is None:
        return DraftOutcome(record, pending)
    facts = message_facts(thread, thread.sent, rules, me, tz)
    # Who the follow-up is for: whom the draft (or the message sent) is addressed to, else
    # the last person who wrote, else whom the user last wrote to.
    fallback = next((f.message.sender.email for f in reversed(facts) if not f.by_me), "") or (
        next((_addressee(f.message) for f in reversed(facts) if f.by_me), ""))
    sent = None
    if record.state in (DraftState.SENT, DraftState.EDITED):
        # The draft, or what the user made of it: their first message once it existed.
        sent = next((f for f in facts if f.by_me and f.date >= record.created_at), None)
    if sent is None:
        drafts = [m for m in thread.messages if m.is_draft]
        awaiting = pending or (record.state == DraftState.EDITED and bool(drafts))
        to = _addressee(drafts[-1]) if drafts else ""
        return DraftOutcome(record, awaiting, thread.subject, to or fallback)
    # An out-of-office or a machine's acknowledgement is not an answer.
    answer = next((f for f in facts if f.human_reply and f.date > sent.date), None)
    return DraftOutcome(
        record, False, thread.subject, _addressee(sent.message) or fallback, sent_at=sent.date,
        answered_at=answer.date if answer else None,
        answered_by=answer.message.sender.email if answer else "",
    )


def _addressee(message: Message) -> str:
    return message.to[0].email if message.to else ""
