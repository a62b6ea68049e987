"""Periodic scans that cost almost nothing: checkpoint, history, batches, pacing, lock."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from google.oauth2.credentials import Credentials

from inbox_assistant.app.sync import SLICE
from inbox_assistant.gmail.client import MAX_BATCH
from inbox_assistant.gmail.mailbox import GmailMailbox
from inbox_assistant.gmail.quota import Pacer
from inbox_assistant.lock import exclusive
from tests.builders import NOW, raw_email
from tests.conftest import ACCOUNT, Home
from tests.fakegmail import FakeGmail

JR = f"Jordan Reyes <{ACCOUNT}>"
NOW_ARG = NOW.isoformat().replace("+00:00", "Z")


def apply(fake: FakeGmail, n: int, days_ago: float = 3) -> list[str]:
    """n applications sent `days_ago` days before NOW; their thread ids."""
    threads = []
    for i in range(n):
        raw = raw_email(JR, f"Recruiter {i} <r{i}@company{i}.example>",
                        f"Application for Engineer {i}",
                        "Hello,\n\nI'd like to apply for the Engineer role. My resume is attached.",
                        NOW - timedelta(days=days_ago, minutes=i),
                        message_id=f"<app{i}-{days_ago}@mail.example>")
        threads.append(fake.add_message(raw, labels=("SENT",))[1])
    return threads


def reply(fake: FakeGmail, thread_id: str, i: int, text: str, hours_ago: float = 2) -> str:
    raw = raw_email(f"Recruiter {i} <r{i}@company{i}.example>", JR,
                    f"Re: Application for Engineer {i}", text,
                    NOW - timedelta(hours=hours_ago), in_reply_to=f"<app{i}-3@mail.example>",
                    message_id=f"<reply{i}-{hours_ago}@company.example>")
    return fake.add_message(raw, thread_id=thread_id, labels=("INBOX",))[0]


def scan(home: Home, *args: str) -> dict[str, object]:
    result = home.run("scan", "--now", NOW_ARG, "--json", "--stats", *args)
    assert result.exit_code == 0, result.output + result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def delta(fake: FakeGmail, before_requests: int, before_units: int) -> tuple[int, int, int]:
    """Requests, quota units and HTTP round trips since the marks."""
    return (len(fake.requests) - before_requests, sum(fake.units.values()) - before_units,
            fake.http_round_trips)


def marks(fake: FakeGmail) -> tuple[int, int]:
    return len(fake.requests), sum(fake.units.values())


@pytest.fixture
def unpaced(home: Home) -> Home:
    home.env["INBOX_ASSISTANT_QUOTA_PER_MINUTE"] = "0"
    return home


def test_first_scan_is_one_search_and_batched_gets(fake: FakeGmail, unpaced: Home) -> None:
    apply(fake, 60)
    data = scan(unpaced)
    stats = data["stats"]
    assert isinstance(stats, dict)
    assert stats["sync"] == "full"
    assert stats["requests"]["threads.get"] == 60
    assert "messages.get" not in stats["requests"]
    # 60 gets in batches of at most 50: two round trips, not sixty.
    gets = [r for r in fake.requests if r.method == "threads.get"]
    assert all(r.in_batch for r in gets)
    assert fake.units["threads.get"] == 60 * 40


def test_a_rescan_with_no_change_costs_one_history_call(fake: FakeGmail, unpaced: Home) -> None:
    apply(fake, 5)
    scan(unpaced)
    requests, units = marks(fake)
    trips = fake.http_round_trips
    data = scan(unpaced)
    new_requests, new_units, _ = delta(fake, requests, units)
    assert new_requests <= 2
    assert new_units <= 10
    assert fake.http_round_trips - trips <= 2
    assert [r.method for r in fake.requests[requests:]] == ["history.list"]
    assert data["summary"]["due"] == 5  # type: ignore[index]


def test_time_alone_opens_a_window_with_no_fetch(fake: FakeGmail, unpaced: Home) -> None:
    apply(fake, 1, days_ago=1.5)
    first = scan(unpaced)
    assert first["summary"]["waiting"] == 1  # type: ignore[index]
    requests, _ = marks(fake)
    later = (NOW + timedelta(days=1)).isoformat().replace("+00:00", "Z")
    result = unpaced.run("scan", "--now", later, "--json")
    data = json.loads(result.stdout)
    assert data["summary"]["due"] == 1
    methods = [r.method for r in fake.requests[requests:]]
    assert "threads.get" not in methods and "messages.get" not in methods
    assert len(fake.drafts()) == 1


def test_new_mail_is_read_message_by_message(fake: FakeGmail, unpaced: Home) -> None:
    threads = apply(fake, 20)
    scan(unpaced)
    requests, _ = marks(fake)
    for i, thread_id in enumerate(threads[:10]):
        reply(fake, thread_id, i, "Thanks for your patience: we went with another candidate.")
    data = scan(unpaced)
    methods = [r.method for r in fake.requests[requests:]]
    assert methods.count("messages.get") == 10
    assert "threads.get" not in methods
    rows = {t["thread_id"]: t for t in data["threads"]}  # type: ignore[attr-defined]
    assert all(rows[t]["status"] == "closed" for t in threads[:10])


def test_a_deleted_thread_leaves_the_report(fake: FakeGmail, unpaced: Home) -> None:
    (thread_id,) = apply(fake, 1)
    scan(unpaced)
    for message_id in fake.thread_message_ids(thread_id):
        fake.delete_message(message_id)
    data = scan(unpaced)
    assert thread_id not in {t["thread_id"] for t in data["threads"]}  # type: ignore[attr-defined]


def test_a_thread_moved_to_trash_leaves_the_report(fake: FakeGmail, unpaced: Home) -> None:
    (thread_id,) = apply(fake, 1)
    scan(unpaced)
    for message_id in fake.thread_message_ids(thread_id):
        fake.modify_labels(message_id, add=["TRASH"], remove=["SENT"])
    data = scan(unpaced)
    assert thread_id not in {t["thread_id"] for t in data["threads"]}  # type: ignore[attr-defined]


def test_an_expired_checkpoint_means_a_full_scan(fake: FakeGmail, unpaced: Home) -> None:
    apply(fake, 3)
    scan(unpaced)
    apply(fake, 1, days_ago=4)
    fake.expire_history_before(fake.history_id + 1)
    data = scan(unpaced)
    assert data["stats"]["sync"] == "full (checkpoint expired)"  # type: ignore[index]
    assert data["summary"]["threads"] == 4  # type: ignore[index]


def test_an_interrupted_first_scan_resumes_where_it_stopped(fake: FakeGmail,
                                                            unpaced: Home) -> None:
    apply(fake, SLICE + 30)
    # The second slice of fetches meets a hard error: the run fails cleanly...
    fake.fail_next("threads.get", status=400, reason="failedPrecondition", after=SLICE)
    result = unpaced.run("scan", "--now", NOW_ARG, "--json")
    assert result.exit_code == 4
    # ... and the next one fetches only what was left, with no new search.
    requests, _ = marks(fake)
    data = scan(unpaced)
    methods = [r.method for r in fake.requests[requests:]]
    assert "threads.list" not in methods
    assert methods.count("threads.get") == 30
    assert data["stats"]["sync"] == "resumed"  # type: ignore[index]
    assert data["summary"]["threads"] == SLICE + 30  # type: ignore[index]


def test_a_second_scan_while_one_runs_exits_at_once(fake: FakeGmail, unpaced: Home) -> None:
    with exclusive(unpaced.path / "scan.lock"):
        result = unpaced.run("scan", "--now", NOW_ARG)
    assert result.exit_code == 5
    assert "another scan is running" in result.stderr
    assert fake.requests == []


def test_a_stale_lock_file_is_taken_over(fake: FakeGmail, unpaced: Home) -> None:
    (unpaced.path / "scan.lock").write_text("999999")
    apply(fake, 1)
    data = scan(unpaced)
    assert data["summary"]["threads"] == 1  # type: ignore[index]


def test_our_own_draft_is_not_fetched_back(fake: FakeGmail, unpaced: Home) -> None:
    apply(fake, 2)
    scan(unpaced)
    assert len(fake.drafts()) == 2
    requests, _ = marks(fake)
    scan(unpaced)
    methods = [r.method for r in fake.requests[requests:]]
    assert methods == ["history.list"]


# --- the adapter's retries, with an injected sleep: no test waits ------------------------

class Sleeps:
    def __init__(self) -> None:
        self.calls: list[float] = []
        self.now = 0.0

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


def mailbox(fake: FakeGmail, sleeps: Sleeps, units_per_minute: int = 0) -> GmailMailbox:
    credentials = Credentials(token="tok", refresh_token="rt", token_uri=fake.token_uri,
                              client_id="cid", client_secret="s")
    from zoneinfo import ZoneInfo

    return GmailMailbox(credentials, fake.root_url, ZoneInfo("UTC"),
                        units_per_minute=units_per_minute, sleep=sleeps, clock=sleeps.clock)


def test_throttled_batch_parts_are_retried_in_smaller_batches(fake: FakeGmail) -> None:
    threads = apply(fake, 60)
    fake.fail_next("threads.get", status=429, count=5, retry_after=7)
    sleeps = Sleeps()
    box = mailbox(fake, sleeps)
    fetched = list(box.fetch_threads(threads))
    assert len(fetched) == 60 and all(hasattr(t, "messages") for t in fetched)
    assert box.client.batch_size == MAX_BATCH // 2
    assert sleeps.calls and min(sleeps.calls) >= 7
    assert box.usage.requests["threads.get"] == 65


def test_403_rate_limit_is_transient_but_403_permission_is_not(fake: FakeGmail) -> None:
    threads = apply(fake, 2)
    sleeps = Sleeps()
    fake.fail_next("threads.get", status=403, reason="userRateLimitExceeded", count=1)
    assert len(list(mailbox(fake, sleeps).fetch_threads(threads))) == 2
    fake.fail_next("threads.get", status=403, reason="insufficientPermissions", count=1)
    from inbox_assistant.domain.errors import GmailAuthError

    with pytest.raises(GmailAuthError):
        list(mailbox(fake, sleeps).fetch_threads(threads))


def test_a_storm_of_errors_ends_in_a_clean_failure(fake: FakeGmail) -> None:
    threads = apply(fake, 1)
    fake.fail_next("threads.get", status=503, reason="backendError", count=100)
    sleeps = Sleeps()
    from inbox_assistant.domain.errors import GmailUnavailable

    with pytest.raises(GmailUnavailable, match="503") as raised:
        list(mailbox(fake, sleeps).fetch_threads(threads))
    assert "trouble on its side" in raised.value.hint
    assert 1 <= len(sleeps.calls) <= 6
    assert all(s <= 32 for s in sleeps.calls)


def test_a_storm_of_rate_limits_says_to_slow_down(fake: FakeGmail) -> None:
    threads = apply(fake, 1)
    fake.fail_next("threads.get", status=429, reason="rateLimitExceeded", count=100)
    from inbox_assistant.domain.errors import GmailRateLimited, GmailUnavailable

    with pytest.raises(GmailRateLimited) as raised:
        list(mailbox(fake, Sleeps()).fetch_threads(threads))
    assert not isinstance(raised.value, GmailUnavailable)
    assert "slow down" in raised.value.hint


def test_the_pacer_keeps_within_the_budget() -> None:
    sleeps = Sleeps()
    pacer = Pacer(600, sleeps.clock, sleeps)
    for _ in range(30):
        pacer.spend(40)  # 1,200 units: twice the minute's budget
    assert sleeps.now == pytest.approx(60.0)


def test_an_unpaced_pacer_never_sleeps() -> None:
    sleeps = Sleeps()
    pacer = Pacer(0, sleeps.clock, sleeps)
    for _ in range(1000):
        pacer.spend(40)
    assert sleeps.calls == []


def test_quota_env_must_be_a_number(fake: FakeGmail, home: Home) -> None:
    home.env["INBOX_ASSISTANT_QUOTA_PER_MINUTE"] = "lots"
    result = home.run("scan", "--now", NOW_ARG)
    assert result.exit_code == 2
    assert "INBOX_ASSISTANT_QUOTA_PER_MINUTE" in result.stderr


def test_stats_are_printed_for_people(fake: FakeGmail, unpaced: Home, tmp_path: Path) -> None:
    apply(fake, 2)
    result = unpaced.run("scan", "--now", NOW_ARG, "--stats")
    assert result.exit_code == 0
    assert "quota units" in result.stdout
    assert "threads.get" in result.stdout


def test_an_unreachable_gmail_is_retried_then_a_clean_failure(fake: FakeGmail) -> None:
    from inbox_assistant.gmail.client import Unreachable

    sleeps = Sleeps()
    box = mailbox(fake, sleeps)
    fake.stop()  # nobody answers on that port any more
    with pytest.raises(Unreachable, match="cannot reach Gmail"):
        box.profile()
    assert len(sleeps.calls) == 5
    assert sleeps.calls == sorted(sleeps.calls) or max(sleeps.calls) <= 32


def test_a_network_error_midway_is_carried_on_by_the_next_run(fake: FakeGmail,
                                                              unpaced: Home) -> None:
    apply(fake, 3)
    scan(unpaced)
    apply(fake, 2, days_ago=4)
    fake.fail_next("history.list", status=503, reason="backendError", count=10)
    result = unpaced.run("scan", "--now", NOW_ARG)
    assert result.exit_code == 4
    assert result.stderr.startswith("Error: Gmail kept failing: 503")
    data = scan(unpaced)
    assert data["summary"]["threads"] == 5  # type: ignore[index]


def test_a_failed_run_is_recorded(fake: FakeGmail, unpaced: Home) -> None:
    from inbox_assistant.store import Store

    apply(fake, 1)
    scan(unpaced)
    fake.fail_next("history.list", status=400, reason="failedPrecondition")
    assert unpaced.run("scan", "--now", NOW_ARG).exit_code == 4
    store = Store(unpaced.path / "state.sqlite3")
    (last, *_) = store.runs()
    store.close()
    assert last[3] is False


def test_mail_kept_from_an_older_date_reader_is_read_again(fake: FakeGmail,
                                                           unpaced: Home) -> None:
    from dataclasses import replace

    from inbox_assistant.domain.model import Thread
    from inbox_assistant.domain.textdates import READER_VERSION, TextDates
    from inbox_assistant.store import Store

    (thread_id,) = apply(fake, 1)
    reply(fake, thread_id, 0, "Thanks! We'll get back to you by Friday, November 27.",
          hours_ago=30)
    scan(unpaced)
    path = unpaced.path / "state.sqlite3"
    store = Store(path)
    kept = store.thread(thread_id)
    assert kept is not None and any(m.dates.promise for m in kept.messages)
    # Every date read is kept, the day ahead too.
    assert any(m.dates.ahead for m in kept.messages)
    # The first scan found nothing kept to read again, and names today's reader.
    assert (store.get_meta("dates_reader") or "").startswith(f"{READER_VERSION} ")
    # As a scan with an older reader left it: no promise read, and that reader's name.
    store.put_threads([Thread(kept.id, tuple(replace(m, dates=TextDates())
                                              for m in kept.messages))])
    store.set_meta("dates_reader", f"{READER_VERSION - 1} UTC")
    store.close()

    scan(unpaced)  # nothing changed in the mailbox
    store = Store(path)
    again, reader = store.thread(thread_id), store.get_meta("dates_reader")
    store.close()
    assert again is not None and any(m.dates.promise for m in again.messages)
    assert reader is not None and reader.startswith(f"{READER_VERSION} ")
