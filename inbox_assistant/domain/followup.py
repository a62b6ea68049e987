"""Where a classified thread stands at a moment: the follow-up state machine.

Pure: the facts about each message (who wrote it, whether it is an auto-reply, a
closure, a promise) are worked out by the rules engine and handed in; `now` is a
parameter. The guidelines' vocabulary: the *anchor* is the message or event a window
counts from; a window *opens* (status due) and *closes* (due and overdue).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, tzinfo
from typing import Final

from inbox_assistant.domain.lazy import lazy
from inbox_assistant.domain.model import Message
from inbox_assistant.domain.situations import Situation, Status, Step
from inbox_assistant.domain.textdates import Mention
from inbox_assistant.domain.verdict import Assessment
from inbox_assistant.domain.windows import DAY, Window, Windows, later


def _unasked(name: str) -> bool:
    return False


@dataclass(frozen=True)
class MessageFacts:
    """What classification learned about one sent message.

    Whether it is an automatic reply decides which messages count at all, and is known
    from the start. The rest is found out by `ask` (a signal's name -> whether the
    message shows it) when first read: a thread closed by its last message never asks
    its earlier ones, and most messages are never asked whether they end an exchange.
    """

    message: Message
    by_me: bool
    auto_reply: bool = False
    ask: Callable[[str], bool] = field(default=_unasked, repr=False, compare=False)

    @lazy
    def automated(self) -> bool:
        """Written by a machine: a tracking system, a notification, bulk mail."""
        return self.ask("automated")

    @lazy
    def acknowledged(self) -> bool:
        """Their "Thanks, received": word that a message arrived, not an answer to it."""
        return self.ask("acknowledged")

    @lazy
    def closure(self) -> bool:
        """The process is over: a rejection, a withdrawn role, an offer accepted."""
        return self.ask("closure")

    @lazy
    def news_to_come(self) -> bool:
        """ "We're still interviewing, I'll be in touch": news still to come, on no day named."""
        return self.ask("news_to_come")

    @lazy
    def finished(self) -> bool:
        """A "Thanks!" that ends an exchange."""
        return self.ask("finished")

    @lazy
    def help_given(self) -> bool:
        """ "Done, I passed it to Sandra": the end of a help_offered thread only."""
        return self.ask("help_given")

    @lazy
    def help_to_come(self) -> bool:
        """ "I'll corner him once he's back": help still to come, on no day named."""
        return self.ask("help_to_come")

    @property
    def promise(self) -> Mention | None:
        """A date they committed to (their messages only)."""
        return None if self.by_me or self.auto_reply else self.message.dates.promise

    @property
    def deadline(self) -> Mention | None:
        """A time limit the user faces (the user's messages only)."""
        return self.message.dates.deadline if self.by_me else None

    @property
    def returns(self) -> Mention | None:
        """For an out-of-office reply: the day its writer is back."""
        return self.message.dates.back if self.auto_reply else None

    @property
    def date(self) -> datetime:
        return self.message.date

    @property
    def human_reply(self) -> bool:
        """A message by the other side that counts as their answer."""
        return (not self.by_me and not self.auto_reply and not self.automated
                and not self.acknowledged)


@dataclass(frozen=True, slots=True)
class Event:
    """The meeting or interview a thread is about, and where its time was found."""

    start: datetime
    end: datetime
    source: str




_WEEKDAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                  "Dec")


def when(moment: datetime, tz: tzinfo) -> str:
    """A moment as people read it in a reason: "Tue 17 Nov 14:02".

    Written out by hand: the same in every locale, and a reason is written for every thread
    of every scan, where strftime costs several times more."""
    local = moment.astimezone(tz)
    return (f"{_WEEKDAYS[local.weekday()]} {local.day:02d} {_MONTHS[local.month - 1]} "
            f"{local.hour:02d}:{local.minute:02d}")


