"""The atomic TinyDB storage: round trips, crash safety, corrupt files left alone, parse cache."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB

from tui.core.store import storage as storage_module
from tui.core.store.storage import AtomicJSONStorage, LibraryError

REPO_ROOT = Path(__file__).resolve().parent.parent

OLD = {"stories": {"1": {"id": "a1", "title": "Old title"}}}
NEW = {"stories": {"1": {"id": "a1", "title": "New title " + "x" * 200_000}}}


def test_round_trip_keeps_unicode_and_order(tmp_path: Path) -> None:
    data = {"t": {"1": {"text": "Tōkyō « 3 » – U.S.", "n": [1, 2.5, None]}, "2": {"k": True}}}
    AtomicJSONStorage(tmp_path / "s.json").write(data)
    assert AtomicJSONStorage(tmp_path / "s.json").read() == data
    assert list(orjson.loads((tmp_path / "s.json").read_bytes())["t"]) == ["1", "2"]


def test_missing_file_reads_as_new_store(tmp_path: Path) -> None:
    assert AtomicJSONStorage(tmp_path / "absent.json").read() is None


def test_tinydb_works_on_top(tmp_path: Path) -> None:
    with TinyDB(tmp_path / "db.json", storage=AtomicJSONStorage) as db:
        db.table("stories").insert_multiple([{"id": "a"}, {"id": "b"}])
    with TinyDB(tmp_path / "db.json", storage=AtomicJSONStorage) as db:
        assert [doc["id"] for doc in db.table("stories").all()] == ["a", "b"]


def test_repeated_reads_reuse_the_parsed_document(tmp_path: Path) -> None:
    store = AtomicJSONStorage(tmp_path / "s.json")
    store.write(OLD)
    assert store.read() is store.read()


def test_cache_sees_another_writers_change(tmp_path: Path) -> None:
    reader = AtomicJSONStorage(tmp_path / "s.json")
    AtomicJSONStorage(tmp_path / "s.json").write(OLD)
    assert reader.read() == OLD
    AtomicJSONStorage(tmp_path / "s.json").write(NEW)
    assert reader.read() == NEW


def test_readers_see_the_old_document_until_a_transaction_writes(tmp_path: Path) -> None:
    store = AtomicJSONStorage(tmp_path / "s.json")
    store.write(OLD)
    with store.transaction() as tables:
        tables["stories"]["1"]["title"] = "changed"
        assert store.read() == OLD
    assert store.read() == {"stories": {"1": {"id": "a1", "title": "changed"}}}


def test_failed_transaction_writes_nothing_and_changes_nothing(tmp_path: Path) -> None:
    store = AtomicJSONStorage(tmp_path / "s.json")
    store.write(OLD)
    before = (tmp_path / "s.json").read_bytes()
    with pytest.raises(RuntimeError), store.transaction() as tables:
        tables["stories"]["1"]["title"] = "half done"
        raise RuntimeError("boom")
    assert (tmp_path / "s.json").read_bytes() == before
    assert store.read() == OLD


def test_write_leaves_no_temp_files(tmp_path: Path) -> None:
    store = AtomicJSONStorage(tmp_path / "s.json")
    store.write(OLD)
    store.write(NEW)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.json"]


CORRUPT_CONTENTS = {
    "truncated": orjson.dumps(NEW)[:1000],
    "garbage": b"\x89PNG\r\n\x1a\n\x00\x00 not json",
    "bad utf-8": b'{"t": {"1": {"x": "\xff\xfe"}}}',
    "empty": b"",
    "not tables": b"[1, 2, 3]",
}


@pytest.mark.parametrize("content", CORRUPT_CONTENTS.values(), ids=CORRUPT_CONTENTS.keys())
def test_corrupt_file_is_reported_and_never_overwritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "library.json"
    path.write_bytes(content)
    store = AtomicJSONStorage(path)
    with pytest.raises(LibraryError) as caught:
        store.read()
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    with pytest.raises(LibraryError), store.transaction() as tables:
        tables["stories"] = {}
    assert path.read_bytes() == content


def test_unwritable_folder_is_a_library_error(tmp_path: Path) -> None:
    store = AtomicJSONStorage(tmp_path / "missing-folder" / "s.json")
    with pytest.raises(LibraryError, match="missing-folder"):
        store.write(OLD)


CRASH_CHILD = textwrap.dedent(
    """
    import os, sys
    from tui.core.store import storage

    def write_half_then_die(fd, data):
        os.write(fd, data[: len(data) // 2])
        os._exit(9)  # the process dies mid-write: no cleanup, no flush of anything else

    storage._write_fully = write_half_then_die
    store = storage.AtomicJSONStorage(sys.argv[1])
    store.write({"stories": {"1": {"id": "a1", "title": "New " + "x" * 200000}}})
    """
)


def kill_a_writer_mid_write(path: Path) -> None:
    """Run a real process that dies (exit 9) halfway through writing `path`."""
    child = subprocess.run(
        [sys.executable, "-c", CRASH_CHILD, str(path)],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        check=False,
    )
    assert child.returncode == 9, child.stderr


def test_process_killed_mid_write_leaves_the_old_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    AtomicJSONStorage(path).write(OLD)
    before = path.read_bytes()
    kill_a_writer_mid_write(path)
    assert path.read_bytes() == before
    assert AtomicJSONStorage(path).read() == OLD


def test_write_fully_handles_short_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    monkeypatch.setattr(storage_module.os, "write", lambda fd, data: real_write(fd, data[:7]))
    store = AtomicJSONStorage(tmp_path / "s.json")
    store.write(NEW)
    monkeypatch.undo()
    assert AtomicJSONStorage(tmp_path / "s.json").read() == NEW


def test_a_rewrite_keeps_the_files_permissions(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    store = AtomicJSONStorage(path)
    store.write(OLD)
    path.chmod(0o640)
    store.write(NEW)
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_locked_write_removes_temp_files_a_killed_writer_left(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    AtomicJSONStorage(path).write(OLD)
    kill_a_writer_mid_write(path)
    orphans = list(tmp_path.glob(".library.json.*.tmp"))
    assert len(orphans) == 1  # what the killed writer left
    other_store = tmp_path / "other.json"
    AtomicJSONStorage(other_store).write(OLD)
    (tmp_path / ".other.json.keep.tmp").write_text("not ours to remove")
    with AtomicJSONStorage(path).transaction() as tables:
        tables["stories"] = {}
    assert not list(tmp_path.glob(".library.json.*.tmp"))
    assert (tmp_path / ".other.json.keep.tmp").exists()  # another store's temp is left alone
    assert AtomicJSONStorage(path).read() == {"stories": {}}


def test_an_unlocked_write_leaves_other_temp_files_alone(tmp_path: Path) -> None:
    """Without the lock another writer may be mid-write: its temp file is not an orphan."""
    path = tmp_path / "library.json"
    in_flight = tmp_path / ".library.json.inflight.tmp"
    in_flight.write_text("{}")
    AtomicJSONStorage(path).write(OLD)
    assert in_flight.exists()
