"""`assistant schedule install|remove|show`: scan on a schedule, with cron or systemd."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from inbox_assistant.cli.base import Env, boundary
from inbox_assistant.cli.main import main
from inbox_assistant.scheduler import CRON, SYSTEMD, Every, Job, Machine, Step, apply, describe

EPILOG = """Exit codes: 0 done (or nothing to do), 6 neither systemd nor cron is usable here, or
it refused the change."""
QUIET_NOTE = ("Scheduled scans run with --quiet: they print only when drafts were made, a call "
              "is due, or something broke.")


def _every(_: click.Context, __: click.Parameter, value: str) -> Every:
    try:
        return Every.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def scheduled_program() -> tuple[str, ...]:
    """What the scheduler runs: the `assistant` script of this very installation (pipx or
    a virtualenv), else this Python with `-m`: never whichever `assistant` PATH finds."""
    script = Path(sys.executable).parent / "assistant"
    if script.is_file():
        return (str(script),)
    return (sys.executable, "-m", "inbox_assistant")


def _home(env: Env) -> Path:
    return env.paths.home.expanduser().resolve()


@main.group(epilog=EPILOG)
def schedule() -> None:
    """Run `assistant scan --quiet` on a schedule: a systemd user timer where a systemd
    user session runs, else an entry in your crontab."""


@schedule.command("install", epilog=EPILOG)
@click.option("--every", "every", default="1h", show_default=True, callback=_every,
              help="How often: 5m, 10m, 15m, 20m, 30m, 1h, 2h, 3h, 4h, 6h, 8h, 12h or 1d "
                   "(daily at 08:00).")
@click.option("--with", "backend", type=click.Choice([SYSTEMD, CRON]), default=None,
              help="Which scheduler [default: the one already used, else systemd if it runs, "
                   "else cron].")
@click.option("--dry-run", is_flag=True, help="Print what would be done; change nothing.")
@click.pass_obj
@boundary
def schedule_install(env: Env, every: Every, backend: str | None, dry_run: bool) -> None:
    """Install the scheduled scan (or change its interval). Running it again changes nothing."""
    job = Job(_home(env), every, scheduled_program())
    chosen, steps = Machine.from_env(env.env).plan_install(job, backend)
    if not steps:
        click.echo(f"Already scheduled every {every} with {chosen.name}: nothing to do.")
        return
    if dry_run:
        _print_plan(f"Would schedule a scan every {every} with {chosen.name}:", steps)
        return
    apply(steps, env.env)
    click.echo(f"Scheduled: `assistant scan --quiet` every {every} with {chosen.name}.")
    click.echo(QUIET_NOTE)
    found = Machine.from_env(env.env).find(job.home)
    if found is not None:
        click.echo(f"Their output: {found[1].output}")


@schedule.command("remove", epilog=EPILOG)
@click.option("--dry-run", is_flag=True, help="Print what would be done; change nothing.")
@click.pass_obj
@boundary
def schedule_remove(env: Env, dry_run: bool) -> None:
    """Remove the scheduled scan of this home directory."""
    steps = Machine.from_env(env.env).plan_remove(_home(env))
    if not steps:
        click.echo("No scheduled scan to remove.")
        return
    if dry_run:
        _print_plan("Would remove the scheduled scan:", steps)
        return
    apply(steps, env.env)
    click.echo("Scheduled scan removed.")


@schedule.command("show", epilog=EPILOG)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
@boundary
def schedule_show(env: Env, as_json: bool) -> None:
    """Show the scheduled scan of this home directory, if any."""
    machine = Machine.from_env(env.env)
    available = [b.name for b in machine.backends()]
    found = machine.find(_home(env))
    if as_json:
        data: dict[str, object] = {"installed": found is not None, "available": available}
        if found is not None:
            i = found[1]
            data |= {"with": i.backend, "every": i.every, "command": i.command,
                     "where": i.where, "output": i.output}
        click.echo(json.dumps(data, indent=2))
        return
    if found is None:
        usable = " or ".join(available) if available else "neither systemd nor cron: none"
        click.echo(f"No scheduled scan. Usable here: {usable}.")
        click.echo("Run `assistant schedule install` to scan every hour.")
        return
    i = found[1]
    click.echo(f"Scheduled every {i.every} with {i.backend}.")
    click.echo(f"  command: {i.command}")
    click.echo(f"  where:   {i.where}")
    click.echo(f"  output:  {i.output}")


def _print_plan(title: str, steps: list[Step]) -> None:
    click.echo(title)
    for step in steps:
        click.echo("  " + describe(step).replace("\n", "\n  "))
