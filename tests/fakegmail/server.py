"""FakeGmail: a stateful, strict, local fake of the Gmail REST API v1 on 127.0.0.1.

It speaks the real wire format so the product's Gmail adapter can be exercised through the real
google-api-python-client and google-auth. It never sends mail: every mutating call other than
drafts.create/update/delete is recorded in ``forbidden_calls`` and answered 403.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

from .batch import InnerResponse, build_batch_response, parse_batch
from .errors import ApiError, JsonDict, bad_request, unauthenticated
from .fields import apply, compile_fields
from .handlers import HANDLERS, Call
from .httpd import LoopbackServer, Reply, json_reply
from .mime import header_date, scan_headers
from .routes import UNITS, Route, check_params, route
from .store import Mailbox
from .takeout import read_takeout

DEFAULT_NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
GRANTED_SCOPES = (
    "https://www.googleapis.com/auth/gmail.readonly https://www.googleapis.com/auth/gmail.compose"
)
BATCH_PATHS = ("/batch", "/batch/gmail/v1")


@dataclass(frozen=True)
class RequestRecord:
    """One API call (each batch part is one record)."""

    method: str  # e.g. "threads.get"; "unknown" when no route matched
    verb: str
    path: str
    params: dict[str, list[str]]
    status: int
    in_batch: bool


@dataclass(frozen=True)
class FakeDraft:
    id: str
    message_id: str
    thread_id: str
    raw: bytes
    parsed: EmailMessage


@dataclass
class _Failure:
    method: str
    status: int
    reason: str
    remaining: int
    retry_after: int | None
    after: int = 0


def _to_ms(moment: datetime) -> int:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)


class FakeGmail:
    """See the package docstring of ``tests.fakegmail`` for the behaviour in detail."""

    def __init__(
        self, email: str = "me@example.com", *, latency: float = 0.0, page_size: int = 3
    ) -> None:
        self.email = email
        self.latency = latency
        # Method name -> seconds to hold the answer after the call has been carried out.
        self.slow_replies: dict[str, float] = {}
        self.page_size = page_size
        self.now: datetime = DEFAULT_NOW
        self.valid_access_tokens: set[str] = {"tok"}
        self.refresh_tokens: dict[str, str] = {"rt": "tok2"}
        self.revoked_refresh_tokens: set[str] = set()
        self.forbidden_calls: list[str] = []
        self.requests: list[RequestRecord] = []
        self.http_round_trips = 0
        self.units: Counter[str] = Counter()
        self.token_requests: list[dict[str, str]] = []
        self.server_errors: list[str] = []
        self._mailbox = Mailbox(email)
        self._failures: list[_Failure] = []
        self._used_codes: set[str] = set()
        self._issued = 0
        self._lock = threading.RLock()
        self._server: LoopbackServer | None = None

    # ------------------------------------------------------------------------- lifecycle
    @property
    def root_url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeGmail is not started")
        return f"http://127.0.0.1:{self._server.port}/"

    @property
    def token_uri(self) -> str:
        return self.root_url + "token"

    def start(self) -> FakeGmail:
        if self._server is None:
            self._server = LoopbackServer(self._handle_http, self.server_errors)
            self._server.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.stop()

    def __enter__(self) -> FakeGmail:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------------- scenario
    def add_message(
        self,
        raw: bytes,
        *,
        thread_id: str | None = None,
        labels: Iterable[str] = ("INBOX",),
        internal_date: datetime | None = None,
    ) -> tuple[str, str]:
        """Store a received/sent message; returns (message_id, thread_id).

        ``labels`` are label ids; any other name becomes (or reuses) a user label "Label_N".
        ``internal_date`` defaults to the Date: header, else ``now``.
        """
        if not isinstance(raw, bytes):
            raise TypeError("raw must be bytes")
        with self._lock:
            when = internal_date or header_date(scan_headers(raw)) or self.now
            label_ids: set[str] = set()
            for label in labels:
                resolved = self._mailbox.label_id(label, create=True)
                assert resolved is not None
                label_ids.add(resolved)
            msg = self._mailbox.add_message(raw, thread_id, label_ids, _to_ms(when))
            return msg.id, msg.thread_id

    def add_mbox(self, path: str | os.PathLike[str]) -> None:
        """Load a Google Takeout mbox (X-GM-THRID -> thread id, X-Gmail-Labels -> labels)."""
        for item in read_takeout(path):
            self.add_message(item.raw, thread_id=item.thread_id, labels=item.labels)

    def delete_message(self, message_id: str) -> None:
        with self._lock:
            self._mailbox.delete_message(message_id)

    def delete_draft(self, draft_id: str) -> None:
        """As if the user discarded the draft in Gmail (records history); KeyError if unknown."""
        with self._lock:
            if draft_id not in self._mailbox.drafts:
                raise KeyError(draft_id)
            self._mailbox.delete_draft(draft_id)

    def modify_labels(
        self, message_id: str, add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> None:
        with self._lock:
            resolve = self._mailbox.label_id
            add_ids = [resolve(label, create=True) or label for label in add]
            remove_ids = [resolve(label, create=False) or label for label in remove]
            self._mailbox.modify_labels(message_id, add_ids, remove_ids)

    @property
    def user_labels(self) -> dict[str, str]:
        """User label id -> name."""
        with self._lock:
            return dict(self._mailbox.user_labels)

    @property
    def history_id(self) -> int:
        """The current (latest) history id of the mailbox."""
        with self._lock:
            return self._mailbox.history_id

    # ------------------------------------------------------------------------- tokens
    def revoke(self, refresh_token: str) -> None:
        with self._lock:
            self.revoked_refresh_tokens.add(refresh_token)

    # ------------------------------------------------------------------------- inspection
    def drafts(self) -> list[FakeDraft]:
        with self._lock:
            out: list[FakeDraft] = []
            for draft in self._mailbox.drafts.values():
                msg = self._mailbox.messages[draft.message_id]
                parsed = BytesParser(EmailMessage, policy=policy.default).parsebytes(msg.raw)
                out.append(FakeDraft(draft.id, msg.id, msg.thread_id, msg.raw, parsed))
            return out

    def thread_message_ids(self, thread_id: str) -> list[str]:
        """Message ids of a thread, oldest first, drafts included; KeyError if unknown."""
        with self._lock:
            if thread_id not in self._mailbox.threads:
                raise KeyError(thread_id)
            return [m.id for m in self._mailbox.thread_messages(thread_id)]

    def fail_next(
        self,
        method: str,
        *,
        status: int = 429,
        reason: str = "rateLimitExceeded",
        count: int = 1,
        retry_after: int | None = None,
        after: int = 0,
    ) -> None:
        """Answer the next `count` calls of `method` ("*": any) with this error, once
        `after` matching calls have gone through normally."""
        if method != "*" and method not in UNITS:
            raise ValueError(f"unknown Gmail method name {method!r}")
        with self._lock:
            self._failures.append(_Failure(method, status, reason, count, retry_after, after))

    def expire_history_before(self, history_id: int) -> None:
        with self._lock:
            self._mailbox.history_floor = history_id

    # ------------------------------------------------------------------------- HTTP side
    def _handle_http(self, verb: str, target: str, headers: dict[str, str], body: bytes) -> Reply:
        path = urlsplit(target).path
        if path == "/token":
            return self._token(verb, body)
        with self._lock:
            self.http_round_trips += 1
        if self.latency > 0:
            time.sleep(self.latency)
        if path in BATCH_PATHS:
            return self._batch(verb, headers, body)
        status, payload, extra = self._dispatch(verb, target, headers, body, in_batch=False)
        found = route(verb, urlsplit(target).path)
        pause = self.slow_replies.get(found.method, 0.0) if found else 0.0
        if pause > 0:
            # The call is done on the server; its answer is slow to come back: the window
            # in which a client can die not knowing that its call succeeded.
            time.sleep(pause)
        return json_reply(status, payload, extra)

    def _batch(self, verb: str, headers: dict[str, str], body: bytes) -> Reply:
        try:
            if verb != "POST":
                raise bad_request("Batch requests must be POST", "badRequest")
            inner = parse_batch(headers.get("content-type", ""), body)
        except ApiError as err:
            return json_reply(err.status, err.body(), err.headers)
        outer_auth = headers.get("authorization")
        responses: list[InnerResponse] = []
        for req in inner:
            part_headers = dict(req.headers)
            if outer_auth and "authorization" not in part_headers:
                part_headers["authorization"] = outer_auth
            if urlsplit(req.target).path in (*BATCH_PATHS, "/token"):
                nested = bad_request("Nested batch or token requests are not allowed", "badRequest")
                responses.append(InnerResponse(req.content_id, 400, nested.body()))
                continue
            status, payload, extra = self._dispatch(
                req.verb, req.target, part_headers, req.body, in_batch=True
            )
            responses.append(InnerResponse(req.content_id, status, payload, extra))
        content_type, data = build_batch_response(responses)
        return Reply(200, data, {"Content-Type": content_type})

    def _dispatch(
        self, verb: str, target: str, headers: dict[str, str], body: bytes, *, in_batch: bool
    ) -> tuple[int, JsonDict | None, dict[str, str]]:
        split = urlsplit(target)
        params = parse_qs(split.query, keep_blank_values=True)
        found = route(verb, split.path)
        with self._lock:
            try:
                status, payload, extra = self._call(found, verb, split.path, params, headers, body)
            except ApiError as err:
                status, payload, extra = err.status, err.body(), err.headers
            method = found.method if found else "unknown"
            self.requests.append(RequestRecord(method, verb, split.path, params, status, in_batch))
        return status, payload, extra

    def _call(
        self,
        found: Route | None,
        verb: str,
        path: str,
        params: dict[str, list[str]],
        headers: dict[str, str],
        body: bytes,
    ) -> tuple[int, JsonDict | None, dict[str, str]]:
        if found is None:
            raise bad_request(f"Unknown path: {verb} {path}", "badRequest")
        if found.forbidden:
            self.forbidden_calls.append(f"{found.method} {path}")
            self.units[found.method] += UNITS.get(found.method, 0)
            raise ApiError(
                403,
                f"FakeGmail forbids {found.method}: the product must never send, import, "
                "insert, modify, trash or delete mail",
                "forbidden",
            )
        auth = headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer":
            token = (params.get("access_token") or params.get("oauth_token") or [""])[-1]
        if token.strip() not in self.valid_access_tokens:
            raise unauthenticated()
        if found.user != "me" and found.user.lower() != self.email.lower():
            raise ApiError(403, f"Delegation denied for {found.user}", "forbidden")
        check_params(found.method, params)
        fields = params.get("fields")
        tree = compile_fields(found.method, fields[-1]) if fields and fields[-1] else None
        self.units[found.method] += UNITS[found.method]
        self._maybe_fail(found.method)
        call = Call(
            found.method, found.args, params, body, headers, found.upload, self.now, self.page_size
        )
        result = HANDLERS[found.method](self._mailbox, call)
        if result is None:
            return 204, None, {}
        if tree is not None:
            result = apply(result, tree)
        return 200, result, {}

    def _maybe_fail(self, method: str) -> None:
        pending = [f for f in self._failures if f.remaining > 0]
        self._failures = pending
        chosen = next((f for f in pending if f.method == method), None)
        if chosen is None:
            chosen = next((f for f in pending if f.method == "*"), None)
        if chosen is None:
            return
        if chosen.after > 0:
            chosen.after -= 1
            return
        chosen.remaining -= 1
        headers: dict[str, str] = {}
        if chosen.retry_after is not None:
            headers["Retry-After"] = str(chosen.retry_after)
        raise ApiError(chosen.status, None, chosen.reason, headers=headers)

    def _token(self, verb: str, body: bytes) -> Reply:
        form = {k: v[-1] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        with self._lock:
            self.token_requests.append(form)
            if verb != "POST":
                return self._oauth_error(405, "invalid_request", "Token requests must be POST")
            grant = form.get("grant_type", "")
            if grant == "refresh_token":
                refresh = form.get("refresh_token", "")
                if refresh in self.revoked_refresh_tokens or refresh not in self.refresh_tokens:
                    return self._oauth_error(
                        400, "invalid_grant", "Token has been expired or revoked."
                    )
                access = self.refresh_tokens[refresh]
                self.valid_access_tokens.add(access)
                return json_reply(200, self._token_body(access, None), {})
            if grant == "authorization_code":
                code = form.get("code", "")
                if code != "good-code" or code in self._used_codes:
                    return self._oauth_error(400, "invalid_grant", "Malformed auth code.")
                self._used_codes.add(code)
                self._issued += 1
                access = f"ya29.fake-access-{self._issued}"
                refresh = f"1//fake-refresh-{self._issued}"
                self.refresh_tokens[refresh] = f"ya29.fake-refreshed-{self._issued}"
                self.valid_access_tokens.add(access)
                return json_reply(200, self._token_body(access, refresh), {})
            return self._oauth_error(400, "unsupported_grant_type", f"Invalid grant_type: {grant}")

    @staticmethod
    def _token_body(access: str, refresh: str | None) -> JsonDict:
        out: JsonDict = {
            "access_token": access,
            "expires_in": 3600,
            "scope": GRANTED_SCOPES,
            "token_type": "Bearer",
        }
        if refresh is not None:
            out["refresh_token"] = refresh
        return out

    @staticmethod
    def _oauth_error(status: int, error: str, description: str) -> Reply:
        return json_reply(status, {"error": error, "error_description": description}, {})
