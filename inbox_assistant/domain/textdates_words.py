"""The words of a text and where they stand, so that a pattern is tried only where it may match.

Python's `re` searches by trying a pattern at every position of the text, and skips ahead
quickly only when the pattern starts with a literal. The date patterns start with optional,
case-insensitive words ("Tuesday" before "11/24"), which cost a fraction of a microsecond at
each character of a message. One pass lists the text's words instead; a scanner names the
words its matches may start with, and `matches_at` tries its pattern there only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

# A word as `\b` delimits it, without its digits: "Nov" in "Nov24" too (a superset is safe).
LETTERS: Final = re.compile(r"[^\W\d_]+")
# Hiragana, katakana, CJK ideographs and Hangul syllables, as ranges for a character class:
# Japanese, Chinese and Korean run their words together, and write numbers against them.
CJK_LETTERS: Final = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_NUMBER: Final = re.compile(r"\d+")
# re.IGNORECASE reads these as "i" and "s", str.lower() does not ("İ" even becomes two
# characters): in a text holding one, any word may be one that a pattern spells otherwise.
_ODD_CASE: Final = ("İ", "ı", "ſ")


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text by their lower-case spelling, and where its numbers start.

    `spans` maps each lower-cased run of letters to where it stands in the text, in text
    order; `numbers` are the starts of the runs of digits.
    """

    spans: Mapping[str, list[tuple[int, int]]]
    numbers: list[int]
    lower_is_re_case: bool

    def holds(self, words: Collection[str]) -> bool:
        """Whether a word of the text lower-cases to one of `words`."""
        return not self.spans.keys().isdisjoint(words)

    def may_hold(self, words: Collection[str]) -> bool:
        """Whether a pattern may read one of `words` (lower-case) in the text."""
        return not self.lower_is_re_case or self.holds(words)

    def starts(self, words: Collection[str]) -> list[int]:
        """Where words that a pattern may read as one of `words` (lower-case) start, sorted."""
        if not self.lower_is_re_case:
            return sorted(start for spans in self.spans.values() for start, _ in spans)
        return [start for start, _ in self.spans_of(words)]

    def spans_of(self, words: Collection[str]) -> list[tuple[int, int]]:
        """The spans of the words that lower-case to one of `words`, sorted."""
        present = self.spans.keys() & words
        return sorted(span for word in present for span in self.spans[word])

    def endings(self, endings: tuple[str, ...]) -> list[int]:
        """Where an ending of a word starts, for each word that ends with one of `endings`.

        Endings that hold neither "i" nor "s" are read by str.lower() as re reads them.
        """
        return sorted(end - len(ending)
                      for word, spans in self.spans.items() if word.endswith(endings)
                      for ending in endings if word.endswith(ending)
                      for _, end in spans)


def lower_reads_as_ignorecase(text: str) -> bool:
    """Whether `text.lower()` reads as a pattern ignoring case reads `text`: it holds none of
    the letters the two fold apart."""
    return text.isascii() or not any(odd in text for odd in _ODD_CASE)


@lru_cache(maxsize=32)
def words_of(text: str) -> Words:
    """The words of `text`, read once for the scanners of days, periods and times."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for match in LETTERS.finditer(text):
        spans.setdefault(match[0].lower(), []).append(match.span())
    numbers = [match.start() for match in _NUMBER.finditer(text)]
    return Words(spans, numbers, lower_reads_as_ignorecase(text))


def merged(*starts: Iterable[int]) -> list[int]:
    """Several lists of starts as one, sorted, without repeats."""
    return sorted({start for some in starts for start in some})


def first_match(pattern: re.Pattern[str], text: str, starts: Sequence[int], pos: int = 0
                ) -> re.Match[str] | None:
    """What `pattern.search(text, pos)` finds, trying the pattern only at `starts`.

    `starts` must be sorted and hold every position where a match may begin.
    `match(text, start)` sees the text before `start`, so lookbehinds and `\\b` hold as in
    a search.
    """
    for index in range(bisect_left(starts, pos), len(starts)):
        match = pattern.match(text, starts[index])
        if match is not None:
            return match
    return None


def matches_at(pattern: re.Pattern[str], text: str, starts: Sequence[int]
               ) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds, trying the pattern only at `starts` (see
    `first_match`); the pattern must not match the empty string."""
    pos = 0
    while (match := first_match(pattern, text, starts, pos)) is not None:
        yield match
        pos = match.end()
