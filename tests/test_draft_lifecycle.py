"""A draft lifecycle that never surprises: removed when stale, left alone when edited."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

from google.oauth2.credentials import Credentials
from googleapiclient.discovery import build

from tests.builders import NOW, raw_email
from tests.conftest import ACCOUNT, Home
from tests.fakegmail import FakeGmail

JR = f"Jordan Reyes <{ACCOUNT}>"
MAYA = "Maya Chen <maya@brightlane.io>"
SUBJECT = "Backend Engineer application"


def at(delta: timedelta) -> str:
    return (NOW + delta).isoformat().replace("+00:00", "Z")


def apply(fake: FakeGmail) -> str:
    raw = raw_email(JR, MAYA, SUBJECT, "Hi Maya,\n\nI'd like to apply for the Backend Engineer "
                    "role. My resume is attached.\n\nJordan", NOW - timedelta(days=3),
                    message_id="<app@mail.example>")
    return fake.add_message(raw, labels=("SENT",))[1]


def scan(home: Home, when: str) -> dict[str, object]:
    home.env["INBOX_ASSISTANT_QUOTA_PER_MINUTE"] = "0"
    result = home.run("scan", "--now", when, "--json")
    assert result.exit_code == 0, result.output + result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def their_answer(fake: FakeGmail, thread_id: str, hours_after: float) -> None:
    raw = raw_email(MAYA, JR, f"Re: {SUBJECT}", "Thanks Jordan, we'd love to set up a call.",
                    NOW + timedelta(hours=hours_after), in_reply_to="<app@mail.example>",
                    message_id="<answer@brightlane.io>")
    fake.add_message(raw, thread_id=thread_id, labels=("INBOX",))


def drafts_states(home: Home) -> list[str]:
    result = home.run("drafts", "--json")
    assert result.exit_code == 0, result.stderr
    return [d["state"] for d in json.loads(result.stdout)["drafts"]]


def test_an_untouched_draft_is_removed_when_they_answer(fake: FakeGmail, home: Home) -> None:
    thread_id = apply(fake)
    scan(home, at(timedelta(0)))
    assert len(fake.drafts()) == 1
    their_answer(fake, thread_id, 1)
    data = scan(home, at(timedelta(hours=2)))
    assert fake.drafts() == []
    (row,) = data["threads"]  # type: ignore[misc]
    assert row["status"] == "closed"
    assert drafts_states(home) == ["stale"]
    assert fake.forbidden_calls == []


def test_a_draft_the_user_edited_is_left_alone(fake: FakeGmail, home: Home) -> None:
    thread_id = apply(fake)
    scan(home, at(timedelta(0)))
    (draft,) = fake.drafts()
    service = build("gmail", "v1", credentials=Credentials("tok"), static_discovery=True,
                    client_options={"api_endpoint": fake.root_url})
    edited = draft.parsed
    plain = edited.get_body(("plain",))
    assert plain is not None
    plain.set_content("Hi Maya, my own words.")
    raw = base64.urlsafe_b64encode(edited.as_bytes()).decode()
    service.users().drafts().update(userId="me", id=draft.id, body={
        "message": {"raw": raw, "threadId": thread_id}}).execute()
    their_answer(fake, thread_id, 1)
    scan(home, at(timedelta(hours=2)))
    (still,) = fake.drafts()
    assert still.id == draft.id
    assert drafts_states(home) == ["edited"]


def test_a_sent_draft_starts_the_next_window(fake: FakeGmail, home: Home) -> None:
    thread_id = apply(fake)
    scan(home, at(timedelta(0)))
    (draft,) = fake.drafts()
    fake.delete_draft(draft.id)
    fake.add_message(draft.raw, thread_id=thread_id, labels=("SENT",),
                     internal_date=NOW + timedelta(hours=1))
    data = scan(home, at(timedelta(hours=2)))
    (row,) = data["threads"]  # type: ignore[misc]
    assert row["status"] == "waiting"
    assert row["due_at"] == at(timedelta(days=7, hours=1))
    assert drafts_states(home) == ["sent"]
    # A week later the second follow-up is due and drafted; after it, no third.
    data = scan(home, at(timedelta(days=7, hours=2)))
    assert data["summary"]["drafts_created"] == 1  # type: ignore[index]
    result = home.run("drafts", "--json")
    newest = json.loads(result.stdout)["drafts"][0]
    assert ":second_follow_up:1:" in newest["followup"]
    assert newest["state"] == "pending"


def test_a_deleted_draft_is_recorded_and_not_made_again(fake: FakeGmail, home: Home) -> None:
    apply(fake)
    scan(home, at(timedelta(0)))
    (draft,) = fake.drafts()
    fake.delete_draft(draft.id)
    scan(home, at(timedelta(hours=2)))
    scan(home, at(timedelta(hours=3)))
    assert fake.drafts() == []
    assert drafts_states(home) == ["deleted"]


def test_an_interrupted_creation_is_found_by_its_marker(fake: FakeGmail, home: Home) -> None:
    """The intent was recorded and Gmail made the draft, but the run died before it heard:
    the next run adopts the draft it finds with the follow-up's marker, and makes no other."""
    from inbox_assistant.store import Store

    thread_id = apply(fake)
    scan(home, at(timedelta(0)))
    (draft,) = fake.drafts()
    store = Store(home.path / "state.sqlite3")
    (record,) = store.drafts()
    store.db.execute("UPDATE drafts SET state = 'intended', draft_id = '', message_id = ''")
    store.close()
    fake.modify_labels(draft.message_id, add=["IMPORTANT"])  # some news, as a real run has
    scan(home, at(timedelta(hours=1)))
    assert [d.id for d in fake.drafts()] == [draft.id]
    assert drafts_states(home) == ["pending"]
    assert thread_id == record.thread_id


def test_drafts_lists_what_was_made(fake: FakeGmail, home: Home) -> None:
    apply(fake)
    scan(home, at(timedelta(0)))
    result = home.run("drafts")
    assert result.exit_code == 0
    assert SUBJECT in result.stdout
    assert "pending: awaiting your review in Gmail" in result.stdout
