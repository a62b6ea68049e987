"""`assistant rules ...`: check and inspect the classification rules."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from inbox_assistant.cli.base import Env, boundary
from inbox_assistant.cli.main import main
from inbox_assistant.domain.errors import RulesFileError


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
