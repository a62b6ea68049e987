"""Load the rules file: strict TOML, every problem reported at once with its location.

The shipped defaults are a rules file like any other; a user's `rules.toml` merges
over them by rule name: a rule of the same name replaces the default's keys it sets
(`enabled = false` turns it off), a new name is added before the defaults (or where
`before`/`after` says), windows and signals are replaced key by key.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from inbox_assistant.domain.errors import RulesFileError
from inbox_assistant.domain.situations import Situation
from inbox_assistant.domain.windows import WINDOW_NAMES, Window, Windows
from inbox_assistant.rules.conditions import (
    COMBINATORS,
    SIGNAL_NAMES,
    VOCABULARY,
    AllOf,
    AnyOf,
    Condition,
    NotOf,
    Test,
    signal_check,
)

SIGNALS = SIGNAL_NAMES
RULE_KEYS = ("name", "situation", "when", "description", "enabled", "before", "after")
TOP_KEYS = ("version", "windows", "follow_ups", "signals", "rules")
FOLLOW_UP_KEYS = ("max", "after_promise", "promise_grace", "deadline_lead")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|h|d|w)\s*$")
_UNITS = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1),
          "w": timedelta(weeks=1)}


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    situation: Situation
    when: Condition
    description: str = ""
    origin: str = "default"


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    signals: dict[str, Condition]
    windows: Windows = field(default_factory=Windows)


def default_rules_text() -> str:
    return resources.files("inbox_assistant.rules").joinpath("default_rules.toml").read_text(
        encoding="utf-8")


def load_rules(user_file: Path | None = None) -> RuleSet:
    """The effective rules: the shipped defaults merged with the user's file, if any."""
    base = _parse_toml(default_rules_text(), "default rules")
    user: dict[str, Any] = {}
    if user_file is not None and user_file.exists():
        try:
            text = user_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RulesFileError(str(user_file), [f"cannot read: {exc}"]) from None
        user = _parse_toml(text, str(user_file))
    return compile_rules(base, user, str(user_file) if user_file else "rules")


def _parse_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesFileError(source, [f"not valid TOML: {exc}"]) from None


def compile_rules(base: dict[str, Any], user: dict[str, Any], source: str) -> RuleSet:
    problems: list[str] = []
    builder = _Builder(problems)
    for data in (base, user):
        _check_keys(data, TOP_KEYS, "", problems)
        if data and data.get("version") != 1:
            problems.append(f"version: expected `version = 1`, found {data.get('version')!r}")
    windows = builder.windows(base, user)
    signals = builder.signals(base, user)
    rules = builder.rules(base.get("rules", []), user.get("rules", []), source)
    if problems:
        raise RulesFileError(source, problems)
    return RuleSet(rules=rules, signals=signals, windows=windows)


def _suggest(word: str, options: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1)
    return f' (did you mean "{close[0]}"?)' if close else ""


def _check_keys(data: dict[str, Any], allowed: tuple[str, ...], where: str,
                problems: list[str]) -> None:
    for key in data:
        if key not in allowed:
            prefix = f"{where} > " if where else ""
            problems.append(f"{prefix}{key}: unknown key{_suggest(key, allowed)}")


def parse_duration(value: Any) -> timedelta:
    if isinstance(value, str):
        match = _DURATION.match(value)
        if match:
            return float(match.group(1)) * _UNITS[match.group(2)]
    raise ValueError(f'expected a duration like "36h", "2d" or "1w", found {value!r}')


