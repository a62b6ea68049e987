"""Scheduling with systemd: a user timer and its service, one pair per home directory."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from inbox_assistant.scheduler.plan import (
    MARK,
    SYSTEMD,
    DeleteFile,
    Installed,
    Job,
    Run,
    Step,
    WriteFile,
    run,
)


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
            f"{MARK} every={job.every} home={job.home}\n"
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
        enabled = (self.systemctl, "--user", "is-enabled", f"{name}.timer")
        if same and run(enabled, self.env).returncode == 0:
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
