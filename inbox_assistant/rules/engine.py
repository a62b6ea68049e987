"""classify(thread, rules, me, now) -> Verdict: the rules applied, the status assessed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo

from inbox_assistant.domain.followup import Event, MessageFacts, assess
from inbox_assistant.domain.model import Address, EventMethod, Me, Message, Thread
from inbox_assistant.domain.recipients import counterpart_of
from inbox_assistant.domain.situations import Situation, Status
from inbox_assistant.domain.verdict import RuleTrace, Verdict
from inbox_assistant.rules.conditions import Scope, evaluate, trace
from inbox_assistant.rules.loader import RuleSet

# A meeting named in text without an end is taken to last this long.
_MEETING_LENGTH = timedelta(hours=1)


def classify(
    thread: Thread, rules: RuleSet, me: Me, now: datetime, tz: tzinfo, *, explain: bool = False
) -> Verdict:
    """The situation of the thread (first matching rule) and its follow-up status at `now`.

    With `explain`, every rule is evaluated and traced, not only up to the first match.
    """
    sent = tuple(m for m in thread.sent if m.date <= now)
    scope = Scope(thread, sent, me)
    situation, rule_name = Situation.NONE, "no rule matched"
    traces: list[RuleTrace] = []
    for rule in rules.rules:
        if explain:
            condition_trace = trace(rule.when, scope)
            matched = condition_trace.result
            traces.append(RuleTrace(rule.name, rule.situation, matched, condition_trace))
        else:
            # The compiled test itself, read for its truth: no call around it.
            matched = bool(rule.when.holds(scope))
        if matched and rule_name == "no rule matched":
            situation, rule_name = rule.situation, rule.name
            if not explain:
                break
    # Not a follow-up situation: nothing more to find out about its messages.
    facts = (message_facts(thread, sent, rules, me, tz, scope=scope)
             if situation is not Situation.NONE else [])
    event = find_event(sent) if situation in (
        Situation.INTERVIEW, Situation.NEW_CONTACT) else None
    assessment = assess(situation, facts, event=event, windows=rules.windows, now=now, tz=tz)
    counterpart: Address | None = None
    if assessment.reply_to is not None:
        counterpart = counterpart_of(thread, assessment.reply_to, me, situation)
    theirs = [f.message for f in facts if not f.by_me and not f.auto_reply]
    phone = rules.signals.get("phone")  # only asked of what is owed now
    by_phone = (assessment.status is Status.DUE and bool(theirs) and phone is not None
                and evaluate(phone, Scope(thread, (theirs[-1],), me)))
    return Verdict(
        thread_id=thread.id,
        subject=thread.subject,
        situation=situation,
        rule=rule_name,
        assessment=assessment,
        counterpart=counterpart,
        trace=tuple(traces),
        by_phone=by_phone,
    )


def message_facts(
    thread: Thread, sent: tuple[Message, ...], rules: RuleSet, me: Me, tz: tzinfo,
    *, scope: Scope | None = None,
) -> list[MessageFacts]:
    """What the status logic asks of each message, the signals worked out when first asked.

    `scope` (the rules' scope of `sent`) lends the answers the rules already had.
    """
    facts: list[MessageFacts] = []
    scope = scope or Scope(thread, sent, me)
    # Only the end of a thread can be "finished" by a thanks: the rest need not be asked.
    ending = {m.id for m in sent[-3:]}
    signals = {name: _signal(rules, name) for name in _ASKED}
    for message in sent:
        one = scope.one(message)
        by_me = bool(one.mine)
        # Your own mail is never their out-of-office.
        is_auto_reply = not by_me and one.ask("auto_reply", signals["auto_reply"])

        def ask(name: str, one: Scope = one, by_me: bool = by_me, skip: bool = is_auto_reply,
                last: bool = message.id in ending) -> bool:
            if skip:
                return False
            if name == "closure":
                return one.ask(name, signals[name])
            if name == "finished":
                return last and one.ask(name, signals[name])
            # Only their mail is automated, an acknowledgement, help given or help to come.
            return not by_me and one.ask(name, signals[name])

        facts.append(MessageFacts(message=message, by_me=by_me, auto_reply=is_auto_reply,
                                  ask=ask))
    return facts


# The signals the status logic asks of each message (`phone` is asked of the thread).
_ASKED = ("auto_reply", "automated", "acknowledged", "closure", "help_given", "help_to_come",
          "news_to_come", "finished")


def _never(scope: Scope) -> bool:
    return False


def _signal(rules: RuleSet, name: str) -> Callable[[Scope], object]:
    # The compiled test itself: its answer is read for its truth.
    condition = rules.signals.get(name)
    return _never if condition is None else condition.holds


def find_event(sent: tuple[Message, ...]) -> Event | None:
    """The meeting the thread is about: the newest calendar invitation, else a time in text.

    A cancellation removes the invitation it cancels; a newer invitation (a reschedule)
    replaces an older one. The text of a message that carries an invitation repeats its
    time ("When: Thursday 10:00"): that time is the invitation's, and never outlives its
    cancellation.
    """
    event: Event | None = None
    cancelled: set[datetime] = set()
    for message in sent:
        for item in message.events:
            if item.cancelled:
                cancelled.add(item.start)
                if event is not None and event.start == item.start:
                    event = None
                continue
            if item.method is not EventMethod.REPLY:
                event = Event(item.start, item.end, f'calendar invitation "{item.summary}"')
    if event is not None:
        return event
    for message in reversed(sent):
        mention = message.dates.meeting
        if mention is not None and not message.events and mention.at not in cancelled:
            return Event(mention.at, mention.at + _MEETING_LENGTH, f'"{mention.phrase}"')
    return None
