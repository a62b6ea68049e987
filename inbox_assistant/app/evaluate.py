"""`rules eval`: classification measured on a labelled corpus, every miss explained."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from inbox_assistant.domain.model import Me, Thread
from inbox_assistant.domain.situations import Situation, Status
from inbox_assistant.domain.verdict import Verdict
from inbox_assistant.rules.engine import classify
from inbox_assistant.rules.loader import RuleSet


@dataclass(frozen=True, slots=True)
class Labelled:
    """A thread with the verdict a person expects of it at a moment."""

    thread: Thread
    me: Me
    now: datetime
    tz: tzinfo
    situation: Situation
    status: Status
    overdue: bool | None = None
    note: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Miss:
    case: Labelled
    verdict: Verdict


@dataclass(slots=True)
class Evaluation:
    total: int = 0
    situation_right: int = 0
    status_right: int = 0
    both_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[Miss] = field(default_factory=list)

    def precision_recall(self) -> dict[str, tuple[float | None, float | None, int]]:
        """Per situation: precision, recall (None where undefined) and support."""
        out: dict[str, tuple[float | None, float | None, int]] = {}
        for situation in Situation:
            s = situation.value
            true_pos = self.confusion[(s, s)]
            predicted = sum(n for (_, got), n in self.confusion.items() if got == s)
            actual = sum(n for (want, _), n in self.confusion.items() if want == s)
            out[s] = (true_pos / predicted if predicted else None,
                      true_pos / actual if actual else None, actual)
        return out

    @property
    def situation_accuracy(self) -> float:
        return self.situation_right / self.total if self.total else 0.0

    @property
    def status_accuracy(self) -> float:
        return self.status_right / self.total if self.total else 0.0


def evaluate(cases: Iterable[Labelled], rules: RuleSet) -> Evaluation:
    result = Evaluation()
    for case in cases:
        verdict = classify(case.thread, rules, case.me, case.now, case.tz, explain=True)
        result.total += 1
        right_situation = verdict.situation is case.situation
        right_status = verdict.status is case.status and (
            case.overdue is None or verdict.status is not Status.DUE
            or verdict.assessment.overdue == case.overdue)
        result.situation_right += right_situation
        result.status_right += right_status
        result.both_right += right_situation and right_status
        result.confusion[(case.situation.value, verdict.situation.value)] += 1
        if not (right_situation and right_status):
            result.misses.append(Miss(case, verdict))
    return result
