"""Scheduled scans: a user crontab entry or a systemd user timer that runs `scan --quiet`.

Nothing is global: the crontab and systemctl commands, the unit directory and PATH come
from the environment handed in (`Machine.from_env`), so tests use stand-ins in a temporary
directory and never touch the user's real crontab or systemd. Every change is first a
plan (a list of steps): `--dry-run` prints it, `install` and `remove` carry it out.
Installing twice changes nothing; installing with another interval replaces the entry.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from inbox_assistant.domain.errors import AssistantError

log = logging.getLogger(__name__)

ENV_CRONTAB = "INBOX_ASSISTANT_CRONTAB"
ENV_SYSTEMCTL = "INBOX_ASSISTANT_SYSTEMCTL"
ENV_SYSTEMD_DIR = "INBOX_ASSISTANT_SYSTEMD_DIR"
CRON, SYSTEMD = "cron", "systemd"
# Intervals that both cron and systemd express exactly, in minutes.
_ALLOWED = (5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440)
_DAILY_AT = "08:00"  # a once-a-day scan runs early, so the drafts wait for the morning
_MARK = "# inbox-assistant"
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
    backend: str
    every: str
    command: str
    where: str
    logs: str


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
        if isinstance(step, WriteFile):
            step.path.parent.mkdir(parents=True, exist_ok=True)
            temp = step.path.with_name(step.path.name + ".tmp")
            temp.write_text(step.text, encoding="utf-8")
            temp.replace(step.path)
        elif isinstance(step, DeleteFile):
            step.path.unlink(missing_ok=True)
        else:
            done = _run(step.argv, env, step.stdin)
            if done.returncode != 0 and not step.may_fail:
                raise ScheduleError(f"`{shlex.join(step.argv)}` failed: {_first_line(done)}")


def _run(argv: tuple[str, ...], env: dict[str, str],
         stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(argv, input=stdin, capture_output=True, text=True, env=env,
                              timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ScheduleError(f"`{shlex.join(argv)}` could not run: {exc}") from None


def _first_line(done: subprocess.CompletedProcess[str]) -> str:
    text = (done.stderr or done.stdout).strip()
    return text.splitlines()[0] if text else f"exit status {done.returncode}"


# --- the machine's schedulers -----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Machine:
    """Where the schedulers of this machine are, as the environment says."""

    env: dict[str, str]
    crontab: str | None
    systemctl: str | None
    unit_dir: Path

    @classmethod
    def from_env(cls, env: dict[str, str]) -> Machine:
        path = env.get("PATH", os.defpath)
        crontab = shutil.which(env.get(ENV_CRONTAB) or "crontab", path=path)
        systemctl = shutil.which(env.get(ENV_SYSTEMCTL) or "systemctl", path=path)
        if env.get(ENV_SYSTEMD_DIR):
            unit_dir = Path(env[ENV_SYSTEMD_DIR]).expanduser()
        else:
            config = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "~"), ".config"))
            unit_dir = Path(config).expanduser() / "systemd" / "user"
        return cls(env, crontab, systemctl, unit_dir)

    def backends(self) -> list[Cron | Systemd]:
        """The schedulers usable here, the preferred first: a systemd timer catches up on a
        run missed while the computer slept; cron does not."""
        found: list[Cron | Systemd] = []
        if self.systemctl is not None and _run((self.systemctl, "--user", "show-environment"),
                                               self.env).returncode == 0:
            found.append(Systemd(self.systemctl, self.unit_dir, self.env))
        if self.crontab is not None:
            found.append(Cron(self.crontab, self.env))
        return found

    def find(self, home: Path) -> tuple[Cron | Systemd, Installed] | None:
        return _find(self.backends(), home)

    def plan_install(self, job: Job, backend_name: str | None = None
                     ) -> tuple[Cron | Systemd, list[Step]]:
        """The steps that make `job` run on schedule (none if it already does)."""
        _check_home(job.home)
        backends = self.backends()
        current = _find(backends, job.home)
        if backend_name is not None:
            chosen = next((b for b in backends if b.name == backend_name), None)
            if chosen is None:
                raise ScheduleError(f"{backend_name} is not available on this machine",
                                    hint=_AVAILABLE_HINT)
        elif current is not None:
            chosen = current[0]
        elif backends:
            chosen = backends[0]
        else:
            raise ScheduleError("found neither a systemd user session nor a crontab command",
                                hint=_AVAILABLE_HINT)
        steps: list[Step] = []
        if current is not None and current[0].name != chosen.name:
            steps += current[0].plan_remove(job.home)
        return chosen, steps + chosen.plan_install(job)

    def plan_remove(self, home: Path) -> list[Step]:
        current = self.find(home)
        return current[0].plan_remove(home) if current is not None else []


def _find(backends: list[Cron | Systemd], home: Path) -> tuple[Cron | Systemd, Installed] | None:
    for backend in backends:
        installed = backend.find(home)
        if installed is not None:
            return backend, installed
    return None


_AVAILABLE_HINT = ("install cron (e.g. `sudo apt install cron`), or run "
                   "`assistant scan --quiet` from a scheduler of your own")


def _check_home(home: Path) -> None:
    if not home.is_absolute() or any(ord(c) < 32 for c in str(home)):
        raise ScheduleError(f"{home!s}: a scheduled scan needs an absolute home path "
                            "without control characters")


# --- cron -------------------------------------------------------------------------------

class Cron:
    name = CRON

    def __init__(self, crontab: str, env: dict[str, str]) -> None:
        self.crontab = crontab
        self.env = env

    def read(self) -> str:
        done = _run((self.crontab, "-l"), self.env)
        if done.returncode == 0:
            return done.stdout
        if "no crontab" in done.stderr.lower():
            return ""
        raise ScheduleError(f"`crontab -l` failed: {_first_line(done)}")

    @staticmethod
    def _marker(home: Path) -> str:
        return f" home={_cron_escape(str(home))}"

    def _ours(self, line: str, home: Path) -> bool:
        return _MARK + " every=" in line and line.endswith(self._marker(home))

    def line(self, job: Job) -> str:
        command = f"{shlex.join(job.argv)} >> {shlex.quote(str(job.log))} 2>&1"
        # cron turns an unescaped % into a new line.
        return (f"{job.every.cron()} {_cron_escape(command)} {_MARK} every={job.every}"
                f"{self._marker(job.home)}")

    def find(self, home: Path) -> Installed | None:
        for line in self.read().splitlines():
            if self._ours(line, home):
                every = re.search(r"every=(\S+)", line)
                command = line.split(_MARK, 1)[0].split(None, 5)[5].strip()
                return Installed(CRON, every[1] if every else "?", command, "your user crontab",
                                 str(home / "scan.log"))
        return None

    def plan_install(self, job: Job) -> list[Step]:
        current = self.read()
        lines = current.splitlines()
        wanted = self.line(job)
        if wanted in lines:
            return []
        kept = [line for line in lines if not self._ours(line, job.home)]
        return [Run((self.crontab, "-"), stdin="\n".join([*kept, wanted]) + "\n")]

    def plan_remove(self, home: Path) -> list[Step]:
        lines = self.read().splitlines()
        kept = [line for line in lines if not self._ours(line, home)]
        if len(kept) == len(lines):
            return []
        return [Run((self.crontab, "-"), stdin="\n".join(kept) + "\n" if kept else "")]


def _cron_escape(text: str) -> str:
    return text.replace("%", "\\%")


# --- systemd ----------------------------------------------------------------------------

class Systemd:
    name = SYSTEMD

    def __init__(self, systemctl: str, unit_dir: Path, env: dict[str, str]) -> None:
        self.systemctl = systemctl
        self.unit_dir = unit_dir
        self.env = env

    @staticmethod
    def unit(home: Path) -> str:
        """One timer per home directory, named after it so that two homes never collide."""
        digest = hashlib.sha256(str(home).encode("utf-8")).hexdigest()[:8]
        return f"inbox-assistant-scan-{digest}"

    def files(self, home: Path) -> tuple[Path, Path]:
        name = self.unit(home)
        return self.unit_dir / f"{name}.service", self.unit_dir / f"{name}.timer"

    def texts(self, job: Job) -> tuple[str, str]:
        service = (
            "# Written by `assistant schedule install`; `assistant schedule remove` deletes it.\n"
            "[Unit]\n"
            "Description=inbox-assistant: draft the follow-ups that are due\n\n"
            "[Service]\n"
            "Type=oneshot\n"
            f"ExecStart={' '.join(_systemd_quote(a) for a in job.argv)}\n"
        )
        timer = (
            f"{_MARK} every={job.every} home={job.home}\n"
            "# Written by `assistant schedule install`; `assistant schedule remove` deletes it.\n"
            "[Unit]\n"
            f"Description=Run inbox-assistant every {job.every}\n\n"
            "[Timer]\n"
            f"OnCalendar={job.every.on_calendar()}\n"
            "# Catch up on a run missed while the computer was off or asleep.\n"
            "Persistent=true\n\n"
            "[Install]\n"
            "WantedBy=timers.target\n"
        )
        return service, timer

    def find(self, home: Path) -> Installed | None:
        service, timer = self.files(home)
        if not timer.exists():
            return None
        try:
            text = timer.read_text(encoding="utf-8")
            exec_line = next((line for line in service.read_text(encoding="utf-8").splitlines()
                              if line.startswith("ExecStart=")), "ExecStart=?")
        except (OSError, UnicodeDecodeError):
            return Installed(SYSTEMD, "?", "?", str(timer), "")
        every = re.search(r"every=(\S+)", text)
        return Installed(SYSTEMD, every[1] if every else "?", exec_line.split("=", 1)[1],
                         str(timer), f"journalctl --user -u {self.unit(home)}.service")

    def plan_install(self, job: Job) -> list[Step]:
        service, timer = self.files(job.home)
        service_text, timer_text = self.texts(job)
        name = self.unit(job.home)
        same = all(path.exists() and path.read_text(encoding="utf-8") == text
                   for path, text in ((service, service_text), (timer, timer_text)))
        if same and _run((self.systemctl, "--user", "is-enabled", f"{name}.timer"),
                         self.env).returncode == 0:
            return []
        return [
            WriteFile(service, service_text),
            WriteFile(timer, timer_text),
            Run((self.systemctl, "--user", "daemon-reload")),
            Run((self.systemctl, "--user", "enable", "--now", f"{name}.timer")),
        ]

    def plan_remove(self, home: Path) -> list[Step]:
        service, timer = self.files(home)
        if not service.exists() and not timer.exists():
            return []
        return [
            Run((self.systemctl, "--user", "disable", "--now", f"{self.unit(home)}.timer"),
                may_fail=True),
            DeleteFile(timer),
            DeleteFile(service),
            Run((self.systemctl, "--user", "daemon-reload")),
        ]


def _systemd_quote(arg: str) -> str:
    """One ExecStart word: % and $ doubled (specifiers, variables), quoted if need be."""
    text = arg.replace("%", "%%").replace("$", "$$")
    if re.fullmatch(r"[\w@%+=:,./-]+", text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
