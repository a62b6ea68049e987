r"""The literal pieces a regular expression cannot match without.

`\bsend\s+me\s+your\s+(resume|cv)\b` cannot match a text without "send", nor one without
"resume" or "cv": any text the expression matches holds one piece of each requirement, and
`required_pieces` picks the requirement that rules out the most texts. Testing a
lower-cased text for a few substrings is far cheaper than running the expression, and
most texts hold none of them.

Better still, `required_words`: words the pattern puts between word boundaries
(`\b(send|forward)\s+me`) are looked up in the set of the text's words, which every
phrase list reads anyway.

The pattern is read with the standard library's own parser (`re._parser`). Whatever it
cannot read with certainty (look-arounds, back-references, optional parts) simply yields
no requirement, and the expression then runs on every text: the pieces are only ever a
shortcut, never a change of meaning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

try:
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: no shortcut, same results
    _sre = _sre_parse = None

# A single letter is in every text: not worth a test.
_MIN_PIECE: Final = 2
# Words in nearly every mail: a requirement made of them rules out little.
_COMMON: Final = frozenset({
    "the", "and", "you", "your", "for", "with", "that", "this", "have", "are", "me", "my",
    "to", "of", "in", "it", "is", "on", "at", "we", "our", "be", "an", "or", "if", "so",
})

Need = frozenset[str]


def _parsed(pattern: re.Pattern[str]) -> list[tuple[Any, Any]] | None:
    """The pattern as the standard library's parser reads it; None on any surprise."""
    if _sre_parse is None:
        return None
    try:
        return list(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # the parser is internal: any surprise means "unknown"
        return None


def required_pieces(pattern: re.Pattern[str]) -> Need | None:
    """Lower-cased substrings one of which every match contains; None when unknown."""
    tree = _parsed(pattern)
    if tree is None:
        return None
    need = _sequence(tree)
    if need is None or min(len(piece) for piece in need) < _MIN_PIECE:
        return None
    return need


def _sequence(items: list[tuple[Any, Any]]) -> Need | None:
    """The most selective requirement among the parts a sequence must match in order."""
    found: list[Need] = []
    # The literal text read so far, in each of its spellings: a small class of letters
    # ("m[aá]ndame", "i[\'’]ll") is read as its few spellings, not as a break.
    run: set[str] = set()

    def close_run() -> None:
        if run:
            found.append(frozenset(spelling.lower() for spelling in run))
            run.clear()

    for op, av in items:
        letters = (chr(av),) if op is _sre.LITERAL else _small_class(op, av)
        if letters is not None and len(run or {""}) * len(letters) <= _MAX_SPELLINGS:
            grown = {spelling + letter for spelling in (run or {""}) for letter in letters}
            run.clear()
            run.update(grown)
            continue
        close_run()
        need = _item(op, av)
        if need is not None:
            found.append(need)
    close_run()
    if not found:
        return None
    return max(found, key=_selectivity)


# A run read in more spellings than this is cut at the class instead.
_MAX_SPELLINGS: Final = 8


def _small_class(op: Any, av: Any) -> tuple[str, ...] | None:
    """The letters of a class of a few plain letters ("[aá]", "['’]"); None otherwise."""
    if op is not _sre.IN or not 1 <= len(av) <= 3:
        return None
    if any(item_op is not _sre.LITERAL for item_op, _ in av):
        return None  # a range, a category, a negation: too many letters to spell
    return tuple(chr(code) for _, code in av)


def _selectivity(need: Need) -> tuple[int, int]:
    # Long, uncommon pieces, and few of them, rule out the most texts.
    common = any(all(word in _COMMON for word in piece.split()) for piece in need)
    return (0 if common else min(len(piece) for piece in need), -len(need))


def _item(op: Any, av: Any) -> Need | None:
    if op is _sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _sre.BRANCH:
        branches = [_sequence(list(branch)) for branch in av[1]]
        if any(need is None for need in branches):
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        low, _high, inner = av
        return _sequence(list(inner)) if low >= 1 else None
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    return None


def lowered_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern without IGNORECASE, matching a lower-cased text as it matches the text.

    Ignoring case costs the engine a case fold at every character it reads: run on the
    lower-cased text (which the pieces test reads anyway), a case-sensitive twin is
    about a third faster. Only a pattern whose every literal character and range is
    already lower case has such a twin (`[A-Z]` would match nothing in a lower-cased
    text); any other pattern, or any doubt, yields None. It may only search a text that
    `lower_reads_as_ignorecase`.
    """
    if not pattern.flags & re.IGNORECASE:
        return None
    tree = _parsed(pattern)
    if tree is None or not _lower_only(tree):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def _lower_only(items: list[tuple[Any, Any]]) -> bool:
    for op, av in items:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL):
            if not _is_lower(chr(av)):
                return False
        elif op is _sre.IN:
            if not _lower_only(list(av)):
                return False
        elif op is _sre.RANGE:
            if not (_is_lower(chr(av[0])) and _is_lower(chr(av[1]))
                    and chr(av[0]).isalpha() == chr(av[1]).isalpha()):
                return False
        elif op in (_sre.SUBPATTERN, _sre.ASSERT, _sre.ASSERT_NOT):
            if not _lower_only(list(av[-1])):
                return False
        elif op is _sre.BRANCH:
            if not all(_lower_only(list(branch)) for branch in av[1]):
                return False
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
            if not _lower_only(list(av[2])):
                return False
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            if not _lower_only(list(av)):
                return False
        elif op in (_sre.GROUPREF, _sre.GROUPREF_EXISTS):
            return False  # a back-reference compares text as written
        elif op not in (_sre.AT, _sre.ANY, _sre.CATEGORY, _sre.NEGATE):
            return False
    return True


def _is_lower(char: str) -> bool:
    # Unchanged by lower-casing, and with one upper case only, which lower-cases back.
    # Letters outside the Latin alphabets are left alone: some have several cases that
    # IGNORECASE equates ("σ", "ς", "Σ").
    if char.lower() == char.upper():
        return True
    return ord(char) < 0x250 and char.lower() == char and char.upper().lower() == char


Search = Callable[[str], "re.Match[str] | None"]


def searcher(pattern: re.Pattern[str]) -> Search:
    r"""`pattern.search`, or the same search made faster when the pattern starts with `\b`.

    The engine finds where a match can start by the pattern's first characters
    ("send" in `send me`, one of "s", "f", "e" in `(send|forward|email)`), skipping the
    rest of the text at once; a leading `\b` hides them, and the engine then tries the
    whole pattern at every position. Without its `\b` the pattern is searched with the
    shortcut, and each place it matches is kept only if a word boundary stands there:
    the first such place is where the pattern itself matches first, with the same match.
    """
    body = _without_leading_boundary(pattern)
    if body is None:
        return pattern.search

    def search(text: str) -> re.Match[str] | None:
        at, end = 0, len(text)
        while (match := body.search(text, at)) is not None:
            i = match.start()
            if (i > 0 and is_word(text[i - 1])) != (i < end and is_word(text[i])):
                return match
            if i == end:  # a search from past the end would start at the end again
                return None
            at = i + 1
        return None

    return search


def _without_leading_boundary(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    if not pattern.pattern.startswith("\\b"):
        return None
    tree = _parsed(pattern)
    # "\bA|B" is a choice, and its "\b" only A's: only a sequence that starts with it.
    if not tree or tree[0] != (_sre.AT, _sre.AT_BOUNDARY):
        return None
    return re.compile(pattern.pattern[2:], pattern.flags)


def is_word(char: str) -> bool:
    """What a regular expression's \\w matches."""
    return char.isalnum() or char == "_"


Words = frozenset[str]

# Spellings a run of letters is read in at most, for whole words.
_MAX_WORD_SPELLINGS: Final = 16
# Words shorter than this are not among a text's words (`conditions._tokens`).
_MIN_WORD: Final = 3


def required_words(pattern: re.Pattern[str]) -> Words | None:
    r"""Lower-cased whole words one of which every match holds as a word of its own.

    `\b(send|forward)\s+me` cannot match a text without the word "send" or "forward":
    a test of the text's words (a set, read once per text) rules it out at once, where
    the pieces are looked for in the whole text. A word counts only where the pattern
    itself puts word boundaries around it (`\b`, a space, a comma, the start of a line).
    Words of three letters or more only; None when the pattern leaves any doubt.
    """
    tree = _parsed(pattern)
    if tree is None:
        return None
    return _words_of_sequence(tree, bounded_left=False, bounded_right=False)


def _words_of_sequence(
    items: list[tuple[Any, Any]], *, bounded_left: bool, bounded_right: bool
) -> Words | None:
    found: list[Words] = []
    i = 0
    while i < len(items):
        op, av = items[i]
        end = i
        while end < len(items) and _spellable(*items[end]):
            end += 1
        if end > i:
            words = _bounded_words(
                _spellings(items[i:end]),
                _ends_clear(items[:i], bounded_left),
                _starts_clear(items[end:], bounded_right))
            if words:
                found.append(words)
            i = end
            continue
        left = _ends_clear(items[:i], bounded_left)
        right = _starts_clear(items[i + 1:], bounded_right)
        need: Words | None = None
        if op is _sre.SUBPATTERN:
            need = _words_of_sequence(list(av[-1]), bounded_left=left, bounded_right=right)
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            need = _words_of_sequence(list(av), bounded_left=left, bounded_right=right)
        elif op is _sre.BRANCH:
            branches = [_words_of_sequence(list(b), bounded_left=left, bounded_right=right)
                        for b in av[1]]
            if all(branches):
                need = frozenset().union(*branches)  # type: ignore[arg-type]
        if need:
            found.append(need)
        i += 1
    if not found:
        return None
    return max(found, key=_selectivity)


def _spellable(op: Any, av: Any) -> bool:
    """A literal character, a class of a few, or one optional character ("s?")."""
    if op is _sre.LITERAL or _small_class(op, av) is not None:
        return True
    return (op is _sre.MAX_REPEAT and av[0] == 0 and av[1] == 1 and len(av[2]) == 1
            and av[2][0][0] is _sre.LITERAL)


def _spellings(items: list[tuple[Any, Any]]) -> set[str] | None:
    spellings = {""}
    for op, av in items:
        if op is _sre.MAX_REPEAT:
            letters: tuple[str, ...] = ("", chr(av[2][0][1]))
        elif op is _sre.LITERAL:
            letters = (chr(av),)
        else:
            letters = _small_class(op, av) or ()
        spellings = {s + letter for s in spellings for letter in letters}
        if len(spellings) > _MAX_WORD_SPELLINGS:
            return None
    return spellings


def _bounded_words(spellings: set[str] | None, left: bool, right: bool) -> Words | None:
    """For each spelling, its longest word that word boundaries surely enclose."""
    if not spellings:
        return None
    words: set[str] = set()
    for spelling in spellings:
        parts = re.split(r"(\W+)", spelling)
        # A part is enclosed where a non-word character, or a boundary of the run, is on
        # each side of it; re.split puts the separators at the odd places.
        enclosed = [part for k, part in enumerate(parts) if k % 2 == 0 and part
                    and (k > 0 or left) and (k < len(parts) - 1 or right)
                    and len(part) >= _MIN_WORD and all(is_word(c) for c in part)]
        if not enclosed:
            return None
        words.add(max(enclosed, key=len).lower())
    return frozenset(words)


def _ends_clear(items: list[tuple[Any, Any]], bounded_left: bool) -> bool:
    """Whether whatever `items` match ends with a non-word character, or nothing."""
    if not items:
        return bounded_left
    op, av = items[-1]
    before = items[:-1]
    if op is _sre.AT:
        return av in (_sre.AT_BOUNDARY, _sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING)
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):
        return _ends_clear(before, bounded_left)
    if op is _sre.SUBPATTERN:
        return _ends_clear([*before, *av[-1]], bounded_left)
    if op is _sre.BRANCH:
        return all(_ends_clear([*before, *branch], bounded_left) for branch in av[1])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        body_clear = _ends_clear(list(av[2]), False)
        return body_clear and (av[0] >= 1 or _ends_clear(before, bounded_left))
    return _not_word(op, av)


