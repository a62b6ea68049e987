"""Drafts as .eml files in a directory: the offline stand-in for Gmail's Drafts folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

from inbox_assistant.app.ports import CreatedDraft, DraftInfo
from inbox_assistant.drafts.compose import Draft

_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


class EmlDraftSink:
    """Satisfies the app's DraftSink port: one `<thread id>.eml` per draft."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, thread_id: str) -> Path:
        return self.directory / f"{_SAFE.sub('_', thread_id)}.eml"

    def list_drafts(self) -> list[DraftInfo]:
        if not self.directory.is_dir():
            return []
        return [DraftInfo(str(p), str(p), p.stem) for p in sorted(self.directory.glob("*.eml"))]

    def delete(self, draft_id: str) -> None:
        Path(draft_id).unlink(missing_ok=True)

    def create(self, draft: Draft) -> CreatedDraft:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self._path(draft.thread_id)
        temp = path.with_suffix(".eml.tmp")
        # Drafts hold mail text: private to the user, written whole or not at all.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(draft.as_bytes())
        temp.replace(path)
        return CreatedDraft(str(path))
