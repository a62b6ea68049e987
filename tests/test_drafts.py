"""Drafts a user would send with few edits: every template on a realistic thread.

Golden files (tests/golden/drafts/) hold the rendered drafts and are reviewed like code;
`UPDATE_GOLDEN=1 pytest tests/test_drafts.py` rewrites them after a deliberate change.
Every draft is also checked against the content rules: short, thanks where due, a clear
ask about next steps, no filler, nothing left unrendered, correctly threaded.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from inbox_assistant.domain.model import CalendarEvent, Me, Thread
from inbox_assistant.drafts.compose import Draft, compose, talking_points, template_name
from inbox_assistant.drafts.templates import Templates
from inbox_assistant.rules.engine import classify
from inbox_assistant.rules.loader import load_rules
from tests.builders import NOW, ago, msg, thread

GOLDEN = Path(__file__).parent / "golden" / "drafts"
NY = ZoneInfo("America/New_York")
RULES = load_rules(None)
ME = Me(email="jordan@example.com", name="Jordan Reyes",
        about="I'm a backend engineer with eight years in payments and data platforms.")
JR = "Jordan Reyes <jordan@example.com>"
MAYA = "Maya Chen <maya@brightlane.io>"
LEE = "Lee Park <lee.park@gmail.com>"
SIGNED = "\n\nBest,\nMaya Chen\nSenior Recruiter | Brightlane"


def application(days: float) -> Thread:
    return thread(msg(JR, ago(days), "Hi Maya,\n\nI'd like to apply for the Backend Engineer "
                      "role at Brightlane. My resume is attached.", to=MAYA,
                      subject="Application for Backend Engineer", attachments=("resume.pdf",)))


def interview(start_days_ago: float, *later: object) -> Thread:
    start = ago(start_days_ago)
    event = CalendarEvent("Interview: Jordan Reyes / Platform", start, start + timedelta(hours=1))
    invite = msg(MAYA, start - timedelta(days=4), "Looking forward to your interview for the "
                 "Backend Engineer role." + SIGNED, subject="Interview for Backend Engineer",
                 events=(event,))
    return thread(invite, *later)  # type: ignore[arg-type]


SCENARIOS: dict[str, Callable[[], Thread]] = {
    "resume_submitted": lambda: application(3),
    "second_follow_up": lambda: thread(
        *application(12).messages,
        msg(JR, ago(8), "Hi Maya, following up on my application for the Backend Engineer "
            "role.", to=MAYA, subject="Re: Application for Backend Engineer")),
    "interview_thank_you": lambda: interview(0.8),
    "interview_check_in": lambda: interview(
        4.2, msg(JR, ago(4), "Thank you for taking the time to speak with me today.", to=MAYA,
                 subject="Re: Interview for Backend Engineer")),
    "check_in_promised": lambda: interview(
        8, msg(MAYA, ago(7.5), "Thanks Jordan! We'll get back to you by Monday, November "
               "16." + SIGNED, subject="Re: Interview for Backend Engineer"),
        msg(JR, ago(7.4), "Thank you, Maya, I look forward to hearing from you.", to=MAYA,
            subject="Re: Interview for Backend Engineer")),
    "introduction": lambda: thread(msg(
        "Sam Ortiz <sam.ortiz@gmail.com>", ago(1.3), "Hi both,\n\nI'd like to introduce you "
        "two. Dana leads platform at Northwind; Jordan is the best backend engineer I know.",
        to=f"{JR}, Dana Fox <dana@northwind.com>", subject="Intro: Jordan <> Dana")),
    "new_contact": lambda: thread(msg(
        "Priya Das <priya@loomwork.io>", ago(2), "Great meeting you at the PyData meetup last "
        "night! Here are the slides I mentioned.", subject="Great meeting you")),
    "help_offered": lambda: thread(
        msg(LEE, ago(11), "Happy to help! Send me your resume and I'll forward it to the hiring "
            "manager.", subject="Catching up"),
        msg(JR, ago(9), "Thank you so much, Lee! My resume is attached.", to=LEE,
            subject="Re: Catching up", attachments=("resume.pdf",))),
    "help_offered_time_sensitive": lambda: thread(
        msg(LEE, ago(4), "Happy to help! Send me your resume and I'll forward it to the hiring "
            "manager.", subject="Catching up"),
        msg(JR, ago(3.9), "Thank you so much, Lee! My resume is attached. My other offer "
            "expires on November 21, so I need to give them an answer by then.", to=LEE,
            subject="Re: Catching up", attachments=("resume.pdf",))),
    "help_offered_reply": lambda: thread(msg(
        LEE, ago(2), "Happy to help! I can refer you for the platform role if you like.",
        subject="Platform role")),
}


def draft_for(name: str) -> tuple[Draft, Thread]:
    t = SCENARIOS[name]()
    verdict = classify(t, RULES, ME, NOW, NY)
    assert verdict.status.value == "due", verdict.reason
    assert template_name(verdict) == name
    draft = compose(t, verdict, ME, NOW, NY, Templates())
    assert draft is not None
    return draft, t


def written(body: str) -> str:
    """What the user would send, without the quoted message below it."""
    return re.split(r"\n\nOn .* wrote:\n", body, maxsplit=1)[0]


@pytest.mark.parametrize("name", SCENARIOS)
def test_draft_matches_its_golden_file(name: str) -> None:
    draft, _ = draft_for(name)
    text = f"To: {draft.message['To']}\nSubject: {draft.subject}\n\n{draft.body}"
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SCENARIOS)
def test_draft_follows_the_content_rules(name: str) -> None:
    draft, _ = draft_for(name)
    own = written(draft.body)
    assert len(own.split()) <= 120, f"{len(own.split())} words"
    assert "{{" not in draft.body and "{%" not in draft.body and "}}" not in draft.body
    assert "just checking in" not in own.lower()
    assert "Jordan Reyes" in own.splitlines()[-1] or "Jordan Reyes" in own
    asks = "?" in own or "let me know" in own.lower()
    assert asks, "the draft makes clear what it asks"
    if name not in ("new_contact",):
        assert re.search(r"thank", own, re.I), "thanks where appropriate"
    if name in ("resume_submitted", "interview_check_in", "check_in_promised",
                "interview_thank_you", "second_follow_up"):
        assert "next steps" in own or "timeline" in own or "timing" in own
        assert "interested" in own or "excited" in own, "restates interest"
    if name == "interview_thank_you":
        assert "[Add one line about something from the conversation.]" in own
    if name == "help_offered_time_sensitive":
        assert "November 21" in own and "sooner" in own
    if name == "introduction":
        assert own.startswith("Thank you, Sam,") and "Bcc" in own.splitlines()[0]
        assert "Hi Dana" in own and "call" in own
    if name == "check_in_promised":
        assert "Monday, November 16" in own


@pytest.mark.parametrize("name", SCENARIOS)
def test_draft_is_a_strict_threaded_reply(name: str) -> None:
    draft, t = draft_for(name)
    parsed = email.message_from_bytes(draft.as_bytes(), policy=email.policy.strict)
    parent = next(m for m in reversed(t.messages) if m.message_id == parsed["In-Reply-To"])
    assert parsed["Subject"] == "Re: " + parent.subject.removeprefix("Re: ")
    assert parsed["References"].split()[-1] == parent.message_id
    assert ME.email not in parsed["To"]
    assert "no-reply" not in parsed["To"]
    assert parsed["X-Inbox-Assistant"] == draft.key
    html = parsed.get_body(("html",))
    plain = parsed.get_body(("plain",))
    assert html is not None and plain is not None
    assert "<blockquote" in html.get_content()


def test_an_introduction_moves_the_introducer_to_bcc() -> None:
    draft, _ = draft_for("introduction")
    assert draft.message["To"] == "Dana Fox <dana@northwind.com>"
    assert draft.message["Bcc"] == "Sam Ortiz <sam.ortiz@gmail.com>"


def test_a_first_name_comes_from_the_signature_when_the_address_has_no_name() -> None:
    t = thread(
        msg(JR, ago(3), "I'd like to apply for the Backend Engineer role. Resume attached.",
            to="maya@brightlane.io", subject="Application for Backend Engineer"),
        msg("maya@brightlane.io", ago(2.9), "Thanks Jordan, we will get back to you by "
            "Monday, November 16." + SIGNED, subject="Re: Application for Backend Engineer"),
    )
    verdict = classify(t, RULES, ME, NOW, NY)
    draft = compose(t, verdict, ME, NOW, NY, Templates())
    assert draft is not None
    assert draft.body.startswith("Hi Maya,")


def test_talking_points_for_a_call() -> None:
    t = thread(msg("Priya Das <priya@loomwork.io>", ago(2), "Great meeting you at the PyData "
                   "meetup! Give me a call next week, my cell is 555 0100.",
                   subject="Great meeting you"))
    verdict = classify(t, RULES, ME, NOW, NY)
    assert verdict.by_phone
    points = talking_points(t, verdict, ME, NY, Templates())
    assert len(points) == 3
    assert points[0].startswith("Say how good it was to meet Priya")


def test_a_thank_you_thanks_the_other_interviewers_too() -> None:
    t = interview(0.8, msg(MAYA, ago(3), "Adding Ben and Sofia, who will join the interview.",
                           cc="Ben Adler <ben@brightlane.io>, Sofia Lind <sofia@brightlane.io>",
                           subject="Re: Interview for Backend Engineer"))
    verdict = classify(t, RULES, ME, NOW, NY)
    draft = compose(t, verdict, ME, NOW, NY, Templates())
    assert draft is not None
    assert "Please also pass on my thanks to Ben Adler and Sofia Lind." in draft.body
