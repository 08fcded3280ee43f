"""`compare` and `export`, which read and align a story (seconds to minutes for a big one), show
a spinner on a terminal once they have run a second, and nothing when stderr is not a terminal
(scripts and pipes get their output alone)."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO_ROOT
from rich.console import Console

from tui.cli.spinner import DelayedSpinner

SENTENCE = "The council approved the railway bridge budget on Tuesday after a long debate {n}."


def _long_article(path: Path, sentences: int) -> None:
    lines = [" ".join(SENTENCE.format(n=n + k) for k in range(4)) for n in range(0, sentences, 4)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _crosswire(home: Path, *args: str, stderr: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "COLUMNS": "100"}
    command = [sys.executable, "-m", "tui", "--library", str(home), *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, env=env)


def _on_a_terminal(home: Path, *args: str) -> tuple[int, bytes, bytes]:
    """Run crosswire with stderr on a pseudo-terminal: (exit status, stdout, what the terminal
    got). Stdout goes to a file, so a long output never blocks the process while the terminal
    is read."""
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "COLUMNS": "100"}
    command = [sys.executable, "-m", "tui", "--library", str(home), *args]
    stdout_path = home.parent / f"stdout-{args[0]}.txt"
    with stdout_path.open("wb") as stdout:
        process = subprocess.Popen(command, stdout=stdout, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    process.wait(timeout=120)
    os.close(master)
    return process.returncode, stdout_path.read_bytes(), seen


def test_the_spinner_shows_its_label_then_goes() -> None:
    terminal = io.StringIO()
    console = Console(file=terminal, force_terminal=True, width=100)
    with DelayedSpinner("aligning [bold]5[/] \x1b]0;x\x07articles", console=console, after=0.0):
        for _ in range(300):  # the line is drawn by Rich's refresh thread
            if "aligning" in terminal.getvalue():
                break
            time.sleep(0.01)
    shown = terminal.getvalue()
    assert "aligning [bold]5[/]" in shown, "a label is text, never markup"
    assert "\x1b]0;x" not in shown, "no escape from a label reaches the terminal"


def test_no_spinner_off_a_terminal() -> None:
    piped = io.StringIO()
    with DelayedSpinner("aligning", console=Console(file=piped), after=0.0):
        time.sleep(0.05)
    assert piped.getvalue() == ""


def test_compare_on_a_terminal_and_off_it(tmp_path: Path) -> None:
    """Real processes: on a pseudo-terminal compare runs with no traceback and its output
    unchanged (the spinner may show, however fast the machine); through a pipe stderr stays
    empty."""
    article = tmp_path / "long_report.txt"
    _long_article(article, 20_000)
    story = ["--story", "Long report", "--outlet", "Wire"]
    imported = _crosswire(tmp_path / "tty", "import", str(article), *story, stderr=subprocess.PIPE)
    assert imported.wait(timeout=120) == 0
    status, out, seen = _on_a_terminal(tmp_path / "tty", "compare", "--json")
    assert status == 0 and out.startswith(b"{") and b"Traceback" not in seen
    process = _crosswire(tmp_path / "tty", "compare", "--json", stderr=subprocess.PIPE)
    piped, err = process.communicate(timeout=120)
    assert process.returncode == 0 and err == b"" and piped == out
