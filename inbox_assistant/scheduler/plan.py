"""What a schedule is (an interval, a job) and what changing one does (steps).

A change is first a plan, a list of steps: `--dry-run` prints it, otherwise it is carried
out. The crontab and systemctl commands run with the environment handed in.
"""

from __future__ import annotations

import logging
import re
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

from inbox_assistant.domain.errors import AssistantError

log = logging.getLogger(__name__)

CRON, SYSTEMD = "cron", "systemd"
# Intervals that both cron and systemd express exactly, in minutes.
_ALLOWED = (5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440)
_DAILY_AT = "08:00"  # a once-a-day scan runs early, so the drafts wait for the morning
MARK = "# inbox-assistant"
_TIMEOUT = 30


class ScheduleError(AssistantError):
    """The system scheduler is missing or refused a change."""

    exit_code = 6


@dataclass(frozen=True, slots=True)
class Every:
    """How often the scan runs."""

    minutes: int

    @classmethod
    def parse(cls, text: str) -> Every:
        match = re.fullmatch(r"\s*(\d+)\s*(m|min|h|d)\s*", text.lower())
        if match is None:
            raise ValueError(f"{text!r}: expected a number and a unit, like 30m, 1h or 1d")
        minutes = int(match[1]) * {"m": 1, "min": 1, "h": 60, "d": 1440}[match[2]]
        if minutes not in _ALLOWED:
            choices = ", ".join(str(cls(m)) for m in _ALLOWED)
            raise ValueError(f"{text!r}: choose one of {choices}")
        return cls(minutes)

    def __str__(self) -> str:
        if self.minutes % 1440 == 0:
            return f"{self.minutes // 1440}d"
        if self.minutes % 60 == 0:
            return f"{self.minutes // 60}h"
        return f"{self.minutes}m"

    def cron(self) -> str:
        if self.minutes < 60:
            return f"*/{self.minutes} * * * *"
        if self.minutes == 60:
            return "0 * * * *"
        if self.minutes < 1440:
            return f"0 */{self.minutes // 60} * * *"
        hour, minute = _DAILY_AT.split(":")
        return f"{int(minute)} {int(hour)} * * *"

    def on_calendar(self) -> str:
        if self.minutes < 60:
            return f"*:0/{self.minutes}"
        if self.minutes == 60:
            return "hourly"
        if self.minutes < 1440:
            return f"0/{self.minutes // 60}:00"
        return _DAILY_AT


@dataclass(frozen=True, slots=True)
class Job:
    """What to schedule: the scan of one home directory, how often, with which program."""

    home: Path
    every: Every
    program: tuple[str, ...]

    @property
    def argv(self) -> tuple[str, ...]:
        return (*self.program, "--home", str(self.home), "scan", "--quiet")

    @property
    def log(self) -> Path:
        return self.home / "scan.log"


@dataclass(frozen=True, slots=True)
class Installed:
    """A scheduled scan found in place: by which scheduler, how often, what it runs, where
    it is written down and where its output goes."""

    backend: str
    every: str
    command: str
    where: str
    output: str


# --- steps: what a change does, printed by --dry-run, carried out otherwise ------------

@dataclass(frozen=True, slots=True)
class WriteFile:
    path: Path
    text: str


@dataclass(frozen=True, slots=True)
class DeleteFile:
    path: Path


@dataclass(frozen=True, slots=True)
class Run:
    argv: tuple[str, ...]
    stdin: str | None = None
    may_fail: bool = False


Step = WriteFile | DeleteFile | Run


def describe(step: Step) -> str:
    if isinstance(step, WriteFile):
        return f"write {step.path}:\n{_indent(step.text)}"
    if isinstance(step, DeleteFile):
        return f"delete {step.path}"
    text = f"run {shlex.join(step.argv)}"
    return f"{text} with this input:\n{_indent(step.stdin)}" if step.stdin is not None else text


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.splitlines()).rstrip("\n")


def apply(steps: list[Step], env: dict[str, str]) -> None:
    for step in steps:
        log.info("%s", describe(step).splitlines()[0])
        if isinstance(step, WriteFile | DeleteFile):
            try:
                _change_file(step)
            except OSError as exc:
                raise ScheduleError(f"{step.path}: {exc.strerror or exc}") from None
        else:
            done = run(step.argv, env, step.stdin)
            if done.returncode != 0 and not step.may_fail:
                raise ScheduleError(f"`{shlex.join(step.argv)}` failed: {first_line(done)}")


def _change_file(step: WriteFile | DeleteFile) -> None:
    if isinstance(step, DeleteFile):
        step.path.unlink(missing_ok=True)
        return
    step.path.parent.mkdir(parents=True, exist_ok=True)
    temp = step.path.with_name(step.path.name + ".tmp")
    temp.write_text(step.text, encoding="utf-8")
    temp.replace(step.path)


def run(argv: tuple[str, ...], env: dict[str, str],
        stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(argv, input=stdin, capture_output=True, text=True, env=env,
                              timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ScheduleError(f"`{shlex.join(argv)}` could not run: {exc}") from None


def first_line(done: subprocess.CompletedProcess[str]) -> str:
    text = (done.stderr or done.stdout).strip()
    return text.splitlines()[0] if text else f"exit status {done.returncode}"
