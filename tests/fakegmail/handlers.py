"""Endpoint implementations of the fake Gmail API (one function per Gmail method)."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from .batch import boundary_of, split_multipart
from .errors import JsonDict, bad_request, not_found
from .fields import MESSAGE
from .mime import b64_decode, b64url_encode, metadata_payload
from .store import HistoryRecord, Mailbox, StoredMessage

T = TypeVar("T")


@dataclass
class Call:
    method: str
    args: dict[str, str]
    params: dict[str, list[str]]
    body: bytes
    headers: dict[str, str]
    upload: str
    now: datetime
    page_size: int

    def one(self, name: str, default: str = "") -> str:
        values = self.params.get(name)
        return values[-1] if values else default

    def many(self, name: str) -> list[str]:
        return list(self.params.get(name, []))

    def flag(self, name: str) -> bool:
        return self.one(name) == "true"

    @property
    def now_ms(self) -> int:
        return int(self.now.timestamp() * 1000)


# ------------------------------------------------------------------------------------- helpers
def _page_key(call: Call) -> int:
    parts = [call.method] + [
        f"{k}={v}"
        for k, v in sorted(call.params.items())
        if k in ("q", "labelIds", "labelId", "includeSpamTrash", "historyTypes", "startHistoryId")
    ]
    return zlib.crc32("|".join(parts).encode())


def _encode_token(call: Call, position: int) -> str:
    return b64url_encode(f"{position}:{_page_key(call):08x}".encode())


def _decode_token(call: Call) -> int:
    token = call.one("pageToken")
    if not token:
        return 0
    try:
        position_text, key = b64_decode(token).decode("ascii").split(":")
        position = int(position_text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise bad_request("Invalid pageToken") from exc
    if key != f"{_page_key(call):08x}" or position < 0:
        raise bad_request("Invalid pageToken (it belongs to a different request)")
    return position


def _page_size(call: Call) -> int:
    value = call.one("maxResults")
    if not value or int(value) == 0:
        return call.page_size
    return min(int(value), 500)


def paginate(call: Call, items: list[T]) -> tuple[list[T], str | None]:
    offset = _decode_token(call)
    size = _page_size(call)
    page = items[offset : offset + size]
    more = offset + size < len(items)
    return page, _encode_token(call, offset + size) if more else None


def _listing(key: str, items: list[JsonDict], token: str | None, total: int) -> JsonDict:
    out: JsonDict = {}
    if items:
        out[key] = items
    if token:
        out["nextPageToken"] = token
    out["resultSizeEstimate"] = total
    return out


def message_resource(msg: StoredMessage, fmt: str, wanted: list[str]) -> JsonDict:
    out: JsonDict = {"id": msg.id, "threadId": msg.thread_id}
    labels = msg.sorted_labels()
    if labels:
        out["labelIds"] = labels
    parsed = msg.parsed()
    out["snippet"] = parsed.snippet
    if fmt == "full":
        out["payload"] = parsed.payload
    elif fmt == "metadata":
        out["payload"] = metadata_payload(msg.headers(), msg.mime_type(), wanted)
    elif fmt == "raw":
        out["raw"] = b64url_encode(msg.raw)
    out["sizeEstimate"] = len(msg.raw)
    out["historyId"] = str(msg.history_id)
    out["internalDate"] = str(msg.internal_ms)
    return out


def _json_body(body: bytes) -> JsonDict:
    try:
        data = json.loads(body.decode("utf-8") or "null")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad_request("Invalid JSON payload received.", "parseError") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise bad_request("Invalid JSON payload received. Expected an object.")
    return data


def _check_keys(obj: JsonDict, allowed: set[str], where: str) -> None:
    for key in obj:
        if key not in allowed:
            raise bad_request(
                f"Invalid JSON payload received. Unknown name \"{key}\" at '{where}': "
                "Cannot find field.",
                "invalid",
            )


def _draft_input(call: Call) -> tuple[bytes, str | None, JsonDict]:
    """(raw message, requested threadId, draft JSON) from a JSON or upload request."""
    media: bytes | None = None
    if call.upload == "resumable":
        raise bad_request("Resumable uploads are not supported by the fake", "badRequest")
    if call.upload:
        upload_type = call.one("uploadType")
        content_type = call.headers.get("content-type", "")
        if upload_type == "media":
            draft: JsonDict = {}
            media = call.body
        elif upload_type == "multipart":
            boundary = boundary_of(content_type)
            if boundary is None or not content_type.startswith("multipart/related"):
                raise bad_request("Multipart upload needs multipart/related", "badRequest")
            parts = split_multipart(call.body, boundary)
            if len(parts) != 2:
                raise bad_request("Multipart upload needs exactly 2 parts", "badRequest")
            draft = _json_body(parts[0].body)
            media = parts[1].body
        else:
            raise bad_request("Upload requests need uploadType=media or multipart", "badRequest")
    else:
        draft = _json_body(call.body)
    _check_keys(draft, {"id", "message"}, "draft")
    message = draft.get("message")
    if message is None:
        message = {}
    if not isinstance(message, dict):
        raise bad_request("Invalid value at 'draft.message'")
    _check_keys(message, set(MESSAGE), "draft.message")
    thread_id = message.get("threadId")
    if thread_id is not None and not isinstance(thread_id, str):
        raise bad_request("Invalid value at 'draft.message.thread_id'")
    if media is not None:
        return media, thread_id, draft
    raw = message.get("raw")
    if not isinstance(raw, str) or not raw:
        raise bad_request("Missing draft message", "invalidArgument")
    try:
        decoded = b64_decode(raw)
    except ValueError as exc:
        raise bad_request(
            f"Invalid value at 'draft.message.raw' (TYPE_BYTES), Base64 decoding failed for "
            f'"{raw[:40]}"'
        ) from exc
    if not decoded.strip():
        raise bad_request("Missing draft message", "invalidArgument")
    return decoded, thread_id, draft


def _draft_created(mb: Mailbox, draft_id: str) -> JsonDict:
    draft = mb.get_draft(draft_id)
    msg = mb.get_message(draft.message_id)
    return {
        "id": draft.id,
        "message": {"id": msg.id, "threadId": msg.thread_id, "labelIds": msg.sorted_labels()},
    }


# ------------------------------------------------------------------------------------ handlers
def get_profile(mb: Mailbox, call: Call) -> JsonDict:
    return {
        "emailAddress": mb.email,
        "messagesTotal": len(mb.messages),
        "threadsTotal": len(mb.threads),
        "historyId": str(mb.history_id),
    }


def _label_resource(mb: Mailbox, label_id: str, counts: bool) -> JsonDict:
    out: JsonDict = {"id": label_id, "name": mb.label_name(label_id)}
    if label_id in mb.user_labels:
        out["messageListVisibility"] = "show"
        out["labelListVisibility"] = "labelShow"
    out["type"] = "user" if label_id in mb.user_labels else "system"
    if counts:
        msgs = [m for m in mb.messages.values() if label_id in m.labels]
        unread = [m for m in msgs if "UNREAD" in m.labels]
        out["messagesTotal"] = len(msgs)
        out["messagesUnread"] = len(unread)
        out["threadsTotal"] = len({m.thread_id for m in msgs})
        out["threadsUnread"] = len({m.thread_id for m in unread})
    return out


def labels_list(mb: Mailbox, call: Call) -> JsonDict:
    return {"labels": [_label_resource(mb, label, False) for label in mb.all_label_ids()]}


def labels_get(mb: Mailbox, call: Call) -> JsonDict:
    label = call.args["id"]
    if label not in mb.all_label_ids():
        raise not_found()
    return _label_resource(mb, label, True)


def threads_list(mb: Mailbox, call: Call) -> JsonDict:
    ids = mb.list_thread_ids(
        call.one("q"), call.many("labelIds"), call.flag("includeSpamTrash"), call.now
    )
    page, token = paginate(call, ids)
    items = [
        {"id": tid, "snippet": mb.thread_snippet(tid), "historyId": str(mb.thread_history_id(tid))}
        for tid in page
    ]
    return _listing("threads", items, token, len(ids))


def threads_get(mb: Mailbox, call: Call) -> JsonDict:
    tid = call.args["id"]
    msgs = mb.thread_messages(tid)
    fmt = call.one("format", "full")
    wanted = call.many("metadataHeaders")
    return {
        "id": tid,
        "historyId": str(mb.thread_history_id(tid)),
        "messages": [message_resource(m, fmt, wanted) for m in msgs],
    }


def messages_list(mb: Mailbox, call: Call) -> JsonDict:
    ids = mb.list_message_ids(
        call.one("q"), call.many("labelIds"), call.flag("includeSpamTrash"), call.now
    )
    page, token = paginate(call, ids)
    items = [{"id": mid, "threadId": mb.messages[mid].thread_id} for mid in page]
    return _listing("messages", items, token, len(ids))


def messages_get(mb: Mailbox, call: Call) -> JsonDict:
    msg = mb.get_message(call.args["id"])
    return message_resource(msg, call.one("format", "full"), call.many("metadataHeaders"))


def attachments_get(mb: Mailbox, call: Call) -> JsonDict:
    msg = mb.get_message(call.args["messageId"])
    data = msg.parsed().attachments.get(call.args["id"])
    if data is None:
        raise bad_request("Invalid attachment token", "invalidArgument")
    return {"size": len(data), "data": b64url_encode(data)}


def _history_types(record: HistoryRecord) -> set[str]:
    if record.kind == "labelChanged":
        kinds: set[str] = set()
        if record.added:
            kinds.add("labelAdded")
        if record.removed:
            kinds.add("labelRemoved")
        return kinds
    return {record.kind}


def _history_item(record: HistoryRecord, types: set[str] | None) -> JsonDict:
    ref: JsonDict = {"id": record.message_id, "threadId": record.thread_id}
    full: JsonDict = dict(ref)
    if record.labels_after:
        full["labelIds"] = list(record.labels_after)
    out: JsonDict = {"id": str(record.id), "messages": [ref]}
    kinds = _history_types(record) if types is None else _history_types(record) & types
    if "messageAdded" in kinds:
        out["messagesAdded"] = [{"message": full}]
    if "messageDeleted" in kinds:
        out["messagesDeleted"] = [{"message": full}]
    if "labelAdded" in kinds:
        out["labelsAdded"] = [{"message": full, "labelIds": list(record.added)}]
    if "labelRemoved" in kinds:
        out["labelsRemoved"] = [{"message": full, "labelIds": list(record.removed)}]
    return out


def history_list(mb: Mailbox, call: Call) -> JsonDict:
    start_text = call.one("startHistoryId")
    if not start_text:
        raise bad_request("Missing required parameter startHistoryId", "required")
    if not start_text.isdigit():
        raise bad_request(f"Invalid value at 'start_history_id' (TYPE_UINT64), \"{start_text}\"")
    start = int(start_text)
    records = mb.history_after(start)
    if call.one("pageToken"):
        cursor = _decode_token(call)
        records = mb.history_after(max(start, cursor))
    types = set(call.many("historyTypes")) or None
    label = call.one("labelId")
    size = _page_size(call)
    page: list[HistoryRecord] = []
    more = False
    for record in records:
        if types is not None and not (_history_types(record) & types):
            continue
        if label and label not in record.labels_after and label not in record.removed:
            continue
        if len(page) == size:
            more = True
            break
        page.append(record)
    out: JsonDict = {}
    if page:
        out["history"] = [_history_item(record, types) for record in page]
    if more:
        out["nextPageToken"] = _encode_token(call, page[-1].id)
    out["historyId"] = str(mb.history_id)
    return out


def drafts_list(mb: Mailbox, call: Call) -> JsonDict:
    ids = mb.list_draft_ids(call.one("q"), call.flag("includeSpamTrash"), call.now)
    page, token = paginate(call, ids)
    items = []
    for draft_id in page:
        msg = mb.messages[mb.drafts[draft_id].message_id]
        items.append({"id": draft_id, "message": {"id": msg.id, "threadId": msg.thread_id}})
    return _listing("drafts", items, token, len(ids))


def drafts_get(mb: Mailbox, call: Call) -> JsonDict:
    draft = mb.get_draft(call.args["id"])
    msg = mb.get_message(draft.message_id)
    return {"id": draft.id, "message": message_resource(msg, call.one("format", "full"), [])}


def drafts_create(mb: Mailbox, call: Call) -> JsonDict:
    raw, thread_id, _ = _draft_input(call)
    draft = mb.create_draft(raw, thread_id, call.now_ms)
    return _draft_created(mb, draft.id)


def drafts_update(mb: Mailbox, call: Call) -> JsonDict:
    mb.get_draft(call.args["id"])
    raw, thread_id, body = _draft_input(call)
    if body.get("id") not in (None, call.args["id"]):
        raise bad_request("Draft id in the body does not match the URL")
    draft = mb.update_draft(call.args["id"], raw, thread_id, call.now_ms)
    return _draft_created(mb, draft.id)


def drafts_delete(mb: Mailbox, call: Call) -> None:
    mb.delete_draft(call.args["id"])


HANDLERS: dict[str, Callable[[Mailbox, Call], JsonDict | None]] = {
    "getProfile": get_profile,
    "labels.list": labels_list,
    "labels.get": labels_get,
    "threads.list": threads_list,
    "threads.get": threads_get,
    "messages.list": messages_list,
    "messages.get": messages_get,
    "messages.attachments.get": attachments_get,
    "history.list": history_list,
    "drafts.list": drafts_list,
    "drafts.get": drafts_get,
    "drafts.create": drafts_create,
    "drafts.update": drafts_update,
    "drafts.delete": drafts_delete,
}
