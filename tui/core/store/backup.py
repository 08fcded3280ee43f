"""Backups of a whole library as one archive, and restoring one without ever half-doing it.

A backup is a gzipped tar: every data file of the library folder (`core.store.library_files`)
under `library/`, and `manifest.json` naming the crosswire version, the library's schema version
and each file with its size and sha256. It is taken under the library's write lock, so no import
is half-way through it, and written to a temp file that is renamed into place when complete.

A restore trusts nothing in the archive: members must be regular files with plain relative names
under `library/`, exactly the manifest's files, each of the manifest's size and checksum. Files
are unpacked into a new folder beside the library, every checksum is checked there, and only then
is that folder swapped with the library in one rename, so a reader sees the old library or the
restored one, never a mix. A library that held data is kept beside, under a dated name, never
deleted.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import hashlib
import io
import os
import shutil
import stat
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from glob import escape as glob_escape
from pathlib import Path, PurePosixPath
from typing import IO, Any

import orjson

from tui.core.store.library_files import BACKUPS_DIR, scan_library
from tui.core.store.storage import LOCK_TIMEOUT_SECONDS, AtomicJSONStorage, LibraryError

__all__ = [
    "BackedUpFile",
    "BackupResult",
    "Manifest",
    "RestoreResult",
    "is_empty_library",
    "read_backup",
    "restore_backup",
    "restore_leftovers",
    "tidy_restore_leftovers",
    "write_backup",
]

MANIFEST_NAME = "manifest.json"
"""The manifest's member name in the archive."""
FILES_PREFIX = "library/"
"""Every library file is stored under this folder in the archive, so none can clash with the
manifest."""
ARCHIVE_KIND = "crosswire-backup"
ARCHIVE_FORMAT = 1
"""Version of the archive layout (not of the library inside it)."""
_MANIFEST_LIMIT = 64 * 1024 * 1024
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class BackedUpFile:
    """One library file in a backup."""

    path: str
    """Relative to the library folder, with '/' between parts."""
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a backup says about itself."""

    crosswire: str
    """The crosswire version that wrote it."""
    schema: int | None
    """The library's schema version (`library.json`), or None when that file was unreadable."""
    created_at: str
    files: tuple[BackedUpFile, ...]

    @property
    def total_size(self) -> int:
        return sum(item.size for item in self.files)


@dataclass(frozen=True, slots=True)
class BackupResult:
    archive: Path
    manifest: Manifest
    skipped: tuple[str, ...]
    """Links and other entries that are not regular files, which a backup leaves out."""


@dataclass(frozen=True, slots=True)
class RestoreResult:
    manifest: Manifest
    kept_aside: Path | None
    """Where the library that was replaced now lives (None when it held no data)."""


def _now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%d-%H%M%S")


def is_empty_library(home: Path) -> bool:
    """True when the folder holds no data file (absent, or only caches, locks and empty folders)."""
    scanned = scan_library(home)
    return not scanned.data and not scanned.links


