"""`assistant schedule`: a crontab entry or a systemd user timer, against stand-ins on a
PATH of their own (tests/fake_schedulers.py): the real crontab and systemd are never reached.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from inbox_assistant.cli import main
from inbox_assistant.scheduler import Every
from tests.conftest import Home
from tests.fake_schedulers import fake_crontab, fake_systemctl
from tests.fakegmail import FakeGmail
from tests.pipeline_scenario import apply, at

OTHER_LINES = "MAILTO=me@example.com\n15 3 * * * /usr/local/bin/backup --all\n"


@dataclass
class Machine:
    home: Path
    bin: Path
    units: Path
    table: Path
    calls: Path

    def add_crontab(self, content: str | None = OTHER_LINES) -> None:
        if content is not None:
            self.table.write_text(content)
        fake_crontab(self.bin, self.table, self.calls)

    def add_systemd(self, session: bool = True) -> None:
        fake_systemctl(self.bin, self.calls, session=session)

    def log(self) -> list[str]:
        return self.calls.read_text().splitlines() if self.calls.exists() else []

    def run(self, *args: str) -> Result:
        env = {"PATH": str(self.bin), "INBOX_ASSISTANT_SYSTEMD_DIR": str(self.units),
               "INBOX_ASSISTANT_CRONTAB": "", "INBOX_ASSISTANT_SYSTEMCTL": "",
               "INBOX_ASSISTANT_HOME": ""}
        return CliRunner().invoke(main, ["--home", str(self.home), *args], env=env,
                                  catch_exceptions=False)

    def ours(self) -> list[str]:
        return [line for line in self.table.read_text().splitlines()
                if "# inbox-assistant" in line]


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    home = tmp_path / "my home%"
    home.mkdir()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    return Machine(home, bin_dir, tmp_path / "units", tmp_path / "crontab.txt",
                   tmp_path / "calls.txt")


# --- cron -------------------------------------------------------------------------------

def test_install_adds_one_line_and_keeps_the_others(machine: Machine) -> None:
    machine.add_crontab()
    result = machine.run("schedule", "install")
    assert result.exit_code == 0, result.stderr
    assert "every 1h with cron" in result.stdout
    assert "--quiet" in result.stdout
    text = machine.table.read_text()
    assert text.startswith(OTHER_LINES)
    (line,) = machine.ours()
    assert line.startswith("0 * * * * ")


def test_the_cron_line_is_a_valid_command_for_this_home(machine: Machine) -> None:
    machine.add_crontab()
    machine.run("schedule", "install", "--every", "15m")
    (line,) = machine.ours()
    fields = line.split(None, 5)
    assert fields[:5] == ["*/15", "*", "*", "*", "*"]
    # cron turns `\\%` back into `%` and hands the rest to the shell.
    argv = shlex.split(fields[5].replace("\\%", "%"), comments=True)
    home = str(machine.home)
    assert argv[-7:] == ["--home", home, "scan", "--quiet", ">>", f"{home}/scan.log", "2>&1"]
    assert Path(argv[0]).name in ("assistant", "python", "python3") or argv[1:3] == [
        "-m", "inbox_assistant"]


def test_the_scheduled_command_runs_and_speaks_only_when_there_is_news(
        fake: FakeGmail, home: Home, tmp_path: Path) -> None:
    """What cron would run, run as cron runs it: through sh, from the crontab line."""
    machine = Machine(home.path, tmp_path / "bin", tmp_path / "units", tmp_path / "crontab.txt",
                      tmp_path / "calls.txt")
    machine.bin.mkdir()
    machine.add_crontab()
    assert machine.run("schedule", "install").exit_code == 0
    (line,) = machine.ours()
    command = line.split(None, 5)[5].replace("\\%", "%")
    # The same command at a fixed moment rather than the wall clock's.
    command = command.replace(" scan --quiet ", f" scan --quiet --now {at()} ")
    env = {**os.environ, **home.env, "INBOX_ASSISTANT_QUOTA_PER_MINUTE": "0"}

    def cron_runs() -> None:
        done = subprocess.run(["/bin/sh", "-c", command], env=env, capture_output=True,
                              text=True, timeout=120, check=False)
        assert (done.returncode, done.stdout, done.stderr) == (0, "", "")

    cron_runs()
    log = home.path / "scan.log"
    assert log.read_text() == ""  # nothing due: not a word
    apply(fake, "Maya Chen <maya@brightlane.io>", "Backend Engineer application", 3, "maya")
    cron_runs()
    assert "Backend Engineer application" in log.read_text()
    assert len(fake.drafts()) == 1


def test_install_twice_changes_nothing(machine: Machine) -> None:
    machine.add_crontab()
    machine.run("schedule", "install")
    before = machine.table.read_text()
    writes = machine.log().count("-")
    result = machine.run("schedule", "install")
    assert result.exit_code == 0
    assert "Already scheduled every 1h with cron: nothing to do." in result.stdout
    assert machine.table.read_text() == before
    assert machine.log().count("-") == writes


def test_install_with_another_interval_replaces_the_entry(machine: Machine) -> None:
    machine.add_crontab()
    machine.run("schedule", "install")
    machine.run("schedule", "install", "--every", "1d")
    (line,) = machine.ours()
    assert line.startswith("0 8 * * * ")
    assert "every=1d" in line


def test_dry_run_says_what_it_would_do_and_does_nothing(machine: Machine) -> None:
    machine.add_crontab()
    result = machine.run("schedule", "install", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.startswith("Would schedule a scan every 1h with cron:")
    assert "crontab -" in result.stdout
    assert "scan --quiet" in result.stdout
    assert machine.table.read_text() == OTHER_LINES
    assert "-" not in machine.log()


def test_remove_takes_out_only_ours(machine: Machine) -> None:
    machine.add_crontab()
    machine.run("schedule", "install")
    dry = machine.run("schedule", "remove", "--dry-run")
    assert "Would remove the scheduled scan:" in dry.stdout
    assert machine.ours()
    result = machine.run("schedule", "remove")
    assert result.exit_code == 0
    assert result.stdout == "Scheduled scan removed.\n"
    assert machine.table.read_text() == OTHER_LINES
    again = machine.run("schedule", "remove")
    assert again.stdout == "No scheduled scan to remove.\n"


def test_install_into_an_empty_crontab(machine: Machine) -> None:
    machine.add_crontab(content=None)
    assert machine.run("schedule", "install").exit_code == 0
    assert len(machine.table.read_text().splitlines()) == 1
    machine.run("schedule", "remove")
    assert machine.table.read_text() == ""


def test_two_homes_have_two_entries(machine: Machine, tmp_path: Path) -> None:
    machine.add_crontab()
    machine.run("schedule", "install")
    other = Machine(tmp_path / "other", machine.bin, machine.units, machine.table, machine.calls)
    other.home.mkdir()
    other.run("schedule", "install")
    assert len(machine.ours()) == 2
    machine.run("schedule", "remove")
    (left,) = machine.ours()
    assert left.endswith(f"home={other.home}")


def test_show(machine: Machine) -> None:
    machine.add_crontab()
    result = machine.run("schedule", "show")
    assert "No scheduled scan. Usable here: cron." in result.stdout
    machine.run("schedule", "install", "--every", "30m")
    result = machine.run("schedule", "show")
    assert result.stdout.startswith("Scheduled every 30m with cron.")
    data = json.loads(machine.run("schedule", "show", "--json").stdout)
    assert data["installed"] is True
    assert data["with"] == "cron" and data["every"] == "30m"
    assert data["available"] == ["cron"]
    assert "scan --quiet" in data["command"]
    assert data["output"].endswith("scan.log")


def test_a_crontab_that_fails_is_exit_6(machine: Machine) -> None:
    (machine.bin / "crontab").write_text("#!/bin/sh\necho 'crontab: permission denied' >&2\n"
                                         "exit 1\n")
    (machine.bin / "crontab").chmod(0o755)
    result = machine.run("schedule", "install")
    assert result.exit_code == 6
    assert result.stderr.startswith("Error: `crontab -l` failed: crontab: permission denied")


# --- systemd ----------------------------------------------------------------------------

def units(machine: Machine) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(machine.units.glob("*"))}


def test_systemd_is_preferred_when_a_user_session_runs(machine: Machine) -> None:
    machine.add_crontab()
    machine.add_systemd()
    result = machine.run("schedule", "install", "--every", "2h")
    assert result.exit_code == 0, result.stderr
    assert "every 2h with systemd" in result.stdout
    written = units(machine)
    assert sorted(Path(n).suffix for n in written) == [".service", ".timer"]
    name = Path(next(iter(written))).stem
    service, timer = written[f"{name}.service"], written[f"{name}.timer"]
    assert "Type=oneshot" in service
    exec_start = next(line for line in service.splitlines() if line.startswith("ExecStart="))
    assert f'--home "{machine.home}%" scan --quiet' in exec_start  # % doubled, quoted
    assert "OnCalendar=0/2:00" in timer and "Persistent=true" in timer
    assert "WantedBy=timers.target" in timer
    log = machine.log()
    assert "--user daemon-reload" in log
    assert f"--user enable --now {name}.timer" in log
    assert machine.table.read_text() == OTHER_LINES  # cron untouched


def test_systemd_install_twice_changes_nothing(machine: Machine) -> None:
    machine.add_systemd()
    machine.run("schedule", "install")
    before = units(machine)
    calls = len(machine.log())
    result = machine.run("schedule", "install")
    assert "nothing to do" in result.stdout
    assert units(machine) == before
    assert [c for c in machine.log()[calls:] if "is-enabled" not in c] == [
        "--user show-environment"]


def test_systemd_remove(machine: Machine) -> None:
    machine.add_systemd()
    machine.run("schedule", "install")
    name = Path(next(iter(units(machine)))).stem
    result = machine.run("schedule", "remove")
    assert result.exit_code == 0
    assert units(machine) == {}
    assert f"--user disable --now {name}.timer" in machine.log()
    assert machine.log()[-1] == "--user daemon-reload"


def test_systemd_show_names_the_journal(machine: Machine) -> None:
    machine.add_systemd()
    machine.run("schedule", "install")
    data = json.loads(machine.run("schedule", "show", "--json").stdout)
    assert data["with"] == "systemd" and data["every"] == "1h"
    assert data["output"].startswith("journalctl --user -u inbox-assistant-scan-")


def test_systemd_dry_run_writes_nothing(machine: Machine) -> None:
    machine.add_systemd()
    result = machine.run("schedule", "install", "--dry-run")
    assert "write " in result.stdout and "OnCalendar=hourly" in result.stdout
    assert "run " in result.stdout and "enable --now" in result.stdout
    assert not machine.units.exists()
    assert not any(c.startswith("--user enable") for c in machine.log())


def test_without_a_user_session_cron_is_used(machine: Machine) -> None:
    machine.add_crontab()
    machine.add_systemd(session=False)
    result = machine.run("schedule", "install")
    assert "with cron" in result.stdout
    assert not machine.units.exists()


def test_with_chooses_and_moves_the_entry(machine: Machine) -> None:
    machine.add_crontab()
    machine.add_systemd()
    machine.run("schedule", "install", "--with", "cron")
    assert machine.ours() and not machine.units.exists()
    result = machine.run("schedule", "install", "--with", "systemd")
    assert result.exit_code == 0
    assert machine.ours() == []
    assert len(units(machine)) == 2


# --- no scheduler, bad options ------------------------------------------------------------

def test_no_scheduler_at_all_is_exit_6_with_a_hint(machine: Machine) -> None:
    result = machine.run("schedule", "install")
    assert result.exit_code == 6
    assert "found neither a systemd user session nor a crontab command" in result.stderr
    assert "Hint: install cron" in result.stderr


def test_asking_for_a_missing_scheduler_is_exit_6(machine: Machine) -> None:
    machine.add_crontab()
    result = machine.run("schedule", "install", "--with", "systemd")
    assert result.exit_code == 6
    assert "systemd is not available" in result.stderr


@pytest.mark.parametrize("every", ["7m", "90m", "5h", "often", "0h"])
def test_an_interval_cron_cannot_keep_is_refused(machine: Machine, every: str) -> None:
    machine.add_crontab()
    result = machine.run("schedule", "install", "--every", every)
    assert result.exit_code == 2
    assert "--every" in result.stderr
    assert machine.log() == []


@pytest.mark.parametrize(("text", "cron", "calendar", "shown"), [
    ("5m", "*/5 * * * *", "*:0/5", "5m"),
    ("60m", "0 * * * *", "hourly", "1h"),
    ("1h", "0 * * * *", "hourly", "1h"),
    ("12h", "0 */12 * * *", "0/12:00", "12h"),
    ("24h", "0 8 * * *", "08:00", "1d"),
    ("1D", "0 8 * * *", "08:00", "1d"),
])
def test_every(text: str, cron: str, calendar: str, shown: str) -> None:
    every = Every.parse(text)
    assert (every.cron(), every.on_calendar(), str(every)) == (cron, calendar, shown)
