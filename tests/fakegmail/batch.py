"""multipart/mixed batch requests (as googleapiclient's BatchHttpRequest sends them) and
multipart/related uploads: splitting, inner HTTP request parsing, and batch response building.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from email.message import Message

from .errors import HTTP_REASONS, JsonDict, bad_request

MAX_BATCH_PARTS = 100


@dataclass
class Part:
    headers: dict[str, str]  # lower-case names
    body: bytes


@dataclass
class InnerRequest:
    content_id: str  # without the angle brackets
    verb: str
    target: str
    headers: dict[str, str]  # lower-case names
    body: bytes


@dataclass
class InnerResponse:
    content_id: str
    status: int
    body: JsonDict | None
    headers: dict[str, str] = field(default_factory=dict)


def boundary_of(content_type: str) -> str | None:
    msg = Message()
    msg["Content-Type"] = content_type
    value = msg.get_param("boundary")
    return value if isinstance(value, str) and value else None


def _parse_header_lines(block: bytes) -> dict[str, str]:
    headers: dict[str, str] = {}
    last = ""
    for raw_line in block.split(b"\n"):
        line = raw_line.rstrip(b"\r").decode("utf-8", "replace")
        if not line:
            continue
        if line[0] in " \t" and last:
            headers[last] += " " + line.strip()
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise bad_request(f"Malformed header line {line!r}", "badRequest")
        last = name.strip().lower()
        headers[last] = value.strip()
    return headers


def _split_head(data: bytes) -> tuple[bytes, bytes]:
    """Split at the first empty line (CRLF or LF)."""
    candidates = [(data.find(sep), sep) for sep in (b"\r\n\r\n", b"\n\n")]
    found = [(pos, sep) for pos, sep in candidates if pos >= 0]
    if not found:
        return data, b""
    pos, sep = min(found)
    return data[:pos], data[pos + len(sep) :]


def split_multipart(body: bytes, boundary: str) -> list[Part]:
    delimiter = b"--" + boundary.encode("ascii", "replace")
    pieces = body.split(delimiter)
    if len(pieces) < 2:
        raise bad_request("Multipart body has no parts", "badRequest")
    parts: list[Part] = []
    for piece in pieces[1:]:
        if piece.startswith(b"--"):
            break
        chunk = piece
        newline = chunk.find(b"\n")
        if newline < 0:
            raise bad_request("Malformed multipart body", "badRequest")
        chunk = chunk[newline + 1 :]  # rest of the delimiter line
        if chunk.endswith(b"\r\n"):
            chunk = chunk[:-2]
        elif chunk.endswith(b"\n"):
            chunk = chunk[:-1]
        if chunk.startswith(b"\r\n") or chunk.startswith(b"\n"):
            head, payload = b"", chunk.split(b"\n", 1)[1]
        else:
            head, payload = _split_head(chunk)
        parts.append(Part(_parse_header_lines(head), payload))
    return parts


def parse_batch(content_type: str, body: bytes) -> list[InnerRequest]:
    if not content_type.lower().startswith("multipart/mixed"):
        raise bad_request("Batch requests must be multipart/mixed", "badRequest")
    boundary = boundary_of(content_type)
    if boundary is None:
        raise bad_request("Missing multipart boundary", "badRequest")
    parts = split_multipart(body, boundary)
    if len(parts) > MAX_BATCH_PARTS:
        raise bad_request(
            f"Too many requests in batch: {len(parts)} > {MAX_BATCH_PARTS}", "badRequest"
        )
    requests: list[InnerRequest] = []
    for index, part in enumerate(parts, start=1):
        ctype = part.headers.get("content-type", "")
        if not ctype.lower().startswith("application/http"):
            raise bad_request("Each batch part must be application/http", "badRequest")
        content_id = part.headers.get("content-id", "").strip()
        if content_id.startswith("<") and content_id.endswith(">"):
            content_id = content_id[1:-1]
        content_id = content_id or str(index)
        head, inner_body = _split_head(part.body.lstrip(b"\r\n"))
        line, _, header_block = head.partition(b"\n")
        words = line.rstrip(b"\r").decode("utf-8", "replace").split(" ")
        if len(words) != 3 or not words[2].startswith("HTTP/"):
            raise bad_request(f"Malformed request line in batch part {index}", "badRequest")
        headers = _parse_header_lines(header_block)
        length = headers.get("content-length")
        if length is not None and length.isdigit():
            inner_body = inner_body[: int(length)]
        requests.append(InnerRequest(content_id, words[0], words[1], headers, inner_body))
    return requests


def build_batch_response(responses: list[InnerResponse]) -> tuple[str, bytes]:
    """Return (content type, body) of a multipart/mixed batch response."""
    boundary = "batch_" + secrets.token_hex(12)
    chunks: list[str] = []
    for resp in responses:
        reason = HTTP_REASONS.get(resp.status, "Unknown")
        lines = [f"HTTP/1.1 {resp.status} {reason}"]
        payload = ""
        if resp.body is not None:
            payload = json.dumps(resp.body, indent=2)
            lines.append("Content-Type: application/json; charset=UTF-8")
        for name, value in resp.headers.items():
            lines.append(f"{name}: {value}")
        lines.append(f"Content-Length: {len(payload.encode('utf-8'))}")
        chunks.append(
            f"--{boundary}\r\n"
            "Content-Type: application/http\r\n"
            f"Content-ID: <response-{resp.content_id}>\r\n"
            "\r\n" + "\r\n".join(lines) + "\r\n\r\n" + payload + "\r\n"
        )
    chunks.append(f"--{boundary}--\r\n")
    return f"multipart/mixed; boundary={boundary}", "".join(chunks).encode("utf-8")
