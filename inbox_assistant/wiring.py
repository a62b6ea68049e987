"""The composition root: real adapters wired to the use cases, from settings and options."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from inbox_assistant.app.evaluate import Evaluation, evaluate
from inbox_assistant.app.pipeline import Pipeline, RunRecord, build_pipeline
from inbox_assistant.app.ports import DraftRecord, Skipped
from inbox_assistant.app.scan import ScanOptions, ScanReport, scan
from inbox_assistant.config import ENV_QUOTA, Paths, Settings, load_settings
from inbox_assistant.domain.errors import AssistantError, ConfigError, InputFileError
from inbox_assistant.domain.model import Me, Thread
from inbox_assistant.domain.verdict import Verdict
from inbox_assistant.drafts.templates import Templates
from inbox_assistant.rules.engine import classify
from inbox_assistant.rules.loader import RuleSet, load_rules

Progress = Callable[[int, int], None]

if TYPE_CHECKING:
    # Adapters are imported when used: the offline demo never loads Google's client.
    from inbox_assistant.gmail.mailbox import GmailMailbox
    from inbox_assistant.store import Store


@dataclass(frozen=True, slots=True)
class Request:
    """What the user asked of a scan, as the CLI parsed it."""

    now: datetime
    since_days: int | None = None
    dry_run: bool = False
    mbox: Path | None = None
    drafts_dir: Path | None = None
    progress: Progress | None = None


@dataclass(frozen=True, slots=True)
class Context:
    paths: Paths
    settings: Settings
    env: dict[str, str]

    @classmethod
    def load(cls, paths: Paths, env: dict[str, str]) -> Context:
        return cls(paths, load_settings(paths), env)

    def rules(self) -> RuleSet:
        rules = load_rules(self.paths.rules)
        if self.settings.business_days:
            rules = replace(rules, windows=replace(rules.windows, business_days=True))
        return rules

    def templates(self) -> Templates:
        return Templates(self.paths.templates)

    def me(self, account: str, seen: frozenset[str] = frozenset()) -> Me:
        return Me(email=account, name=self.settings.name,
                  aliases=frozenset(self.settings.aliases) | seen,
                  signature=self.settings.signature, about=self.settings.about)


def run_scan(ctx: Context, request: Request) -> ScanReport:
    rules, templates = ctx.rules(), ctx.templates()
    tz = ctx.settings.zone(ctx.env)
    options = ScanOptions(now=request.now, since_days=request.since_days or
                          ctx.settings.since_days, tz=tz, dry_run=request.dry_run,
                          phone_situations=frozenset(ctx.settings.phone_situations),
                          phone_contacts=frozenset(ctx.settings.phone_contacts))
    since = request.now - timedelta(days=options.since_days)
    if request.mbox is not None:
        from inbox_assistant.mbox.drafts import EmlDraftSink
        from inbox_assistant.mbox.reader import MboxSource

        source = MboxSource(request.mbox, tz, ctx.settings.email)
        me = ctx.me(source.account(), source.aliases())
        sink = EmlDraftSink(request.drafts_dir or Path("drafts"))
        return scan(source.threads(since, request.now), sink, None, rules, templates, me,
                    options)
    from inbox_assistant.app.sync import ACCOUNT, remember, synchronise
    from inbox_assistant.domain.textdates import READER_VERSION
    from inbox_assistant.lock import exclusive
    from inbox_assistant.mail.message import message_dates

    started = time.monotonic()
    with exclusive(ctx.paths.lock), state(ctx) as store, gmail(ctx) as mailbox:
        try:
            # Mail kept from earlier scans is read with today's date finders, in today's zone,
            # before new mail joins it (read by them already): a first scan has none to read.
            store.reread_dates(f"{READER_VERSION} {tz}",
                               lambda m: message_dates(m.new_text, m.subject, m.date, tz))
            synced = synchronise(mailbox, store, since, request.now, request.progress)
            options = replace(options, mailbox_changed=synced.changed)
            account = (ctx.settings.email or store.get_meta(ACCOUNT)
                       or mailbox.profile().account)
            me = ctx.me(account)
            report = scan(store.threads(since), mailbox, store, rules, templates, me, options,
                          remember=lambda message: remember(store, message))
        except AssistantError:
            # A failed run is history too: `status` and `doctor` show it.
            if not request.dry_run:
                store.record_run(request.now, store.get_meta(ACCOUNT) or "", {}, ok=False)
            raise
        report.skipped[:0] = synced.skipped
        if not request.dry_run:
            store.record_run(request.now, me.email, report.summary(), ok=True)
        usage = mailbox.usage
        report.stats = {
            "sync": synced.mode,
            "http_round_trips": usage.round_trips,
            "requests": dict(usage.requests),
            "quota_units": dict(usage.units),
            "quota_units_total": usage.total_units,
            "retries": usage.retries,
            "threads_fetched": synced.threads_fetched,
            "messages_fetched": synced.messages_fetched,
            "drafts_created": report.summary()["drafts_created"],
            "seconds": round(time.monotonic() - started, 3),
        }
        return report


def explain_thread(ctx: Context, thread_id: str, now: datetime,
                   mbox: Path | None = None) -> tuple[Thread, Verdict]:
    """One thread and its verdict with every rule traced: from the mbox, the local cache,
    or (not cached) one fetch from Gmail."""
    rules, tz = ctx.rules(), ctx.settings.zone(ctx.env)
    wanted = format(int(thread_id), "x") if thread_id.isdigit() and len(thread_id) > 16 \
        else thread_id
    if mbox is not None:
        from inbox_assistant.mbox.reader import MboxSource

        source = MboxSource(mbox, tz, ctx.settings.email)
        me = ctx.me(source.account(), source.aliases())
        for item in source.threads(datetime(1970, 1, 1, tzinfo=UTC), now):
            if isinstance(item, Thread) and item.id == wanted:
                return item, classify(item, rules, me, now, tz, explain=True)
        raise InputFileError(f"{mbox}: no thread {thread_id}")
    from inbox_assistant.app.sync import ACCOUNT

    with gmail(ctx) as mailbox, state(ctx) as store:
        thread = store.thread(wanted)
        if thread is None:
            fetched = next(iter(mailbox.fetch_threads([wanted])))
            if isinstance(fetched, Skipped):
                raise InputFileError(f"thread {thread_id}: {fetched.reason}")
            thread = fetched
        account = ctx.settings.email or store.get_meta(ACCOUNT) or mailbox.profile().account
        return thread, classify(thread, rules, ctx.me(account), now, tz, explain=True)


def evaluate_corpus(ctx: Context, directory: Path) -> Evaluation:
    from inbox_assistant.mbox.corpus import load_corpus

    return evaluate(load_corpus(directory), ctx.rules())


def draft_history(ctx: Context) -> list[tuple[DraftRecord, str]]:
    """Every draft the assistant made, newest first, with its thread's subject."""
    with state(ctx) as store:
        rows = []
        for record in reversed(store.drafts()):
            thread = store.thread(record.thread_id)
            rows.append((record, thread.subject if thread else ""))
        return rows


