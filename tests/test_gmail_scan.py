"""`assistant scan` end to end against the fake Gmail, through Google's real client."""

from __future__ import annotations

import json
import stat
from datetime import timedelta
from email.message import EmailMessage

from tests.builders import NOW, raw_email
from tests.conftest import ACCOUNT, Home
from tests.fakegmail import FakeGmail

JR = f"Jordan Reyes <{ACCOUNT}>"
MAYA = "Maya Chen <maya@brightlane.io>"
NOW_ARG = NOW.isoformat().replace("+00:00", "Z")


def add_application(fake: FakeGmail, days_ago: float, *, subject: str = "Backend Engineer "
                    "application - Jordan Reyes") -> tuple[str, str]:
    raw = raw_email(JR, MAYA, subject,
                    "Hi Maya,\n\nI'd like to apply for the Backend Engineer role at Brightlane. "
                    "My resume is attached.\n\nBest,\nJordan", NOW - timedelta(days=days_ago),
                    message_id=f"<app-{days_ago}@mail.example>",
                    attachment=("Jordan_Reyes_Resume.pdf", b"%PDF-1.4 fake", "application/pdf"))
    return fake.add_message(raw, labels=("SENT",))


def add_introduction(fake: FakeGmail) -> tuple[str, str]:
    raw = raw_email("Sam Ortiz <sam.ortiz@gmail.com>",
                    f"{JR}, Dana Fox <dana@northwind.com>", "Intro: Jordan <> Dana (Northwind)",
                    "Hi both,\n\nI'd like to introduce you two. Dana runs platform at Northwind; "
                    "Jordan is a backend engineer I worked with for years.\n\nSam",
                    NOW - timedelta(hours=30), message_id="<intro@mail.example>")
    return fake.add_message(raw, labels=("INBOX",))


def add_newsletter(fake: FakeGmail) -> tuple[str, str]:
    raw = raw_email("Python Weekly <news@pyweekly.example>", ACCOUNT, "Python Weekly #700",
                    "Interview tips and more.", NOW - timedelta(days=1),
                    extra_headers={"List-Unsubscribe": "<mailto:unsubscribe@pyweekly.example>"})
    return fake.add_message(raw, labels=("INBOX",))


def scan_json(home: Home, *args: str) -> dict[str, object]:
    result = home.run("scan", "--now", NOW_ARG, "--json", *args)
    assert result.exit_code == 0, result.output + result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_scan_drafts_one_threaded_reply_per_due_follow_up(fake: FakeGmail, home: Home) -> None:
    _, applied = add_application(fake, 3)
    _, waiting = add_application(fake, 1, subject="Platform Engineer application")
    _, intro = add_introduction(fake)
    add_newsletter(fake)

    data = scan_json(home)

    by_thread = {t["thread_id"]: t for t in data["threads"]}  # type: ignore[attr-defined]
    assert by_thread[applied]["status"] == "due"
    assert by_thread[applied]["situation"] == "resume_submitted"
    assert by_thread[waiting]["status"] == "waiting"
    assert by_thread[intro]["situation"] == "introduction"
    drafts = {d.thread_id: d for d in fake.drafts()}
    assert set(drafts) == {applied, intro}

    reply = drafts[applied].parsed
    assert reply["Subject"] == "Re: Backend Engineer application - Jordan Reyes"
    assert reply["In-Reply-To"] == "<app-3@mail.example>"
    assert reply["References"] == "<app-3@mail.example>"
    assert reply["To"] == MAYA
    assert ACCOUNT in reply["From"]
    body = reply.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert text.startswith("Hi Maya,")
    assert "next steps" in text
    assert "> I'd like to apply for the Backend Engineer role" in text
    assert by_thread[applied]["draft_id"] == drafts[applied].id

    intro_reply = drafts[intro].parsed
    assert intro_reply["To"] == "Dana Fox <dana@northwind.com>"
    assert "sam.ortiz@gmail.com" in intro_reply["Bcc"]
    assert fake.forbidden_calls == []


def test_a_second_scan_makes_no_second_draft(fake: FakeGmail, home: Home) -> None:
    add_application(fake, 3)
    scan_json(home)
    data = scan_json(home)
    assert len(fake.drafts()) == 1
    assert data["summary"]["drafts_created"] == 0  # type: ignore[index]


