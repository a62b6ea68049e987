"""The lead-letter lookaheads of the reply cues refuse no match of the group they guard."""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from inbox_assistant.domain import textdates


def _first_chars(items: list[Any]) -> set[int] | None:
    """The characters a match of `items` may start with, None when not only literals."""
    if not items:
        return None
    op, av = items[0]
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


@pytest.mark.parametrize(("cue", "leads"), [
    (textdates._REPLY_CUE, textdates._REPLY_LEADS),
    (textdates._FOREIGN_REPLY_CUE, textdates._FOREIGN_REPLY_LEADS),
])
def test_every_alternative_starts_with_a_lead(cue: re.Pattern[str], leads: str) -> None:
    guard = rf"\b(?=[{leads}])"
    assert cue.pattern.startswith(guard)
    tree = _parser.parse(cue.pattern, cue.flags)
    # \b, the lookahead, then the alternation (top-level alternatives come after it).
    group = tree.data[2] if tree.data[0][0] is sre.AT else tree.data[0][1][1][0].data[2]
    first = _first_chars([group])
    assert first is not None
    lead_class = re.compile(f"[{leads}]", cue.flags)
    literal = re.compile("|".join(re.escape(chr(code)) for code in sorted(first)), cue.flags)
    # Every character a first literal reads under IGNORECASE, the class reads as well.
    for code in range(0x3000):
        if literal.fullmatch(chr(code)):
            assert lead_class.fullmatch(chr(code)), chr(code)
