"""The fixed vocabulary of rule conditions, and their evaluation with a trace.

A condition is evaluated on a `Scope`: a thread and the messages in view. Rules see
every sent message of the thread; signals (auto-reply, closure...) see one message
at a time. Every condition has a name, a documented argument and a pure check.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from inbox_assistant.domain.lazy import lazy
from inbox_assistant.domain.model import Me, Message, Thread
from inbox_assistant.domain.recipients import introduced_contact
from inbox_assistant.domain.textdates_words import CJK_LETTERS, lower_reads_as_ignorecase
from inbox_assistant.domain.verdict import ConditionTrace
from inbox_assistant.rules.pieces import (
    is_word,
    lowered_twin,
    required_pieces,
    required_words,
    searcher,
)


# Not frozen: a scope is made for every message of every thread, and a frozen dataclass
# is slower to build. Nothing changes it once made.
@dataclass
class Scope:
    thread: Thread
    messages: tuple[Message, ...]
    me: Me

    @classmethod
    def of_message(cls, thread: Thread, message: Message, me: Me, by_me: bool) -> Scope:
        """The scope of one message whose writer is known: signals read it for every message."""
        scope = cls(thread, (message,), me)
        scope.__dict__["mine"], scope.__dict__["theirs"] = (
            ((message,), ()) if by_me else ((), (message,)))
        return scope

    @lazy
    def alone(self) -> dict[str, Scope]:
        """The scope of each message in view alone, made once for all the signals asked of
        it (see `one`)."""
        return {}

    @lazy
    def answers(self) -> dict[str, bool]:
        """The signals asked of this scope's one message, by name, with their answers: a rule
        and the status logic asking the same signal of the same message get one answer."""
        return {}

    def one(self, message: Message) -> Scope:
        """The scope of one message in view alone, as signals read it."""
        alone = self.alone
        scope = alone.get(message.id)
        if scope is None:
            scope = alone[message.id] = Scope.of_message(
                self.thread, message, self.me, self.me.wrote(message))
        return scope

    def ask(self, name: str, holds: Holds) -> bool:
        """The answer of the signal `name` (compiled as `holds`) on this one-message scope,
        worked out once."""
        answers = self.answers
        answer = answers.get(name)
        if answer is None:
            answer = answers[name] = bool(holds(self))
        return answer

    @lazy
    def mine(self) -> tuple[Message, ...]:
        return tuple(m for m in self.messages if self.me.wrote(m))

    @lazy
    def theirs(self) -> tuple[Message, ...]:
        return tuple(m for m in self.messages if not self.me.wrote(m))

    # The new texts of the messages, gathered once for every rule: after the first read
    # each is a plain attribute.
    @lazy
    def texts_any(self) -> tuple[str, ...]:
        return tuple(m.new_text for m in self.messages if m.new_text)

    @lazy
    def texts_mine(self) -> tuple[str, ...]:
        return tuple(m.new_text for m in self.mine if m.new_text)

    @lazy
    def texts_theirs(self) -> tuple[str, ...]:
        return tuple(m.new_text for m in self.theirs if m.new_text)

    @lazy
    def subjects(self) -> tuple[str, ...]:
        return tuple(m.subject for m in self.messages if m.subject)

    # The words of those texts together (see `_reading`), read once for every list: a list
    # holding none of them is refused without a look at any one text.
    @lazy
    def words_any(self) -> ScopeWords:
        return _words_of(self.texts_any)

    @lazy
    def words_mine(self) -> ScopeWords:
        return _words_of(self.texts_mine)

    @lazy
    def words_theirs(self) -> ScopeWords:
        return _words_of(self.texts_theirs)


# A check's answer: true or false, or for text conditions the text that matched (or None),
# which explanations show.
Check = Callable[[Scope], "bool | str | None"]


# What a node's compiled test returns: any value, read for its truth (a text condition
# answers with the text it matched), so that a test is its check with no call around it.
Holds = Callable[[Scope], object]


# Each node of a condition builds, once, the function that evaluates it: every rule runs
# on every thread of every scan, and a tree walk per evaluation costs more than the tests.


@dataclass(frozen=True, slots=True)
class Test:
    name: str
    label: str
    check: Check
    holds: Holds = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "holds", self.check)


@dataclass(frozen=True, slots=True)
class AllOf:
    children: tuple[Condition, ...]
    holds: Holds = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "holds", _every(_cheapest_first(self.children)))


@dataclass(frozen=True, slots=True)
class AnyOf:
    children: tuple[Condition, ...]
    holds: Holds = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "holds", _some(_cheapest_first(self.children)))


@dataclass(frozen=True, slots=True)
class NotOf:
    child: Condition
    holds: Holds = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        test = self.child.holds
        object.__setattr__(self, "holds", lambda scope: not test(scope))


Condition = Test | AllOf | AnyOf | NotOf


# What a test costs, roughly, to evaluate on a thread: who wrote what, headers and labels
# cost next to nothing; phrases cost more in the new texts than in subjects, more again as an
# expression, and most in the whole thread (quoted history) or as a signal asked of each
# message. Unnamed here: next to nothing.
_COST: dict[str, int] = {
    "people_min": 2, "people_max": 2, "introduces": 2, "wrote_to_someone_new": 2,
    "attachment": 2, "my_attachment": 2, "their_attachment": 2, "calendar_summary": 2,
    "subject": 3, "words_max": 3, "subject_regex": 4, "my_text": 5, "their_text": 5,
    "text": 6, "my_text_regex": 7, "their_text_regex": 7, "text_regex": 8,
    "thread_text": 15, "signal": 20,
}


def cost(condition: Condition) -> int:
    """A rough price of evaluating the condition: the sum of its tests' prices."""
    if isinstance(condition, Test):
        return _COST.get(condition.name, 1)
    if isinstance(condition, NotOf):
        return cost(condition.child)
    return sum(cost(c) for c in condition.children)


