"""`assistant init`: the first run. Credentials in place, a commented config.toml, Gmail.

Interactive by default; with --non-interactive it asks nothing and takes the options
(and their defaults) as given, for scripts and provisioning.
"""

from __future__ import annotations

from pathlib import Path

import click

from inbox_assistant.cli.auth import auth
from inbox_assistant.cli.base import Env, boundary
from inbox_assistant.cli.main import main
from inbox_assistant.config import Settings, load_settings
from inbox_assistant.domain.errors import InputFileError
from inbox_assistant.firstrun import (
    Answers,
    check_timezone,
    config_text,
    guess_credentials,
    install_credentials,
    read_client,
    write_config,
)


@main.command()
@click.option("--non-interactive", is_flag=True,
              help="Ask nothing: use the options given and the defaults for the rest.")
@click.option("--credentials", type=click.Path(dir_okay=False, path_type=Path),
              help="The OAuth client JSON downloaded from Google Cloud (Desktop app); "
                   "copied into the home, readable by you only.")
@click.option("--name", help="Your name: it signs your drafts.")
@click.option("--signature",
              help='How your drafts end; "\\n" starts a new line [default: "Best," and your '
                   "name].")
@click.option("--email", help="Your Gmail address [default: read from Gmail].")
@click.option("--timezone", "zone", help="An IANA time zone [default: this computer's].")
@click.option("--business-days/--calendar-days", default=None,
              help="Count follow-up windows in working days (Monday to Friday) or in calendar "
                   "days [default: calendar days].")
@click.option("--force", is_flag=True, help="Replace an existing config.toml.")
@click.pass_obj
@boundary
def init(env: Env, non_interactive: bool, credentials: Path | None, name: str | None,
         signature: str | None, email: str | None, zone: str | None,
         business_days: bool | None, force: bool) -> None:
    """Set up inbox-assistant: your OAuth client, your name and signature, your time zone,
    then connect Gmail."""
    paths = env.paths
    ask = not non_interactive
    paths.home.mkdir(mode=0o700, parents=True, exist_ok=True)
    if ask:
        click.echo(f"Setting up inbox-assistant in {paths.home}\n")
    _credentials(env, credentials, ask)
    if paths.config.exists() and not force and not (ask and click.confirm(
            "config.toml exists. Replace it with new answers?", default=False)):
        click.echo(f"Kept {paths.config}" + (" (--force replaces it)." if not ask else "."))
    else:
        detected = str(Settings().zone(env.env))
        answers = _answers(ask, name, signature, email, zone, business_days, detected)
        write_config(paths.config, config_text(answers))
        load_settings(paths)  # what was written must read back: fail here, not at scan time
        click.echo(f"Wrote {paths.config} (every setting is explained in it).")
    if ask and paths.credentials.exists() and not paths.token.exists() and click.confirm(
            "\nConnect Gmail now? A browser opens to ask your permission", default=True):
        click.get_current_context().invoke(auth, no_browser=False)
    _next_steps(env)


def _credentials(env: Env, given: Path | None, ask: bool) -> None:
    target = env.paths.credentials
    if given is None and ask:
        if target.exists() and not click.confirm(
                "credentials.json is already in place. Replace it?", default=False):
            return
        click.echo("The OAuth client file comes from Google Cloud Console (README.md, "
                   "'Gmail setup', steps 1-4).")
        downloads = Path(env.env.get("HOME", "~")).expanduser() / "Downloads"
        guess = guess_credentials(downloads)
        given = click.prompt("Path of the downloaded OAuth client JSON",
                             default=str(guess) if guess else None, value_proc=_client_file)
    if given is None:
        return
    changed = install_credentials(given.expanduser(), target)
    click.echo(f"{'Copied' if changed else 'Already in place:'} {target} (readable by you only).")


def _client_file(text: str) -> Path:
    path = Path(text).expanduser()
    try:
        read_client(path)
    except InputFileError as exc:
        raise click.BadParameter(f"{exc}. {exc.hint}".rstrip(". ") + ".") from None
    return path


def _zone(text: str) -> str:
    try:
        return check_timezone(text.strip())
    except InputFileError as exc:
        raise click.BadParameter(f"{exc}: {exc.hint}") from None


def _answers(ask: bool, name: str | None, signature: str | None, email: str | None,
             zone: str | None, business_days: bool | None, detected: str) -> Answers:
    if ask:
        name = name or click.prompt("Your name (it signs your drafts)")
        default_signature = f"Best,\\n{name}".strip()
        signature = signature or click.prompt(
            'How your drafts end ("\\n" starts a new line)', default=default_signature)
        zone = _zone(zone) if zone else click.prompt("Your time zone", default=detected,
                                                     value_proc=_zone)
        if business_days is None:
            business_days = click.confirm("Count follow-up windows in working days (Monday "
                                          "to Friday)?", default=False)
    elif zone:
        zone = _zone(zone)
    return Answers(name=(name or "").strip(),
                   signature=(signature or "").replace("\\n", "\n"),
                   timezone=zone or detected, business_days=bool(business_days),
                   email=email or "")


def _next_steps(env: Env) -> None:
    paths = env.paths
    steps = []
    if not paths.credentials.exists():
        steps.append("download the OAuth client JSON (README.md, 'Gmail setup') and run "
                     "`assistant init --credentials FILE`")
    if not paths.token.exists():
        steps.append("`assistant auth` to connect Gmail")
    steps += ["`assistant doctor` to check every link",
              "`assistant scan --dry-run` to see what would be drafted",
              "`assistant schedule install` to scan every hour"]
    click.echo("\nNext:")
    for number, step in enumerate(steps, 1):
        click.echo(f"  {number}. {step}")
