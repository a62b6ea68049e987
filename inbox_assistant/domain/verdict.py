"""A verdict: where a thread stands and every reason why, so explaining is a read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from inbox_assistant.domain.model import Address, Message
from inbox_assistant.domain.situations import Situation, Status, Step


@dataclass(frozen=True, slots=True)
class ConditionTrace:
    """One condition as it was evaluated: its label, its result, and its parts."""

    label: str
    result: bool
    children: tuple[ConditionTrace, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleTrace:
    rule: str
    situation: Situation
    matched: bool
    condition: ConditionTrace


@dataclass(frozen=True, slots=True)
class Assessment:
    """The follow-up status of a classified thread at one moment."""

    status: Status
    reason: str
    step: Step = Step.NONE
    overdue: bool = False
    anchor: datetime | None = None
    anchor_source: str = ""
    opens: datetime | None = None
    closes: datetime | None = None
    reply_to: Message | None = None
    follow_ups_sent: int = 0
    promised: datetime | None = None
    deadline: datetime | None = None
    event_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    thread_id: str
    subject: str
    situation: Situation
    rule: str
    assessment: Assessment
    counterpart: Address | None = None
    trace: tuple[RuleTrace, ...] = field(default=())
    # The other side asked for a call: the follow-up is better made by phone.
    by_phone: bool = False

    @property
    def status(self) -> Status:
        return self.assessment.status

    @property
    def due_at(self) -> datetime | None:
        return self.assessment.opens

    @property
    def reason(self) -> str:
        return self.assessment.reason
