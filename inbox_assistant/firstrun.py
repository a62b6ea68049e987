"""First run: the OAuth client file copied into the home, a commented `config.toml` written.

Files are written whole or not at all (a temporary file, then a rename); the client
file, which holds a secret, is private (0600) from the moment it exists.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inbox_assistant.domain.errors import InputFileError

_SETUP_HINT = "README.md, 'Gmail setup', shows how to create and download it"


@dataclass(frozen=True, slots=True)
class Answers:
    """What the user told `assistant init`."""

    name: str = ""
    signature: str = ""
    timezone: str = ""
    business_days: bool = False
    email: str = ""


def read_client(path: Path) -> str:
    """The client id of a Desktop-app OAuth client file, or an error that says what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file",
                             hint=f"download the OAuth client (Desktop app) JSON; {_SETUP_HINT}"
                             ) from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputFileError(f"{path}: not a JSON file ({type(exc).__name__})",
                             hint=_SETUP_HINT) from None
    if isinstance(data, dict) and "web" in data:
        raise InputFileError(f"{path}: an OAuth client of type Web application",
                             hint='create an OAuth client ID of type "Desktop app" instead')
    section = data.get("installed") if isinstance(data, dict) else None
    if not isinstance(section, dict) or not section.get("client_id") or not section.get(
            "client_secret"):
        raise InputFileError(f"{path}: not an OAuth client file of type Desktop app",
                             hint=_SETUP_HINT)
    return str(section["client_id"])


def install_credentials(source: Path, target: Path) -> bool:
    """Copy a checked client file to `target`, private; False when it was already there."""
    read_client(source)
    data = source.read_bytes()
    if target.exists() and target.read_bytes() == data:
        target.chmod(0o600)
        return False
    write_private(target, data)
    return True


def write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.unlink(missing_ok=True)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    temp.replace(path)


def write_config(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(text, encoding="utf-8")
    temp.replace(path)


def exposed(path: Path) -> str:
    """'' when only the owner can read `path`; else its mode, e.g. '0644'."""
    mode = stat.S_IMODE(path.stat().st_mode)
    return "" if mode & 0o077 == 0 else f"{mode:04o}"


def check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputFileError(f'"{name}" is not a known time zone',
                             hint='use an IANA name like "Europe/Paris" or "America/New_York"'
                             ) from None
    return name


def guess_credentials(downloads: Path) -> Path | None:
    """The newest OAuth client file in a downloads folder: Google names it
    client_secret_<id>.apps.googleusercontent.com.json."""
    try:
        found = [p for pattern in ("client_secret*.json", "credentials*.json")
                 for p in downloads.glob(pattern) if p.is_file()]
    except OSError:
        return None
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def config_text(answers: Answers) -> str:
    """A commented config.toml holding the answers; the keys left out show their use."""

    def key(name: str, value: str, example: str) -> str:
        if value:
            return f"{name} = {value}\n"
        return "".join(f"# {line}\n" for line in f"{name} = {example}".splitlines())

    signature = _multiline(answers.signature) if answers.signature.strip() else ""
    return (
        "# inbox-assistant settings, written by `assistant init`. Every key is optional;\n"
        "# README.md, \"Configuration\", describes them. `assistant doctor` checks this file.\n"
        "\n# Your name: it signs your drafts.\n"
        + key("name", _string(answers.name), '"Jordan Reyes"')
        + "\n# Your Gmail address; read from Gmail when absent.\n"
        + key("email", _string(answers.email.strip().lower()), '"you@gmail.com"')
        + "\n# Other addresses of yours: never written to, and mail from them is yours.\n"
        + '# aliases = ["you@work.example"]\n'
        + "\n# How your drafts end. Without it: \"Best,\" and your name.\n"
        + key("signature", signature, '"""\nBest,\nJordan Reyes\n"""')
        + "\n# One sentence about you, for the templates that introduce you.\n"
        + "# about = \"I'm a backend engineer with eight years in payments.\"\n"
        + "\n# The time zone of dates in reasons and windows (an IANA name).\n"
        + key("timezone", _string(answers.timezone), '"America/New_York"')
        + "\n# Count follow-up windows in working days (Monday to Friday), not calendar days.\n"
        + f"business_days = {'true' if answers.business_days else 'false'}\n"
        + "\n# How far back `assistant scan` looks, in days.\n"
        + "# since_days = 60\n"
    )


def _escape(text: str, *, newlines: bool) -> str:
    out: list[str] = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n" and newlines:
            out.append("\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 32 or ord(char) == 127:
            # TOML allows no raw control characters in a string.
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return "".join(out)


def _string(value: str) -> str:
    return f'"{_escape(value, newlines=False)}"' if value else ""


def _multiline(value: str) -> str:
    # The new line right after the opening quotes is not part of the value (TOML).
    return '"""\n' + _escape(value.strip("\n").replace("\r\n", "\n"), newlines=True) + '\n"""'
