"""`assistant rules ...`: check and inspect the classification rules."""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from pathlib import Path

import click

from inbox_assistant.cli.base import Env, boundary
from inbox_assistant.cli.main import main
from inbox_assistant.cli.output import evaluation_json, print_evaluation
from inbox_assistant.domain.errors import RulesFileError
from inbox_assistant.domain.windows import WINDOW_NAMES
from inbox_assistant.rules.conditions import VOCABULARY, AllOf, Condition, NotOf, Test
from inbox_assistant.wiring import evaluate_corpus


@main.group()
def rules() -> None:
    """Check and inspect the classification rules."""


@rules.command("check")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
@boundary
def rules_check(env: Env, file: Path | None) -> None:
    """Check a rules file (default: rules.toml in the home) and the draft templates."""
    from inbox_assistant.rules.loader import load_rules

    ctx = env.context()
    target = file or env.paths.rules
    if file is not None and not file.exists():
        raise RulesFileError(str(file), ["no such file"])
    try:
        ruleset = load_rules(target)
    except RulesFileError as exc:
        for problem in exc.problems:
            click.echo(f"{exc.source}: {problem}", err=True)
        sys.exit(exc.exit_code)
    problems = ctx.templates().check()
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        sys.exit(2)
    origin = str(target) if target.exists() else "the defaults"
    click.echo(f"OK: {len(ruleset.rules)} rules from {origin}; templates valid.")


@rules.command("show")
@click.pass_obj
@boundary
def rules_show(env: Env) -> None:
    """The effective rules after your rules.toml is merged over the defaults, in order."""
    ruleset = env.context().rules()
    w = ruleset.windows
    click.echo("Windows (opens - closes after the anchor):")
    for name in WINDOW_NAMES:
        window = w.for_name(name)
        click.echo(f"  {name:<20} {_days(window.opens):>6} - {_days(window.closes)}")
    click.echo(f"Follow-ups: at most {w.max_follow_ups}; after a promised date "
               f"{_days(w.after_promise)}; a deadline is chased {_days(w.deadline_lead)} before.")
    click.echo("\nSignals (tried on each message):")
    for name, condition in ruleset.signals.items():
        click.echo(f"  {name}: {describe(condition)}")
    click.echo("\nRules (tried in order; the first that holds decides):")
    for index, rule in enumerate(ruleset.rules):
        origin = "" if rule.origin == "default" else f"  [from {rule.origin}]"
        click.echo(f"  {index + 1}. {rule.name} -> {rule.situation.value}{origin}")
        if rule.description:
            click.echo(f"     {rule.description}")
        click.echo(f"     when {describe(rule.when)}")


@rules.command("conditions")
def rules_conditions() -> None:
    """The vocabulary of conditions a rule can use, with an example of each."""
    click.echo("Combine with all = [...], any = [...], not = {...}; several keys in one table "
               "must all hold.\n")
    for spec in VOCABULARY.values():
        click.echo(f"{spec.name} ({spec.argument})\n    {spec.doc}\n    e.g. {spec.example}")


@rules.command("eval")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
@boundary
def rules_eval(env: Env, directory: Path, as_json: bool) -> None:
    """Measure the rules on a labelled corpus: pairs NAME.mbox + NAME.toml in DIRECTORY.

    Prints precision and recall per situation, a confusion matrix and every miss with
    its explanation. README.md, "Measuring your rules", describes the format.
    """
    ctx = env.context()
    result = evaluate_corpus(ctx, directory)
    if as_json:
        click.echo(json.dumps(evaluation_json(result), indent=2))
    else:
        print_evaluation(result, ctx.settings.zone(ctx.env))


def _days(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    return f"{hours / 24:g}d" if hours % 24 == 0 else f"{hours:g}h"


def describe(condition: Condition) -> str:
    if isinstance(condition, Test):
        return condition.label
    if isinstance(condition, NotOf):
        return f"not ({describe(condition.child)})"
    word = " and " if isinstance(condition, AllOf) else " or "
    inner = word.join(describe(c) for c in condition.children)
    return f"({inner})" if len(condition.children) > 1 else inner
