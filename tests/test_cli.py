"""The command line: help, version, and one clear line for every bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from inbox_assistant import __version__
from inbox_assistant.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo.mbox"
NOW = "2026-11-20T15:00:00Z"


def run(home: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--home", str(home), *args], catch_exceptions=False)


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run([sys.executable, "-m", "inbox_assistant", "--help"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "never sends mail" in done.stdout


@pytest.mark.parametrize("command", [["scan"], ["auth"], ["rules", "check"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


def test_mbox_scan_prints_a_table(tmp_path: Path) -> None:
    result = run(ROOT / "fixtures" / "demo-home", "scan", "--mbox", str(DEMO), "--now", NOW,
                 "--drafts-dir", str(tmp_path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["SUBJECT", "COUNTERPART", "SITUATION", "STATUS", "DUE", "ACTION"]
    assert "22 threads:" in result.stdout
    assert "drafts created" in result.stdout


def test_mbox_dry_run_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "drafts"
    result = run(ROOT / "fixtures" / "demo-home", "scan", "--mbox", str(DEMO), "--now", NOW,
                 "--drafts-dir", str(out), "--dry-run")
    assert result.exit_code == 0
    assert "would be drafted" in result.stdout
    assert not out.exists()


@pytest.mark.parametrize(("config", "message"), [
    ("name = ", "config.toml: not valid TOML"),
    ('nmae = "Jordan"', "unknown key 'nmae' (did you mean \"name\"?)"),
    ('timezone = "Mars/Olympus"', 'timezone "Mars/Olympus" is not a known time zone'),
    ("since_days = 0", "since_days must be a whole number"),
])
def test_a_bad_config_is_one_line_and_exit_2(tmp_path: Path, config: str, message: str) -> None:
    (tmp_path / "config.toml").write_text(config, encoding="utf-8")
    before = (tmp_path / "config.toml").read_bytes()
    result = run(tmp_path, "scan", "--mbox", str(DEMO), "--now", NOW, "--dry-run")
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.startswith("Error: ")
    assert (tmp_path / "config.toml").read_bytes() == before


def test_a_missing_mbox(tmp_path: Path) -> None:
    result = run(tmp_path, "scan", "--mbox", str(tmp_path / "nope.mbox"), "--now", NOW)
    assert result.exit_code == 2
    assert "no such mbox file" in result.stderr


def test_a_bad_now(tmp_path: Path) -> None:
    result = run(tmp_path, "scan", "--mbox", str(DEMO), "--now", "yesterday")
    assert result.exit_code == 2
    assert "ISO-8601" in result.stderr


def test_a_naive_now_is_refused(tmp_path: Path) -> None:
    result = run(tmp_path, "scan", "--mbox", str(DEMO), "--now", "2026-11-20T10:00:00")
    assert result.exit_code == 2
    assert "time zone" in result.stderr


def test_a_bad_rules_file_stops_the_scan(tmp_path: Path) -> None:
    (tmp_path / "rules.toml").write_text('version = 1\n[[rules]]\nname = "x"\n'
                                         'situation = "interview"\nwhen = { subjet = ["a"] }\n')
    result = run(tmp_path, "scan", "--mbox", str(DEMO), "--now", NOW, "--dry-run")
    assert result.exit_code == 2
    assert 'rule[0] "x" > when > subjet: unknown condition (did you mean "subject"?)' in (
        result.stderr)


def test_rules_check_lists_every_problem(tmp_path: Path) -> None:
    rules = tmp_path / "mine.toml"
    rules.write_text('version = 1\n[[rules]]\nname = "x"\nsituation = "interveiw"\n'
                     'when = { subject = ["a"] }\n[windows]\nreply = { opens = "x" }\n')
    result = run(tmp_path, "rules", "check", str(rules))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 2


def test_rules_check_of_the_defaults(tmp_path: Path) -> None:
    result = run(tmp_path, "rules", "check")
    assert result.exit_code == 0
    assert "templates valid" in result.stdout


def test_a_user_template_with_an_unknown_placeholder_fails_the_check(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "resume_submitted.txt").write_text("Hi {{ frist_name }}")
    result = run(tmp_path, "rules", "check")
    assert result.exit_code == 2
    assert 'unknown placeholder "frist_name"' in result.stderr


def test_a_user_template_cannot_reach_python(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "resume_submitted.txt").write_text(
        "{{ first_name.__class__.__mro__[1].__subclasses__() }}")
    result = run(tmp_path, "scan", "--mbox", str(DEMO), "--now", NOW, "--drafts-dir",
                 str(tmp_path / "d"))
    assert result.exit_code == 2
    assert "resume_submitted.txt" in result.stderr


def test_a_user_template_that_fails_when_rendered_is_named(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "resume_submitted.txt").write_text("Hi {{ 1 / 0 }}")
    result = run(tmp_path, "scan", "--mbox", str(DEMO), "--now", NOW, "--drafts-dir",
                 str(tmp_path / "d"))
    assert result.exit_code == 2
    assert "resume_submitted.txt: ZeroDivisionError" in result.stderr
    assert "Traceback" not in result.stderr


DEMO_HOME = ROOT / "fixtures" / "demo-home"


def test_explain_a_demo_thread() -> None:
    result = run(DEMO_HOME, "explain", "1882207162466547260", "--mbox", str(DEMO), "--now", NOW)
    assert result.exit_code == 0
    out = result.stdout
    assert "new-contact -> new_contact: MATCH  <- decides" in out
    assert "[yes] text = [\"great meeting you\"" in out
    assert "Anchor: Wed 18 Nov 2026 09:37" in out
    assert "Status: due" in out


def test_explain_json_names_every_rule() -> None:
    result = run(DEMO_HOME, "explain", "1a1ef1712083b63c", "--mbox", str(DEMO), "--now", NOW,
                 "--json")
    data = json.loads(result.stdout)
    assert data["situation"] == "new_contact"
    assert len(data["rules"]) >= 9
    assert data["opens"] and data["closes"]


def test_explain_an_unknown_thread(tmp_path: Path) -> None:
    result = run(DEMO_HOME, "explain", "123", "--mbox", str(DEMO), "--now", NOW)
    assert result.exit_code == 2
    assert "no thread 123" in result.stderr


def test_rules_show_lists_the_merged_rules(tmp_path: Path) -> None:
    (tmp_path / "rules.toml").write_text(
        'version = 1\n[windows]\nintroduction = { closes = "3d" }\n'
        '[[rules]]\nname = "mine"\nsituation = "none"\nwhen = { from_domain = ["x.example"] }\n')
    result = run(tmp_path, "rules", "show")
    assert result.exit_code == 0
    assert "introduction" in result.stdout and "1d -" in result.stdout
    assert "1. mine -> none  [from" in result.stdout
    assert 'when from_domain = ["x.example"]' in result.stdout


def test_rules_conditions_documents_every_condition() -> None:
    from inbox_assistant.rules.conditions import VOCABULARY

    result = CliRunner().invoke(main, ["rules", "conditions"])
    assert result.exit_code == 0
    for name in VOCABULARY:
        assert f"\n{name} (" in "\n" + result.stdout
    readme = (ROOT / "README.md").read_text()
    for name in VOCABULARY:
        assert f"`{name}`" in readme, f"README does not document {name}"


def test_every_documented_condition_example_parses() -> None:
    import tomllib

    from inbox_assistant.rules.conditions import VOCABULARY
    from inbox_assistant.rules.loader import compile_rules, default_rules_text

    base = tomllib.loads(default_rules_text())
    for spec in VOCABULARY.values():
        user = tomllib.loads('version = 1\n[[rules]]\nname = "x"\nsituation = "none"\n'
                             f"when = {{ {spec.example} }}\n")
        compile_rules(base, user, "example")


def test_rules_eval_on_the_demo(tmp_path: Path) -> None:
    result = run(DEMO_HOME, "rules", "eval", str(ROOT / "fixtures"))
    assert result.exit_code == 0
    assert "22 threads" in result.stdout
    assert "Confusion" in result.stdout


def test_rules_eval_reports_misses(tmp_path: Path) -> None:
    (tmp_path / "rules.toml").write_text(
        'version = 1\n[[rules]]\nname = "new-contact"\nenabled = false\n'
        '[[rules]]\nname = "new-contact-conversation"\nenabled = false\n')
    result = run(tmp_path, "rules", "eval", str(ROOT / "fixtures"), "--json")
    data = json.loads(result.stdout)
    assert data["threads"] == 22
    assert data["per_situation"]["new_contact"]["recall"] == 0.0
    assert any(m["expected"]["situation"] == "new_contact" for m in data["misses"])


def test_quiet_prints_only_news(tmp_path: Path) -> None:
    first = run(DEMO_HOME, "scan", "--mbox", str(DEMO), "--now", NOW, "--drafts-dir",
                str(tmp_path), "--quiet")
    assert first.exit_code == 0
    assert "drafts created" in first.stdout
    again = run(DEMO_HOME, "scan", "--mbox", str(DEMO), "--now", NOW, "--drafts-dir",
                str(tmp_path), "--quiet")
    assert again.exit_code == 0
    assert again.stdout == ""


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for name, command in main.commands.items():
        assert f"assistant {name}" in readme, f"README does not show `assistant {name}`"
        assert command.help, f"`assistant {name}` has no help"


def test_the_readme_has_the_two_setup_commands_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "bash scripts/check" in readme
    assert "--mbox fixtures/demo.mbox" in readme
    assert "bash scripts/check" in (ROOT / ".ci" / "run").read_text()
