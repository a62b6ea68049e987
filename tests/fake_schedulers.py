"""Stand-ins for `crontab` and `systemctl`: small programs put on a PATH of their own.

The crontab keeps its table in a file; systemctl remembers which timers are enabled.
Both append every command line they get to a log, for tests to read.
"""

from __future__ import annotations

import sys
from pathlib import Path

FAKE_CRONTAB = """#!{python}
import pathlib, sys
table = pathlib.Path({table!r})
with open({log!r}, "a") as log:
    log.write(" ".join(sys.argv[1:]) + "\\n")
if sys.argv[1:] == ["-l"]:
    if not table.exists():
        sys.exit("no crontab for tester")
    sys.stdout.write(table.read_text())
elif sys.argv[1:] == ["-"]:
    table.write_text(sys.stdin.read())
else:
    sys.exit("crontab: unexpected arguments")
"""

FAKE_SYSTEMCTL = """#!{python}
import pathlib, sys
state = pathlib.Path({state!r})
enabled = set(state.read_text().split()) if state.exists() else set()
args = sys.argv[1:]
with open({log!r}, "a") as log:
    log.write(" ".join(args) + "\\n")
if args[:1] != ["--user"]:
    sys.exit("systemctl: only --user here")
verb, rest = args[1], args[2:]
if verb == "show-environment":
    sys.exit(0 if {session!r} else "Failed to connect to bus: No medium found")
if verb == "is-enabled":
    sys.exit(0 if rest[0] in enabled else 1)
if verb == "enable":
    enabled.add(rest[-1])
elif verb == "disable":
    enabled.discard(rest[-1])
elif verb != "daemon-reload":
    sys.exit("systemctl: unexpected " + verb)
state.write_text(" ".join(sorted(enabled)))
"""


def _tool(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text)
    path.chmod(0o755)
    return path


def fake_crontab(directory: Path, table: Path, log: Path) -> Path:
    return _tool(directory, "crontab", FAKE_CRONTAB.format(
        python=sys.executable, table=str(table), log=str(log)))


def fake_systemctl(directory: Path, log: Path, *, session: bool = True) -> Path:
    return _tool(directory, "systemctl", FAKE_SYSTEMCTL.format(
        python=sys.executable, state=str(directory / "enabled"), log=str(log),
        session=session))
