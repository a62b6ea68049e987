"""Gmail's JSON resources to our part tree and messages. Gmail's camelCase stops here."""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime, tzinfo
from typing import Any

from inbox_assistant.domain.model import Message
from inbox_assistant.mail.message import build_message
from inbox_assistant.mail.parts import Part


def decode_data(data: str) -> bytes:
    """Gmail's base64url body data; Gmail strips the `=` padding, so put it back."""
    try:
        return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        return b""


def _charset(headers: list[dict[str, str]]) -> str:
    for header in headers:
        if header.get("name", "").lower() == "content-type":
            for param in header.get("value", "").split(";")[1:]:
                key, _, value = param.strip().partition("=")
                if key.lower() == "charset":
                    return value.strip().strip('"')
    return ""


def to_part(payload: dict[str, Any]) -> Part:
    headers_json = payload.get("headers") or []
    headers = tuple((h.get("name", ""), h.get("value", "")) for h in headers_json)
    body = payload.get("body") or {}
    data = decode_data(body["data"]) if body.get("data") else None
    return Part(
        mime_type=str(payload.get("mimeType", "text/plain")),
        headers=headers,
        data=data,
        filename=str(payload.get("filename", "")),
        charset=_charset(headers_json),
        parts=tuple(to_part(p) for p in payload.get("parts") or ()),
    )


def to_message(resource: dict[str, Any], tz: tzinfo) -> Message:
    """A message resource (format=full) as a domain message."""
    internal = resource.get("internalDate")
    date = (datetime.fromtimestamp(int(internal) / 1000, tz=UTC)
            if isinstance(internal, str) and internal.isdigit() else None)
    return build_message(
        to_part(resource.get("payload") or {}),
        message_id=str(resource["id"]),
        thread_id=str(resource.get("threadId", "")),
        labels=resource.get("labelIds") or (),
        internal_date=date,
        default_tz=tz,
    )