@dataclass(frozen=True, slots=True)
class _Context:
    situation: Situation
    windows: Windows
    now: datetime
    tz: tzinfo
    # The other side is away until then (their out-of-office said so).
    back: Mention | None = None

    def window(
        self, step: Step, window: Window, anchor: datetime, source: str, *,
        reply_to: Message | None, follow_ups: int = 0, promised: datetime | None = None,
        deadline: datetime | None = None, event_at: datetime | None = None,
        opens: datetime | None = None, closes: datetime | None = None,
    ) -> Assessment:
        default_opens, default_closes = self.later(anchor, window.opens), self.later(
            anchor, window.closes)
        opens = opens or default_opens
        closes = closes or default_closes
        closes = max(closes, opens)
        away = ""
        if self.back is not None and self.back.at > opens and self.back.at > anchor:
            # No nudge while they are away: the window moves to their return.
            closes += self.back.at - opens
            opens = self.back.at
            away = f" (moved to their return: \"{self.back.phrase}\")"
        if self.now < opens:
            status, overdue = Status.WAITING, False
            state = f"opens {when(opens, self.tz)}"
        else:
            status, overdue = Status.DUE, self.now >= closes
            state = (f"closed {when(closes, self.tz)}: overdue" if overdue
                     else f"open until {when(closes, self.tz)}")
        reason = f"{_STEP_WORDS[step]} counted from {source}; window {state}{away}."
        return Assessment(
            status=status, reason=reason, step=step, overdue=overdue, anchor=anchor,
            anchor_source=source, opens=opens, closes=closes, reply_to=reply_to,
            follow_ups_sent=follow_ups, promised=promised, deadline=deadline, event_at=event_at,
        )

    def later(self, moment: datetime, delta: timedelta) -> datetime:
        return later(moment, delta, business_days=self.windows.business_days, tz=self.tz)

    def closed(self, reason: str, *, follow_ups: int = 0) -> Assessment:
        return Assessment(status=Status.CLOSED, reason=reason, follow_ups_sent=follow_ups)


_STEP_WORDS = {
    Step.REPLY: "Reply",
    Step.FOLLOW_UP: "Follow-up",
    Step.THANK_YOU: "Thank-you note",
    Step.CHECK_IN: "Check-in",
    Step.SECOND_FOLLOW_UP: "Next follow-up",
    Step.NONE: "Nothing",
}

_PRIMARY = {
    Situation.NEW_CONTACT: "new_contact",
    Situation.INTRODUCTION: "introduction",
    Situation.HELP_OFFERED: "help_offered",
    Situation.RESUME_SUBMITTED: "resume_submitted",
    Situation.INTERVIEW: "interview_check_in",
}


def assess(
    situation: Situation,
    facts: Sequence[MessageFacts],
    *,
    event: Event | None,
    windows: Windows,
    now: datetime,
    tz: tzinfo,
) -> Assessment:
    """The status of a thread of this situation at `now`, with its reason and dates."""
    if situation is Situation.NONE:
        return Assessment(status=Status.IGNORED, reason="Not a follow-up situation.")
    returns = [f.returns for f in facts if f.auto_reply and f.returns and f.date <= now]
    ctx = _Context(situation, windows, now, tz, returns[-1] if returns else None)
    live = [f for f in facts if not f.auto_reply and f.date <= now]
    if not live:
        return ctx.closed("Nothing but automatic replies in the thread.")
    if situation is Situation.INTRODUCTION:
        live = _from_the_introduction(live)
    # A coffee held after it outlives an early word: "we're not hiring, but happy to have
    # a coffee" closes nothing once the coffee has taken place.
    since = (event.start if situation is Situation.NEW_CONTACT and event is not None
             and event.start <= now else None)
    # A promise of theirs after help handed over is more help to come: "here is Amélie's
    # CV" from the coach, then "I'll put it in her hands on Monday" from the one it reached.
    promised_after = False
    # Someone new who writes first "no openings per se, but always happy to talk shop" is
    # still owed a reply: in a new contact or an introduction, only a word after yours
    # closes anything.
    first_mine = next((f.date for f in live if f.by_me), None)
    owed_first = situation in (Situation.NEW_CONTACT, Situation.INTRODUCTION)
    for fact in reversed(live):
        if since is not None and fact.date < since:
            break
        if owed_first and (first_mine is None or fact.date < first_mine):
            continue
        # Help handed over with the helper's own promise ("passed on; I'll get back to you
        # by the 4th") is not over; "she'll reach out next week" is someone else's.
        if fact.closure or (situation is Situation.HELP_OFFERED and fact.help_given
                            and not promised_after and not _own_promise(fact)):
            who = "you" if fact.by_me else (fact.message.sender.name or fact.message.sender.email)
            return ctx.closed(f"Closed by {who} on {when(fact.date, tz)}.")
        promised_after = promised_after or (fact.promise is not None and not fact.by_me)
    if event is None:
        return _conversation(ctx, live)
    if situation is Situation.INTERVIEW:
        assessment = _interview(ctx, live, event)
    elif situation is Situation.NEW_CONTACT:
        assessment = _after_meeting(ctx, live, event)
    else:
        assessment = _conversation(ctx, live)
    return replace(assessment, event_at=event.start)