def test_a_draft_the_user_deleted_is_not_recreated(fake: FakeGmail, home: Home) -> None:
    add_application(fake, 3)
    scan_json(home)
    (draft,) = fake.drafts()
    fake.delete_draft(draft.id)
    data = scan_json(home)
    assert fake.drafts() == []
    (row,) = data["threads"]  # type: ignore[misc]
    assert row["action"] == "draft already made"


def test_dry_run_creates_nothing(fake: FakeGmail, home: Home) -> None:
    add_application(fake, 3)
    data = scan_json(home, "--dry-run")
    assert fake.drafts() == []
    (row,) = data["threads"]  # type: ignore[misc]
    assert row["action"] == "would create draft"
    assert not (home.path / "state.sqlite3").exists() or scan_json(home)["summary"]


def test_a_thread_that_already_holds_a_draft_gets_none(fake: FakeGmail, home: Home) -> None:
    _, thread_id = add_application(fake, 3)
    own = EmailMessage()
    own["From"], own["To"], own["Subject"] = ACCOUNT, "maya@brightlane.io", "Re: x"
    own.set_content("my own words")
    fake.add_message(own.as_bytes(), thread_id=thread_id, labels=("DRAFT",))
    data = scan_json(home)
    assert [d.thread_id for d in fake.drafts()] == []
    (row,) = data["threads"]  # type: ignore[misc]
    assert row["action"] == "thread already has a draft"


def test_json_schema(fake: FakeGmail, home: Home) -> None:
    add_application(fake, 3)
    add_newsletter(fake)
    data = scan_json(home)
    assert set(data) >= {"now", "account", "threads", "summary"}
    assert data["now"] == NOW_ARG
    assert data["account"] == ACCOUNT
    for row in data["threads"]:  # type: ignore[attr-defined]
        assert set(row) >= {"thread_id", "subject", "counterpart", "situation", "status",
                            "overdue", "due_at", "reason", "draft_id"}
        assert row["situation"] in {"new_contact", "introduction", "help_offered",
                                    "resume_submitted", "interview", "none"}
        assert row["status"] in {"waiting", "due", "closed", "ignored"}
        assert isinstance(row["overdue"], bool)
        assert row["reason"].endswith(".")


def test_an_expired_access_token_is_refreshed_and_saved(fake: FakeGmail, home: Home) -> None:
    home.write_token(token="stale", expiry="2020-01-01T00:00:00Z")
    add_application(fake, 3)
    scan_json(home)
    token_file = home.path / "token.json"
    assert json.loads(token_file.read_text())["token"] == "tok2"
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600


def test_a_revoked_token_is_one_clear_line_and_exit_3(fake: FakeGmail, home: Home) -> None:
    home.write_token(token="stale", expiry="2020-01-01T00:00:00Z")
    fake.revoke("rt")
    result = home.run("scan", "--now", NOW_ARG)
    assert result.exit_code == 3
    assert "revoked or has expired" in result.stderr
    assert "assistant auth" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_no_token_says_to_run_auth(fake: FakeGmail, home: Home) -> None:
    (home.path / "token.json").unlink()
    result = home.run("scan", "--now", NOW_ARG)
    assert result.exit_code == 3
    assert "assistant auth" in result.stderr


def test_the_state_database_is_private(fake: FakeGmail, home: Home) -> None:
    add_application(fake, 3)
    scan_json(home)
    state = home.path / "state.sqlite3"
    assert stat.S_IMODE(state.stat().st_mode) == 0o600


def test_a_thread_listed_but_gone_is_skipped_not_fatal(fake: FakeGmail, home: Home) -> None:
    add_application(fake, 3)
    fake.fail_next("threads.get", status=404, reason="notFound", count=1)
    data = scan_json(home)
    assert len(data["skipped"]) == 1  # type: ignore[arg-type]


def test_the_product_never_sends(fake: FakeGmail, home: Home) -> None:
    add_application(fake, 3)
    add_introduction(fake)
    scan_json(home)
    scan_json(home)
    assert fake.drafts()
    assert fake.forbidden_calls == []
    assert not any("send" in r.method for r in fake.requests)


def test_a_corrupt_state_database_is_left_alone_with_exit_2(fake: FakeGmail, home: Home) -> None:
    add_application(fake, 3)
    state = home.path / "state.sqlite3"
    state.write_bytes(b"this is not a database" * 100)
    result = home.run("scan", "--now", NOW_ARG)
    assert result.exit_code == 2
    assert "not a usable state database" in result.stderr
    assert state.read_bytes() == b"this is not a database" * 100
    assert fake.drafts() == []
