"""Gmail's quota: what each call costs, and a pacer that keeps within a per-minute budget.

Units per call, for Cloud projects created after 1 May 2026 (6,000 units per user per
minute). The table lives here and nowhere else. `format=` and `fields=` change the
bytes, not the units; a batch of n calls costs n calls.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

UNITS: dict[str, int] = {
    "getProfile": 1,
    "labels.list": 1,
    "history.list": 2,
    "messages.list": 5,
    "threads.list": 10,
    "drafts.list": 5,
    "drafts.create": 10,
    "drafts.update": 15,
    "drafts.delete": 10,
    "drafts.get": 20,
    "messages.get": 20,
    "messages.attachments.get": 5,
    "threads.get": 40,
}
# Our budget stays under Google's 6,000 so that the user's other tools keep some room.
DEFAULT_UNITS_PER_MINUTE = 5000


def units_of(method: str) -> int:
    return UNITS.get(method, 10)


@dataclass(slots=True)
class Usage:
    """What a run asked of Gmail: requests and units by method, HTTP round trips."""

    requests: Counter[str] = field(default_factory=Counter)
    units: Counter[str] = field(default_factory=Counter)
    round_trips: int = 0
    retries: int = 0

    def charge(self, method: str, count: int = 1) -> None:
        self.requests[method] += count
        self.units[method] += units_of(method) * count

    @property
    def total_units(self) -> int:
        return sum(self.units.values())


class Pacer:
    """A token bucket: spends units, and sleeps when the minute's budget is used up.

    `clock` and `sleep` are injected so that tests never wait. A budget of 0 means
    unpaced (tests and benchmarks against a local server).
    """

    def __init__(self, units_per_minute: int, clock: Callable[[], float],
                 sleep: Callable[[float], None]) -> None:
        self.rate = units_per_minute / 60.0
        self.capacity = float(units_per_minute)
        self.available = float(units_per_minute)
        self.clock = clock
        self.sleep = sleep
        self.last = clock()
        self.waited = 0.0
        self._lock = threading.Lock()

    def spend(self, units: int) -> None:
        if self.rate <= 0:
            return
        with self._lock:
            now = self.clock()
            self.available = min(self.capacity, self.available + (now - self.last) * self.rate)
            self.last = now
            self.available -= units
            if self.available < 0:
                wait = -self.available / self.rate
                self.waited += wait
                self.sleep(wait)
                self.last = self.clock()
                self.available = 0.0