class _Builder:
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        # The compiled signals, once built: rules may ask for one (`signal = "closure"`).
        self.built_signals: dict[str, Condition] | None = None

    def windows(self, base: dict[str, Any], user: dict[str, Any]) -> Windows:
        windows = Windows()
        for data in (base, user):
            table = data.get("windows", {})
            if not isinstance(table, dict):
                self.problems.append("windows: expected a table")
                continue
            for name, spec in table.items():
                where = f"windows > {name}"
                if name not in WINDOW_NAMES:
                    self.problems.append(f"{where}: unknown window{_suggest(name, WINDOW_NAMES)}")
                    continue
                if not isinstance(spec, dict):
                    self.problems.append(f'{where}: expected {{ opens = "1d", closes = "3d" }}')
                    continue
                _check_keys(spec, ("opens", "closes"), where, self.problems)
                current = windows.for_name(name)
                try:
                    opens = parse_duration(spec.get("opens", _fmt(current.opens)))
                    closes = parse_duration(spec.get("closes", _fmt(current.closes)))
                except ValueError as exc:
                    self.problems.append(f"{where}: {exc}")
                    continue
                if closes < opens:
                    self.problems.append(f"{where}: closes before it opens")
                    continue
                changes: dict[str, Any] = {name: Window(opens, closes)}
                windows = replace(windows, **changes)
            follow = data.get("follow_ups", {})
            if not isinstance(follow, dict):
                self.problems.append("follow_ups: expected a table")
                continue
            _check_keys(follow, FOLLOW_UP_KEYS, "follow_ups", self.problems)
            if "max" in follow:
                value = follow["max"]
                if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10:
                    windows = replace(windows, max_follow_ups=value)
                else:
                    self.problems.append("follow_ups > max: expected a whole number 0-10")
            for key in ("after_promise", "promise_grace", "deadline_lead"):
                if key in follow:
                    try:
                        duration: dict[str, Any] = {key: parse_duration(follow[key])}
                        windows = replace(windows, **duration)
                    except ValueError as exc:
                        self.problems.append(f"follow_ups > {key}: {exc}")
        return windows

    def signals(self, base: dict[str, Any], user: dict[str, Any]) -> dict[str, Condition]:
        merged: dict[str, Any] = {}
        for data in (base, user):
            table = data.get("signals", {})
            if not isinstance(table, dict):
                self.problems.append("signals: expected a table")
                continue
            for name, spec in table.items():
                if name not in SIGNALS:
                    self.problems.append(
                        f"signals > {name}: unknown signal{_suggest(name, SIGNALS)}")
                    continue
                merged[name] = spec
        out: dict[str, Condition] = {}
        for name in SIGNALS:
            if name not in merged:
                self.problems.append(f"signals > {name}: missing")
                continue
            built = self.condition(merged[name], f"signals > {name}")
            if built is not None:
                out[name] = built
        self.built_signals = out
        return out

    def rules(self, base: Any, user: Any, source: str) -> tuple[Rule, ...]:
        ordered: list[dict[str, Any]] = []
        for data, origin in ((base, "default"), (user, source)):
            if not isinstance(data, list):
                self.problems.append("rules: expected [[rules]] tables")
                continue
            for index, raw in enumerate(data):
                self._merge_rule(ordered, raw, index, origin)
        rules: list[Rule] = []
        for raw in ordered:
            if raw.get("enabled", True) is False:
                continue
            where = f'rule[{raw["_index"]}] "{raw["name"]}"'
            situation = raw.get("situation")
            if situation not in {s.value for s in Situation}:
                options = tuple(s.value for s in Situation)
                self.problems.append(
                    f"{where} > situation: {situation!r} is not one of {', '.join(options)}"
                    f"{_suggest(str(situation), options)}")
                continue
            if "when" not in raw:
                self.problems.append(f"{where} > when: missing")
                continue
            condition = self.condition(raw["when"], f"{where} > when")
            if condition is None:
                continue
            rules.append(Rule(raw["name"], Situation(situation), condition,
                              str(raw.get("description", "")), raw["_origin"]))
        return tuple(rules)

    def _merge_rule(self, ordered: list[dict[str, Any]], raw: Any, index: int,
                    origin: str) -> None:
        where = f"rule[{index}]"
        if not isinstance(raw, dict):
            self.problems.append(f"{where}: expected a table")
            return
        name = raw.get("name")
        if not isinstance(name, str) or not name:
            self.problems.append(f"{where} > name: missing")
            return
        where = f'rule[{index}] "{name}"'
        _check_keys(raw, RULE_KEYS, where, self.problems)
        if "enabled" in raw and not isinstance(raw["enabled"], bool):
            self.problems.append(f"{where} > enabled: expected true or false")
        existing = next((r for r in ordered if r["name"] == name), None)
        if existing is not None:
            if existing["_origin"] == origin:
                self.problems.append(f"{where}: a rule of this name is already defined above")
                return
            existing.update({k: v for k, v in raw.items() if k not in ("before", "after")})
            existing["_origin"] = origin
            existing["_index"] = index
            return
        entry = dict(raw, _origin=origin, _index=index)
        anchor_name = raw.get("before") or raw.get("after")
        if anchor_name is not None:
            position = next((i for i, r in enumerate(ordered) if r["name"] == anchor_name), None)
            if position is None:
                names = [str(r["name"]) for r in ordered]
                key = "before" if "before" in raw else "after"
                suggestion = _suggest(str(anchor_name), names)
                self.problems.append(f'{where} > {key}: no rule named "{anchor_name}"{suggestion}')
                return
            ordered.insert(position + (1 if "after" in raw else 0), entry)
        elif origin == "default":
            ordered.append(entry)
        else:
            # The user's own rules are their corrections: they come before the defaults.
            first_default = next((i for i, r in enumerate(ordered) if r["_origin"] == "default"),
                                 len(ordered))
            ordered.insert(first_default, entry)

    def condition(self, spec: Any, where: str) -> Condition | None:
        if not isinstance(spec, dict) or not spec:
            self.problems.append(f"{where}: expected a table of conditions")
            return None
        parts: list[Condition] = []
        for key, value in spec.items():
            here = f"{where} > {key}"
            if key in ("all", "any"):
                if not isinstance(value, list) or not value:
                    self.problems.append(f"{here}: expected a list of condition tables")
                    continue
                children = [self.condition(v, f"{here}[{i}]") for i, v in enumerate(value)]
                kept = tuple(c for c in children if c is not None)
                parts.append(AllOf(kept) if key == "all" else AnyOf(kept))
            elif key == "not":
                child = self.condition(value, here)
                if child is not None:
                    parts.append(NotOf(child))
            elif key in VOCABULARY:
                spec_ = VOCABULARY[key]
                try:
                    argument = spec_.parse(value)
                except ValueError as exc:
                    self.problems.append(f"{here}: {exc}")
                    continue
                if key == "signal":
                    test = self._signal(argument, here)
                    if test is not None:
                        parts.append(test)
                    continue
                parts.append(Test(key, f"{key} = {_show(value)}", spec_.build(argument)))
            else:
                options = (*COMBINATORS, *VOCABULARY)
                self.problems.append(f"{here}: unknown condition{_suggest(key, options)}")
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    def _signal(self, name: str, where: str) -> Test | None:
        if self.built_signals is None:
            # Signals are built before rules: one signal cannot ask for another.
            self.problems.append(f"{where}: a signal cannot ask for a signal")
            return None
        built = self.built_signals.get(name)
        if built is None:
            return None  # its own problem is already reported
        return Test("signal", f'signal = "{name}"', signal_check(name, built.holds))


def _show(value: Any) -> str:
    if isinstance(value, list):
        shown = ", ".join(_show(v) for v in value[:4])
        return f"[{shown}{', ...' if len(value) > 4 else ''}]"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_show(v)}" for k, v in value.items()) + "}"
    return str(value)


def _fmt(delta: timedelta) -> str:
    return f"{delta.total_seconds() / 3600:g}h"