def _cheapest_first(children: tuple[Condition, ...]) -> tuple[Holds, ...]:
    # Tests are pure, so `all` and `any` hold alike in any order: the cheap ones run first,
    # and a thread is often decided before a text is read. Explanations keep the order the
    # rules are written in.
    return tuple(c.holds for c in sorted(children, key=cost))


# Two or three tests (most nodes) are joined by `and`/`or` directly: cheaper than a loop.
def _every(tests: tuple[Holds, ...]) -> Holds:
    if len(tests) == 2:
        first, second = tests
        return lambda scope: first(scope) and second(scope)
    if len(tests) == 3:
        first, second, third = tests
        return lambda scope: first(scope) and second(scope) and third(scope)

    def holds(scope: Scope) -> bool:
        for test in tests:  # noqa: SIM110 - a loop is cheaper than all() over a generator
            if not test(scope):
                return False
        return True
    return holds


def _some(tests: tuple[Holds, ...]) -> Holds:
    if len(tests) == 2:
        first, second = tests
        return lambda scope: first(scope) or second(scope)
    if len(tests) == 3:
        first, second, third = tests
        return lambda scope: first(scope) or second(scope) or third(scope)

    def holds(scope: Scope) -> bool:
        for test in tests:  # noqa: SIM110 - a loop is cheaper than any() over a generator
            if test(scope):
                return True
        return False
    return holds


def evaluate(condition: Condition, scope: Scope) -> bool:
    """The condition's result, short-circuiting like Python's `and`/`or`."""
    return bool(condition.holds(scope))


def trace(condition: Condition, scope: Scope) -> ConditionTrace:
    """The condition's result with every part evaluated, for explanations."""
    if isinstance(condition, Test):
        found = condition.check(scope)
        label = condition.label
        if isinstance(found, str) and found:
            label += f' (matched "{" ".join(found.split())[:60]}")'
        return ConditionTrace(label, bool(found))
    if isinstance(condition, NotOf):
        inner = trace(condition.child, scope)
        return ConditionTrace("not", not inner.result, (inner,))
    children = tuple(trace(c, scope) for c in condition.children)
    if isinstance(condition, AllOf):
        return ConditionTrace("all", all(c.result for c in children), children)
    return ConditionTrace("any", any(c.result for c in children), children)


# --- argument parsers: each returns the compiled argument or raises ValueError ---------

# Words as the phrase expressions see them: runs of word characters.
_TOKEN = re.compile(r"\w+")
# The words a text is pre-tested on: three letters or more. Shorter ones ("a", "to", "de")
# are in nearly every text and rule out nothing; leaving them out makes the sets smaller.
_LONG_TOKEN = re.compile(r"\w{3,}")


