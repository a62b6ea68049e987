"""`assistant auth`: connect Gmail."""

from __future__ import annotations

import click

from inbox_assistant.cli.base import Env, boundary
from inbox_assistant.cli.main import main
from inbox_assistant.wiring import authorize


@main.command()
@click.option("--no-browser", is_flag=True,
              help="Print the address to open instead of opening a browser (SSH, headless).")
@click.pass_obj
@boundary
def auth(env: Env, no_browser: bool) -> None:
    """Connect Gmail: read mail and create drafts (never send)."""

    def paste(url: str) -> str:
        click.echo("Open this address in a browser, allow access, then copy the address of "
                   "the page it leads to (it starts with http://127.0.0.1 and may show an "
                   f"error; that is expected):\n\n  {url}\n")
        answer: str = click.prompt("Paste that address here")
        return answer

    granted = authorize(env.context(), open_browser=not no_browser, paste=no_browser,
                        prompt=paste)
    click.echo(f"Gmail connected. Token saved to {env.paths.token} (readable by you only).")
    click.echo("Granted: " + ", ".join(s.rsplit("/", 1)[-1] for s in granted))
