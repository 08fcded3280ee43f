"""Which files in a library folder are the user's data, and which crosswire can rebuild or drop.

Backups, restores and the doctor all need the same answer, and it must not be a fixed list: other
parts of crosswire add their own store files beside the stories (feeds, outlet profiles, ...).
So every regular file under the library folder counts as data, except what is rebuilt on demand
(`cache/`), the copies crosswire keeps before changing a library (`backups/`), lock files, and
what a killed writer leaves (temp files, write probes).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

__all__ = [
    "BACKUPS_DIR",
    "LibraryFiles",
    "REBUILT_DIRS",
    "TRANSIENT_PATTERNS",
    "is_transient",
    "scan_library",
]

REBUILT_DIRS = frozenset({"cache"})
"""Top-level folders whose contents crosswire rebuilds when missing (the alignment cache)."""
BACKUPS_DIR = "backups"
"""Top-level folder of the copies crosswire writes before migrating a library."""
TRANSIENT_PATTERNS = ("*.lock", ".*.tmp", ".write-test-*", ".crosswire-restore-staging")
"""File names that belong to a running (or killed) writer or restore, never to the user's data."""


def is_transient(name: str) -> bool:
    """Whether a file name is a lock, a temp file or a write probe."""
    return any(fnmatch(name, pattern) for pattern in TRANSIENT_PATTERNS)


@dataclass(frozen=True, slots=True)
class LibraryFiles:
    """What a scan of a library folder found, each as a path relative to the folder (POSIX)."""

    data: tuple[str, ...]
    """The user's data: every store file and whatever else lives in the folder, sorted."""
    transient: tuple[str, ...]
    """Locks, temp files and write probes."""
    links: tuple[str, ...]
    """Symbolic links and other non-regular entries, which crosswire never writes or follows."""


def scan_library(home: Path) -> LibraryFiles:
    """Walk the library folder without following links; an absent folder holds nothing."""
    data: list[str] = []
    transient: list[str] = []
    links: list[str] = []
    if not home.is_dir():
        return LibraryFiles((), (), ())
    for folder, dirs, files in os.walk(home, followlinks=False):
        relative_folder = PurePosixPath(Path(folder).relative_to(home).as_posix())
        top = relative_folder.parts[0] if relative_folder.parts else None
        if top in REBUILT_DIRS or top == BACKUPS_DIR:
            dirs.clear()
            continue
        if top is None:
            dirs[:] = [d for d in dirs if d not in REBUILT_DIRS and d != BACKUPS_DIR]
        for name in sorted(dirs):
            if (Path(folder) / name).is_symlink():
                links.append(str(relative_folder / name))
        for name in files:
            relative = str(relative_folder / name)
            full = Path(folder) / name
            if full.is_symlink() or not full.is_file():
                links.append(relative)
            elif is_transient(name):
                transient.append(relative)
            else:
                data.append(relative)
    return LibraryFiles(tuple(sorted(data)), tuple(sorted(transient)), tuple(sorted(links)))