def _straight(text: str) -> str:
    # Phones and Outlook type a curly apostrophe: "I’ll" matches a phrase written "i'll".
    return text.replace("\u2019", "'")


def _fold(phrase: str) -> str:
    """A phrase in the form texts are searched in: lower case, straight apostrophes."""
    return _straight(phrase.lower())


@lru_cache(maxsize=8192)
def _lowered(text: str) -> str:
    return text.lower()


def _lower(text: str) -> str:
    # A text is lower-cased once, for the phrases and for the expressions' pieces alike.
    return _straight(_lowered(text))


# The same words in a lower-cased ASCII text, where a character class is read faster than
# the Unicode categories of \w.
_ASCII_TOKEN = re.compile(r"[a-z0-9_]{3,}")


# Every word a phrase list or an expression is pre-tested on. A text's words are kept
# only where they are in it: the set tests against each list then run over a handful of
# words, not over every word of a long text.
_VOCABULARY: set[str] = set()


def _learn(words: Iterable[str]) -> None:
    """Add the words a new phrase list or expression is pre-tested on to the vocabulary."""
    before = len(_VOCABULARY)
    _VOCABULARY.update(words)
    if len(_VOCABULARY) != before:
        _reading.cache_clear()  # texts read before knew fewer words


@lru_cache(maxsize=8192)
def _reading(text: str) -> tuple[AbstractSet[str], str | None]:
    """What every phrase list and expression reads of a text, read once: its words (those
    any of them is pre-tested on), and the text lower-cased when an expression ignoring
    case reads that as it reads the text (None when it does not: "ſend" is "send" to the
    expression, not to str.lower())."""
    lowered = _lowered(text)
    words = _straight(lowered)
    tokens = _VOCABULARY.intersection(
        (_ASCII_TOKEN if words.isascii() else _LONG_TOKEN).findall(words))
    return tokens, (lowered if lower_reads_as_ignorecase(text) else None)


def _tokens(text: str) -> AbstractSet[str]:
    return _reading(text)[0]


# Some texts' words together, and whether every one of them reads lower-cased as an
# expression ignoring case reads it (only then can an expression be refused by its words).
ScopeWords = tuple[AbstractSet[str], bool]


def _words_of(texts: Sequence[str]) -> ScopeWords:
    if len(texts) == 1:
        words, lowered = _reading(texts[0])
        return words, lowered is not None
    together: set[str] = set()
    faithful = True
    for text in texts:
        words, lowered = _reading(text)
        together |= words
        faithful = faithful and lowered is not None
    return together, faithful


