"""The pieces a regular expression needs: a shortcut that must never change a result."""

from __future__ import annotations

import random
import re

import pytest

from inbox_assistant.rules.conditions import Regex
from inbox_assistant.rules.pieces import required_pieces


@pytest.mark.parametrize(("pattern", "pieces"), [
    (r"\bsend\s+me\s+your\s+(resume|cv)\b", {"send"}),
    (r"\bi applied\b", {"i applied"}),
    (r"foo|bar", {"foo", "bar"}),
    (r"(?:dear|hi)\s+\w+,\s+thanks", {"thanks"}),
    (r"\b(schick|sende)\s+mir\s+(deinen|ihren)\s+lebenslauf", {"lebenslauf"}),
])
def test_the_most_telling_pieces_are_required(pattern: str, pieces: set[str]) -> None:
    assert required_pieces(re.compile(pattern, re.IGNORECASE)) == pieces


@pytest.mark.parametrize("pattern", [
    r"a?", r"\w+", r"(foo)?b?", r"x|\d+", r"[abc]{2,}", r"(?:)", r"\S\s*(<>|↔)\s*\S",
])
def test_nothing_certain_means_no_shortcut(pattern: str) -> None:
    assert required_pieces(re.compile(pattern, re.IGNORECASE)) is None


def test_the_shortcut_never_changes_what_matches() -> None:
    patterns = [
        r"\bsend\s+me\s+(over\s+)?your\s+(latest\s+)?(resume|cv)\b",
        r"\bwe\s+(met|spoke)\b[^.!?\n]{0,60}\b(yesterday|last\s+night)\b",
        r"^\W*(?:(?:hi|hey)\b[^\n,!.]{0,30}[,!.]?\s*)?(thanks|thank you|merci)\b",
        r"(?i:Tue|Mon)day at \d", r"\bje\s+(le|la)\s+lui\s+(remets|donne)\b",
    ]
    words = ["send", "me", "over", "your", "latest", "RESUME", "cv", "we", "met", "Spoke",
             "yesterday", "last", "night", "hi", "hey", "Thanks", "thank", "you", "merci",
             "tuesday", "Monday", "at", "3", "je", "le", "lui", "remets", "donne", ",", ".",
             "\n", "Ré", "ça"]
    rng = random.Random(7)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
             for _ in range(3000)]
    for pattern in patterns:
        plain = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
        shortcut = Regex(plain)
        assert shortcut.needs is not None
        for text in texts:
            assert (shortcut.search(text) is None) == (plain.search(text) is None), text
