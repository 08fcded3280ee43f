"""A disk that fills up mid-write, for real: the child process runs with a file-size limit
(RLIMIT_FSIZE), so its writes past that size fail as they would on a full disk. An export cut
off leaves no partial file to block the retry; an import cut off leaves the library as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, SEEDS_DIR
from tui.core.store.library import Library

resource = pytest.importorskip("resource")

LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from tui.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


def _run(*args: str | Path, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    head = [sys.executable, "-c", LIMITED, str(limit)] if limit else [sys.executable, "-m", "tui"]
    return subprocess.run(
        [*head, *map(str, args)],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_an_export_cut_off_by_a_full_disk_leaves_nothing_and_the_retry_works(
    seeded: tuple[Library, str], tmp_path: Path
) -> None:
    library, _ = seeded
    out = tmp_path / "out"
    out.mkdir()
    report = out / "report.html"
    cut = _run("--library", library.home, "export", "--format", "html", "-o", report, limit=4096)
    assert cut.returncode == 1, cut.stderr
    (line,) = cut.stderr.strip().splitlines()
    assert str(report) in line
    assert list(out.iterdir()) == [], "no partial export, no temp file"
    again = _run("--library", library.home, "export", "--format", "html", "-o", report)
    assert again.returncode == 0, again.stderr
    assert report.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_an_import_cut_off_by_a_full_disk_leaves_the_library_as_it_was(tmp_path: Path) -> None:
    home = tmp_path / "library"
    Library(home)
    before = {p.name: p.read_bytes() for p in home.rglob("*.json")}
    cut = _run("--library", home, "import", SEEDS_DIR, limit=20_000)
    assert cut.returncode != 0 and cut.returncode != -signal.SIGXFSZ, cut.stderr
    assert "Traceback" not in cut.stderr
    assert Library(home).stories() == [], "no story, not even an empty one"
    assert not list(home.rglob("*.tmp"))
    assert {p.name: p.read_bytes() for p in home.rglob("*.json")} == before
    again = _run("--library", home, "import", SEEDS_DIR)
    assert again.returncode == 0, again.stderr
    assert [len(s.article_ids) for s in Library(home).stories()] == [5]