class Phrases:
    """Phrases matched as whole words, in any case, across any white space.

    A phrase can only match a text that holds all its words: that set test, on the
    text's words (of three letters or more) read once, is far cheaper than looking for the
    phrase, and rules out nearly every phrase of every list. The few left are looked for
    as they are written in the text lower-cased with its white space made single spaces.
    """

    def __init__(self, phrases: Sequence[str]) -> None:
        keyed: dict[str, list[tuple[frozenset[str], str]]] = {}
        # A phrase with no word of three letters ("<>", "cv") cannot be pre-tested: it is
        # always looked for.
        self.unkeyed: list[str] = []
        # Japanese, Chinese and Korean run their words together ("今回はご縁がなかった"): a
        # phrase in those scripts is looked for anywhere in a text that is not plain ASCII.
        self.runs: list[str] = []
        for phrase in phrases:
            folded = " ".join(_fold(phrase).split())
            if _CJK.search(folded):
                self.runs.append(folded)
                continue
            words = frozenset(w for w in _TOKEN.findall(folded) if len(w) >= 3)
            if words:
                # Filed under its longest word: a text's words pick the phrases to check.
                keyed.setdefault(max(sorted(words), key=len), []).append((words, folded))
            else:
                self.unkeyed.append(folded)
        self.by_key = keyed
        self.keys = frozenset(keyed)
        # Texts holding none of these words cannot match (None: any text might).
        self.gate = None if self.unkeyed or self.runs else self.keys
        _learn(w for entries in keyed.values() for words, _ in entries for w in words)

    def search(self, text: str) -> str | None:
        """The phrase found first in the text (the longest of those found there); None."""
        return self._search(text, _tokens(text))

    def _search(self, text: str, tokens: AbstractSet[str]) -> str | None:
        found: str | None = None
        at = -1
        spaced = _spaced(text) if self.unkeyed else ""
        for phrase in self.unkeyed:
            i = _find_word(spaced, phrase)
            if i >= 0 and (found is None or i < at or (i == at and len(phrase) > len(found))):
                found, at = phrase, i
        if self.runs and _has_cjk(text):
            spaced = spaced or _spaced(text)
            for phrase in self.runs:
                i = spaced.find(phrase)
                if i >= 0 and (found is None or i < at
                               or (i == at and len(phrase) > len(found))):
                    found, at = phrase, i
        if self.keys.isdisjoint(tokens):
            return found
        # Plain loops, no list of candidates gathered first: this runs for every phrase list
        # on every text of every thread.
        for key in self.keys.intersection(tokens):
            for words, phrase in self.by_key[key]:
                if words <= tokens:
                    if not spaced:
                        spaced = _spaced(text)
                    i = _find_word(spaced, phrase)
                    if i >= 0 and (found is None or i < at
                                   or (i == at and len(phrase) > len(found))):
                        found, at = phrase, i
        return found

    def first(self, texts: Sequence[str]) -> str | None:
        """What the first text that matches matched; None when none does."""
        keys, search, unkeyed, runs = self.keys, self._search, self.unkeyed, self.runs
        for text in texts:
            if not text:
                continue
            tokens = _reading(text)[0]
            # The cheap refusal inline: one call per text would cost more than the test.
            if unkeyed or not keys.isdisjoint(tokens) or (runs and _has_cjk(text)):
                found = search(text, tokens)
                if found is not None:
                    return found
        return None

    def first_unread(self, texts: Sequence[str]) -> str | None:
        """`first`, for texts no other list reads (quoted history): a text that holds none of
        the list's words even as substrings is passed over before its words are read."""
        keys = self.keys
        if self.unkeyed or self.runs or len(keys) > _FEW_KEYS:
            return self.first(texts)
        for text in texts:
            if text:
                lowered = _lowered(text)
                for key in keys:
                    if key in lowered:
                        found = self.search(text)
                        if found is not None:
                            return found
                        break
        return None


# Japanese, Chinese and Korean letters, and the CJK compatibility ideographs.
_CJK = re.compile(f"[{CJK_LETTERS}\uf900-\ufaff]")


@lru_cache(maxsize=8192)
def _has_cjk(text: str) -> bool:
    return not text.isascii() and _CJK.search(text) is not None


# Up to this many words, looking for each in a long text costs less than reading its words.
_FEW_KEYS = 64


@lru_cache(maxsize=1024)
def _spaced(text: str) -> str:
    # Read only for the few texts that hold a phrase's words.
    return " ".join(_lower(text).split())


def _find_word(text: str, phrase: str) -> int:
    """Where `phrase` first stands in `text` as whole words, else -1."""
    i = text.find(phrase)
    while i >= 0:
        j = i + len(phrase)
        if (i == 0 or not is_word(text[i - 1])) and (j == len(text) or not is_word(text[j])):
            return i
        i = text.find(phrase, i + 1)
    return -1


def _phrases(value: Any) -> Phrases:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(
        isinstance(i, str) and i.strip() for i in items
    ):
        raise ValueError("expected a phrase or a non-empty list of phrases")
    return Phrases(items)


class Regex:
    """A regular expression, run only on texts that hold one of the pieces it needs.

    "\\bsend me your (resume|cv)" cannot match a text without "send": a substring test of
    the lower-cased text is far cheaper than the expression (see `pieces`).
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.words = required_words(pattern)
        self.needs = None if self.words else required_pieces(pattern)
        if self.words:
            _learn(self.words)
        # Texts holding none of these words cannot match (None: any text might).
        self.gate = self.words or None
        twin = lowered_twin(pattern)
        self.search_text = searcher(pattern)
        self.search_lowered = None if twin is None else searcher(twin)

    def search(self, text: str) -> re.Match[str] | None:
        # The text's words are read once for every phrase list and expression.
        tokens, lowered = _reading(text)
        if lowered is None:
            return self.search_text(text)
        if self.words is not None and self.words.isdisjoint(tokens):
            return None
        return self._past_words(text, lowered)

    def _past_words(self, text: str, lowered: str) -> re.Match[str] | None:
        """`search` past the test of the text's words, on a text str.lower() reads faithfully."""
        if self.needs is not None:
            for piece in self.needs:
                if piece in lowered:
                    break
            else:
                return None
        if self.search_lowered is not None:
            return self.search_lowered(lowered)
        return self.search_text(text)

    def first(self, texts: Sequence[str]) -> str | None:
        """What the first text that matches matched; None when none does."""
        words = self.words
        for text in texts:
            if not text:
                continue
            # `search` inline: most texts end at the test of their words.
            tokens, lowered = _reading(text)
            if lowered is None:
                match = self.search_text(text)
            elif words is not None and words.isdisjoint(tokens):
                continue
            else:
                match = self._past_words(text, lowered)
            if match is not None:
                return match.group(0) or "(empty match)"
        return None


