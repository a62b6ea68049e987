"""Gmail method table of the fake: routes, quota units and query-parameter checking."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from .errors import ApiError, bad_request

# Quota units (brief's table); the mutating methods carry Gmail's documented costs.
UNITS: dict[str, int] = {
    "getProfile": 1,
    "labels.list": 1,
    "labels.get": 1,
    "history.list": 2,
    "messages.list": 5,
    "threads.list": 10,
    "drafts.list": 5,
    "drafts.create": 10,
    "drafts.update": 15,
    "drafts.delete": 10,
    "messages.get": 20,
    "messages.attachments.get": 20,
    "drafts.get": 20,
    "threads.get": 40,
    "messages.send": 100,
    "drafts.send": 100,
    "messages.insert": 25,
    "messages.import": 25,
    "messages.delete": 10,
    "messages.trash": 5,
    "messages.untrash": 5,
    "messages.modify": 5,
    "messages.batchModify": 50,
    "messages.batchDelete": 50,
    "threads.delete": 20,
    "threads.trash": 10,
    "threads.untrash": 10,
    "threads.modify": 10,
    "labels.create": 5,
    "labels.update": 5,
    "labels.patch": 5,
    "labels.delete": 5,
    "watch": 100,
    "stop": 50,
}


@dataclass(frozen=True)
class Param:
    kind: str = "str"  # str, int, bool, enum
    repeated: bool = False
    choices: tuple[str, ...] = ()


STANDARD_PARAMS: dict[str, Param] = {
    "alt": Param("enum", choices=("json",)),
    "fields": Param(),
    "prettyPrint": Param("bool"),
    "quotaUser": Param(),
    "key": Param(),
    "access_token": Param(),
    "oauth_token": Param(),
    "upload_protocol": Param(),
    "uploadType": Param("enum", choices=("media", "multipart", "resumable")),
    "$.xgafv": Param("enum", choices=("1", "2")),
    "callback": Param(),
}
_LIST_PARAMS = {
    "q": Param(),
    "labelIds": Param(repeated=True),
    "maxResults": Param("int"),
    "pageToken": Param(),
    "includeSpamTrash": Param("bool"),
}
_FORMAT4 = Param("enum", choices=("minimal", "full", "raw", "metadata"))
METHOD_PARAMS: dict[str, dict[str, Param]] = {
    "getProfile": {},
    "labels.list": {},
    "labels.get": {},
    "threads.list": _LIST_PARAMS,
    "messages.list": _LIST_PARAMS,
    "threads.get": {
        "format": Param("enum", choices=("full", "metadata", "minimal")),
        "metadataHeaders": Param(repeated=True),
    },
    "messages.get": {"format": _FORMAT4, "metadataHeaders": Param(repeated=True)},
    "messages.attachments.get": {},
    "history.list": {
        "startHistoryId": Param(),
        "historyTypes": Param(
            "enum",
            repeated=True,
            choices=("messageAdded", "messageDeleted", "labelAdded", "labelRemoved"),
        ),
        "labelId": Param(),
        "maxResults": Param("int"),
        "pageToken": Param(),
    },
    "drafts.list": {
        "maxResults": Param("int"),
        "pageToken": Param(),
        "q": Param(),
        "includeSpamTrash": Param("bool"),
    },
    "drafts.get": {"format": _FORMAT4},
    "drafts.create": {},
    "drafts.update": {},
    "drafts.delete": {},
}

# (verb, path pattern under users/{userId}/, method, forbidden)
ROUTES: list[tuple[str, tuple[str, ...], str, bool]] = [
    ("GET", ("profile",), "getProfile", False),
    ("GET", ("labels",), "labels.list", False),
    ("GET", ("labels", "{id}"), "labels.get", False),
    ("GET", ("threads",), "threads.list", False),
    ("GET", ("threads", "{id}"), "threads.get", False),
    ("GET", ("messages",), "messages.list", False),
    ("GET", ("messages", "{id}"), "messages.get", False),
    ("GET", ("messages", "{messageId}", "attachments", "{id}"), "messages.attachments.get", False),
    ("GET", ("history",), "history.list", False),
    ("GET", ("drafts",), "drafts.list", False),
    ("GET", ("drafts", "{id}"), "drafts.get", False),
    ("POST", ("drafts", "send"), "drafts.send", True),
    ("POST", ("drafts",), "drafts.create", False),
    ("PUT", ("drafts", "{id}"), "drafts.update", False),
    ("DELETE", ("drafts", "{id}"), "drafts.delete", False),
    ("POST", ("messages", "send"), "messages.send", True),
    ("POST", ("messages", "import"), "messages.import", True),
    ("POST", ("messages", "batchModify"), "messages.batchModify", True),
    ("POST", ("messages", "batchDelete"), "messages.batchDelete", True),
    ("POST", ("messages",), "messages.insert", True),
    ("DELETE", ("messages", "{id}"), "messages.delete", True),
    ("POST", ("messages", "{id}", "modify"), "messages.modify", True),
    ("POST", ("messages", "{id}", "trash"), "messages.trash", True),
    ("POST", ("messages", "{id}", "untrash"), "messages.untrash", True),
    ("DELETE", ("threads", "{id}"), "threads.delete", True),
    ("POST", ("threads", "{id}", "modify"), "threads.modify", True),
    ("POST", ("threads", "{id}", "trash"), "threads.trash", True),
    ("POST", ("threads", "{id}", "untrash"), "threads.untrash", True),
    ("POST", ("labels",), "labels.create", True),
    ("PUT", ("labels", "{id}"), "labels.update", True),
    ("PATCH", ("labels", "{id}"), "labels.patch", True),
    ("DELETE", ("labels", "{id}"), "labels.delete", True),
    ("POST", ("watch",), "watch", True),
    ("POST", ("stop",), "stop", True),
]
UPLOAD_METHODS = frozenset(
    {
        "drafts.create",
        "drafts.update",
        "drafts.send",
        "messages.send",
        "messages.insert",
        "messages.import",
    }
)


@dataclass(frozen=True)
class Route:
    method: str
    user: str
    args: dict[str, str]
    forbidden: bool
    upload: str = ""  # "", "simple" or "resumable"


def route(verb: str, path: str) -> Route | None:
    segments = [unquote(part) for part in path.strip("/").split("/")]
    upload = ""
    if segments[:2] == ["resumable", "upload"]:
        upload, segments = "resumable", segments[2:]
    elif segments[:1] == ["upload"]:
        upload, segments = "simple", segments[1:]
    if len(segments) < 5 or segments[:3] != ["gmail", "v1", "users"] or "" in segments:
        return None
    user, rest = segments[3], segments[4:]
    if rest[0] == "settings" and verb != "GET" and not upload:
        return Route("settings." + verb.lower(), user, {}, True)
    for rverb, pattern, method, forbidden in ROUTES:
        if rverb != verb or len(pattern) != len(rest):
            continue
        args: dict[str, str] = {}
        for want, got in zip(pattern, rest, strict=True):
            if want.startswith("{"):
                args[want[1:-1]] = got
            elif want != got:
                break
        else:
            if upload and method not in UPLOAD_METHODS:
                return None
            return Route(method, user, args, forbidden, upload)
    return None


def check_params(method: str, params: dict[str, list[str]]) -> None:
    allowed = METHOD_PARAMS.get(method, {})
    for name, values in params.items():
        spec = allowed.get(name) or STANDARD_PARAMS.get(name)
        if spec is None:
            raise ApiError(
                400,
                f'Invalid JSON payload received. Unknown name "{name}": Cannot bind query '
                f"parameter. Field '{name}' could not be found in request message.",
                "invalid",
            )
        if len(values) > 1 and not spec.repeated:
            raise bad_request(f"Parameter '{name}' must not be repeated")
        for value in values:
            if spec.kind == "int" and not value.isdigit():
                raise bad_request(f"Invalid value at '{name}' (TYPE_UINT32), \"{value}\"")
            if spec.kind == "bool" and value not in ("true", "false"):
                raise bad_request(f"Invalid value at '{name}' (TYPE_BOOL), \"{value}\"")
            if spec.kind == "enum" and value not in spec.choices:
                raise bad_request(f"Invalid value at '{name}', \"{value}\"")
