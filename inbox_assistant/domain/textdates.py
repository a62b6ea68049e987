"""Dates that matter in what people write: meetings, promised replies, deadlines.

Every function is pure. `sent_at` is when the message was sent and anchors relative words
("tomorrow", "Friday", "next week"); `tz` is the zone for times the text gives without one,
and the zone in which the day of `sent_at` is taken. A zone named in the text ("2pm ET")
overrides `tz` for that mention. English is read best; French, German and Spanish day and
month names and the common phrasings around them are read too.

The finders look for dates in context, not dates alone: a meeting is a day with a time of
day, a promise needs a word that commits ("by", "within", "we'll get back to you"), a
deadline a word that limits ("deadline", "expires", "I need to answer by").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import Final

from inbox_assistant.domain.textdates_patterns import (
    WEEKDAY_RANGE_START,
    DayKind,
    DayToken,
    Spanned,
    WeekdayMode,
    non_overlapping,
    resolve_day,
    scan_days,
)
from inbox_assistant.domain.textdates_periods import LastDay, PeriodToken, scan_periods
from inbox_assistant.domain.textdates_times import TimeToken, scan_times
from inbox_assistant.domain.textdates_vocab import MONTH_FIRST_ZONES
from inbox_assistant.domain.textdates_words import (
    compile_by_first_letter,
    guarded,
    lower_reads_as_ignorecase,
)

__all__ = ["READER_VERSION", "Mention", "TextDates", "end_of_day", "find_day_ahead",
           "find_deadline", "find_invitation_time", "find_meeting_time", "find_promised_date",
           "find_return_date", "read_dates"]

# The edition of the finders below. Messages keep the dates read when they were parsed
# (`TextDates`); raise this whenever what the finders read from a text changes, and a scan
# reads the messages it keeps again.
READER_VERSION: Final = 50


@dataclass(frozen=True, slots=True)
class Mention:
    """A date found in text. `at` is aware; `phrase` is the text it was read from."""

    at: datetime
    phrase: str
    all_day: bool


@dataclass(frozen=True, slots=True)
class TextDates:
    """The dates a message's own text names, read once, when the message is parsed.

    Reading dates is the costliest part of understanding a message; a thread is
    classified again on every run, so its messages carry what their text says.
    """

    promise: Mention | None = None
    deadline: Mention | None = None
    meeting: Mention | None = None
    back: Mention | None = None
    # The latest day ahead (within 45 days) the text names, whatever it says of it.
    ahead: Mention | None = None


def read_dates(text: str, sent_at: datetime, tz: tzinfo, *, auto_reply: bool = False
               ) -> TextDates:
    """Every kind of date the text may name; `back` only for an automatic reply."""
    if not text.strip():
        return TextDates()
    return TextDates(
        promise=find_promised_date(text, sent_at, tz),
        deadline=find_deadline(text, sent_at, tz),
        meeting=find_meeting_time(text, sent_at, tz),
        back=find_return_date(text, sent_at, tz) if auto_reply else None,
        ahead=find_day_ahead(text, sent_at, tz),
    )


# A calendar's invitation mail names the meeting in its subject: "Invitation: QA screen @
# Tue Nov 24, 2026 5am - 5:45am (PST)". Cancellations and refusals are left out.
_INVITATION_SUBJECT: Final = re.compile(
    r"^\s*(?:(?:updated\s+)?invitation(?:\s+mise\s+[àa]\s+jour)?|accepted|(?:aktualisierte\s+)?"
    r"einladung|angenommen|accept[ée]|invitaci[oó]n|aceptado|invito|accettato|convite|aceito)"
    r"\s*:\s*.*?\s@\s(?P<when>.+)$", re.I)


def find_invitation_time(subject: str, sent_at: datetime, tz: tzinfo) -> Mention | None:
    """The meeting time a calendar invitation's subject names, else None."""
    match = _INVITATION_SUBJECT.match(subject)
    return None if match is None else find_meeting_time(match["when"], sent_at, tz)


def end_of_day(moment: datetime, tz: tzinfo) -> datetime:
    """The last instant (23:59:59.999999) of the calendar day `moment` falls on in `tz`."""
    return _day_end(_local(moment, tz).date(), tz)


# A time this close before the mail was sent is when it was written.
_STAMP: Final = timedelta(minutes=10)


def find_meeting_time(text: str, sent_at: datetime, tz: tzinfo) -> Mention | None:
    """The first meeting time in `text`: a day ("Tuesday 11/24", "tomorrow") with a time.

    A weekday means the next such day strictly after the day of `sent_at` in the zone of
    the time ("next Friday" too; "this Friday" may be today). A date wins over a weekday
    beside it, which then only settles whether "12/11" is month first. Without a weekday,
    a slash date is month first with an American zone or in English text and day first
    otherwise; a dotted one is day first. Dates without a year are the next occurrence on
    or after the day of `sent_at`. A time after "by", "until" or "before", or near
    "deadline", is a deadline and is skipped, and so are opening hours ("Mon-Fri 9am-5pm")
    and the mail's own time stamp (a time in the ten minutes before `sent_at`, "Submitted
    11/23 9:14 PM"). "jueves 26" is the next Thursday the 26th. The result is in the zone
    the text names ("3pm ET", "15:00 (hora peninsular)"), else in `tz`; None when there is
    no time.
    """
    times = _times(text)
    days = _days(text)
    pairs = sorted(
        ((day, moment) for day in days for moment in times if _adjacent(text, day, moment)),
        key=lambda pair: min(pair[0].start, pair[1].start),
    )
    for day, moment in pairs:
        lo, hi = min(day.start, moment.start), max(day.end, moment.end)
        if _limits(text, lo) or WEEKDAY_RANGE_START.search(text, max(0, day.start - 30),
                                                           day.start):
            continue
        at = _moment(text, day, moment, sent_at, tz)
        if at is not None and at > sent_at and _said_of_the_past(text, day):
            # "The talk yesterday evening (Wednesday from 7pm)": last Wednesday.
            at -= timedelta(days=7)
        # "Submitted 21/11/2026 10:17": the mail's own time stamp, not a meeting.
        if at is not None and not sent_at - _STAMP <= at <= sent_at:
            return Mention(at, text[lo:hi], all_day=False)
    return _meeting_in_sentence(text, days, times, sent_at, tz)


# "Ich bin morgen auch beim Logistik-Dialog – wollen wir uns um 9:00 vor dem Plenarsaal
# auf einen Kaffee treffen?": a day, then further on in its sentence a meeting at a time.
_MEET_WORD: Final = re.compile(
    r"\b(?:meet|meeting|coffee|treffen|kaffee|retrouver|retrouve|caf[ée]|quedamos|quedar|vernos"
    r"|come\s+to|visit|conversation|interview|call|gespr[äa]ch|entretien|entrevista|colloquio"
    r"|tomamos|caff[èe]|vediamo|incontrarci|encontrar|encontramos)\b", re.I)
_AT_WORD: Final = re.compile(
    r"(?:\b(?:at|um|à|a\s+las|a\s+la|alle|às|from|von|de|dalle|desde|van)\s*)$", re.I)
_SENTENCE_REACH: Final = 100


def _meeting_in_sentence(text: str, days: Sequence[DayToken], times: Sequence[TimeToken],
                         sent_at: datetime, tz: tzinfo) -> Mention | None:
    if len(days) != 1 or len(times) != 1:
        return None
    (day,), (moment,) = days, times
    gap = text[day.end:moment.start]
    # "I really enjoyed Tuesday's conversation ... at 2 a.m.": a day past, a time in passing.
    if gap.startswith(("'s", "’s")) or _said_of_the_past(text, day):
        return None
    if (not 0 <= len(gap) <= _SENTENCE_REACH or _SENTENCE_END.search(gap)
            or _AT_WORD.search(text, max(0, moment.start - 8), moment.start) is None
            or _limits(text, day.start)):
        return None
    start, end = _clause(text, day.start, moment.end)
    if _MEET_WORD.search(text, start, end) is None:
        return None
    at = _moment(text, day, moment, sent_at, tz)
    if at is None or at <= sent_at:
        return None
    return Mention(at, text[day.start:moment.end], all_day=False)


# Yesterday, in the sentence before a bare weekday: the weekday is the one just past.
# French "hier" only with its time of day or as "d'hier" (German "hier" is "here").
# Also a meeting spoken of as past: "C'était vraiment agréable de jaser avec toi samedi
# matin", "great meeting you on Saturday".
_PAST_DAY: Final = re.compile(
    r"\b(?:yesterday|last\s+night|gestern|gestrigen|ayer|anoche|ieri|ontem|l['’]autre\s+soir"
    r"|hier\s+(?:soir|matin|midi|apr[eè]s-midi))\b|\bd['’]hier\b"
    r"|\b(?:it\s+was\s+(?:great|nice|lovely|good|a\s+pleasure)|(?:great|good|nice|lovely"
    r"|wonderful)\s+(?:meeting|to\s+meet|chatting|talking|seeing)|(?:enjoyed|loved)\s+(?:meeting"
    r"|chatting|talking|our)|c['’]était"
    r"|war\s+(?:echt\s+|wirklich\s+|sehr\s+|total\s+)?(?:sch[öo]n|nett|toll|super)"
    r"|hat\s+mich\s+(?:sehr\s+)?gefreut"
    r"|fue\s+un\s+(?:placer|gusto)|me\s+encant[óo]|[èe]\s+stato\s+un\s+piacere"
    r"|foi\s+(?:um\s+prazer|[óo]timo|bom|muito\s+bom))\b", re.I)
_SENTENCE_END: Final = re.compile(r"[.!?]\s")


# "Great meeting you yesterday, are you free Thursday at 3?": a plan, not the past.
_PLAN_WORD: Final = re.compile(
    r"\b(?:free|available|how\s+about|what\s+about|would|could|can|shall|will|let['’]s|next"
    r"|dispo\w*|libre|frei|zeit|wann|quand|cu[aá]ndo|quando|n[aä]chste\w*|prochaine?"
    r"|pr[oó]xim[oa]|prossim[oa]|disponibles?|disponibili|dispon[ií]vel|see\s+you"
    r"|à\s+bient[ôo]t|bis\s+(?:dann|bald)|nos\s+vemos|ci\s+vediamo|at[ée]\s+(?:l[áa]|breve))\b"
    r"|['’]ll\b|\?",
    re.I)


def _said_of_the_past(text: str, day: DayToken) -> bool:
    if day.kind is not DayKind.WEEKDAY or day.day or day.mode is not WeekdayMode.AFTER:
        return False
    lo = max(0, day.start - 160)
    for boundary in _SENTENCE_END.finditer(text, lo, day.start):
        lo = boundary.end()
    past = _PAST_DAY.search(text, lo, day.start)
    if past is None:
        return False
    stop = _SENTENCE_END.search(text, day.end)
    end = len(text) if stop is None else stop.start() + 1
    return _PLAN_WORD.search(text, past.end(), end) is None


def find_promised_date(text: str, sent_at: datetime, tz: tzinfo) -> Mention | None:
    """The day by which the writer commits to answer, decide or update, else None.

    The phrase needs a committing word: right before the date ("by Friday", "d'ici
    vendredi", "bis Freitag", "within two weeks"), or in the same sentence with a future
    ("we'll get back to you next week", "you should hear from us Monday"). `at` is the end
    of the promised day in `tz` and `all_day` is True, even when a time was given: a
    promise is kept until its day is over. `phrase` runs from the committing word. Of
    several, one the writer commits to in so many words ("by Tuesday, December 1") wins
    over one a sentence only speaks of ("two more conversations this week"); of several
    committed to, the last day: "I'll write to him today; I'll let you know by Monday the
    23rd" is news by Monday.
    """
    local = _local(sent_at, tz)
    found: Mention | None = None
    bare: Mention | None = None
    for candidate, _, start in _cued(text, _promise_start):
        day = _last_day(text, candidate, local)
        if day is None:
            continue
        mention = Mention(_day_end(day, tz), text[start:candidate.end], all_day=True)
        if start >= candidate.start:
            if found is None or mention.at > found.at:
                found = mention
        elif _speaks_of_replying(text, start, candidate.end):
            return mention
        elif not (isinstance(candidate, PeriodToken) and candidate.distant):
            # "We're seeing two more candidates by Thursday": a date, but no word of an
            # answer; a sentence that speaks of one ("back to you within a week") wins.
            # "Hiring is frozen until the end of the year" is no promise at all.
            bare = bare or mention
    return found or bare