def _at_most_words(text: str, most: int) -> bool:
    # Split no further than needed: a long text is over the limit after `most` words.
    return len(text.split(None, most)) <= most


def _compiled(value: Any) -> re.Pattern[str]:
    if not isinstance(value, str) or not value:
        raise ValueError("expected a regular expression")
    try:
        return re.compile(value, re.IGNORECASE | re.MULTILINE)
    except re.error as exc:
        raise ValueError(f"invalid regular expression: {exc}") from None


def _regex(value: Any) -> Regex:
    return Regex(_compiled(value))


def _who(value: Any) -> str:
    if value not in ("me", "them"):
        raise ValueError('expected "me" or "them"')
    return str(value)


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("expected a whole number >= 0")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


def _patterns(value: Any) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(i, str) for i in items):
        raise ValueError("expected a pattern or a non-empty list of patterns")
    return tuple(i.lower() for i in items)


def _header_regexes(value: Any) -> tuple[tuple[str, re.Pattern[str]], ...]:
    if not isinstance(value, dict) or not value:
        raise ValueError('expected a table of header = "regex"')
    return tuple((str(k).lower(), _compiled(v)) for k, v in value.items())


# --- the checks ---------------------------------------------------------------------

@lru_cache(maxsize=256)
def _glob(patterns: tuple[str, ...]) -> re.Pattern[str]:
    # One expression for the whole list: a sender is tested once, not once per pattern.
    return re.compile("|".join(fnmatch.translate(p) for p in patterns))


def _address_matches(address: str, patterns: tuple[str, ...]) -> bool:
    return _glob(patterns).match(address) is not None


def _domains(value: Any) -> frozenset[str]:
    return frozenset(_patterns(value))


def _domain_matches(domain: str, wanted: frozenset[str]) -> bool:
    # "mail.lever.co" is in "lever.co": the domain and each of its parents looked up.
    while domain:
        if domain in wanted:
            return True
        domain = domain.partition(".")[2]
    return False


def _text_check(who: str) -> Callable[[Phrases | Regex], Check]:
    def build(pattern: Phrases | Regex) -> Check:
        first, gate = pattern.first, pattern.gate
        if gate is None:
            if who == "me":
                return lambda s: first(s.texts_mine)
            if who == "them":
                return lambda s: first(s.texts_theirs)
            return lambda s: first(s.texts_any)
        # Most lists hold none of the words of a scope's texts: refused by one set test.
        if isinstance(pattern, Phrases):
            if who == "me":
                return lambda s: None if gate.isdisjoint(s.words_mine[0]) else first(s.texts_mine)
            if who == "them":
                return lambda s: (None if gate.isdisjoint(s.words_theirs[0])
                                  else first(s.texts_theirs))
            return lambda s: None if gate.isdisjoint(s.words_any[0]) else first(s.texts_any)
        # An expression is refused so only where every text is read faithfully lower-cased.
        if who == "me":
            return lambda s: (None if (w := s.words_mine)[1] and gate.isdisjoint(w[0])
                              else first(s.texts_mine))
        if who == "them":
            return lambda s: (None if (w := s.words_theirs)[1] and gate.isdisjoint(w[0])
                              else first(s.texts_theirs))
        return lambda s: (None if (w := s.words_any)[1] and gate.isdisjoint(w[0])
                          else first(s.texts_any))
    return build


def _file_names(messages: Sequence[Message]) -> list[str]:
    # "Jane_Doe-CV.pdf" reads as the words "Jane Doe CV pdf".
    return [re.sub(r"[_\-.]+", " ", a.filename) for m in messages for a in m.attachments]


