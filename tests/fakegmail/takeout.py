"""Reading a Google Takeout mbox: X-GM-THRID -> thread id, X-Gmail-Labels -> label ids."""

from __future__ import annotations

import csv
import mailbox
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .mime import decode_words, first_header, scan_headers, strip_headers

TAKEOUT_LABELS: dict[str, str | None] = {
    "inbox": "INBOX",
    "sent": "SENT",
    "unread": "UNREAD",
    "draft": "DRAFT",
    "drafts": "DRAFT",
    "spam": "SPAM",
    "trash": "TRASH",
    "chat": "CHAT",
    "chats": "CHAT",
    "important": "IMPORTANT",
    "starred": "STARRED",
    "category promotions": "CATEGORY_PROMOTIONS",
    "category social": "CATEGORY_SOCIAL",
    "category updates": "CATEGORY_UPDATES",
    "category forums": "CATEGORY_FORUMS",
    "category personal": "CATEGORY_PERSONAL",
    "opened": None,  # Takeout-only markers with no Gmail label
    "archived": None,
    "": None,
}


@dataclass(frozen=True)
class TakeoutMessage:
    raw: bytes  # without the X-GM-THRID / X-Gmail-Labels headers
    thread_id: str | None  # hex of the decimal X-GM-THRID
    labels: list[str]  # system label ids, or user label names


def read_takeout(path: str | os.PathLike[str]) -> Iterator[TakeoutMessage]:
    box = mailbox.mbox(os.fspath(path), create=False)
    try:
        for key in box.iterkeys():
            # mboxrd: a body line ">From " was "From " before the mbox stored it.
            raw = re.sub(rb"(?m)^>(>*From )", rb"\1", box.get_bytes(key))
            headers = scan_headers(raw)
            thrid = (first_header(headers, "X-GM-THRID") or "").strip()
            labels: list[str] = []
            names_text = decode_words(first_header(headers, "X-Gmail-Labels") or "")
            for name in next(csv.reader([names_text], skipinitialspace=True), []):
                mapped = TAKEOUT_LABELS.get(name.strip().lower(), name.strip())
                if mapped is not None:
                    labels.append(mapped)
            yield TakeoutMessage(
                strip_headers(raw, {"x-gm-thrid", "x-gmail-labels"}),
                f"{int(thrid):x}" if thrid.isdigit() else None,
                labels,
            )
    finally:
        box.close()
