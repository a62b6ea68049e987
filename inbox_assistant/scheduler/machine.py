"""The schedulers of this machine, as the environment says where they are."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from inbox_assistant.scheduler.cron import Cron
from inbox_assistant.scheduler.plan import Installed, Job, ScheduleError, Step, run
from inbox_assistant.scheduler.systemd import Systemd

ENV_CRONTAB = "INBOX_ASSISTANT_CRONTAB"
ENV_SYSTEMCTL = "INBOX_ASSISTANT_SYSTEMCTL"
ENV_SYSTEMD_DIR = "INBOX_ASSISTANT_SYSTEMD_DIR"


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
        # `systemctl --user` answers only where a user manager runs (not in most containers,
        # nor over some SSH sessions): only then can a user timer be relied upon.
        if self.systemctl is not None and run(
                (self.systemctl, "--user", "show-environment"), self.env).returncode == 0:
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