def _people(scope: Scope) -> int:
    seen = {a.email for m in scope.thread.sent for a in (m.sender, *m.to, *m.cc)}
    return len({e for e in seen if e and e not in scope.me.addresses})


def _first_theirs(scope: Scope) -> Message | None:
    return next((m for m in scope.messages if not scope.me.wrote(m)), None)


def _only_cc(scope: Scope) -> bool:
    first = _first_theirs(scope)
    if first is None:
        return False
    return not any(scope.me.owns(a) for a in first.to)


def _to_me_alone(scope: Scope) -> bool:
    first = _first_theirs(scope)
    return first is not None and all(scope.me.owns(a) for a in (*first.to, *first.cc))


def _wrote_to_someone_new(scope: Scope) -> bool:
    """A message you wrote is addressed (To) to someone with no part in the thread before it:
    told "send your CV straight to Karim", you did."""
    me, seen = scope.me, set[str]()
    for message in scope.messages:
        if me.wrote(message) and any(
                a.email not in seen and not me.owns(a) for a in message.to):
            return True
        seen.update(a.email for a in (message.sender, *message.to, *message.cc))
    return False


def _introduces(scope: Scope) -> bool:
    return bool(scope.messages) and introduced_contact(scope.messages[0], scope.me) is not None


def _first_from(who: str) -> Check:
    return lambda s: bool(s.messages) and (s.me.wrote(s.messages[0]) == (who == "me"))


def _last_from(who: str) -> Check:
    return lambda s: bool(s.messages) and (s.me.wrote(s.messages[-1]) == (who == "me"))


# The conditions asked of nearly every thread are plain loops: a generator per message
# costs more than the test it runs.
def _sender_matches(patterns: tuple[str, ...]) -> Check:
    match = _glob(patterns).match

    def check(scope: Scope) -> bool:
        for message in scope.messages:  # noqa: SIM110
            if match(message.sender.email) is not None:
                return True
        return False
    return check


def _sender_domain_in(wanted: frozenset[str]) -> Check:
    def check(scope: Scope) -> bool:
        for message in scope.messages:  # noqa: SIM110
            if _domain_matches(message.sender.domain, wanted):
                return True
        return False
    return check


def _has_label(labels: tuple[str, ...]) -> Check:
    def check(scope: Scope) -> bool:
        for message in scope.messages:  # noqa: SIM110
            if not message.labels.isdisjoint(labels):
                return True
        return False
    return check


# Header names are lower-cased when the rules load, as messages keep them: a plain look-up
# per message, asked of every message of nearly every thread (auto-replies, bulk mail).
def _has_header(names: tuple[str, ...]) -> Check:
    def check(scope: Scope) -> bool:
        for message in scope.messages:
            headers = message.headers
            for name in names:
                if headers.get(name):
                    return True
        return False
    return check


def _header_matches(pairs: tuple[tuple[str, re.Pattern[str]], ...]) -> Check:
    # A missing header reads as an empty value: only an expression that matches an empty
    # text ("^$") holds for it, and whether it does is known once.
    tests = tuple((name, rx.search, rx.search("") is not None) for name, rx in pairs)

    def check(scope: Scope) -> bool:
        for message in scope.messages:
            headers = message.headers
            for name, search, empty in tests:
                value = headers.get(name)
                if (search(value) is not None) if value else empty:
                    return True
        return False
    return check


def _signal_name(value: Any) -> str:
    if value not in SIGNAL_NAMES:
        raise ValueError(f"expected one of {', '.join(SIGNAL_NAMES)}")
    return str(value)


def _needs_signals(name: str) -> Check:
    raise AssertionError("the loader builds `signal` conditions")


@dataclass(frozen=True, slots=True)
class ConditionSpec:
    name: str
    argument: str
    doc: str
    parse: Callable[[Any], Any]
    build: Callable[[Any], Check]
    example: str


def _spec(name: str, argument: str, doc: str, parse: Callable[[Any], Any],
          build: Callable[[Any], Check], example: str) -> ConditionSpec:
    return ConditionSpec(name, argument, doc, parse, build, example)



