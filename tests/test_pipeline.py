"""The pipeline use case: pure, from threads, draft records and runs to what comes next."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from inbox_assistant.app.pipeline import Pipeline, RunRecord, build_pipeline
from inbox_assistant.app.ports import DraftRecord
from inbox_assistant.domain.model import Thread
from inbox_assistant.rules.loader import load_rules
from tests.builders import ME, NOW, ago, msg, thread

RULES = load_rules(None)
APPLY = "Hello,\n\nI'd like to apply for the Engineer role. My resume is attached.\n\nJordan"
MAYA = "Maya Chen <maya@brightlane.io>"


def application(thread_id: str, days_ago: float, *later: tuple[str, float, str]) -> Thread:
    """My application `days_ago`, then (sender, hours after NOW, text) messages."""
    messages = [msg(ME.email, ago(days_ago), APPLY, to=MAYA, subject="Engineer application",
                    labels=("SENT",))]
    for sender, hours, text in later:
        labels = ("SENT",) if sender == ME.email else ("INBOX",)
        messages.append(msg(sender, NOW + timedelta(hours=hours), text, to=MAYA if
                            sender == ME.email else ME.email, subject="Re: Engineer application",
                            labels=labels, headers={"Auto-Submitted": "auto-replied"}
                            if "out of the office" in text else None))
    return thread(*messages, thread_id=thread_id)


def record(thread_id: str, state: str, hours: float = 0) -> DraftRecord:
    return DraftRecord(f"{thread_id}:follow_up", thread_id, f"r-{thread_id}",
                       NOW + timedelta(hours=hours), state)


def build(threads: list[Thread], drafts: list[DraftRecord] = (),  # type: ignore[assignment]
          now: datetime = NOW, days: int = 7) -> Pipeline:
    return build_pipeline(threads, RULES, ME, now, UTC, drafts=drafts,
                          runs=[RunRecord(NOW - timedelta(hours=h), ME.email,
                                          {"drafts_created": h}, True) for h in (3, 1, 2)],
                          horizon=timedelta(days=days))


def test_upcoming_is_due_now_then_waiting_within_the_horizon_by_date() -> None:
    p = build([application("late", 9), application("due", 3), application("soon", 1),
               application("later", 0), application("far", -6)], days=3)
    assert [(u.verdict.thread_id, u.verdict.status.value) for u in p.upcoming] == [
        ("late", "due"), ("due", "due"), ("soon", "waiting"), ("later", "waiting")]
    assert p.upcoming[0].verdict.assessment.overdue
    assert [r.at for r in p.runs] == sorted((r.at for r in p.runs), reverse=True)
    assert p.last_run is not None and p.last_run.drafts_created == 1


def test_counts_by_situation_and_status() -> None:
    p = build([application("late", 9), application("due", 3), application("soon", 1),
               application("answered", 3, (MAYA, -2, "Thanks, we filled the role last week."))])
    (row,) = p.counts().values()
    assert dict(row) == {"overdue": 1, "due": 1, "waiting": 1, "closed": 1}


def test_mail_that_is_not_job_search_is_left_out() -> None:
    newsletter = thread(msg("news@letters.example", ago(1), "This week in tech",
                            subject="Weekly digest"), thread_id="news")
    assert build([newsletter]).verdicts == ()


@pytest.mark.parametrize(("later", "state", "awaiting", "sent", "answered"), [
    ((), "pending", True, None, None),
    ((), "deleted", False, None, None),
    (((ME.email, 1, "Just following up on my application."),), "sent", False, 1, None),
    (((ME.email, 1, "Just following up on my application."),
      (MAYA, 5, "Thanks Jordan, we would like to schedule a call.")), "sent", False, 1, 5),
    # An out-of-office is not their answer; the real one, later, is.
    (((ME.email, 1, "Just following up on my application."),
      (MAYA, 2, "I am out of the office until Monday."),
      (MAYA, 30, "Thanks Jordan, we would like to schedule a call.")), "sent", False, 1, 30),
    # Edited, then sent: still a follow-up that went out.
    (((ME.email, 1, "My own words."),), "edited", False, 1, None),
])
def test_what_became_of_a_draft(later: tuple[tuple[str, float, str], ...], state: str,
                                awaiting: bool, sent: float | None,
                                answered: float | None) -> None:
    t = application("t", 3, *later)
    if state == "pending":
        t = thread(*t.messages, msg(ME.email, NOW, "draft", to=MAYA, labels=("DRAFT",)),
                   thread_id="t")
    (outcome,) = build([t], [record("t", state)], now=NOW + timedelta(days=2)).drafts
    assert outcome.awaiting_review is awaiting
    assert outcome.counterpart == "maya@brightlane.io"
    hour = timedelta(hours=1)
    assert outcome.sent_at == (None if sent is None else NOW + sent * hour)
    assert outcome.answered_at == (None if answered is None else NOW + answered * hour)
    if sent is not None and answered is not None:
        assert outcome.response_time == (answered - sent) * hour


def test_median_response_and_what_is_left_out() -> None:
    threads = [
        application("a", 3, (ME.email, 1, "Following up."), (MAYA, 3, "Thanks, let's talk.")),
        application("b", 3, (ME.email, 1, "Following up."), (MAYA, 9, "Thanks, let's talk.")),
        application("c", 3, (ME.email, 1, "Following up."), (MAYA, 25, "Thanks, let's talk.")),
        application("d", 3, (ME.email, 1, "Following up.")),
    ]
    drafts = [record(t.id, "sent") for t in threads] + [
        record("e", "intended"),  # never made: not a draft of ours yet
        record("gone", "pending"),  # its thread left the scan window
    ]
    p = build(threads, drafts, now=NOW + timedelta(days=2))
    assert len(p.sent()) == 4
    assert p.median_response() == timedelta(hours=8)
    assert {d.record.thread_id for d in p.drafts} == {"a", "b", "c", "d", "gone"}
    (gone,) = [d for d in p.drafts if d.record.thread_id == "gone"]
    assert gone.subject == "" and gone.awaiting_review


def test_an_empty_pipeline() -> None:
    p = Pipeline.empty(NOW, UTC)
    assert not p.known and p.last_run is None and p.median_response() is None
