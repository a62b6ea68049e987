"""The cues' lookaheads and first-letter buckets refuse no match and change no order.

A guard is a lookahead of one class of plain characters, `(?=[...])`. Whatever follows it
must start with a character that the class reads, as IGNORECASE reads it. The groups that
`compile_by_first_letter` rewrote are checked against the patterns they were given: at
every character, the same alternatives are tried, in the same order.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from inbox_assistant.domain import textdates, textdates_words

# Zero-width items consume nothing: the first character comes from what follows them.
_ZERO_WIDTH: tuple[Any, ...] = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def _first_chars(items: list[Any]) -> set[int] | None:
    """The characters a match of `items` may start with, None when not only literals."""
    if not items:
        return None
    op, av = items[0]
    if op in _ZERO_WIDTH:
        return _first_chars(items[1:])
    if op is sre.LITERAL:
        return {av}
    if op is sre.IN:
        if all(kind is sre.LITERAL for kind, _ in av):
            return {code for _, code in av}
        return None
    if op is sre.SUBPATTERN:
        return _first_chars(list(av[3].data) + items[1:])
    if op is sre.BRANCH:
        found: set[int] = set()
        for alternative in av[1]:
            first = _first_chars(list(alternative.data) + items[1:])
            if first is None:
                return None
            found |= first
        return found
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, _, sub = av
        first = _first_chars(list(sub.data) + items[1:])
        if low >= 1 or first is None:
            return first
        rest = _first_chars(items[1:])
        return None if rest is None else first | rest
    return None


def _guard_class(item: Any) -> list[int] | None:
    """The characters of a lookahead `(?=[...])` of plain characters, else None."""
    op, av = item
    if op is not sre.ASSERT or av[0] != 1:
        return None
    body = list(av[1].data)
    if len(body) != 1 or body[0][0] is not sre.IN:
        return None
    if not all(kind is sre.LITERAL for kind, _ in body[0][1]):
        return None
    return [code for _, code in body[0][1]]


def _sequences(items: list[Any]) -> Iterator[list[Any]]:
    """Every sequence of items in a parsed pattern, the pattern's own first."""
    yield items
    for op, av in items:
        if op is sre.SUBPATTERN:
            yield from _sequences(list(av[3].data))
        elif op is sre.BRANCH:
            for alternative in av[1]:
                yield from _sequences(list(alternative.data))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            yield from _sequences(list(av[2].data))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _sequences(list(av[1].data))


def _guards(cue: re.Pattern[str]) -> Iterator[tuple[list[int], set[int] | None]]:
    """Each guard of `cue`: its characters, and those what follows it may start with."""
    for items in _sequences(list(_parser.parse(cue.pattern, cue.flags).data)):
        for index, item in enumerate(items):
            leads = _guard_class(item)
            if leads is not None:
                yield leads, _first_chars(items[index + 1:])


def _reads(pattern: str, flags: int, within: Iterable[int] = range(sys.maxunicode + 1)
           ) -> set[int]:
    """Every character (of `within`) that a class of `pattern`'s characters reads."""
    chars = re.compile("[" + "".join(map(re.escape, pattern)) + "]", flags)
    return {code for code in within if chars.fullmatch(chr(code))}


# The alternatives `guarded` puts behind a lookahead, and the cue they stand in.
_GUARDED = [
    pytest.param(textdates._FOREIGN_REPLY_CUE, textdates._FOREIGN_REPLY_RUNS, id="foreign_reply"),
    pytest.param(textdates._FOREIGN_HANDOVER_CUE, textdates._FOREIGN_HANDOVER_RUNS,
                 id="foreign_handover"),
]


@pytest.mark.parametrize(("cue", "runs"), _GUARDED)
def test_every_guarded_alternative_starts_with_a_lead(cue: re.Pattern[str], runs: str) -> None:
    group = textdates_words.guarded(runs)
    assert group in cue.pattern
    [(chars, first)] = _guards(re.compile(group, cue.flags))
    assert first is not None
    # Every character a first literal reads under IGNORECASE, the class reads as well.
    assert _reads("".join(map(chr, first)), cue.flags) <= _reads("".join(map(chr, chars)),
                                                                 cue.flags)


def test_a_source_whose_leads_cannot_be_told_is_not_guarded() -> None:
    with pytest.raises(ValueError):
        textdates_words.guarded(r"\w+|ab")


def test_a_guard_that_misses_a_lead_is_caught() -> None:
    cue = re.compile(r"\b(?=[ab])(?:alpha|beta|gamma)", re.I)
    [(leads, first)] = _guards(cue)
    assert first is not None
    assert {chr(code) for code in first} - {chr(code) for code in leads} == {"g"}


