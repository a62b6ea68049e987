"""Scheduling with cron: one line of the user's crontab per home directory, marked as ours."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from inbox_assistant.scheduler.plan import (
    CRON,
    MARK,
    Installed,
    Job,
    Run,
    ScheduleError,
    Step,
    first_line,
    run,
)


class Cron:
    name = CRON

    def __init__(self, crontab: str, env: dict[str, str]) -> None:
        self.crontab = crontab
        self.env = env

    def read(self) -> str:
        done = run((self.crontab, "-l"), self.env)
        if done.returncode == 0:
            return done.stdout
        if "no crontab" in done.stderr.lower():
            return ""
        raise ScheduleError(f"`crontab -l` failed: {first_line(done)}")

    @staticmethod
    def _marker(home: Path) -> str:
        return f" home={_cron_escape(str(home))}"

    def _ours(self, line: str, home: Path) -> bool:
        return MARK + " every=" in line and line.endswith(self._marker(home))

    def line(self, job: Job) -> str:
        command = f"{shlex.join(job.argv)} >> {shlex.quote(str(job.log))} 2>&1"
        # cron turns an unescaped % into a new line.
        return (f"{job.every.cron()} {_cron_escape(command)} {MARK} every={job.every}"
                f"{self._marker(job.home)}")

    def find(self, home: Path) -> Installed | None:
        for line in self.read().splitlines():
            if self._ours(line, home):
                every = re.search(r"every=(\S+)", line)
                command = line.split(MARK, 1)[0].split(None, 5)[5].strip()
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
