"""Read a Google Takeout mbox as threads: `X-GM-THRID` groups, `X-Gmail-Labels` labels."""

from __future__ import annotations

import email.message
import email.parser
import email.policy
import mailbox
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path

from inbox_assistant.app.ports import Skipped
from inbox_assistant.domain.errors import InputFileError
from inbox_assistant.domain.model import Message, Thread
from inbox_assistant.mail.charsets import clean_header, raw_header_text
from inbox_assistant.mail.message import (
    MessageParseError,
    build_message,
    decode_header,
    parse_date,
    part_from_email,
)

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
    text = decode_header(value) if value else ""
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


@dataclass(slots=True)
class _Broken:
    """A thread with a message that cannot be read: the thread is skipped whole."""

    reason: str
    dates: list[datetime] = field(default_factory=list)


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
        self._broken: dict[str, _Broken] = {}
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
                stored = box.get_bytes(key, from_=True)
            except (OSError, KeyError, ValueError) as exc:
                self._skipped.append(Skipped(f"message {position}", f"unreadable: {exc}"))
                continue
            from_line, _, raw = stored.partition(b"\n")
            self._read(_unescape(raw), position, _from_line_date(from_line), threads)
        self._threads = dict(threads)
        return self._threads

    def _read(self, raw: bytes, position: int, stored_at: datetime | None,
              threads: dict[str, list[Message]]) -> None:
        problem = ""
        try:
            msg = email.message_from_bytes(raw, policy=email.policy.compat32)
        except RecursionError:
            # Multipart nested ~1,000 deep is beyond the stdlib's recursive parser: read the
            # headers alone, to know the thread to skip.
            msg = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(raw)
            problem = "MIME parts nested too deeply to read"
        labels = parse_labels(_header(msg, "x-gmail-labels"))
        if labels & _SKIPPED_LABELS:
            return
        thrid = clean_header(_header(msg, "x-gm-thrid"))
        # A thread id reaches a header of the draft (X-Inbox-Assistant) and a file name.
        thread_id = format(int(thrid), "x") if _GMAIL_ID.fullmatch(thrid) else (
            _UNSAFE_ID.sub("_", thrid)[:100] or f"mbox-{position}")
        msgid = clean_header(_header(msg, "x-gm-msgid"))
        message_id = (format(int(msgid), "x") if _GMAIL_ID.fullmatch(msgid)
                      else f"{thread_id}-{position}")
        if not problem:
            try:
                message = build_message(part_from_email(msg), message_id=message_id,
                                        thread_id=thread_id, labels=labels, default_tz=self.tz,
                                        fallback_date=stored_at)
            except (MessageParseError, ValueError, LookupError, RecursionError) as exc:
                problem = str(exc) or type(exc).__name__
        if problem:
            broken = self._broken.setdefault(thread_id, _Broken(f"message {message_id}: "
                                                                f"{problem}"))
            if stored_at is not None:
                broken.dates.append(stored_at)
            return
        if "SENT" in labels and message.sender.email:
            self._sent_from[message.sender.email] += 1
        threads[thread_id].append(message)

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
        for thread_id, broken in self._broken.items():
            # Reported when it may fall in the window (or nothing says when it was).
            dates = broken.dates + [m.date for m in threads.get(thread_id, [])]
            if not dates or any(since <= d <= now for d in dates):
                yield Skipped(thread_id, broken.reason)
        me = {self.account()} | set(self.aliases())
        for thread_id, messages in threads.items():
            if thread_id in self._broken:
                continue  # judged on some of its messages, a thread could be misjudged
            messages.sort(key=lambda m: m.date)
            # As Gmail's search does, only sent and received messages find a thread: one
            # that holds nothing but drafts is not a conversation yet.
            sent = [m for m in messages if not m.is_draft]
            if not any(since <= m.date <= now for m in sent):
                continue
            took_part = any(m.sender.email in me or any(a.email in me for a in m.recipients)
                            or "SENT" in m.labels for m in sent)
            if took_part_only and not took_part:
                continue
            yield Thread(thread_id, tuple(messages))


def _header(msg: email.message.Message, name: str) -> str:
    """The first value of a header, raw 8-bit bytes decoded; '' when absent."""
    for key, value in msg.raw_items():
        if key.lower() == name:
            return raw_header_text(str(value))
    return ""


# Gmail's ids are 64-bit numbers, written in decimal by Takeout.
_GMAIL_ID = re.compile(r"[0-9]{1,20}")
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")
# The date on an mbox From_ line, in asctime form ("Mon Oct 26 14:00:22 2026"); Takeout
# adds the offset ("Mon Oct 26 14:00:22 +0000 2026"). It says when Gmail stored the message.
_FROM_LINE_DATE = re.compile(
    rb"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +([A-Z][a-z]{2}) +([0-9]{1,2}) +"
    rb"([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)(?: +([+-][0-9]{4}))? +([0-9]{4})")


def _from_line_date(line: bytes) -> datetime | None:
    found = _FROM_LINE_DATE.search(line[:200])
    if found is None:
        return None
    month, day, time, zone, year = (g.decode("ascii") if g else "" for g in found.groups())
    return parse_date(f"{day} {month} {year} {time} {zone or '+0000'}")


def _unescape(raw: bytes) -> bytes:
    """Undo mboxrd quoting: a body line ">From " was "From " before it was stored."""
    return _ESCAPED_FROM.sub(rb"\1", raw)


_ESCAPED_FROM = re.compile(rb"(?m)^>(>*From )")
