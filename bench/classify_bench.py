"""How fast threads are classified: 10,000 threads, with and without parsing them.

The threads are the labelled corpora's realistic threads (fixtures/), repeated with new
ids until there are enough: every rule and every date finder does real work. Runs on
one core; classification alone is timed three times and the best run counts. Printed:
threads per second for classification alone (the threads already parsed, as a rescan
has them from its cache), and for parse + classify (from raw mbox messages, as a first
scan reads them).

    python bench/classify_bench.py [--threads 10000]
"""

from __future__ import annotations

import argparse
import email
import email.policy
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
from inbox_assistant.mail.message import build_message, part_from_email  # noqa: E402
from inbox_assistant.mbox.reader import MboxSource, parse_labels  # noqa: E402
from inbox_assistant.rules.engine import classify  # noqa: E402
from inbox_assistant.rules.loader import load_rules  # noqa: E402

ALL_TIME = (datetime(1970, 1, 1, tzinfo=UTC), datetime(9999, 1, 1, tzinfo=UTC))


def corpus() -> list[tuple[Thread, Me, datetime, list[tuple[bytes, str]]]]:
    """Every labelled thread: parsed, its owner, its moment, and its raw messages."""
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
        for thread in source.threads(*ALL_TIME, took_part_only=False):
            if isinstance(thread, Thread):
                found.append((thread, me, now, raw.get(thread.id, [])))
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
    threads = [(distinct(t, i), me, now) for i, (t, me, now, _) in enumerate(work)]

    # The best of three runs: the least disturbed by whatever else the machine is doing.
    alone = float("inf")
    for _ in range(3):
        started = time.process_time()
        for thread, me, now in threads:
            classify(thread, rules, me, now, tz)
        alone = min(alone, time.process_time() - started)

    started = time.process_time()
    for i, (_, me, now, raws) in enumerate(work):
        messages = []
        for number, (raw, thrid) in enumerate(raws):
            parsed = email.message_from_bytes(raw, policy=email.policy.compat32)
            messages.append(build_message(
                part_from_email(parsed), message_id=f"{i}-{number}", thread_id=thrid,
                labels=parse_labels(str(parsed.get("X-Gmail-Labels", ""))), default_tz=tz))
        messages.sort(key=lambda m: m.date)
        classify(Thread(f"t{i}", tuple(messages)), rules, me, now, tz)
    with_parsing = time.process_time() - started

    messages = sum(len(raws) for *_, raws in work)
    print(f"{args.threads:,} threads ({messages:,} messages) from {len(base)} distinct "
          f"labelled threads; {len(rules.rules)} rules; CPU time on one core.\n")
    print(f"{'':<32} {'seconds':>8} {'threads/s':>10}")
    print(f"{'classify (already parsed)':<32} {alone:>8.2f} {args.threads / alone:>10,.0f}")
    print(f"{'parse + classify (raw mail)':<32} {with_parsing:>8.2f} "
          f"{args.threads / with_parsing:>10,.0f}")
    print(f"\nThis machine's pace: {_reference_ms():.1f} ms for sum(range(10**6)) in this Python "
          "(compare machines by it).")
    target = args.threads / alone >= 5000
    print(f"\nTarget >= 5,000 threads/s for classification: {'ok' if target else 'MISSED'}")


if __name__ == "__main__":
    main()
