"""What became of the drafts the assistant made, and removing the ones no longer owed.

A draft is ours while its message is the one we wrote: the user editing it in Gmail
replaces the message (a new message id), and from then on it is theirs and never
touched. Ours and untouched, it is removed when the follow-up it was made for is no
longer owed (they answered, the user wrote their own, the thread closed). Gone from
the mailbox, it was sent (a message of the user's follows its creation) or deleted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from inbox_assistant.app.ports import (
    DraftInfo,
    DraftRecord,
    DraftSink,
    DraftState,
    StateStore,
)
from inbox_assistant.domain.model import Me, Thread
from inbox_assistant.domain.situations import Status
from inbox_assistant.domain.verdict import Verdict
from inbox_assistant.drafts.compose import MARKER_HEADER, followup_key

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Transition:
    key: str
    thread_id: str
    state: str
    note: str = ""


def owed_key(verdict: Verdict) -> str | None:
    return followup_key(verdict) if verdict.status is Status.DUE else None


def reconcile(
    records: list[DraftRecord],
    listed: Callable[[], list[DraftInfo]],
    threads: Mapping[str, Thread],
    verdicts: Mapping[str, Verdict],
    sink: DraftSink,
    store: StateStore,
    me: Me,
    now: datetime,
) -> list[Transition]:
    """Settle every open draft record against the mailbox; return what changed."""
    if not records:
        return []
    drafts = {d.draft_id: d for d in listed()}
    by_message = {d.message_id: d for d in drafts.values()}
    transitions: list[Transition] = []

    def move(record: DraftRecord, state: str, note: str = "") -> None:
        store.set_draft_state(record.key, state, now, note)
        transitions.append(Transition(record.key, record.thread_id, state, note))

    for record in records:
        thread = threads.get(record.thread_id)
        if record.state == DraftState.INTENDED:
            # A run stopped between recording the intent and hearing back from Gmail:
            # the draft, if it was made, carries the key in its marker header.
            made = next((m for m in (thread.messages if thread else ())
                         if m.is_draft and m.header(MARKER_HEADER) == record.key
                         and m.id in by_message), None)
            if made is not None:
                store.confirm_draft(record.key, by_message[made.id].draft_id, made.id)
                transitions.append(Transition(record.key, record.thread_id, DraftState.PENDING,
                                              "found after an interrupted run"))
            elif not any(d.thread_id == record.thread_id for d in drafts.values()):
                store.forget_intent(record.key)
            continue
        listed_draft = drafts.get(record.draft_id)
        if listed_draft is None:
            sent = thread is not None and any(
                me.wrote(m) and not m.is_draft and m.date >= record.created_at
                for m in thread.messages)
            move(record, DraftState.SENT if sent else DraftState.DELETED)
        elif record.message_id and listed_draft.message_id != record.message_id:
            move(record, DraftState.EDITED)
        else:
            verdict = verdicts.get(record.thread_id)
            if verdict is not None and owed_key(verdict) == record.key:
                continue
            why = _why_not_owed(verdict)
            sink.delete(record.draft_id)
            log.info("removed draft %s in thread %s: %s", record.draft_id, record.thread_id, why)
            move(record, DraftState.STALE, why)
    return transitions


def _why_not_owed(verdict: Verdict | None) -> str:
    if verdict is None:
        return "the thread left the scan window"
    if verdict.status is Status.DUE:
        return "a different follow-up is owed now"
    return f"no follow-up owed any more: {verdict.reason}"
