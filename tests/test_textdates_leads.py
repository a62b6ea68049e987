"""The lead-letter lookaheads of the cues refuse no match of what they guard.

A guard is a lookahead of one class of plain characters, `(?=[...])`. Whatever follows it
in its sequence must start with a character that the class reads, as IGNORECASE reads it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from inbox_assistant.domain import textdates

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


# Each guarded cue, and how many guards it has.
_GUARDED = [
    pytest.param(textdates._REPLY_CUE, 1, id="reply"),
    pytest.param(textdates._FOREIGN_REPLY_CUE, 2, id="foreign_reply"),
    pytest.param(textdates._HANDOVER_CUE, 1, id="handover"),
    pytest.param(textdates._FOREIGN_HANDOVER_CUE, 2, id="foreign_handover"),
    pytest.param(textdates._BACK_CUE, 1, id="back"),
]


@pytest.mark.parametrize(("cue", "count"), _GUARDED)
def test_every_guarded_alternative_starts_with_a_lead(cue: re.Pattern[str], count: int) -> None:
    guards = list(_guards(cue))
    assert len(guards) == count
    for leads, first in guards:
        assert first is not None
        lead_class = re.compile(
            "[" + "".join(re.escape(chr(code)) for code in leads) + "]", cue.flags)
        literal = re.compile("|".join(re.escape(chr(code)) for code in sorted(first)), cue.flags)
        # Every character a first literal reads under IGNORECASE, the class reads as well.
        for code in range(sys.maxunicode + 1):
            if literal.fullmatch(chr(code)):
                assert lead_class.fullmatch(chr(code)), chr(code)


def test_a_guard_that_misses_a_lead_is_caught() -> None:
    cue = re.compile(r"\b(?=[ab])(?:alpha|beta|gamma)", re.I)
    [(leads, first)] = _guards(cue)
    assert first is not None
    assert {chr(code) for code in first} - {chr(code) for code in leads} == {"g"}
