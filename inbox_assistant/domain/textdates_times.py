"""Times of day in free text: "2pm ET", "10:00-10:30am", "14h30", "15 Uhr", "noon".

`scan_times` returns tokens with their spans, in text order and never overlapping. A zone
written after the time ("ET", "CET", "UTC+1", "(Eastern Time)", "UK time") is kept with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta, timezone, tzinfo
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inbox_assistant.domain.textdates_patterns import alternation, non_overlapping
from inbox_assistant.domain.textdates_vocab import PLACE_ZONES, ZONE_ABBREVIATIONS, ZONE_WORDS
from inbox_assistant.domain.textdates_words import (
    CJK_LETTERS,
    Words,
    first_match,
    merged,
    words_of,
)


@dataclass(frozen=True, slots=True)
class TimeToken:
    """A time of day; `zone` is set when the text named one, `zone_key` is its IANA key or ''."""

    start: int
    end: int
    hour: int
    minute: int
    zone: tzinfo | None = None
    zone_key: str = ""


_MERIDIEM: Final = (
    r"(?:[ap]\.\s?m\b\.?|[ap]\s?m\b|de\s+la\s+(?:tarde|noche|ma[nñ]ana)|du\s+(?:matin|soir)"
    r"|de\s+l['’]apr[eè]s-midi|in\s+the\s+(?:morning|afternoon|evening)"
    r"|nachmittags|abends|morgens|vormittags)"
)
# "a. m." with its space, as Spanish writes it, is morning too.
_MORNING: Final = ("am", "a.m", "a m", "a. m", "de la ma", "du matin", "in the morning",
                   "morgens", "vormittags")
# "hora de Madrid", "heure de Paris", "ora di Roma", "horário de Brasília".
_ZONE_NOUN: Final = (
    r"(?:hora|horario|horário|heure|ora|uhrzeit)\s+(?:de\s+|d['’]\s*|di\s+|in\s+)?"
)
_ZONE_NOUN_RE: Final = re.compile(_ZONE_NOUN)
_ZONE: Final = (
    r"(?-i:(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?"
    rf"|(?:{alternation(ZONE_ABBREVIATIONS)})(?![A-Za-z]))"
    rf"|\b(?:{alternation(ZONE_WORDS)})(?:\s+(?:standard|daylight))?(?:\s+time)?\b"
    rf"|\b(?:{alternation(PLACE_ZONES)})\s+time\b"
    rf"|\b{_ZONE_NOUN}\s*(?:{alternation(PLACE_ZONES)})\b"
)
_TIME: Final = re.compile(
    rf"""
    (?P<pre>(?:\b(?:at|um|à|vers|gegen|around|from|a\s+las|a\s+la|a\s+les|a\s+l['’]|alle|ore
                  |às|as|om|van|kl\.?|klockan|오전|오후)|上午|下午|晚上|@)\s*)?
    (?:(?<=\dT)|(?<![\w/.:-])
       # Japanese, Chinese and Korean write the hour against the word before it
       # ("火曜日15時", "下午3点"): there, an hour with its suffix or minutes.
       |(?<=[{CJK_LETTERS}])(?=\d{{1,2}}(?::[0-5]\d|\s*[時시点])))
    (?P<h>\d{{1,2}})
    (?:(?P<sep>[:.h])(?P<m>[0-5]\d))?
    (?!\d|[/.]\d)
    (?:\s*(?P<ap>{_MERIDIEM})|\s*(?P<suf>uhr\b|uur\b|h\b|hrs\b|o['’]clock\b|時|시|点))?
    (?:\s*(?:-|–|—|to|until|till|bis|à|a|tot)\s*
       (?P<h2>\d{{1,2}})(?:[:.h][0-5]\d)?(?!\d|[/.]\d)
       (?:\s*(?P<ap2>{_MERIDIEM})|\s*(?:uhr\b|h\b))?)?
    (?:\s*\(\s*(?P<zone>{_ZONE})[^()\n]{{0,30}}\)|\s*(?P<bare_zone>{_ZONE}))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_NOON: Final = re.compile(
    rf"\b(?:12\s*)?(?:noon|midday|midi|mediod[ií]a|lunch\s?-?time)\b(?:\s*\(\s*(?P<zone>{_ZONE})[^()\n]{{0,30}}\)"
    rf"|\s*(?P<bare_zone>{_ZONE}))?",
    re.I,
)
# "Half two" in British English is 2:30; "halb drei" in German is 2:30 too, half-way to three.
_ENGLISH_HOURS: Final = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                         "ten", "eleven", "twelve")
_GERMAN_HOURS: Final = ("eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht",
                        "neun", "zehn", "elf", "zwölf")
_HALF: Final = re.compile(
    rf"\bhalf\s+(?P<en>{'|'.join(_ENGLISH_HOURS)})\b(?!\s+(?:hours?|days?|weeks?|years?))"
    rf"|\bhalb\s+(?P<de>{'|'.join(_GERMAN_HOURS)})\b",
    re.I,
)
_HALF_WORDS: Final = frozenset({"half", "halb"})
# The halves of the day said before the hour in `pre`: afternoon or evening is pm.
_HALF_OF_DAY: Final = {"오전": False, "오후": True, "上午": False, "下午": True, "晚上": True,
                       "午前": False, "午後": True, "早上": False}
# The first words of the `pre` of _TIME.
_PREFIX_LEADS: Final = frozenset({"at", "um", "om", "van", "à", "vers", "gegen", "around", "from",
                                  "a", "alle", "ore", "às", "as", "kl", "klockan", "오전", "오후"})
# Every match of _NOON holds one of these.
_NOON_WORDS: Final = frozenset({"noon", "midday", "midi", "mediodía", "mediodia", "lunchtime",
                                "lunch"})
_OFFSET_ZONE: Final = re.compile(r"(?:UTC|GMT)\s?([+\-−])\s?(\d{1,2})(?::?(\d{2}))?")


def _zone(text: str | None) -> tuple[tzinfo, str] | None:
    if not text:
        return None
    spelled = " ".join(text.split())
    offset = _OFFSET_ZONE.fullmatch(spelled)
    if offset is not None:
        sign = -1 if offset[1] in "-−" else 1
        minutes = int(offset[2]) * 60 + int(offset[3] or 0)
        return (timezone(sign * timedelta(minutes=minutes)), "") if minutes < 24 * 60 else None
    words = spelled.lower().removesuffix(" time")
    noun = _ZONE_NOUN_RE.match(words)
    if noun is not None:
        words = words[noun.end():]
    key = (ZONE_ABBREVIATIONS.get(spelled) or ZONE_WORDS.get(words.split()[0], "")
           or PLACE_ZONES.get(words, ""))
    try:
        return (ZoneInfo(key), key) if key else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _is_pm(meridiem: str | None) -> bool | None:
    if meridiem is None:
        return None
    spelled = " ".join(meridiem.lower().split())
    return not spelled.startswith(_MORNING)


def _hour(hour: int, pm: bool | None, literal: bool) -> int:
    if pm is not None and 1 <= hour <= 12:
        return hour % 12 + (12 if pm else 0)
    # An unmarked "at 3" or "3:30" in a mail about meetings is an afternoon; "at 9" a morning.
    if pm is None and not literal and 1 <= hour <= 6:
        return hour + 12
    return hour


def _from_time(m: re.Match[str]) -> TimeToken | None:
    hour, minute = int(m["h"]), int(m["m"] or 0)
    sep, suffix = (m["sep"] or "").lower(), (m["suf"] or "").lower()
    pm, end_pm = _is_pm(m["ap"]), _is_pm(m["ap2"])
    if pm is None:
        # Korean and Chinese say the half of the day first: "오후 2시", "下午3点" are 2 and 3 pm.
        # Run together with the words before it ("周五下午3点"), it is outside the match.
        before = (m["pre"] or m.string[max(0, m.start("h") - 3):m.start("h")]).strip()
        pm = next((later for half, later in _HALF_OF_DAY.items() if before.endswith(half)),
                  None)
    if hour > 23 or (sep == "." and pm is None and not suffix and minute <= 12
                     and not m["pre"]):
        # "17.11" is a date, "24" a day of the month; "Wednesday 7.45" and "at 9.10" are
        # times (no month 45; a time said to be "at").
        return None
    if not (sep or suffix or pm is not None or end_pm is not None or m["pre"]):
        return None
    if pm is None and end_pm is not None:
        # "2-3pm" starts at 14:00, but "11-12pm" starts at 11 in the morning.
        pm = end_pm and hour % 12 <= int(m["h2"]) % 12
    literal = bool(suffix) or sep == "h" or m["h"].startswith("0")
    zone = _zone(m["zone"] or m["bare_zone"])
    return TimeToken(m.start("h"), m.end(), _hour(hour, pm, literal), minute,
                     zone[0] if zone else None, zone[1] if zone else "")


def scan_times(text: str) -> list[TimeToken]:
    """Times of day in `text` ("2pm ET", "14h30", "15 Uhr", "noon"), in text order.

    A span starts at the hour, so that a preceding "at" or "um" stays outside it. A bare
    number counts only after such a word ("Thursday at 3"), and a range keeps its start.
    """
    found: list[TimeToken] = []
    words = words_of(text)
    starts = _time_starts(text, words)
    pos = 0
    while (match := first_match(_TIME, text, starts, pos)) is not None:
        token = _from_time(match)
        if token is not None:
            found.append(token)
            pos = match.end()
        else:
            # A rejected candidate may have swallowed a real time ("17.11 à 15h"): rescan.
            pos = match.end("h")
    if words.may_hold(_HALF_WORDS):
        for match in _HALF.finditer(text):
            if match["en"]:
                hour = _ENGLISH_HOURS.index(match["en"].lower()) + 1
            else:
                hour = _GERMAN_HOURS.index(match["de"].lower()) or 12
            found.append(TimeToken(match.start(), match.end(), _hour(hour, None, False), 30))
    if words.may_hold(_NOON_WORDS):
        for match in _NOON.finditer(text):
            zone = _zone(match["zone"] or match["bare_zone"])
            found.append(TimeToken(match.start(), match.end(), 12, 0,
                                   zone[0] if zone else None, zone[1] if zone else ""))
    return non_overlapping(found)


def _time_starts(text: str, words: Words) -> list[int]:
    """Where a match of _TIME may start: at a number, the first word of its `pre`, or "@"."""
    return merged(words.numbers, words.starts(_PREFIX_LEADS), _at_signs(text))


def _at_signs(text: str) -> list[int]:
    found: list[int] = []
    while (at := text.find("@", found[-1] + 1 if found else 0)) >= 0:
        found.append(at)
    return found
