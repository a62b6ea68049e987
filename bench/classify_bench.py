"""How fast threads are classified: 10,000 threads, with and without parsing them.

The threads are the labelled corpora's realistic threads (fixtures/), repeated with new
ids until there are enough: every rule and every date finder does real work. Runs on
one core; classification alone is timed three times and the best run counts. Printed:
threads per second for classification alone (the threads already parsed, as a rescan
has them from its cache), and for parse + classify: from the JSON message resources the
Gmail API answers (format=full, as a first scan of a Gmail account reads them: JSON,
base64 bodies, headers, dates), and from raw mbox messages (as `--mbox` reads them, the
MIME parsed by the standard library).

    python bench/classify_bench.py [--threads 10000]
"""

from __future__ import annotations

import argparse
import email
import email.policy
import json
import sys
import time
import tomllib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inbox_assistant.domain.model import Me, Thread  # noqa: E402
from inbox_assistant.gmail.mapping import to_message  # noqa: E402
from inbox_assistant.mail.message import build_message, part_from_email  # noqa: E402
from inbox_assistant.mbox.reader import MboxSource, parse_labels  # noqa: E402
from inbox_assistant.rules.engine import classify  # noqa: E402
from inbox_assistant.rules.loader import load_rules  # noqa: E402
from tests.fakegmail.mime import header_date, parse_message, scan_headers  # noqa: E402
from tests.fakegmail.takeout import read_takeout  # noqa: E402

ALL_TIME = (datetime(1970, 1, 1, tzinfo=UTC), datetime(9999, 1, 1, tzinfo=UTC))


Raw = list[tuple[bytes, str]]


def corpus() -> list[tuple[Thread, Me, datetime, Raw, list[str]]]:
    """Every labelled thread: parsed, its owner, its moment, its raw messages, and its
    messages as the Gmail API sends them (JSON text)."""
    found = []
    for labels in sorted(ROOT.glob("fixtures/**/*.toml")):
        mbox = labels.with_suffix(".mbox")
        if not mbox.exists():
            mbox = labels.with_name(labels.name.removesuffix(".expected.toml") + ".mbox")
        if not mbox.exists():
            continue
        data = tomllib.loads(labels.read_text())
        tz = ZoneInfo(data.get("timezone", "UTC"))
        source = MboxSource(mbox, tz, data.get("account", ""))
        me = Me(source.account(), aliases=source.aliases())
        now = datetime.fromisoformat(data["now"].replace("Z", "+00:00"))
        raw: dict[str, list[tuple[bytes, str]]] = {}
        import mailbox

        for message in mailbox.mbox(mbox):
            thrid = format(int(str(message["X-GM-THRID"])), "x")
            raw.setdefault(thrid, []).append((message.as_bytes(), thrid))
        resources = _gmail_resources(mbox)
        for thread in source.threads(*ALL_TIME, took_part_only=False):
            if isinstance(thread, Thread):
                found.append((thread, me, now, raw.get(thread.id, []),
                              resources.get(thread.id, [])))
    return found


def _gmail_resources(mbox: Path) -> dict[str, list[str]]:
    """The mbox's messages as messages.get(format=full) answers them, by thread id: built
    by the test suite's fake Gmail, which speaks the real API."""
    found: dict[str, list[str]] = {}
    for number, item in enumerate(read_takeout(mbox)):
        message_id = f"{mbox.stem}-{number}"
        headers = scan_headers(item.raw)
        when = header_date(headers) or ALL_TIME[0]
        resource = {"id": message_id, "threadId": item.thread_id, "labelIds": item.labels,
                    "internalDate": str(int(when.timestamp() * 1000)),
                    "payload": parse_message(item.raw, message_id, headers).payload}
        found.setdefault(str(item.thread_id), []).append(json.dumps(resource))
    return found


def distinct(thread: Thread, i: int) -> Thread:
    messages = tuple(replace(m, id=f"{m.id}-{i}", new_text=f"{m.new_text}\n#{i}",
                             subject=f"{m.subject} #{i}") for m in thread.messages)
    return Thread(f"{thread.id}-{i}", messages)


def _reference_ms() -> float:
    """A fixed piece of pure Python, timed the same way: the best of five runs."""
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        sum(range(10**6))
        best = min(best, time.process_time() - started)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=10_000)
    args = parser.parse_args()
    rules = load_rules(None)
    tz = ZoneInfo("UTC")
    base = corpus()
    work = [base[i % len(base)] for i in range(args.threads)]
    # Every copy is a distinct thread with distinct texts, so no cache of a text's words
    # can serve one copy from another.
    threads = [(distinct(t, i), me, now) for i, (t, me, now, *_) in enumerate(work)]

    # The best of three runs: the least disturbed by whatever else the machine is doing.
    alone = float("inf")
    for _ in range(3):
        started = time.process_time()
        for thread, me, now in threads:
            classify(thread, rules, me, now, tz)
        alone = min(alone, time.process_time() - started)

    started = time.process_time()
    for i, (_, me, now, _, resources) in enumerate(work):
        parsed = sorted((to_message(json.loads(r), tz) for r in resources), key=lambda m: m.date)
        classify(Thread(f"t{i}", tuple(parsed)), rules, me, now, tz)
    from_gmail = time.process_time() - started

    started = time.process_time()
    for i, (_, me, now, raws, _) in enumerate(work):
        messages = []
        for number, (raw, thrid) in enumerate(raws):
            parsed = email.message_from_bytes(raw, policy=email.policy.compat32)
            messages.append(build_message(
                part_from_email(parsed), message_id=f"{i}-{number}", thread_id=thrid,
                labels=parse_labels(str(parsed.get("X-Gmail-Labels", ""))), default_tz=tz))
        messages.sort(key=lambda m: m.date)
        classify(Thread(f"t{i}", tuple(messages)), rules, me, now, tz)
    with_parsing = time.process_time() - started

    messages = sum(len(raws) for *_, raws, _ in work)
    print(f"{args.threads:,} threads ({messages:,} messages) from {len(base)} distinct "
          f"labelled threads; {len(rules.rules)} rules; CPU time on one core.\n")
    print(f"{'':<32} {'seconds':>8} {'threads/s':>10}")
    print(f"{'classify (already parsed)':<32} {alone:>8.2f} {args.threads / alone:>10,.0f}")
    print(f"{'parse + classify (Gmail API)':<32} {from_gmail:>8.2f} "
          f"{args.threads / from_gmail:>10,.0f}")
    print(f"{'parse + classify (raw mbox)':<32} {with_parsing:>8.2f} "
          f"{args.threads / with_parsing:>10,.0f}")
    print(f"\nThis machine's pace: {_reference_ms():.1f} ms for sum(range(10**6)) in this Python "
          "(compare machines by it).")
    print("\nTarget >= 5,000 threads/s:")
    for name, seconds in (("classification alone", alone), ("with parsing (Gmail API)", from_gmail),
                          ("with parsing (raw mbox)", with_parsing)):
        print(f"  {name:<26} {'ok' if args.threads / seconds >= 5000 else 'MISSED'}")


if __name__ == "__main__":
    main()
