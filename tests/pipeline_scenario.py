"""A job search in progress, scanned twice against the fake Gmail: for `status` and `report`.

Five applications. At NOW two are due (drafts made), two wait a day, one two days. An
hour later the user sends one of the drafts; four hours after that, its recruiter answers;
the second scan (NOW + 6 h) sees it all.
"""

from __future__ import annotations

from datetime import timedelta

from tests.builders import NOW, raw_email
from tests.conftest import ACCOUNT, Home
from tests.fakegmail import FakeGmail

JR = f"Jordan Reyes <{ACCOUNT}>"
HOSTILE = '<script>alert("x")</script> Staff Engineer & Co'


def at(delta: timedelta = timedelta(0)) -> str:
    return (NOW + delta).isoformat().replace("+00:00", "Z")


def apply(fake: FakeGmail, who: str, subject: str, days_ago: float, key: str) -> str:
    raw = raw_email(JR, who, subject, "Hello,\n\nI'd like to apply for the Engineer role. "
                    "My resume is attached.\n\nJordan", NOW - timedelta(days=days_ago),
                    message_id=f"<{key}@mail.example>")
    return fake.add_message(raw, labels=("SENT",))[1]


def scan(home: Home, when: str) -> None:
    home.env["INBOX_ASSISTANT_QUOTA_PER_MINUTE"] = "0"
    result = home.run("scan", "--now", when, "--json")
    assert result.exit_code == 0, result.output + result.stderr


def job_search(fake: FakeGmail, home: Home) -> Home:
    apply(fake, "Maya Chen <maya@brightlane.io>", "Backend Engineer application", 3, "maya")
    sam = apply(fake, "Sam Ode <sam@northwind.example>", "Platform Engineer application", 3,
                "sam")
    apply(fake, "Lee Park <lee@acme.example>", "Data Engineer application", 1, "lee")
    apply(fake, "Ana Ruiz <ana@globex.example>", HOSTILE, 1, "ana")
    apply(fake, "Kim Lo <kim@initech.example>", "SRE application", 0, "kim")
    scan(home, at())
    draft = next(d for d in fake.drafts() if d.thread_id == sam)
    fake.delete_draft(draft.id)
    fake.add_message(draft.raw, thread_id=sam, labels=("SENT",),
                     internal_date=NOW + timedelta(hours=1))
    answer = raw_email("Sam Ode <sam@northwind.example>", JR, "Re: Platform Engineer application",
                       "Thanks Jordan, could you do a call on Tuesday?",
                       NOW + timedelta(hours=5), in_reply_to="<sam@mail.example>",
                       message_id="<sam-answer@northwind.example>")
    fake.add_message(answer, thread_id=sam, labels=("INBOX",))
    scan(home, at(timedelta(hours=6)))
    return home