def _starts_clear(items: list[tuple[Any, Any]], bounded_right: bool) -> bool:
    """Whether whatever `items` match starts with a non-word character, or nothing."""
    if not items:
        return bounded_right
    op, av = items[0]
    after = items[1:]
    if op is _sre.AT:
        return av in (_sre.AT_BOUNDARY, _sre.AT_END, _sre.AT_END_STRING)
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):
        return _starts_clear(after, bounded_right)
    if op is _sre.SUBPATTERN:
        return _starts_clear([*av[-1], *after], bounded_right)
    if op is _sre.BRANCH:
        return all(_starts_clear([*branch, *after], bounded_right) for branch in av[1])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        body_clear = _starts_clear(list(av[2]), False)
        return body_clear and (av[0] >= 1 or _starts_clear(after, bounded_right))
    return _not_word(op, av)


def _not_word(op: Any, av: Any) -> bool:
    """A single character that is never a word character."""
    if op is _sre.LITERAL:
        return not is_word(chr(av))
    if op is _sre.IN:
        return all(
            (item_op is _sre.LITERAL and not is_word(chr(item_av)))
            or (item_op is _sre.CATEGORY
                and item_av in (_sre.CATEGORY_SPACE, _sre.CATEGORY_NOT_WORD))
            for item_op, item_av in av)
    return False
