"""The rules file: strings in, a rule set or every located problem out."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

import pytest

from inbox_assistant.domain.errors import RulesFileError
from inbox_assistant.domain.model import Me, Thread
from inbox_assistant.domain.situations import Situation
from inbox_assistant.rules.conditions import AllOf, AnyOf, Scope, Test, trace
from inbox_assistant.rules.loader import compile_rules, default_rules_text, load_rules

BASE = tomllib.loads(default_rules_text())


def user(text: str) -> list[str] | None:
    try:
        compile_rules(BASE, tomllib.loads(text), "rules.toml")
    except RulesFileError as exc:
        return exc.problems
    return None


def test_the_shipped_rules_load() -> None:
    rules = load_rules(None)
    assert {r.situation for r in rules.rules} == set(Situation)
    assert set(rules.signals) == {"auto_reply", "automated", "acknowledged", "closure",
                                    "help_given", "help_to_come", "news_to_come", "finished",
                                    "phone"}


@pytest.mark.parametrize(("text", "expected"), [
    ('version = 1\n[[rules]]\nname = "x"\nsituation = "interview"\nwhen = { subjct = ["a"] }',
     'rule[0] "x" > when > subjct: unknown condition (did you mean "subject"?)'),
    ('version = 1\n[[rules]]\nname = "x"\nsituation = "interviews"\nwhen = { subject = ["a"] }',
     "(did you mean \"interview\"?)"),
    ('version = 1\n[[rules]]\nname = "x"\nsituation = "interview"\nwhen = { text_regex = "(" }',
     'rule[0] "x" > when > text_regex: invalid regular expression'),
    ('version = 1\n[windows]\nintroduction = { opens = "3d", closes = "1d" }',
     "windows > introduction: closes before it opens"),
    ('version = 1\n[windows]\nintroduction = { opens = "soon" }',
     'windows > introduction: expected a duration'),
    ('version = 2', "version: expected `version = 1`"),
    ('version = 1\n[[rules]]\nname = "x"\nsituation = "none"\nwhen = { any = [] }',
     'rule[0] "x" > when > any: expected a list of condition tables'),
    ('version = 1\n[[rules]]\nname = "x"\nsituation = "none"\nwhen = { people_min = "2" }',
     "expected a whole number"),
    ('version = 1\nwindow = {}', 'window: unknown key (did you mean "windows"?)'),
    ('version = 1\n[[rules]]\nname = "x"\nsituation = "none"\nbefore = "nope"\n'
     'when = { from_me = true }',
     'no rule named "nope"'),
    ('version = 1\n[[rules]]\nname = "x"\nsituation = "none"\nwhen = { signal = "closed" }',
     'rule[0] "x" > when > signal: expected one of auto_reply, automated'),
    ('version = 1\n[signals.finished]\nsignal = "closure"',
     "signals > finished > signal: a signal cannot ask for a signal"),
])
def test_problems_name_their_location(text: str, expected: str) -> None:
    problems = user(text)
    assert problems is not None
    assert any(expected in p for p in problems), problems


def test_every_problem_is_reported_at_once() -> None:
    problems = user('version = 1\n[[rules]]\nname = "a"\nsituation = "bad"\n'
                    'when = { subject = ["x"] }'
                    '\n[[rules]]\nname = "b"\nsituation = "none"\nwhen = { nope = 1 }')
    assert problems is not None and len(problems) == 2


def test_user_rules_override_disable_and_add(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        'version = 1\n'
        '[windows]\nresume_submitted = { opens = "3d" }\n'
        '[[rules]]\nname = "new-contact"\nenabled = false\n'
        '[[rules]]\nname = "my-recruiters"\nsituation = "resume_submitted"\n'
        'when = { from_domain = ["talent.example"] }\n', encoding="utf-8")
    rules = load_rules(path)
    names = [r.name for r in rules.rules]
    assert "new-contact" not in names
    assert names[0] == "my-recruiters"
    assert rules.rules[0].origin == str(path)
    assert rules.windows.resume_submitted.opens == timedelta(days=3)
    assert rules.windows.resume_submitted.closes == timedelta(days=7)


def test_invalid_toml_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("version = 1\n[[rules]\n", encoding="utf-8")
    with pytest.raises(RulesFileError, match="not valid TOML"):
        load_rules(path)


def test_a_rule_may_ask_for_a_signal() -> None:
    from inbox_assistant.rules.conditions import Scope, evaluate
    from tests.builders import ME, ago, msg, thread

    rules = compile_rules(BASE, tomllib.loads(
        'version = 1\n[[rules]]\nname = "done"\nsituation = "help_offered"\n'
        'when = { signal = "help_given" }\n'
        '[signals.help_given]\ntext = ["on sandra\'s desk"]\n'), "rules.toml")
    (done,) = [r for r in rules.rules if r.name == "done"]

    def holds(text: str) -> bool:
        sent = thread(msg("Lee <lee@acme.example>", ago(1), text))
        return evaluate(done.when, Scope(sent, sent.messages, ME))

    # The user's own signal, merged over the default, is the one asked.
    assert holds("Your CV is on Sandra's desk.")
    assert not holds("Your CV is in Sandra's hands.")


def _recording(name: str, answer: bool, ran: list[str]) -> Test:
    def check(scope: Scope) -> bool:
        ran.append(name)
        return answer
    return Test(name, name, check)


def test_all_and_any_run_their_cheapest_test_first_and_explain_in_written_order() -> None:
    ran: list[str] = []
    costly = _recording("thread_text", True, ran)
    cheap = _recording("from_me", False, ran)
    scope = Scope(Thread("t", ()), (), Me("me@example.com"))
    assert not AllOf((costly, cheap)).holds(scope)
    assert ran == ["from_me"]  # false already: the quoted history is never read
    ran.clear()
    assert AnyOf((_recording("thread_text", False, ran), _recording("label", True, ran))
                 ).holds(scope)
    assert ran == ["label"]
    ran.clear()
    explained = trace(AllOf((costly, cheap)), scope)
    assert [c.label for c in explained.children] == ["thread_text", "from_me"]
    assert not explained.result
