"""`assistant init`: from a downloaded client file to a home ready to connect Gmail."""

from __future__ import annotations

import os
import shutil
import stat
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from inbox_assistant.cli import main
from inbox_assistant.config import Paths, load_settings
from inbox_assistant.firstrun import Answers, config_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "credentials.example.json"


def run(home: Path, *args: str, input: str | None = None, user_home: Path | None = None
        ) -> Result:
    env = {"INBOX_ASSISTANT_HOME": "", "TZ": "Europe/Berlin"}
    if user_home is not None:
        env["HOME"] = str(user_home)
    return CliRunner().invoke(main, ["--home", str(home), "init", *args], input=input, env=env,
                              catch_exceptions=False)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_non_interactive_init(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run(home, "--non-interactive", "--credentials", str(EXAMPLE),
                 "--name", "Jordan Reyes", "--signature", "Cheers,\\nJordan\\nlinkedin.com/in/jr",
                 "--email", "Jordan@Example.com", "--timezone", "America/New_York",
                 "--business-days")
    assert result.exit_code == 0, result.stderr
    assert mode(home) == 0o700
    client = home / "credentials.json"
    assert client.read_bytes() == EXAMPLE.read_bytes()
    assert mode(client) == 0o600
    settings = load_settings(Paths(home))
    assert (settings.name, settings.email, settings.timezone, settings.business_days) == (
        "Jordan Reyes", "jordan@example.com", "America/New_York", True)
    assert settings.signature.strip() == "Cheers,\nJordan\nlinkedin.com/in/jr"
    assert "Next:\n  1. `assistant auth` to connect Gmail" in result.stdout
    assert "`assistant schedule install`" in result.stdout


def test_the_config_is_commented_and_defaults_are_sensible(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "--non-interactive").exit_code == 0
    text = (home / "config.toml").read_text()
    assert text.startswith("# inbox-assistant settings")
    assert '# email = "you@gmail.com"' in text and "# since_days = 60" in text
    settings = load_settings(Paths(home))
    assert settings.timezone == "Europe/Berlin"  # this computer's ($TZ here)
    assert settings.business_days is False and settings.name == ""


def test_init_keeps_an_existing_config_unless_forced(tmp_path: Path) -> None:
    home = tmp_path / "home"
    run(home, "--non-interactive", "--name", "First")
    result = run(home, "--non-interactive", "--name", "Second")
    assert "Kept" in result.stdout and "--force replaces it" in result.stdout
    assert load_settings(Paths(home)).name == "First"
    run(home, "--non-interactive", "--name", "Second", "--force")
    assert load_settings(Paths(home)).name == "Second"


def test_without_credentials_the_next_step_says_where_to_get_them(tmp_path: Path) -> None:
    result = run(tmp_path / "home", "--non-interactive")
    assert result.exit_code == 0
    assert "1. download the OAuth client JSON" in result.stdout


@pytest.mark.parametrize(("content", "message"), [
    ('{"web": {"client_id": "x", "client_secret": "y"}}', "Web application"),
    ('{"installed": {}}', "not an OAuth client file of type Desktop app"),
    ("not json", "not a JSON file"),
])
def test_a_wrong_client_file_is_refused(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "client.json"
    bad.write_text(content)
    result = run(tmp_path / "home", "--non-interactive", "--credentials", str(bad))
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "home" / "credentials.json").exists()


def test_a_missing_client_file(tmp_path: Path) -> None:
    result = run(tmp_path / "home", "--non-interactive", "--credentials",
                 str(tmp_path / "nope.json"))
    assert result.exit_code == 2
    assert "no such file" in result.stderr and "Hint: download" in result.stderr


def test_an_unknown_time_zone_is_exit_2(tmp_path: Path) -> None:
    result = run(tmp_path / "home", "--non-interactive", "--timezone", "Mars/Olympus")
    assert result.exit_code == 2
    assert '"Mars/Olympus" is not a known time zone' in result.stderr
    assert not (tmp_path / "home" / "config.toml").exists()


def test_interactive_init_asks_and_re_asks(tmp_path: Path) -> None:
    user = tmp_path / "user"
    downloads = user / "Downloads"
    downloads.mkdir(parents=True)
    bad = downloads / "notes.json"
    bad.write_text("{}")
    home = tmp_path / "home"
    answers = "\n".join([
        str(bad),             # not a client file: asked again
        str(EXAMPLE),
        "Jordan Reyes",
        "",                   # the default signature: Best, and the name
        "Nowhere/Atlantis",   # not a time zone: asked again
        "America/Chicago",
        "y",                  # business days
        "n",                  # connect Gmail later
    ]) + "\n"
    result = run(home, input=answers, user_home=user)
    assert result.exit_code == 0, result.output
    assert "not an OAuth client file" in result.output
    assert "is not a known time zone" in result.output
    settings = load_settings(Paths(home))
    assert settings.name == "Jordan Reyes"
    assert settings.signature.strip() == "Best,\nJordan Reyes"
    assert settings.timezone == "America/Chicago" and settings.business_days is True
    assert (home / "credentials.json").read_bytes() == EXAMPLE.read_bytes()


def test_interactive_init_offers_the_downloaded_client_file(tmp_path: Path) -> None:
    downloads = tmp_path / "user" / "Downloads"
    downloads.mkdir(parents=True)
    downloaded = downloads / "client_secret_1234-abc.apps.googleusercontent.com.json"
    shutil.copy(EXAMPLE, downloaded)
    home = tmp_path / "home"
    result = run(home, input="\nJordan\n\n\nn\nn\n", user_home=tmp_path / "user")
    assert result.exit_code == 0, result.output
    assert f"[{downloaded}]" in result.output
    assert mode(home / "credentials.json") == 0o600


def test_interactive_init_keeps_what_is_there(tmp_path: Path) -> None:
    home = tmp_path / "home"
    run(home, "--non-interactive", "--credentials", str(EXAMPLE), "--name", "First")
    before = (home / "config.toml").read_text()
    result = run(home, input="n\nn\nn\n")  # keep the client, keep the config, no Gmail yet
    assert result.exit_code == 0, result.output
    assert (home / "config.toml").read_text() == before


@pytest.mark.parametrize("value", [
    'Jordan "JR" Reyes', "back\\slash", "tab\there", "Zoë Ñúñez 日本", "bell\x07", "del\x7f",
])
def test_any_name_survives_the_config_file(value: str) -> None:
    text = config_text(Answers(name=value, signature=f"Best,\n{value}\n\"\"\"", timezone="UTC"))
    data = tomllib.loads(text)
    assert data["name"] == value
    assert data["signature"] == f"Best,\n{value}\n\"\"\"\n"  # a last new line, as typed


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_client_file(tmp_path: Path) -> None:
    locked = tmp_path / "client.json"
    shutil.copy(EXAMPLE, locked)
    locked.chmod(0)
    result = run(tmp_path / "home", "--non-interactive", "--credentials", str(locked))
    assert result.exit_code == 2
