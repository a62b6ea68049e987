"""Read a Google Takeout mbox as threads: `X-GM-THRID` groups, `X-Gmail-Labels` labels."""

from __future__ import annotations

import email.header
import email.message
import email.policy
import mailbox
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import datetime, tzinfo
from pathlib import Path

from inbox_assistant.app.ports import Skipped
from inbox_assistant.domain.errors import InputFileError
from inbox_assistant.domain.model import Message, Thread
from inbox_assistant.mail.message import MessageParseError, build_message, part_from_email

# Takeout writes label names; the API (and our rules) speak label ids.
_LABEL_IDS = {
    "inbox": "INBOX", "sent": "SENT", "unread": "UNREAD", "important": "IMPORTANT",
    "starred": "STARRED", "draft": "DRAFT", "drafts": "DRAFT", "spam": "SPAM",
    "trash": "TRASH", "chat": "CHAT",
    "category promotions": "CATEGORY_PROMOTIONS", "category social": "CATEGORY_SOCIAL",
    "category updates": "CATEGORY_UPDATES", "category forums": "CATEGORY_FORUMS",
    "category personal": "CATEGORY_PERSONAL",
}
_SKIPPED_LABELS = frozenset({"CHAT", "SPAM", "TRASH"})
# Markers Takeout adds that are no Gmail label.
_TAKEOUT_ONLY = frozenset({"opened", "archived"})


def parse_labels(value: str) -> frozenset[str]:
    """Label ids from an `X-Gmail-Labels` value (names, comma-separated, maybe quoted)."""
    text = str(email.header.make_header(email.header.decode_header(value))) if value else ""
    names: list[str] = []
    current, quoted = "", False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    return frozenset(_LABEL_IDS.get(n.strip().lower(), n.strip()) for n in names
                     if n.strip() and n.strip().lower() not in _TAKEOUT_ONLY)


class MboxSource:
    """Satisfies the app's MailSource port from a Takeout mbox file."""

    def __init__(self, path: Path, tz: tzinfo, account: str = "") -> None:
        if not path.is_file():
            raise InputFileError(f"{path}: no such mbox file")
        self.path = path
        self.tz = tz
        self._account = account.lower()
        self._threads: dict[str, list[Message]] | None = None
        self._skipped: list[Skipped] = []
        self._sent_from: Counter[str] = Counter()

    def _load(self) -> dict[str, list[Message]]:
        if self._threads is not None:
            return self._threads
        threads: dict[str, list[Message]] = defaultdict(list)
        try:
            box = mailbox.mbox(self.path, factory=None, create=False)
            keys = list(box.keys())
        except (OSError, mailbox.Error) as exc:
            raise InputFileError(f"{self.path}: cannot read mbox: {exc}") from None
        for position, key in enumerate(keys):
            try:
                raw = box.get_bytes(key)
            except (OSError, KeyError, ValueError) as exc:
                self._skipped.append(Skipped(f"message {position}", f"unreadable: {exc}"))
                continue
            msg = email.message_from_bytes(_unescape(raw), policy=email.policy.compat32)
            labels = parse_labels(str(msg.get("X-Gmail-Labels", "")))
            if labels & _SKIPPED_LABELS:
                continue
            thrid = str(msg.get("X-GM-THRID", "")).strip()
            thread_id = format(int(thrid), "x") if thrid.isdigit() else (
                thrid or f"mbox-{position}")
            msgid = str(msg.get("X-GM-MSGID", "")).strip()
            message_id = format(int(msgid), "x") if msgid.isdigit() else f"{thread_id}-{position}"
            try:
                message = build_message(part_from_email(msg), message_id=message_id,
                                        thread_id=thread_id, labels=labels, default_tz=self.tz)
            except (MessageParseError, ValueError, LookupError) as exc:
                self._skipped.append(Skipped(thread_id, f"message {message_id}: {exc}"))
                continue
            if "SENT" in labels and message.sender.email:
                self._sent_from[message.sender.email] += 1
            threads[thread_id].append(message)
        self._threads = dict(threads)
        return self._threads

    def account(self) -> str:
        if self._account:
            return self._account
        self._load()
        if not self._sent_from:
            raise InputFileError(f"{self.path}: no message labelled Sent, so your address is "
                                 "unknown", hint="set `email` in config.toml")
        return self._sent_from.most_common(1)[0][0]

    def aliases(self) -> frozenset[str]:
        """Every address the user sent from, as seen in the Sent label."""
        self._load()
        return frozenset(self._sent_from)

    def threads(self, since: datetime, now: datetime, *,
                took_part_only: bool = True) -> Iterator[Thread | Skipped]:
        """Threads with a message in [since, now]; by default only those the user took
        part in (wrote, or was addressed), as the Gmail search finds them."""
        threads = self._load()
        yield from self._skipped
        me = {self.account()} | set(self.aliases())
        for thread_id, messages in threads.items():
            messages.sort(key=lambda m: m.date)
            if not any(since <= m.date <= now for m in messages):
                continue
            took_part = any(m.sender.email in me or any(a.email in me for a in m.recipients)
                            or "SENT" in m.labels for m in messages)
            if took_part_only and not took_part:
                continue
            yield Thread(thread_id, tuple(messages))


def _unescape(raw: bytes) -> bytes:
    """Undo mboxrd quoting: a body line ">From " was "From " before it was stored."""
    return _ESCAPED_FROM.sub(rb"\1", raw)


_ESCAPED_FROM = re.compile(rb"(?m)^>(>*From )")
