"""Kill the scan at random points, again and again: never two drafts, never a broken store.

Each run is a real process, killed with SIGKILL (no cleanup, no `finally`) after a
random delay while it syncs, classifies and drafts against the fake Gmail. New due
threads keep arriving between kills so that kills keep landing while drafts are
being made. A last run goes to completion; then every due follow-up has exactly one
draft and the state database passes SQLite's integrity check.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

from tests.builders import NOW, raw_email
from tests.conftest import ACCOUNT, Home
from tests.fakegmail import FakeGmail

KILLS = 50
NOW_ARG = NOW.isoformat().replace("+00:00", "Z")
ROOT = Path(__file__).resolve().parent.parent


def add_applications(fake: FakeGmail, start: int, count: int) -> None:
    for i in range(start, start + count):
        raw = raw_email(f"Jordan Reyes <{ACCOUNT}>", f"Recruiter {i} <r{i}@company{i}.example>",
                        f"Application for Engineer {i}",
                        "Hello,\n\nI'd like to apply for the Engineer role. My resume is attached.",
                        NOW - timedelta(days=3, minutes=i), message_id=f"<crash{i}@mail.example>")
        fake.add_message(raw, labels=("SENT",))


def run_scan(home: Home, kill_after: float | None) -> int | None:
    env = dict(os.environ, **home.env, INBOX_ASSISTANT_QUOTA_PER_MINUTE="0",
               NO_PROXY="127.0.0.1", no_proxy="127.0.0.1")
    process = subprocess.Popen(
        [sys.executable, "-m", "inbox_assistant", "--home", str(home.path), "scan", "--now",
         NOW_ARG], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if kill_after is None:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
        return 0
    deadline = time.monotonic() + kill_after
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.005)  # waiting for the moment to kill a child process, not for time
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    return process.returncode


def test_sigkill_at_random_points_never_duplicates_a_draft(fake: FakeGmail, home: Home) -> None:
    rng = random.Random(20261126)
    fake.latency = 0.004  # every request takes a little while, as over a network
    # Gmail has made the draft but its answer is still on the way: the most dangerous
    # moment to die, made wide enough that kills often land in it.
    fake.slow_replies["drafts.create"] = 0.06
    add_applications(fake, 0, 10)
    started = time.monotonic()
    run_scan(home, None)  # one whole run: how long a scan takes here
    whole = time.monotonic() - started
    threads = 10
    killed = 0
    for _ in range(KILLS):
        add_applications(fake, threads, 3)
        threads += 3
        code = run_scan(home, rng.uniform(0.1, max(0.3, whole * 1.2)))
        killed += code == -signal.SIGKILL
    before_last = len(fake.drafts())
    run_scan(home, None)
    print(f"\n{killed} of {KILLS} runs killed; {before_last} drafts before the last run, "
          f"{threads} due threads")

    per_thread = Counter(d.thread_id for d in fake.drafts())
    assert len(per_thread) == threads, "every due follow-up has a draft"
    assert max(per_thread.values()) == 1, f"duplicates: {per_thread.most_common(3)}"
    assert fake.forbidden_calls == []
    assert killed >= KILLS * 3 // 10, f"only {killed} runs were killed mid-way"
    database = sqlite3.connect(home.path / "state.sqlite3")
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    states = Counter(row[0] for row in database.execute("SELECT state FROM drafts"))
    assert states == {"pending": threads}
