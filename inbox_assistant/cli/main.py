"""The `assistant` command group: global options and logging; commands live beside it."""

from __future__ import annotations

import logging
import sys

import click

from inbox_assistant import __version__
from inbox_assistant.cli.base import EXIT_CODES, Env


@click.group(epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="assistant")
@click.option("--home", type=click.Path(file_okay=False), default=None,
              help="Directory of credentials, token, config and state "
                   "[env INBOX_ASSISTANT_HOME; default: your config directory].")
@click.option("-v", "--verbose", count=True, help="Log progress to stderr (-vv: more).")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, home: str | None, verbose: int, debug: bool) -> None:
    """Drafts the follow-ups your job search needs, for you to review in Gmail.

    It never sends mail.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr, force=True)
    if verbose < 2:
        # Google's client logs request URLs at INFO; keep them for -vv.
        logging.getLogger("googleapiclient").setLevel(logging.WARNING)
    ctx.obj = Env(home, debug)
