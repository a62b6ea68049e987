"""The HTML report in a real browser: Debian's chromium, headless, on the file itself.

Installs nothing: skipped where chromium is absent (CI installs it). The page is opened
from disk with every background service of the browser off, so nothing leaves the machine.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import Home
from tests.fakegmail import FakeGmail
from tests.pipeline_scenario import at, job_search


def _chromium() -> str | None:
    found = shutil.which("chromium")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    return found


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed: `apt-get install chromium` (as .ci/run "
                             "does) to check the HTML report in a real browser")


def browse(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--no-default-browser-check", f"--user-data-dir={profile}",
         # Should anything in the browser still reach out, no name resolves.
         "--host-resolver-rules=MAP * ~NOTFOUND", "--no-proxy-server",
         # Console messages (a blocked load, a script error) go to stderr.
         "--enable-logging=stderr", "--v=0", *args, page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def page(fake: FakeGmail, home: Home, tmp_path: Path) -> Path:
    job_search(fake, home)
    path = tmp_path / "pipeline.html"
    result = home.run("report", "--html", str(path), "--now", at(timedelta(hours=7)))
    assert result.exit_code == 0, result.stderr
    return path


def test_the_browser_shows_the_pipeline_and_runs_nothing_from_mail(
        page: Path, tmp_path: Path) -> None:
    done = browse(page, tmp_path / "profile", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    # The hostile subject is text in the document, not an element.
    assert "&lt;script&gt;alert(\"x\")&lt;/script&gt; Staff Engineer &amp; Co" in dom
    assert "<script" not in dom
    for heading in ("Job search pipeline", "What is due when", "Threads by situation and status",
                    "Follow-ups and answers", "Every thread", "Recent scans"):
        assert re.search(rf"<h[12][^>]*>{re.escape(heading)}</h[12]>", dom), heading
    assert "answered after 4 h" in dom
    # The page tried to load nothing: the policy would have blocked it and said so.
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line]
    assert console == []


def test_the_browser_renders_a_page(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    done = browse(page, tmp_path / "profile", "--window-size=1280,2000",
                  f"--screenshot={shot}", "--hide-scrollbars")
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 2000)
    # A blank page compresses to a few kilobytes; styled tables and text do not.
    assert len(data) > 50_000


# Run in a copy of the page only: the report itself allows no script.
_WIDTH_PROBE = """<script>
const width = document.documentElement.clientWidth;
const wider = [...document.querySelectorAll("main > *")]
  .filter(el => el.getBoundingClientRect().right > width + 1).map(el => el.tagName);
document.body.dataset.probe = `${document.documentElement.scrollWidth - width}:${wider}`;
</script>"""


def test_the_page_fits_a_phone_screen(page: Path, tmp_path: Path) -> None:
    """Wide tables scroll inside their own box; the page never scrolls sideways."""
    text = page.read_text(encoding="utf-8")
    probe = tmp_path / "probe.html"
    probe.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
                     .replace("</body>", _WIDTH_PROBE + "</body>"), encoding="utf-8")
    done = browse(probe, tmp_path / "profile", "--window-size=400,900", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'data-probe="([^"]*)"', done.stdout)
    assert found is not None, done.stdout[-2000:]
    assert found[1] == "0:"
