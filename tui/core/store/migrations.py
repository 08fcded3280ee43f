"""The library's schema version, and moving an older library forward to it when it is opened.

`library.json` records the version of the whole library's layout (`_meta`, document 1, `schema`).
When the layout changes in a way an older crosswire would misread, `SCHEMA_VERSION` goes up by one
and a step is added to `STEPS` that rewrites a library of the version before into the new shape.
Opening a library (`core.store.library.Library`) runs the steps it needs, in order, under the
library's write lock, after writing a backup of the whole library into `<library>/backups/`
(`core.store.backup`). Each step writes through `AtomicJSONStorage` and records its new version
last, so a step cut off half-way leaves a library that the next open migrates again: a step must
give the same result when run on its own output.

Version 1 is the layout described in `core.store.library`. Version 0 is a `library.json` holding
stories but no version marker (crosswire has always written one; a library put together by a
script from the documented layout has none); its step adds the marker. A library newer than this
crosswire is refused with one line and left untouched.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import orjson

from tui.core.store.backup import write_backup
from tui.core.store.library_files import BACKUPS_DIR
from tui.core.store.storage import AtomicJSONStorage, LibraryError, Tables

__all__ = [
    "SCHEMA_VERSION",
    "STEPS",
    "Migration",
    "MigrationStep",
    "library_schema",
    "migrate_on_open",
]

SCHEMA_VERSION = 1
"""The library layout this crosswire reads and writes."""

INDEX_FILE = "library.json"
_META = "_meta"


@dataclass(frozen=True, slots=True)
class MigrationStep:
    """Rewrites a library of version `source` into version `source + 1`."""

    source: int
    what: str
    """What the step changes, in words, for the line the user sees."""
    apply: Callable[[Path, AtomicJSONStorage], None]
    """Called with the library folder and its `library.json` storage, whose write lock is held
    (write that file through it: a second lock on the same file would wait for this one); must
    record version source + 1."""


@dataclass(frozen=True, slots=True)
class Migration:
    """What opening a library did to move it forward."""

    home: Path
    source: int
    target: int
    steps: tuple[str, ...]
    backup: Path
    """The archive of the library as it was before."""

    def summary(self) -> str:
        """One line for the user."""
        return (
            f"{self.home}: library moved from schema {self.source} to {self.target} "
            f"({'; '.join(self.steps)}); the library as it was is in {self.backup}"
        )


def _set_version(tables: Tables, version: int) -> None:
    tables[_META] = {"1": {"schema": version}}


def _add_version_marker(home: Path, index: AtomicJSONStorage) -> None:
    """0 -> 1: record the schema version in library.json (the stories are already version 1's)."""
    with index.transaction() as tables:
        tables.setdefault("stories", {})
        _set_version(tables, 1)


STEPS: dict[int, MigrationStep] = {
    0: MigrationStep(0, "recorded the schema version", _add_version_marker),
}
"""Each step by the version it starts from; every version below SCHEMA_VERSION has one."""


_LEADING_MARKER = re.compile(
    rb'\s*\{\s*"_meta"\s*:\s*\{\s*"1"\s*:\s*\{\s*"schema"\s*:\s*(\d{1,9})\s*\}\s*\}'
)
"""How crosswire writes the marker: first in library.json, so an open reads 128 bytes, not the
whole index, to learn the version."""


def library_schema(home: Path) -> int | None:
    """The schema version of the library at `home`: 0 for stories without a marker, None when
    there is no library.json or it cannot be read as one (opening it reports why)."""
    try:
        with (home / INDEX_FILE).open("rb") as index:
            head = index.read(128)
            marker = _LEADING_MARKER.match(head)
            if marker is not None:
                return int(marker.group(1))
            tables = orjson.loads(head + index.read())
    except (OSError, ValueError):
        return None
    if not isinstance(tables, dict):
        return None
    meta = tables.get(_META)
    if meta is None:
        return 0 if isinstance(tables.get("stories"), dict) else None
    document = meta.get("1") if isinstance(meta, dict) else None
    schema = document.get("schema") if isinstance(document, dict) else None
    return schema if type(schema) is int else None


def _crosswire_version() -> str:
    try:
        return importlib.metadata.version("crosswire")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def migrate_on_open(
    home: Path, *, steps: dict[int, MigrationStep] | None = None, target: int = SCHEMA_VERSION
) -> Migration | None:
    """Bring the library at `home` to `target` (this crosswire's schema); None when nothing to do.

    A backup of the whole library is written first. A library that needs moving but cannot be
    written is refused with one line (LibraryError); a newer one is left for the caller to refuse.
    `steps` and `target` are for tests of the mechanism with a step of their own.
    """
    steps = STEPS if steps is None else steps
    source = library_schema(home)
    if source is None or source >= target:
        return None
    if not os.access(home, os.W_OK):
        raise LibraryError(
            f"{home}: a library of schema {source} that must be moved to schema {target} before "
            f"this crosswire can read it, but the folder cannot be written"
        )
    index = AtomicJSONStorage(home / INDEX_FILE)
    with index.locked():
        source = library_schema(home)  # another process may have moved it while we waited
        if source is None or source >= target:
            return None
        for orphan in (home / BACKUPS_DIR).glob(".*.tmp"):  # a backup a killed open left
            orphan.unlink(missing_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        archive = home / BACKUPS_DIR / f"schema-{source}-{stamp}.tar.gz"
        n = 1
        while archive.exists():
            n += 1
            archive = home / BACKUPS_DIR / f"schema-{source}-{stamp}-{n}.tar.gz"
        write_backup(home, archive, crosswire_version=_crosswire_version(), locked=True)
        done: list[str] = []
        for version in range(source, target):
            step = steps.get(version)
            if step is None:
                raise LibraryError(f"{home}: no way to move a library of schema {version} forward")
            step.apply(home, index)
            if library_schema(home) != version + 1:
                raise LibraryError(
                    f"{home}: moving the library from schema {version} did not finish; "
                    f"the library as it was is in {archive}"
                )
            done.append(step.what)
    return Migration(home, source, target, tuple(done), archive)
