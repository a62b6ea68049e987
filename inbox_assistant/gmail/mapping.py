"""Gmail's JSON resources to our part tree and messages. Gmail's camelCase stops here."""

from __future__ import annotations

import base64
import binascii
import email.message
import re
from datetime import UTC, datetime, tzinfo
from typing import Any

from inbox_assistant.domain.model import Message
from inbox_assistant.mail.message import build_message
from inbox_assistant.mail.parts import MAX_DEPTH, Part

_NOT_BASE64URL = re.compile(r"[^A-Za-z0-9_-]")


def decode_data(data: str) -> bytes:
    """Gmail's base64url body data; Gmail strips the `=` padding, so put it back.

    Damaged data (stray characters, a cut-off last group) decodes as far as it goes.
    """
    clean = _NOT_BASE64URL.sub("", data.replace("+", "-").replace("/", "_"))
    if len(clean) % 4 == 1:
        clean = clean[:-1]  # a dangling sextet carries no whole byte
    try:
        return base64.urlsafe_b64decode(clean + "=" * (-len(clean) % 4))
    except (binascii.Error, ValueError):
        return b""


def _headers(payload: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    found = payload.get("headers")
    if not isinstance(found, list):
        return ()
    return tuple((str(h.get("name", "")), str(h.get("value", "")))
                 for h in found if isinstance(h, dict))


def to_part(payload: dict[str, Any], *, _depth: int = 0) -> Part:
    """A part tree from a message payload; tolerates missing or mistyped fields, and leaves
    out parts nested deeper than `MAX_DEPTH`."""
    headers = _headers(payload)
    # Parameters (charset) read as a mail client would, quoting and case included.
    params = email.message.Message()
    for key, value in headers:
        if key.lower() == "content-type":
            params[key] = value
    body = payload.get("body")
    encoded = body.get("data") if isinstance(body, dict) else None
    children = payload.get("parts")
    parts: tuple[Part, ...] = ()
    if isinstance(children, list) and _depth < MAX_DEPTH:
        parts = tuple(to_part(p, _depth=_depth + 1) for p in children if isinstance(p, dict))
    return Part(
        mime_type=str(payload.get("mimeType") or "text/plain"),
        headers=headers,
        data=decode_data(encoded) if isinstance(encoded, str) and encoded else None,
        filename=str(payload.get("filename") or ""),
        charset=params.get_content_charset() or "",
        parts=parts,
    )


def _internal_date(value: object) -> datetime | None:
    """Gmail's internalDate (epoch milliseconds, as a string); None when unreadable."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    try:
        return datetime.fromtimestamp(int(value[:20]) / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def to_message(resource: dict[str, Any], tz: tzinfo) -> Message:
    """A message resource (format=full) as a domain message.

    Raises MessageParseError (no usable date) or KeyError (no id).
    """
    payload = resource.get("payload")
    labels = resource.get("labelIds")
    return build_message(
        to_part(payload if isinstance(payload, dict) else {}),
        message_id=str(resource["id"]),
        thread_id=str(resource.get("threadId", "")),
        labels=[str(label) for label in labels] if isinstance(labels, list) else (),
        internal_date=_internal_date(resource.get("internalDate")),
        default_tz=tz,
    )
