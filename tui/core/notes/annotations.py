"""Tags and notes on stories, articles and sentences, kept in their own small file.

Annotations live in `annotations.json` in the library folder, apart from the article bodies, so a
tag or note write rewrites a few kilobytes instead of the whole library (TinyDB rewrites its whole
file on every write). `core.notes.file` keeps that file: parsed again only
when it changed, every write one locked, atomic, fsynced step.

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

from tui.core.models import SentenceRef
from tui.core.notes.file import AnnotationFile
from tui.core.notes.types import (
    Annotation,
    AnnotationContext,
    Note,
    SearchHit,
    Target,
    best_match,
    blank_annotation,
    check_note_text,
    context_for,
    normalise_tag,
    now_iso,
    unless_empty,
    with_context,
)
from tui.core.store.library import ANNOTATIONS_FILE
from tui.core.store.storage import LibraryError

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


class Annotations:
    """Tags and notes of one library folder; several processes may use it at once.

    Raises `core.store.storage.LibraryError` (one line) when the file is corrupt or cannot be written;
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
        self._file = AnnotationFile(self.home / ANNOTATIONS_FILE)
        self._file.load()

    @property
    def path(self) -> Path:
        return self._file.path

    # --- reading --------------------------------------------------------------------------

    def get(self, target: Target) -> Annotation | None:
        found = self._file.load().get(target)
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
            for _, item in self._file.load().values()
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
        for _, item in self._file.load().values():
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
        items = [item for _, item in self._file.load().values()]
        scored = (best_match(item, needle, score_cutoff=score_cutoff) for item in items)
        hits = [hit for hit in scored if hit is not None]
        hits.sort(key=lambda hit: -hit.score)
        return hits[:limit]

    # --- writing --------------------------------------------------------------------------

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

        result = self._file.update(target, change)
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
            self._file.update(target, change)
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

        result = self._file.update(target, change)
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

        result = self._file.update(self._target_of_note(note_id), change)
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

        self._file.update(self._target_of_note(note_id), change)

    def retarget(self, move: Callable[[Target], Target]) -> int:
        """Give annotations new targets (`move` maps each to its new one) in one write, combining
        two that land on one target; returns how many moved. Articles moving between stories
        (`core.stories.manage`) take their tags and notes with them this way."""
        return self._file.retarget(move)

    def _target_of_note(self, note_id: str) -> Target:
        for _, item in self._file.load().values():
            if any(note.id == note_id for note in item.notes):
                return item.target
        raise KeyError(f"no note {note_id}")
