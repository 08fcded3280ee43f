"""Restores and migrations killed (SIGKILL) at random moments in real processes.

A restore must leave the old library or the restored one, whole, at the library's path; a library
swapped out is kept whole beside it; the next restore removes what a killed one was unpacking. A
migration killed at any moment leaves a library that opens (migrating again if need be) with
every story it had.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson

from tests.conftest import REPO_ROOT, RunCli
from tui.core.store.backup import STAGING_MARK, restore_backup, write_backup
from tui.core.store.library import SCHEMA_VERSION, Library
from tui.core.store.library_files import scan_library
from tui.core.store.migrations import library_schema
from tui.core.store.storage import AtomicJSONStorage

DELAYS = (0.0, 0.03, 0.07, 0.11, 0.16, 0.22, 0.29, 0.37)


def _data(home: Path) -> dict[str, bytes]:
    return {path: (home / path).read_bytes() for path in scan_library(home).data}


def _looping(script: str, *args: Path) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        stdout=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stdout.readline() == b"ready\n"
    return process


RESTORE_LOOP = (
    "import sys\n"
    "from pathlib import Path\n"
    "from tui.core.store.backup import restore_backup\n"
    "a, b, home = map(Path, sys.argv[1:4])\n"
    "print('ready', flush=True)\n"
    "while True:\n"
    "    restore_backup(a, home, newest_schema=1, force=True)\n"
    "    a, b = b, a\n"
)


def test_a_restore_killed_at_any_moment_leaves_one_whole_library(
    run_cli: RunCli, library_home: Path, tmp_path: Path
) -> None:
    assert run_cli("tag", "japan", "version-a").returncode == 0
    archive_a = tmp_path / "a.tar.gz"
    write_backup(library_home, archive_a, crosswire_version="test")
    assert run_cli("note", "japan", "only in b").returncode == 0
    (library_home / "feeds.json").write_text('{"feeds": {"1": {"url": "https://example.org"}}}')
    archive_b = tmp_path / "b.tar.gz"
    write_backup(library_home, archive_b, crosswire_version="test")
    target = tmp_path / "restored" / "lib"
    restore_backup(archive_a, target, newest_schema=SCHEMA_VERSION)
    whole_a = _data(target)
    restore_backup(archive_b, target, newest_schema=SCHEMA_VERSION, force=True)
    whole_b = _data(target)
    assert whole_a != whole_b

    for delay in DELAYS:
        process = _looping(RESTORE_LOOP, archive_a, archive_b, target)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _data(target) in (whole_a, whole_b), delay
        for kept in target.parent.glob("lib.before-restore-*"):
            assert _data(kept) in (whole_a, whole_b), kept
        for leftover in target.parent.glob(".lib.restore-*"):
            # Marked or still empty (killed between making the folder and marking it): a
            # restore that never swapped in, which the next one removes. Else a library
            # swapped out, which must be whole.
            if not (leftover / STAGING_MARK).exists() and any(leftover.iterdir()):
                assert _data(leftover) in (whole_a, whole_b), leftover
        assert Library(target).stories()  # it opens

    restore_backup(archive_a, target, newest_schema=SCHEMA_VERSION, force=True)
    assert _data(target) == whole_a
    assert not list(target.parent.glob(".lib.restore-*"))  # leftovers tidied
    assert not (target / STAGING_MARK).exists()
    for kept in target.parent.glob("lib.before-restore-*"):
        assert _data(kept) in (whole_a, whole_b), kept


MIGRATE_LOOP = (
    "import sys\n"
    "from pathlib import Path\n"
    "from tui.core.store.library import Library\n"
    "from tui.core.store.storage import AtomicJSONStorage\n"
    "home = Path(sys.argv[1])\n"
    "print('ready', flush=True)\n"
    "while True:\n"
    "    with AtomicJSONStorage(home / 'library.json').transaction() as tables:\n"
    "        tables.pop('_meta', None)\n"
    "    Library(home)\n"
)


def test_a_migration_killed_at_any_moment_leaves_a_library_that_opens(
    run_cli: RunCli, library_home: Path
) -> None:
    assert run_cli("tag", "japan", "keep").returncode == 0
    stories = orjson.loads((library_home / "library.json").read_bytes())["stories"]
    for delay in DELAYS:
        process = _looping(MIGRATE_LOOP, library_home)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert library_schema(library_home) in (0, SCHEMA_VERSION)
        library = Library(library_home)
        assert library_schema(library_home) == SCHEMA_VERSION
        index = AtomicJSONStorage(library_home / "library.json").read()
        assert index is not None and index["stories"] == stories
        assert [s.title for s in library.stories()]
    backups = library_home / "backups"
    assert not list(backups.glob(".*.tmp"))  # a killed backup's temp file is tidied
    for archive in backups.glob("*.tar.gz"):
        restored = library_home.parent / f"check-{archive.stem}"
        restore_backup(archive, restored, newest_schema=SCHEMA_VERSION)
        assert (restored / "library.json").is_file()
