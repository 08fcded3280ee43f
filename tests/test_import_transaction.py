"""An import is one transaction: killed at any write (real processes, SIGKILL injected at the
n-th file replace), the story shows with all its articles or not at all, and the next import
finishes or removes what was left; Ctrl-C leaves no temp file and says what was not imported."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, SEEDS_DIR
from tui.core.store.journal import JOURNAL_FILE
from tui.core.store.library import Library

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

# Runs the real CLI with os.replace counted: at replace number AT (before or after it lands,
# WHEN) the process sends itself SIGNAL.
LAUNCHER = textwrap.dedent(
    """
    import os, signal, sys
    at, when, signal_name = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    real_replace = os.replace
    count = 0
    def replace(src, dst):
        global count
        count += 1
        if count == at and when == "before":
            os.kill(os.getpid(), getattr(signal, signal_name))
        real_replace(src, dst)
        if count == at and when == "after":
            os.kill(os.getpid(), getattr(signal, signal_name))
    os.replace = replace
    from tui.cli.main import main
    sys.exit(main(sys.argv[4:]))
    """
)


def _run(args: list[str], *, launcher: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    command = (
        [sys.executable, "-c", LAUNCHER, *launcher]
        if launcher
        else [
            sys.executable,
            "-m",
            "tui",
        ]
    )
    return subprocess.run(
        [*command, *args],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _stories(home: Path) -> dict[str, int]:
    done = _run(["--library", str(home), "stories", "--json"])
    assert done.returncode == 0, done.stderr
    return {s["title"]: s["articles"] for s in json.loads(done.stdout)["stories"]}


def _assert_consistent(home: Path) -> None:
    """No journal, no temp file, and bodies files hold exactly the articles the index names."""
    assert not (home / JOURNAL_FILE).exists()
    assert not [p for p in home.rglob("*.tmp")], "no temp file is left"
    index = json.loads((home / "library.json").read_text(encoding="utf-8"))
    named = {s["id"]: {a["id"] for a in s["articles"]} for s in index["stories"].values()}
    for bodies_file in (home / "articles").glob("*.json"):
        story_id = bodies_file.stem
        assert story_id in named, f"bodies of a story never written: {bodies_file}"
        bodies = json.loads(bodies_file.read_text(encoding="utf-8"))["bodies"].values()
        assert {b["id"] for b in bodies} == named[story_id]


@pytest.fixture
def story_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "japan"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


# os.replace calls of an import into a new story: 1 story noted in the journal, 2 story created
# (index), 3 bodies noted, 4 bodies written, 5 index entries written; then the journal is
# removed.
NEW_STORY_KILLS = [(2, "after"), (4, "after"), (5, "after")]


@pytest.mark.parametrize(("at", "when"), NEW_STORY_KILLS, ids=["story-made", "bodies", "index"])
def test_a_killed_import_of_a_new_story_is_all_or_nothing_and_the_next_run_finishes(
    tmp_path: Path, story_folder: Path, at: int, when: str
) -> None:
    home = tmp_path / "library"
    Library(home)
    killed = _run(
        ["--library", str(home), "import", str(story_folder)], launcher=[str(at), when, "SIGKILL"]
    )
    assert killed.returncode == -signal.SIGKILL
    seen = _stories(home)
    assert list(seen.values()) in ([], [5]), f"all or nothing: {seen}"
    again = _run(["--library", str(home), "import", str(story_folder)])
    assert again.returncode == 0, again.stderr
    assert list(_stories(home).values()) == [5], "one story, all five articles"
    _assert_consistent(home)


def test_a_killed_import_into_an_existing_story_leaves_no_stray_bodies(
    tmp_path: Path, story_folder: Path
) -> None:
    home = tmp_path / "library"
    first = sorted(story_folder.glob("*.txt"))
    start = _run(["--library", str(home), "import", *map(str, first[:2]), "--story", "Japan"])
    assert start.returncode == 0, start.stderr
    # 1 bodies noted in the journal, 2 bodies written: killed before the index names them.
    rest = [*map(str, first[2:]), "--story", "Japan"]
    killed = _run(["--library", str(home), "import", *rest], launcher=["2", "after", "SIGKILL"])
    assert killed.returncode == -signal.SIGKILL
    assert _stories(home) == {"Japan": 2}, "the interrupted articles are not shown"
    library = Library(home)
    with library.exclusive():
        undone = library.undo_unfinished_import()
    assert len(undone) == 3 and all("no story names" in line for line in undone)
    _assert_consistent(home)
    again = _run(["--library", str(home), "import", *rest])
    assert again.returncode == 0, again.stderr
    assert _stories(home) == {"Japan": 5}
    _assert_consistent(home)


def test_ctrl_c_during_an_import_says_what_was_not_imported_and_leaves_nothing_half_done(
    tmp_path: Path, story_folder: Path
) -> None:
    home = tmp_path / "library"
    Library(home)
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text(
        "Floods close roads in Valencia\nHeavy rain closed roads across the region on Monday.\n",
        encoding="utf-8",
    )
    # The first folder's story lands whole (5 replaces); Ctrl-C comes while the second one's
    # bodies are being written (before replace 9 lands: its temp file exists then).
    interrupted = _run(
        ["--library", str(home), "import", str(story_folder), str(other)],
        launcher=["9", "before", "SIGINT"],
    )
    assert interrupted.returncode == 130, interrupted.stderr
    assert "Traceback" not in interrupted.stderr
    assert "import interrupted; 1 file not imported" in interrupted.stderr
    assert str(other / "a.txt") in interrupted.stderr
    assert "5 new articles in story" in interrupted.stdout
    assert list(_stories(home).values()) == [5]
    _assert_consistent(home)