_CUES = ["_AFTER_THAT_WITHIN", "_AS_A_RULE", "_ASKED_OF_READER", "_AWAY_UNTIL", "_BACK_CUE",
         "_DEADLINE_CUE", "_FOREIGN_HANDOVER_CUE", "_FOREIGN_REPLY_CUE", "_FROM_CUE", "_FUTURE",
         "_HANDOVER_CUE", "_IMMEDIATE_CUE", "_LIMIT_PREFIX", "_NO_TIMELINE", "_OBLIGATION",
         "_ONCE_BACK", "_READER_ASKED_IF", "_REPLY_CUE", "_UNTIL_CUE"]


def test_the_cues_are_rewritten() -> None:
    rewritten = {getattr(textdates, name).pattern for name in _CUES}
    assert rewritten <= textdates_words.REWRITTEN.keys()


# Every pattern compile_by_first_letter rewrote, by the name the date reader gives it.
_NAMES = {value.pattern: name for name, value in vars(textdates).items()
          if isinstance(value, re.Pattern)}
_REWRITTEN = [pytest.param(rewritten, id=_NAMES.get(rewritten, rewritten[:40]))
              for rewritten in textdates_words.REWRITTEN]


def _first_chars_of(source: str, flags: int) -> str:
    first = _first_chars(list(_parser.parse(source, flags).data))
    assert first is not None, source
    return "".join(map(chr, first))


def _opening_group(pattern: str) -> tuple[str, str]:
    """The alternatives of the group that opens `pattern` after its \\b, and what follows."""
    assert pattern.startswith(r"\b(?:")
    for end in range(5, len(pattern)):
        body, rest = pattern[5:end], pattern[end + 1:]
        if pattern[end] == ")" and _compiles(body) and not rest.startswith(("?", "*", "+", "{")):
            # The first balanced body before a ")": that ")" closes the group.
            return body, rest
    raise AssertionError(pattern)


def _compiles(source: str) -> bool:
    try:
        re.compile(source)
    except re.error:
        return False
    return True


@pytest.mark.parametrize("rewritten", _REWRITTEN)
def test_a_rewritten_cue_tries_the_same_alternatives_in_the_same_order(rewritten: str) -> None:
    """The lookahead reads every character the group's alternatives may start with; and at
    any character, the buckets whose lookahead reads it hold, in their order, every
    alternative that may start with it, in the order of the plain group."""
    cue = getattr(textdates, _NAMES[rewritten])
    flags = cue.flags
    original = textdates_words.REWRITTEN[cue.pattern]
    body, rest = _opening_group(original)
    split = textdates_words.alternatives(body)
    [(op, av)] = _parser.parse(body, flags).data
    assert op is sre.BRANCH
    assert [repr(_parser.parse(part, flags)) for part in split] == list(map(repr, av[1]))
    found = textdates_words.buckets(body, flags)
    assert found is not None
    firsts = [_first_chars_of(part, flags) for part in split]
    leads = "".join(sorted(set("".join(firsts))))
    assert cue.pattern == (rf"\b(?=[{''.join(map(re.escape, leads))}])"
                           f"{textdates_words.by_first_letter(body, flags)}{rest}")
    # Only the characters some first character reads matter; each is read by one of them.
    read = _reads(leads, flags)
    reads = {char: _reads(char, flags, read) for char in leads}
    reads_bucket = [_reads(letters, flags, read) for letters, _ in found]
    for code in read:
        expected = [part for part, first in zip(split, firsts, strict=True)
                    if any(code in reads[char] for char in first)]
        tried = [member for (_, members), bucket_reads in zip(found, reads_bucket, strict=True)
                 if code in bucket_reads for member in members]
        assert [part for part in tried if part in expected] == expected, chr(code)


def test_leads_of_a_source() -> None:
    leads = textdates_words.leads
    assert leads(r"(?:a\s+)?yes") == {"a", "y"}
    assert leads(r"\b(?:lo|la)\s+porto|[ée]ch") == {"l", "é", "e"}
    assert leads(r"a{0,2}b|c*d") == {"a", "b", "c", "d"}
    assert leads(r"x{1,2}y") == {"x"}
    for unreadable in (r"\w{3,}frist", r"(?=x)y", r"\s+", "a|", r"(?:|a)b", r"[^a]b", "", "."):
        assert leads(unreadable) is None, unreadable
    assert textdates_words.by_first_letter(r"\w+|a", re.I) == r"(?:\w+|a)"


def test_only_a_plain_opening_group_is_rewritten() -> None:
    compile_ = textdates_words.compile_by_first_letter
    for kept in (r"\b(?:a|b)?c", r"\b(?:a|\w)c", r"x\b(?:a|b)", r"\b(?:a|b)+"):
        assert compile_(kept, re.I).pattern == kept
    assert compile_(r"\b(?: a|b)", re.I | re.VERBOSE).pattern == r"\b(?: a|b)"
    assert compile_(r"\b(?:ab|b)c", re.I).pattern == r"\b(?=[ab])(?:(?=[a])(?:ab)|(?=[b])(?:b))c"
