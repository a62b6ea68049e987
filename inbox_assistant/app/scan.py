"""The scan: read the threads, classify each, draft the follow-ups that are due."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from inbox_assistant.app.lifecycle import Transition, reconcile
from inbox_assistant.app.ports import DraftInfo, DraftSink, DraftState, Skipped, StateStore
from inbox_assistant.domain.model import Me, Message, Thread
from inbox_assistant.domain.situations import Status
from inbox_assistant.domain.verdict import Verdict
from inbox_assistant.drafts.compose import compose, followup_key, talking_points
from inbox_assistant.drafts.templates import Templates
from inbox_assistant.rules.engine import classify
from inbox_assistant.rules.loader import RuleSet

log = logging.getLogger(__name__)


class Action:
    """What the scan did about a thread, as shown to the user."""

    CREATED = "draft created"
    CALL = "call: talking points"
    WOULD_CREATE = "would create draft"
    ALREADY = "draft already made"
    THREAD_HAS_DRAFT = "thread already has a draft"
    NOBODY = "no address to write to"
    UNWRITABLE = "could not write the draft"
    NONE = ""


@dataclass(frozen=True, slots=True)
class Row:
    verdict: Verdict
    action: str = Action.NONE
    draft_id: str | None = None
    talking_points: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScanOptions:
    now: datetime
    since_days: int
    tz: tzinfo
    dry_run: bool = False
    # Follow-ups better made by phone: these situations, these contacts' addresses.
    phone_situations: frozenset[str] = frozenset()
    phone_contacts: frozenset[str] = frozenset()
    # Whether the mailbox changed since the last run: only then can a draft have been
    # sent, edited or deleted, so only then are the drafts listed to find out.
    mailbox_changed: bool = True


@dataclass(slots=True)
class ScanReport:
    now: datetime
    account: str
    tz: tzinfo
    rows: list[Row] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    dry_run: bool = False
    stats: dict[str, object] = field(default_factory=dict)
    transitions: list[Transition] = field(default_factory=list)

    @property
    def newsworthy(self) -> bool:
        """Whether a scheduled run has anything to tell: drafts, calls, unread threads."""
        return bool(self.skipped) or any(
            r.action in (Action.CREATED, Action.CALL) for r in self.rows)

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


class _Drafts:
    """The mailbox's drafts: listed once, and only when something needs to know."""

    def __init__(self, sink: DraftSink | None) -> None:
        self.sink = sink
        self._listed: list[DraftInfo] | None = None

    def listed(self) -> list[DraftInfo]:
        if self._listed is None:
            self._listed = self.sink.list_drafts() if self.sink is not None else []
        return self._listed

    def holds(self, thread_id: str) -> bool:
        return any(d.thread_id == thread_id for d in self.listed())


# What one thread's odd mail can raise from the pure code: it is skipped, the scan goes on.
_THREAD_ERRORS = (ValueError, LookupError, TypeError, ArithmeticError)


def scan(
    threads: Iterable[Thread | Skipped],
    sink: DraftSink | None,
    store: StateStore | None,
    rules: RuleSet,
    templates: Templates,
    me: Me,
    options: ScanOptions,
    remember: Callable[[Message], None] | None = None,
) -> ScanReport:
    """Classify every thread and create one draft per due follow-up.

    A follow-up is drafted once: never again when the state store remembers it (even
    if the user deleted the draft), and never in a thread that already holds a draft.
    `remember` is told of every draft created, so a cache can hold it without a fetch.
    """
    report = ScanReport(now=options.now, account=me.email, tz=options.tz, dry_run=options.dry_run)
    drafts = _Drafts(sink)
    classified: dict[str, tuple[Thread, Verdict]] = {}
    for item in threads:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        try:
            classified[item.id] = (item, classify(item, rules, me, options.now, options.tz))
        except _THREAD_ERRORS as exc:
            # A thread the rules cannot make sense of is reported, the scan goes on.
            report.skipped.append(Skipped(item.id, f"could not classify: {type(exc).__name__}"))
    if store is not None and sink is not None and not options.dry_run:
        records = store.open_drafts()
        if options.mailbox_changed or any(r.state == DraftState.INTENDED for r in records):
            report.transitions = reconcile(
                records, drafts.listed, {k: t for k, (t, _) in classified.items()},
                {k: v for k, (_, v) in classified.items()}, sink, store, me, options.now)
    for thread, verdict in classified.values():
        report.rows.append(_act(thread, verdict, sink, store, templates, me, options, drafts,
                                remember))
    report.rows.sort(key=_row_order)
    return report


def _act(
    thread: Thread, verdict: Verdict, sink: DraftSink | None, store: StateStore | None,
    templates: Templates, me: Me, options: ScanOptions, drafts: _Drafts,
    remember: Callable[[Message], None] | None,
) -> Row:
    if verdict.status is not Status.DUE:
        return Row(verdict)
    key = followup_key(verdict)
    record = store.find_draft(key) if store is not None else None
    if record is not None:
        return Row(verdict, Action.ALREADY, record.draft_id or None)
    if thread.has_draft or drafts.holds(thread.id):
        return Row(verdict, Action.THREAD_HAS_DRAFT)
    if _by_phone(verdict, options):
        points = talking_points(thread, verdict, me, options.tz, templates)
        return Row(verdict, Action.CALL, talking_points=tuple(points))
    try:
        draft = compose(thread, verdict, me, options.now, options.tz, templates)
    except _THREAD_ERRORS as exc:
        # One thread's odd mail must not cost the others their drafts.
        log.warning("could not write a draft in thread %s: %s", thread.id, type(exc).__name__)
        return Row(verdict, Action.UNWRITABLE)
    if draft is None:
        return Row(verdict, Action.NOBODY)
    if options.dry_run or sink is None:
        return Row(verdict, Action.WOULD_CREATE)
    if store is not None:
        store.intend_draft(key, thread.id, options.now)
    created = sink.create(draft)
    if store is not None:
        store.confirm_draft(key, created.draft_id,
                            created.message.id if created.message is not None else "")
    if remember is not None and created.message is not None:
        remember(created.message)
    log.info("created draft %s in thread %s", created.draft_id, thread.id)
    return Row(verdict, Action.CREATED, created.draft_id)


def _by_phone(verdict: Verdict, options: ScanOptions) -> bool:
    counterpart = verdict.counterpart.email if verdict.counterpart else ""
    return (verdict.by_phone or verdict.situation.value in options.phone_situations
            or counterpart in options.phone_contacts)


_STATUS_ORDER = {Status.DUE: 0, Status.WAITING: 1, Status.CLOSED: 2, Status.IGNORED: 3}


def _row_order(row: Row) -> tuple[int, float, str]:
    due = row.verdict.due_at
    return (_STATUS_ORDER[row.verdict.status], due.timestamp() if due else 0.0,
            row.verdict.thread_id)
