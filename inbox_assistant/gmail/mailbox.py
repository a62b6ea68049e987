"""The Gmail adapter: a RemoteMailbox and a DraftSink over google-api-python-client.

It can read (profile, search, threads, messages, history) and create drafts. It has
no code path to any sending method (messages.send, drafts.send, insert, import): the
product never sends mail.
"""

from __future__ import annotations

import base64
import email
import email.policy
import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from inbox_assistant.app.ports import (
    Changes,
    CreatedDraft,
    DraftInfo,
    MessageChange,
    Profile,
    Skipped,
)
from inbox_assistant.domain.model import Message, Thread
from inbox_assistant.drafts.compose import Draft
from inbox_assistant.gmail.auth import save_token
from inbox_assistant.gmail.client import MAX_ATTEMPTS, Call, GmailClient, NotFound
from inbox_assistant.gmail.mapping import to_message
from inbox_assistant.gmail.quota import Pacer
from inbox_assistant.mail.message import MessageParseError, build_message, part_from_email

log = logging.getLogger(__name__)

# What classification needs of a message or thread, and no more bytes than that.
MESSAGE_FIELDS = "id,threadId,labelIds,internalDate,payload"
THREAD_FIELDS = f"id,historyId,messages({MESSAGE_FIELDS})"
# Chats, spam, trash and promotions are never follow-up material.
EXCLUDED = "-in:chats -in:spam -in:trash -category:promotions"
HISTORY_TYPES = ["messageAdded", "messageDeleted", "labelAdded", "labelRemoved"]
GOOGLE_API = "https://gmail.googleapis.com/"


def search_query(since: datetime, now: datetime) -> str:
    """Gmail search for the threads of the window that the user took part in."""
    # after:/before: with epoch seconds are exact; a bare date would mean Pacific midnight.
    return (f"after:{int(since.timestamp())} before:{int(now.timestamp()) + 1} "
            f"{{from:me to:me cc:me}} {EXCLUDED}")


