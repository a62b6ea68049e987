"""The Gmail adapter: a MailSource and a DraftSink over google-api-python-client.

It can list, read and create drafts. It has no code path to any sending method
(messages.send, drafts.send, insert, import): the product never sends mail.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable, Iterator
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from inbox_assistant.app.ports import Skipped
from inbox_assistant.domain.errors import GmailAuthError, GmailError, GmailRateLimited
from inbox_assistant.domain.model import Thread
from inbox_assistant.drafts.compose import Draft
from inbox_assistant.gmail.auth import save_token
from inbox_assistant.gmail.mapping import to_message
from inbox_assistant.mail.message import MessageParseError

log = logging.getLogger(__name__)

# googleapiclient retries 429, 5xx and rate-limit 403s with exponential backoff.
RETRIES = 4
# What classification needs of a thread, and no more bytes than that.
THREAD_FIELDS = "id,historyId,messages(id,threadId,labelIds,internalDate,payload)"
# Chats, spam, trash and promotions are never follow-up material.
EXCLUDED = "-in:chats -in:spam -in:trash -category:promotions"


def search_query(since: datetime, now: datetime) -> str:
    """Gmail search for the threads of the window that the user took part in."""
    # after:/before: with epoch seconds are exact; a bare date would mean Pacific midnight.
    return (f"after:{int(since.timestamp())} before:{int(now.timestamp()) + 1} "
            f"{{from:me to:me cc:me}} {EXCLUDED}")


class GmailMailbox:
    """Satisfies the app's MailSource and DraftSink ports."""

    def __init__(self, credentials: Any, api_root: str, tz: tzinfo,
                 token_file: Path | None = None) -> None:
        import google_auth_httplib2
        import httplib2
        from googleapiclient.discovery import build

        self.credentials = credentials
        self.tz = tz
        self.token_file = token_file
        self._initial_token = credentials.token
        http = google_auth_httplib2.AuthorizedHttp(credentials, http=httplib2.Http(timeout=60))
        options = {"api_endpoint": api_root} if api_root else None
        self.service = build("gmail", "v1", http=http, static_discovery=True,
                             client_options=options, cache_discovery=False)
        self.users = self.service.users()

    def _call(self, request: Any) -> Any:
        from google.auth.exceptions import RefreshError, TransportError
        from googleapiclient.errors import HttpError

        try:
            return request.execute(num_retries=RETRIES)
        except RefreshError as exc:
            raise GmailAuthError(_auth_message(exc)) from None
        except HttpError as exc:
            raise _http_error(exc) from None
        except (TimeoutError, TransportError, OSError) as exc:
            raise GmailError(f"cannot reach Gmail: {type(exc).__name__}",
                             hint="check the network; the next run carries on") from None
        finally:
            self._save_refreshed_token()

    def _save_refreshed_token(self) -> None:
        token = self.credentials.token
        if self.token_file is not None and token and token != self._initial_token:
            save_token(self.token_file, json.loads(self.credentials.to_json()))
            self._initial_token = token

    def account(self) -> str:
        profile = self._call(self.users.getProfile(userId="me"))
        return str(profile["emailAddress"]).lower()

    def _pages(self, method: Callable[..., Any], key: str, **params: Any) -> Iterator[Any]:
        token: str | None = None
        while True:
            page = self._call(method(userId="me", pageToken=token, **params))
            yield from page.get(key, [])
            token = page.get("nextPageToken")
            if not token:
                return

    def threads(self, since: datetime, now: datetime) -> Iterator[Thread | Skipped]:
        from googleapiclient.errors import HttpError

        query = search_query(since, now)
        ids = [t["id"] for t in self._pages(self.users.threads().list, "threads", q=query,
                                              maxResults=500)]
        log.info("%d candidate threads", len(ids))
        for thread_id in ids:
            request = self.users.threads().get(userId="me", id=thread_id, format="full",
                                               fields=THREAD_FIELDS)
            try:
                resource = request.execute(num_retries=RETRIES)
            except HttpError as exc:
                if exc.resp.status == 404:
                    # Listed, then gone (deleted meanwhile): a normal case, not a failure.
                    yield Skipped(thread_id, "deleted while the scan ran")
                    continue
                raise _http_error(exc) from None
            yield self._thread(resource)

    def _thread(self, resource: dict[str, Any]) -> Thread | Skipped:
        thread_id = str(resource["id"])
        messages = []
        for item in resource.get("messages") or []:
            try:
                messages.append(to_message(item, self.tz))
            except (MessageParseError, ValueError, LookupError, KeyError) as exc:
                return Skipped(thread_id, f"message {item.get('id', '?')}: {exc}")
        if not messages:
            return Skipped(thread_id, "empty thread")
        messages.sort(key=lambda m: m.date)
        return Thread(thread_id, tuple(messages))

    def threads_with_drafts(self) -> set[str]:
        drafts = self._pages(self.users.drafts().list, "drafts", maxResults=500)
        return {d["message"]["threadId"] for d in drafts if d.get("message", {}).get("threadId")}

    def create(self, draft: Draft) -> str:
        raw = base64.urlsafe_b64encode(draft.as_bytes()).decode("ascii")
        body = {"message": {"raw": raw, "threadId": draft.thread_id}}
        created = self._call(self.users.drafts().create(userId="me", body=body))
        return str(created["id"])


def _auth_message(exc: Exception) -> str:
    text = str(exc)
    if "invalid_grant" in text:
        return "Gmail access was revoked or has expired"
    return "Gmail refused the stored authorisation"


def _http_error(exc: Any) -> GmailError | GmailAuthError:
    status = int(exc.resp.status)
    reason = ""
    try:
        details = json.loads(exc.content.decode("utf-8"))["error"]
        reason = details.get("errors", [{}])[0].get("reason", "") or details.get("status", "")
        message = details.get("message", "")
    except (ValueError, KeyError, IndexError, AttributeError):
        message = ""
    if status == 401:
        return GmailAuthError("Gmail refused the stored authorisation (401)")
    if status == 403 and reason in ("insufficientPermissions", "PERMISSION_DENIED",
                                    "forbidden", "ACCESS_TOKEN_SCOPE_INSUFFICIENT"):
        return GmailAuthError("Gmail permission missing: " + (message or reason))
    if status == 429 or (status == 403 and "ratelimit" in reason.lower()) or status >= 500:
        return GmailRateLimited(f"Gmail is busy ({status} {reason or message})".strip())
    return GmailError(f"Gmail answered {status}: {message or reason or 'error'}")
