"""A labelled corpus on disk: pairs of `NAME.mbox` and `NAME.toml` in a directory.

NAME.toml says who owns the mailbox, when the threads are judged, and what each
thread should be::

    now = "2026-11-20T15:00:00Z"      # the moment of judgement (a thread may set its own)
    account = "you@example.com"       # the mailbox owner
    timezone = "America/New_York"

    [[thread]]
    thrid = "1815273649182736451"     # the X-GM-THRID of the thread, as a string
    situation = "resume_submitted"
    status = "due"
    overdue = false                   # optional
    note = "why, in a sentence"       # optional
"""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inbox_assistant.app.evaluate import Labelled
from inbox_assistant.domain.errors import InputFileError
from inbox_assistant.domain.model import Me, Thread
from inbox_assistant.domain.situations import Situation, Status
from inbox_assistant.mbox.reader import MboxSource

# Every thread of the file, whatever its dates.
_ALL_TIME = (datetime(1970, 1, 1, tzinfo=UTC), datetime(9999, 1, 1, tzinfo=UTC))


def _moment(value: Any, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise InputFileError(f"{where}: now = {value!r} is not an ISO-8601 time") from None
    if moment.tzinfo is None:
        raise InputFileError(f"{where}: now = {value!r} needs a time zone")
    return moment.astimezone(UTC)


def load_pair(labels_path: Path, mbox_path: Path, *, me_name: str = "") -> list[Labelled]:
    try:
        data = tomllib.loads(labels_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputFileError(f"{labels_path}: {exc}") from None
    where = str(labels_path)
    try:
        tz = ZoneInfo(str(data.get("timezone", "UTC")))
    except (ZoneInfoNotFoundError, ValueError):
        raise InputFileError(f"{where}: unknown timezone {data.get('timezone')!r}") from None
    default_now = _moment(data["now"], where) if "now" in data else None
    source = MboxSource(mbox_path, tz, str(data.get("account", "")))
    me = Me(email=source.account(), name=me_name, aliases=source.aliases())
    threads: dict[str, Thread] = {}
    for item in source.threads(*_ALL_TIME, took_part_only=False):
        if isinstance(item, Thread):
            threads[item.id] = item
    cases: list[Labelled] = []
    for index, entry in enumerate(data.get("thread", [])):
        here = f"{where}: thread[{index}]"
        thrid = str(entry.get("thrid", ""))
        thread_id = format(int(thrid), "x") if thrid.isdigit() else thrid
        if thread_id not in threads:
            raise InputFileError(f"{here}: no thread {thrid} in {mbox_path.name}")
        try:
            situation = Situation(entry["situation"])
            status = Status(entry["status"])
        except (KeyError, ValueError) as exc:
            raise InputFileError(f"{here}: bad or missing situation/status ({exc})") from None
        now = _moment(entry["now"], here) if "now" in entry else default_now
        if now is None:
            raise InputFileError(f"{here}: no `now`, in the thread or at the top of the file")
        overdue = entry.get("overdue")
        cases.append(Labelled(threads[thread_id], me, now, tz, situation, status,
                              overdue if isinstance(overdue, bool) else None,
                              str(entry.get("note", "")), f"{labels_path.name}:{thrid}"))
    return cases


def load_corpus(directory: Path) -> list[Labelled]:
    """Every labelled thread of every pair in the directory (or one pair's .toml file)."""
    if directory.is_file():
        pairs = [directory]
    elif directory.is_dir():
        pairs = sorted(p for p in directory.glob("*.toml"))
    else:
        raise InputFileError(f"{directory}: no such directory")
    cases: list[Labelled] = []
    for labels in pairs:
        mbox = labels.with_suffix(".mbox")
        if not mbox.exists() and labels.name.endswith(".expected.toml"):
            mbox = labels.with_name(labels.name.removesuffix(".expected.toml") + ".mbox")
        if not mbox.exists():
            continue
        cases += load_pair(labels, mbox)
    if not cases:
        raise InputFileError(f"{directory}: no labelled threads (pairs NAME.mbox + NAME.toml)")
    return cases
