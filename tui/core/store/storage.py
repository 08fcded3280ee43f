"""The on-disk store under the library: a TinyDB storage that never leaves a half-written file.

TinyDB's own JSONStorage rewrites the file in place, so a crash or a full disk can leave valid JSON
with old and new records silently mixed (FIELD-NOTES). `AtomicJSONStorage` writes a temp file in
the same folder, fsyncs it, `os.replace`s it over the old one and fsyncs the folder, so a reader
sees either the old document or the new one. It refuses to read (and so never writes over) a file
that is not a valid store, and keeps the parsed document in memory until the file changes on disk.

Every store file is a TinyDB database (tables of documents), so `TinyDB(path,
storage=AtomicJSONStorage)` can open any of them for inspection.
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from glob import escape as glob_escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from tinydb.storages import Storage

if TYPE_CHECKING:
    from filelock import BaseFileLock

Tables = dict[str, dict[str, Any]]
"""A whole store document: table name -> document id (a string) -> document."""

REPAIR_HINT = "crosswire doctor --repair keeps a copy and salvages every readable record"
"""What a user can do about a damaged store file, said with every problem found in one."""
LEFTOVER_SECONDS = 60.0
"""Age past which a leftover file (`leftovers`) surely belongs to no running process."""
LOCK_TIMEOUT_SECONDS = 60.0
"""How long a writer waits for another process's write before giving up with a clear error."""


class LibraryError(Exception):
    """A problem with the library on disk, said in one line a user can act on."""


_StatKey = tuple[int, int, int, int]


def _stat_key(stat: os.stat_result) -> _StatKey:
    # mtime alone can repeat within one clock tick; a replaced file also has a new inode and ctime.
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_ctime_ns)


def file_version(path: Path) -> _StatKey | None:
    """Which version of a store file is on disk (None when there is none): every write replaces
    the file whole, so the key changes with every write, read from metadata alone."""
    try:
        return _stat_key(os.stat(path))
    except OSError:
        return None