def _schema_of(home: Path) -> int | None:
    try:
        tables = orjson.loads((home / "library.json").read_bytes())
        schema = tables["_meta"]["1"]["schema"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return schema if type(schema) is int else None


@contextmanager
def _library_lock(home: Path) -> Iterator[None]:
    """The library's write lock, so no import is half-way; a folder nobody can write needs none."""
    if not os.access(home, os.W_OK):
        yield
        return
    with AtomicJSONStorage(home / "library.json").locked():
        yield


class _HashingReader(io.RawIOBase):
    """Reads a file for tarfile while hashing exactly the bytes it hands over."""

    def __init__(self, source: IO[bytes]) -> None:
        self._source = source
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self._source.read(size)
        self.digest.update(data)
        return data


def _manifest_doc(manifest: Manifest) -> dict[str, Any]:
    return {
        "kind": ARCHIVE_KIND,
        "format": ARCHIVE_FORMAT,
        "crosswire": manifest.crosswire,
        "schema": manifest.schema,
        "created_at": manifest.created_at,
        "files": [
            {"path": item.path, "size": item.size, "sha256": item.sha256} for item in manifest.files
        ],
    }


def _tar_info(name: str, size: int, mtime: float) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(mtime)
    info.mode = 0o644
    info.type = tarfile.REGTYPE
    return info


def write_backup(
    home: Path,
    archive: Path,
    *,
    crosswire_version: str,
    force: bool = False,
    locked: bool = False,
) -> BackupResult:
    """Write every data file of the library at `home` into a new archive at `archive`.

    Refuses (LibraryError, one line) an archive path inside the library (but for its `backups/`
    folder, which backups leave out) or one that exists (unless `force`); the archive appears
    only once complete. `locked`: the caller already holds the library's write lock.
    """
    home = home.expanduser()
    archive = archive.expanduser()
    if not home.is_dir():
        raise LibraryError(f"{home}: no library here to back up")
    where = archive.resolve()
    if where.is_relative_to(home.resolve()) and not where.is_relative_to(
        (home / BACKUPS_DIR).resolve()
    ):
        raise LibraryError(f"{archive}: inside the library folder; write the backup elsewhere")
    if archive.exists() and not force:
        raise LibraryError(f"{archive}: already exists (use --force to replace it)")
    if archive.is_dir():
        raise LibraryError(f"{archive}: is a folder; name a file")
    folder = archive.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{archive.name}.", suffix=".tmp")
    except OSError as exc:
        raise LibraryError(f"{folder}: cannot write the backup here ({exc.strerror})") from exc
    try:
        with nullcontext() if locked else _library_lock(home):
            scanned = scan_library(home)
            files: list[BackedUpFile] = []
            with (
                os.fdopen(fd, "wb") as raw,
                tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar,
            ):
                for relative in scanned.data:
                    files.append(_add_file(tar, home, relative))
                manifest = Manifest(
                    crosswire=crosswire_version,
                    schema=_schema_of(home),
                    created_at=_now().isoformat(timespec="seconds"),
                    files=tuple(files),
                )
                payload = orjson.dumps(_manifest_doc(manifest), option=orjson.OPT_INDENT_2)
                info = _tar_info(MANIFEST_NAME, len(payload), _now().timestamp())
                tar.addfile(info, io.BytesIO(payload))
                tar.close()
                raw.flush()
                os.fsync(raw.fileno())
        os.replace(temp_name, archive)
    except BaseException as exc:
        Path(temp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise LibraryError(f"{archive}: cannot write the backup ({exc.strerror})") from exc
        raise
    return BackupResult(archive, manifest, scanned.links)


def _add_file(tar: tarfile.TarFile, home: Path, relative: str) -> BackedUpFile:
    path = home / relative
    try:
        with path.open("rb") as source:
            size = os.fstat(source.fileno()).st_size  # the version this descriptor reads
            reader = _HashingReader(source)
            tar.addfile(_tar_info(FILES_PREFIX + relative, size, path.stat().st_mtime), reader)
    except OSError as exc:
        raise LibraryError(f"{path}: cannot read ({exc.strerror})") from exc
    return BackedUpFile(relative, size, reader.digest.hexdigest())


# --- reading an archive ---------------------------------------------------------------------


def _refuse(archive: Path, problem: str) -> LibraryError:
    return LibraryError(f"{archive}: {problem}; nothing restored")


def _safe_relative(name: str) -> str | None:
    """`name` when it is a plain relative path (no root, no '..', no odd characters), else None."""
    if not name or len(name) > 4096 or "\\" in name or name.startswith("/"):
        return None
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return None
    parts = PurePosixPath(name).parts
    if not parts or any(part in ("", ".", "..") for part in parts) or ":" in parts[0]:
        return None
    if "/".join(parts) != name:  # '//' or a trailing '/' would be normalised away
        return None
    return name


def _parse_manifest(archive: Path, payload: bytes) -> Manifest:
    try:
        doc = orjson.loads(payload)
    except ValueError as exc:
        raise _refuse(archive, f"manifest is not valid JSON ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("kind") != ARCHIVE_KIND:
        raise _refuse(archive, "not a crosswire backup (no crosswire manifest)")
    if doc.get("format") != ARCHIVE_FORMAT:
        found = doc.get("format")
        raise _refuse(archive, f"backup format {found!r} is not one this crosswire reads")
    schema = doc.get("schema")
    files = doc.get("files")
    if schema is not None and type(schema) is not int:
        raise _refuse(archive, "manifest 'schema' is not a whole number")
    if not isinstance(files, list):
        raise _refuse(archive, "manifest 'files' is not a list")
    items: list[BackedUpFile] = []
    for n, entry in enumerate(files):
        if not isinstance(entry, dict):
            raise _refuse(archive, f"manifest file {n} is not an object")
        path, size, digest = entry.get("path"), entry.get("size"), entry.get("sha256")
        if not isinstance(path, str) or _safe_relative(path) is None:
            raise _refuse(archive, f"manifest file {n} has an unsafe or missing path")
        if type(size) is not int or size < 0:
            raise _refuse(archive, f"manifest file {n} has no valid size")
        if (
            not isinstance(digest, str)
            or len(digest) != 64
            or not all(c in "0123456789abcdef" for c in digest)
        ):
            raise _refuse(archive, f"manifest file {n} has no valid sha256")
        items.append(BackedUpFile(path, size, digest))
    if len({item.path for item in items}) != len(items):
        raise _refuse(archive, "manifest names a file twice")
    return Manifest(
        crosswire=str(doc.get("crosswire", "?")),
        schema=schema,
        created_at=str(doc.get("created_at", "?")),
        files=tuple(items),
    )


def _open_archive(archive: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(archive, mode="r:*")
    except FileNotFoundError as exc:
        raise LibraryError(f"{archive}: no such file") from exc
    except IsADirectoryError as exc:
        raise LibraryError(f"{archive}: is a folder, not a backup") from exc
    except OSError as exc:
        raise _refuse(archive, f"cannot read ({exc.strerror or exc})") from exc
    except (tarfile.TarError, EOFError, zlib.error) as exc:
        raise _refuse(archive, "not a crosswire backup (not a readable tar archive)") from exc


def _checked_members(archive: Path, tar: tarfile.TarFile) -> tuple[Manifest, dict[str, Any]]:
    """The manifest and the archive's file members by library path, every rule checked."""
    try:
        members = tar.getmembers()
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise _refuse(archive, "archive is damaged or cut short") from exc
    by_name: dict[str, tarfile.TarInfo] = {}
    for member in members:
        name = member.name
        shown = ascii(name)
        if member.issym() or member.islnk():
            raise _refuse(archive, f"member {shown} is a link")
        if not member.isreg():
            raise _refuse(archive, f"member {shown} is not a regular file")
        if name.startswith("/"):
            raise _refuse(archive, f"member {shown} has an absolute path")
        if ".." in PurePosixPath(name).parts:
            raise _refuse(archive, f"member {shown} climbs out of the library ('..')")
        if _safe_relative(name) is None:
            raise _refuse(archive, f"member {shown} has an unsafe name")
        if name in by_name:
            raise _refuse(archive, f"member {shown} appears twice")
        by_name[name] = member
    manifest_member = by_name.pop(MANIFEST_NAME, None)
    if manifest_member is None:
        raise _refuse(archive, "not a crosswire backup (no manifest.json)")
    if manifest_member.size > _MANIFEST_LIMIT:
        raise _refuse(archive, "manifest is too large")
    manifest = _parse_manifest(archive, _read_member(archive, tar, manifest_member))
    files: dict[str, Any] = {}
    for name, member in by_name.items():
        if not name.startswith(FILES_PREFIX):
            raise _refuse(archive, f"member {ascii(name)} is outside the manifest")
        files[name.removeprefix(FILES_PREFIX)] = member
    listed = {item.path for item in manifest.files}
    extra = sorted(set(files) - listed)
    if extra:
        raise _refuse(archive, f"member {ascii(FILES_PREFIX + extra[0])} is outside the manifest")
    absent = sorted(listed - set(files))
    if absent:
        raise _refuse(archive, f"{ascii(absent[0])} is in the manifest but not in the archive")
    for item in manifest.files:
        if files[item.path].size != item.size:
            raise _refuse(archive, f"{ascii(item.path)} is not the size the manifest gives")
    return manifest, files


def _read_member(archive: Path, tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    try:
        stream = tar.extractfile(member)
        if stream is None:
            raise _refuse(archive, f"member {ascii(member.name)} cannot be read")
        with stream:
            return stream.read()
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise _refuse(archive, "archive is damaged or cut short") from exc


def read_backup(archive: Path) -> Manifest:
    """Check a whole archive (every rule and every checksum) without writing anything."""
    with _open_archive(archive) as tar:
        manifest, members = _checked_members(archive, tar)
        for item in manifest.files:
            digest = hashlib.sha256()
            for chunk in _member_chunks(archive, tar, members[item.path]):
                digest.update(chunk)
            if digest.hexdigest() != item.sha256:
                raise _refuse(archive, f"{ascii(item.path)} does not match its checksum")
    return manifest


def _member_chunks(archive: Path, tar: tarfile.TarFile, member: tarfile.TarInfo) -> Iterator[bytes]:
    try:
        stream = tar.extractfile(member)
        if stream is None:
            raise _refuse(archive, f"member {ascii(member.name)} cannot be read")
        with stream:
            while chunk := stream.read(_CHUNK):
                yield chunk
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise _refuse(archive, "archive is damaged or cut short") from exc


# --- restoring ------------------------------------------------------------------------------


def _unpack(
    archive: Path, tar: tarfile.TarFile, manifest: Manifest, members: dict[str, Any], staging: Path
) -> None:
    """Write each file into `staging`, checking its checksum; raises at the first mismatch."""
    for item in manifest.files:
        target = staging.joinpath(*PurePosixPath(item.path).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with target.open("xb") as out:
            for chunk in _member_chunks(archive, tar, members[item.path]):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != item.sha256:
            raise _refuse(archive, f"{ascii(item.path)} does not match its checksum")
    (staging / "articles").mkdir(exist_ok=True)


def _folder_mode(home: Path) -> int:
    """The mode the restored folder gets: the replaced library's, else what umask allows."""
    try:
        return stat.S_IMODE(home.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o777 & ~umask


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(a))


STAGING_MARK = ".crosswire-restore-staging"
"""A file in a folder being unpacked: a leftover folder holding it is a restore that never
swapped in (safe to remove); one without it is a library that was swapped out (kept)."""


def _aside_path(home: Path) -> Path:
    aside = home.parent / f"{home.name}.before-restore-{_stamp(_now())}"
    n = 1
    while aside.exists():
        n += 1
        aside = home.parent / f"{home.name}.before-restore-{_stamp(_now())}-{n}"
    return aside


def _clear_leftovers(home: Path) -> list[Path]:
    """Finish what a restore killed half-way left beside `home` (call under the restore guard).

    A staging folder still marked is a restore that never swapped in: removed. One without the
    mark holds the library a restore swapped out: kept under a dated name, never removed.
    Returns where such libraries were put.
    """
    kept: list[Path] = []
    (home / STAGING_MARK).unlink(missing_ok=True)
    for leftover in sorted(home.parent.glob(f".{glob_escape(home.name)}.restore-*")):
        if not leftover.is_dir() or leftover.is_symlink():
            continue
        if (leftover / STAGING_MARK).exists():
            shutil.rmtree(leftover, ignore_errors=True)
        elif not any(leftover.iterdir()):
            leftover.rmdir()
        else:
            aside = _aside_path(home)
            os.rename(leftover, aside)
            kept.append(aside)
    return kept


def restore_leftovers(home: Path) -> list[Path]:
    """What a restore killed half-way left: unpacking folders beside the library (a library it
    swapped out among them) and the unpacking mark inside it. Writes nothing."""
    found = [
        path
        for path in sorted(home.parent.glob(f".{glob_escape(home.name)}.restore-*"))
        if path.is_dir() and not path.is_symlink()
    ]
    if (home / STAGING_MARK).exists():
        found.append(home / STAGING_MARK)
    return found


def tidy_restore_leftovers(home: Path) -> list[str]:
    """Finish what a killed restore left, as the next restore would; one line per change.

    An unpacking folder is removed; a library that was swapped out is kept beside under a
    dated name (`<name>.before-restore-<date>`), never removed.
    """
    before = restore_leftovers(home)
    if not before:
        return []
    with _restore_guard(home):
        marked = {path for path in before if (path / STAGING_MARK).exists()}
        kept = _clear_leftovers(home)
    stopped = "removed (a restore that was stopped before it finished)"
    lines = [f"{path}: {stopped}" for path in sorted(marked)]
    if home / STAGING_MARK in before:
        lines.append(f"{home / STAGING_MARK}: removed (left by a restore that was stopped)")
    lines += [f"{path}: the library a stopped restore replaced, kept here" for path in kept]
    return lines


@contextmanager
def _restore_guard(home: Path) -> Iterator[None]:
    """One restore of a library at a time, so leftovers found are surely a killed restore's."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(home.parent / f".{home.name}.restore.lock"), timeout=LOCK_TIMEOUT_SECONDS)
    try:
        lock.acquire()
    except Timeout as exc:
        raise LibraryError(f"{home}: another restore is running; nothing restored") from exc
    try:
        yield
    finally:
        lock.release()


def restore_backup(
    archive: Path, home: Path, *, newest_schema: int, force: bool = False
) -> RestoreResult:
    """Restore `archive` as the library at `home`; nothing in `home` changes unless it all works.

    Refuses a library that holds data unless `force`; then that library is kept beside as
    `<name>.before-restore-<date>`. Refuses a backup of a library whose schema is newer than
    `newest_schema` (this crosswire could not open it). An older one migrates when next opened.
    A restore killed at any moment leaves the old library or the restored one in place, and the
    next restore tidies what it left beside (`_clear_leftovers`).
    """
    home = home.expanduser().absolute()
    if home.exists() and not home.is_dir():
        raise LibraryError(f"{home}: is a file, not a library folder; nothing restored")
    _refuse_unless_empty(home, force=force)
    parent = home.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        problem = f"cannot write here ({exc.strerror}); nothing restored"
        raise LibraryError(f"{parent}: {problem}") from exc
    with _restore_guard(home):
        _clear_leftovers(home)
        try:
            staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{home.name}.restore-"))
            (staging / STAGING_MARK).touch()
            staging.chmod(_folder_mode(home))
        except OSError as exc:
            problem = f"cannot write here ({exc.strerror}); nothing restored"
            raise LibraryError(f"{parent}: {problem}") from exc
        swapped = False
        try:
            with _open_archive(archive) as tar:
                manifest, members = _checked_members(archive, tar)
                if manifest.schema is not None and manifest.schema > newest_schema:
                    raise _refuse(
                        archive,
                        f"a library of schema {manifest.schema}, newer than this crosswire reads "
                        f"({newest_schema}); upgrade crosswire to restore it",
                    )
                _unpack(archive, tar, manifest, members, staging)
            with _restore_lock(home):
                was_empty = _refuse_unless_empty(home, force=force)  # again, under the lock
                aside = _aside_path(home)
                if not home.exists():
                    os.rename(staging, home)
                    swapped = True
                elif _exchange(staging, home):
                    swapped = True  # `staging` now holds the old library: never removed
                    (home / STAGING_MARK).unlink()
                    os.rename(staging, aside)
                else:
                    os.rename(home, aside)
                    try:
                        os.rename(staging, home)
                    except OSError:
                        os.rename(aside, home)
                        raise
                    swapped = True
                (home / STAGING_MARK).unlink(missing_ok=True)
        except BaseException as exc:
            if not swapped:
                shutil.rmtree(staging, ignore_errors=True)
            if isinstance(exc, OSError):
                problem = f"cannot restore ({exc.strerror}); nothing restored"
                raise LibraryError(f"{home}: {problem}") from exc
            raise
    kept: Path | None = aside if aside.exists() else None
    if kept is not None and was_empty:
        shutil.rmtree(kept, ignore_errors=True)  # only caches, locks and empty folders
        kept = None
    return RestoreResult(manifest, kept)


def _refuse_unless_empty(home: Path, *, force: bool) -> bool:
    """Whether the library holds no data; LibraryError when it does and `force` is not given."""
    empty = is_empty_library(home)
    if not empty and not force:
        raise LibraryError(
            f"{home}: the library is not empty; nothing restored (--force replaces it, "
            f"keeping the current one beside it)"
        )
    return empty


@contextmanager
def _restore_lock(home: Path) -> Iterator[None]:
    """Wait for a writer in the library being replaced to finish before swapping it out."""
    if not (home.is_dir() and os.access(home, os.W_OK)):
        yield
        return
    with AtomicJSONStorage(home / "library.json").locked():
        yield
