"""The follow-up situations, statuses and steps the product knows, as stable ids."""

from __future__ import annotations

from enum import StrEnum


class Situation(StrEnum):
    NEW_CONTACT = "new_contact"
    INTRODUCTION = "introduction"
    HELP_OFFERED = "help_offered"
    RESUME_SUBMITTED = "resume_submitted"
    INTERVIEW = "interview"
    NONE = "none"


class Status(StrEnum):
    """Where a thread stands at a given moment.

    `waiting`: a follow-up will be owed at a known time; `due`: its window is open (or
    has closed: then the verdict is also overdue); `closed`: job-related, nothing owed;
    `ignored`: not a follow-up situation.
    """

    WAITING = "waiting"
    DUE = "due"
    CLOSED = "closed"
    IGNORED = "ignored"


class Step(StrEnum):
    """Which follow-up is owed; together with the situation it picks the draft template."""

    REPLY = "reply"
    FOLLOW_UP = "follow_up"
    THANK_YOU = "thank_you"
    CHECK_IN = "check_in"
    SECOND_FOLLOW_UP = "second_follow_up"
    NONE = "none"