def _latest_promise(live: Sequence[MessageFacts], since: datetime | None = None) -> Mention | None:
    for fact in reversed(live):
        if fact.promise is not None and not fact.by_me and (since is None or fact.date >= since):
            return fact.promise
    return None


def _pending_promise(
    ctx: _Context, live: Sequence[MessageFacts], run: Sequence[MessageFacts]
) -> Mention | None:
    """Their latest promise, if it still governs: not already behind the user's messages."""
    promise = _latest_promise(live)
    if promise is not None and promise.at + ctx.windows.after_promise >= run[0].date:
        return promise
    return None


def _promise_window(
    ctx: _Context, promise: Mention, reply_to: Message, follow_ups: int = 0
) -> Assessment:
    after = (ctx.windows.after_promise
             if ctx.situation in (Situation.INTERVIEW, Situation.RESUME_SUBMITTED)
             else timedelta(0))
    opens = ctx.later(promise.at, after)
    if ctx.situation is Situation.INTERVIEW:
        closes = ctx.later(promise.at, ctx.windows.interview_check_in.closes)
    else:
        closes = ctx.later(opens, ctx.windows.promise_grace)
    source = f'their promise "{promise.phrase}" ({when(promise.at, ctx.tz)})'
    return ctx.window(Step.CHECK_IN, Window(after, after), promise.at, source,
                      reply_to=reply_to, follow_ups=follow_ups, promised=promise.at,
                      opens=opens, closes=closes)


def _second_follow_up(ctx: _Context, latest: MessageFacts, follow_ups: int) -> Assessment:
    return ctx.window(Step.SECOND_FOLLOW_UP, ctx.windows.second_follow_up, latest.date,
                      f"your follow-up of {when(latest.date, ctx.tz)}",
                      reply_to=latest.message, follow_ups=follow_ups)


def _chase_after_my_messages(
    ctx: _Context, live: Sequence[MessageFacts], run: Sequence[MessageFacts],
    first_window: Window, first_step: Step, counts_first: bool,
) -> Assessment:
    """The user wrote last (`run`: their messages since the other side's last answer).

    `counts_first` says whether the first message of the run is itself a follow-up
    (a check-in) or the message being followed up (an application, a thank-you).
    """
    follow_ups = len(run) - (0 if counts_first else 1)
    promise = _pending_promise(ctx, live, run)
    if promise is not None:
        chased = [f for f in run if f.date > promise.at]
        if not chased:
            promised = _promise_window(ctx, promise, run[-1].message, follow_ups)
            if follow_ups == 0 or follow_ups >= ctx.windows.max_follow_ups:
                return promised
            # You nudged before the day they promised ("I know you said after Thanksgiving,
            # checking in"): the next nudge waits for that day and is no sooner than any
            # second follow-up.
            nudged = _second_follow_up(ctx, run[-1], follow_ups)
            later = (nudged.opens is not None and promised.opens is not None
                     and nudged.opens > promised.opens)
            return nudged if later else promised
        # The promised date passed and the user already chased: the next step counts from
        # that chase, and every nudge since their last answer counts towards going quiet.
        follow_ups = max(follow_ups, len(chased))
    else:
        # Long past: what the user wrote after the day they promised chases it.
        passed = _latest_promise(live)
        if passed is not None:
            follow_ups = max(follow_ups, sum(1 for f in run if f.date > passed.at))
    latest = run[-1]
    if follow_ups >= ctx.windows.max_follow_ups:
        return ctx.closed(
            f"Gone quiet: {follow_ups} follow-ups since {when(run[0].date, ctx.tz)} "
            "without an answer.", follow_ups=follow_ups)
    if follow_ups > 0:
        return _second_follow_up(ctx, latest, follow_ups)
    source = f"your message of {when(latest.date, ctx.tz)}"
    if ctx.situation is Situation.RESUME_SUBMITTED:
        source = f"your application of {when(latest.date, ctx.tz)}"
    opens = closes = None
    deadline = next((f.deadline for f in reversed(run) if f.deadline), None)
    if deadline is not None:
        early = max(deadline.at - ctx.windows.deadline_lead, latest.date + DAY)
        # A deadline only brings the follow-up sooner: it never keeps a window open longer.
        opens = min(ctx.later(latest.date, first_window.opens), early)
        closes = min(ctx.later(latest.date, first_window.closes), deadline.at)
    return ctx.window(first_step, first_window, latest.date, source, reply_to=latest.message,
                      deadline=deadline.at if deadline else None, opens=opens, closes=closes)



