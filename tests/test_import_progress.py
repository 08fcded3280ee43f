"""A long import on a terminal shows its progress on stderr, and Ctrl-C stops it cleanly: what was
read is imported, and one line says what was and was not. Run as a real process on a
pseudo-terminal, with saved pages from ../shared/html-dev."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO_ROOT
from tui.core.store.library import Library

HTML_DEV = REPO_ROOT.parent / "shared" / "html-dev"
_ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def _pages(folder: Path, count: int) -> Path:
    folder.mkdir()
    for page in sorted(HTML_DEV.glob("*.html.gz"))[:count]:
        shutil.copy(page, folder / page.name)
    return folder


def _start_on_terminal(library: Path, folder: Path) -> tuple[subprocess.Popen[bytes], int]:
    primary, secondary = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "COLUMNS": "160", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "--library", str(library), "import", str(folder)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=secondary, env=env,
    )  # fmt: skip
    os.close(secondary)
    return process, primary


def _read_until(fd: int, pattern: re.Pattern[bytes], seen: bytearray, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            seen.extend(chunk)
            if pattern.search(_ANSI.sub(b"", bytes(seen))):
                return True
    return False


def _drain(fd: int, seen: bytearray) -> None:
    while True:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            return
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        seen.extend(chunk)


def test_progress_shows_and_ctrl_c_keeps_what_was_read(tmp_path: Path) -> None:
    # Every saved page, so the reading lasts long enough on a fast machine for the interrupt
    # to land in it (pages are read by several workers at once).
    folder = _pages(tmp_path / "pages", len(list(HTML_DEV.glob("*.html.gz"))))
    count = len(list(folder.iterdir()))
    library = tmp_path / "library"
    process, terminal = _start_on_terminal(library, folder)
    seen = bytearray()
    try:
        # The bar: 'reading ━━━━ 3/101 ...' once a few pages are read.
        bar = re.compile(rb"reading\s.*?\b([3-9]|[1-4]\d)/" + str(count).encode())
        assert _read_until(terminal, bar, seen, 90)
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=90)
        _drain(terminal, seen)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(terminal)
    errors = _ANSI.sub(b"", bytes(seen)).decode("utf-8", "replace")
    assert process.returncode == 130, errors
    (summary,) = [line for line in errors.splitlines() if "import interrupted" in line]
    found = re.search(
        r"import interrupted; (\d+) files? not imported, (\d+) articles? imported", summary
    )
    assert found, summary
    left, imported = int(found.group(1)), int(found.group(2))
    assert imported >= 2 and left >= 1 and imported + left <= count
    stored = sum(len(s.article_ids) for s in Library(library).stories())
    assert stored == imported
    assert out.decode().count(" kept, ") == imported  # one line per article, on stdout
    assert "Traceback" not in errors


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    folder = _pages(tmp_path / "pages", 3)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(tmp_path / "lib"), "import", str(folder)],
        env=env, capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert b"reading" not in result.stderr and b"\x1b" not in result.stderr
