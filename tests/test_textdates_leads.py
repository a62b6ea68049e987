"""The lead-letter lookaheads of the cues refuse no match of what they guard.

A guard is a lookahead of one class of plain characters, `(?=[...])`. Whatever follows it
in its sequence must start with a character that the class reads, as IGNORECASE reads it.
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


# Each cue with lead lookaheads, and the leads it has.
_LEADS = [
    pytest.param(textdates._REPLY_CUE, [textdates._REPLY_LEADS], id="reply"),
    pytest.param(textdates._FOREIGN_REPLY_CUE, [textdates._FOREIGN_REPLY_LEADS,
                                                textdates._FOREIGN_REPLY_RUN_LEADS],
                 id="foreign_reply"),
    pytest.param(textdates._HANDOVER_CUE, [textdates._HANDOVER_LEADS], id="handover"),
    pytest.param(textdates._FOREIGN_HANDOVER_CUE, [textdates._FOREIGN_HANDOVER_LEADS,
                                                   textdates._FOREIGN_HANDOVER_RUN_LEADS],
                 id="foreign_handover"),
    pytest.param(textdates._BACK_CUE, [textdates._BACK_LEADS], id="back"),
    pytest.param(textdates._DEADLINE_CUE, [textdates._DEADLINE_LEADS], id="deadline"),
]


@pytest.mark.parametrize(("cue", "leads"), _LEADS)
def test_every_guarded_alternative_starts_with_a_lead(cue: re.Pattern[str],
                                                      leads: list[str]) -> None:
    guards = {"".join(map(chr, chars)): first for chars, first in _guards(cue)}
    for lead in leads:
        first = guards[lead]
        assert first is not None
        # Every character a first literal reads under IGNORECASE, the class reads as well.
        literal = "".join(map(chr, first))
        assert _reads(literal, cue.flags) <= _reads(lead, cue.flags)


def test_a_guard_that_misses_a_lead_is_caught() -> None:
    cue = re.compile(r"\b(?=[ab])(?:alpha|beta|gamma)", re.I)
    [(leads, first)] = _guards(cue)
    assert first is not None
    assert {chr(code) for code in first} - {chr(code) for code in leads} == {"g"}


# Each alternation tried by first letter, and the cue it is in.
_BY_FIRST_LETTER = [
    pytest.param(textdates._REPLY_WORDS, textdates._REPLY_CUE, id="reply"),
    pytest.param(textdates._FOREIGN_REPLY_WORDS, textdates._FOREIGN_REPLY_CUE,
                 id="foreign_reply"),
    pytest.param(textdates._FOREIGN_HANDOVER_WORDS, textdates._FOREIGN_HANDOVER_CUE,
                 id="foreign_handover"),
    pytest.param(textdates._BACK_WORDS, textdates._BACK_CUE, id="back"),
    pytest.param(textdates._DEADLINE_WORDS, textdates._DEADLINE_CUE, id="deadline"),
]


def _parsed_alternatives(source: str, flags: int) -> list[str]:
    """The alternatives of `source` as `re` parses them, each as the parser shows it."""
    [(op, av)] = _parser.parse(source, flags).data
    assert op is sre.BRANCH
    return [repr(alternative) for alternative in av[1]]


@pytest.mark.parametrize(("source", "cue"), _BY_FIRST_LETTER)
def test_by_first_letter_tries_the_same_alternatives_in_the_same_order(
        source: str, cue: re.Pattern[str]) -> None:
    """At any character, the buckets whose lookahead reads it hold, in their order, every
    alternative that may start with it, in the order of the plain group."""
    flags = cue.flags
    assert textdates_words.by_first_letter(source, flags) in cue.pattern
    split = textdates_words.alternatives(source)
    assert "|".join(split) == source
    assert [repr(_parser.parse(part, flags)) for part in split] == _parsed_alternatives(
        source, flags)
    found = textdates_words.buckets(source, flags)
    assert found is not None and len(found) > 1
    firsts = []
    for part in split:
        first = _first_chars(list(_parser.parse(part, flags).data))
        assert first is not None, part
        firsts.append("".join(map(chr, first)))
    # Only the characters some first character reads matter; each is read by one of them.
    read = _reads("".join(firsts), flags)
    reads = {char: _reads(char, flags, read) for char in set("".join(firsts))}
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
