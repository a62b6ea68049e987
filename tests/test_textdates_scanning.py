"""Scanning for dates only where a match may start finds what trying every position finds.

The scanners of days, periods and times try their patterns only at the words their matches
may start with (`textdates_words`). Those words are listed by hand beside the patterns:
these tests fail when a pattern learns a phrase that starts with a word the lists lack.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterator
from contextlib import ExitStack, contextmanager
from datetime import datetime
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inbox_assistant.domain import (
    textdates_patterns,
    textdates_periods,
    textdates_times,
    textdates_words,
)
from inbox_assistant.domain.textdates_patterns import scan_days
from inbox_assistant.domain.textdates_periods import scan_periods
from inbox_assistant.domain.textdates_times import scan_times
from inbox_assistant.domain.textdates_vocab import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from inbox_assistant.domain.textdates_words import Words, first_match, matches_at
from tests import test_textdates

EXAMPLES = int(os.environ.get("INBOX_ASSISTANT_PROPERTY_EXAMPLES", "300"))


class _Everywhere(Words):
    """The words of a text, where every position is one where a match may start."""

    __slots__ = ()

    def starts(self, words: Collection[str]) -> list[int]:
        return self.numbers

    def endings(self, endings: tuple[str, ...]) -> list[int]:
        return self.numbers

    def may_hold(self, words: Collection[str]) -> bool:
        return True


def _everywhere(text: str) -> Words:
    words = textdates_words.words_of(text)
    return _Everywhere(words.spans, list(range(len(text) + 1)), words.lower_is_re_case)


@contextmanager
def _trying_every_position() -> Iterator[None]:
    with ExitStack() as stack:
        for module in (textdates_patterns, textdates_periods, textdates_times):
            stack.enter_context(patch.object(module, "words_of", _everywhere))
        yield


_SENT = datetime(2026, 11, 19, 10)


def _scans(text: str) -> tuple[object, ...]:
    # A period's `last_day` is a function: compare the day it gives.
    periods = [(p.start, p.end, p.self_cued, p.closes_day, p.last_day(_SENT))
               for p in scan_periods(text)]
    return scan_days(text), periods, scan_times(text)


def assert_scans_as_everywhere(text: str) -> None:
    found = _scans(text)
    with _trying_every_position():
        assert _scans(text) == found


# Matches that start inside a word or before the word that makes the phrase, words that
# re.IGNORECASE reads otherwise than str.lower(), and a phrase of each kind.
TRICKY = [
    "bathe 24 Nov", "upon the 3rd", "tale 5 mai", "golden 3 März", "model 2 de mayo",
    "Tue. 11/24", "Sat, 2026-11-24", "mon ami 24/11", "Thurs the 3rd round", "Fri. den 24.11.",
    "terça-feira 24/11", "sexta-feira, dia 3", "this coming Friday", "el próximo lunes",
    "nächsten Dienstag", "questa domenica", "lunes de la semana que viene",
    "après-demain", "aujourd’hui", "ce soir", "pasado mañana", "depois de amanhã",
    "the day after tomorrow", "guten Morgen", "la mañana",
    "midnext week", "mid-next week", "all'inizio della prossima settimana",
    "início da próxima semana", "a finales de este mes", "o mês que vem", "fine mese",
    "close of business", "final del día", "EOD Friday", "daqui a 2 semanas",
    "innerhalb von 3 Tagen", "dentro de 2 días hábiles", "within two h", "within a few hrs",
    "à 14h", "às 3", "alle 15", "a las 3 de la tarde", "@3pm", "12noon", "mediodía",
    "2026-11-24T14:00",
    "ſunday 11/24 at 3pm", "FRIDAY İ 24 NOV", "frıday the 3rd", "la ſemaine prochaine",
    "verſ 15h", "mıdday", "٢٤/١١ à ١٥h", "２４.１１. um １５ Uhr",
]
_TABLES = (test_textdates.MEETINGS, test_textdates.MEETING_MISSES, test_textdates.PROMISES,
           test_textdates.PROMISE_MISSES, test_textdates.DEADLINES,
           test_textdates.DEADLINE_MISSES)
TEXTS = TRICKY + [case[1] for table in _TABLES for case in table]


@pytest.mark.parametrize("text", TEXTS)
def test_scans_find_what_trying_every_position_finds(text: str) -> None:
    assert_scans_as_everywhere(text)


_WORDS = [*WEEKDAYS, *WEEKDAY_ABBREVIATIONS, *MONTHS, *TRICKY,
          "the", "on", "le", "el", "den", "il", "dia", "of", "de", "next", "this", "at", "um",
          "à", "às", "vers", "gegen", "ore", "week", "semana", "month", "mes", "end", "day",
          "in", "within", "noon"]
_FRAGMENT = st.one_of(
    st.sampled_from(_WORDS).flatmap(
        lambda word: st.sampled_from([word, word.lower(), word.upper(), word.title()])),
    st.integers(0, 2100).map(str),
    st.text(alphabet="0123456789/.:-,@ İıſ", max_size=4),
)
_SEPARATOR = st.sampled_from([" ", " ", "  ", "\n", "\t", "\xa0", ", ", ". ", "-", "/", ""])


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.tuples(_FRAGMENT, _SEPARATOR), max_size=20))
def test_scans_of_any_mix_find_what_trying_every_position_finds(
        pieces: list[tuple[str, str]]) -> None:
    assert_scans_as_everywhere("".join(fragment + sep for fragment, sep in pieces))


def test_matches_at_finds_what_finditer_finds() -> None:
    pattern = textdates_words.LETTERS
    text = "Tue 24 Nov, at 3pm"
    every = list(range(len(text) + 1))
    assert ([m.span() for m in matches_at(pattern, text, every)]
            == [m.span() for m in pattern.finditer(text)])
    # A start inside a match is hidden by it, as in finditer.
    assert [m[0] for m in matches_at(pattern, text, [0, 1, 7])] == ["Tue", "Nov"]


def test_first_match_sees_the_text_before_its_start() -> None:
    number = re.compile(r"(?<!\w)\d+")
    # As in a search, the lookbehind sees the "x" before a start.
    match = first_match(number, "x12 34", [1, 4])
    assert match is not None and match.span() == (4, 6)
    assert first_match(number, "x12 34", [1, 4], pos=5) is None