# A first person in the sentence of a promise: the writer's own commitment.
_FIRST_PERSON = re.compile(
    r"\b(?:i|i['’]ll|i['’]m|we|we['’]ll|je|j['’]|nous|ich|wir|yo|io|eu|nós|nosotros"
    r"|ik|wij|jag|jeg|vi)\b|"
    r"\b(?:te|vous|ti|dir|ihnen|lhe|le) (?:dirai|dis|fais|écris|reviens|digo|escribo|aviso|"
    r"respondo|melde|sage|schreibe|faccio|scrivo|dico|escrevo|cuento|contaré|diré|escribiré"
    r"|avisaré)\b"
    # Polish says the person in the verb: "dam ci znać", "odezwę się", "napiszę".
    r"|\b(?:dam|napisz[ęe]|odezw[ęe]|zadzwoni[ęe]|powiem)\b",
    re.IGNORECASE)


_SENTENCE_MARKS = (".", "!", "?", "\n\n")


def _own_promise(fact: MessageFacts) -> bool:
    promise = fact.promise
    if promise is None:
        return False
    text = fact.message.new_text
    at = text.lower().find(promise.phrase.lower())
    if at < 0:
        return True
    # The sentence of the promise: a hard-wrapped line ("je te fais un\nretour d'ici
    # lundi") goes on, a blank line ends it.
    start = max(text.rfind(mark, 0, at) for mark in _SENTENCE_MARKS) + 1
    # Searched for past the promise's own words: "am Donnerstag, 10.12." ends no sentence.
    past = at + len(promise.phrase)
    ends = [i for i in (text.find(mark, past) for mark in _SENTENCE_MARKS) if i >= 0]
    return _FIRST_PERSON.search(text[start:min(ends, default=len(text))]) is not None


def _from_the_introduction(live: list[MessageFacts]) -> list[MessageFacts]:
    """An introduction from its introducing mail on: the first of theirs written to two people
    or more. What came before it, their "shall I put you in touch?" to you alone and your yes,
    asked for the introduction and is not part of it."""
    start = next((i for i, f in enumerate(live) if not f.by_me
                  and len(f.message.to) + len(f.message.cc) >= 2), 0)
    return live[start:]


