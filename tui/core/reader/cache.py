"""Alignments kept on disk between sessions, so a story opens without being aligned again.

Aligning is the one heavy step of opening a story (the bundled story ~20 ms with the engine's
imports, a 51-outlet story ~170 ms, a 500-outlet one ~1.7 s), and its result depends only on the
articles' sentences and on the alignment code. So each result is filed under a key made of both:
the articles' ids, outlets, titles, dates and sentences, and a fingerprint of every module of
`tui/core` (any change to the engine, or to anything it might read, starts afresh). Nothing is
ever invalidated by hand: a story whose articles change gets a new key, and old entries are
pruned, least recently used first, beyond MAX_ENTRIES.

Entries are plain JSON data (`core.reader.alignment_codec`), never pickles: a library folder may
be synced or shared, and reading a file in it must never be able to run code. They are written
atomically into `<library>/cache/alignments/`. A cache is a convenience, never a source of truth:
an entry that cannot be read for any reason (truncated, another version's, not ours, a pickle left
by an older crosswire) is removed and the story is aligned again, and a cache that cannot be
written is skipped in silence.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from tui.core.models import Article, StoryAlignment

__all__ = ["MAX_ENTRIES", "AlignmentCache", "engine_fingerprint"]

MAX_ENTRIES = 64
"""Alignments kept, least recently used pruned first."""
SUFFIX = ".json"
STALE_TEMP_SECONDS = 600
"""A temp file older than this is a writer's leftover (a write takes well under a second)."""
_FORMAT = b"crosswire-alignment-2\n"
"""Written first in every entry, and part of every key."""
_CORE = Path(__file__).resolve().parent.parent
_ENGINE_PARTS = ("models.py", "text", "align", "drift")
"""What an alignment is computed by, under `tui/core`: the records, the text readings, the
aligner and the drift finder (sub-packages read recursively)."""

_fingerprint_lock = threading.Lock()
_fingerprint: str | None = None


def engine_fingerprint() -> str:
    """A digest of every source file whose output an alignment is (read once per process)."""
    global _fingerprint
    with _fingerprint_lock:
        if _fingerprint is None:
            digest = hashlib.sha256(_FORMAT)
            digest.update(sys.version.encode())
            for path in _engine_sources():
                name = path.relative_to(_CORE).as_posix()
                digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
            _fingerprint = digest.hexdigest()
        return _fingerprint


def _engine_sources() -> list[Path]:
    """The engine's source files in a fixed order, sub-packages included."""
    found: list[Path] = []
    for part in _ENGINE_PARTS:
        where = _CORE / part
        found.extend([where] if where.is_file() else where.rglob("*.py"))
    return sorted(found)


def story_key(articles: Sequence[Article]) -> str:
    """The key of an alignment of `articles`, whatever their order (alignment ignores it)."""
    digest = hashlib.sha256(engine_fingerprint().encode())
    for article in sorted(articles, key=lambda a: a.id):
        what = (article.id, article.outlet, article.title, article.date, article.sentences)
        digest.update(repr(what).encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


class AlignmentCache:
    """Alignments on disk, one file per key, in `folder` (made when first written)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def get(self, articles: Sequence[Article]) -> StoryAlignment | None:
        """The alignment filed for these articles, or None (never raises)."""
        return self.get_by_key(story_key(articles))

    def put(self, articles: Sequence[Article], alignment: StoryAlignment) -> None:
        """File `alignment` under its articles' key; quietly does nothing if it cannot."""
        self.put_by_key(story_key(articles), alignment)

    def get_by_key(self, key: str) -> StoryAlignment | None:
        """`get` with the key already made (`story_key`: ~40 ms for 500 articles)."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            if not data.startswith(_FORMAT):
                raise ValueError("not a crosswire alignment")
            # Imported here: the records it builds bring rapidfuzz, which a start without a
            # cached story does without.
            from tui.core.reader.alignment_codec import decode

            alignment = decode(data[len(_FORMAT) :])
        except (ValueError, RecursionError, MemoryError):  # any unreadable entry is a miss
            with suppress(OSError):
                path.unlink()
            return None
        with suppress(OSError):
            os.utime(path)  # recently used: pruned last
        return alignment

    def discard(self, key: str) -> None:
        """Remove the entry filed under `key` (it does not fit the story it was read for)."""
        with suppress(OSError):
            self._path(key).unlink()

    def put_by_key(self, key: str, alignment: StoryAlignment) -> None:
        """`put` with the key already made."""
        path = self._path(key)
        try:
            from tui.core.reader.alignment_codec import encode

            data = _FORMAT + encode(alignment)
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, temp_name = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as temp:
                    temp.write(data)
                os.replace(temp_name, path)
            except BaseException:
                Path(temp_name).unlink(missing_ok=True)
                raise
            self._prune()
        except (OSError, TypeError, ValueError, RecursionError):  # orjson raises TypeError
            return

    def _prune(self) -> None:
        """Keep the MAX_ENTRIES most recently used entries; remove what is not an entry: pickles
        an older crosswire wrote (never read) and temp files a killed writer left."""
        now = time.time()
        for leftover in [*self.folder.glob("*.pickle"), *self.folder.glob(".*.tmp")]:
            with suppress(OSError):
                abandoned = now - leftover.stat().st_mtime > STALE_TEMP_SECONDS
                if abandoned or leftover.suffix == ".pickle":
                    leftover.unlink()
        entries: list[tuple[int, Path]] = []
        for entry in self.folder.glob(f"*{SUFFIX}"):
            with suppress(OSError):
                entries.append((entry.stat().st_mtime_ns, entry))
        entries.sort(reverse=True)
        for _, stale in entries[MAX_ENTRIES:]:
            with suppress(OSError):
                stale.unlink()
