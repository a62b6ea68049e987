"""Readable builders for test scenarios: domain threads and raw RFC 2822 messages."""

from __future__ import annotations

import email.policy
import email.utils
import itertools
from datetime import UTC, datetime, timedelta, tzinfo
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from inbox_assistant.domain.model import Address, Attachment, CalendarEvent, Me, Message, Thread
from inbox_assistant.domain.textdates import read_dates
from inbox_assistant.mail.text import split_reply

ME = Me(email="jordan@example.com", name="Jordan Reyes")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
_ids = itertools.count(1)


def ago(days: float = 0, hours: float = 0) -> datetime:
    return NOW - timedelta(days=days, hours=hours)


def addr(text: str) -> Address:
    name, email_ = email.utils.parseaddr(text)
    return Address(name, email_.lower())


def msg(
    sender: str,
    when: datetime,
    text: str = "",
    *,
    to: str = "jordan@example.com",
    cc: str = "",
    subject: str = "Hello",
    labels: tuple[str, ...] = (),
    attachments: tuple[str, ...] = (),
    events: tuple[CalendarEvent, ...] = (),
    headers: dict[str, str] | None = None,
    reply_to: str = "",
    tz: tzinfo = NEW_YORK,
) -> Message:
    """A parsed message, its dates read from `text` as the parser reads them."""
    number = next(_ids)
    parts = split_reply(text)
    return Message(
        id=f"m{number}",
        thread_id="t",
        sender=addr(sender),
        date=when,
        subject=subject,
        to=tuple(addr(a) for a in to.split(",") if a.strip()),
        cc=tuple(addr(a) for a in cc.split(",") if a.strip()),
        reply_to=tuple(addr(a) for a in reply_to.split(",") if a.strip()),
        message_id=f"<m{number}@mail.example>",
        labels=frozenset(labels),
        headers={k.lower(): v for k, v in (headers or {}).items()},
        new_text=parts.new,
        quoted_text=parts.quoted,
        signature=parts.signature,
        attachments=tuple(Attachment(a, "application/pdf") for a in attachments),
        events=events,
        dates=read_dates(parts.new, when, tz, auto_reply=True),
    )


def thread(*messages: Message, thread_id: str = "t") -> Thread:
    return Thread(thread_id, tuple(sorted(messages, key=lambda m: m.date)))


def raw_email(
    sender: str,
    to: str,
    subject: str,
    text: str,
    when: datetime,
    *,
    cc: str = "",
    message_id: str | None = None,
    in_reply_to: str = "",
    html: str = "",
    attachment: tuple[str, bytes, str] | None = None,
    calendar: str = "",
    extra_headers: dict[str, str] | None = None,
) -> bytes:
    """An RFC 2822 message as a mail client would write it."""
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = sender
    message["To"] = to
    if cc:
        message["Cc"] = cc
    message["Subject"] = subject
    message["Date"] = email.utils.format_datetime(when)
    message["Message-ID"] = message_id or f"<{next(_ids)}.test@mail.example>"
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    for key, value in (extra_headers or {}).items():
        message[key] = value
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    if calendar:
        message.add_alternative(calendar, subtype="calendar", params={"method": "REQUEST"})
    if attachment is not None:
        name, data, mime = attachment
        maintype, subtype = mime.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()