def _conversation(ctx: _Context, live: Sequence[MessageFacts]) -> Assessment:
    talk = [f for f in live if f.by_me or f.human_reply] or list(live)
    last = talk[-1]
    windows = ctx.windows
    if last.by_me:
        run = _trailing_run(talk)
        # Thanks for an offer of help is what the reminder follows up, not an ending.
        if (last.finished and ctx.situation is not Situation.HELP_OFFERED
                and any(f.human_reply for f in talk[:-1])
                and _pending_promise(ctx, live, run) is None):
            return ctx.closed(
                f"The exchange ended with your closing word on {when(last.date, ctx.tz)}.")
        after = _signed_off_after(ctx.situation, talk, run)
        if after is not None and _pending_promise(ctx, live, run) is None:
            return ctx.closed(f"The exchange ended with your word on {when(last.date, ctx.tz)}, "
                              f"after {after}, asking nothing.")
        if ctx.situation in (Situation.INTRODUCTION, Situation.NEW_CONTACT):
            first_window, step = windows.second_follow_up, Step.FOLLOW_UP
        elif ctx.situation is Situation.INTERVIEW:
            first_window, step = windows.interview_check_in, Step.CHECK_IN
        else:
            first_window = windows.for_name(_PRIMARY[ctx.situation])
            step = Step.FOLLOW_UP
        # An application confirmed by a tracking system before the user wrote: the
        # application is that confirmation, and the user's mail already a follow-up.
        confirmed = ctx.situation is Situation.RESUME_SUBMITTED and any(
            f.automated and not f.by_me and f.date < run[0].date for f in live)
        # Writing first to someone just met is already the follow-up of the meeting.
        met = ctx.situation is Situation.NEW_CONTACT and run[0] is talk[0]
        # An application they already answered ("sent it to the hiring manager"): what the
        # user writes after that answer chases it.
        answered = ctx.situation is Situation.RESUME_SUBMITTED and _answered_before(talk, run[0])
        # Help offered, then nothing from you until the reminder was due: that first word of
        # yours ("any luck catching Darlene?") is the reminder itself.
        reminded = ctx.situation is Situation.HELP_OFFERED and _late_after_offer(
            talk, run[0], windows.help_offered.opens)
        return _chase_after_my_messages(ctx, live, run, first_window, step,
                                        counts_first=confirmed or met or answered or reminded)
    # The other side wrote last.
    i_wrote = any(f.by_me for f in talk)
    # Someone new who promises to send a name on Monday is still owed a reply now.
    owed_reply = not i_wrote and ctx.situation in (Situation.INTRODUCTION,
                                                   Situation.NEW_CONTACT)
    promise = last.promise or _still_promised(live, last)
    if promise is not None and not owed_reply:
        return _promise_window(ctx, promise, last.message)
    # An application known by its confirmation alone (the thread's only message) is chased
    # from it, even one sent from the employer's own address with no mark of a machine.
    confirmation_only = ctx.situation is Situation.RESUME_SUBMITTED and len(live) == 1
    # A friend's "I've put you in as a referral", then the tracking system's confirmation
    # of the application: the application is that confirmation, and nothing answers it.
    # (A notice from the sender of the last word is that sender's news, not this.)
    confirmed_after = [
        f for f in live if f.automated and f.date > last.date
        and f.message.sender.email != last.message.sender.email
    ] if ctx.situation is Situation.RESUME_SUBMITTED and not i_wrote else []
    if last.automated or confirmation_only or confirmed_after:
        # Only automated mail (an applicant-tracking confirmation): chase from it. Its later
        # notices ("your application moved to the next stage") answer nothing.
        first = next((f for f in talk if f.automated), confirmed_after[0] if confirmed_after
                     else talk[0])
        window = windows.for_name(_PRIMARY.get(ctx.situation, "resume_submitted"))
        return ctx.window(Step.FOLLOW_UP, window, first.date,
                          f"the confirmation of {when(first.date, ctx.tz)}",
                          reply_to=last.message)
    if (i_wrote and ctx.situation is Situation.HELP_OFFERED and not last.finished
            and not _wound_down(talk)):
        # "Got it, will get it in front of Greg": help acknowledged is not help given. The
        # reminder counts from the user's last message, as if it had gone unanswered.
        mine = [f for f in talk if f.by_me]
        return _chase_after_my_messages(ctx, live, mine[-1:], windows.help_offered,
                                        Step.FOLLOW_UP, counts_first=False)
    if not i_wrote and ctx.situation in (
        Situation.INTRODUCTION, Situation.NEW_CONTACT, Situation.HELP_OFFERED
    ):
        window = {
            Situation.INTRODUCTION: windows.introduction,
            Situation.NEW_CONTACT: windows.new_contact,
        }.get(ctx.situation, windows.reply)
        who = last.message.sender.name or last.message.sender.email
        return ctx.window(Step.REPLY, window, talk[0].date,
                          f"{who}'s message of {when(talk[0].date, ctx.tz)}", reply_to=last.message)
    if i_wrote and last.news_to_come and ctx.situation in _DECISION_TO_COME:
        # "We're still interviewing, I'll be in touch": their word decides nothing, and the
        # follow-up counts from your last message, as if it had gone unanswered.
        mine = [f for f in talk if f.by_me]
        name, step = _DECISION_TO_COME[ctx.situation]
        return _chase_after_my_messages(ctx, live, mine[-1:], windows.for_name(name), step,
                                        counts_first=False)
    who = last.message.sender.name or last.message.sender.email
    return ctx.closed(f"{who} answered on {when(last.date, ctx.tz)}; nothing is owed.")


