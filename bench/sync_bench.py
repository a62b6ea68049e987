"""What a scan costs Gmail: the product's incremental sync against a naive baseline.

A synthetic mailbox (default 10,000 threads / 30,000 messages over 180 days, about a
third job-related) is served by the project's fake Gmail with a latency per HTTP
request. Three runs each: the first scan, a rescan with no change, a rescan after 50
new messages in 20 threads. Printed: HTTP round trips, requests, quota units, wall
time, CPU time of the scanning process (the local work: parse, classify, store) and
its peak RSS.

    python bench/sync_bench.py                # the full size, 20 ms latency
    python bench/sync_bench.py --threads 1000 --latency 0.005   # a quick look

Each scan runs in a child process, so its memory is measured alone.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakegmail import FakeGmail  # noqa: E402

ME = "jordan@example.com"
NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
CHILD = r"""
import json, resource, sys, time
from click.testing import CliRunner
from inbox_assistant.cli import main
start_cpu = time.process_time()
result = CliRunner().invoke(main, sys.argv[1:], catch_exceptions=False)
cpu = time.process_time() - start_cpu
data = json.loads(result.stdout)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"cpu": cpu, "rss_kb": rss, "summary": data["summary"], "stats": data["stats"]}))
"""


def message(i: int, sender: str, to: str, subject: str, text: str, when: datetime,
            reply_to: str = "") -> bytes:
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = sender, to, subject
    m["Date"] = format_datetime(when)
    m["Message-ID"] = f"<bench{i}@mail.example>"
    if reply_to:
        m["In-Reply-To"] = m["References"] = reply_to
    m.set_content(text)
    return m.as_bytes()


JOB_OPENERS = [
    ("Application for {role} - Jordan", "Hi,\n\nI'd like to apply for the {role} role. "
     "My resume is attached.\n\nBest,\nJordan"),
    ("Interview: {role}", "Hi Jordan,\n\nThanks for your application. Could you do a phone "
     "screen on Tuesday at 2pm ET?\n\nBest,\nSam"),
    ("Intro: Jordan <> Dana", "Hi both,\n\nI'd like to introduce you two; you should meet.\n\n"
     "Alex"),
]
OTHER = [
    ("Weekly digest #{n}", "This week's news, links and events."),
    ("Dinner on Saturday?", "Are you free on Saturday for dinner?"),
    ("Your receipt #{n}", "Thank you for your purchase."),
]


def build_mailbox(fake: FakeGmail, threads: int, messages: int, days: int,
                  rng: random.Random) -> list[tuple[str, str, datetime]]:
    """Fill the fake; return (thread id, last Message-ID, last date) of every thread."""
    per_thread = [1] * threads
    for _ in range(messages - threads):
        per_thread[rng.randrange(threads)] += 1
    made: list[tuple[str, str, datetime]] = []
    counter = 0
    for t in range(threads):
        job = t % 3 == 0
        start = NOW - timedelta(days=rng.uniform(0, days))
        subject, text = (JOB_OPENERS if job else OTHER)[t % 3]
        subject = subject.format(role=f"Engineer {t}", n=t)
        text = text.format(role=f"Engineer {t}")
        thread_id = None
        parent = ""
        for k in range(per_thread[t]):
            counter += 1
            mine = (k % 2 == 0) == (job and t % 9 == 0)
            sender = f"Jordan Reyes <{ME}>" if mine else f"Contact {t} <c{t}@org{t % 97}.example>"
            to = f"c{t}@org{t % 97}.example" if mine else ME
            when = min(start + timedelta(hours=6 * k), NOW - timedelta(minutes=1))
            raw = message(counter, sender, to, subject if k == 0 else f"Re: {subject}",
                          text if k == 0 else "Thanks, noted.", when, parent)
            labels = ("SENT",) if mine else ("INBOX",)
            _, thread_id = fake.add_message(raw, thread_id=thread_id, labels=labels)
            parent = f"<bench{counter}@mail.example>"
        assert thread_id is not None
        made.append((thread_id, parent, when))
    return made


def add_new_mail(fake: FakeGmail, made: list[tuple[str, str, datetime]], count: int,
                 threads: int, rng: random.Random) -> None:
    """New replies in recent conversations (active in the last 60 days), as mail comes."""
    recent = [m for m in made if m[2] >= NOW - timedelta(days=60)]
    chosen = rng.sample(recent, threads)
    for i in range(count):
        thread_id, parent, _ = chosen[i % threads]
        raw = message(10_000_000 + i, f"Contact <c{i}@new.example>", ME, "Re: update",
                      "A short update on this.", NOW - timedelta(minutes=30 - i % 30), parent)
        fake.add_message(raw, thread_id=thread_id, labels=("INBOX",))


@dataclass
class Row:
    name: str
    round_trips: int
    requests: int
    units: int
    wall: float
    cpu: float
    rss_mb: float
    stats: dict[str, Any] = field(default_factory=dict)


def product_scan(name: str, fake: FakeGmail, home: Path) -> Row:
    trips, requests, units = fake.http_round_trips, len(fake.requests), sum(fake.units.values())
    env = dict(os.environ, INBOX_ASSISTANT_GMAIL_API=fake.root_url,
               INBOX_ASSISTANT_TOKEN_URI=fake.token_uri, INBOX_ASSISTANT_QUOTA_PER_MINUTE="0",
               NO_PROXY="127.0.0.1")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, "--home", str(home), "scan", "--now",
                           NOW.isoformat(), "--json", "--stats"], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    out = json.loads(done.stdout)
    return Row(name, fake.http_round_trips - trips, len(fake.requests) - requests,
               sum(fake.units.values()) - units, wall, out["cpu"], out["rss_kb"] / 1024,
               out["stats"])


def naive_scan(name: str, fake: FakeGmail) -> Row:
    """List every thread and get each one by one, with no cache: what a simple tool does."""
    import resource

    from google.oauth2.credentials import Credentials
    from googleapiclient.discovery import build

    trips, requests, units = fake.http_round_trips, len(fake.requests), sum(fake.units.values())
    cpu0 = time.process_time()
    started = time.perf_counter()
    service = build("gmail", "v1", credentials=Credentials("tok"), static_discovery=True,
                    client_options={"api_endpoint": fake.root_url})
    ids: list[str] = []
    token = None
    while True:
        page = service.users().threads().list(userId="me", maxResults=500,
                                              pageToken=token).execute()
        ids += [t["id"] for t in page.get("threads", [])]
        token = page.get("nextPageToken")
        if not token:
            break
    for thread_id in ids:
        service.users().threads().get(userId="me", id=thread_id, format="full").execute()
    wall = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Row(name, fake.http_round_trips - trips, len(fake.requests) - requests,
               sum(fake.units.values()) - units, wall, time.process_time() - cpu0, rss)


def _draft_units(row: Row) -> int:
    units: dict[str, int] = row.stats.get("quota_units", {})
    return sum(v for k, v in units.items() if k.startswith("drafts."))


def print_targets(rows: list[Row]) -> None:
    first, still, new = rows[0], rows[1], rows[2]
    units: dict[str, int] = first.stats["quota_units"]
    candidates = first.stats["requests"].get("threads.get", 0)
    minimum = 40 * candidates + units.get("threads.list", 0)
    reading = first.units - _draft_units(first)
    checks = [
        ("no-change rescan: <= 2 HTTP requests", still.round_trips <= 2),
        ("no-change rescan: <= 10 quota units", still.units <= 10),
        ("50 new messages: units <= 1.1 x (2 + 20 x 50) + drafts",
         new.units <= 1.1 * (2 + 20 * 50) + _draft_units(new)),
        ("50 new messages: <= 5 HTTP round trips for the fetches",
         new.round_trips - new.stats["requests"].get("drafts.create", 0)
         - new.stats["requests"].get("drafts.list", 0) <= 5),
        (f"first scan: units for reading ({reading}) within 5% of the minimum ({minimum})",
         reading <= 1.05 * minimum),
        ("peak RSS < 150 MB", max(r.rss_mb for r in rows[:3]) < 150),
        (f"first scan local work {first.cpu:.2f} s < 10 s", first.cpu < 10),
    ]
    if len(rows) > 3:
        ratio = rows[3].round_trips / max(first.round_trips, 1)
        checks.append((f"first scan: {ratio:.0f}x fewer HTTP round trips than naive (>= 20x)",
                       ratio >= 20))
    print("\nTargets:")
    for label, ok in checks:
        print(f"  [{'ok' if ok else 'MISSED'}] {label}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=10_000)
    parser.add_argument("--messages", type=int, default=30_000)
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--latency", type=float, default=0.020)
    parser.add_argument("--skip-naive", action="store_true", help="only the product's runs")
    args = parser.parse_args()
    rng = random.Random(7)
    rows: list[Row] = []
    with FakeGmail(email=ME) as fake, tempfile.TemporaryDirectory() as tmp:
        made = build_mailbox(fake, args.threads, args.messages, args.days, rng)
        home = Path(tmp)
        (home / "config.toml").write_text('name = "Jordan Reyes"\ntimezone = "UTC"\n')
        (home / "token.json").write_text(json.dumps({
            "token": "tok", "refresh_token": "rt", "client_id": "c", "client_secret": "s",
            "expiry": "2999-01-01T00:00:00Z"}))
        fake.latency = args.latency
        rows.append(product_scan("first scan", fake, home))
        rows.append(product_scan("rescan, no change", fake, home))
        add_new_mail(fake, made, 50, 20, rng)
        rows.append(product_scan("rescan, 50 new messages in 20 threads", fake, home))
        if not args.skip_naive:
            rows.append(naive_scan("naive: first scan", fake))
            rows.append(naive_scan("naive: rescan, no change", fake))
            add_new_mail(fake, made, 50, 20, rng)
            rows.append(naive_scan("naive: rescan after 50 new messages", fake))
    print(f"Mailbox: {args.threads:,} threads, {args.messages:,} messages over {args.days} "
          f"days; {args.latency * 1000:g} ms per HTTP request.\n")
    header = f"{'run':<40} {'HTTP':>6} {'requests':>9} {'units':>8} {'wall s':>8} " \
             f"{'CPU s':>7} {'peak RSS MB':>12}"
    print(header)
    print("-" * len(header))
    for r in rows:
        print(f"{r.name:<40} {r.round_trips:>6} {r.requests:>9} {r.units:>8} {r.wall:>8.2f} "
              f"{r.cpu:>7.2f} {r.rss_mb:>12.1f}")
    print_targets(rows)
    print("\nCPU s of the product's runs is the scanning process's own work (parse, classify, "
          "store), without the time spent waiting on Gmail. The naive rows run in the "
          "benchmark's process, so their RSS includes the fake server.")


if __name__ == "__main__":
    main()
