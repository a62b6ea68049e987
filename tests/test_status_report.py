"""`status` and `report`: the pipeline from the state the scans left, without Gmail."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ACCOUNT, Home
from tests.fakegmail import FakeGmail
from tests.pipeline_scenario import HOSTILE, at, job_search


@pytest.fixture
def pipeline(fake: FakeGmail, home: Home) -> Home:
    return job_search(fake, home)


def status_json(home: Home, *args: str) -> dict[str, Any]:
    result = home.run("status", "--json", *args)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_status_shows_runs_drafts_to_review_and_what_comes_due(
        fake: FakeGmail, pipeline: Home) -> None:
    requests_before = len(fake.requests)
    data = status_json(pipeline, "--now", at(timedelta(hours=7)))
    assert len(fake.requests) == requests_before  # offline: no Gmail call at all
    assert data["account"] == ACCOUNT
    assert [r["drafts_created"] for r in data["runs"]] == [0, 2]
    assert data["last_scan"] == {"at": at(timedelta(hours=6)), "ok": True, "drafts_created": 0}
    assert [d["subject"] for d in data["awaiting_review"]] == ["Backend Engineer application"]
    assert data["awaiting_review"][0]["to"] == "maya@brightlane.io"
    upcoming = [(u["subject"], u["status"], u["drafted"], u["due_at"]) for u in data["upcoming"]]
    assert upcoming == [
        ("Backend Engineer application", "due", True, at(timedelta(days=-1))),
        ("Data Engineer application", "waiting", False, at(timedelta(days=1))),
        (HOSTILE, "waiting", False, at(timedelta(days=1))),
        ("SRE application", "waiting", False, at(timedelta(days=2))),
    ]
    assert data["summary"] | {} == {
        "threads": 5, "due": 1, "overdue": 0, "waiting": 3, "closed": 1, "coming_up": 4,
        "awaiting_review": 1, "follow_ups_sent": 1, "answered": 1,
        "median_response_hours": 4.0}


def test_status_horizon_leaves_out_what_is_further_away(pipeline: Home) -> None:
    data = status_json(pipeline, "--now", at(timedelta(hours=7)), "--days", "1")
    assert "SRE application" not in [u["subject"] for u in data["upcoming"]]
    assert len(data["upcoming"]) == 3


def test_status_as_text(pipeline: Home) -> None:
    result = pipeline.run("status", "--now", at(timedelta(hours=7)))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "\x1b[" not in out  # not a terminal: no colour codes
    assert "Last scan: Fri 20 Nov 16:00, 1 h ago: ok, 0 drafts created." in out
    assert "Coming up in the next 7 days (4):" in out
    upcoming = out.split("Coming up")[1].split("Drafts awaiting")[0]
    lines = [line.split() for line in upcoming.splitlines()[2:] if line.strip()]
    assert lines[0][:2] == ["due", "now"] and "(draft ready)" in " ".join(lines[0])
    assert lines[1][:4] == ["Sat", "21", "Nov", "10:00"]
    assert "Drafts awaiting your review in Gmail (1):" in out
    assert "1 of 1 follow-ups you sent got an answer (median time 4 h)." in out


def test_status_says_when_its_dates_are_old(pipeline: Home) -> None:
    result = pipeline.run("status", "--now", at(timedelta(days=3)))
    assert "run `assistant scan` to bring them up to date" in result.stdout


def test_status_before_any_scan(home: Home) -> None:
    result = home.run("status")
    assert result.exit_code == 0
    assert result.stdout.startswith("No scan yet: run `assistant scan`")
    assert not (home.path / "state.sqlite3").exists()
    data = status_json(home)
    assert data["last_scan"] is None and data["upcoming"] == [] and data["runs"] == []


def test_status_with_a_broken_rules_file_is_exit_2(pipeline: Home) -> None:
    (pipeline.path / "rules.toml").write_text("version = 1\n[[rules]]\nnmae = 'x'\n")
    result = pipeline.run("status")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")


def test_report_json_adds_every_thread_and_follow_up(pipeline: Home) -> None:
    result = pipeline.run("report", "--json", "--now", at(timedelta(hours=7)))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["threads"]) == 5
    (follow_up,) = data["follow_ups"]
    assert follow_up["subject"] == "Platform Engineer application"
    assert follow_up["sent_at"] == at(timedelta(hours=1))
    assert follow_up["answered_at"] == at(timedelta(hours=5))
    assert follow_up["response_hours"] == 4.0


def test_report_needs_something_to_make(home: Home) -> None:
    result = home.run("report")
    assert result.exit_code == 2
    assert "--html FILE, --json, or both" in result.stderr


def html_report(home: Home, tmp_path: Path) -> str:
    page = tmp_path / "pipeline.html"
    result = home.run("report", "--html", str(page), "--now", at(timedelta(hours=7)))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Report written to {page}: open it in your browser.\n"
    return page.read_text(encoding="utf-8")


def test_report_html_is_self_contained_and_escapes_what_mail_says(
        pipeline: Home, tmp_path: Path) -> None:
    page = html_report(pipeline, tmp_path)
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Staff Engineer &amp; Co" in page
    # Nothing to fetch: no external address anywhere a browser would load it from.
    assert not re.search(r"""(?:src|href)\s*=|url\(|@import""", page)
    assert "default-src 'none'" in page
    for heading in ("What is due when", "Threads by situation and status",
                    "Follow-ups and answers", "Every thread", "Recent scans"):
        assert heading in page
    assert "answered after 4 h" in page
    assert '<html lang="en">' in page


def test_report_html_before_any_scan(home: Home, tmp_path: Path) -> None:
    assert "No scan yet." in html_report(home, tmp_path)


def test_report_to_an_unwritable_place_is_exit_2(home: Home, tmp_path: Path) -> None:
    result = home.run("report", "--html", str(tmp_path / "missing" / "r.html"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr
