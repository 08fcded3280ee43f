"""annotations.json on disk: parsed again only when it changed, written whole in one locked step.

`core.notes.annotations.Annotations` decides what a tag or note edit means; this module only keeps the
file and what was decoded from it in step, so the caching and locking rules read in one place.
Writes go through `core.store.storage.AtomicJSONStorage`: under a file lock, re-read if another process
changed the file, temp file, fsync, rename, fsync the folder. Once a write returns a killed process
loses nothing, and a cut-off write leaves the previous file whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from tui.core.notes.types import (
    SCHEMA,
    Annotation,
    Target,
    annotation_from_doc,
    annotation_to_doc,
)
from tui.core.store.storage import (
    REPAIR_HINT,
    AtomicJSONStorage,
    LibraryError,
    Tables,
    next_document_id,
)

DecodedAnnotations = dict[Target, tuple[str, Annotation]]
"""Target -> (TinyDB document id, annotation)."""
_Snapshot = tuple[tuple[int, ...] | None, Tables, DecodedAnnotations]
"""The file's stat key, its parsed tables and their decoded annotations, as last read or written."""
_TABLE = "annotations"
_META = "meta"


class AnnotationFile:
    """One annotations.json; several processes may read and write it at once.

    Raises `core.store.storage.LibraryError` (one line) when the file is corrupt, written by a newer
    crosswire, or cannot be read or written; a corrupt file is never overwritten.
    """

    def __init__(self, path: Path) -> None:
        self._storage = AtomicJSONStorage(path)
        # What this instance last read or wrote, and the file's stat key then: while the key is
        # unchanged the file has not changed, so neither parsing nor decoding is repeated.
        # One attribute assigned in one step, so another thread never mixes two versions.
        self._snapshot: _Snapshot = (None, {}, {})

    @property
    def path(self) -> Path:
        return self._storage.path

    def _stat_key(self) -> tuple[int, ...] | None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise LibraryError(f"{self.path}: cannot read ({exc.strerror})") from exc
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_ctime_ns)

    def load(self) -> DecodedAnnotations:
        """Target -> (document id, annotation), parsed again only when the file changed."""
        key = self._stat_key()  # taken before reading: a change after it gets a new key
        known_key, _, known = self._snapshot
        if key is not None and key == known_key:
            return known
        tables = self._storage.read() or {}
        schema = tables.get(_META, {}).get("1", {}).get("schema", SCHEMA)
        if not isinstance(schema, int) or schema > SCHEMA:
            raise LibraryError(
                f"{self.path}: written by a newer crosswire (schema {schema!r}, this version "
                f"reads {SCHEMA}); left untouched"
            )
        decoded: DecodedAnnotations = {}
        for doc_id, doc in tables.get(_TABLE, {}).items():
            try:
                item = annotation_from_doc(doc)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise LibraryError(
                    f"{self.path}: annotation {doc_id} is malformed ({exc!r}); left untouched "
                    f"({REPAIR_HINT})"
                ) from exc
            decoded[item.target] = (doc_id, item)
        self._snapshot = (key, tables, decoded)
        return decoded

    def update(
        self, target: Target, change: Callable[[Annotation | None], Annotation | None]
    ) -> Annotation | None:
        """Apply `change` to the target's annotation in one locked, atomic, fsynced write.

        Under the lock the file is re-read only if another process changed it. The new document
        is a shallow copy (the parsed tables are shared and never changed in place), written with
        `AtomicJSONStorage.write`; this instance then keeps what it wrote instead of parsing it
        back, which keeps a write at a few milliseconds with thousands of annotations.
        """
        with self._storage.locked():
            decoded = self.load()
            current = decoded.get(target)
            result = change(current[1] if current else None)
            old_tables = self._snapshot[1]
            table = dict(old_tables.get(_TABLE, {}))
            decoded = dict(decoded)
            doc_id = current[0] if current else None
            if result is None:
                if doc_id is None:
                    return None
                del table[doc_id], decoded[target]
            else:
                doc_id = doc_id or next_document_id(table)
                table[doc_id] = annotation_to_doc(result)
                decoded[target] = (doc_id, result)
            tables: Tables = {**old_tables, _TABLE: table}
            tables.setdefault(_META, {"1": {"schema": SCHEMA}})
            self._storage.write(tables)
            self._snapshot = (self._stat_key(), tables, decoded)
        return result

    def retarget(self, move: Callable[[Target], Target]) -> int:
        """Give annotations new targets in one locked, atomic write; returns how many moved.

        `move` maps each target to its new one (or to itself). An annotation moved onto a target
        that already has one is combined with it: tags of both (first spelling kept), notes of
        both, oldest first. Used when articles move between stories, so their tags and notes
        follow them.
        """
        with self._storage.locked():
            decoded = self.load()
            moved: dict[Target, Annotation] = {}
            count = 0
            for target, (_, item) in decoded.items():
                new = move(target)
                if new != target:
                    count += 1
                    item = replace(
                        item,
                        target=new,
                        notes=tuple(replace(n, target=new) for n in item.notes),
                    )
                earlier = moved.get(new)
                moved[new] = item if earlier is None else _combined(earlier, item)
            if not count:
                return 0
            old_tables = self._snapshot[1]
            table = {str(n): annotation_to_doc(item) for n, item in enumerate(moved.values(), 1)}
            tables: Tables = {**old_tables, _TABLE: table}
            tables.setdefault(_META, {"1": {"schema": SCHEMA}})
            self._storage.write(tables)
            self._snapshot = (
                self._stat_key(),
                tables,
                {item.target: (str(n), item) for n, item in enumerate(moved.values(), 1)},
            )
        return count


def _combined(a: Annotation, b: Annotation) -> Annotation:
    """Two annotations of one target as one: every tag once, every note, oldest first."""
    tags = list(a.tags)
    for tag in b.tags:
        if not any(tag.casefold() == t.casefold() for t in tags):
            tags.append(tag)
    notes = tuple(sorted(a.notes + b.notes, key=lambda n: n.created_at))
    return replace(a, tags=tuple(tags), notes=notes, updated_at=max(a.updated_at, b.updated_at))
