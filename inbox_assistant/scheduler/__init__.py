"""Scheduled scans: a user crontab entry or a systemd user timer that runs `scan --quiet`.

Nothing is global: the crontab and systemctl commands, the unit directory and PATH come
from the environment handed in (`Machine.from_env`), so tests use stand-ins in a temporary
directory and never touch the user's real crontab or systemd. Every change is first a
plan (a list of steps): `--dry-run` prints it, `install` and `remove` carry it out.
Installing twice changes nothing; installing with another interval replaces the entry.
"""

from __future__ import annotations

from inbox_assistant.scheduler.machine import (
    ENV_CRONTAB,
    ENV_SYSTEMCTL,
    ENV_SYSTEMD_DIR,
    Machine,
)
from inbox_assistant.scheduler.plan import (
    CRON,
    SYSTEMD,
    Every,
    Installed,
    Job,
    ScheduleError,
    Step,
    apply,
    describe,
)

__all__ = ["CRON", "ENV_CRONTAB", "ENV_SYSTEMCTL", "ENV_SYSTEMD_DIR", "SYSTEMD", "Every",
           "Installed", "Job", "Machine", "ScheduleError", "Step", "apply", "describe"]
