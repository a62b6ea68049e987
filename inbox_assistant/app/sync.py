"""Keep the local thread cache in step with the mailbox, reading only what changed.

First run: take the checkpoint (history id) *before* searching, fetch every candidate
thread, then store the checkpoint, so nothing that arrives meanwhile is lost. The list
of threads still to fetch is stored as it shrinks: an interrupted first scan resumes
where it stopped. Later runs: the changes since the checkpoint, the new messages
alone; a checkpoint too old to answer means a full scan again, with no user action.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from inbox_assistant.app.ports import (
    Changes,
    MessageChange,
    RemoteMailbox,
    Skipped,
    ThreadCache,
)
from inbox_assistant.domain.model import Message, Thread

log = logging.getLogger(__name__)

CHECKPOINT = "history_id"
PENDING = "pending_threads"
PENDING_CHECKPOINT = "pending_history_id"
ACCOUNT = "account"
# Messages with these labels are not part of any conversation we follow.
_GONE = frozenset({"CHAT", "SPAM", "TRASH"})
# New mail with these labels is not worth fetching (the first search leaves it out too).
_NOT_FETCHED = _GONE | {"CATEGORY_PROMOTIONS"}
# Threads are fetched and stored in slices of this many, so an interruption loses little.
SLICE = 200

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class SyncReport:
    mode: str = "incremental"
    changed: bool = True
    threads_fetched: int = 0
    messages_fetched: int = 0
    skipped: list[Skipped] = field(default_factory=list)


def synchronise(remote: RemoteMailbox, cache: ThreadCache, since: datetime, now: datetime,
                progress: Progress | None = None) -> SyncReport:
    """Bring the cache up to date; return what it took."""
    report = SyncReport()
    pending = cache.get_meta(PENDING)
    checkpoint = cache.get_meta(CHECKPOINT)
    if pending is not None:
        # An interrupted first scan: finish it, then catch up from its checkpoint.
        report.mode = "resumed"
        _fetch_pending(remote, cache, json.loads(pending), report, progress)
        checkpoint = cache.get_meta(CHECKPOINT)
    if checkpoint is None:
        report.mode = "full"
        _full(remote, cache, since, now, report, progress)
    else:
        changes = remote.changes(checkpoint)
        if changes is None:
            log.info("history checkpoint expired: full scan")
            report.mode = "full (checkpoint expired)"
            _full(remote, cache, since, now, report, progress)
        else:
            _apply(remote, cache, changes, report)
    cache.prune(since)
    return report


def _full(remote: RemoteMailbox, cache: ThreadCache, since: datetime, now: datetime,
          report: SyncReport, progress: Progress | None) -> None:
    profile = remote.profile()
    cache.set_meta(ACCOUNT, profile.account)
    ids = remote.search(since, now)
    log.info("%d candidate threads", len(ids))
    cache.set_meta(PENDING_CHECKPOINT, profile.history_id)
    cache.set_meta(PENDING, json.dumps(ids))
    _fetch_pending(remote, cache, ids, report, progress)


def _fetch_pending(remote: RemoteMailbox, cache: ThreadCache, ids: list[str],
                   report: SyncReport, progress: Progress | None) -> None:
    total = len(ids)
    remaining = list(ids)
    while remaining:
        chunk, remaining = remaining[:SLICE], remaining[SLICE:]
        threads: list[Thread] = []
        for item in remote.fetch_threads(chunk):
            if isinstance(item, Skipped):
                report.skipped.append(item)
            else:
                threads.append(_without_unwanted(item))
        report.threads_fetched += len(chunk)
        cache.put_threads(t for t in threads if t.messages)
        cache.set_meta(PENDING, json.dumps(remaining))
        if progress is not None:
            progress(total - len(remaining), total)
    checkpoint = cache.get_meta(PENDING_CHECKPOINT)
    cache.set_meta(CHECKPOINT, checkpoint)
    cache.set_meta(PENDING, None)
    cache.set_meta(PENDING_CHECKPOINT, None)


def _without_unwanted(thread: Thread) -> Thread:
    kept = tuple(m for m in thread.messages if not m.labels & _GONE)
    return replace(thread, messages=kept) if len(kept) != len(thread.messages) else thread


def _apply(remote: RemoteMailbox, cache: ThreadCache, changes: Changes,
           report: SyncReport) -> None:
    deleted = {c.message_id for c in changes.deleted}
    relabelled = {c.message_id: c for c in changes.relabelled}
    known = cache.known_message_ids()
    wanted = [c for c in changes.added
              if c.message_id not in known and c.message_id not in deleted
              and not c.labels & _NOT_FETCHED]
    touched = {c.thread_id for c in (*changes.deleted, *changes.relabelled)}
    # Drafts we made ourselves come back as additions: they are no news.
    report.changed = bool(touched) or any(c.message_id not in known for c in changes.added)
    fetched = remote.fetch_messages([c.message_id for c in wanted]) if wanted else {}
    report.messages_fetched += len(fetched)
    new_by_thread: dict[str, list[Message]] = {}
    for change in wanted:
        item = fetched.get(change.message_id)
        if isinstance(item, Message):
            new_by_thread.setdefault(change.thread_id, []).append(item)
        elif isinstance(item, Skipped):
            report.skipped.append(item)
    refetch: list[str] = []
    updated: list[Thread] = []
    dropped: list[str] = []
    for thread_id in sorted(touched | set(new_by_thread)):
        cached = cache.thread(thread_id)
        new = new_by_thread.get(thread_id, [])
        if cached is None:
            if new and all(not m.references for m in new):
                # The thread's first message: the new messages are the whole thread.
                cached = Thread(thread_id, ())
            elif new:
                refetch.append(thread_id)
                continue
            else:
                continue
        merged = _merge(cached, new, deleted, relabelled)
        if merged.messages:
            updated.append(merged)
        else:
            dropped.append(thread_id)
    if refetch:
        for whole in remote.fetch_threads(refetch):
            if isinstance(whole, Skipped):
                report.skipped.append(whole)
            else:
                updated.append(_without_unwanted(whole))
        report.threads_fetched += len(refetch)
    cache.put_threads(updated)
    cache.drop_threads(dropped)
    cache.set_meta(CHECKPOINT, changes.history_id)


def _merge(thread: Thread, new: Sequence[Message], deleted: set[str],
           relabelled: dict[str, MessageChange]) -> Thread:
    messages: dict[str, Message] = {m.id: m for m in thread.messages}
    for message in new:
        messages[message.id] = message
    for message_id in deleted:
        messages.pop(message_id, None)
    for message_id, change in relabelled.items():
        if message_id in messages:
            if change.labels & _GONE:
                messages.pop(message_id)
            else:
                messages[message_id] = replace(messages[message_id], labels=change.labels)
    ordered = tuple(sorted(messages.values(), key=lambda m: m.date))
    return Thread(thread.id, ordered)


def remember(cache: ThreadCache, message: Message) -> None:
    """Add a message we wrote ourselves (a draft) to its cached thread: no need to fetch it."""
    cached = cache.thread(message.thread_id)
    if cached is not None:
        cache.put_threads([_merge(cached, [message], set(), {})])

