"""Mailbox state of the fake: messages, threads, drafts, labels, history, cached listings."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import datetime

from .errors import bad_request, not_found
from .mime import (
    ParsedMessage,
    decode_words,
    first_header,
    message_ids,
    normalize_subject,
    parse_message,
    scan_headers,
)
from .query import CompiledQuery, QueryContext, compile_query

SYSTEM_LABELS: tuple[str, ...] = (
    "CHAT",
    "SENT",
    "INBOX",
    "IMPORTANT",
    "TRASH",
    "DRAFT",
    "SPAM",
    "CATEGORY_FORUMS",
    "CATEGORY_UPDATES",
    "CATEGORY_PERSONAL",
    "CATEGORY_PROMOTIONS",
    "CATEGORY_SOCIAL",
    "STARRED",
    "UNREAD",
)
_SYSTEM_ORDER = {label: index for index, label in enumerate(SYSTEM_LABELS)}
_FIRST_MESSAGE_ID = 0x19A0C3D400000000
_FIRST_DRAFT_ID = 7_351_200_000_000_000_000
_LIST_CACHE_LIMIT = 64


@dataclass(eq=False)
class StoredMessage:
    id: str
    thread_id: str
    raw: bytes
    labels: set[str]
    internal_ms: int
    history_id: int
    seq: int
    _headers: list[tuple[str, str]] | None = None
    _parsed: ParsedMessage | None = None
    _decoded: dict[str, str] = field(default_factory=dict)
    _text: str | None = None

    @property
    def is_draft(self) -> bool:
        return "DRAFT" in self.labels

    def headers(self) -> list[tuple[str, str]]:
        if self._headers is None:
            self._headers = scan_headers(self.raw)
        return self._headers

    def parsed(self) -> ParsedMessage:
        if self._parsed is None:
            self._parsed = parse_message(self.raw, self.id, self.headers())
        return self._parsed

    def header_text(self, name: str) -> str:
        cached = self._decoded.get(name)
        if cached is None:
            lname = name.lower()
            values = [decode_words(v) for n, v in self.headers() if n.lower() == lname]
            cached = self._decoded[name] = "\n".join(values).lower()
        return cached

    def body_text(self) -> str:
        if self._text is None:
            self._text = (self.header_text("subject") + "\n" + self.parsed().plain_text).lower()
        return self._text

    def has_attachment(self) -> bool:
        return self.parsed().has_attachment

    def mime_type(self) -> str:
        ctype = first_header(self.headers(), "Content-Type")
        if not ctype:
            return "text/plain"
        return ctype.split(";", 1)[0].strip().lower() or "text/plain"

    def sorted_labels(self) -> list[str]:
        return sorted(self.labels, key=lambda label: (_SYSTEM_ORDER.get(label, 99), label))


@dataclass(eq=False)
class Thread:
    id: str
    message_ids: list[str] = field(default_factory=list)


@dataclass(eq=False)
class Draft:
    id: str
    message_id: str


@dataclass(frozen=True)
class HistoryRecord:
    id: int
    kind: str  # messageAdded, messageDeleted, labelAdded, labelRemoved (labelChanged = both)
    message_id: str
    thread_id: str
    labels_after: tuple[str, ...]
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


class Mailbox:
    """All state; not thread-safe by itself (FakeGmail serialises access with a lock)."""

    def __init__(self, email: str) -> None:
        self.email = email
        self.messages: dict[str, StoredMessage] = {}
        self.threads: dict[str, Thread] = {}
        self.drafts: dict[str, Draft] = {}
        self.user_labels: dict[str, str] = {}  # id -> name
        self.history: list[HistoryRecord] = []
        self.history_ids: list[int] = []
        self.history_id = 1000
        self.history_floor = 0
        self._next_message = _FIRST_MESSAGE_ID
        self._next_draft = _FIRST_DRAFT_ID
        self._seq = 0
        self._list_cache: dict[tuple[object, ...], list[str]] = {}

    # ----------------------------------------------------------------------------- labels
    def label_id(self, name_or_id: str, *, create: bool) -> str | None:
        if name_or_id in _SYSTEM_ORDER or name_or_id in self.user_labels:
            return name_or_id
        upper = name_or_id.upper()
        if upper in _SYSTEM_ORDER:
            return upper
        wanted = _label_key(name_or_id)
        for label_id, name in self.user_labels.items():
            if _label_key(name) == wanted:
                return label_id
        if not create:
            return None
        label_id = f"Label_{len(self.user_labels) + 1}"
        self.user_labels[label_id] = name_or_id
        return label_id

    def label_name(self, label_id: str) -> str:
        return self.user_labels.get(label_id, label_id)

    def all_label_ids(self) -> list[str]:
        return list(SYSTEM_LABELS) + list(self.user_labels)

    # ----------------------------------------------------------------------------- history
    def _record(
        self,
        kind: str,
        msg: StoredMessage,
        added: tuple[str, ...] = (),
        removed: tuple[str, ...] = (),
    ) -> None:
        self.history_id += 1
        msg.history_id = self.history_id
        record = HistoryRecord(
            self.history_id,
            kind,
            msg.id,
            msg.thread_id,
            tuple(msg.sorted_labels()),
            added,
            removed,
        )
        self.history.append(record)
        self.history_ids.append(record.id)

    def history_after(self, start: int) -> list[HistoryRecord]:
        if start < self.history_floor:
            raise not_found()
        return self.history[bisect.bisect_right(self.history_ids, start) :]

    # ----------------------------------------------------------------------------- messages
    def new_message_id(self) -> str:
        self._next_message += 1
        return f"{self._next_message:x}"

    def add_message(
        self, raw: bytes, thread_id: str | None, labels: set[str], internal_ms: int
    ) -> StoredMessage:
        message_id = self.new_message_id()
        tid = thread_id or message_id
        self._seq += 1
        msg = StoredMessage(message_id, tid, raw, labels, internal_ms, 0, self._seq)
        self.messages[message_id] = msg
        self.threads.setdefault(tid, Thread(tid)).message_ids.append(message_id)
        self._record("messageAdded", msg)
        return msg

    def get_message(self, message_id: str) -> StoredMessage:
        msg = self.messages.get(message_id)
        if msg is None:
            raise not_found()
        return msg

    def delete_message(self, message_id: str) -> None:
        msg = self.messages.pop(message_id, None)
        if msg is None:
            raise KeyError(message_id)
        thread = self.threads[msg.thread_id]
        thread.message_ids.remove(message_id)
        if not thread.message_ids:
            del self.threads[msg.thread_id]
        for draft_id, draft in list(self.drafts.items()):
            if draft.message_id == message_id:
                del self.drafts[draft_id]
        self._record("messageDeleted", msg)

    def modify_labels(self, message_id: str, add: list[str], remove: list[str]) -> None:
        msg = self.messages.get(message_id)
        if msg is None:
            raise KeyError(message_id)
        added = tuple(label for label in dict.fromkeys(add) if label not in msg.labels)
        removed = tuple(
            label for label in dict.fromkeys(remove) if label in msg.labels and label not in add
        )
        if not added and not removed:
            return
        msg.labels.update(added)
        msg.labels.difference_update(removed)
        self._record("labelChanged", msg, added, removed)

    def thread_messages(self, thread_id: str) -> list[StoredMessage]:
        thread = self.threads.get(thread_id)
        if thread is None:
            raise not_found()
        msgs = [self.messages[mid] for mid in thread.message_ids]
        msgs.sort(key=lambda m: (m.internal_ms, m.seq))
        return msgs

    # ----------------------------------------------------------------------------- drafts
    def _draft_thread(self, raw_headers: list[tuple[str, str]], wanted: str | None) -> str | None:
        """Gmail's rule: a draft joins ``wanted`` only if that thread exists, the draft's
        In-Reply-To/References name the Message-ID of one of its messages, and both subjects
        match once leading Re:/Fwd:/Fw: prefixes are stripped. Otherwise: a new thread."""
        if not wanted or wanted not in self.threads:
            return None
        refs = set(message_ids(first_header(raw_headers, "In-Reply-To")))
        refs.update(message_ids(first_header(raw_headers, "References")))
        members = self.thread_messages(wanted)
        known: set[str] = set()
        for member in members:
            known.update(message_ids(first_header(member.headers(), "Message-ID")))
        if not refs & known:
            return None
        originals = [m for m in members if not m.is_draft] or members
        thread_subject = normalize_subject(first_header(originals[0].headers(), "Subject") or "")
        subject = normalize_subject(first_header(raw_headers, "Subject") or "")
        return wanted if subject == thread_subject else None

    def create_draft(self, raw: bytes, wanted_thread: str | None, internal_ms: int) -> Draft:
        tid = self._draft_thread(scan_headers(raw), wanted_thread)
        msg = self.add_message(raw, tid, {"DRAFT"}, internal_ms)
        self._next_draft += 1
        draft = Draft(f"r{self._next_draft}", msg.id)
        self.drafts[draft.id] = draft
        return draft

    def get_draft(self, draft_id: str) -> Draft:
        draft = self.drafts.get(draft_id)
        if draft is None:
            raise not_found()
        return draft

    def update_draft(
        self, draft_id: str, raw: bytes, wanted_thread: str | None, internal_ms: int
    ) -> Draft:
        draft = self.get_draft(draft_id)
        tid = self._draft_thread(scan_headers(raw), wanted_thread)
        old = draft.message_id
        msg = self.add_message(raw, tid, {"DRAFT"}, internal_ms)
        draft.message_id = msg.id
        self.delete_message(old)
        self.drafts[draft.id] = draft
        return draft

    def delete_draft(self, draft_id: str) -> None:
        draft = self.get_draft(draft_id)
        self.delete_message(draft.message_id)
        self.drafts.pop(draft_id, None)

    # ----------------------------------------------------------------------------- listing
    def _compile(self, q: str, now: datetime) -> CompiledQuery:
        ctx = QueryContext(self.email, now, lambda name: self.label_id(name, create=False))
        return compile_query(q, ctx)

    def _check_labels(self, label_ids: list[str]) -> None:
        for label in label_ids:
            if label not in _SYSTEM_ORDER and label not in self.user_labels:
                raise bad_request(f"Invalid label: {label}")

    def _cached(self, key: tuple[object, ...]) -> list[str] | None:
        return self._list_cache.get(key)

    def _store(self, key: tuple[object, ...], value: list[str]) -> list[str]:
        if len(self._list_cache) >= _LIST_CACHE_LIMIT:
            self._list_cache.clear()
        self._list_cache[key] = value
        return value

    def _matching(
        self,
        q: str,
        label_ids: list[str],
        include_spam_trash: bool,
        now: datetime,
        drafts_only: bool,
    ) -> tuple[list[StoredMessage], CompiledQuery]:
        self._check_labels(label_ids)
        compiled = self._compile(q, now)
        wanted = set(label_ids)
        mentions = compiled.mentions | wanted
        exclude = set()
        if not include_spam_trash and "anywhere" not in mentions:
            exclude = {"SPAM", "TRASH"} - mentions
        out: list[StoredMessage] = []
        predicate = compiled.predicate
        for msg in self.messages.values():
            if drafts_only and not msg.is_draft:
                continue
            if exclude and msg.labels & exclude:
                continue
            if wanted and not wanted <= msg.labels:
                continue
            if predicate(msg):
                out.append(msg)
        return out, compiled

    def list_message_ids(
        self, q: str, label_ids: list[str], include_spam_trash: bool, now: datetime
    ) -> list[str]:
        key = ("messages", q, tuple(label_ids), include_spam_trash, self.history_id, now)
        cached = self._cached(key)
        if cached is not None:
            return cached
        found, _ = self._matching(q, label_ids, include_spam_trash, now, False)
        found.sort(key=lambda m: (m.internal_ms, m.seq), reverse=True)
        return self._store(key, [m.id for m in found])

    def list_thread_ids(
        self, q: str, label_ids: list[str], include_spam_trash: bool, now: datetime
    ) -> list[str]:
        key = ("threads", q, tuple(label_ids), include_spam_trash, self.history_id, now)
        cached = self._cached(key)
        if cached is not None:
            return cached
        found, compiled = self._matching(q, label_ids, include_spam_trash, now, False)
        with_drafts = "DRAFT" in compiled.mentions or "DRAFT" in label_ids
        matched = {m.thread_id for m in found if with_drafts or not m.is_draft}
        latest: dict[str, tuple[int, int]] = {}
        for tid in matched:
            msgs = [self.messages[mid] for mid in self.threads[tid].message_ids]
            real = [m for m in msgs if not m.is_draft] or msgs
            latest[tid] = max((m.internal_ms, m.seq) for m in real)
        ordered = sorted(matched, key=lambda tid: latest[tid], reverse=True)
        return self._store(key, ordered)

    def list_draft_ids(self, q: str, include_spam_trash: bool, now: datetime) -> list[str]:
        key = ("drafts", q, include_spam_trash, self.history_id, now)
        cached = self._cached(key)
        if cached is not None:
            return cached
        found, _ = self._matching(q, [], include_spam_trash, now, True)
        by_message = {draft.message_id: draft.id for draft in self.drafts.values()}
        found.sort(key=lambda m: (m.internal_ms, m.seq), reverse=True)
        return self._store(key, [by_message[m.id] for m in found if m.id in by_message])

    def thread_history_id(self, thread_id: str) -> int:
        return max(self.messages[mid].history_id for mid in self.threads[thread_id].message_ids)

    def thread_snippet(self, thread_id: str) -> str:
        msgs = self.thread_messages(thread_id)
        real = [m for m in msgs if not m.is_draft] or msgs
        return real[-1].parsed().snippet


def _label_key(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").replace("_", " ").split())
