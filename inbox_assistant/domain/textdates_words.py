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
from itertools import pairwise
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


# Alternations by their first letters.
#
# `re` tries the alternatives of a group one by one, and a failed try costs a little even
# when the alternative's first letter is wrong: a long case-insensitive alternation costs a
# lot at every word. `by_first_letter` sorts the alternatives into buckets by the letters
# they may start with, each bucket behind a lookahead of its letters, so that a word tries
# one bucket only. Within a bucket the alternatives keep their order; the buckets read no
# character in common, so at any position the alternatives that may match there are tried
# in the order the group gives them, and the first that matches is the same. Only simple
# sources are read (literals, classes of them, non-capturing groups); anything else, or a
# verbose pattern (where spaces and "#" mean something else), is left as it is.


def _scan(source: str) -> Iterator[tuple[int, str, int]]:
    """Each character of a pattern's source outside escapes and classes, with its index
    and the depth of the groups around it."""
    depth, index, in_class = 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += char == "("
            yield index, char, depth
            depth -= char == ")"
        index += 1


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source, split at each `|` outside groups."""
    cuts = [index for index, char, depth in _scan(source) if char == "|" and depth == 0]
    edges = [-1, *cuts, len(source)]
    return [source[start + 1:end] for start, end in pairwise(edges)]


def _element_end(source: str) -> int | None:
    """Where the first element of `source` ends: a character, a class or a group."""
    if source.startswith("("):
        return next((index + 1 for index, char, depth in _scan(source)
                     if char == ")" and depth == 1), None)
    if source.startswith("["):
        close = source.find("]", 1)
        return None if close < 0 else close + 1
    return 2 if source.startswith("\\") else 1


def _element_leads(element: str) -> frozenset[str] | None:
    """The characters one element may start with, None when it cannot be told simply."""
    if element.startswith("(?:"):
        return leads(element[3:-1])
    if element.startswith("["):
        body = element[1:-1]
        plain = body and not any(char in body for char in "^-\\[")
        return frozenset(body) if plain else None
    if element.startswith("\\"):
        return None if len(element) < 2 or element[1].isalnum() else frozenset(element[1])
    plain = len(element) == 1 and element not in ".^$|()*+?{}"
    return frozenset(element) if plain else None


def _optional_end(rest: str) -> int | None:
    """Where the quantifier at the start of `rest` ends, when it lets its element be left
    out ("?", "*", "{0,2}", "{,2}"); None for no quantifier or one that needs the element."""
    if rest.startswith(("?", "*")):
        end = 1
    elif rest.startswith("{") and "}" in rest and rest[1:rest.index("}")].startswith(("0", ",")):
        end = rest.index("}") + 1
    else:
        return None
    return end + 1 if rest[end:end + 1] in ("?", "+") else end  # lazy or possessive


def leads(source: str) -> frozenset[str] | None:
    """The characters a match of `source` may start with, None when it cannot be told simply.

    Only literal characters, classes of them and non-capturing groups of them are read;
    a `\\b` before them is skipped (it consumes nothing), and a first element that may be
    left out adds the leads of what follows it.
    """
    split = alternatives(source)
    if len(split) > 1:
        found = [leads(alternative) for alternative in split]
        readable = [first for first in found if first is not None]
        return frozenset().union(*readable) if len(readable) == len(found) else None
    if source.startswith("\\b"):
        return leads(source[2:])
    end = _element_end(source) if source else None
    if end is None:
        return None
    first = _element_leads(source[:end])
    after = _optional_end(source[end:])
    if first is None or after is None:
        return first
    following = leads(source[end + after:])
    return None if following is None else first | following


def buckets(source: str, flags: int) -> list[tuple[str, list[str]]] | None:
    """The alternatives of `source` by the letters they may start with, in order of first
    appearance: each bucket's letters, and its alternatives in their order in `source`.
    Letters that `flags` reads as one share a bucket. None when an alternative's first
    letters cannot be told, or `flags` are verbose."""
    if flags & re.VERBOSE:
        return None
    letters: list[str] = []
    members: list[list[int]] = []
    split = alternatives(source)
    for number, alternative in enumerate(split):
        first = leads(alternative)
        if first is None:
            return None
        for letter in sorted(first):
            index = next((index for index, known in enumerate(letters)
                          if any(_same_letter(letter, other, flags) for other in known)), None)
            if index is None:
                letters.append("")
                members.append([])
                index = len(letters) - 1
            if letter not in letters[index]:
                letters[index] += letter
            if number not in members[index]:
                members[index].append(number)
    return [(known, [split[number] for number in numbers])
            for known, numbers in zip(letters, members, strict=True)]


def _same_letter(first: str, second: str, flags: int) -> bool:
    return re.fullmatch(re.escape(first), second, flags) is not None


def by_first_letter(source: str, flags: int) -> str:
    """The alternation `source` as a group whose alternatives are tried by first letter (see
    above); the plain group when an alternative's first letters cannot be told."""
    found = buckets(source, flags)
    if found is None:
        return f"(?:{source})"
    return "(?:" + "|".join(
        f"(?=[{''.join(map(re.escape, known))}])(?:{'|'.join(members)})"
        for known, members in found) + ")"


def _lookahead(first: Iterable[str]) -> str:
    """A lookahead of these characters, in a stable order."""
    return f"(?=[{''.join(map(re.escape, sorted(first)))}])"


def guarded(source: str) -> str:
    """The alternation `source` as a group behind a lookahead of the characters its
    alternatives may start with (`leads`), for alternatives with no `\\b` before them
    (scripts written without spaces): `re` tries them only where one may start, not at
    every character. Raises ValueError when the leads cannot be told simply."""
    first = leads(source)
    if first is None:
        raise ValueError(f"cannot tell what {source[:40]!r} starts with")
    return f"{_lookahead(first)}(?:{source})"


# What `compile_by_first_letter` compiled, and the pattern it was given for it.
REWRITTEN: Final[dict[str, str]] = {}


def compile_by_first_letter(pattern: str, flags: int) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, the group that opens `pattern` after a `\\b` rewritten.

    The group, "\\b(?:this|that|other)", stands behind a lookahead of the letters its
    alternatives may start with, which refuses most words at once, and its alternatives are
    tried by first letter (`by_first_letter`). The lookahead refuses no match: every
    alternative starts with one of its letters, read as `flags` reads them. A pattern that
    opens otherwise, whose group is quantified, whose leads cannot be told, or that is
    verbose, is compiled as it is.
    """
    if not pattern.startswith("\\b(?:") or flags & re.VERBOSE:
        return re.compile(pattern, flags)
    end = 2 + (_element_end(pattern[2:]) or 0)
    body, rest = pattern[5:end - 1], pattern[end:]
    first = leads(body)
    if first is None or rest.startswith(("?", "*", "+", "{")):
        return re.compile(pattern, flags)
    rewritten = f"\\b{_lookahead(first)}{by_first_letter(body, flags)}{rest}"
    REWRITTEN[rewritten] = pattern
    return re.compile(rewritten, flags)
