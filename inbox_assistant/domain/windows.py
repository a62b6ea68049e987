"""Follow-up windows: how long after an anchor a follow-up opens and when it is late."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo


@dataclass(frozen=True, slots=True)
class Window:
    opens: timedelta
    closes: timedelta


def _w(opens: timedelta, closes: timedelta) -> Window:
    return Window(opens, closes)


DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Windows:
    """Every window the guidelines define; the defaults are the guidelines' own."""

    new_contact: Window = field(default_factory=lambda: _w(1 * DAY, 3 * DAY))
    introduction: Window = field(default_factory=lambda: _w(1 * DAY, 2 * DAY))
    help_offered: Window = field(default_factory=lambda: _w(7 * DAY, 10 * DAY))
    resume_submitted: Window = field(default_factory=lambda: _w(2 * DAY, 7 * DAY))
    interview_thank_you: Window = field(default_factory=lambda: _w(0 * DAY, 24 * HOUR))
    interview_check_in: Window = field(default_factory=lambda: _w(3 * DAY, 5 * DAY))
    # After the user's own follow-up went unanswered, the next one waits longer.
    second_follow_up: Window = field(default_factory=lambda: _w(7 * DAY, 14 * DAY))
    # A reply the user owes to an offer of help they have not acknowledged yet.
    reply: Window = field(default_factory=lambda: _w(1 * DAY, 3 * DAY))
    # "We'll get back to you by Friday": the chase opens this long after that day ends.
    after_promise: timedelta = 48 * HOUR
    # A promised date gives help_offered a window of this length from that date.
    promise_grace: timedelta = 3 * DAY
    # A time-sensitive ask is chased this long before the user's own deadline.
    deadline_lead: timedelta = 2 * DAY
    max_follow_ups: int = 2
    # Count whole days as working days (Monday to Friday) in the user's time zone.
    business_days: bool = False

    def for_name(self, name: str) -> Window:
        value = getattr(self, name)
        assert isinstance(value, Window)
        return value


WINDOW_NAMES: tuple[str, ...] = (
    "new_contact", "introduction", "help_offered", "resume_submitted",
    "interview_thank_you", "interview_check_in", "second_follow_up", "reply",
)


def later(moment: datetime, delta: timedelta, *, business_days: bool, tz: tzinfo) -> datetime:
    """`moment` + `delta`; with business days, each whole day of it skips Saturday and Sunday
    (in `tz`, keeping the time of day), and what is left over is added as it is."""
    if not business_days or delta < DAY:
        return moment + delta
    days, rest = divmod(delta, DAY)
    local = moment.astimezone(tz)
    day = local.date()
    while days > 0:
        day += DAY
        if day.weekday() < 5:
            days -= 1
    shifted = datetime.combine(day, local.timetz()).replace(tzinfo=tz)
    return shifted + rest
