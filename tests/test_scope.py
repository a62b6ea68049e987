"""A scope's shortcuts: lists refused by the words of all its texts at once, and signals
worked out once per message. Neither may change what holds."""

from __future__ import annotations

import random
import re
import tomllib

import pytest

from inbox_assistant.rules.conditions import Condition, Phrases, Scope, signal_check
from inbox_assistant.rules.loader import compile_rules, default_rules_text
from tests.builders import ME, ago, msg, thread

THEM = "Lee Park <lee@acme.example>"
JR = "Jordan Reyes <jordan@example.com>"

PHRASES = ["send me your cv", "happy to help", "put on hold", "thanks"]
PATTERN = r"\bsend\s+me\s+(over\s+)?your\s+(resume|cv)\b"

# Words that make the phrases and the expression, and letters that lower-case apart ("ſ" is
# "s" to an expression ignoring case, not to str.lower()).
WORDS = ["send", "SEND", "ſend", "me", "over", "your", "cv", "\u212av", "resume", "happy",
         "to", "help", "put", "on", "hold", "thanks", "İ", "hello", ",", "\n"]


def _rules() -> dict[str, Condition]:
    lists = repr(PHRASES).replace("'", '"')
    pattern = PATTERN.replace("\\", "\\\\")
    names = []
    lines = []
    for who in ("", "my_", "their_"):
        for kind, value in ((f"{who}text", lists), (f"{who}text_regex", f'"{pattern}"')):
            names.append(kind)
            lines.append(f'[[rules]]\nname = "{kind}"\nsituation = "new_contact"\n'
                         f"when = {{ {kind} = {value} }}\n")
    compiled = compile_rules(tomllib.loads(default_rules_text()),
                             tomllib.loads("version = 1\n" + "\n".join(lines)), "rules.toml")
    return {rule.name: rule.when for rule in compiled.rules if rule.name in names}


def _expected(kind: str, mine: list[str], theirs: list[str]) -> bool:
    texts = {"my": mine, "their": theirs}.get(kind.split("_")[0], mine + theirs)
    if kind.endswith("regex"):
        plain = re.compile(PATTERN, re.IGNORECASE | re.MULTILINE)
        return any(plain.search(t) for t in texts)
    phrases = Phrases(PHRASES)
    return any(phrases.search(t) for t in texts)


def test_a_list_refused_by_the_words_of_every_text_at_once_holds_as_text_by_text() -> None:
    conditions = _rules()
    assert len(conditions) == 6
    rng = random.Random(5)
    for _ in range(1500):
        mine = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8)))
                for _ in range(rng.randint(0, 2))]
        theirs = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8)))
                  for _ in range(rng.randint(0, 2))]
        messages = [msg(JR, ago(5 - i), text) for i, text in enumerate(mine)]
        messages += [msg(THEM, ago(2 - i / 2), text) for i, text in enumerate(theirs)]
        sent = thread(*messages)
        # What the conditions read: each message's new text.
        mine = [m.new_text for m in sent.messages if ME.wrote(m)]
        theirs = [m.new_text for m in sent.messages if not ME.wrote(m)]
        for kind, condition in conditions.items():
            scope = Scope(sent, sent.messages, ME)
            assert bool(condition.holds(scope)) == _expected(kind, mine, theirs), (
                kind, mine, theirs)


@pytest.mark.parametrize("text", ["ſend me your cv", "İ: SEND ME YOUR CV"])
def test_an_expression_is_not_refused_by_words_a_text_lower_cases_apart(text: str) -> None:
    when = _rules()["text_regex"]
    sent = thread(msg(THEM, ago(2), "hello there"), msg(THEM, ago(1), text))
    assert [m.new_text for m in sent.messages] == ["hello there", text]
    assert re.search(PATTERN, text, re.IGNORECASE)
    assert when.holds(Scope(sent, sent.messages, ME))


def test_a_signal_asked_again_of_a_message_is_not_worked_out_again() -> None:
    asked: list[str] = []

    def closure(scope: Scope) -> bool:
        asked.append(scope.messages[0].id)
        return False

    sent = thread(msg(JR, ago(3), "My CV, as promised."), msg(THEM, ago(1), "Got it."))
    scope = Scope(sent, sent.messages, ME)
    check = signal_check("closure", closure)
    assert not check(scope)
    assert not check(scope)
    # The status logic asks through the same scope: the rules' answer stands.
    assert not scope.one(sent.messages[1]).ask("closure", closure)
    assert asked == [m.id for m in sent.messages]
