"""Where things live and the user's settings (`config.toml`), read once, typed, strict."""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from inbox_assistant.domain.errors import ConfigError

ENV_HOME = "INBOX_ASSISTANT_HOME"
ENV_GMAIL_API = "INBOX_ASSISTANT_GMAIL_API"
ENV_TOKEN_URI = "INBOX_ASSISTANT_TOKEN_URI"
ENV_QUOTA = "INBOX_ASSISTANT_QUOTA_PER_MINUTE"
# Gmail gives a user 6,000 units a minute; stay under it so other tools keep some room.
DEFAULT_QUOTA_PER_MINUTE = 5000
GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token"

_KEYS = ("name", "email", "aliases", "signature", "about", "timezone", "since_days",
         "gmail_api", "token_uri", "quota_per_minute", "business_days", "phone_situations",
         "phone_contacts")
_SITUATIONS = ("new_contact", "introduction", "help_offered", "resume_submitted", "interview")


@dataclass(frozen=True, slots=True)
class Paths:
    home: Path

    @property
    def credentials(self) -> Path:
        return self.home / "credentials.json"

    @property
    def token(self) -> Path:
        return self.home / "token.json"

    @property
    def config(self) -> Path:
        return self.home / "config.toml"

    @property
    def rules(self) -> Path:
        return self.home / "rules.toml"

    @property
    def templates(self) -> Path:
        return self.home / "templates"

    @property
    def state(self) -> Path:
        return self.home / "state.sqlite3"

    @property
    def lock(self) -> Path:
        return self.home / "scan.lock"


def resolve_home(option: str | None, env: dict[str, str]) -> Paths:
    """--home wins, then INBOX_ASSISTANT_HOME, then the per-user config directory."""
    if option:
        return Paths(Path(option).expanduser())
    if env.get(ENV_HOME):
        return Paths(Path(env[ENV_HOME]).expanduser())
    return Paths(Path(platformdirs.user_config_dir("inbox-assistant", appauthor=False)))


@dataclass(frozen=True, slots=True)
class Settings:
    name: str = ""
    email: str = ""
    aliases: tuple[str, ...] = ()
    signature: str = ""
    about: str = ""
    timezone: str = ""
    since_days: int = 60
    gmail_api: str = ""
    token_uri: str = ""
    quota_per_minute: int = DEFAULT_QUOTA_PER_MINUTE
    # Count follow-up windows in working days (Monday to Friday) rather than calendar days.
    business_days: bool = False
    # Follow-ups better made by phone: talking points in the report instead of a draft.
    phone_situations: tuple[str, ...] = ()
    phone_contacts: tuple[str, ...] = ()

    def zone(self, env: dict[str, str]) -> ZoneInfo:
        """The user's time zone: config, then $TZ, then the system's, then UTC."""
        for candidate in (self.timezone, env.get("TZ", "").lstrip(":"), _system_zone()):
            if not candidate:
                continue
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                if candidate == self.timezone:
                    raise ConfigError(f'config.toml: timezone "{candidate}" is not a known '
                                      "time zone", hint='use an IANA name like "Europe/Paris"'
                                      ) from None
        return ZoneInfo("UTC")

    def api_root(self, env: dict[str, str]) -> str:
        return env.get(ENV_GMAIL_API) or self.gmail_api

    def oauth_token_uri(self, env: dict[str, str]) -> str:
        return env.get(ENV_TOKEN_URI) or self.token_uri or GOOGLE_TOKEN_URI


def _system_zone() -> str:
    try:
        target = Path("/etc/localtime").resolve()
    except OSError:
        return ""
    parts = target.parts
    return "/".join(parts[parts.index("zoneinfo") + 1:]) if "zoneinfo" in parts else ""


def load_settings(paths: Paths) -> Settings:
    """The settings of config.toml; defaults when there is none. Unknown keys are errors."""
    path = paths.config
    if not path.exists():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}",
                          hint="fix the line named, or move the file aside") from None
    for key in data:
        if key not in _KEYS:
            close = difflib.get_close_matches(key, _KEYS, n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            raise ConfigError(f"{path}: unknown key {key!r}{hint}")
    strings = ("name", "email", "signature", "about", "timezone", "gmail_api", "token_uri")
    for key in strings:
        if key in data and not isinstance(data[key], str):
            raise ConfigError(f"{path}: {key} must be a string")
    aliases = data.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ConfigError(f"{path}: aliases must be a list of addresses")
    since = data.get("since_days", 60)
    if not isinstance(since, int) or isinstance(since, bool) or not 1 <= since <= 3650:
        raise ConfigError(f"{path}: since_days must be a whole number of days (1-3650)")
    quota = data.get("quota_per_minute", DEFAULT_QUOTA_PER_MINUTE)
    if not isinstance(quota, int) or isinstance(quota, bool) or quota < 0:
        raise ConfigError(f"{path}: quota_per_minute must be a whole number (0 = unpaced)")
    business_days = data.get("business_days", False)
    if not isinstance(business_days, bool):
        raise ConfigError(f"{path}: business_days must be true or false")
    phone_situations = _strings(data, "phone_situations", path)
    for situation in phone_situations:
        if situation not in _SITUATIONS:
            raise ConfigError(f"{path}: phone_situations: {situation!r} is not one of "
                              f"{', '.join(_SITUATIONS)}")
    return Settings(
        phone_situations=phone_situations,
        phone_contacts=tuple(a.lower() for a in _strings(data, "phone_contacts", path)),
        business_days=business_days,
        quota_per_minute=quota,
        name=data.get("name", ""), email=data.get("email", "").lower(),
        aliases=tuple(a.lower() for a in aliases), signature=data.get("signature", ""),
        about=data.get("about", ""), timezone=data.get("timezone", ""), since_days=since,
        gmail_api=data.get("gmail_api", ""), token_uri=data.get("token_uri", ""),
    )


def environment() -> dict[str, str]:
    return dict(os.environ)


def _strings(data: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return tuple(value)
