"""Tests of the fake Gmail server itself, all through googleapiclient / google-auth."""

from __future__ import annotations

import base64
import json
import mailbox
import os
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import google_auth_httplib2
import httplib2
import pytest
from google.auth.exceptions import RefreshError
from google.oauth2.credentials import Credentials
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest, MediaInMemoryUpload

from tests.fakegmail import FakeGmail

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
ME = "me@example.com"


# ------------------------------------------------------------------------------------ helpers
@pytest.fixture(autouse=True)
def _no_proxy_for_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("NO_PROXY", "no_proxy"):
        current = os.environ.get(var, "")
        monkeypatch.setenv(var, ",".join(v for v in (current, "127.0.0.1", "localhost") if v))


@pytest.fixture
def fake() -> Iterator[FakeGmail]:
    with FakeGmail(ME) as server:
        yield server


def credentials(fake: FakeGmail, token: str | None = "tok", refresh_token: str = "rt") -> Any:
    make: Any = Credentials  # google-auth is not fully typed
    return make(
        token=token,
        refresh_token=refresh_token,
        token_uri=fake.token_uri,
        client_id="cid",
        client_secret="cs",
    )


def service(fake: FakeGmail, creds: Any = None) -> Any:
    return build(
        "gmail",
        "v1",
        credentials=creds or credentials(fake),
        static_discovery=True,
        client_options={"api_endpoint": fake.root_url},
    )


def users(fake: FakeGmail) -> Any:
    return service(fake).users()


