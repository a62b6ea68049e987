"""The state store: one SQLite file in the home directory, private to the user.

It remembers which follow-ups were drafted (so a draft is made once, and a draft the
user deleted is not made again), the history of runs, the sync checkpoint, and what
classification needs of every open thread (so that a run with no mailbox change
costs no Gmail call beyond the history check). Every write is a transaction; the
schema is versioned with `PRAGMA user_version` and migrated step by step.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inbox_assistant.app.ports import DraftRecord
from inbox_assistant.domain.errors import StateError
from inbox_assistant.domain.model import (
    Address,
    Attachment,
    CalendarEvent,
    EventMethod,
    Message,
    Thread,
)
from inbox_assistant.domain.textdates import Mention, TextDates

# Each entry takes the schema from its index to the next version; never edit one that
# has shipped: append a new step.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL,
        draft_id TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        state TEXT NOT NULL
    );
    CREATE INDEX drafts_thread ON drafts (thread_id);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        account TEXT NOT NULL,
        summary TEXT NOT NULL,
        ok INTEGER NOT NULL
    );
    """,
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE threads (
        id TEXT PRIMARY KEY,
        last_date TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE messages (id TEXT PRIMARY KEY, thread_id TEXT NOT NULL);
    CREATE INDEX messages_thread ON messages (thread_id);
    """,
    """
    ALTER TABLE drafts ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE drafts ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE drafts ADD COLUMN note TEXT NOT NULL DEFAULT '';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
# Quoted history is kept for conditions on the whole thread, not in full.
_QUOTE_LIMIT = 4000
# The meta key naming the reader of the kept messages' dates, and how many threads are read
# again in one transaction.
_DATES_READER = "dates_reader"
_REREAD_BATCH = 500


class Store:
    """Satisfies the app's StateStore and ThreadCache ports."""

    def __init__(self, path: Path) -> None:
        self.path = path
        _create_private(path)
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA busy_timeout=5000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StateError(f"{path}: not a usable state database ({exc})",
                             hint="move the file aside; a new one is created on the next run"
                             ) from None

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StateError(f"{self.path}: written by a newer inbox-assistant "
                             f"(schema {version})", hint="upgrade inbox-assistant")
        for step in range(version, SCHEMA_VERSION):
            # One script, one transaction: a migration step is applied whole or not at all.
            self.db.executescript(
                f"BEGIN IMMEDIATE;{MIGRATIONS[step]}PRAGMA user_version = {step + 1};COMMIT;")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    # --- drafts and runs ------------------------------------------------------------

    _DRAFT_COLUMNS = "key, thread_id, draft_id, created_at, state, message_id, updated_at, note"

    def find_draft(self, key: str) -> DraftRecord | None:
        row = self.db.execute(f"SELECT {self._DRAFT_COLUMNS} FROM drafts WHERE key = ?",
                              (key,)).fetchone()
        return _draft(row) if row else None

    def intend_draft(self, key: str, thread_id: str, at: datetime) -> None:
        """Recorded before the draft is created: a crash in between leaves a trace."""
        stamp = at.astimezone(UTC).isoformat()
        self.db.execute(
            "INSERT OR REPLACE INTO drafts (key, thread_id, draft_id, created_at, state, "
            "message_id, updated_at) VALUES (?, ?, '', ?, 'intended', '', ?)",
            (key, thread_id, stamp, stamp))

    def confirm_draft(self, key: str, draft_id: str, message_id: str = "") -> None:
        self.db.execute("UPDATE drafts SET draft_id = ?, message_id = ?, state = 'pending' "
                        "WHERE key = ?", (draft_id, message_id, key))

    def forget_intent(self, key: str) -> None:
        self.db.execute("DELETE FROM drafts WHERE key = ? AND state = 'intended'", (key,))

    def set_draft_state(self, key: str, state: str, at: datetime, note: str = "") -> None:
        self.db.execute("UPDATE drafts SET state = ?, updated_at = ?, note = ? WHERE key = ?",
                        (state, at.astimezone(UTC).isoformat(), note, key))

    def open_drafts(self) -> list[DraftRecord]:
        """Drafts whose fate is not known yet: being created, or waiting for the user."""
        rows = self.db.execute(f"SELECT {self._DRAFT_COLUMNS} FROM drafts "
                               "WHERE state IN ('intended', 'pending') ORDER BY created_at")
        return [_draft(r) for r in rows]

    def drafts(self) -> list[DraftRecord]:
        rows = self.db.execute(f"SELECT {self._DRAFT_COLUMNS} FROM drafts ORDER BY created_at")
        return [_draft(r) for r in rows]

    def record_run(self, at: datetime, account: str, summary: dict[str, int], ok: bool) -> None:
        self.db.execute("INSERT INTO runs (at, account, summary, ok) VALUES (?, ?, ?, ?)",
                        (at.astimezone(UTC).isoformat(), account, json.dumps(summary), int(ok)))

    def runs(self, limit: int = 10) -> list[tuple[datetime, str, dict[str, int], bool]]:
        rows = self.db.execute(
            "SELECT at, account, summary, ok FROM runs ORDER BY id DESC LIMIT ?", (limit,))
        return [(datetime.fromisoformat(r[0]), r[1], json.loads(r[2]), bool(r[3])) for r in rows]

    # --- the thread cache -----------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self.db.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                            (key, value))

    def thread(self, thread_id: str) -> Thread | None:
        row = self.db.execute("SELECT data FROM threads WHERE id = ?", (thread_id,)).fetchone()
        return thread_from_json(row[0]) if row else None

    def threads(self, since: datetime) -> Iterator[Thread]:
        rows = self.db.execute("SELECT data FROM threads WHERE last_date >= ? ORDER BY id",
                               (since.astimezone(UTC).isoformat(),)).fetchall()
        for (data,) in rows:
            yield thread_from_json(data)

    def put_threads(self, threads: Iterable[Thread]) -> None:
        with self._transaction():
            for thread in threads:
                if not thread.messages:
                    continue
                last = max(m.date for m in thread.messages).astimezone(UTC).isoformat()
                self.db.execute("INSERT OR REPLACE INTO threads (id, last_date, data) "
                                "VALUES (?, ?, ?)", (thread.id, last, thread_to_json(thread)))
                self.db.execute("DELETE FROM messages WHERE thread_id = ?", (thread.id,))
                self.db.executemany("INSERT OR REPLACE INTO messages (id, thread_id) VALUES (?, ?)",
                                    [(m.id, thread.id) for m in thread.messages])

    def reread_dates(self, reader: str, read: Callable[[Message], TextDates]) -> int:
        """Read the dates of every kept message again when `reader` (the edition of the
        date finders and the time zone they read in) is not the one that read them.

        A better reader then reaches mail read by an older one, and a thread whose text
        does not change keeps no stale promise. Returns how many threads were read again.
        Done in batches; until the last one is written the reader is not recorded, so an
        interrupted pass is simply done again.
        """
        if self.get_meta(_DATES_READER) == reader:
            return 0
        ids = [row[0] for row in self.db.execute("SELECT id FROM threads ORDER BY id")]
        for start in range(0, len(ids), _REREAD_BATCH):
            batch = [self.thread(thread_id) for thread_id in ids[start:start + _REREAD_BATCH]]
            self.put_threads(
                Thread(t.id, tuple(replace(m, dates=read(m)) for m in t.messages))
                for t in batch if t is not None)
        self.set_meta(_DATES_READER, reader)
        return len(ids)

    def drop_threads(self, thread_ids: Iterable[str]) -> None:
        with self._transaction():
            for thread_id in thread_ids:
                self.db.execute("DELETE FROM threads WHERE id = ?", (thread_id,))
                self.db.execute("DELETE FROM messages WHERE thread_id = ?", (thread_id,))

    def known_message_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT id FROM messages")}

    def prune(self, before: datetime) -> int:
        """Forget threads with no message since `before`: they are out of every window."""
        cutoff = before.astimezone(UTC).isoformat()
        with self._transaction():
            self.db.execute("DELETE FROM messages WHERE thread_id IN "
                            "(SELECT id FROM threads WHERE last_date < ?)", (cutoff,))
            cursor = self.db.execute("DELETE FROM threads WHERE last_date < ?", (cutoff,))
        return cursor.rowcount

    # --- read-only checks -------------------------------------------------------------

    def integrity(self) -> list[str]:
        """SQLite's quick check of the file: nothing when it is sound, else its findings."""
        found = [str(row[0]) for row in self.db.execute("PRAGMA quick_check").fetchall()]
        return [] if found == ["ok"] else found


def _draft(row: Any) -> DraftRecord:
    updated = datetime.fromisoformat(row[6]) if row[6] else None
    return DraftRecord(row[0], row[1], row[2], datetime.fromisoformat(row[3]), row[4],
                       row[5], updated, row[7])


def _create_private(path: Path) -> None:
    """Create the file with 0600 from the start: there is no moment it is readable by others."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


# --- threads as JSON ----------------------------------------------------------------

def _addr(a: Address) -> list[str]:
    return [a.name, a.email]


def _message_json(m: Message) -> dict[str, Any]:
    return {
        "id": m.id, "sender": _addr(m.sender), "date": m.date.isoformat(),
        "subject": m.subject, "to": [_addr(a) for a in m.to], "cc": [_addr(a) for a in m.cc],
        "reply_to": [_addr(a) for a in m.reply_to], "message_id": m.message_id,
        "references": list(m.references), "labels": sorted(m.labels),
        "headers": dict(m.headers), "new_text": m.new_text,
        "quoted_text": m.quoted_text[:_QUOTE_LIMIT], "signature": m.signature,
        "attachments": [[a.filename, a.mime_type] for a in m.attachments],
        "events": [[e.summary, e.start.isoformat(), e.end.isoformat(), e.method.value,
                    e.organizer, e.cancelled] for e in m.events],
        "dates": [_mention_json(x) for x in (m.dates.promise, m.dates.deadline,
                                              m.dates.meeting, m.dates.back, m.dates.ahead)],
    }


def _mention_json(mention: Mention | None) -> list[Any] | None:
    return None if mention is None else [mention.at.isoformat(), mention.phrase, mention.all_day]


def _mention(data: list[Any] | None) -> Mention | None:
    return None if data is None else Mention(datetime.fromisoformat(data[0]), data[1], data[2])


def thread_to_json(thread: Thread) -> str:
    return json.dumps({"id": thread.id, "messages": [_message_json(m) for m in thread.messages]},
                      ensure_ascii=False, separators=(",", ":"))


def _message_from(thread_id: str, d: dict[str, Any]) -> Message:
    def addresses(items: list[list[str]]) -> tuple[Address, ...]:
        return tuple(Address(n, e) for n, e in items)

    return Message(
        id=d["id"], thread_id=thread_id, sender=Address(*d["sender"]),
        date=datetime.fromisoformat(d["date"]), subject=d["subject"],
        to=addresses(d["to"]), cc=addresses(d["cc"]), reply_to=addresses(d["reply_to"]),
        message_id=d["message_id"], references=tuple(d["references"]),
        labels=frozenset(d["labels"]), headers=d["headers"], new_text=d["new_text"],
        quoted_text=d["quoted_text"], signature=d["signature"],
        attachments=tuple(Attachment(f, t) for f, t in d["attachments"]),
        events=tuple(CalendarEvent(s, datetime.fromisoformat(a), datetime.fromisoformat(b),
                                   EventMethod(m), o, c) for s, a, b, m, o, c in d["events"]),
        dates=TextDates(*(_mention(x) for x in d["dates"])),
    )


def thread_from_json(text: str) -> Thread:
    data = json.loads(text)
    return Thread(data["id"], tuple(_message_from(data["id"], m) for m in data["messages"]))
