"""Turn a parsed MIME tree and its metadata into a domain `Message`."""

from __future__ import annotations

import email.header
import email.message
import email.utils
import re
from collections.abc import Iterable
from datetime import UTC, datetime, tzinfo

from inbox_assistant.domain.model import Address, Attachment, CalendarEvent, Message
from inbox_assistant.domain.textdates import read_dates
from inbox_assistant.mail.ics import parse_calendar
from inbox_assistant.mail.parts import Part
from inbox_assistant.mail.text import html_to_text, split_reply

# Headers that carry routing and signatures, not meaning: dropped to keep messages small.
_DROPPED_HEADERS = frozenset({
    "received", "dkim-signature", "arc-seal", "arc-message-signature",
    "arc-authentication-results", "authentication-results", "x-received",
    "x-google-smtp-source", "x-gm-message-state", "x-google-dkim-signature",
    "received-spf", "x-ms-exchange-organization-authas", "content-transfer-encoding",
})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


class MessageParseError(ValueError):
    """A message whose essential parts cannot be understood."""


def decode_header(value: str) -> str:
    """An RFC 2047 header decoded to text, with every control character (CR, LF) removed."""
    try:
        pieces = email.header.decode_header(value)
    except (ValueError, LookupError):
        return _CONTROL.sub(" ", value).strip()
    out: list[str] = []
    for raw, charset in pieces:
        if isinstance(raw, bytes):
            try:
                out.append(raw.decode(charset or "utf-8"))
            except (LookupError, UnicodeDecodeError):
                out.append(raw.decode("latin-1"))
        else:
            out.append(raw)
    return _CONTROL.sub(" ", "".join(out)).strip()


def parse_addresses(values: Iterable[str]) -> tuple[Address, ...]:
    """Every valid address in these header values; malformed entries are dropped."""
    found: list[Address] = []
    for name, addr in email.utils.getaddresses([_CONTROL.sub(" ", v) for v in values]):
        addr = addr.strip().lower()
        if "@" not in addr or any(c.isspace() for c in addr):
            continue
        found.append(Address(name=decode_header(name).strip('"\' '), email=addr))
    return tuple(found)


def parse_date(value: str) -> datetime | None:
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _message_ids(value: str) -> tuple[str, ...]:
    return tuple(re.findall(r"<[^<>\s]+>", value))


def build_message(
    root: Part,
    *,
    message_id: str,
    thread_id: str,
    labels: Iterable[str] = (),
    internal_date: datetime | None = None,
    default_tz: tzinfo = UTC,
) -> Message:
    """A domain message from its MIME tree. `internal_date` (Gmail's) wins over `Date:`.

    Raises MessageParseError when the message has neither a sender nor any date.
    """
    headers: dict[str, str] = {}
    raw_values: dict[str, list[str]] = {}
    for name, value in root.headers:
        key = name.lower()
        raw_values.setdefault(key, []).append(value)
        if key not in _DROPPED_HEADERS and key not in headers:
            headers[key] = decode_header(value)

    senders = parse_addresses(raw_values.get("from", []))
    date = internal_date or parse_date(headers.get("date", ""))
    if date is None:
        raise MessageParseError("no usable date")
    sender = senders[0] if senders else Address(name="", email="")

    plain, html, attachments, events = _collect(root, default_tz)
    body = plain if plain.strip() else html_to_text(html) if html else ""
    reply = split_reply(body)
    sent = date.astimezone(UTC)
    return Message(
        id=message_id,
        thread_id=thread_id,
        sender=sender,
        date=date.astimezone(UTC),
        subject=headers.get("subject", ""),
        to=parse_addresses(raw_values.get("to", [])),
        cc=parse_addresses(raw_values.get("cc", [])),
        reply_to=parse_addresses(raw_values.get("reply-to", [])),
        message_id=(_message_ids(headers.get("message-id", "")) or ("",))[0],
        references=_message_ids(headers.get("references", "")),
        labels=frozenset(labels),
        headers=headers,
        new_text=reply.new,
        quoted_text=reply.quoted,
        signature=reply.signature,
        attachments=tuple(attachments),
        events=tuple(events),
        dates=read_dates(reply.new, sent, default_tz, auto_reply=True),
    )


def _collect(
    root: Part, default_tz: tzinfo
) -> tuple[str, str, list[Attachment], list[CalendarEvent]]:
    plain: list[str] = []
    html: list[str] = []
    attachments: list[Attachment] = []
    events: list[CalendarEvent] = []
    for part in root.walk():
        mime = part.mime_type.lower()
        if mime.startswith("multipart/"):
            continue
        if mime == "text/calendar":
            events.extend(parse_calendar(part.text(), default_tz))
            if part.filename:
                attachments.append(Attachment(decode_header(part.filename), mime))
            continue
        if part.is_attachment:
            if part.filename:
                attachments.append(Attachment(decode_header(part.filename), mime))
            continue
        if mime == "text/plain":
            plain.append(part.text())
        elif mime == "text/html":
            html.append(part.text())
    # A calendar invite often comes twice (inline and as invite.ics): keep one of each.
    unique_events = list(dict.fromkeys(events))
    return "\n".join(plain), "\n".join(html), attachments, unique_events


def part_from_email(msg: email.message.Message) -> Part:
    """A neutral part tree from a stdlib message (bodies transfer-decoded)."""
    headers = tuple((k, str(v)) for k, v in msg.items())
    if msg.is_multipart():
        children = msg.get_payload()
        parts = tuple(part_from_email(c) for c in children
                      if isinstance(c, email.message.Message)) if isinstance(children, list) else ()
        return Part(msg.get_content_type(), headers, parts=parts)
    payload = msg.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else None
    return Part(msg.get_content_type(), headers, data=data, filename=msg.get_filename() or "",
                charset=msg.get_content_charset() or "")
