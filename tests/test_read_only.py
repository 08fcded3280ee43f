"""Reads never need the write lock: `stories`, `compare`, `notes` and `export` on a library that
another process is writing, or that cannot be written at all, answer at once and write nothing in
it (the alignment cache aside, which is skipped quietly when it cannot be written)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from tests.conftest import REPO_ROOT
from tui.core.store.library import Library

READS = [
    ["stories"],
    ["stories", "--json"],
    ["compare", "--json"],
    ["notes"],
    ["export", "--format", "md", "-o", "-"],
]

HOLDER = """
import sys, time
from filelock import FileLock
locks = [FileLock(path) for path in sys.argv[2:]]
for lock in locks:
    lock.acquire()
print("held", flush=True)
time.sleep(float(sys.argv[1]))
"""


def _files(home: Path) -> dict[str, tuple[int, int]]:
    """Every file of the library but the alignment cache and lock files: path -> (size, mtime)."""
    found = {}
    for path in home.rglob("*"):
        if path.suffix == ".lock":
            continue
        if path.is_file() and "cache" not in path.relative_to(home).parts:
            info = path.stat()
            found[str(path.relative_to(home))] = (info.st_size, info.st_mtime_ns)
    return found


def _run(home: Path, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(home), *args],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "COLUMNS": "120"},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _noted(home: Path) -> None:
    """A tag and a note, so `notes` and `export` have something to say."""
    story_id = Library(home).stories()[0].id
    for args in (["tag", story_id, "checked"], ["note", story_id, "Compare the dates."]):
        done = _run(home, *args, timeout=120)
        assert done.returncode == 0, done.stderr


def test_reads_answer_at_once_while_another_process_holds_the_write_lock(
    seeded: tuple[Library, str],
) -> None:
    library, _ = seeded
    home = library.home
    _noted(home)
    before = _files(home)
    store_files = [p for p in home.rglob("*.json") if "cache" not in p.parts]
    lock_paths = [f"{p}.lock" for p in store_files]
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, "300", *lock_paths],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        for args in READS:
            started = time.monotonic()
            # A read that waited for the lock would wait 60 s and then fail.
            done = _run(home, *args, timeout=45)
            assert done.returncode == 0, (args, done.stderr)
            assert done.stdout.strip(), args
            assert time.monotonic() - started < 45
        assert holder.poll() is None, "the locks were held throughout"
        with pytest.raises(Timeout):  # the locks a writer would need really were taken
            FileLock(str(home / "library.json.lock"), timeout=0.2).acquire()
    finally:
        holder.kill()
        holder.wait()
    assert _files(home) == before, "the reads wrote nothing in the library"


def test_a_first_run_check_takes_no_lock_on_a_library_that_holds_stories(
    seeded: tuple[Library, str],
) -> None:
    """Opening an existing library makes no probe file, no lock file and no write."""
    library, _ = seeded
    home = library.home
    for lock in home.rglob("*.lock"):
        lock.unlink()
    before = _files(home)
    done = _run(home, "stories", timeout=120)
    assert done.returncode == 0, done.stderr
    assert _files(home) == before
    assert not list(home.rglob("*.lock")) and not list(home.glob(".write-test-*"))


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes through permission bits"
)
def test_every_read_works_on_a_read_only_library(seeded: tuple[Library, str]) -> None:
    library, _ = seeded
    home = library.home
    _noted(home)
    folders = [home, *[p for p in home.rglob("*") if p.is_dir()]]
    files = [p for p in home.rglob("*") if p.is_file()]
    for path in files:
        path.chmod(stat.S_IRUSR)
    for folder in folders:
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        for args in READS:
            done = _run(home, *args, timeout=120)
            assert done.returncode == 0, (args, done.stderr)
    finally:
        for folder in folders:
            folder.chmod(stat.S_IRWXU)
        for path in files:
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_probe_left_by_a_killed_first_run_goes_with_the_next_write(tmp_path: Path) -> None:
    home = tmp_path / "library"
    library = Library(home)
    probe = home / ".write-test-abandoned"
    probe.write_text("")
    old = time.time() - 3600
    os.utime(probe, (old, old))
    fresh = home / ".write-test-just-now"
    fresh.write_text("")
    library.create_story("Anything")
    assert not probe.exists(), "an old probe is removed"
    assert fresh.exists(), "a probe another process may be making right now is not"


def _no_lock_can_be_taken(home: Path) -> None:
    """What a read-only folder is for locks, made so even for root: every lock file's path is a
    folder, so any attempt to take a lock fails at once."""
    for store in [*home.glob("*.json"), *(home / "articles").glob("*.json")]:
        lock = Path(f"{store}.lock")
        lock.unlink(missing_ok=True)
        lock.mkdir()


def test_every_read_works_when_no_lock_can_be_taken(seeded: tuple[Library, str]) -> None:
    library, _ = seeded
    home = library.home
    _noted(home)
    _no_lock_can_be_taken(home)
    before = _files(home)
    for args in READS:
        done = _run(home, *args, timeout=120)
        assert done.returncode == 0, (args, done.stderr)
    assert _files(home) == before


async def test_the_app_reads_a_library_it_cannot_write(seeded: tuple[Library, str]) -> None:
    """The story shows; what the app would remember (last story, theme) is simply not kept."""
    from tui.app import CrosswireApp
    from tui.core.reader.story import StoryReader

    library, story_id = seeded
    StoryReader(library).open(story_id)  # aligned before: the story shows as the app starts
    library.set_state("last_story", None)
    _no_lock_can_be_taken(library.home)
    app = CrosswireApp(Library(library.home), story_id=story_id)
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.main_screen.alignment is not None:
                break
        assert app.main_screen.story is not None and app.main_screen.story.id == story_id
        assert len(app.main_screen.articles) == 5
    assert Library(library.home).get_state("last_story") is None
