"""Turn a parsed MIME tree and its metadata into a domain `Message`."""

from __future__ import annotations

import email.message
import email.utils
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, tzinfo
from typing import Final

from inbox_assistant.domain.model import Address, Attachment, CalendarEvent, Message
from inbox_assistant.domain.textdates import TextDates, find_invitation_time, read_dates
from inbox_assistant.mail.charsets import (
    clean_header,
    decode_encoded_words,
    one_line,
    raw_header_text,
)
from inbox_assistant.mail.ics import parse_calendar
from inbox_assistant.mail.parts import MAX_DEPTH, Part
from inbox_assistant.mail.text import html_to_text, split_reply

# Headers that carry routing and signatures, not meaning: dropped to keep messages small.
_DROPPED_HEADERS = frozenset({
    "received", "dkim-signature", "arc-seal", "arc-message-signature",
    "arc-authentication-results", "authentication-results", "x-received",
    "x-google-smtp-source", "x-gm-message-state", "x-google-dkim-signature",
    "received-spf", "x-ms-exchange-organization-authas", "content-transfer-encoding",
})
# Limits that keep one monstrous message from stalling a scan or filling the cache:
# a header value longer than this is cut (RFC 5322 lines stop at 998 characters) ...
HEADER_LIMIT: Final = 16_384
# ... only the start of a huge body is read (a 25 MB text part is a log or a dump, never a
# reply; HTML has its own limit in `markup`) ...
TEXT_LIMIT: Final = 1_000_000
# ... and dates are looked for in the first 4,000 characters of the new text only (a long
# letter): reading them grows with the square of the dates a clause names (10 KB of
# "11/24 " took 8 s in domain.textdates).
DATES_LIMIT: Final = 4_000
# Message ids are printable ASCII without angle brackets; a References header keeps the
# first id (the thread's root) and the latest ones.
_MESSAGE_ID: Final = re.compile(r"<[!-;=?-~]{1,250}>")
_REFERENCES_KEPT: Final = 50
# A mailbox we can write to from a 7-bit draft: a dot-atom local part (no quoted strings,
# no UTF-8; no leading, trailing or doubled dot, on which Python's own address parser
# fails with TypeError once the address follows another) at a domain of LDH labels (IDNs
# are converted to their ASCII form).
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL_PART: Final = re.compile(rf"(?=.{{1,64}}$){_ATEXT}(?:\.{_ATEXT})*")
_DOMAIN: Final = re.compile(r"(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)*"
                            r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_FOLDING: Final = re.compile(r"\r?\n(?=[ \t])")
# Dates outside these bounds are a sender's broken clock (the epoch, year 0, 9999), and
# later date arithmetic on them would overflow.
_EARLIEST: Final = datetime(1980, 1, 1, tzinfo=UTC)
_LATEST: Final = datetime(2200, 1, 1, tzinfo=UTC)


class MessageParseError(ValueError):
    """A message whose essential parts cannot be understood."""


def decode_header(value: str) -> str:
    """A header value as one line of text; never raises.

    Folding is undone, RFC 2047 encoded words are decoded (leniently, see
    `decode_encoded_words`), raw 8-bit bytes read as UTF-8 or Windows-1252, and every
    control character and line break (CR, LF, NEL, U+2028) becomes a space: nothing
    taken from a header can start another header.
    """
    text = value[:HEADER_LIMIT]
    # Most values are plain printable ASCII with no encoded word: nothing to undo, decode or
    # clean but the spaces around them (what `_decoded_fully` would leave of them).
    if text.isascii() and text.isprintable() and "=?" not in text:
        return text.strip()
    return _decoded_fully(text)


def _decoded_fully(text: str) -> str:
    return clean_header(decode_encoded_words(_FOLDING.sub("", raw_header_text(text))))


def parse_addresses(values: Iterable[str]) -> tuple[Address, ...]:
    """Every valid address in these header values; malformed entries are dropped."""
    found: list[Address] = []
    for value in values:
        for name, addr in _getaddresses(one_line(raw_header_text(value[:HEADER_LIMIT]))):
            email_ = _mailbox(addr)
            if email_:
                found.append(Address(name=decode_header(name).strip('"\' '), email=email_))
            elif "=?" in addr:
                # The whole address sent as one encoded word, as some tools write it
                # ("=?utf-8?b?TsO6cmlh...?=" for "Núria Puig <nuria@example.com>"): read
                # once decoded. Only such an entry is: a comma decoded inside a name
                # elsewhere would split it.
                for inner_name, inner in _getaddresses(decode_header(f"{name} {addr}")):
                    email_ = _mailbox(inner)
                    if email_:
                        found.append(Address(name=inner_name.strip('"\' '), email=email_))
    return tuple(found)


def _getaddresses(value: str) -> list[tuple[str, str]]:
    try:
        return email.utils.getaddresses([value])
    except RecursionError:
        # Comments nest, and the stdlib reads them recursively: "((((...".
        return email.utils.getaddresses([value.replace("(", " ").replace(")", " ")])


def _mailbox(addr: str) -> str:
    """The address lower-cased, its domain in ASCII; '' when it is no usable address."""
    local, at, domain = addr.strip().rpartition("@")
    if not at or not _LOCAL_PART.fullmatch(local) or "=?" in local or "?=" in local:
        return ""  # no piece of an encoded word either, see `clean_header`
    domain = domain.rstrip(".")
    if not domain.isascii():
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            return ""
    if len(domain) > 253 or not _DOMAIN.fullmatch(domain):
        return ""
    return f"{local}@{domain}".lower()


def parse_date(value: str) -> datetime | None:
    """A `Date:` value in UTC; None when unreadable or implausible (before 1980, after 2200)."""
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return plausible(parsed)


def plausible(moment: datetime | None) -> datetime | None:
    """The moment in UTC if it can be the date of a message, else None."""
    if moment is None:
        return None
    try:
        moment = moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    return moment if _EARLIEST <= moment < _LATEST else None


def _message_ids(value: str) -> tuple[str, ...]:
    # An id holding "=?" is dropped: the email package decodes encoded words even inside
    # a token, so a draft's In-Reply-To could end in a CR LF and a header of the sender's.
    return tuple(found for found in _MESSAGE_ID.findall(value) if "=?" not in found)


def _references(value: str) -> tuple[str, ...]:
    ids = _message_ids(value)
    if len(ids) <= _REFERENCES_KEPT:
        return ids
    return (ids[0], *ids[-(_REFERENCES_KEPT - 1):])


def build_message(
    root: Part,
    *,
    message_id: str,
    thread_id: str,
    labels: Iterable[str] = (),
    internal_date: datetime | None = None,
    default_tz: tzinfo = UTC,
    fallback_date: datetime | None = None,
) -> Message:
    """A domain message from its MIME tree.

    The date is `internal_date` (Gmail's), else the first readable `Date:`, else
    `fallback_date` (an mbox's From_ line); dates before 1980 or after 2200 count as
    unreadable. Of duplicated headers the first counts (every From, To and Cc is read for
    addresses). Only the start of a huge body is read. Header text never holds a control
    character or line break. Raises MessageParseError, and nothing else, when the message
    has no usable date.
    """
    headers: dict[str, str] = {}
    raw_values: dict[str, list[str]] = {}
    for name, value in root.headers:
        key = name.lower()
        raw_values.setdefault(key, []).append(value)
        if key not in _DROPPED_HEADERS and key not in headers:
            headers[key] = decode_header(value)

    senders = parse_addresses(raw_values.get("from", []))
    written = (parse_date(decode_header(v)) for v in raw_values.get("date", []))
    date = (plausible(internal_date) or next((d for d in written if d is not None), None)
            or plausible(fallback_date))
    if date is None:
        raise MessageParseError("no usable date")
    sender = senders[0] if senders else Address(name="", email="")

    plain, html, attachments, events = _collect(root, default_tz)
    body = plain if plain.strip() else html_to_text(html) if html else ""
    reply = split_reply(body)
    return Message(
        id=message_id,
        thread_id=thread_id,
        sender=sender,
        date=date,
        subject=headers.get("subject", ""),
        to=parse_addresses(raw_values.get("to", [])),
        cc=parse_addresses(raw_values.get("cc", [])),
        reply_to=parse_addresses(raw_values.get("reply-to", [])),
        message_id=(_message_ids(_first(raw_values, "message-id")) or ("",))[0],
        references=_references(_first(raw_values, "references")),
        labels=frozenset(labels),
        headers=headers,
        new_text=reply.new,
        quoted_text=reply.quoted,
        signature=reply.signature,
        attachments=tuple(attachments),
        events=tuple(events),
        dates=message_dates(reply.new, headers.get("subject", ""), date, default_tz),
    )


def message_dates(new_text: str, subject: str, date: datetime, default_tz: tzinfo) -> TextDates:
    """The dates of a message's new text; a calendar invitation's subject may give the
    meeting. Also used to read a cached message again with a better reader."""
    dates = read_dates(new_text[:DATES_LIMIT], date, default_tz, auto_reply=True)
    if dates.meeting is None:
        meeting = find_invitation_time(subject, date, default_tz)
        if meeting is not None:
            return replace(dates, meeting=meeting)
    return dates


def _first(raw_values: dict[str, list[str]], key: str) -> str:
    return raw_values.get(key, [""])[0]


def _collect(
    root: Part, default_tz: tzinfo
) -> tuple[str, str, list[Attachment], list[CalendarEvent]]:
    plain: list[str] = []
    html: list[str] = []
    read = {"text/plain": 0, "text/html": 0}  # characters so far, against TEXT_LIMIT
    attachments: list[Attachment] = []
    events: list[CalendarEvent] = []
    for part in root.walk():
        mime = part.mime_type.lower()
        if mime.startswith("multipart/"):
            continue
        if mime == "text/calendar":
            events.extend(parse_calendar(part.text()[:TEXT_LIMIT], default_tz))
            if part.filename:
                attachments.append(Attachment(decode_header(part.filename), mime))
            continue
        if part.is_attachment:
            if part.filename:
                attachments.append(Attachment(decode_header(part.filename), mime))
            continue
        if mime in read and read[mime] < TEXT_LIMIT:
            text = part.text()[:TEXT_LIMIT - read[mime]]
            read[mime] += len(text)
            (plain if mime == "text/plain" else html).append(text)
    # A calendar invite often comes twice (inline and as invite.ics): keep one of each.
    unique_events = list(dict.fromkeys(events))
    return "\n".join(plain), "\n".join(html), attachments, unique_events


def part_from_email(msg: email.message.Message, *, _depth: int = 0) -> Part:
    """A neutral part tree from a stdlib message (bodies transfer-decoded); never raises.

    Raw 8-bit header bytes are decoded (see `raw_header_text`); parts nested deeper than
    `MAX_DEPTH` are left out.
    """
    headers = tuple((str(k), raw_header_text(v) if isinstance(v, str) else str(v))
                    for k, v in msg.raw_items())
    # Content-Type and Content-Disposition parameters, read from the decoded values: the
    # stdlib would turn raw 8-bit bytes in a file name into U+FFFD.
    params = email.message.Message()
    for key, value in headers:
        if key.lower() in ("content-type", "content-disposition"):
            params[key] = _FOLDING.sub("", value)
    mime = params.get_content_type()
    if msg.is_multipart():
        children = msg.get_payload()
        parts = () if _depth >= MAX_DEPTH or not isinstance(children, list) else tuple(
            part_from_email(c, _depth=_depth + 1) for c in children
            if isinstance(c, email.message.Message))
        return Part(mime, headers, parts=parts)
    if mime.startswith("multipart/"):
        # A multipart without a usable boundary: the stdlib keeps its body as one text.
        mime = "text/plain"
    try:
        payload = msg.get_payload(decode=True)
    except (ValueError, TypeError, LookupError):  # a transfer encoding beyond repair
        payload = None
    return Part(mime, headers, data=payload if isinstance(payload, bytes) else None,
                filename=_filename(params), charset=params.get_content_charset() or "")


def _filename(params: email.message.Message) -> str:
    try:
        return one_line(params.get_filename() or "")  # encoded words are decoded later
    except (UnicodeError, LookupError, ValueError):
        # RFC 2231 names in a charset that cannot decode them ("idna''%FF").
        return "unnamed"