# Where a decision is awaited, their word that news will come on no day named is no answer:
# the window and step of the follow-up that chases the decision.
_DECISION_TO_COME: Final[dict[Situation, tuple[str, Step]]] = {
    Situation.INTERVIEW: ("interview_check_in", Step.CHECK_IN),
    Situation.RESUME_SUBMITTED: ("resume_submitted", Step.FOLLOW_UP),
}


# Their brief word before the day they promised news ("Perfect, thanks! Sending it to the
# client today.") is not the news: the promise still stands. A word is brief at this many
# words or fewer, asking nothing and wishing no luck.
_BRIEF_WORDS = 20


def _still_promised(live: Sequence[MessageFacts], last: MessageFacts) -> Mention | None:
    text = last.message.new_text
    # "Sehr gern, und viel Erfolg!" ends the exchange; the news will come, or not.
    if "?" in text or not _at_most_words(text, _BRIEF_WORDS) or last.finished:
        return None
    promise = _latest_promise(live)
    return promise if promise is not None and promise.at >= last.date else None


def _at_most_words(text: str, most: int) -> bool:
    # Split no further than needed: a long text is over the limit after `most` words.
    return len(text.split(None, most)) <= most


# Your last word in a conversation they already answered ends it when it is brief, asks
# nothing, sends nothing and sets no meeting: "Thanks Leila, that helps a lot - good luck
# with the launch!". A nudge asks ("any news?"); an attachment or a time to meet is a
# step that waits on them.
_SIGN_OFF_WORDS = 60


def _signs_off(fact: MessageFacts) -> bool:
    message = fact.message
    text = message.new_text
    return ("?" not in text and not message.attachments and message.dates.meeting is None
            and not message.events and _at_most_words(text, _SIGN_OFF_WORDS))


def _signed_off_after(
    situation: Situation, talk: Sequence[MessageFacts], run: Sequence[MessageFacts]
) -> str | None:
    """What your one brief last word signs off after ("their answer" to an introduction or
    a new contact, "their word on what you sent" a helper), else None."""
    if len(run) != 1 or not _signs_off(talk[-1]):
        return None
    if (situation in (Situation.INTRODUCTION, Situation.NEW_CONTACT)
            and _answered_before(talk, talk[-1])):
        return "their answer"
    if situation is Situation.HELP_OFFERED and len(talk) >= 3 and _reported_back(talk):
        return "their word on what you sent"
    return None


def _nothing_to_come(fact: MessageFacts) -> bool:
    """Their message asks nothing, promises nothing and names no day to come ("I'll submit
    it Thursday the 3rd" is help still to come), and says no help is still to come on a day
    unnamed ("I'll corner him once he's back")."""
    message = fact.message
    return (fact.promise is None and message.dates.ahead is None
            and "?" not in message.new_text and not fact.help_to_come)


def _reported_back(talk: Sequence[MessageFacts]) -> bool:
    """Whether their message before your last is their word on what you sent them (your
    CV), with nothing to come."""
    return (not talk[-2].by_me and _nothing_to_come(talk[-2])
            and any(f.by_me and f.message.attachments for f in talk[:-2]))


# Their last word in banter is brief: "Abgemacht!", "Dafür nicht. Daumen sind gedrückt".
_BANTER_WORDS = 30


def _wound_down(talk: Sequence[MessageFacts]) -> bool:
    """Whether a help thread already ended with your thanks for their word on your CV, and
    their last message is only banter after it: brief, with nothing to come."""
    if len(talk) < 4 or talk[-1].by_me or not talk[-2].by_me:
        return False
    return (_nothing_to_come(talk[-1])
            and _at_most_words(talk[-1].message.new_text, _BANTER_WORDS)
            and _signs_off(talk[-2]) and _reported_back(talk[:-1]))


def _late_after_offer(talk: Sequence[MessageFacts], fact: MessageFacts,
                      after: timedelta) -> bool:
    """Whether `fact`, the user's, came at least `after` past their last word before it."""
    theirs = [f for f in talk if not f.by_me and f.date < fact.date]
    return bool(theirs) and fact.date - theirs[-1].date >= after


def _answered_before(talk: Sequence[MessageFacts], fact: MessageFacts) -> bool:
    """Whether the other side answered a message of the user's before `fact`."""
    mine = next((f for f in talk if f.by_me), None)
    return mine is not None and any(
        f.human_reply and mine.date < f.date < fact.date for f in talk)


