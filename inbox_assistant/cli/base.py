"""What every command shares: the environment, the error boundary, option parsing."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps
from typing import Any, TypeVar

import click

from inbox_assistant.config import Paths, environment, resolve_home
from inbox_assistant.domain.errors import AssistantError
from inbox_assistant.wiring import Context

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CODES = """Exit codes: 0 success (also when some threads could not be read: they are
listed), 1 unexpected failure, 2 a bad file or option (config, rules, mbox, state),
3 Gmail not connected or access revoked, 4 Gmail unreachable or refusing, 5 another scan
is running, 6 no scheduler could take the schedule."""


class Env:
    def __init__(self, home: str | None, debug: bool) -> None:
        self.env = environment()
        self.paths: Paths = resolve_home(home, self.env)
        self.debug = debug

    def context(self) -> Context:
        return Context.load(self.paths, self.env)


def boundary(func: F) -> F:
    """Turn our errors into one line, a hint and the documented exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        env = click.get_current_context().find_object(Env)
        try:
            return func(*args, **kwargs)
        except AssistantError as exc:
            if env is not None and env.debug:
                raise
            click.echo(f"Error: {exc}", err=True)
            if exc.hint:
                click.echo(f"Hint: {exc.hint}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def parse_now(value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter("expected an ISO-8601 time like 2026-11-20T15:00:00Z") from None
    if moment.tzinfo is None:
        raise click.BadParameter("give a time zone, e.g. 2026-11-20T10:00:00-05:00 or ...Z")
    return moment.astimezone(UTC)
