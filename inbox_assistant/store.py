"""The state store: one SQLite file in the home directory, private to the user.

It remembers which follow-ups were drafted (so a draft is made once, and a draft the
user deleted is not made again) and the history of runs. Every write is a
transaction; the schema is versioned with `PRAGMA user_version`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from inbox_assistant.app.ports import DraftRecord
from inbox_assistant.domain.errors import StateError

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    key TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL,
    draft_id TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    state TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS drafts_thread ON drafts (thread_id);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    account TEXT NOT NULL,
    summary TEXT NOT NULL,
    ok INTEGER NOT NULL
);
"""


class Store:
    """Satisfies the app's StateStore port."""

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
        if version < SCHEMA_VERSION:
            # One script, one transaction: a migration is applied whole or not at all.
            self.db.executescript(
                f"BEGIN IMMEDIATE;{_SCHEMA}PRAGMA user_version = {SCHEMA_VERSION};COMMIT;")

    def close(self) -> None:
        self.db.close()

    def find_draft(self, key: str) -> DraftRecord | None:
        row = self.db.execute(
            "SELECT key, thread_id, draft_id, created_at, state FROM drafts WHERE key = ?",
            (key,)).fetchone()
        if row is None:
            return None
        return DraftRecord(row[0], row[1], row[2], datetime.fromisoformat(row[3]), row[4])

    def intend_draft(self, key: str, thread_id: str, at: datetime) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO drafts (key, thread_id, draft_id, created_at, state) "
            "VALUES (?, ?, '', ?, 'intended')", (key, thread_id, at.astimezone(UTC).isoformat()))

    def confirm_draft(self, key: str, draft_id: str) -> None:
        self.db.execute("UPDATE drafts SET draft_id = ?, state = 'pending' WHERE key = ?",
                        (draft_id, key))

    def forget_intent(self, key: str) -> None:
        self.db.execute("DELETE FROM drafts WHERE key = ? AND state = 'intended'", (key,))

    def drafts(self) -> list[DraftRecord]:
        rows = self.db.execute(
            "SELECT key, thread_id, draft_id, created_at, state FROM drafts ORDER BY created_at")
        return [DraftRecord(r[0], r[1], r[2], datetime.fromisoformat(r[3]), r[4]) for r in rows]

    def record_run(self, at: datetime, account: str, summary: dict[str, int], ok: bool) -> None:
        self.db.execute("INSERT INTO runs (at, account, summary, ok) VALUES (?, ?, ?, ?)",
                        (at.astimezone(UTC).isoformat(), account, json.dumps(summary), int(ok)))

    def runs(self, limit: int = 10) -> list[tuple[datetime, str, dict[str, int], bool]]:
        rows = self.db.execute(
            "SELECT at, account, summary, ok FROM runs ORDER BY id DESC LIMIT ?", (limit,))
        return [(datetime.fromisoformat(r[0]), r[1], json.loads(r[2]), bool(r[3])) for r in rows]


def _create_private(path: Path) -> None:
    """Create the file with 0600 from the start: there is no moment it is readable by others."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
