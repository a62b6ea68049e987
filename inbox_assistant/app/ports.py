"""The ports the use cases need; adapters (Gmail, mbox, SQLite) satisfy them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from inbox_assistant.domain.model import Message, Thread
from inbox_assistant.drafts.compose import Draft


@dataclass(frozen=True, slots=True)
class Skipped:
    """A thread that could not be read or understood, and why; the scan goes on."""

    thread_id: str
    reason: str


class MailSource(Protocol):
    """A whole mailbox read at once (the offline mbox)."""

    def account(self) -> str:
        """The mailbox's own address."""
        ...

    def threads(self, since: datetime, now: datetime) -> Iterator[Thread | Skipped]:
        """Every thread with a message between `since` and `now` that the user took part in."""
        ...


@dataclass(frozen=True, slots=True)
class MessageChange:
    message_id: str
    thread_id: str
    labels: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed in the mailbox since a checkpoint, and the checkpoint after it."""

    history_id: str
    added: tuple[MessageChange, ...] = ()
    deleted: tuple[MessageChange, ...] = ()
    relabelled: tuple[MessageChange, ...] = ()


@dataclass(frozen=True, slots=True)
class Profile:
    account: str
    history_id: str


class RemoteMailbox(Protocol):
    """A mailbox read incrementally (Gmail): a checkpoint, then only what changed."""

    def profile(self) -> Profile: ...

    def search(self, since: datetime, now: datetime) -> list[str]:
        """Ids of the threads of the window the user took part in."""
        ...

    def fetch_threads(self, ids: Sequence[str]) -> Iterator[Thread | Skipped]: ...

    def changes(self, since_history_id: str) -> Changes | None:
        """What changed since the checkpoint; None when it is too old to tell."""
        ...

    def fetch_messages(self, ids: Sequence[str]) -> dict[str, Message | Skipped]: ...


@dataclass(frozen=True, slots=True)
class CreatedDraft:
    draft_id: str
    message: Message | None = None


class DraftSink(Protocol):
    def list_drafts(self) -> list[DraftInfo]:
        """Every draft in the mailbox (anyone's) right now."""
        ...

    def create(self, draft: Draft) -> CreatedDraft:
        """Store the draft; return its id. Never sends."""
        ...

    def delete(self, draft_id: str) -> None:
        """Remove a draft the assistant made that is no longer owed."""
        ...


class DraftState:
    """What became of a draft the assistant made."""

    INTENDED = "intended"  # about to be created (a crash here is reconciled next run)
    PENDING = "pending"  # in Gmail, untouched, waiting for the user
    SENT = "sent"  # the user sent it (or their own follow-up)
    EDITED = "edited"  # the user changed it: it is theirs now, left alone
    DELETED = "deleted"  # the user deleted it: never made again
    STALE = "stale"  # removed by the assistant: the follow-up was no longer owed


@dataclass(frozen=True, slots=True)
class DraftRecord:
    key: str
    thread_id: str
    draft_id: str
    created_at: datetime
    state: str
    message_id: str = ""
    updated_at: datetime | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class DraftInfo:
    """A draft as the mailbox lists it."""

    draft_id: str
    message_id: str
    thread_id: str


class StateStore(Protocol):
    def find_draft(self, key: str) -> DraftRecord | None: ...

    def intend_draft(self, key: str, thread_id: str, at: datetime) -> None: ...

    def confirm_draft(self, key: str, draft_id: str, message_id: str = "") -> None: ...

    def forget_intent(self, key: str) -> None: ...

    def set_draft_state(self, key: str, state: str, at: datetime, note: str = "") -> None: ...

    def open_drafts(self) -> list[DraftRecord]: ...

    def record_run(self, at: datetime, account: str, summary: dict[str, int], ok: bool) -> None: ...


class ThreadCache(Protocol):
    """What classification needs of every open thread, kept between runs."""

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str | None) -> None: ...

    def thread(self, thread_id: str) -> Thread | None: ...

    def threads(self, since: datetime) -> Iterator[Thread]: ...

    def put_threads(self, threads: Iterable[Thread]) -> None: ...

    def drop_threads(self, thread_ids: Iterable[str]) -> None: ...

    def known_message_ids(self) -> set[str]: ...

    def prune(self, before: datetime) -> int: ...
