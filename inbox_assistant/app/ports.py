"""The ports the use cases need; adapters (Gmail, mbox, SQLite) satisfy them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from inbox_assistant.domain.model import Thread
from inbox_assistant.drafts.compose import Draft


@dataclass(frozen=True, slots=True)
class Skipped:
    """A thread that could not be read or understood, and why; the scan goes on."""

    thread_id: str
    reason: str


class MailSource(Protocol):
    def account(self) -> str:
        """The mailbox's own address."""
        ...

    def threads(self, since: datetime, now: datetime) -> Iterator[Thread | Skipped]:
        """Every thread with a message between `since` and `now` that the user took part in."""
        ...


class DraftSink(Protocol):
    def threads_with_drafts(self) -> set[str]:
        """Ids of the threads that hold a draft (anyone's) right now."""
        ...

    def create(self, draft: Draft) -> str:
        """Store the draft; return its id. Never sends."""
        ...


@dataclass(frozen=True, slots=True)
class DraftRecord:
    key: str
    thread_id: str
    draft_id: str
    created_at: datetime
    state: str


class StateStore(Protocol):
    def find_draft(self, key: str) -> DraftRecord | None: ...

    def intend_draft(self, key: str, thread_id: str, at: datetime) -> None: ...

    def confirm_draft(self, key: str, draft_id: str) -> None: ...

    def forget_intent(self, key: str) -> None: ...

    def record_run(self, at: datetime, account: str, summary: dict[str, int], ok: bool) -> None: ...