def _trailing_run(talk: Sequence[MessageFacts]) -> list[MessageFacts]:
    run: list[MessageFacts] = []
    for fact in reversed(talk):
        if not fact.by_me:
            break
        run.append(fact)
    return run[::-1]


def _interview(ctx: _Context, live: Sequence[MessageFacts], event: Event) -> Assessment:
    windows, tz = ctx.windows, ctx.tz
    end = event.end
    if ctx.now < end:
        return ctx.window(Step.THANK_YOU, windows.interview_thank_you, end,
                          f"the interview ({event.source}, ends {when(end, tz)})",
                          reply_to=live[-1].message, event_at=event.start)
    talk = [f for f in live if f.by_me or f.human_reply]
    after = [f for f in talk if f.date >= end]
    mine_after = [f for f in after if f.by_me]
    reply_to = (talk or list(live))[-1].message
    if not mine_after:
        promise = _latest_promise(live)
        check_in_opens = ctx.later(end, windows.interview_check_in.opens)
        if ctx.now < check_in_opens:
            return ctx.window(Step.THANK_YOU, windows.interview_thank_you, end,
                              f"the end of the interview ({when(end, tz)})",
                              reply_to=reply_to, event_at=event.start)
        if promise is not None and promise.at >= end:
            return _promise_window(ctx, promise, reply_to)
        return ctx.window(Step.CHECK_IN, windows.interview_check_in, end,
                          f"the end of the interview ({when(end, tz)})",
                          reply_to=reply_to, event_at=event.start)
    last = after[-1]
    if not last.by_me:
        if last.promise is not None:
            return _promise_window(ctx, last.promise, last.message)
        if not last.news_to_come:
            who = last.message.sender.name or last.message.sender.email
            return ctx.closed(f"{who} answered on {when(last.date, tz)}; nothing is owed.")
        # Their word after yours that news will come, on no day named ("we're still
        # interviewing, I'll be in touch"), decides nothing: the check-in is owed as if they
        # had not written, counted from your last message.
        after = after[: max(i for i, f in enumerate(after) if f.by_me) + 1]
    run = _trailing_run(after)
    # The thank-you note is not a follow-up; a message of the user's after an earlier
    # one of theirs since the interview is.
    counts_first = any(f.by_me for f in after[: len(after) - len(run)])
    return _chase_after_my_messages(ctx, live, run, windows.interview_check_in, Step.CHECK_IN,
                                    counts_first=counts_first)


def _unanswered_proposal(live: Sequence[MessageFacts], event: Event) -> bool:
    """Whether the meeting is only a time they proposed in text (no invitation) to someone
    who has written nothing yet: you, who owe them an answer. ("Listo entonces: martes 24
    a las 8:00" after your "le propongo el martes 24" is a meeting agreed.)"""
    return not any(f.by_me or f.message.events for f in live) and any(
        f.message.dates.meeting is not None and f.message.dates.meeting.at == event.start
        for f in live)


def _after_meeting(ctx: _Context, live: Sequence[MessageFacts], event: Event) -> Assessment:
    windows, tz = ctx.windows, ctx.tz
    end = event.end
    if ctx.now < end and _unanswered_proposal(live, event):
        # "Un café jeudi midi ?" and no word from you since: your answer is owed now, not
        # after a coffee nobody has agreed to.
        return _conversation(ctx, live)
    if ctx.now < end:
        opens = ctx.later(end, windows.new_contact.opens)
        return ctx.window(Step.FOLLOW_UP, windows.new_contact, end,
                          f"the meeting ({event.source}, ends {when(end, tz)})",
                          reply_to=live[-1].message, event_at=event.start,
                          opens=opens)
    talk = [f for f in live if f.by_me or f.human_reply]
    after = [f for f in talk if f.date >= end]
    if not any(f.by_me for f in after):
        # Nothing from you since the meeting, even if they wrote ("great to meet you
        # Saturday"): the follow-up is still counted from the meeting.
        return ctx.window(Step.FOLLOW_UP, windows.new_contact, end,
                          f"the meeting ({when(end, tz)})",
                          reply_to=(talk or list(live))[-1].message, event_at=event.start)
    # The conversation starts again at the meeting: their "thank you for this morning" is
    # a new contact's first mail, owed a reply, whatever was said to arrange the coffee.
    return _conversation(ctx, [f for f in live if f.date >= end])
