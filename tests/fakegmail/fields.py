"""Google partial-response (``fields=``) parsing, validation against the Gmail schemas, and
application to a JSON response.

Supported syntax: ``a,b``, ``a/b/c``, ``a(b,c/d)``, nesting, and ``*``. A selector naming a
field the response schema does not have is a 400, as on Google's servers.
"""

from __future__ import annotations

from typing import Any

from .errors import ApiError, bad_request

Schema = dict[str, Any]  # field name -> nested Schema, or None for a scalar
FieldTree = dict[str, "FieldTree | None"]

HEADER: Schema = {"name": None, "value": None}
BODY: Schema = {"attachmentId": None, "size": None, "data": None}
PART: Schema = {
    "partId": None,
    "mimeType": None,
    "filename": None,
    "headers": HEADER,
    "body": BODY,
}
PART["parts"] = PART
MESSAGE: Schema = {
    "id": None,
    "threadId": None,
    "labelIds": None,
    "snippet": None,
    "historyId": None,
    "internalDate": None,
    "payload": PART,
    "sizeEstimate": None,
    "raw": None,
    "classificationLabelValues": None,
}
THREAD: Schema = {"id": None, "snippet": None, "historyId": None, "messages": MESSAGE}
DRAFT: Schema = {"id": None, "message": MESSAGE}
LABEL: Schema = {
    name: None
    for name in (
        "id",
        "name",
        "type",
        "messageListVisibility",
        "labelListVisibility",
        "messagesTotal",
        "messagesUnread",
        "threadsTotal",
        "threadsUnread",
        "color",
    )
}
_HISTORY_MESSAGE: Schema = {"message": MESSAGE}
_HISTORY_LABEL: Schema = {"message": MESSAGE, "labelIds": None}
HISTORY: Schema = {
    "id": None,
    "messages": MESSAGE,
    "messagesAdded": _HISTORY_MESSAGE,
    "messagesDeleted": _HISTORY_MESSAGE,
    "labelsAdded": _HISTORY_LABEL,
    "labelsRemoved": _HISTORY_LABEL,
}

RESPONSE_SCHEMAS: dict[str, Schema] = {
    "getProfile": {
        "emailAddress": None,
        "messagesTotal": None,
        "threadsTotal": None,
        "historyId": None,
    },
    "labels.list": {"labels": LABEL},
    "labels.get": LABEL,
    "threads.list": {"threads": THREAD, "nextPageToken": None, "resultSizeEstimate": None},
    "threads.get": THREAD,
    "messages.list": {"messages": MESSAGE, "nextPageToken": None, "resultSizeEstimate": None},
    "messages.get": MESSAGE,
    "messages.attachments.get": BODY,
    "history.list": {"history": HISTORY, "historyId": None, "nextPageToken": None},
    "drafts.list": {"drafts": DRAFT, "nextPageToken": None, "resultSizeEstimate": None},
    "drafts.get": DRAFT,
    "drafts.create": DRAFT,
    "drafts.update": DRAFT,
}


def _invalid(spec: str) -> ApiError:
    return bad_request(f"Invalid field selection {spec}", "invalidParameter")


def _merge(into: FieldTree, name: str, sub: FieldTree | None) -> None:
    if name in into:
        existing = into[name]
        if existing is None or sub is None:
            into[name] = None
            return
        for key, value in sub.items():
            _merge(existing, key, value)
    else:
        into[name] = sub


def parse_fields(spec: str) -> FieldTree:
    text = "".join(spec.split())
    tree, pos = _parse_list(text, 0, spec)
    if pos != len(text):
        raise _invalid(spec)
    return tree


def _parse_list(text: str, pos: int, spec: str) -> tuple[FieldTree, int]:
    tree: FieldTree = {}
    while True:
        path: list[str] = []
        while True:
            start = pos
            while pos < len(text) and (text[pos].isalnum() or text[pos] in "_*$."):
                pos += 1
            if start == pos:
                raise _invalid(spec)
            path.append(text[start:pos])
            if pos < len(text) and text[pos] == "/":
                pos += 1
                continue
            break
        sub: FieldTree | None = None
        if pos < len(text) and text[pos] == "(":
            sub, pos = _parse_list(text, pos + 1, spec)
            if pos >= len(text) or text[pos] != ")":
                raise _invalid(spec)
            pos += 1
        for name in reversed(path[1:]):
            sub = {name: sub}
        _merge(tree, path[0], sub)
        if pos < len(text) and text[pos] == ",":
            pos += 1
            continue
        return tree, pos


def validate(tree: FieldTree, schema: Schema, spec: str) -> None:
    for name, sub in tree.items():
        if name == "*":
            if sub is not None:
                for child in schema.values():
                    if isinstance(child, dict):
                        validate(sub, child, spec)
            continue
        if name not in schema:
            raise _invalid(spec)
        child_schema = schema[name]
        if sub is not None:
            if not isinstance(child_schema, dict):
                raise _invalid(spec)
            validate(sub, child_schema, spec)


def apply(value: Any, tree: FieldTree | None) -> Any:
    if tree is None:
        return value
    if isinstance(value, list):
        return [apply(item, tree) for item in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    has_star = "*" in tree
    for key, item in value.items():
        if key in tree:
            out[key] = apply(item, tree[key])
        elif has_star:
            out[key] = apply(item, tree["*"])
    return out


def compile_fields(method: str, spec: str) -> FieldTree:
    """Parse ``spec`` and check it against the response schema of ``method`` (400 if bad)."""
    tree = parse_fields(spec)
    validate(tree, RESPONSE_SCHEMAS.get(method, {}), spec)
    return tree
