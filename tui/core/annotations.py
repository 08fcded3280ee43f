"""Tags and notes on stories, articles and sentences, kept in their own small file.

Annotations live in `annotations.json` in the library folder, apart from the article bodies, so a
tag or note write rewrites a few kilobytes instead of the whole library (TinyDB rewrites its whole
file on every write; see FIELD-NOTES). Writes go through `core.storage.AtomicJSONStorage`: under
a file lock, re-read if another process changed the file, temp file, fsync, rename, fsync the
folder. Once a write returns a killed process loses nothing, and a cut-off write leaves the
previous file whole.

Each annotation keeps the exact text it is about (the quote), the outlet and the story title, so a
note still reads correctly after its article is re-imported under a new id or deleted.

A target holds a set of tags and any number of notes (one per thought, each with its own id and
timestamps): `add_note`, `update_note`, `delete_note`. Tags compare without regard to case and keep
the spelling first used.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from rapidfuzz import utils

from tui.core.annotation_types import (
    SCHEMA,
    Annotation,
    AnnotationContext,
    Note,
    SearchHit,
    Target,
    annotation_from_doc,
    annotation_to_doc,
    best_match,
    blank_annotation,
    check_note_text,
    context_for,
    normalise_tag,
    now_iso,
    unless_empty,
    with_context,
)
from tui.core.models import SentenceRef
from tui.core.storage import AtomicJSONStorage, LibraryError, Tables, next_document_id

__all__ = [
    "Annotation",
    "AnnotationContext",
    "Annotations",
    "Note",
    "SearchHit",
    "Target",
    "context_for",
    "normalise_tag",
]

ANNOTATIONS_FILE = "annotations.json"
_Decoded = dict[Target, tuple[str, Annotation]]
"""Target -> (TinyDB document id, annotation)."""
_Snapshot = tuple[tuple[int, ...] | None, Tables, _Decoded]
"""The file's stat key, its parsed tables and their decoded annotations, as last read or written."""
_TABLE = "annotations"
_META = "meta"


