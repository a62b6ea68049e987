"""RFC 2822 / MIME helpers: build the pieces of Gmail's message resource from raw bytes."""

from __future__ import annotations

import base64
import contextlib
import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes
from email.header import decode_header, make_header
from email.message import Message
from email.policy import compat32
from email.utils import parsedate_to_datetime
from typing import Any

JsonDict = dict[str, Any]

_B64_RE = re.compile(r"^[A-Za-z0-9+/_-]*={0,2}$")
_MSGID_RE = re.compile(r"<[^<>\s]+>")
_SUBJECT_PREFIX_RE = re.compile(r"^(?:\s*(?:re|fwd|fw)\s*(?:\[\d+\])?\s*:)+", re.IGNORECASE)
_WS_RE = re.compile(r"\s+")
_TAG_RE = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_FOLD_RE = re.compile(r"\r?\n(?=[ \t])")
SNIPPET_CHARS = 100


def b64url_encode(data: bytes) -> str:
    """base64url without '=' padding, as Gmail returns body data."""
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def b64_decode(text: str) -> bytes:
    """Decode base64url (or standard base64), padding optional; ValueError when invalid."""
    value = text.strip()
    if not value or not _B64_RE.match(value):
        raise ValueError("invalid base64")
    value = value.rstrip("=").replace("+", "-").replace("/", "_")
    if len(value) % 4 == 1:
        raise ValueError("invalid base64 length")
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words; fall back to the raw value."""
    if "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(value)))
    except (ValueError, LookupError, UnicodeError):
        return value


def scan_headers(raw: bytes) -> list[tuple[str, str]]:
    """Top-level headers in original order, unfolded, values still RFC 2047-encoded."""
    headers: list[list[str]] = []
    pos = 0
    end = len(raw)
    while pos < end:
        nl = raw.find(b"\n", pos)
        line_end = end if nl < 0 else nl
        line = raw[pos:line_end]
        pos = line_end + 1
        if line.endswith(b"\r"):
            line = line[:-1]
        if not line:
            break
        text = line.decode("utf-8", "replace")
        if text[0] in " \t":
            if headers:
                headers[-1][1] += text
            continue
        name, sep, value = text.partition(":")
        if not sep or not name.strip() or " " in name.strip():
            continue
        headers.append([name.strip(), value.lstrip()])
    return [(name, value.rstrip()) for name, value in headers]


def header_date(headers: list[tuple[str, str]]) -> datetime | None:
    for name, value in headers:
        if name.lower() == "date":
            try:
                parsed = parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=UTC)
            return parsed
    return None


def first_header(headers: list[tuple[str, str]], name: str) -> str | None:
    lname = name.lower()
    for hname, value in headers:
        if hname.lower() == lname:
            return value
    return None


def message_ids(value: str | None) -> list[str]:
    return _MSGID_RE.findall(value or "")


def normalize_subject(subject: str) -> str:
    """Strip leading Re:/Fwd:/Fw: prefixes (repeated, case-insensitive) and squeeze spaces."""
    stripped = _SUBJECT_PREFIX_RE.sub("", decode_words(subject))
    return _WS_RE.sub(" ", stripped).strip()


def html_to_text(markup: str) -> str:
    return html.unescape(_TAG_RE.sub(" ", markup))


def escape_snippet(text: str) -> str:
    """Gmail HTML-escapes snippets (&#39; for apostrophes)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


@dataclass
class ParsedMessage:
    """Everything derived from a full MIME parse, cached per stored message."""

    payload: JsonDict
    plain_text: str
    snippet: str
    attachments: dict[str, bytes] = field(default_factory=dict)

    @property
    def has_attachment(self) -> bool:
        return bool(self.attachments)


def _part_headers(part: Message) -> list[JsonDict]:
    out: list[JsonDict] = []
    for name, value in part.raw_items():
        text = str(value)
        with contextlib.suppress(UnicodeError):
            text = text.encode("ascii", "surrogateescape").decode("utf-8", "replace")
        out.append({"name": name, "value": _FOLD_RE.sub("", text).strip()})
    return out


def _decode_text(data: bytes, part: Message) -> str:
    charset = part.get_content_charset() or "utf-8"
    try:
        return data.decode(charset, "replace")
    except LookupError:
        return data.decode("utf-8", "replace")


class _Builder:
    def __init__(self, message_id: str) -> None:
        self.message_id = message_id
        self.attachments: dict[str, bytes] = {}
        self.plain: list[str] = []
        self.html: list[str] = []

    def attachment_id(self, part_id: str) -> str:
        token = b64url_encode(f"{self.message_id}.{part_id or '-'}".encode())
        return f"ANGjdJ{token}"

    def build(self, part: Message, part_id: str, headers: list[JsonDict] | None) -> JsonDict:
        ctype = part.get_content_type()
        filename = decode_words(part.get_filename() or "")
        out: JsonDict = {
            "partId": part_id,
            "mimeType": ctype,
            "filename": filename,
            "headers": headers if headers is not None else _part_headers(part),
        }
        if ctype.startswith("multipart/") and part.is_multipart():
            out["body"] = {"size": 0}
            prefix = "" if part_id == "" else part_id + "."
            children = part.get_payload()
            assert isinstance(children, list)
            out["parts"] = [
                self.build(child, f"{prefix}{index}", None) for index, child in enumerate(children)
            ]
            return out
        if ctype == "message/rfc822" and part.is_multipart():
            inner = part.get_payload(0)
            data = inner.as_bytes() if isinstance(inner, Message) else b""
            is_attachment = True
        else:
            decoded = part.get_payload(decode=True)
            data = decoded if isinstance(decoded, bytes) else b""
            disposition = (part.get_content_disposition() or "").lower()
            is_attachment = bool(filename) or disposition == "attachment"
        if is_attachment:
            att_id = self.attachment_id(part_id)
            self.attachments[att_id] = data
            out["body"] = {"attachmentId": att_id, "size": len(data)}
            return out
        body: JsonDict = {"size": len(data)}
        if data:
            body["data"] = b64url_encode(data)
        out["body"] = body
        if ctype == "text/plain":
            self.plain.append(_decode_text(data, part))
        elif ctype == "text/html":
            self.html.append(_decode_text(data, part))
        return out


def parse_message(
    raw: bytes, message_id: str, root_headers: list[tuple[str, str]]
) -> ParsedMessage:
    msg = message_from_bytes(raw, policy=compat32)
    builder = _Builder(message_id)
    headers = [{"name": name, "value": value} for name, value in root_headers]
    payload = builder.build(msg, "", headers)
    if builder.plain:
        text = "\n".join(builder.plain)
    else:
        text = "\n".join(html_to_text(markup) for markup in builder.html)
    squeezed = _WS_RE.sub(" ", text).strip()
    return ParsedMessage(
        payload=payload,
        plain_text=text,
        snippet=escape_snippet(squeezed[:SNIPPET_CHARS]),
        attachments=builder.attachments,
    )


def metadata_payload(
    root_headers: list[tuple[str, str]], mime_type: str, wanted: list[str] | None
) -> JsonDict:
    """format=metadata payload: headers only (filtered case-insensitively when asked)."""
    if wanted:
        keep = {name.lower() for name in wanted}
        selected = [(n, v) for n, v in root_headers if n.lower() in keep]
    else:
        selected = list(root_headers)
    return {
        "partId": "",
        "mimeType": mime_type,
        "filename": "",
        "headers": [{"name": name, "value": value} for name, value in selected],
    }


def strip_headers(raw: bytes, names: set[str]) -> bytes:
    """Remove top-level header fields (and their continuation lines) by lower-case name."""
    out: list[bytes] = []
    pos = 0
    skipping = False
    while pos < len(raw):
        nl = raw.find(b"\n", pos)
        line_end = len(raw) if nl < 0 else nl + 1
        line = raw[pos:line_end]
        if line in (b"\n", b"\r\n"):
            out.append(raw[pos:])
            break
        if line[:1] in (b" ", b"\t"):
            if not skipping:
                out.append(line)
        else:
            name = line.split(b":", 1)[0].strip().lower().decode("latin-1")
            skipping = name in names
            if not skipping:
                out.append(line)
        pos = line_end
    return b"".join(out)
