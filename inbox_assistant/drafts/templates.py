"""Draft templates: shipped defaults, overridden by file name from the user's directory.

Templates are Jinja2 rendered in a sandbox (a user's template can read the context
it is given and nothing else) with strict undefined: an unknown placeholder is an
error, never a blank in a draft.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, meta
from jinja2.sandbox import SandboxedEnvironment

from inbox_assistant.domain.errors import InputFileError

TEMPLATE_NAMES = (
    "new_contact", "introduction", "help_offered", "help_offered_time_sensitive",
    "help_offered_reply", "resume_submitted", "interview_thank_you", "interview_check_in",
    "check_in_promised", "second_follow_up", "talking_points",
)

PLACEHOLDERS: dict[str, str] = {
    "first_name": "The counterpart's first name, from their display name ('' if unknown).",
    "my_name": "Your name, from config.toml.",
    "sign_off": "Your sign-off: 'Best,' and your name, or your signature from config.toml.",
    "about_me": "One sentence about you (config.toml `about`).",
    "role": "The role, when the thread names it ('' otherwise).",
    "company": "The company, when the thread or the counterpart's domain reveals it.",
    "event_date": "The day of the interview or meeting, e.g. 'Tuesday, November 17'.",
    "interviewers": "The names of the interviewers, when known.",
    "promised": "What they promised, e.g. 'Thursday, November 26'.",
    "deadline_reason": "Why a reminder comes early: your deadline, e.g. 'Tuesday, November 24'.",
    "introducer": "The first name of the person who made the introduction.",
    "subject": "The thread's subject.",
    "situation": "The situation id (new_contact, introduction, ...): for talking points.",
    "step": "Which follow-up is owed (reply, follow_up, thank_you, check_in, ...).",
}


class Templates:
    def __init__(self, user_dir: Path | None = None) -> None:
        self.user_dir = user_dir
        self.env = SandboxedEnvironment(
            undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True,
            trim_blocks=True, lstrip_blocks=True,
        )

    def source(self, name: str) -> tuple[str, str]:
        """The template's text and where it comes from."""
        if self.user_dir is not None:
            path = self.user_dir / f"{name}.txt"
            if path.is_file():
                try:
                    return path.read_text(encoding="utf-8"), str(path)
                except (OSError, UnicodeDecodeError) as exc:
                    raise InputFileError(f"{path}: cannot read: {exc}") from None
        text = resources.files("inbox_assistant.drafts").joinpath(
            "templates", f"{name}.txt").read_text(encoding="utf-8")
        return text, f"default template {name}"

    def check(self) -> list[str]:
        """Every problem of every template: syntax errors and unknown placeholders."""
        problems: list[str] = []
        for name in TEMPLATE_NAMES:
            text, origin = self.source(name)
            try:
                parsed = self.env.parse(text)
            except TemplateError as exc:
                problems.append(f"{origin}: {exc}")
                continue
            for unknown in sorted(meta.find_undeclared_variables(parsed) - set(PLACEHOLDERS)):
                problems.append(f'{origin}: unknown placeholder "{unknown}"')
        return problems

    def render(self, name: str, context: dict[str, Any]) -> str:
        text, origin = self.source(name)
        try:
            return self.env.from_string(text).render(**context)
        except (TemplateError, ArithmeticError, LookupError, TypeError, ValueError) as exc:
            # A template is the user's file: whatever it trips over is reported as theirs.
            raise InputFileError(f"{origin}: {type(exc).__name__}: {exc}", hint="run `assistant "
                                 "rules check` to check your templates") from None