class Annotations:
    """Tags and notes of one library folder; several processes may use it at once.

    Raises `core.storage.LibraryError` (one line) when the file is corrupt or cannot be written;
    a corrupt file is never overwritten.
    """

    def __init__(self, home: Path | str) -> None:
        self.home = Path(home)
        try:
            self.home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(
                f"{self.home}: cannot create the library folder ({exc.strerror})"
            ) from exc
        self._storage = AtomicJSONStorage(self.home / ANNOTATIONS_FILE)
        # What this instance last read or wrote, and the file's stat key then: while the key is
        # unchanged the file has not changed, so neither parsing nor decoding is repeated.
        # One attribute assigned in one step, so another thread never mixes two versions.
        self._snapshot: _Snapshot = (None, {}, {})
        self._load()

    @property
    def path(self) -> Path:
        return self._storage.path

    # --- reading --------------------------------------------------------------------------

    def _stat_key(self) -> tuple[int, ...] | None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise LibraryError(f"{self.path}: cannot read ({exc.strerror})") from exc
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_ctime_ns)

    def _load(self) -> _Decoded:
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
        decoded: _Decoded = {}
        for doc_id, doc in tables.get(_TABLE, {}).items():
            try:
                item = annotation_from_doc(doc)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise LibraryError(
                    f"{self.path}: annotation {doc_id} is malformed ({exc!r}); left untouched"
                ) from exc
            decoded[item.target] = (doc_id, item)
        self._snapshot = (key, tables, decoded)
        return decoded

    def get(self, target: Target) -> Annotation | None:
        found = self._load().get(target)
        return found[1] if found else None

    def tags_for(self, target: Target) -> tuple[str, ...]:
        found = self.get(target)
        return found.tags if found else ()

    def notes_for(self, target: Target) -> tuple[Note, ...]:
        found = self.get(target)
        return found.notes if found else ()

    def items(
        self, *, story_id: str | None = None, tag: str | None = None, outlet: str | None = None
    ) -> list[Annotation]:
        """Annotations matching every given filter, in the order they were first made."""
        wanted_outlet = outlet.casefold() if outlet else None
        return [
            item
            for _, item in self._load().values()
            if (story_id is None or item.target.story_id == story_id)
            and (tag is None or item.has_tag(tag))
            and (wanted_outlet is None or (item.outlet or "").casefold() == wanted_outlet)
        ]

    def notes(
        self, *, story_id: str | None = None, tag: str | None = None, outlet: str | None = None
    ) -> list[Note]:
        """Notes whose target matches every given filter, oldest first."""
        matching = self.items(story_id=story_id, tag=tag, outlet=outlet)
        return sorted((n for item in matching for n in item.notes), key=lambda n: n.created_at)

    def all_tags(self) -> list[str]:
        """Every tag in use, most used first (then alphabetically), for completion."""
        counts: Counter[str] = Counter()
        spelling: dict[str, str] = {}
        for _, item in self._load().values():
            for tag in item.tags:
                counts[tag.casefold()] += 1
                spelling.setdefault(tag.casefold(), tag)
        return [spelling[tag] for tag in sorted(counts, key=lambda tag: (-counts[tag], tag))]

    def annotated_sentences(self, story_id: str) -> dict[SentenceRef, Annotation]:
        """A story's sentence annotations by sentence, for marking them in article views."""
        marks: dict[SentenceRef, Annotation] = {}
        for item in self.items(story_id=story_id):
            if item.target.ref is not None:
                marks[item.target.ref] = item
        return marks

    def search(self, query: str, *, limit: int = 20, score_cutoff: float = 75.0) -> list[SearchHit]:
        """Annotations whose notes, quote or tags fuzzily contain `query`, best first.

        Scored by `annotation_types.best_match` (rapidfuzz partial_ratio, case-folded).
        """
        needle = utils.default_process(query)
        if not needle:
            return []
        items = [item for _, item in self._load().values()]
        scored = (best_match(item, needle, score_cutoff=score_cutoff) for item in items)
        hits = [hit for hit in scored if hit is not None]
        hits.sort(key=lambda hit: -hit.score)
        return hits[:limit]

    # --- writing --------------------------------------------------------------------------

    def _update(
        self, target: Target, change: Callable[[Annotation | None], Annotation | None]
    ) -> Annotation | None:
        """Apply `change` to the target's annotation in one locked, atomic, fsynced write.

        Under the lock the file is re-read only if another process changed it. The new document
        is a shallow copy (the parsed tables are shared and never changed in place), written with
        `AtomicJSONStorage.write`; this instance then keeps what it wrote instead of parsing it
        back, which keeps a write at a few milliseconds with thousands of annotations.
        """
        with self._storage.locked():
            decoded = self._load()
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

    def add_tags(
        self,
        target: Target,
        tags: Sequence[str],
        *,
        quote: str,
        outlet: str | None,
        story_title: str,
    ) -> tuple[str, ...]:
        """Add tags to a target (one already there in any case is kept as is); one write."""
        cleaned = [normalise_tag(tag) for tag in tags]
        if not cleaned:
            raise ValueError("give at least one tag")
        context = AnnotationContext(quote, outlet, story_title)

        def change(current: Annotation | None) -> Annotation:
            base = current or blank_annotation(target, context)
            merged = list(base.tags)
            for tag in cleaned:
                if not any(tag.casefold() == old.casefold() for old in merged):
                    merged.append(tag)
            return with_context(base, context, tags=tuple(merged))

        result = self._update(target, change)
        return result.tags if result else ()

    def remove_tag(self, target: Target, tag: str) -> bool:
        """Remove a tag (any case); returns whether it was there. An emptied annotation goes."""
        wanted = normalise_tag(tag).casefold()
        removed = False

        def change(current: Annotation | None) -> Annotation | None:
            nonlocal removed
            if current is None or not current.has_tag(wanted):
                return current
            removed = True
            kept = tuple(t for t in current.tags if t.casefold() != wanted)
            return unless_empty(replace(current, tags=kept, updated_at=now_iso()))

        if self.get(target) is not None:
            self._update(target, change)
        return removed

    def add_note(
        self, target: Target, text: str, *, quote: str, outlet: str | None, story_title: str
    ) -> Note:
        """Attach a new note to a target and return it; one write."""
        body = check_note_text(text)
        context = AnnotationContext(quote, outlet, story_title)
        now = now_iso()
        import secrets  # here: reading notes (every start) never makes an id; ~2 ms to import

        note_id = secrets.token_hex(6)

        def change(current: Annotation | None) -> Annotation:
            base = with_context(current or blank_annotation(target, context), context)
            note = Note(note_id, target, body, base.quote, base.outlet, base.story_title, now, now)
            return replace(base, notes=(*base.notes, note))

        result = self._update(target, change)
        assert result is not None
        return result.notes[-1]

    def update_note(self, note_id: str, text: str) -> Note:
        """Replace a note's text; raises KeyError if there is no such note."""
        body = check_note_text(text)
        now = now_iso()

        def change(current: Annotation | None) -> Annotation | None:
            if current is None:
                return None
            notes = tuple(
                replace(n, text=body, updated_at=now) if n.id == note_id else n
                for n in current.notes
            )
            return replace(current, notes=notes, updated_at=now)

        result = self._update(self._target_of_note(note_id), change)
        edited = [n for n in (result.notes if result else ()) if n.id == note_id]
        if not edited:
            raise KeyError(f"no note {note_id}")
        return edited[0]

    def delete_note(self, note_id: str) -> None:
        """Delete a note; raises KeyError if there is no such note."""

        def change(current: Annotation | None) -> Annotation | None:
            if current is None:
                return None
            kept = tuple(note for note in current.notes if note.id != note_id)
            return unless_empty(replace(current, notes=kept, updated_at=now_iso()))

        self._update(self._target_of_note(note_id), change)

    def _target_of_note(self, note_id: str) -> Target:
        for _, item in self._load().values():
            if any(note.id == note_id for note in item.notes):
                return item.target
        raise KeyError(f"no note {note_id}")