def _write_fully(fd: int, data: bytes) -> None:
    """Write every byte of `data` to `fd` (os.write may write less than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; some platforms cannot open a folder, which is fine there."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class AtomicJSONStorage(Storage):
    """A TinyDB storage: orjson, atomic replace on write, parse cache, one file lock per file.

    crosswire writes through `transaction` (one locked read-modify-write, one write). TinyDB's own
    insert/update also work, but they change the shared parsed document before writing it, so
    they are for single-threaded scripts only.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        leftovers: tuple[str, ...] = (),
        check: Callable[[Tables, Path], None] | None = None,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self._check = check
        """The file's shape check (`core.store.schema`), run on every version parsed: a file of
        the wrong shape is refused before anyone reads it or writes to it."""
        self._leftovers = leftovers
        """Glob patterns, in the file's folder, of other files crosswire leaves when killed at
        the wrong moment; removed with this file's stale temps once old enough."""
        self._file_lock: BaseFileLock | None = None
        self._file_lock_made = threading.Lock()
        # One attribute, assigned in one step, so a reader in another thread never pairs the key
        # of one version with the document of another.
        self._cached: tuple[_StatKey, Tables] | None = None

    @property
    def _lock(self) -> BaseFileLock:
        """This file's cross-process lock, made (and filelock imported, ~8 ms) on first use: a
        session that only reads, such as opening the app on a story, never needs it."""
        with self._file_lock_made:
            if self._file_lock is None:
                from filelock import FileLock

                # One lock object per file in a process (is_singleton): two storages of one
                # file, in one thread, then share its reentrant count instead of each waiting
                # for the other's hold.
                self._file_lock = FileLock(
                    str(self.path.absolute()) + ".lock",
                    timeout=LOCK_TIMEOUT_SECONDS,
                    is_singleton=True,
                )
            return self._file_lock

    def read(self) -> Tables | None:
        """The whole document, or None when the file does not exist yet (a new store).

        Parsed once per version of the file on disk; callers share the result and must not
        change it (`transaction` hands out a private copy to change).
        """
        loaded = self._load()
        if loaded is None:
            self._cached = None
            return None
        key, tables = loaded
        self._cached = (key, tables)
        return tables

    def _load(self, *, use_cache: bool = True) -> tuple[_StatKey, Tables] | None:
        try:
            key = _stat_key(self.path.stat())  # before reading: a later change gets a new key
            cached = self._cached
            if use_cache and cached is not None and cached[0] == key:
                return cached
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise LibraryError(f"{self.path}: cannot read ({exc.strerror})") from exc
        return key, self._parse(data)

    def _parse(self, data: bytes) -> Tables:
        if not data.strip():
            raise LibraryError(
                f"{self.path}: empty file, not a crosswire store; left as it is ({REPAIR_HINT})"
            )
        try:
            tables = orjson.loads(data)
        except ValueError as exc:  # orjson.JSONDecodeError and bad UTF-8 are both ValueErrors
            raise LibraryError(
                f"{self.path}: not valid JSON ({exc}); left as it is ({REPAIR_HINT})"
            ) from exc
        if not isinstance(tables, dict):
            raise LibraryError(f"{self.path}: not a crosswire store (expected tables of documents)")
        for name, table in tables.items():
            if not isinstance(table, dict):
                raise LibraryError(
                    f"{self.path}: table {name[:40]!r} is not a table of documents; left as it is "
                    f"({REPAIR_HINT})"
                )
        if self._check is not None:
            self._check(tables, self.path)
        return tables

    def write(self, data: Tables) -> None:
        """Replace the file with `data` in one step: readers see the old or the new, never a mix."""
        payload = orjson.dumps(data)
        folder = self.path.parent
        try:
            fd, temp_name = tempfile.mkstemp(
                dir=folder, prefix=f".{self.path.name}.", suffix=".tmp"
            )
        except OSError as exc:
            raise LibraryError(f"{folder}: cannot write here ({exc.strerror})") from exc
        try:
            try:
                with suppress(FileNotFoundError):  # keep the mode a user gave the old file
                    os.fchmod(fd, stat.S_IMODE(self.path.stat().st_mode))
                _write_fully(fd, payload)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(temp_name, self.path)
        except BaseException as exc:  # Ctrl-C too: never leave the temp file behind
            Path(temp_name).unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise LibraryError(f"{self.path}: cannot write ({exc.strerror})") from exc
            raise
        _fsync_dir(folder)
        # The caller still holds `data` and may change it; the next read parses what is on disk.
        self._cached = None
        if self._file_lock is not None and self._file_lock.is_locked:
            self._remove_stale_temps()

    def _remove_stale_temps(self) -> None:
        """Delete temp files that writers killed mid-write left behind.

        Only called with this file's lock held: every crosswire writer holds it from creating
        its temp file to renaming it, so any other temp file of this store is an orphan.
        """
        folder = self.path.parent
        for orphan in folder.glob(f".{glob_escape(self.path.name)}.*.tmp"):
            with suppress(OSError):
                orphan.unlink()
        now = time.time()
        for pattern in self._leftovers:
            for orphan in folder.glob(pattern):
                with suppress(OSError):
                    if now - orphan.stat().st_mtime > LEFTOVER_SECONDS:
                        orphan.unlink()

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold this file's cross-process lock (reentrant within one process and thread)."""
        from filelock import Timeout

        lock = self._lock
        try:
            lock.acquire()
        except Timeout as exc:
            raise LibraryError(
                f"{self.path}: another crosswire has held the library lock for "
                f"{LOCK_TIMEOUT_SECONDS:.0f} s; try again"
            ) from exc
        except OSError as exc:
            raise LibraryError(f"{self.path.parent}: cannot write here ({exc.strerror})") from exc
        try:
            yield
        finally:
            lock.release()

    @contextmanager
    def transaction(self) -> Iterator[Tables]:
        """Read-modify-write under the lock: change the yielded tables; one write on success.

        The tables are parsed afresh for this transaction alone, so readers (other threads
        included) keep seeing the last written version until the write lands, and a block that
        raises leaves nothing half changed anywhere: no write, no touched cache.
        """
        with self.locked():
            loaded = self._load(use_cache=False)
            tables = loaded[1] if loaded else {}
            yield tables
            self.write(tables)


def next_document_id(table: dict[str, Any]) -> str:
    """TinyDB's rule for a new document id: one more than the largest in use."""
    return str(max((int(key) for key in table), default=0) + 1)