def make_raw(
    *,
    subject: str = "Interview next steps",
    sender: str = "Alice Recruiter <alice@corp.example>",
    to: str = ME,
    cc: str | None = None,
    date: datetime = NOW - timedelta(days=4),
    message_id: str = "<m1@corp.example>",
    in_reply_to: str | None = None,
    text: str = "Hello, looking forward to the interview.",
    html: bool = True,
    attachment: bool = False,
    calendar: bool = False,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg.set_content(text)
    if html:
        msg.add_alternative(f"<html><body><p>{text}</p></body></html>", subtype="html")
    if calendar:
        ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        msg.add_alternative(ics, subtype="calendar", params={"method": "REQUEST"})
    if attachment:
        msg.add_attachment(
            b"%PDF-1.4 fake cv", maintype="application", subtype="pdf", filename="cv.pdf"
        )
    return msg.as_bytes()


def to_plain_http(fake: FakeGmail, request: Any) -> Any:
    """googleapiclient takes only the host of api_endpoint for media-upload URLs and keeps
    the discovery document's https scheme: make such a request plain http to the fake."""
    tls_root = "https://" + fake.root_url.removeprefix("http://")
    assert request.uri.startswith(tls_root + "upload/")
    request.uri = fake.root_url + request.uri[len(tls_root) :]
    return request


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def unb64(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def http_error(call: Any) -> HttpError:
    with pytest.raises(HttpError) as info:
        call.execute()
    return info.value


def error_body(err: HttpError) -> dict[str, Any]:
    body = json.loads(err.content)
    assert set(body["error"]) == {"code", "message", "errors", "status"}
    assert body["error"]["code"] == err.resp.status
    assert body["error"]["errors"][0]["domain"] == "global"
    return dict(body["error"])


def all_threads(api: Any, q: str) -> set[str]:
    resp = api.threads().list(userId="me", q=q, maxResults=500).execute()
    return {t["id"] for t in resp.get("threads", [])}


# ------------------------------------------------------------------------------------ paging
def test_threads_list_pages_newest_first(fake: FakeGmail) -> None:
    ids = []
    for day in range(7):
        raw = make_raw(
            subject=f"S{day}", date=NOW - timedelta(days=10 - day), message_id=f"<{day}@x>"
        )
        ids.append(fake.add_message(raw)[1])
    api = users(fake)
    pages: list[list[str]] = []
    request = api.threads().list(userId="me", q="in:inbox")
    while request is not None:
        resp = request.execute()
        assert resp["resultSizeEstimate"] == 7
        assert all(set(t) == {"id", "snippet", "historyId"} for t in resp["threads"])
        pages.append([t["id"] for t in resp["threads"]])
        request = api.threads().list_next(request, resp)
    assert [len(p) for p in pages] == [3, 3, 1]
    assert [tid for page in pages for tid in page] == list(reversed(ids))

    first = api.threads().list(userId="me", maxResults=5).execute()
    assert len(first["threads"]) == 5
    rest = api.threads().list(userId="me", maxResults=5, pageToken=first["nextPageToken"])
    assert "nextPageToken" not in rest.execute()
    # a page token belongs to its query
    err = http_error(api.threads().list(userId="me", q="in:sent", pageToken=first["nextPageToken"]))
    assert err.resp.status == 400
    # empty results omit the list key, as Gmail does
    assert api.threads().list(userId="me", q="in:sent").execute() == {"resultSizeEstimate": 0}


def test_thread_order_uses_latest_message_and_any_message_matches(fake: FakeGmail) -> None:
    old_id, old_thread = fake.add_message(make_raw(date=NOW - timedelta(days=30)))
    _, middle = fake.add_message(make_raw(subject="Mid", date=NOW - timedelta(days=5)))
    reply = make_raw(
        sender=ME,
        to="alice@corp.example",
        subject="Re: Interview next steps",
        date=NOW - timedelta(days=1),
        message_id="<r@x>",
        in_reply_to="<m1@corp.example>",
    )
    fake.add_message(reply, thread_id=old_thread, labels=["SENT"])
    api = users(fake)
    listed = api.threads().list(userId="me").execute()["threads"]
    assert [t["id"] for t in listed[:2]] == [old_thread, middle]
    assert all_threads(api, "in:sent") == {old_thread}
    assert all_threads(api, "older_than:20d") == {old_thread}
    msgs = api.messages().list(userId="me", labelIds=["INBOX"]).execute()["messages"]
    assert msgs[-1] == {"id": old_id, "threadId": old_thread}


# ------------------------------------------------------------------------------------ q
@pytest.fixture
def scenario(fake: FakeGmail) -> dict[str, str]:
    def add(key: str, labels: list[str], **kwargs: Any) -> tuple[str, str]:
        return key, fake.add_message(make_raw(message_id=f"<{key}@x>", **kwargs), labels=labels)[1]

    return dict(
        [
            add(
                "A",
                ["INBOX", "UNREAD", "IMPORTANT", "CATEGORY_PERSONAL"],
                date=datetime(2026, 11, 16, 10, tzinfo=UTC),
                attachment=True,
            ),
            add(
                "B",
                ["INBOX", "CATEGORY_UPDATES", "STARRED"],
                subject="Old opportunity",
                sender="bob@agency.example",
                cc="carol@agency.example",
                date=datetime(2026, 5, 1, 10, tzinfo=UTC),
                text="An older role.",
            ),
            add(
                "C",
                ["SENT"],
                subject="Application for backend role",
                sender=ME,
                to="dave@startup.example",
                date=datetime(2026, 11, 10, 9, tzinfo=UTC),
                text="Please find my application.",
            ),
            add(
                "D",
                ["CHAT"],
                subject="Chat with Eve",
                sender="eve@chat.example",
                date=datetime(2026, 11, 18, 10, tzinfo=UTC),
                text="quick chat",
            ),
            add(
                "E",
                ["INBOX", "CATEGORY_PROMOTIONS", "Job Search/Leads"],
                subject="Weekly jobs",
                sender="news@board.example",
                date=datetime(2026, 11, 19, 10, tzinfo=UTC),
                text="Ten new jobs.",
            ),
            add(
                "F",
                ["SPAM"],
                subject="You won",
                sender="spam@bad.example",
                date=datetime(2026, 11, 19, 11, tzinfo=UTC),
                text="Click here.",
            ),
            add(
                "G",
                ["TRASH"],
                subject="Deleted thing",
                sender="old@x.example",
                date=datetime(2026, 11, 1, 10, tzinfo=UTC),
                text="bye",
            ),
        ]
    )


Q_CASES: list[tuple[str, str]] = [
    ("in:inbox", "ABE"),
    ("in:sent", "C"),
    ("in:chats", "D"),
    ("newer_than:60d -in:chats", "ACE"),
    ("in:spam", "F"),
    ("in:trash", "G"),
    ("subject:won", ""),
    ("in:anywhere subject:won", "F"),
    ("is:unread", "A"),
    ("is:starred", "B"),
    ("is:important", "A"),
    ("is:starred is:unread", ""),
    ("label:job-search/leads", "E"),
    ("label:Nonexistent", ""),
    ("category:promotions", "E"),
    ("category:updates", "B"),
    ("category:social", ""),
    ("category:primary in:inbox", "A"),
    ("from:alice@corp.example", "A"),
    ("from:nobody@corp.example", ""),
    ("from:me", "C"),
    ("to:dave", "C"),
    ("to:zed", ""),
    ("cc:carol", "B"),
    ("cc:alice", ""),
    ("newer_than:10d", "ADE"),
    ("newer_than:1d", ""),
    ("older_than:1m", "B"),
    ("older_than:1y", ""),
    ("after:2026/11/17", "DE"),
    ("after:2026/11/20", ""),
    ("before:2026/06/01", "B"),
    ("before:2026/01/01", ""),
    (f"after:{int(datetime(2026, 11, 18, 12, tzinfo=UTC).timestamp())}", "E"),
    ("subject:interview", "A"),
    ('subject:"next steps"', "A"),
    ("subject:zebra", ""),
    ("has:attachment", "A"),
    ("has:attachment from:bob", ""),
    ("forward", "A"),
    ("forwar", ""),
    ('"looking forward"', "A"),
    ('"forward looking"', ""),
    ("from:alice OR from:bob", "AB"),
    ("from:alice OR from:bob is:starred", "B"),
    ("(from:alice OR from:bob) -is:starred", "A"),
    ("{from:alice from:bob}", "AB"),
    ("{from:zed from:yves}", ""),
    ("in:inbox -from:alice", "BE"),
    ("-in:inbox", "CD"),
    ("", "ABCDE"),
]


@pytest.mark.parametrize(("q", "expected"), Q_CASES)
def test_q_operators(fake: FakeGmail, scenario: dict[str, str], q: str, expected: str) -> None:
    assert all_threads(users(fake), q) == {scenario[key] for key in expected}


@pytest.mark.parametrize(
    "q",
    [
        "from:",
        "(in:inbox",
        "in:inbox)",
        "in:nowhere",
        "larger:10M",
        "newer_than:5x",
        "after:2026/13/40",
        'subject:"unterminated',
        "from:alice OR",
        "{}",
        "()",
        "- in:inbox",
        "is:muted",
        "has:drive",
    ],
)
def test_malformed_q_is_400(fake: FakeGmail, q: str) -> None:
    api = users(fake)
    for call in (
        api.threads().list(userId="me", q=q),
        api.messages().list(userId="me", q=q),
        api.drafts().list(userId="me", q=q),
    ):
        err = http_error(call)
        assert err.resp.status == 400
        assert error_body(err)["status"] == "INVALID_ARGUMENT"


def test_messages_list_label_ids_and_spam_trash(fake: FakeGmail, scenario: dict[str, str]) -> None:
    api = users(fake)
    listed = api.messages().list(userId="me", labelIds=["INBOX", "UNREAD"]).execute()
    assert [m["threadId"] for m in listed["messages"]] == [scenario["A"]]
    everything = api.messages().list(userId="me", includeSpamTrash=True, maxResults=50).execute()
    assert everything["resultSizeEstimate"] == 7
    assert http_error(api.messages().list(userId="me", labelIds=["NOPE"])).resp.status == 400


# ------------------------------------------------------------------------------------ strictness
def test_unknown_param_path_and_bad_values_are_400(fake: FakeGmail) -> None:
    svc = service(fake)
    api = svc.users()
    request = api.threads().list(userId="me")
    request.uri += "&bogus=1"
    err = http_error(request)
    assert err.resp.status == 400
    assert 'Unknown name "bogus"' in error_body(err)["message"]

    tid = fake.add_message(make_raw())[1]
    request = api.threads().get(userId="me", id=tid)
    request.uri += "&format=raw"  # threads.get has no raw format
    assert http_error(request).resp.status == 400
    request = api.threads().list(userId="me")
    request.uri += "&maxResults=lots"
    assert http_error(request).resp.status == 400
    request = api.threads().list(userId="me")
    request.uri += "&alt=proto"
    assert http_error(request).resp.status == 400
    bad_token = api.threads().list(userId="me", pageToken="garbage!")
    assert http_error(bad_token).resp.status == 400
    bad_fields = api.threads().get(userId="me", id=tid, fields="messages(idd)")
    assert http_error(bad_fields).resp.status == 400
    assert (
        http_error(api.threads().get(userId="me", id=tid, fields="messages(id")).resp.status == 400
    )

    for path in ("gmail/v1/users/me/nothing", "gmail/v2/users/me/threads", "elsewhere"):
        resp, content = svc._http.request(fake.root_url + path, "GET")
        assert resp.status == 400, path
        assert json.loads(content)["error"]["status"] == "INVALID_ARGUMENT"
    assert fake.requests[-1].method == "unknown"


def test_bad_or_missing_token_is_401(fake: FakeGmail) -> None:
    svc = build(
        "gmail",
        "v1",
        http=httplib2.Http(),
        static_discovery=True,
        client_options={"api_endpoint": fake.root_url},
    )
    request = svc.users().getProfile(userId="me")
    err = http_error(request)
    assert err.resp.status == 401
    body = error_body(err)
    assert body["status"] == "UNAUTHENTICATED"
    assert body["errors"][0]["reason"] == "authError"
    request = svc.users().getProfile(userId="me")
    request.headers["authorization"] = "Bearer nope"
    assert http_error(request).resp.status == 401
    request = svc.users().getProfile(userId="me")
    request.headers["authorization"] = "Bearer tok"
    assert request.execute()["emailAddress"] == ME
    assert [r.status for r in fake.requests] == [401, 401, 200]
    assert fake.units == Counter({"getProfile": 1})


def test_user_id_me_or_account_address(fake: FakeGmail) -> None:
    api = users(fake)
    assert api.getProfile(userId=ME).execute()["emailAddress"] == ME
    err = http_error(api.getProfile(userId="someone@else.example"))
    assert err.resp.status == 403


# ------------------------------------------------------------------------------------ tokens
def test_refresh_through_google_auth(fake: FakeGmail) -> None:
    creds = credentials(fake, token="expired")
    svc = service(fake, creds)
    assert svc.users().getProfile(userId="me").execute()["emailAddress"] == ME
    assert creds.token == "tok2"
    assert "tok2" in fake.valid_access_tokens
    assert [r.status for r in fake.requests] == [401, 200]
    assert fake.token_requests[0]["grant_type"] == "refresh_token"
    assert fake.token_requests[0]["client_id"] == "cid"
    assert fake.http_round_trips == 2


def test_revoked_refresh_token_is_invalid_grant(fake: FakeGmail) -> None:
    fake.revoke("rt")
    creds = credentials(fake, token="expired")
    svc = service(fake, creds)
    with pytest.raises(RefreshError) as info:
        svc.users().getProfile(userId="me").execute()
    assert "invalid_grant" in str(info.value)
    unknown = credentials(fake, token=None, refresh_token="other")
    with pytest.raises(RefreshError, match="invalid_grant"):
        unknown.refresh(google_auth_httplib2.Request(httplib2.Http()))


def test_authorization_code_grant(fake: FakeGmail) -> None:
    http = httplib2.Http()
    form = {
        "grant_type": "authorization_code",
        "code": "good-code",
        "client_id": "cid",
        "client_secret": "cs",
        "redirect_uri": "http://127.0.0.1:1/",
    }
    headers = {"content-type": "application/x-www-form-urlencoded"}
    resp, content = http.request(fake.token_uri, "POST", body=urlencode(form), headers=headers)
    assert resp.status == 200
    issued = json.loads(content)
    assert issued["token_type"] == "Bearer" and issued["expires_in"] == 3600
    assert "gmail.compose" in issued["scope"]
    assert issued["access_token"] in fake.valid_access_tokens
    assert issued["refresh_token"] in fake.refresh_tokens
    resp, content = http.request(fake.token_uri, "POST", body=urlencode(form), headers=headers)
    assert resp.status == 400 and json.loads(content)["error"] == "invalid_grant"
    form["code"] = "bad-code"
    resp, _ = http.request(fake.token_uri, "POST", body=urlencode(form), headers=headers)
    assert resp.status == 400


# ------------------------------------------------------------------------------------ threads.get
@pytest.fixture
def rich_thread(fake: FakeGmail) -> tuple[str, str, bytes]:
    raw = make_raw(
        subject="Entretien – étape 2",
        text="It's great to meet you.",
        attachment=True,
        calendar=True,
        date=datetime(2026, 11, 16, 10, 30, tzinfo=UTC),
    )
    mid, tid = fake.add_message(raw, labels=["INBOX", "UNREAD"])
    reply = make_raw(
        sender=ME,
        subject="Re: Entretien – étape 2",
        message_id="<reply@x>",
        in_reply_to="<m1@corp.example>",
        date=datetime(2026, 11, 17, 8, tzinfo=UTC),
        html=False,
        text="Thanks!",
    )
    fake.add_message(reply, thread_id=tid, labels=["SENT"])
    return mid, tid, raw


def test_threads_get_full(fake: FakeGmail, rich_thread: tuple[str, str, bytes]) -> None:
    mid, tid, raw = rich_thread
    api = users(fake)
    thread = api.threads().get(userId="me", id=tid).execute()
    assert set(thread) == {"id", "historyId", "messages"}
    assert isinstance(thread["historyId"], str)
    first, second = thread["messages"]
    assert first["id"] == mid and second["labelIds"] == ["SENT"]
    assert int(thread["historyId"]) == max(int(first["historyId"]), int(second["historyId"]))
    assert first["labelIds"] == ["INBOX", "UNREAD"]
    assert first["internalDate"] == str(
        int(datetime(2026, 11, 16, 10, 30, tzinfo=UTC).timestamp()) * 1000
    )
    assert first["snippet"] == "It&#39;s great to meet you."
    assert first["sizeEstimate"] == len(raw)
    payload = first["payload"]
    assert payload["partId"] == "" and payload["mimeType"] == "multipart/mixed"
    assert payload["body"] == {"size": 0}
    subject = next(h["value"] for h in payload["headers"] if h["name"] == "Subject")
    assert "=?utf-8?q?" in subject  # raw, still RFC 2047-encoded
    assert [h["name"] for h in payload["headers"]][:3] == ["From", "To", "Subject"]

    def walk(part: dict[str, Any]) -> Iterator[dict[str, Any]]:
        yield part
        for child in part.get("parts", []):
            yield from walk(child)

    parts = {p["partId"]: p for p in walk(payload)}
    assert sorted(parts) == ["", "0", "0.0", "0.1", "0.2", "1"]
    assert [parts[k]["mimeType"] for k in ("0", "0.0", "0.1", "0.2", "1")] == [
        "multipart/alternative",
        "text/plain",
        "text/html",
        "text/calendar",
        "application/pdf",
    ]
    text_body = parts["0.0"]["body"]
    assert "=" not in text_body["data"]
    assert unb64(text_body["data"]) == b"It's great to meet you.\n"
    assert text_body["size"] == len(unb64(text_body["data"]))
    assert b"BEGIN:VCALENDAR" in unb64(parts["0.2"]["body"]["data"])
    pdf = parts["1"]
    assert pdf["filename"] == "cv.pdf" and "data" not in pdf["body"]
    attachment = (
        api.messages()
        .attachments()
        .get(userId="me", messageId=mid, id=pdf["body"]["attachmentId"])
        .execute()
    )
    assert unb64(attachment["data"]) == b"%PDF-1.4 fake cv"
    assert attachment["size"] == pdf["body"]["size"] == 16

    raw_format = api.messages().get(userId="me", id=mid, format="raw").execute()
    assert unb64(raw_format["raw"]) == raw and "payload" not in raw_format


def test_threads_get_metadata_minimal_and_fields(
    fake: FakeGmail, rich_thread: tuple[str, str, bytes]
) -> None:
    _, tid, _ = rich_thread
    api = users(fake)
    meta = (
        api.threads()
        .get(userId="me", id=tid, format="metadata", metadataHeaders=["From", "subject"])
        .execute()
    )
    for msg in meta["messages"]:
        assert set(msg["payload"]) == {"partId", "mimeType", "filename", "headers"}
        assert [h["name"] for h in msg["payload"]["headers"]] == ["From", "Subject"]
    minimal = api.threads().get(userId="me", id=tid, format="minimal").execute()
    assert all("payload" not in m and "labelIds" in m for m in minimal["messages"])

    product_fields = "id,historyId,messages(id,threadId,labelIds,internalDate,payload)"
    full = api.threads().get(userId="me", id=tid, format="full", fields=product_fields).execute()
    assert set(full) == {"id", "historyId", "messages"}
    assert set(full["messages"][0]) == {"id", "threadId", "labelIds", "internalDate", "payload"}
    slashes = api.threads().get(userId="me", id=tid, fields="messages/payload/mimeType").execute()
    assert slashes == {
        "messages": [
            {"payload": {"mimeType": "multipart/mixed"}},
            {"payload": {"mimeType": "text/plain"}},
        ]
    }
    listed = api.threads().list(userId="me", fields="threads(id),nextPageToken").execute()
    assert listed == {"threads": [{"id": tid}]}
    err = http_error(api.threads().get(userId="me", id="deadbeef"))
    assert err.resp.status == 404 and error_body(err)["status"] == "NOT_FOUND"


# ------------------------------------------------------------------------------------ drafts
def draft_body(raw: bytes, thread_id: str | None) -> dict[str, Any]:
    message: dict[str, Any] = {"raw": b64url(raw)}
    if thread_id is not None:
        message["threadId"] = thread_id
    return {"message": message}


def test_draft_threading_rules(fake: FakeGmail) -> None:
    _, tid = fake.add_message(make_raw(subject="Interview next steps"))
    api = users(fake)

    def reply(
        subject: str = "Re: Interview next steps", in_reply_to: str | None = "<m1@corp.example>"
    ) -> bytes:
        return make_raw(
            sender=ME,
            to="alice@corp.example",
            subject=subject,
            in_reply_to=in_reply_to,
            message_id="<d@x>",
            html=False,
        )

    created = api.drafts().create(userId="me", body=draft_body(reply(), tid)).execute()
    assert created["id"].startswith("r")
    assert created["message"]["threadId"] == tid and created["message"]["labelIds"] == ["DRAFT"]
    assert fake.thread_message_ids(tid)[-1] == created["message"]["id"]
    thread = api.threads().get(userId="me", id=tid).execute()
    assert thread["messages"][-1]["labelIds"] == ["DRAFT"]

    stripped = (
        api.drafts()
        .create(userId="me", body=draft_body(reply("FWD: re:  RE: Interview next steps"), tid))
        .execute()
    )
    assert stripped["message"]["threadId"] == tid

    for raw, wanted in [
        (reply(in_reply_to=None), tid),  # no In-Reply-To/References
        (reply(in_reply_to="<unknown@x>"), tid),  # names no message of the thread
        (reply("Re: Something else"), tid),  # subject differs
        (reply(), "0123456789abcdef"),  # unknown thread
        (reply(), None),  # no threadId
    ]:
        other = api.drafts().create(userId="me", body=draft_body(raw, wanted)).execute()
        assert other["message"]["threadId"] not in (tid, wanted)
        assert fake.thread_message_ids(other["message"]["threadId"]) == [other["message"]["id"]]

    drafts = fake.drafts()
    assert len(drafts) == 7
    assert drafts[0].id == created["id"] and drafts[0].thread_id == tid
    assert drafts[0].parsed["In-Reply-To"] == "<m1@corp.example>"
    assert drafts[0].raw == reply()
    # a drafts-only thread is not listed; the original thread is
    assert all_threads(api, "") == {tid}

    assert http_error(api.drafts().create(userId="me", body={"message": {}})).resp.status == 400
    bad = {"message": {"raw": "@@not base64@@"}}
    assert http_error(api.drafts().create(userId="me", body=bad)).resp.status == 400
    assert http_error(api.drafts().create(userId="me", body={"mesage": {}})).resp.status == 400


def test_drafts_list_get_update_delete_and_upload(fake: FakeGmail) -> None:
    api = users(fake)
    ids = []
    for n in range(4):
        fake.now = NOW + timedelta(minutes=n)
        raw = make_raw(sender=ME, subject=f"Draft {n}", html=False, message_id=f"<d{n}@x>")
        ids.append(api.drafts().create(userId="me", body=draft_body(raw, None)).execute()["id"])
    first = api.drafts().list(userId="me").execute()
    assert [d["id"] for d in first["drafts"]] == ids[::-1][:3]
    assert set(first["drafts"][0]) == {"id", "message"}
    assert set(first["drafts"][0]["message"]) == {"id", "threadId"}
    second = api.drafts().list(userId="me", pageToken=first["nextPageToken"]).execute()
    assert [d["id"] for d in second["drafts"]] == [ids[0]] and "nextPageToken" not in second
    only = api.drafts().list(userId="me", q='subject:"Draft 2"').execute()
    assert [d["id"] for d in only["drafts"]] == [ids[2]]

    got = api.drafts().get(userId="me", id=ids[1]).execute()
    assert got["message"]["labelIds"] == ["DRAFT"] and got["message"]["payload"]["headers"]
    old_message = got["message"]["id"]
    new_raw = make_raw(sender=ME, subject="Draft 1 v2", html=False)
    updated = api.drafts().update(userId="me", id=ids[1], body=draft_body(new_raw, None)).execute()
    assert updated["id"] == ids[1] and updated["message"]["id"] != old_message
    assert http_error(api.messages().get(userId="me", id=old_message)).resp.status == 404

    api.drafts().delete(userId="me", id=ids[0]).execute()
    assert http_error(api.drafts().get(userId="me", id=ids[0])).resp.status == 404
    assert [d.id for d in fake.drafts()] == ids[1:]

    _, tid = fake.add_message(make_raw())
    upload_raw = make_raw(
        sender=ME,
        subject="Re: Interview next steps",
        html=False,
        in_reply_to="<m1@corp.example>",
        message_id="<u@x>",
    )
    media = MediaInMemoryUpload(upload_raw, mimetype="message/rfc822")
    request = api.drafts().create(
        userId="me", body={"message": {"threadId": tid}}, media_body=media
    )
    uploaded = to_plain_http(fake, request).execute()
    assert uploaded["message"]["threadId"] == tid
    assert fake.drafts()[-1].raw == upload_raw


def test_forbidden_calls_are_recorded_and_refused(fake: FakeGmail) -> None:
    mid, tid = fake.add_message(make_raw(), labels=["INBOX", "UNREAD"])
    api = users(fake)
    draft = api.drafts().create(userId="me", body=draft_body(make_raw(sender=ME), None)).execute()
    raw = b64url(make_raw(sender=ME))
    calls = [
        api.messages().send(userId="me", body={"raw": raw}),
        api.drafts().send(userId="me", body={"id": draft["id"]}),
        api.messages().modify(userId="me", id=mid, body={"removeLabelIds": ["UNREAD"]}),
        api.messages().trash(userId="me", id=mid),
        api.threads().delete(userId="me", id=tid),
        api.messages().insert(userId="me", body={"raw": raw}),
        api.messages().batchModify(userId="me", body={"ids": [mid], "addLabelIds": ["STARRED"]}),
        to_plain_http(
            fake,
            api.messages().send(
                userId="me", media_body=MediaInMemoryUpload(make_raw(), mimetype="message/rfc822")
            ),
        ),
    ]
    for call in calls:
        err = http_error(call)
        assert err.resp.status == 403
        assert error_body(err)["errors"][0]["reason"] == "forbidden"
    assert fake.forbidden_calls == [
        "messages.send /gmail/v1/users/me/messages/send",
        "drafts.send /gmail/v1/users/me/drafts/send",
        f"messages.modify /gmail/v1/users/me/messages/{mid}/modify",
        f"messages.trash /gmail/v1/users/me/messages/{mid}/trash",
        f"threads.delete /gmail/v1/users/me/threads/{tid}",
        "messages.insert /gmail/v1/users/me/messages",
        "messages.batchModify /gmail/v1/users/me/messages/batchModify",
        "messages.send /upload/gmail/v1/users/me/messages/send",
    ]
    assert api.messages().get(userId="me", id=mid).execute()["labelIds"] == ["INBOX", "UNREAD"]
    assert fake.units["messages.send"] == 200 and fake.units["drafts.send"] == 100


# ------------------------------------------------------------------------------------ batch
def test_batch_threads_get_with_404_and_injected_429(fake: FakeGmail) -> None:
    t1 = fake.add_message(make_raw(message_id="<1@x>"))[1]
    t2 = fake.add_message(make_raw(message_id="<2@x>"))[1]
    api = users(fake)
    fake.fail_next("threads.get", retry_after=7)
    results: dict[str, tuple[Any, HttpError | None]] = {}

    def callback(request_id: str, response: Any, exception: HttpError | None) -> None:
        results[request_id] = (response, exception)

    batch = BatchHttpRequest(callback=callback, batch_uri=fake.root_url + "batch/gmail/v1")
    batch.add(api.threads().get(userId="me", id=t1, format="minimal"), request_id="first")
    batch.add(api.threads().get(userId="me", id="nosuchthread"), request_id="missing")
    batch.add(api.threads().get(userId="me", id=t2, fields="id"), request_id="ok")
    before = fake.http_round_trips
    batch.execute()
    assert fake.http_round_trips == before + 1

    limited = results["first"][1]
    assert limited is not None and limited.resp.status == 429
    assert limited.resp["retry-after"] == "7"
    assert error_body(limited)["errors"][0]["reason"] == "rateLimitExceeded"
    missing = results["missing"][1]
    assert missing is not None and missing.resp.status == 404
    assert results["ok"] == ({"id": t2}, None)
    assert [(r.method, r.status, r.in_batch) for r in fake.requests[-3:]] == [
        ("threads.get", 429, True),
        ("threads.get", 404, True),
        ("threads.get", 200, True),
    ]
    assert fake.units["threads.get"] == 120


def test_batch_short_path_refresh_and_limit(fake: FakeGmail) -> None:
    tid = fake.add_message(make_raw())[1]
    creds = credentials(fake, token="stale")
    svc = service(fake, creds)
    got: list[Any] = []
    batch = BatchHttpRequest(
        callback=lambda _id, resp, exc: got.append(exc or resp["id"]),
        batch_uri=fake.root_url + "batch",
    )
    batch.add(svc.users().threads().get(userId="me", id=tid))
    batch.add(svc.users().drafts().create(userId="me", body=draft_body(make_raw(), None)))
    batch.execute()  # parts answer 401, the client refreshes and re-sends them
    assert got[0] == tid and got[1].startswith("r")
    assert creds.token == "tok2" and len(fake.drafts()) == 1

    big = BatchHttpRequest(batch_uri=fake.root_url + "batch/gmail/v1")
    for _ in range(101):
        big.add(svc.users().getProfile(userId="me"))
    with pytest.raises(HttpError) as info:
        big.execute()
    assert info.value.resp.status == 400


def test_fail_next_wildcard_and_count(fake: FakeGmail) -> None:
    api = users(fake)
    fake.fail_next("*", status=503, reason="backendError", count=2)
    assert http_error(api.getProfile(userId="me")).resp.status == 503
    assert http_error(api.labels().list(userId="me")).resp.status == 503
    assert api.getProfile(userId="me").execute()["emailAddress"] == ME
    with pytest.raises(ValueError):
        fake.fail_next("threads.gett")


# ------------------------------------------------------------------------------------ history
def test_history_after_add_delete_label_change_and_expiry(fake: FakeGmail) -> None:
    doomed, _ = fake.add_message(make_raw(message_id="<old@x>"))
    api = users(fake)
    start = int(api.getProfile(userId="me").execute()["historyId"])
    mid, tid = fake.add_message(make_raw(message_id="<new@x>"), labels=["INBOX", "UNREAD"])
    fake.modify_labels(mid, add=["STARRED"], remove=["UNREAD"])
    fake.delete_message(doomed)

    resp = api.history().list(userId="me", startHistoryId=str(start)).execute()
    history = resp["history"]
    assert resp["historyId"] == str(start + 3) and "nextPageToken" not in resp
    assert [h["id"] for h in history] == [str(start + 1), str(start + 2), str(start + 3)]
    assert history[0]["messagesAdded"] == [
        {"message": {"id": mid, "threadId": tid, "labelIds": ["INBOX", "UNREAD"]}}
    ]
    assert history[1]["labelsAdded"][0]["labelIds"] == ["STARRED"]
    assert history[1]["labelsRemoved"][0]["labelIds"] == ["UNREAD"]
    assert history[2]["messagesDeleted"][0]["message"]["id"] == doomed
    assert all(h["messages"][0]["id"] in (mid, doomed) for h in history)

    only_added = (
        api.history()
        .list(userId="me", startHistoryId=str(start), historyTypes=["labelAdded"])
        .execute()["history"]
    )
    assert len(only_added) == 1 and set(only_added[0]) == {"id", "messages", "labelsAdded"}
    starred = api.history().list(userId="me", startHistoryId=str(start), labelId="STARRED")
    assert [h["id"] for h in starred.execute()["history"]] == [str(start + 2)]
    assert api.messages().get(userId="me", id=mid).execute()["historyId"] == str(start + 2)

    pages = []
    request = api.history().list(userId="me", startHistoryId=str(start), maxResults=2)
    while request is not None:
        page = request.execute()
        pages.append([h["id"] for h in page["history"]])
        request = api.history().list_next(request, page)
    assert pages == [[str(start + 1), str(start + 2)], [str(start + 3)]]

    empty = api.history().list(userId="me", startHistoryId=str(start + 3)).execute()
    assert empty == {"historyId": str(start + 3)}
    fake.expire_history_before(start + 2)
    err = http_error(api.history().list(userId="me", startHistoryId=str(start)))
    assert err.resp.status == 404 and error_body(err)["errors"][0]["reason"] == "notFound"
    assert api.history().list(userId="me", startHistoryId=str(start + 2)).execute()["history"]
    assert http_error(api.history().list(userId="me")).resp.status == 400


def test_history_records_drafts(fake: FakeGmail) -> None:
    api = users(fake)
    start = fake.history_id
    draft = api.drafts().create(userId="me", body=draft_body(make_raw(), None)).execute()
    api.drafts().delete(userId="me", id=draft["id"]).execute()
    history = api.history().list(userId="me", startHistoryId=str(start)).execute()["history"]
    assert history[0]["messagesAdded"][0]["message"]["labelIds"] == ["DRAFT"]
    assert history[1]["messagesDeleted"][0]["message"]["id"] == draft["message"]["id"]


# ------------------------------------------------------------------------------------ units
def test_units_accounting(fake: FakeGmail) -> None:
    mid, tid = fake.add_message(make_raw())
    api = users(fake)
    api.getProfile(userId="me").execute()
    api.labels().list(userId="me").execute()
    api.threads().list(userId="me").execute()
    api.threads().get(userId="me", id=tid).execute()
    http_error(api.threads().get(userId="me", id="nope"))  # a 404 is charged too
    api.messages().list(userId="me").execute()
    api.messages().get(userId="me", id=mid).execute()
    draft = api.drafts().create(userId="me", body=draft_body(make_raw(), None)).execute()
    api.drafts().update(userId="me", id=draft["id"], body=draft_body(make_raw(), None)).execute()
    api.drafts().get(userId="me", id=draft["id"]).execute()
    api.drafts().list(userId="me").execute()
    api.drafts().delete(userId="me", id=draft["id"]).execute()
    api.history().list(userId="me", startHistoryId="1").execute()
    request = api.getProfile(userId="me")
    request.uri += "&nope=1"  # rejected before charging
    http_error(request)
    assert fake.units == Counter(
        {
            "getProfile": 1,
            "labels.list": 1,
            "threads.list": 10,
            "threads.get": 80,
            "messages.list": 5,
            "messages.get": 20,
            "drafts.create": 10,
            "drafts.update": 15,
            "drafts.get": 20,
            "drafts.list": 5,
            "drafts.delete": 10,
            "history.list": 2,
        }
    )
    assert len(fake.requests) == 14 and fake.http_round_trips == 14


# ------------------------------------------------------------------------------------ extras
def test_add_mbox_takeout(fake: FakeGmail, tmp_path: Path) -> None:
    path = tmp_path / "takeout.mbox"
    box = mailbox.mbox(str(path))
    for thrid, labels, mid in [
        ("1780000000000000001", "Inbox,Unread,Category Promotions", "<t1@x>"),
        ("1780000000000000001", 'Sent,Opened,"Job Search, 2026"', "<t2@x>"),
        ("1780000000000000002", "Chat,Important,Starred", "<t3@x>"),
    ]:
        msg = EmailMessage()
        msg["X-GM-THRID"] = thrid
        msg["X-Gmail-Labels"] = labels
        msg["From"] = "x@example.com"
        msg["Subject"] = "Takeout"
        msg["Message-ID"] = mid
        msg["Date"] = format_datetime(NOW - timedelta(days=2))
        msg.set_content("hi")
        box.add(msg)
    box.close()
    fake.add_mbox(path)
    first = f"{1780000000000000001:x}"
    second = f"{1780000000000000002:x}"
    api = users(fake)
    thread = api.threads().get(userId="me", id=first).execute()
    assert [m["labelIds"] for m in thread["messages"]] == [
        ["INBOX", "CATEGORY_PROMOTIONS", "UNREAD"],
        ["SENT", "Label_1"],
    ]
    assert fake.user_labels == {"Label_1": "Job Search, 2026"}
    names = [h["name"] for h in thread["messages"][0]["payload"]["headers"]]
    assert "X-GM-THRID" not in names and "X-Gmail-Labels" not in names
    assert all_threads(api, "in:chats is:starred") == {second}
    assert all_threads(api, 'label:"job search, 2026"') == {first}


def test_latency_per_round_trip() -> None:
    with FakeGmail(latency=0.05) as slow:
        api = users(slow)
        started = time.monotonic()
        api.getProfile(userId="me").execute()
        assert time.monotonic() - started >= 0.05


def test_thirty_thousand_messages_stay_fast(fake: FakeGmail) -> None:
    started = time.monotonic()
    template = make_raw(html=False)
    thread_id = None
    for n in range(30_000):
        if n % 3 == 0:
            thread_id = None
        _, thread_id = fake.add_message(
            template, thread_id=thread_id, internal_date=NOW - timedelta(minutes=n)
        )
    api = users(fake)
    request = api.threads().list(userId="me", q="newer_than:60d -in:chats", maxResults=500)
    seen = 0
    for _ in range(5):
        page = request.execute()
        seen += len(page["threads"])
        for item in page["threads"][:2]:
            api.threads().get(userId="me", id=item["id"], format="metadata").execute()
        request = api.threads().list_next(request, page)
    assert seen == 2500 and page["resultSizeEstimate"] == 10_000
    assert api.messages().list(userId="me", q="interview").execute()["resultSizeEstimate"] == 30_000
    assert time.monotonic() - started < 60