def quota_per_minute(ctx: Context) -> int:
    """The pacing budget: $INBOX_ASSISTANT_QUOTA_PER_MINUTE, else config (0 = unpaced)."""
    value = ctx.env.get(ENV_QUOTA, "")
    if not value:
        return ctx.settings.quota_per_minute
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{ENV_QUOTA}={value!r}: expected a whole number of units") from None
    if number < 0:
        raise ConfigError(f"{ENV_QUOTA}={value!r}: expected 0 or more")
    return number


@contextmanager
def gmail(ctx: Context) -> Iterator[GmailMailbox]:
    from inbox_assistant.gmail.auth import load_credentials
    from inbox_assistant.gmail.mailbox import GmailMailbox

    credentials = load_credentials(ctx.paths.token, ctx.settings.oauth_token_uri(ctx.env))
    yield GmailMailbox(credentials, ctx.settings.api_root(ctx.env), ctx.settings.zone(ctx.env),
                       token_file=ctx.paths.token, units_per_minute=quota_per_minute(ctx))


@contextmanager
def state(ctx: Context) -> Iterator[Store]:
    from inbox_assistant.store import Store

    store = Store(ctx.paths.state)
    try:
        yield store
    finally:
        store.close()


def authorize(
    ctx: Context, *, open_browser: bool, paste: bool, prompt: Callable[[str], str]
) -> list[str]:
    from inbox_assistant.gmail.auth import authorize as run_flow

    return run_flow(ctx.paths.credentials, ctx.paths.token, ctx.settings.oauth_token_uri(ctx.env),
                    open_browser=open_browser, paste=prompt if paste else None)


def pipeline(ctx: Context, now: datetime, horizon: timedelta, runs: int = 20) -> Pipeline:
    """The job-search pipeline from the state store alone, as the last scan left it: no
    Gmail call. Empty before the first scan."""
    tz = ctx.settings.zone(ctx.env)
    if not ctx.paths.state.exists():
        return Pipeline.empty(now, tz, horizon)
    from inbox_assistant.app.sync import ACCOUNT

    rules = ctx.rules()
    with state(ctx) as store:
        account = ctx.settings.email or store.get_meta(ACCOUNT)
        if not account:
            return Pipeline.empty(now, tz, horizon)
        since = now - timedelta(days=ctx.settings.since_days)
        history = [RunRecord(at, who, summary, ok) for at, who, summary, ok in store.runs(runs)]
        return build_pipeline(list(store.threads(since)), rules, ctx.me(account), now, tz,
                              drafts=store.drafts(), runs=history, horizon=horizon)