def _speaks_of_replying(text: str, start: int, end: int) -> bool:
    return _replies_in(text, *_clause(text, start, end))


def _replies_in(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] speaks of an answer, in any language."""
    return (_REPLY_CUE.search(text, lo, hi) is not None
            or _FOREIGN_REPLY_CUE.search(text, lo, hi) is not None)


def find_deadline(text: str, sent_at: datetime, tz: tzinfo) -> Mention | None:
    """A time limit the writer faces ("my other offer expires on the 24th"), else None.

    The date needs a limiting word in its sentence ("deadline", "expires", "due", "closes",
    "no later than") or "by"/"until"/"before" right before it in a sentence with an
    obligation ("I need to give them an answer by Friday"). With a time of day the result
    is that moment (`all_day` False), else the end of the day in `tz`.
    """
    local = _local(sent_at, tz)
    for candidate, moment, start in _cued(text, _deadline_start):
        end = max(candidate.end, moment.end) if moment else candidate.end
        if isinstance(candidate, DayToken) and moment is not None:
            at = _moment(text, candidate, moment, sent_at, tz)
            if at is not None:
                return Mention(at, text[start:end], all_day=False)
        day = _last_day(text, candidate, local)
        if day is not None:
            return Mention(_day_end(day, tz), text[start:end], all_day=True)
    return None


def find_return_date(text: str, sent_at: datetime, tz: tzinfo) -> Mention | None:
    """When the writer of an out-of-office reply is back ("I'll be back on Monday 23
    November", "out until the 24th", "de retour le 23 novembre"), else None.

    `at` is the start of the day they are back: the day named after "back"/"return", or
    the day after the one named after "until". Failing every cue, the latest day ahead
    (within 45 days) that the text names: read only of automatic replies, whose days ahead
    are their return.
    """
    local = _local(sent_at, tz)
    # The first day read from an "until", and its day phrase.
    found: tuple[Mention, _Candidate] | None = None
    for mention, candidate, until in _returns(text, local, tz):
        if found is None:
            if not until:
                return mention
            found = mention, candidate
        elif not until and candidate.start - found[1].end <= _BACK_AFTER_UNTIL:
            # "Fico fora até a quarta-feira seguinte ao feriado — retomo a caixa de entrada a
            # partir de quinta, 07/05": the day back, said next, over the day away until.
            if mention.at > found[0].at:
                return mention
            # "Bis einschließlich 27.11. im Urlaub und ab Montag wieder da": the first such
            # weekday once away no more.
            if (isinstance(candidate, DayToken) and candidate.kind is DayKind.WEEKDAY
                    and candidate.weekday is not None and not candidate.day):
                first = found[0].at.date()
                day = first + timedelta(days=(candidate.weekday - first.weekday()) % 7)
                return replace(mention, at=_at(day, 0, 0, tz))
    if found is not None:
        return found[0]
    # Failing every cue, the latest day ahead that an out-of-office names is its return:
    # "my chair gets warm again on Monday 30/11". "Ab Montag, dem 23.11., bin ich im
    # Urlaub": a first day away is not.
    return _latest_ahead(text, local, tz, lambda candidate: isinstance(candidate, DayToken)
                         and _FROM_CUE.search(text, max(0, candidate.start - 30),
                                              candidate.start) is None)


# How far after a day away "until" a day back may follow it and be the return.
_BACK_AFTER_UNTIL: Final = 120


def _returns(text: str, local: datetime,
             tz: tzinfo) -> Iterator[tuple[Mention, _Candidate, bool]]:
    """The days an out-of-office reply says its writer is back, in text order, each with
    its day phrase and whether it was read from an "until" (the day after it)."""
    previous: _Candidate | None = None
    for candidate in _candidates(text):
        # Japanese and Korean put "until", "from" and "back" after the day: "12日（木）まで不在",
        # "11月7日から", "13日（金）の出社後", "20일까지", "21일부터 복귀".
        after = _CJK_AFTER_DAY.match(text, candidate.end)
        if after is not None:
            if after["from"]:
                previous = candidate
                continue
            day = _last_day(text, candidate, local)
            if day is not None:
                if after["until"]:
                    day = day + timedelta(days=1)
                yield (Mention(_at(day, 0, 0, tz), text[candidate.start:after.end()],
                               all_day=True), candidate, False)
                continue
        lead = max(0, candidate.start - 100)
        back = _BACK_CUE.search(text, lead, candidate.start)
        until = _UNTIL_CUE.search(text, lead, candidate.start)
        if back is None and until is None and previous is not None:
            # "Fuera de la oficina del viernes 20 al martes 1 de diciembre": the end of a
            # span of days away is read as "until" (its phrase runs from the first day).
            span = _span_end(text, previous, candidate)
            if span is not None:
                day = _last_day(text, candidate, local)
                if day is not None:
                    yield (Mention(_at(day + timedelta(days=1), 0, 0, tz),
                                   text[previous.start:candidate.end], all_day=True),
                           candidate, True)
                    previous = candidate
                    continue
        previous = candidate
        if back is None and until is None:
            # "Ab Montag, dem 30.11., sitze ich wieder am Schreibtisch": from that day on,
            # back again.
            back = _back_from(text, lead, candidate)
        if back is None and until is None:
            # "...a partir del lunes 20, día en que me reincorporo": the day, then its cue.
            after_day = _BACK_AFTER_DAY.match(text, candidate.end)
            if after_day is not None:
                back = _BACK_CUE.search(text, candidate.end, after_day.end())
        if back is None and until is None:
            continue
        from_until = back is None or (until is not None and until.start() > back.start())
        # "Back next week", "back the week of the 30th": back on its first day.
        first = (candidate.first_day if isinstance(candidate, PeriodToken) and not from_until
                 else None)
        day = first(local) if first is not None else _last_day(text, candidate, local)
        if day is None:
            continue
        # "Out until after the Thanksgiving holiday": that day is already the day back.
        if from_until and _AFTER_WORD.match(text, candidate.start) is None:
            day = day + timedelta(days=1)
        start = _at(day, 0, 0, tz)
        if back is not None and back.start() >= candidate.end:
            yield (Mention(start, text[candidate.start:back.end()], all_day=True), candidate,
                   from_until)
            continue
        yield (Mention(start, text[min(m.start() for m in (back, until) if m is not None)
                                   :candidate.end], all_day=True), candidate, from_until)


_AFTER_WORD: Final = re.compile(r"(?:after|nach|despu[ée]s|apr[èe]s|dopo|depois)\b", re.I)


# The day named first and its return after it: "Monday 20th, the day I'm back", "lunes 20,
# día en que me reincorporo".
_BACK_AFTER_DAY: Final = re.compile(
    r",?\s*(?:(?:el\s+)?d[ií]a\s+(?:en\s+)?(?:el\s+)?que|when|the\s+day|le\s+jour\s+o[uù]"
    r"|il\s+giorno\s+in\s+cui|o\s+dia\s+em\s+que|an\s+dem)\b[^.!?\n]{0,30}", re.I)


_CJK_AFTER_DAY: Final = re.compile(
    r"\s*(?:(?P<until>まで|까지)|(?P<from>から|부터)(?!\s*(?:出社|復帰|복귀|출근))"
    r"|(?P<back>(?:[のに]\s*)?(?:出社|復帰|帰社|戻り)|(?:에|부터)?\s*(?:복귀|출근)))")


def find_day_ahead(text: str, sent_at: datetime, tz: tzinfo) -> Mention | None:
    """The latest day after the day of sending, within 45 days, that the text names (the
    start of that day), else None: "I'll submit it Thursday the 3rd", "martedì 24 abbiamo
    il comitato", "bis Mitte nächster Woche" (the last day of a period). Whatever the text
    says of it: a day still to come."""
    return _latest_ahead(text, _local(sent_at, tz), tz, lambda candidate: True)


# The farthest a day named ahead is taken to matter: a return, a handover, a committee.
_AHEAD_AT_MOST: Final = timedelta(days=45)


@lru_cache(maxsize=32)
def _days_ahead(text: str, local: datetime) -> tuple[tuple[date, _Candidate], ...]:
    """The days after `local`'s, within 45 days, that the text's candidates name: read once
    for a message's return and its day ahead alike."""
    today = local.date()
    return tuple((day, candidate) for candidate in _candidates(text)
                 if (day := _last_day(text, candidate, local)) is not None
                 and today < day <= today + _AHEAD_AT_MOST)


def _latest_ahead(text: str, local: datetime, tz: tzinfo,
                  wanted: Callable[[_Candidate], bool]) -> Mention | None:
    latest: tuple[date, _Candidate] | None = None
    for day, candidate in _days_ahead(text, local):
        if (latest is None or day > latest[0]) and wanted(candidate):
            latest = day, candidate
    if latest is None:
        return None
    day, candidate = latest
    return Mention(_at(day, 0, 0, tz), text[candidate.start:candidate.end], all_day=True)


# The cues are long case-insensitive alternations opening on "\b(?:", which `re` tries one by
# one at every word: `compile_by_first_letter` puts a lookahead of their first letters
# before them and tries them by first letter, for the same matches.
_FROM_CUE: Final = compile_by_first_letter(
    r"\b(?:ab|from|dès|à\s+partir\s+du|a\s+partir\s+del?|desde|dal|reci[ée]n|erst|only"
    r"|seulement|s[óo]lo|apenas)\b[^.!?\n]{0,20}$", re.I)
_BACK_AFTER: Final = re.compile(
    r"^\.?[^.!?]{0,60}?\b(?:wieder|back|de\s+retour|de\s+vuelta|di\s+nuovo|de\s+volta|vuelvo"
    r"|volver[ée]|regreso|volto|voltarei|rientro|reviens)\b", re.I)


def _back_from(text: str, lead: int, candidate: _Candidate) -> re.Match[str] | None:
    cue = _FROM_CUE.search(text, max(lead, candidate.start - 30), candidate.start)
    if cue is None or _BACK_AFTER.search(text[candidate.end:candidate.end + 80]) is None:
        return None
    return cue


# A span of days: "from ... to", "del ... al", "du ... au", "vom ... bis", "dal ... al".
_SPAN_FROM: Final = re.compile(
    r"\b(?:from|del|du|dal|dall['’]|vom|von|desde|de|do|da)\s*(?:the\s+|el\s+|le\s+)?$", re.I)
_SPAN_TO: Final = re.compile(
    r"\s*(?:to|al|au|alla?|bis(?:\s+zum)?|hasta(?:\s+el)?|até|ao|à|a|[-–])\s*(?:the\s+|el\s+|le\s+)?",
    re.I)


def _span_end(text: str, first: _Candidate, second: _Candidate) -> re.Match[str] | None:
    if second.start - first.end > 12 or not _SPAN_FROM.search(text, max(0, first.start - 12),
                                                               first.start):
        return None
    return _SPAN_TO.fullmatch(text, first.end, second.start)


_BACK_CUE: Final = compile_by_first_letter(
    r"\b(?:back|return(?:ing)?|returns|zur[uü]ck|de\s+retour|retour|regreso|vuelvo|volver[ée]"
    r"|rientro|rientrer[oò]|di\s+ritorno|torner[oò]|regresso|regressarei|de\s+volta|volto"
    r"|retorno|de\s+vuelta|me\s+reincorporo|reprendrai|reprends|de\s+nouveau|di\s+nuovo"
    r"|nuovamente|nuevamente|de\s+nuevo|de\s+novo"
    r"|retomo|retomar[ée]|reanudo|reanudar[ée]|me\s+reincorporar[ée]|riprendo|riprender[oò]"
    r"|reviendrai|resumes|resuming|attention\s+again|la\s+reprise|retrouve(?:rai)?|again|wieder"
    r"|rallume(?:rai)?"
    # Catalan: "Torno a ser a l'oficina a partir del dilluns 14", "de tornada el 7".
    r"|torno\s+a\s+(?:ser|estar)|tornar[ée]|de\s+tornada"
    r"|dig(?:ging)?\s+(?:myself\s+)?out\s+of\s+(?:my\s+)?(?:inbox|e-?mails?|mail)"
    # "Je ne consulterai pas mes messages avant le lundi 23 novembre": back that day.
    r"|(?:consulterai|lirai|regarderai)\s+pas\s+(?:mes\s+)?(?:messages|mails|e-?mails|courriels)"
    r"\s+avant"
    # "I will pick up my mail again from Monday 30/11".
    r"|(?:pick(?:ing)?\s+up|get(?:ting)?\s+to|read(?:ing)?|check(?:ing)?|answer(?:ing)?)\s+(?:my\s+)?"
    r"(?:e-?mails?|mail|messages|inbox)\s+again)"
    # A hard-wrapped line ("back in the\noffice on Monday") goes on; a blank line does not.
    # "I'll be back in the building and working through my inbox when we start up again
    # Friday morning (11/27)": the day may stand well into the sentence.
    r"\b(?:[^.!?;\n]|\n(?!\s*\n)){0,80}$", re.I)
_UNTIL_CUE: Final = compile_by_first_letter(
    r"\b(?:until|till|through|thru|up\s+to\s+and\s+including|jusqu['’]\s*(?:au|à)"
    r"|bis(?:\s+(?:zum|einschlie[sß]lich))?"
    r"|hasta(?:\s+el)?|fino(?:\s+al(?:la)?)?|at[ée](?:\s+(?:ao|à|a|o|dia))?"
    # Dutch, Scandinavian and Polish: "tot en met vrijdag", "till och med 27/11", "do 27
    # listopada" (the day right after it: the search ends where the day starts).
    r"|tot(?:\s+en\s+met)?|t/m|till\s+och\s+med|til\s+og\s+med|frem\s+til|do(?=\s*$)"
    # "I will reply after 2 December": back the day after.
    r"|(?:reply|respond|answer)\s+(?:to\s+(?:you|your\s+\w+)\s+)?after)"
    r"\b(?:[^.!?\n]|\n(?!\s*\n)){0,20}$", re.I)

_Candidate = DayToken | PeriodToken
# Where the phrase of a candidate starts (at its cue), given where the date or the time
# beside it starts (`lead`) and all the candidates of the text; None without a cue.
_CueStart = Callable[[str, _Candidate, int, Sequence[_Candidate]], int | None]

# What may sit between a day and its time: "Tuesday at 2pm", "lundi 23 novembre à 14h",
# "3pm on Friday", "2026-11-24T14:00", Google Calendar's "Tue Nov 24, 2026 ⋅ 2pm".
_GAP: Final = re.compile(
    r"T|[\s,()@–—⋅·|-]*(?:(?:at|on|from|starting|around|about|approximately|à|a|las|les|um"
    r"|ab"
    r"|am|le|el|de|von|vers|gegen|the|this|between|alle|ore|dalle|às|as|ao|il|dia|na|no|om|van"
    r"|kl|klockan|på|den|오전|오후|saat|v|ve|od|στις|lúc|la|ora|godz"
    r"|das|morning|afternoon|evening|matin|soir|apr[eè]s-midi|mañana|tarde|mattina|pomeriggio"
    r"|sera|manh[ãa]|vormittag|nachmittag|abend)\b\.?"
    r"[\s,(@–—⋅·|-]*"
    # A day agreed, then its time: "Thursday works. Noon at Lou Mitchell's".
    r"|(?:works|suits(?:\s+me)?|would\s+work|is\s+(?:good|fine|great|perfect))[\s.!,;:–—-]*"
    # A form's fields: "Date: Monday, 2/11/2026 / Time: 10:00am".
    r"|(?:time|heure|hora|uhrzeit|orario|tijd)\s*:\s*"
    # Japanese and Chinese, with no space: "金曜日の午後3時", "下周二下午3点".
    r"|(?:の|的)?(?:午前|午後|上午|下午|中午|晚上|早上)?\s*){0,3}",
    re.I,
)
# "By" and the article after it in Italian and Portuguese, shared by both cue expressions.
_BY_IT_PT: Final = r"|entro|non\s+oltre|prima\s+di|at[ée]|antes\s+d[aeo]"
_ARTICLE_IT_PT: Final = r"|il|lo|ao|à|a|o|dia"
_IMMEDIATE_CUE: Final = compile_by_first_letter(
    r"\b(?:by|before|no\s+later\s+than|not\s+later\s+than|within"
    rf"|bis(?:\s+sp[aä]testens)?|sp[aä]testens|avant|d['’]ici|antes\s+del?|para\s+el"
    r"|a\s+m[aá]s\s+tardar|como\s+muy\s+tarde|au\s+plus\s+tard|al\s+pi[uù]\s+tardi"
    # Swedish, Norwegian, Danish and Dutch: "senast fredag", "innen fredag", "uiterlijk vrijdag".
    r"|senast|senest|innen|inden|uiterlijk|v[óo][óo]r"
    # Polish: "najpóźniej 24.04"; Turkish: "en geç 04.12 Cuma günü"; Indonesian:
    # "paling lambat Jumat, 13 Maret".
    r"|najp[óo][źz]niej|nie\s+p[óo][źz]niej\s+ni[żz]|en\s+ge[çc]|paling\s+lambat"
    # Romanian: "cel târziu joi, 11.06", "până vineri, 19 iunie".
    r"|cel\s+t[âa]rziu|p[âa]n[ăa](?:\s+(?:la|pe))?"
    r"|selambat-lambatnya|sebelum|nejpozd[ěe]ji|najneskôr"
    rf"|o\s+mais\s+tardar{_BY_IT_PT})"
    rf"(?:\s+(?:the|le|la|les|el|den|dem|zum|zur|am|on{_ARTICLE_IT_PT}))?"
    r"(?:\s+(?:EOD|COB|EOB|(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+)?day"
    r"|(?:the\s+)?close\s+of\s+(?:business|play)|(?:the\s+)?end\s+of\s+business)(?:\s+on)?)?"
    r"[\s,]*$",
    re.I,
)
# A meeting or its invitation right before "para el" / "for": the day is the meeting's.
_MEETINGS: Final = (
    r"\b(?:invitaci[oó]n|invitation|invite|convite|invito|einladung|reuni[oó]n|reuni[ãa]o"
    r"|meeting|llamada|videollamada|cita|termin|rendez-vous|chamada|chiamata|riunione"
    r"|entrevista|interview|entretien|colloquio|gespr[äa]ch|panel|visita|visite)")
_SET_FOR: Final = re.compile(_MEETINGS + r"\s*$", re.I)
# Anywhere before it, with an hour beside the day: "la entrevista ... para el martes 17 de
# 16:00 a 17:00".
_MEETING_NOUN: Final = re.compile(_MEETINGS + r"\b", re.I)
# "Te confirmo entonces para el viernes 21 de 10 a 11 a. m.": a time confirmed is set.
_CONFIRMED: Final = re.compile(
    r"\b(?:confirmo|confirmamos|confirm|confirming|confirmed|confirme|confirmons|best[äa]tige"
    r"|confermo|confermiamo)\b", re.I)
# "Usually within two weeks", "en général sous quinze jours", "normalmente en una semana".
_AS_A_RULE: Final = compile_by_first_letter(
    r"\b(?:usually|typically|generally|normally|as\s+a\s+rule|en\s+g[ée]n[ée]ral"
    r"|g[ée]n[ée]ralement"
    r"|habituellement|normalement|normalmente|generalmente|por\s+lo\s+general|in\s+der\s+regel"
    r"|normalerweise|meistens|di\s+solito|solitamente|geralmente|costuma)\b[\s,]*"
    # "...and typically gets back within two to three weeks".
    r"(?:[\w'’]+[\s,]+){0,4}$", re.I)
_LIMIT_PREFIX: Final = compile_by_first_letter(
    rf"\b(?:by|before|until|till|no\s+later\s+than|bis|avant|d['’]ici|antes\s+del?|hasta"
    rf"{_BY_IT_PT})(?:\s+(?:the|le|la|el|den|dem|zum|am|on{_ARTICLE_IT_PT}))?[\s,]*$",
    re.I,
)
# The alternatives that need no \b (the scripts written without spaces, and Indonesian's in
# the handover cue) stand behind a lookahead of their own first characters (`guarded`):
# else `re` would try each of them at every character.
_FOREIGN_REPLY_RUNS: Final = (
    # Japanese runs its words together: no \b. "ご連絡いたします", "お返事します".
    r"ご連絡|ご返事|お返事|ご回答|お知らせ(?:します|いたします)|結果を|お伝え(?:します|いたします|でき)"
    r"|連絡する|連絡します|連絡しま|連絡を入れ"
    # Chinese: "会给我一个初步反馈", "第一时间告诉您", "回复您".
    r"|反馈|回复您|告诉您|通知您|联系您"
    # Cantonese and traditional characters: "下星期三之前覆你", "回覆你", "話你知".
    r"|覆你|回覆你|回复你|答覆你|答复你|通知你|告訴你|告诉你|話你知|话你知|聯絡你|联系你"
    # Korean: "다음 주 중으로 연락드리겠습니다", "15일(금)까지 결과를 안내해 드리겠습니다".
    r"|연락\s*드리|연락\s*드릴|연락을\s*드리|연락\s*줄게|연락\s*주겠|안내해\s*드리|안내\s*드리"
    r"|알려\s*드리|알려\s*드릴|알려\s*줄게|회신|답변\s*드리|말씀\s*드리"
    # Arabic: "سأرد عليك يوم الأحد", "بخبرك", "سنتواصل معك".
    r"|سأرد|سنرد|بنرد|بخبرك|سأخبرك|سنخبرك|سنتواصل|بنتواصل|سأتواصل|سأبلغك|سنبلغك|بانتظار\s+خبرك")
_REPLY_CUE: Final = compile_by_first_letter(
    r"\b(?:get(?:ting)?\s+back|come\s+back\s+to|hear(?:s|ing)?\s+(?:back|from)|back\s+to\s+you"
    r"|decision|decide"
    r"|update|let\s+you\s+know|keep\s+you\s+posted|follow(?:ing)?[\s-]up|be\s+in\s+touch"
    r"|reach(?:ing)?\s+out|respond|response|reply|feedback|feed\s+back|news|answer|revert"
    r"|circle\s+back|sign(?:s|ing)?\s+(?:anything\s+|it\s+|this\s+)?off|report\s+back"
    r"|loop\s+back|know\s+more|regroup|reconnect"
    r"|touch\s+base|circling\s+back|next\s+steps|contact\s+you|in\s+touch|inform\s+you|notify"
    r"|send(?:ing)?\s+you|ping\s+you|get\s+you\s+(?:\w+\s+){0,3}(?:names?|contacts?|intros?)\b"
    r"|share\s+(?:it|news|an?\s+update|more|the\s+(?:outcome|result|decision))"
    r"|(?:something|word|news)\s+from\s+(?:me|us)|tell\s+you\s+(?:how|what|whether|if|where)"
    r"|(?:a\s+)?yes\s+or\s+(?:a\s+)?no\b|in\s+your\s+inbox|have\s+(?:my|our)\s+(?:call|answer)"
    r"|have\s+(?:(?:some|any)\s+(?:(?:sort|kind)\s+of\s+)?)?word\s+for\s+you"
    # "...and I'll have something concrete for you the moment they wrap up".
    r"|have\s+(?:something|anything|news|an\s+answer)\s+(?:(?:concrete|definite|firm)\s+)?for\s+you"
    r"|get\s+word\s+to\s+you|drop\s+you\s+a\s+(?:line|note)|write\s+(?:to\s+)?you\b"
    r"|write\s+to\s+(?:everyone|every\s+candidate|all\s+(?:the\s+)?candidates)"
    r"|know\s+where\s+(?:they|you|we)\s+stand"
    r"|confirm\s+(?:either\s+way|one\s+way\s+or\s+the\s+other|the\s+(?:outcome|result|decision))"
    r"|give\s+you\s+a\s+(?:shout|call|ring)"
    # "Expect a call from me Thursday", "an email from our scheduling team".
    r"|(?:a\s+|an\s+)?(?:call|e-?mail|note|message|line)\s+from\s+(?:me|us|our\s+\w+(?:\s+team)?)\b"
    # "I'll call all candidates after that meeting": news by phone, no hour set.
    r"|(?:call|ring)\s+(?:you|all\s+(?:the\s+)?candidates|every\s+candidate|everyone)"
    r"\s+(?:right\s+)?(?:back|after|the\s+(?:minute|moment|second)"
    r"|once|when|as\s+soon)"
    # "I'll ring you the day after, whichever way it lands": the cue ends before its day.
    r"|(?:call|ring|phone)\s+(?:you|everyone|all\s+(?:the\s+)?candidates)"
    r"(?=\s+the\s+(?:day|morning)\s+after\b"
    # "...on Friday 11th to decide. I'll ring everyone that afternoon".
    r"|\s+that\s+(?:same\s+)?(?:afternoon|evening|morning|night|day)\b))",
    re.I,
)
_FOREIGN_REPLY_CUE: Final = compile_by_first_letter(
    r"\b(?:r[uü]ckmeldung|melden|bescheid|entscheidung|antwort|zur[uü]ckkommen|informieren"
    r"|r[ée]ponse|reviendr|revenir|reviens\s+vers|revenons\s+vers|nouvelles|d[ée]cision"
    r"|(?:tenir|tiens|tient|tiendrai|tiendra|tiendrons|tenons|tenez)\s+au\s+courant|recontact"
    r"|meld(?:e|et)\b|reprendr(?:ai|ons|a)\s+contact|reprendre\s+contact"
    r"|(?:geb|gebe)\s+ich\s+(?:dir|ihnen|euch)\b[^.!?\n]{0,40}\bdurch\b"
    r"|(?:te|vous)\s+r[ée]pondre\b"
    # "Je communiquerai avec chaque candidate dans les jours suivants."
    r"|communiquer(?:ai|ons|a)\s+avec"
    r"|(?:te|vous)\s+(?:fais|ferai|ferons|faisons)\s+signe\b"
    r"|(?:te|lhe)\s+(?:dou|darei|damos|daremos)\s+um\s+(?:toque|al[ôo])\b"
    r"|un\s+retour|(?:te|vous)\s+(?:r[ée]pond(?:s|rai|rons)|redi(?:s|rai|rons)"
    r"|dis\s+(?:ça|ca|quoi|tout|ce\s+qu)|dirai|dirons)"
    # "...vous donner leur ressenti aux alentours du 15": their word, passed on.
    r"|(?:te|vous)\s+(?:donner|donnerai|donnerons|transmettre|transmettrai|transmettrons)"
    r"\s+(?:leur|son|mon|notre|un|le)\s+(?:retour|ressenti|avis|feedback|d[ée]cision)"
    r"|(?:faire|fais|fait|faisons|ferai|ferons|fera)\s+(?:un\s+)?retour"
    r"|respuesta|decisi[oó]n|resoluci[oó]n|not[ií]cias|contactar|informar"
    r"|avis(?:o|ar|amos|aremos)"
    r"|(?:te|os|le|les)\s+(?:l[oa]s?\s+)?(?:compartimos|compartiremos|comparto|compartir[ée])\b"
    r"|(?:te|os|le|les)\s+(?:estar[ée]|estaremos)\s+(?:contando|comunicando|informando"
    r"|avisando|escribiendo|confirmando)"
    # "...se junta el lunes 20 y esa misma tarde te llamo para contarte por dónde van".
    r"|para\s+(?:contarte|contarle|contaros|decirte|decirle|informarte|informarle)"
    # "...el jueves 23 y justo después escribiremos a las tres personas de la terna final".
    r"|(?:escribiremos|escribir[ée]|llamaremos|avisaremos)\s+a\s+(?:las|los|todas|todos|cada)\b"
    r"|(?:te|os|le|les)\s+(?:contestamos|contestaremos|contesto|contestar[ée]|respondemos"
    r"|responderemos|respondo|responder[ée])\b"
    r"|(?:te|os|le|les)\s+(?:contactamos|contacto|decimos|diremos|escribimos|escribiremos"
    r"|contamos|digo|escribo|cuento"
    r"|escribir[ée]|dir[ée]|contar[ée]|avisar[ée])\b"
    # Futures only: "je vous écris pour..." and "te escrevo para..." open a letter. A call
    # ("le llamaremos el jueves a las 10:00") is a meeting, not news: no "llamar" here.
    r"|(?:te|lhe|vos)\s+(?:escreverei|escreveremos|aviso|avisarei|avisamos|conto|contarei"
    r"|direi)\b"
    # Catalan: "a tots els candidats els direm alguna cosa", "us farem saber", "t'ho diré".
    r"|(?:et|us|els|li|les)\s+(?:direm|diré|dire|dic|farem\s+saber|faré\s+saber|escriuré"
    r"|escriurem|avisaré|avisarem|contestaré|contestarem|responem|respondrem)\b"
    r"|t['’](?:escriuré|escriurem|avisaré|avisarem|ho\s+diré|ho\s+direm|ho\s+dic"
    r"|ho\s+farem\s+saber|ho\s+faré\s+saber)|not[ií]cies|decisi[óo]\b"
    # Swedish, Norwegian, Danish: "jag återkommer", "vi hör av oss", "jeg kommer tilbake".
    r"|återkomm\w*|h[öø]r(?:er)?\s+av\s+(?:mig|oss|meg)"
    # "...så jag tar upp dig där och mejlar dig efteråt med hur hon reagerade".
    # (No "ringer dig": a call set for an hour is a meeting, not news.)
    r"|(?:mejlar|mailar|mejla|maila)\s+(?:dig|er)\b|mailer\s+(?:deg|dig)\b"
    r"|h[öø]r(?:er)?\s+(?:du\s+)?fr[åa]n\s+(?:mig|oss)"
    r"|kommer\s+tilbake|vender\s+tilbage|giver?\s+(?:dig\s+)?besked|gir\s+(?:deg\s+)?beskjed"
    r"|besked|beskjed|svar\b|tilbakemelding|återkoppl\w*"
    # Dutch: "je hoort daarna van me", "we nemen binnen twee weken contact met je op".
    # "Je hoort donderdag van ons": the day stands inside the cue, which ends before it.
    r"|(?:je|jij|u|jullie|iedereen|ze|zij)\s+(?:hoort|horen)\b"
    r"(?=[^.!?\n]{0,40}\bvan\s+(?:me|mij|ons)\b)"
    r"|hoor\s+je\s+(?:\w+\s+)?van\s+(?:me|mij|ons)"
    r"|laat\s+(?:ik|we)\s+(?:het\s+)?(?:je|u)\s+weten|(?:kom|komen)\s+(?:ik|we)\s+(?:\w+\s+)?"
    r"(?:bij\s+(?:je|u)\s+)?terug|contact\s+met\s+(?:je|jou|u)\s+op|terugkoppeling"
    r"|laat\s+(?:ik\s+)?van\s+me\s+horen"
    # "ik laat je daarna weten hoe ze reageert", "we laten het je op dinsdag 17-2 weten",
    # "volgende week dinsdag de knoop doorhakken en ik bel je dan".
    # The verb ends the clause: the cue is what comes before the date.
    r"|(?:laat|laten)\s+(?:ik\s+|we\s+|wij\s+)?(?:het\s+)?(?:je|jou|u)\b"
    r"(?=(?:[^.!?\n]|\n(?!\n)){0,60}\bweten\b)"
    r"|uitsluitsel|uitslag|beslissing|knoop\s+(?:\w+\s+)?doorhakken"
    r"|bel\s+(?:ik\s+)?je\s+(?:dan|daarna|terug)"
    # Polish: "dam ci znać zaraz potem", "odezwę się".
    r"|dam\s+(?:ci\s+|wam\s+|pani\s+|panu\s+)?zna[ćc]|odezw(?:ę|e|iemy)\s+si[ęe]"
    r"|damy\s+(?:ci\s+|wam\s+|pani\s+|panu\s+)?zna[ćc]|decyzj[ęea]|przeka[żz](?:ę|e|emy)\b"
    r"|odpowied[źz]|informacj[ęa]\s+zwrotn"
    # Turkish: "size dönüş yapacağız", "haber veririm", "sana ulaşırız".
    r"|d[öo]n[üu][şs]\s+(?:yap|sa[ğg]la)|haber\s+ver|bilgi\s+ver|(?:size|sana)\s+ula[şs]"
    # Indonesian: "kami akan menghubungi Anda", "terus aku kabari hasilnya".
    r"|menghubungi|kabari|mengabari|memberi\s+kabar|keputusan"
    # Czech: "ozveme se", "dám ti vědět", "budete mít zprávu", "večer ti napíšu".
    r"|ozv(?:eme|u)\s+se|d(?:á|a)m(?:e)?\s+(?:ti\s+|vám\s+|vam\s+)?v[ěe]d[ěe]t"
    r"|(?:budete|budeš|budes)\s+m[íi]t\s+zpr[áa]vu|(?:d[áa]me|d[áa]m|po[šs]leme)\s+zpr[áa]vu"
    r"|nap[íi][šs]u|nap[íi][šs]eme|rozhodnut[íi]|odpov[ěe][ďd]"
    # Hungarian: "mindenképp jelentkezünk", "visszajelzünk", "május 12-ig döntünk".
    r"|jelentkez(?:ünk|em|ek)\b|visszajelz(?:ünk|ek|ést)|értesít(?:ünk|em|jük)"
    r"|d[öo]nt(?:ünk|eni|ést)"
    r"|beszélek\s+vele|szólok"
    # Romanian: "revin cu un răspuns", "vă anunțăm", "îți dau de veste".
    r"|(?:revin|revenim|revine)\s+(?:cu|la|către)|(?:v[ăa]|te|[îi]i|le)\s+anun[țţt](?:[ăa]m|\b)"
    r"|dau\s+de\s+veste|(?:[îi]ți|iti|v[ăa])\s+dau\s+un\s+semn|te\s+c[ăa]ut(?:[ăa]m)?\s+noi\b"
    r"|(?:v[ăa]|te)\s+contact[ăa]m|r[ăa]spuns|decizi[ea]"
    # Hebrew: "נחזור אלייך בשבוע הבא", "אעדכן אותך".
    r"|ש?(?:נחזור|אחזור)\s+אלי|ש?(?:אעדכן|נעדכן|נודיע|אודיע)"
    # Vietnamese: "thứ Hai 14/9 anh báo em nhé", "sẽ phản hồi", "liên hệ lại".
    r"|báo\s+(?:lại\s+)?(?:em|anh|chị|bạn|cho\s+(?:em|anh|chị|bạn))\b|phản\s+hồi|liên\s+hệ\s+lại"
    # Greek: "θα επανέλθουμε", "θα σας ενημερώσουμε", "θα σου πω".
    r"|επανέλθ\w*|ενημερώσ\w*|θα\s+(?:σας|σου)\s+(?:πω|πούμε|απαντήσ\w*|γράψ\w*)"
    r"|επικοινωνήσουμε|απόφαση"
    r"|te\s+procuro|te\s+procuramos|procuro-te"
    # Portugal's pronoun after the verb: "depois digo-te qualquer coisa".
    r"|(?:digo|direi|conto|contarei|aviso|avisarei|escrevo|escreverei)-(?:te|lhe|vos)\b"
    r"|(?:te|vous)\s+(?:[ée]crirai|[ée]crirons)\b"
    r"|(?:te|vous)\s+[ée]cris\s+(?:ensuite|apr[èe]s|d[èe]s|sit[ôo]t)\b"
    r"|trancher|auf\s+(?:sie|dich|euch)\s+zu(?:kommen|kommt)?\b"
    # "Te confirmo la entrevista el jueves 19" confirms a meeting; it promises no news.
    r"|(?:te|os|le|les)\s+(?:confirmamos|confirmo)(?!\s+(?:la|el|tu|su|vuestra)\s+(?:entrevista"
    r"|reuni[oó]n|cita|llamada|videollamada|horario|hora|fecha|asistencia|visita|encuentro))"
    r"|devoluci[oó]n|devolutiva|risposta|ricontatt|far(?:ti|le|vi)\s+sapere|faremo\s+sapere"
    # "...werde ich Ihnen nichts Belastbares sagen können, an dem Tag aber in jedem Fall".
    r"|(?:werde|werden|kann|k[öo]nnen)\s+(?:ich|wir)\s+(?:ihnen|dir|euch)\b"
    r"(?=[^.!?\n]{0,60}\bsagen\b)|sage\s+ich\s+(?:ihnen|dir|euch)\b"
    # "Sie hören Anfang KW 51 von uns": the day inside the cue, which ends before it.
    r"|(?:sie|du|ihr)\s+h[öo]r(?:en|st|t)\b(?=[^.!?\n]{0,40}\bvon\s+(?:uns|mir)\b)"
    r"|h[öo]ren\s+(?:sie|du|ihr)\s+von\s+(?:uns|mir)|von\s+(?:uns|mir)\s+(?:h[öo]ren|geh[öo]rt)"
    # "...bis Ende KW 50 wissen Sie von mir, ob wir Sie einladen".
    r"|(?:wissen\s+(?:sie|ihr)|wei[ßs]t\s+du)\s+von\s+(?:uns|mir)"
    r"|entschieden\s+wird|wird\s+(?:erst\s+|dann\s+)?entschieden|entscheiden\s+(?:wir|werden\s+wir)"
    r"|(?:ti|le|vi)\s+(?:racconto|racconter[oò]|dico|dir[oò])\b"
    r"|(?:ti|le|vi)\s+(?:faccio|far[oò]|faremo)\s+sapere|(?:ti|le|vi)\s+so\s+dire"
    r"|(?:ti|le|vi)\s+(?:scrivo|scriver[oò]|riscrivo|aggiorno)\b"
    # "...in un senso o nell'altro un segnale glielo diamo noi".
    r"|(?:glielo|te\s+lo|ve\s+lo)\s+(?:diamo|daremo|do|dar[oò])\b|un\s+segnale"
    r"|aggiorn|riscontro|decisione|notizie|resposta|retorno|novidades|decis[ãa]o"
    r"|entraremos\s+em\s+conta|voltamos\s+a|dar\s+not[ií]cias|feedback"
    # "...sai sexta, 11/12, e nesse dia eu volto a falar contigo de um jeito ou de outro".
    r"|volto\s+a\s+(?:falar|escrever|te\s+(?:procurar|escrever|chamar))"
    r"|wie\s+es\s+weitergeht)"
    rf"|{guarded(_FOREIGN_REPLY_RUNS)}",
    re.I,
)
# Help handed on at a date ("I'll pass it to him on Monday", "el lunes se lo paso"): the
# day a helper promises to act is the day the help is promised by. As with replies, the
# English verbs need a future in their sentence; the other languages' present says it.
# Every alternative starts at a \b, which stands once before them all.
_HANDOVER_CUE: Final = compile_by_first_letter(
    r"\b(?:(?:pass|forward|send|hand|give|show|walk|do|passing|forwarding|sending|handing|giving"
    r"|showing|walking|doing)\s+(?:it|this|them|your\s+(?:resume|cv"
    r"|r[ée]sum[ée]|profile|details|note))\b(?:\s+(?:on|along|over|across))?"
    r"|put\s+(?:it|this|them|your\s+(?:resume|cv|r[ée]sum[ée]))\s+(?:in\s+(?:her|his|their)"
    r"\s+hands|in\s+front\s+of\s+(?:her|him|them))\b"
    r"|(?:raise|mention|put\s+forward|bring\s+up)\s+your\s+name\b"
    r"|(?:will\s+)?have\s+(?:it|this|them|your\s+(?:resume|cv|r[ée]sum[ée]))"
    r"\s+in\s+(?:her|his|their)\s+hands\b)",
    re.I,
)
_FOREIGN_HANDOVER_RUNS: Final = (
    # Korean: "복귀하시면 그날 바로 직접 얘기 꺼내볼게", "월요일에 전달해 드릴게요".
    r"얘기\s*꺼내|얘기를\s*꺼내|전달해\s*드릴|전달\s*드릴|전달해\s*줄게|건네\s*볼게|건네\s*드릴"
    r"|넣어\s*볼게|추천해\s*드릴|추천해\s*볼게|얘기해\s*볼게|말해\s*볼게"
    # Japanese: "その場でEMに直接推しとく", "来週会うので経歴書を渡しておきます".
    r"|推しとく|推しておき|推しておく|渡しておき|渡しておく|渡しておこう|渡します|回します"
    r"|回しておき|回しておく|推薦しておき|推薦しておく"
    # Indonesian: "nanti Senin pas weekly aku angkat namamu", "nanti aku teruskan".
    r"|angkat\s+namamu|aku\s+teruskan|saya\s+teruskan|aku\s+sampaikan|saya\s+sampaikan"
    # Arabic: "بكلمه يوم الأحد إن شاء الله", "سأكلمه", "بوصلها له".
    r"|بكلمه|بكلّمه|سأكلمه|راح\s+أكلمه|بحكي\s+معه|سأتحدث\s+معه|بوصلها|سأوصلها|سأسلمها|بسلمها")
_FOREIGN_HANDOVER_CUE: Final = compile_by_first_letter(
    r"\b(?:se\s+l[oa]s?\s+(?:paso|doy|mando|entrego|env[ií]o|reenv[ií]o|comento|ense[ñn]o)"
    # Catalan: "aquell dijous li passo el teu CV en mà", "li'l faré arribar".
    r"|li\s+(?:passo|passaré|donaré|dono|faré\s+arribar|faig\s+arribar|ensenyo|ensenyaré)"
    r"\s+(?:el\s+teu|el\s+seu|el|la\s+teva)\s+(?:cv|curr[ií]culum|portfoli)"
    r"|li['’]l\s+(?:passo|passaré|donaré|dono|faré\s+arribar|faig\s+arribar)"
    r"|le\s+(?:entrego|paso|doy|mando|hago\s+llegar)\s+(?:su|tu|el)\s+(?:cv|curr[ií]culum"
    r"|hoja\s+de\s+vida)"
    r"|je\s+(?:le|la|les)\s+lui\s+(?:passe|transmets|donne|remets|envoie)"
    r"|(?:geb|leit|reich|schick)e?\s+ich\s+(?:ihn|es|sie|ihm|ihr)\b|(?:geb|leit|reich|schick)e?"
    r"\s+ich['’]s|gliel[oa]\s+(?:passo|giro|do|mando|inoltro|porto)|\b(?:lo|la)\s+porto\s+io\b"
    # "...il tuo nome sul tavolo ce lo metto io".
    r"|\bce\s+lo\s+metto\s+io\b|\b(?:lo|la)\s+metto\s+(?:io\s+)?sul\s+tavolo\b"
    r"|(?:passo|entrego|mando|envio|reencaminho)-lh[oae]s?"
    # "Ich leite ihn diese Woche an Annika weiter", "je le transmets à Hélène jeudi",
    # "eu passo para a Joana na segunda".
    r"|ich\s+(?:leite|gebe|reiche|schicke|leit|geb)\s+(?:ihn|es|sie|ihm|ihr|deinen|den|dein|das)\b"
    r"|je\s+(?:le|la|les)\s+(?:transmets|passe|donne|remets|envoie|fais\s+suivre)\b"
    r"|je\s+lui\s+(?:transmets|passe|donne|remets|envoie)\b"
    r"|eu\s+(?:passo|entrego|mando|encaminho|repasso)\b"
    # "Ich sitz am Montag mit ihr im Jour fixe und sprech dich da an".
    r"|sprech(?:e)?\s+(?:ich\s+)?(?:dich|sie|euch)\s+(?:\w+\s+){0,2}an\b"
    r"|(?:passo|repasso|encaminho)\s+(?:o\s+)?(?:teu|seu)\s+(?:cv|curr[ií]culo)"
    r"|je\s+glisse\s+(?:ton|votre)\s+(?:nom|cv)|je\s+lui\s+(?:parlerai|parle)\s+de\s+(?:toi|vous)"
    r"|ich\s+(?:lege|leg|bringe|bring)\s+(?:ihn|es|sie|deinen\s+(?:cv|lebenslauf))\b"
    # "ich leg's ihm bis Ende Woche persönlich auf den Tisch".
    r"|leg['’]s\s+(?:ihm|ihr|ihnen)\b"
    r"|bring(?:e)?\s+ich\s+dich\s+ins\s+spiel"
    # A word with the one who decides, on a day: "vou falar com a minha chefe na segunda".
    r"|vou\s+falar\s+com|falo\s+com\s+(?:el|a|o)\b|voy\s+a\s+hablar\s+con"
    r"|hablo\s+con\s+(?:ella|[ée]l)\b"
    # Dutch: "dan leg ik je cv persoonlijk bij haar neer", "ik stuur het door".
    # "...dan schuif ik je cv gewoon over tafel".
    r"|(?:leg|geef|stuur|breng|schuif|speel|stop)\s+ik\s+(?:je|jouw|uw|het)\s+(?:cv\b|door\b)"
    r"|ik\s+(?:leg|geef|stuur|breng|schuif|speel|stop)\s+(?:je|jouw|uw|het)\s+(?:cv\b|door\b))"
    rf"|{guarded(_FOREIGN_HANDOVER_RUNS)}",
    re.I,
)
_FUTURE: Final = compile_by_first_letter(
    r"\b(?:will|shall|going\s+to|plan(?:ning)?\s+to|expect|aim|hop(?:e|ing)\s+to|intend|anticipate"
    # "...and we've agreed to let all three finalists know where they stand that same day".
    r"|(?:agreed|promised|committed)\s+to"
    # "Updates to follow next week", "you should get an email from our team".
    r"|to\s+follow\b|you\s+should\s+get"
    r"|should|would\s+like\s+to|let\s+me\s+(?:get|come|circle|revert|follow)"
    r"|let['’]s\s+(?:regroup|reconnect|touch\s+base|circle\s+back))|['’]ll\b"
    # "Friday I'm walking it over to Sheila": a plan in the present.
    r"|\b(?:i['’]m|i\s+am)\s+(?:walking|passing|handing|sending|forwarding|giving|showing)\b"
    # "Nobody signs anything off until she's back on the 12th": nothing before that day.
    r"|\b(?:nobody|no\s+one|nothing)\s+(?:\w+\s+){1,3}until\b",
    re.I,
)
# Someone's absence "until the 20th" is when they are back, not a day anyone promised.
_AWAY_UNTIL: Final = compile_by_first_letter(
    r"\b(?:on\s+leave|out(?:\s+of\s+(?:the\s+)?office)?|away|off|absent|travell?ing|on\s+holiday"
    r"|on\s+vacation|en\s+cong[ée]|absente?|abwesend|im\s+urlaub|de\s+vacaciones|de\s+baja"
    r"|in\s+ferie|fuori\s+ufficio|de\s+f[ée]rias|(?:en\s+(?:el\s+|un\s+)?|at\s+(?:an?\s+|the\s+)?)?"
    # "Herbert ist bis Mitte nächster Woche in Shanghai": German "is until" is an absence.
    r"off-?site|de\s+viaje|fuera|ist|sind|bin)\s+(?:until|till|through|jusqu['’]\s*(?:au|à)"
    r"|bis(?:\s+zum)?|hasta(?:\s+el)?|fino\s+al|at[ée](?:\s+(?:ao|dia))?)\s*(?:the\s+|le\s+)?$",
    re.I,
)
# "Once she's back", "sobald sie wieder da ist", "dès qu'elle sera rentrée", "en cuanto
# vuelva", "appena rientra", "assim que voltar".
_ONCE_BACK: Final = compile_by_first_letter(
    r"\b(?:(?:once|when|as\s+soon\s+as|after)\s+(?:\w+\s+){0,2}\w+\s*(?:['’]s|is|are|has|have)?"
    r"\s*(?:been\s+)?(?:back|in|returned|returns)"
    r"|(?:she|he|they)(?:['’]s|['’]re|\s+is|\s+are)\s+back\b"
    # "Ravi is back from leave on the 26th and we'll let the finalists know that same day".
    r"|that\s+(?:same\s+)?day|the\s+(?:very\s+)?same\s+day|on\s+(?:her|his|their)\s+return"
    r"|le\s+jour\s+m[êe]me|am\s+selben\s+tag|(?:ese|el)\s+mismo\s+d[ií]a|lo\s+stesso\s+giorno"
    r"|no\s+mesmo\s+dia"
    r"|(?:sobald|wenn)\s+(?:sie|er)\s+(?:wieder\s+)?(?:da|zur[uü]ck|im\s+b[uü]ro)"
    r"|(?:d[eè]s\s+qu['’]\s*|quand\s+|lorsqu['’]\s*)(?:elle|il)\s+(?:sera|est)\s+"
    r"(?:rentr[ée]e?|revenue?|de\s+retour|l[aà])"
    r"|(?:cuando|en\s+cuanto|apenas|tan\s+pronto\s+como)\s+(?:(?:ella|[eé]l)\s+)?"
    r"(?:vuelva|regrese|se\s+reincorpore|est[eé]\s+de\s+vuelta)"
    r"|(?:appena|quando)\s+(?:(?:lei|lui)\s+)?(?:rientra|rientrer[aà]|torna|tornerà|sar[aà]\s+di"
    r"\s+ritorno)"
    r"|(?:assim\s+que|quando)\s+(?:(?:ela|ele)\s+)?(?:voltar|regressar|estiver\s+de\s+volta))\b",
    re.I,
)
# How far after an absence's end news promised for the return may stand.
_ONCE_BACK_REACH: Final = 160


def _news_once_back(text: str, end: int) -> bool:
    """Whether news is promised for the return of someone away until the day ending at `end`."""
    hi = min(len(text), end + _ONCE_BACK_REACH)
    stop = _SENTENCE_END.search(text, end, hi)
    hi = hi if stop is None else stop.start()
    return _ONCE_BACK.search(text, end, hi) is not None and _replies_in(text, end, hi)


_DEADLINE_CUE: Final = compile_by_first_letter(
    r"\b(?:deadline|expir|due\b(?!\s+to\b)|clos(?:es|ing)\b|close\s+(?:on|at)\b|cut-?off"
    r"|last\s+day|ha(?:ve|s)\s+until|no\s+later\s+than|frist|abl[aä]uf|l[aä]uft\s+\w+\s+ab"
    r"|[ée]ch[ée]ance|date\s+limite|fecha\s+l[ií]mite|plazo|vence|scadenza|scade|prazo"
    r"|data\s+limite|on\s+the\s+table\s+until|valid\s+until|g[üu]ltig\s+bis"
    r"|valable\s+jusqu|v[aá]lida\s+hasta|valida\s+fino|v[aá]lida\s+at[ée])"
    # "Bewerbungsfrist", "Annahmefrist": a time limit as the end of a compound, but not a
    # notice period ("Kündigungsfrist").
    r"|\b(?!k[üu]ndigungs|kuendigungs)\w{3,}frist\b",
    re.I,
)
_OBLIGATION: Final = compile_by_first_letter(
    r"\b(?:need|needs|must|ha(?:ve|s)\s+to|got\s+to|asked|asking|want|wants|answer|respond"
    r"|decide|decision|reply|submit|sign|accept|give|confirm|let\s+them\s+know|get\s+back"
    r"|muss|m[uü]ssen|dois|devons|faut|tengo\s+que|debo|hay\s+que|devo|dobbiamo|bisogna"
    r"|preciso|tenho\s+que)\b",
    re.I,
)
# Clauses end at sentence punctuation, a semicolon or a blank line; a full stop counts only
# before a capital, so that "Nov. 24" and "24.11." stay whole.
# A long parenthesis is an aside of its own ("(they read them on Sunday night, if at all)");
# a short one belongs to its sentence ("we'll get back to you (likely Friday)").
# A title's dot ("con l'ing. Ferri", "Dr. Reiter", "Sra. Gómez") ends no sentence.
# The dot comes first and the titles are looked for behind it: when every alternative of
# _BOUNDARY starts with a plain character, `re` skips straight to the characters that may
# start one ("!", "?", ";", "(", a line break, "."), instead of trying each position.
_TITLE_DOT: Final = (r"\.(?<!\b[DdMmSsHhFf]r\.)(?<!\bMs\.)(?<!\bSt\.)(?<!\b[Mm]rs\.)"
                     r"(?<!\b[Ii]ng\.)(?<!\b[Ss]ig\.)(?<!\b[Dd]ra\.)(?<!\bSra\.)(?<!\bMme\.)"
                     r"(?<!\b[Pp]rof\.)(?<!\b[Dd]ott\.)")
_BOUNDARY: Final = re.compile(
    rf"!|\?|;|\((?=[^()]{{30,}}\))|\n\s*\n|{_TITLE_DOT}(?=\s+[A-ZÀ-Ý])")
# The function words that tell English from the other languages read. Each list is a
# pattern too: the texts that str.lower() reads otherwise than `re` are counted by it.
_ENGLISH_WORDS: Final = ("the", "and", "you", "we", "to", "at", "on", "for", "is", "are",
                         "will", "with", "your", "our", "this", "next", "please", "thanks")
_OTHER_WORDS: Final = ("le", "la", "les", "et", "vous", "nous", "à", "der", "die", "das", "und",
                       "um", "uhr", "wir", "sie", "ihnen", "el", "los", "las", "y", "usted",
                       "para", "con", "que", "de", "il", "di", "che", "per", "non", "do", "da",
                       "em", "não", "com", "os", "as", "ao")
_ENGLISH: Final = re.compile(rf"\b(?:{'|'.join(_ENGLISH_WORDS)})\b", re.I)
_OTHER_LANGUAGE: Final = re.compile(rf"\b(?:{'|'.join(_OTHER_WORDS)})\b", re.I)
_ENGLISH_SET: Final = frozenset(_ENGLISH_WORDS)
_OTHER_SET: Final = frozenset(_OTHER_WORDS)
_WORD_RUN: Final = re.compile(r"\w+")
_ASKED_OF_READER: Final = compile_by_first_letter(
    r"\b(?:your|tu|su|sua|a\s+sua|vuestra|votre|ta|ihre|deine|dein|la\s+tua|la\s+sua"
    r"|la\s+vostra)\s+(?:final\s+)?(?:answer|response|reply|decision|confirmation|feedback"
    r"|respuesta|decisi[oó]n"
    r"|confirmaci[oó]n|resposta|decis[ãa]o|confirma[çc][ãa]o|r[ée]ponse|d[ée]cision|antwort"
    r"|r[uü]ckmeldung|entscheidung|zusage|risposta|decisione|conferma)\b", re.I)
# The reader asked to do something: "can you", "könnten Sie", "pourriez-vous", "consegue".
_READER_ASKED: Final = re.compile(
    r"\b(?:(?:can|could|would|will)\s+you|are\s+you\s+able)\b"
    r"|\b(?:kannst|könntest|k[öo]nnen|k[öo]nnten)\s+(?:du|sie)\b"
    r"|\b(?:pouvez|pourriez|peux|pourrais)[-\s](?:vous|tu)\b"
    r"|\b(?:puedes|podr[ií]as|puede|podr[ií]a|pod[ée]is)\b"
    r"|\b(?:consegue|consegues|conseguiria|pode|podes|poderia|poderias)\b"
    r"|\b(?:puoi|pu[òo]|potresti|potrebbe|riesci|riesce)\b",
    re.I)
# The reader asked in a condition: "if you could", "si vous pouviez", "se puder".
_READER_ASKED_IF: Final = compile_by_first_letter(
    r"\b(?:if\s+you\s+(?:could|can|would)|si\s+vous\s+pouviez|si\s+tu\s+pouvais"
    r"|si\s+pudieras|si\s+pudiera|si\s+puedes|si\s+puede|se\s+puder|se\s+pudesse"
    r"|se\s+potessi|se\s+potesse|wenn\s+du\s+mir|wenn\s+sie\s+mir)\b",
    re.I)
# A commitment of the writer's in the same clause keeps a date theirs.
_WE_WILL: Final = re.compile(r"\b(?:we|i)\s+(?:will|shall)\b|\b(?:we|i)['’]ll\b", re.I)
_EARLIEST_DAY: Final = re.compile(r"[\s,]*(?:on\s+)?$", re.I)


def _local(sent_at: datetime, tz: tzinfo) -> datetime:
    # A naive datetime breaks the contract; reading it in `tz` beats the host's zone.
    return sent_at.replace(tzinfo=tz) if sent_at.tzinfo is None else sent_at.astimezone(tz)


def _day_end(day: date, tz: tzinfo) -> datetime:
    # fold=1: where a zone repeats the last hour of a day, the later pass is the last one.
    return datetime.combine(day, time.max, tzinfo=tz).replace(fold=1)


def _at(day: date, hour: int, minute: int, zone: tzinfo) -> datetime:
    wall = datetime.combine(day, time(hour, minute), tzinfo=zone)
    # The round trip moves a time that a DST jump skips ("2:30" on spring-forward day).
    return wall.astimezone(UTC).astimezone(zone)


def _month_first(text: str, zone_key: str | None) -> bool:
    if zone_key is not None:
        return zone_key in MONTH_FIRST_ZONES
    return _reads_english(text)


# Asked for each date the finders resolve in the same text.
@lru_cache(maxsize=32)
def _reads_english(text: str) -> bool:
    if not lower_reads_as_ignorecase(text):
        return len(_ENGLISH.findall(text)) >= len(_OTHER_LANGUAGE.findall(text))
    # A match of either pattern is a whole run of word characters (each word is all letters,
    # between two \b), and each such run that spells a word is a match: counting the runs
    # is counting the matches. str.lower() keeps every character's length and whether it
    # is a word character, and reads these words as re.IGNORECASE does, for a text without
    # "İ", "ı" or "ſ".
    runs = _WORD_RUN.findall(text.lower())
    english = sum(map(_ENGLISH_SET.__contains__, runs))
    return english >= sum(map(_OTHER_SET.__contains__, runs))


def _moment(
    text: str, day: DayToken, moment: TimeToken, sent_at: datetime, tz: tzinfo
) -> datetime | None:
    zone = moment.zone or tz
    ref = _local(sent_at, zone).date()
    resolved = resolve_day(day, ref, _month_first(text, moment.zone_key if moment.zone else None))
    return None if resolved is None else _at(resolved, moment.hour, moment.minute, zone)


# Polish puts "o" before an hour: "piątek 27.02 o 16:00" (before a day it is Spanish "or").
_O_BEFORE_HOUR: Final = re.compile(r"\s+o\s+$")


def _adjacent(text: str, first: Spanned, second: Spanned) -> bool:
    if first.start > second.start:
        first, second = second, first
    gap = text[first.end:second.start]
    if isinstance(second, TimeToken):
        gap = _O_BEFORE_HOUR.sub(" ", gap)
    return first.end <= second.start and len(gap) <= 30 and _GAP.fullmatch(gap) is not None


def _time_beside(text: str, day: _Candidate, times: Sequence[TimeToken]) -> TimeToken | None:
    if not isinstance(day, DayToken):
        return None
    return next((moment for moment in times if _adjacent(text, day, moment)), None)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from the end of the last boundary that ends by
    `start` to the start of the first later boundary that starts at or after `end`."""
    starts, ends = _boundaries(text)
    # Boundaries are never empty and never overlap, so both lists rise strictly.
    before = bisect_right(ends, start)
    lo = ends[before - 1] if before else 0
    after = bisect_left(starts, end, lo=before)
    return lo, starts[after] if after < len(starts) else len(text)


# Every date of a text asks for its clause: the boundaries are found once per text.
@lru_cache(maxsize=32)
def _boundaries(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the clause boundaries of `text` start, and where they end, in text order."""
    spans = [boundary.span() for boundary in _BOUNDARY.finditer(text)]
    return tuple(start for start, _ in spans), tuple(end for _, end in spans)


def _limits(text: str, start: int) -> bool:
    lo, _ = _clause(text, start, start)
    if lo > 0 and text[lo - 1] == "(" and not text[lo:start].strip():
        # "expires in 2 days (Mon, Nov 23 at 11:59 PM)": a date opening a parenthesis
        # stands for what comes before it.
        lo, _ = _clause(text, lo - 1, lo - 1)
    return (_LIMIT_PREFIX.search(text, lo, start) is not None
            or _DEADLINE_CUE.search(text, max(lo, start - 40), start) is not None)


# The finders of `read_dates` read the same text: its tokens are scanned once.
@lru_cache(maxsize=32)
def _candidates(text: str) -> tuple[_Candidate, ...]:
    """The day and period phrases of `text` clear of its times, in text order."""
    tokens: list[_Candidate] = [*_days(text), *scan_periods(text)]
    found = non_overlapping(tokens)
    previous: _Candidate | None = None
    for index, candidate in enumerate(found):
        if isinstance(candidate, DayToken) and candidate.kind is not DayKind.WEEKDAY:
            week_of = _week_of_before(text, candidate)
            if week_of is not None:
                # "Offers go out the week of 30 November": by the Friday of that week.
                candidate = found[index] = PeriodToken(
                    week_of.start(), candidate.end, _week_of(text, candidate),
                    first_day=_week_start(text, candidate))
        if (isinstance(candidate, PeriodToken) and candidate.following
                and isinstance(previous, DayToken)
                and candidate.start - previous.end <= _FOLLOWING_REACH):
            # "Después del comité del 1/12; tendrás noticias en los días siguientes."
            found[index] = replace(candidate, last_day=_days_after(text, previous, candidate))
        previous = candidate
    # "After the holidays, realistically the first or second week of January": the day
    # named next in the sentence says when. "Between Monday and Wednesday": the second.
    return tuple(candidate for candidate, following in zip(found, [*found[1:], None], strict=False)
                 if not _refined(text, candidate, following)
                 and not _spans_to(text, candidate, following))


# "Between the 7th and the 11th", "entre el lunes y el miércoles", "zwischen dem 7. und 11.".
_BETWEEN: Final = re.compile(
    r"\b(?:between|entre|zwischen|tra|fra|tussen)\s+(?:the\s+|el\s+|le\s+|dem\s+|il\s+|o\s+)?$",
    re.I)
_AND: Final = re.compile(
    r"\s*(?:and|y|et|und|e|en)\s+(?:the\s+|el\s+|le\s+|dem\s+|il\s+|o\s+)?", re.I)


def _spans_to(text: str, candidate: _Candidate, following: _Candidate | None) -> bool:
    """Whether `candidate` opens a span of days that `following` closes."""
    return (isinstance(candidate, DayToken) and isinstance(following, DayToken)
            and _AND.fullmatch(text, candidate.end, following.start) is not None
            and _BETWEEN.search(text, max(0, candidate.start - 20), candidate.start) is not None)


# "The week of", "la semaine du", "la semana del", "die Woche vom", "la settimana del",
# "a semana de", right before a date.
_WEEK_OF: Final = re.compile(
    r"\b(?:(?:the\s+)?week\s+(?:of|starting|beginning|commencing)(?:\s+(?:the|monday|mon))?"
    # British shorthand: "w/c 14th December", "w/b the 7th".
    r"|(?:the\s+)?w/[cb](?:\s+the)?"
    r"|semaine\s+du|semana\s+del?|woche\s+(?:vom|ab\s+dem|ab)|settimana\s+del"
    r"|semana\s+d[eo](?:\s+dia)?)[\s,]*", re.I)
_WEEK_OF_REACH: Final = 40


def _week_of_before(text: str, day: DayToken) -> re.Match[str] | None:
    """"The week of" leading into the day phrase, whose "del"/"du" the phrase may hold."""
    for match in _WEEK_OF.finditer(text, max(0, day.start - _WEEK_OF_REACH), day.end):
        if match.start() < day.start <= match.end():
            return match
    return None


def _week_of(text: str, day: DayToken) -> LastDay:
    """The Friday of the week the day falls in (Sunday's: the week it starts, as written in
    North America)."""
    def last_day(local: datetime) -> date | None:
        named = _last_day(text, day, local)
        return None if named is None else named + timedelta(days=(4 - named.weekday()) % 7)
    return last_day


def _week_start(text: str, day: DayToken) -> LastDay:
    """The Monday of the week the day falls in (Sunday's: the Monday after it)."""
    def first_day(local: datetime) -> date | None:
        named = _last_day(text, day, local)
        return None if named is None else named - timedelta(
            days=named.weekday() - 7 if named.weekday() == 6 else named.weekday())
    return first_day


# How far after a distant period ("after the holidays") a day may refine it.
_REFINED_REACH: Final = 80


def _refined(text: str, candidate: _Candidate, following: _Candidate | None) -> bool:
    """Whether `candidate` is a distant period that the candidate after it refines."""
    return (isinstance(candidate, PeriodToken) and candidate.distant and following is not None
            and following.start - candidate.end <= _REFINED_REACH
            and _SENTENCE_END.search(text, candidate.end, following.start) is None)


# How far before "in the days that follow" the day they follow may stand.
_FOLLOWING_REACH: Final = 120


def _days_after(text: str, day: DayToken, period: PeriodToken) -> LastDay:
    """The period's length, counted from the day named before it instead of the message."""
    def last_day(local: datetime) -> date | None:
        base = _last_day(text, day, local)
        own = period.last_day(local)
        if base is None or own is None:
            return own
        return base + (own - local.date())
    return last_day


@lru_cache(maxsize=32)
def _days(text: str) -> tuple[DayToken, ...]:
    """The day phrases of `text` clear of its times, in text order."""
    return tuple(scan_days(text, _times(text)))


@lru_cache(maxsize=32)
def _times(text: str) -> tuple[TimeToken, ...]:
    return tuple(scan_times(text))


def _cued(text: str, cue_start: _CueStart
          ) -> Iterator[tuple[_Candidate, TimeToken | None, int]]:
    """The candidates a cue speaks of, in text order: each with the time beside it and
    where its phrase starts, as `cue_start` finds it."""
    times = _times(text)
    candidates = _candidates(text)
    for index, candidate in enumerate(candidates):
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        if _completed(text, candidate, following):
            continue
        moment = _time_beside(text, candidate, times)
        lead = min(candidate.start, moment.start) if moment else candidate.start
        start = cue_start(text, candidate, lead, candidates)
        if start is not None:
            yield candidate, moment, start


def _completed(text: str, candidate: _Candidate, following: _Candidate | None) -> bool:
    """Whether `candidate` is an "end of day" that the next day phrase completes ("EOD Friday")."""
    if not isinstance(candidate, PeriodToken) or not candidate.closes_day:
        return False
    return (isinstance(following, DayToken)
            and _EARLIEST_DAY.fullmatch(text, candidate.end, following.start) is not None)


# "By close of business that day": the end of a day named before.
_THAT_DAY: Final = re.compile(
    r"\s*(?:on\s+)?(?:that|the\s+same)\s+day\b|\s*(?:ce\s+jour-l[àa]|le\s+jour\s+m[êe]me)"
    r"|\s*(?:ese|aquel)\s+(?:mismo\s+)?d[ií]a\b|\s*an\s+(?:dem|diesem)\s+tag\b"
    r"|\s*(?:quel|quello\s+stesso)\s+giorno\b|\s*(?:nesse|naquele)\s+(?:mesmo\s+)?dia\b",
    re.I)


def _last_day(text: str, candidate: _Candidate, local: datetime) -> date | None:
    if isinstance(candidate, PeriodToken):
        if candidate.closes_day and _THAT_DAY.match(text, candidate.end) is not None:
            # "...once she's back on the 30th: we'll have rung every candidate by close of
            # business that day."
            named = _day_named_before(text, candidate, local)
            if named is not None:
                return named
        return candidate.last_day(local)
    if candidate.kind is DayKind.WEEKDAY and candidate.mode is WeekdayMode.AFTER_NAMED:
        # "Der Fachbereich sitzt am 1.12. zusammen; am Donnerstag darauf hören Sie von mir."
        base = _day_named_before(text, candidate, local)
        if base is not None and candidate.weekday is not None:
            return base + timedelta(days=(candidate.weekday - base.weekday()) % 7 or 7)
    if candidate.kind is DayKind.WEEKDAY and candidate.mode is WeekdayMode.BEFORE_NAMED:
        # "Je reprendrai le lundi qui suit le 14 juillet": the Monday after the 14th.
        following = next((day for day in _days(text) if day.start >= candidate.end), None)
        if following is not None and candidate.weekday is not None:
            base = _last_day(text, following, local)
            if base is not None:
                return base + timedelta(days=(candidate.weekday - base.weekday()) % 7 or 7)
    month_first = _month_first(text, None)
    if (candidate.kind is DayKind.WEEKDAY and not candidate.day
            and candidate.mode is WeekdayMode.AFTER):
        named = _named_earlier(text, candidate, local.date(), month_first)
        if named is not None:
            return named
    return resolve_day(candidate, local.date(), month_first)


# How far before "the Thursday after that" the day it follows may stand.
_AFTER_NAMED_REACH: Final = 200


def _day_named_before(text: str, weekday: Spanned, local: datetime) -> date | None:
    """The day named last before `weekday`, near enough for it to count from."""
    earlier = [day for day in _days(text)
               if day.end <= weekday.start and weekday.start - day.end <= _AFTER_NAMED_REACH]
    return _last_day(text, earlier[-1], local) if earlier else None


# How far ahead a date written out may be for a later bare weekday to mean it.
_SAME_DAY_REACH: Final = timedelta(days=21)


def _named_earlier(text: str, weekday: DayToken, today: date, month_first: bool) -> date | None:
    """The date an earlier phrase gave the weekday: "it opens Friday (27/11), so by
    Friday I'll refer you" means the 27th, not the first Friday to come. The day after a
    date named earlier is that date's next day: "I see him on Thursday (26.11.) and will
    let you know by Friday at the latest" means the 27th."""
    for earlier in _days(text):
        if earlier.start >= weekday.start:
            break
        # "fins al dijous 19 ...; aquell dijous li passo el teu CV": a weekday with its
        # day of the month names a date as well.
        if earlier.kind in (DayKind.EXACT, DayKind.NUMERIC) or (
                earlier.kind is DayKind.WEEKDAY and earlier.day):
            day = resolve_day(earlier, today, month_first)
            if day is None or not today < day <= today + _SAME_DAY_REACH:
                continue
            if day.weekday() == weekday.weekday:
                return day
            if (day.weekday() + 1) % 7 == weekday.weekday:
                return day + timedelta(days=1)
    return None


def _governs(
    text: str, cue: re.Pattern[str], candidate: _Candidate, candidates: Sequence[_Candidate],
    clause: tuple[int, int],
) -> re.Match[str] | None:
    """A cue of the clause that speaks of `candidate`: before it with no other date in
    between, or after it when no other date follows the cue in the clause ("Friday is the
    deadline"). `candidates`, `candidate` among them, are in text order and never overlap,
    so the first one after the cue is the one to look at."""
    lo, hi = clause
    for match in _cues(text, cue, lo, hi):
        index = bisect_left(candidates, match.end(), key=_start)
        following = candidates[index] if index < len(candidates) else None
        if match.end() <= candidate.start:
            if following is None or following.end > candidate.start:
                return match
        elif match.start() >= candidate.end and (following is None or following.start >= hi):
            return match
    return None


# The dates of a clause share its cues: a date-dense clause is not scanned once per date.
@lru_cache(maxsize=64)
def _cues(text: str, cue: re.Pattern[str], lo: int, hi: int) -> tuple[re.Match[str], ...]:
    return tuple(cue.finditer(text, lo, hi))


def _start(token: Spanned) -> int:
    return token.start


def _promise_start(
    text: str, candidate: _Candidate, lead: int, candidates: Sequence[_Candidate]
) -> int | None:
    lo, hi = _clause(text, lead, candidate.end)
    if _ASKED_OF_READER.search(text, lo, hi) is not None:
        # "We'd need your answer by Friday": a date asked of the reader, not a promise.
        return None
    if hi < len(text) and text[hi] == "?" and _READER_ASKED.search(text, lo, hi) is not None:
        # "Can you confirm by tomorrow?": the same, asked in a question.
        return None
    if (_READER_ASKED_IF.search(text, lo, candidate.start) is not None
            and _WE_WILL.search(text, lo, hi) is None):
        # "If you could send those over by Friday, that would be fab."
        return None
    if _AWAY_UNTIL.search(text, max(lo, lead - 50), lead) is not None:
        # "Sandra is on leave until the 20th" is no promise, unless news is promised for
        # her return: "...; we'll come back to all candidates once she's in."
        return candidate.start if _news_once_back(text, candidate.end) else None
    if _NO_TIMELINE.search(text, candidate.end, _part_end(text, candidate.end, hi)):
        # "This week we have no date for the decision yet."
        return None
    if _AS_A_RULE.search(text, max(lo, lead - 40), lead) is not None:
        # "A real person reads every one of these, usually within a couple of weeks": what
        # happens as a rule, not a day promised.
        return None
    immediate = _IMMEDIATE_CUE.search(text, lo, lead)
    if immediate is not None:
        # "Te mandé una invitación para el martes 17 a las 11", "te confirmo la entrevista con
        # el director para el martes 17 de 16:00 a 17:00": a meeting set for the day.
        # ("A yes or no on a first interview by Friday the 4th" is news by that day: "by"
        # limits, "para el" sets.)
        set_for = immediate[0].lower().startswith("para")
        if (set_for and _SET_FOR.search(text, max(lo, immediate.start() - 30),
                                        immediate.start())) or (
                (_MEETING_NOUN.search(text, lo, immediate.start()) is not None
                 or _CONFIRMED.search(text, lo, immediate.start()) is not None)
                and _time_beside(text, candidate, _times(text)) is not None):
            return None
        return immediate.start()
    if isinstance(candidate, PeriodToken) and candidate.self_cued:
        return candidate.start
    for cue in (_FOREIGN_REPLY_CUE, _FOREIGN_HANDOVER_CUE):
        found = _governs(text, cue, candidate, candidates, (lo, hi))
        if found is not None and not _denied_between(text, candidate, found):
            return candidate.start
    for cue in (_REPLY_CUE, _HANDOVER_CUE):
        found = _governs(text, cue, candidate, candidates, (lo, hi))
        if (found is not None and _FUTURE.search(text, lo, hi) is not None
                and not _denied_between(text, candidate, found)):
            return candidate.start
    if _answered_after(text, candidate, hi):
        return candidate.start
    return None


# "... hängt an unserer Beiratssitzung am 3. Dezember. Danach kann ich dir sagen, wie es
# weitergeht": the next sentence, opening on "after that", promises news after the date.
_AFTER_THAT: Final = re.compile(
    r"\s*(?:danach|after\s+that|afterwards|après\s+(?:ça|cela)|ensuite|después|tras\s+eso|poi"
    r"|dopo(?:\s+di\s+che)?|depois(?:\s+disso)?"
    # "...; passando essa reunião eu te dou um retorno", "after that meeting we'll decide".
    r"|(?:after|nach|apr[èe]s|despu[ée]s\s+de|tras|passando)\s+(?:that|this|the|our|their"
    r"|unserer|unserem|notre|nuestra|nuestro|dies(?:er|em|en)"
    r"|der|dem|cette|ce|cet|esa|esta|ese|este|essa|esse|la|el)\s+[^\W\d_]+"
    # "...on Sunday the 20th; once they've had their say I'll come back to you".
    r"|once\s+(?:they|she|he|we|it|the\s+[^\W\d_]+)(?:['’](?:ve|s|re|ll))?\s+[^\W\d_]+"
    # "...se reúne el 28/08; apenas tengamos la decisión le estaré contando".
    r"|(?:apenas|en\s+cuanto|tan\s+pronto\s+(?:como\s+)?|una\s+vez\s+que|d[èe]s\s+que"
    r"|sit[ôo]t\s+que"
    r"|sobald|appena|assim\s+que|logo\s+que)\s+[^\W\d_]+)\b",
    re.I)


_AFTER_THAT_WITHIN: Final = compile_by_first_letter(
    r"\b(?:after\s+that|afterwards|and\s+then|danach|und\s+dann|apr[èe]s\s+(?:ça|cela)"
    # "Ruth is back on the 30th. She asked me to hold the shortlist until then, and I'll be
    # in touch": the day named just before, referred to.
    r"|until\s+then|that\s+(?:week|day)|ce\s+jour-l[àa]|cette\s+semaine-l[àa]|bis\s+dahin"
    # "...the panel sits on the 16th; I'll be in touch once it has."
    r"|once\s+(?:it|they|she|he)\s+(?:has|have|had|is|are|does|do|did)\b"
    r"|an\s+dem\s+tag|in\s+der\s+woche|hasta\s+entonces|ese\s+d[ií]a|esa\s+semana"
    r"|fino\s+ad\s+allora|quel\s+giorno|quella\s+settimana|at[ée]\s+l[áa]|nesse\s+dia"
    r"|nessa\s+semana|[àa]\s+l['’]issue\s+de\s+(?:cette|ce|cet|la|celui-ci|celle-ci)(?!\w)"
    r"|au\s+terme\s+de\s+(?:cette|ce)\b"
    r"|al\s+t[ée]rmino\s+de\s+(?:esa|ese|la|el)\b|al\s+termine\s+di\s+(?:quella|quel|questa)\b"
    r"|(?:noch\s+)?am\s+selben\s+tag|le\s+jour\s+m[êe]me|el\s+mismo\s+d[ií]a"
    r"|lo\s+stesso\s+giorno|no\s+mesmo\s+dia|(?:that|the)\s+same\s+(?:day|week)"
    r"|saliendo\s+de\s+ah[ií]"
    r"|al\s+salir\s+de\s+(?:ah[ií]|ella|[ée]l)|(?:apenas|en\s+cuanto|cuando)\s+salga(?:mos|n)?\s+de"
    r"\s+(?:ah[ií]|all[ií]|ella|[ée]l)"
    # "...giovedì 26 siamo a pranzo insieme. In serata ti chiamo e ti racconto": that evening.
    r"|in\s+serata|la\s+sera\s+stessa|le\s+soir\s+m[êe]me|that\s+(?:same\s+)?(?:evening|night"
    r"|afternoon)|am\s+(?:selben\s+|gleichen\s+)?abend|esa\s+(?:misma\s+)?(?:tarde|noche)"
    r"|nessa\s+(?:mesma\s+)?(?:tarde|noite)"
    r"|et\s+ensuite|despu[ée]s\s+de\s+eso|y\s+despu[ée]s|dopo\s+di\s+che|e\s+poi|depois\s+disso"
    r"|e\s+depois|dans\s+la\s+foul[ée]e|en\s+cuanto\s+(?:salga|termine|acabe)"
    r"|zaraz\s+potem|tu[żz]\s+potem|subito\s+dopo|poco\s+dopo|justo\s+despu[ée]s"
    r"|logo\s+depois|logo\s+a\s+seguir|juste\s+apr[èe]s|gleich\s+danach|direkt\s+danach"
    r"|daarna|en\s+dan"
    # "...prima del ponte dell'Immacolata; in un senso o nell'altro un segnale glielo diamo":
    # the outcome of that day, either way.
    r"|either\s+way|whichever\s+way|one\s+way\s+or\s+the\s+other|in\s+un\s+senso\s+o\s+nell['’]altro"
    r"|comunque\s+vada|dans\s+un\s+sens\s+ou\s+dans\s+l['’]autre|quoi\s+qu['’]il\s+arrive"
    r"|so\s+oder\s+so|de\s+una\s+forma\s+u\s+otra|pase\s+lo\s+que\s+pase|hoe\s+dan\s+ook"
    r"|de\s+um\s+jeito\s+ou\s+de\s+outro"
    # "I'll raise your name with him then": the day the helper sees him.
    r"|(?:with|to)\s+(?:him|her|them)\s+then"
    # "...; I'll be in touch after our committee with next steps".
    r"|after\s+(?:the|our|their|that|this)\s+(?:committee|meeting|debrief|panel|session|review"
    r"|board|huddle|round|interviews|discussion)"
    r"|as\s+soon\s+as\s+(?:it|that)(?:\s+is|['’]s)"
    r"\s+(?:over|done)|(?:right|straight|shortly|immediately)\s+after(?:wards)?)\b", re.I)


# How far the date may stand from the end of its sentence for the next one to follow it up.
_AFTER_REACH: Final = 90


def _answered_after(text: str, candidate: _Candidate, hi: int) -> bool:
    """Whether the sentence after the date's opens on "after that" and speaks of an answer."""
    if candidate.end + _AFTER_REACH < hi:
        return False
    start = hi + 1 if hi < len(text) and text[hi] in ".!?;" else hi
    after = _AFTER_THAT.match(text, start)
    begin = start if after is None else after.end()
    _, end = _clause(text, begin, begin)
    # "...; I'll be in touch after that with the outcome": "after that" within it.
    if after is None and _AFTER_THAT_WITHIN.search(text, begin, end) is None:
        return False
    # News, or help handed on: "...back on the 30th. I'll put your CV in front of him that
    # week."
    return (_FOREIGN_REPLY_CUE.search(text, begin, end) is not None
            or _FOREIGN_HANDOVER_CUE.search(text, begin, end) is not None
            or ((_REPLY_CUE.search(text, begin, end) is not None
                 or _HANDOVER_CUE.search(text, begin, end) is not None)
                and _FUTURE.search(text, begin, end) is not None))


# "No timeline", "alcuna tempistica", "keinen Termin": the writer says no date can be given.
_NO_TIMELINE: Final = compile_by_first_letter(
    r"\b(?:no|not|cannot|can['’]t|unable|non|pas|keine[nm]?|nicht|não|nenhuma?|alcuna?|aucune?"
    r"|ningún|ninguna|sin|senza|sem|ohne)\b[^.!?\n]{0,50}?\b(?:timeline|timeframe|time\s*frame"
    r"|dates?|tempistic[ah]e?|data|délais?|calendrier|échéance|plazos?|fechas?|zeitrahmen"
    r"|zeitplan|termin|prazos?|previs[ãa]o)\b", re.I)
_PART_END: Final = re.compile(r"[,.;:!?\n]")


def _part_end(text: str, start: int, hi: int) -> int:
    found = _PART_END.search(text, start, hi)
    return hi if found is None else found.start()


def _denied_between(text: str, candidate: _Candidate, cue: re.Match[str]) -> bool:
    """Whether the words between a date and the cue that governs it say that no date can
    be given: "Today, though, I cannot give you a timeline: ... I will contact you"."""
    if cue.start() >= candidate.end:
        return _NO_TIMELINE.search(text, candidate.end, cue.start()) is not None
    return _NO_TIMELINE.search(text, cue.end(), candidate.start) is not None


def _deadline_start(
    text: str, candidate: _Candidate, lead: int, candidates: Sequence[_Candidate]
) -> int | None:
    lo, hi = _clause(text, lead, candidate.end)
    cue = _governs(text, _DEADLINE_CUE, candidate, candidates, (lo, hi))
    if cue is not None:
        # Explain with the cue when it leads into the date: "expires on the 24th".
        return cue.start() if cue.end() <= lead and lead - cue.end() <= 40 else lead
    prefix = _LIMIT_PREFIX.search(text, lo, lead)
    if prefix is not None and _OBLIGATION.search(text, lo, hi) is not None:
        return prefix.start()
    return None