class GmailMailbox:
    """Satisfies the app's RemoteMailbox and DraftSink ports."""

    def __init__(self, credentials: Any, api_root: str, tz: tzinfo, *,
                 token_file: Path | None = None, units_per_minute: int = 0,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic,
                 attempts: int = MAX_ATTEMPTS) -> None:
        import google_auth_httplib2
        import httplib2
        from googleapiclient.discovery import build

        self.credentials = credentials
        self.tz = tz
        self.token_file = token_file
        self._saved_token = credentials.token
        root = api_root or GOOGLE_API
        if not root.endswith("/"):
            root += "/"
        http = google_auth_httplib2.AuthorizedHttp(credentials, http=httplib2.Http(timeout=60))
        service = build("gmail", "v1", http=http, static_discovery=True,
                        client_options={"api_endpoint": root}, cache_discovery=False)
        self.users = service.users()
        # `new_batch_http_request()` would post to Google whatever the endpoint: build
        # the batch address from the configured root instead.
        self.client = GmailClient(service, http, root + "batch/gmail/v1",
                                  Pacer(units_per_minute, clock, sleep), sleep,
                                  on_change=self._save_refreshed_token, attempts=attempts)

    def _save_refreshed_token(self) -> None:
        token = self.credentials.token
        if self.token_file is not None and token and token != self._saved_token:
            save_token(self.token_file, json.loads(self.credentials.to_json()))
            self._saved_token = token

    @property
    def usage(self) -> Any:
        return self.client.usage

    def _one(self, method: str, request: Any) -> Any:
        return self.client.execute(Call(method, method, request))

    def profile(self) -> Profile:
        data = self._one("getProfile", self.users.getProfile(userId="me"))
        return Profile(str(data["emailAddress"]).lower(), str(data["historyId"]))

    def account(self) -> str:
        return self.profile().account

    def _pages(self, method: str, build: Callable[..., Any], key: str,
               **params: Any) -> Iterator[Any]:
        token: str | None = None
        while True:
            page = self._one(method, build(userId="me", pageToken=token, **params))
            yield from page.get(key, [])
            token = page.get("nextPageToken")
            if not token:
                return

    def search(self, since: datetime, now: datetime) -> list[str]:
        found = self._pages("threads.list", self.users.threads().list, "threads",
                            q=search_query(since, now), maxResults=500,
                            fields="threads(id),nextPageToken")
        return [str(t["id"]) for t in found]

    def fetch_threads(self, ids: Sequence[str]) -> Iterator[Thread | Skipped]:
        calls = [Call(i, "threads.get", self.users.threads().get(
            userId="me", id=i, format="full", fields=THREAD_FIELDS)) for i in ids]
        results = self.client.batch(calls)
        self._fetch_calendars([r for r in results.values() if isinstance(r, dict)])
        for thread_id in ids:
            resource = results.get(thread_id)
            if isinstance(resource, NotFound) or resource is None:
                # Listed, then gone (deleted meanwhile): a normal case, not a failure.
                yield Skipped(thread_id, "deleted while the scan ran")
                continue
            yield self._thread(resource)

    def _fetch_calendars(self, threads: list[dict[str, Any]]) -> None:
        """Fill in calendar invitations that Gmail sent as attachments (an id, no data).

        The invitation's time is what an interview's windows count from, so it is worth
        one more call; every other attachment is left unread.
        """
        wanted: list[tuple[str, dict[str, Any]]] = []
        for thread in threads:
            for message in thread.get("messages") or []:
                for part in _parts(message.get("payload") or {}):
                    body = part.get("body") or {}
                    if (str(part.get("mimeType", "")).lower() == "text/calendar"
                            and body.get("attachmentId") and not body.get("data")):
                        wanted.append((str(message["id"]), part))
        if not wanted:
            return
        calls = [Call(i, "messages.attachments.get", self.users.messages().attachments().get(
            userId="me", messageId=message_id, id=part["body"]["attachmentId"]))
            for i, (message_id, part) in enumerate(wanted)]
        results = self.client.batch(calls)
        for i, (_, part) in enumerate(wanted):
            found = results.get(i)
            if isinstance(found, dict) and found.get("data"):
                part["body"]["data"] = found["data"]

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

    def fetch_messages(self, ids: Sequence[str]) -> dict[str, Message | Skipped]:
        calls = [Call(i, "messages.get", self.users.messages().get(
            userId="me", id=i, format="full", fields=MESSAGE_FIELDS)) for i in ids]
        results = self.client.batch(calls)
        self._fetch_calendars([{"messages": [r for r in results.values() if isinstance(r, dict)]}])
        out: dict[str, Message | Skipped] = {}
        for message_id in ids:
            resource = results.get(message_id)
            if isinstance(resource, NotFound) or resource is None:
                out[message_id] = Skipped(message_id, "deleted while the scan ran")
                continue
            try:
                out[message_id] = to_message(resource, self.tz)
            except (MessageParseError, ValueError, LookupError, KeyError) as exc:
                out[message_id] = Skipped(str(resource.get("threadId", message_id)),
                                          f"message {message_id}: {exc}")
        return out

    def changes(self, since_history_id: str) -> Changes | None:
        added: list[MessageChange] = []
        deleted: list[MessageChange] = []
        relabelled: list[MessageChange] = []
        token: str | None = None
        latest = since_history_id
        while True:
            try:
                page = self._one("history.list", self.users.history().list(
                    userId="me", startHistoryId=since_history_id, historyTypes=HISTORY_TYPES,
                    maxResults=500, pageToken=token))
            except NotFound:
                # Gmail keeps history for about a week, sometimes only hours: a 404 means
                # the checkpoint is too old, and a full scan is needed.
                return None
            for record in page.get("history", []):
                added += [_change(i["message"]) for i in record.get("messagesAdded", [])]
                deleted += [_change(i["message"]) for i in record.get("messagesDeleted", [])]
                for kind in ("labelsAdded", "labelsRemoved"):
                    relabelled += [_change(i["message"]) for i in record.get(kind, [])]
            latest = str(page.get("historyId", latest))
            token = page.get("nextPageToken")
            if not token:
                return Changes(latest, tuple(added), tuple(deleted), tuple(relabelled))

    def list_drafts(self) -> list[DraftInfo]:
        drafts = self._pages("drafts.list", self.users.drafts().list, "drafts", maxResults=500)
        return [DraftInfo(str(d["id"]), str(d.get("message", {}).get("id", "")),
                          str(d.get("message", {}).get("threadId", ""))) for d in drafts]

    def delete(self, draft_id: str) -> None:
        try:
            self._one("drafts.delete", self.users.drafts().delete(userId="me", id=draft_id))
        except NotFound:
            # Already gone (the user deleted or sent it meanwhile): nothing to remove.
            return

    def create(self, draft: Draft) -> CreatedDraft:
        data = draft.as_bytes()
        raw = base64.urlsafe_b64encode(data).decode("ascii")
        body = {"message": {"raw": raw, "threadId": draft.thread_id}}
        created = self._one("drafts.create", self.users.drafts().create(userId="me", body=body))
        message_id = str(created.get("message", {}).get("id", ""))
        thread_id = str(created.get("message", {}).get("threadId", draft.thread_id))
        message = None
        if message_id:
            parsed = email.message_from_bytes(data, policy=email.policy.compat32)
            message = build_message(part_from_email(parsed), message_id=message_id,
                                    thread_id=thread_id, labels=("DRAFT",),
                                    internal_date=draft.created_at, default_tz=self.tz)
        return CreatedDraft(str(created["id"]), message)


def _change(message: dict[str, Any]) -> MessageChange:
    return MessageChange(str(message["id"]), str(message.get("threadId", "")),
                         frozenset(message.get("labelIds") or ()))


def _parts(payload: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield payload
    for part in payload.get("parts") or []:
        yield from _parts(part)