VOCABULARY: dict[str, ConditionSpec] = {spec.name: spec for spec in (
    _spec("subject", "phrases", "A phrase appears in the subject of a message in view.",
          _phrases, lambda p: lambda s: p.first(s.subjects),
          'subject = ["interview", "phone screen"]'),
    _spec("subject_regex", "regex", "The regular expression matches a subject.",
          _regex, lambda p: lambda s: p.first(s.subjects),
          r'subject_regex = "^(re: )?application"'),
    _spec("text", "phrases", "A phrase appears in the new (unquoted) text of any message.",
          _phrases, _text_check("any"), 'text = ["nice to meet you"]'),
    _spec("text_regex", "regex", "The regular expression matches the new text of a message.",
          _regex, _text_check("any"), r'text_regex = "\\bintroduc(e|ing)\\b"'),
    _spec("my_text", "phrases", "A phrase appears in the new text of a message you wrote.",
          _phrases, _text_check("me"), 'my_text = ["attached my resume"]'),
    _spec("their_text", "phrases", "A phrase appears in the new text of a message they wrote.",
          _phrases, _text_check("them"), 'their_text = ["happy to help"]'),
    _spec("my_text_regex", "regex",
          "The regular expression matches the new text of a message you wrote.",
          _regex, _text_check("me"), r'my_text_regex = "\\bi applied\\b"'),
    _spec("their_text_regex", "regex",
          "The regular expression matches the new text of a message they wrote.",
          _regex, _text_check("them"), r'their_text_regex = "\\bsend me your (\\w+ )?cv\\b"'),
    _spec("thread_text", "phrases",
          "A phrase appears anywhere: subjects, new and quoted text, signatures.",
          # Each part searched on its own: the same strings on every run, their words
          # read once. Quoted history and signatures, which no other condition reads, are
          # first looked through for the list's words as plain substrings.
          _phrases, lambda p: lambda s: p.first(
              [part for m in s.messages for part in (m.subject, m.new_text)]
          ) or p.first_unread([part for m in s.messages for part in (m.quoted_text,
                                                                     m.signature)]),
          'thread_text = ["offer letter"]'),
    _spec("first_from", "me | them", "Who wrote the first message in view.",
          _who, _first_from, 'first_from = "them"'),
    _spec("last_from", "me | them", "Who wrote the last message in view.",
          _who, _last_from, 'last_from = "me"'),
    _spec("from_me", "true | false", "Some message in view was written by you (or none was).",
          _flag, lambda f: lambda s: bool(s.mine) == f, "from_me = true"),
    _spec("people_min", "number",
          "At least this many people other than you take part in the thread.",
          _count, lambda n: lambda s: _people(s) >= n, "people_min = 2"),
    _spec("people_max", "number", "At most this many people other than you take part.",
          _count, lambda n: lambda s: _people(s) <= n, "people_max = 1"),
    _spec("from_address", "patterns",
          "A message in view comes from an address matching a pattern (* and ? wildcards).",
          _patterns, _sender_matches, 'from_address = ["no-reply@*", "*@greenhouse.io"]'),
    _spec("from_name", "phrases",
          "A message in view comes from a sender whose display name has a phrase "
          '("Irene Vaschetto | Career Coach", "Jobs via LinkedIn").',
          _phrases, lambda p: lambda s: p.first([m.sender.name for m in s.messages]),
          'from_name = ["career coach", "talent acquisition"]'),
    _spec("from_domain", "domains",
          "A message in view comes from one of these domains (or their subdomains).",
          _domains, _sender_domain_in, 'from_domain = ["greenhouse.io", "lever.co"]'),
    _spec("to_address", "patterns", "A recipient (To or Cc) matches a pattern.",
          _patterns, lambda p: lambda s: any(
              _address_matches(a.email, p) for m in s.messages for a in m.recipients),
          'to_address = ["jobs@*", "careers@*"]'),
    _spec("to_domain", "domains", "A recipient (To or Cc) is in one of these domains.",
          _domains, lambda d: lambda s: any(
              _domain_matches(a.domain, d) for m in s.messages for a in m.recipients),
          'to_domain = ["recruiting.example.com"]'),
    _spec("only_cc", "true | false",
          "You are only in Cc or Bcc of the first message from them (not in To).",
          _flag, lambda f: lambda s: _only_cc(s) == f, "only_cc = true"),
    _spec("to_me_alone", "true | false",
          "The first message from them is addressed to you alone (nobody else in To or Cc).",
          _flag, lambda f: lambda s: _to_me_alone(s) == f, "to_me_alone = false"),
    _spec("wrote_to_someone_new", "true | false",
          "A message you wrote is addressed (in To) to someone who had no part in the thread "
          "before it: not its sender, nor in its To or Cc.",
          _flag, lambda f: lambda s: _wrote_to_someone_new(s) == f,
          "wrote_to_someone_new = true"),
    _spec("introduces", "true | false",
          "The first message in view has an introduction's shape: someone else's mail to you "
          "and one other person, at another domain than theirs, whom it names.",
          _flag, lambda f: lambda s: _introduces(s) == f, "introduces = true"),
    _spec("attachment", "phrases", "An attachment's file name contains a phrase.",
          _phrases, lambda p: lambda s: p.first(_file_names(s.messages)),
          'attachment = ["resume", "cv", "cover letter"]'),
    _spec("my_attachment", "phrases",
          "A file you attached (to a message you wrote) has a phrase in its name.",
          _phrases, lambda p: lambda s: p.first(_file_names(s.mine)),
          'my_attachment = ["resume", "cv"]'),
    _spec("their_attachment", "phrases",
          "A file they attached (to a message they wrote) has a phrase in its name.",
          _phrases, lambda p: lambda s: p.first(_file_names(s.theirs)),
          'their_attachment = ["resume", "cv"]'),
    _spec("attachment_type", "patterns", "An attachment's MIME type matches a pattern.",
          _patterns, lambda p: lambda s: any(
              _address_matches(a.mime_type.lower(), p) for m in s.messages
              for a in m.attachments),
          'attachment_type = ["application/pdf"]'),
    _spec("header", "names", "A message in view carries one of these headers.",
          _patterns, _has_header, 'header = ["List-Id", "List-Unsubscribe"]'),
    _spec("header_regex", "table", "A header's value matches the regular expression.",
          _header_regexes, _header_matches, 'header_regex = { Precedence = "bulk|list|junk" }'),
    _spec("label", "labels", "A message in view carries one of these Gmail labels.",
          lambda v: tuple(x.upper() for x in _patterns(v)), _has_label,
          'label = ["CATEGORY_PROMOTIONS"]'),
    _spec("calendar", "true | false",
          "A message in view carries a calendar event that is not cancelled.",
          _flag, lambda f: lambda s: any(
              not e.cancelled for m in s.messages for e in m.events) == f, "calendar = true"),
    _spec("calendar_summary", "phrases",
          "A calendar event (not cancelled) has a phrase in its title.",
          _phrases, lambda p: lambda s: p.first(
              [e.summary for m in s.messages for e in m.events if not e.cancelled]),
          'calendar_summary = ["interview", "phone screen"]'),
    _spec("meeting_time", "true | false",
          "A message in view names a day and a time to meet or talk (\"Tuesday 11/24 at 2pm\").",
          _flag, lambda f: lambda s: any(
              m.dates.meeting is not None for m in s.messages) == f, "meeting_time = true"),
    _spec("words_max", "number", "Each message in view says at most this many new words.",
          _count, lambda n: lambda s: all(_at_most_words(m.new_text, n) for m in s.messages),
          "words_max = 30"),
    _spec("question", "true | false", "The new text of a message in view asks a question.",
          _flag, lambda f: lambda s: any("?" in m.new_text for m in s.messages) == f,
          "question = false"),
    # Built by the loader, which holds the signals: see `signal_check`.
    _spec("signal", "signal name",
          "A message in view shows the signal, as [signals] defines it (auto_reply, automated, "
          "acknowledged, closure, help_given, help_to_come, news_to_come, finished, phone).",
          _signal_name, _needs_signals, 'signal = "help_given"'),
)}

SIGNAL_NAMES = ("auto_reply", "automated", "acknowledged", "closure", "help_given",
                "help_to_come", "news_to_come", "finished", "phone")


def signal_check(name: str, holds: Holds) -> Check:
    """The check of `signal = NAME`: the signal's compiled test, tried on each message in
    view alone, as the status logic tries it (and with the same answer: see `Scope.ask`)."""
    def check(scope: Scope) -> bool:
        one = scope.one
        for message in scope.messages:  # noqa: SIM110 - cheaper than any() over a generator
            if one(message).ask(name, holds):
                return True
        return False
    return check

COMBINATORS = ("all", "any", "not")
