"""The one exception root of the product. Each error knows its exit code and next step."""

from __future__ import annotations


class AssistantError(Exception):
    """A failure the user can act on: a one-line message, a hint, an exit code."""

    exit_code = 1
    hint = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        if hint:
            self.hint = hint


class InputFileError(AssistantError):
    """A file of the user's (config, rules, mbox, credentials) cannot be used as it is."""

    exit_code = 2


class ConfigError(InputFileError):
    pass


class RulesFileError(InputFileError):
    """Every problem of a rules file at once, each with its location."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        first = problems[0] if problems else "invalid"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(f"{source}: {first}{more}",
                         hint="run `assistant rules check` to see every problem")


class StateError(AssistantError):
    """The state database cannot be opened or is not ours."""

    exit_code = 2


class GmailAuthError(AssistantError):
    """No usable Gmail authorisation: missing, revoked or expired."""

    exit_code = 3
    hint = "run `assistant auth` to connect Gmail again"


class GmailError(AssistantError):
    """Gmail answered with an error the run cannot get past."""

    exit_code = 4


class GmailRateLimited(GmailError):
    hint = "Gmail asked to slow down; the next scheduled run will carry on"


class GmailUnavailable(GmailError):
    """Gmail kept failing on its side (5xx) after every retry."""

    hint = "Gmail is having trouble on its side; the next scheduled run will carry on"


class AlreadyRunning(AssistantError):
    """Another scan holds the lock of this home directory."""

    exit_code = 5
    hint = "wait for it to finish; scheduled runs simply skip this turn"
