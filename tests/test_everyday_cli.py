"""The everyday commands have help, JSON where they report, and shell completion."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from inbox_assistant.cli import main

COMMANDS = [["init"], ["doctor"], ["status"], ["report"], ["schedule"], ["schedule", "install"],
            ["schedule", "remove"], ["schedule", "show"], ["completion"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ")
    assert len(result.stdout.splitlines()) > 4


@pytest.mark.parametrize("command", [["doctor"], ["status"], ["report"], ["schedule", "show"]],
                         ids=" ".join)
def test_every_reporting_command_speaks_json(command: list[str]) -> None:
    assert "--json" in CliRunner().invoke(main, [*command, "--help"]).stdout


def test_doctor_and_schedule_document_their_exit_codes() -> None:
    for command in (["doctor"], ["schedule", "install"]):
        assert "Exit codes:" in CliRunner().invoke(main, [*command, "--help"]).stdout


@pytest.mark.parametrize(("shell", "marker"), [
    ("bash", "complete -o nosort -F _assistant_completion assistant"),
    ("zsh", "#compdef assistant"),
    ("fish", "complete --no-files --command assistant"),
])
def test_completion_scripts(shell: str, marker: str) -> None:
    result = CliRunner().invoke(main, ["completion", shell])
    assert result.exit_code == 0
    assert marker in result.stdout
    assert "_ASSISTANT_COMPLETE" in result.stdout


def test_completion_completes_the_new_commands() -> None:
    env = {"_ASSISTANT_COMPLETE": "bash_complete", "COMP_WORDS": "assistant sch",
           "COMP_CWORD": "1"}
    result = CliRunner().invoke(main, [], env=env, prog_name="assistant")
    assert "schedule" in result.stdout
