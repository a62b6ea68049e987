"""The scan: read the threads, classify each, draft the follow-ups that are due."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from inbox_assistant.app.ports import DraftSink, MailSource, Skipped, StateStore
from inbox_assistant.domain.model import Me, Thread
from inbox_assistant.domain.situations import Status
from inbox_assistant.domain.verdict import Verdict
from inbox_assistant.drafts.compose import compose, followup_key
from inbox_assistant.drafts.templates import Templates
from inbox_assistant.rules.engine import classify
from inbox_assistant.rules.loader import RuleSet

log = logging.getLogger(__name__)


class Action:
    """What the scan did about a thread, as shown to the user."""

    CREATED = "draft created"
    WOULD_CREATE = "would create draft"
    ALREADY = "draft already made"
    THREAD_HAS_DRAFT = "thread already has a draft"
    NOBODY = "no address to write to"
    NONE = ""


@dataclass(frozen=True, slots=True)
class Row:
    verdict: Verdict
    action: str = Action.NONE
    draft_id: str | None = None


@dataclass(frozen=True, slots=True)
class ScanOptions:
    now: datetime
    since_days: int
    tz: tzinfo
    dry_run: bool = False


@dataclass(slots=True)
class ScanReport:
    now: datetime
    account: str
    tz: tzinfo
    rows: list[Row] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        counts["threads"] = len(self.rows)
        for row in self.rows:
            counts[row.verdict.status.value] += 1
            if row.verdict.status is Status.DUE and row.verdict.assessment.overdue:
                counts["overdue"] += 1
        counts["drafts_created"] = sum(1 for r in self.rows if r.action == Action.CREATED)
        counts["skipped"] = len(self.skipped)
        for key in ("waiting", "due", "overdue", "closed", "ignored"):
            counts.setdefault(key, 0)
        return dict(counts)


def scan(
    source: MailSource,
    sink: DraftSink | None,
    store: StateStore | None,
    rules: RuleSet,
    templates: Templates,
    me: Me,
    options: ScanOptions,
) -> ScanReport:
    """Classify every recent thread and create one draft per due follow-up.

    A follow-up is drafted once: never again when the state store remembers it (even
    if the user deleted the draft), and never in a thread that already holds a draft.
    """
    report = ScanReport(now=options.now, account=me.email, tz=options.tz, dry_run=options.dry_run)
    since = options.now - timedelta(days=options.since_days)
    threads: list[Thread] = []
    for item in source.threads(since, options.now):
        if isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            threads.append(item)
    with_drafts = sink.threads_with_drafts() if sink is not None else set()
    for thread in threads:
        try:
            verdict = classify(thread, rules, me, options.now, options.tz)
        except (ValueError, LookupError, TypeError) as exc:
            # A thread the rules cannot make sense of is reported, the scan goes on.
            report.skipped.append(Skipped(thread.id, f"could not classify: {type(exc).__name__}"))
            continue
        report.rows.append(_act(thread, verdict, sink, store, templates, me, options,
                                thread.id in with_drafts))
    report.rows.sort(key=_row_order)
    return report


def _act(
    thread: Thread, verdict: Verdict, sink: DraftSink | None, store: StateStore | None,
    templates: Templates, me: Me, options: ScanOptions, has_draft: bool,
) -> Row:
    if verdict.status is not Status.DUE:
        return Row(verdict)
    key = followup_key(verdict)
    record = store.find_draft(key) if store is not None else None
    if record is not None:
        return Row(verdict, Action.ALREADY, record.draft_id or None)
    if has_draft or thread.has_draft:
        return Row(verdict, Action.THREAD_HAS_DRAFT)
    draft = compose(thread, verdict, me, options.tz, templates)
    if draft is None:
        return Row(verdict, Action.NOBODY)
    if options.dry_run or sink is None:
        return Row(verdict, Action.WOULD_CREATE)
    if store is not None:
        store.intend_draft(key, thread.id, options.now)
    draft_id = sink.create(draft)
    if store is not None:
        store.confirm_draft(key, draft_id)
    log.info("created draft %s in thread %s", draft_id, thread.id)
    return Row(verdict, Action.CREATED, draft_id)


_STATUS_ORDER = {Status.DUE: 0, Status.WAITING: 1, Status.CLOSED: 2, Status.IGNORED: 3}


def _row_order(row: Row) -> tuple[int, float, str]:
    due = row.verdict.due_at
    return (_STATUS_ORDER[row.verdict.status], due.timestamp() if due else 0.0,
            row.verdict.thread_id)
