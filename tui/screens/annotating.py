"""Tags, notes, exports and quoting on the main screen: the handlers behind t, a, A, T, e and y.

`AnnotationActions` is the main screen's base class, kept apart so the reading screen stays about
reading. Keys, panes and the palette all post the same requests (`TagItem`, `NoteItem`,
`ExportNotes`, `CopySentence`, `ShowNotes`, `OpenAnnotation`); one handler here serves each.
After every write an `AnnotationsChanged` redraws the marks, read once from the store.

The target of a key is the focused item: in Sources the selected outlet's article, elsewhere the
focused sentence; palette commands name story, article or sentence outright.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import SuspendNotSupported
from textual.binding import BindingType
from textual.screen import Screen

from tui.core.models import SentenceRef
from tui.core.storage import LibraryError
from tui.keymap import ANNOTATION_BINDINGS
from tui.messages import (
    AnnotationKind,
    AnnotationsChanged,
    CopySentence,
    ExportNotes,
    NoteItem,
    OpenAnnotation,
    ShowNotes,
    TagItem,
)
from tui.widgets.annotation_marks import NO_MARKS, AnnotationMarks
from tui.widgets.article_view import ArticleView
from tui.widgets.source_list import SourceList

if TYPE_CHECKING:
    from textual.widget import Widget

    from tui.app import CrosswireApp

    # The store (and rapidfuzz behind it) loads on first use, not at start-up: see annotations().
    from tui.core.annotations import AnnotationContext, Annotations, Note, Target
    from tui.core.models import Article, Story


def quote_line(sentence: str, outlet: str, story_title: str) -> str:
    """A sentence ready to paste: '"sentence" — Outlet, "Story title"'."""
    return f"“{sentence}” — {outlet}, “{story_title}”"


class AnnotationActions(Screen[None]):
    """The main screen's annotation handlers (see the module docstring)."""

    BINDINGS: ClassVar[list[BindingType]] = list(ANNOTATION_BINDINGS)

    annotation_marks: AnnotationMarks = NO_MARKS
    """Marks of the open story, as last read from the store."""
    _annotations: Annotations | None = None

    if TYPE_CHECKING:
        # Provided by MainScreen (reactive vars and methods).
        story: Story | None
        articles: dict[str, Article]
        cursor: SentenceRef | None

        @property
        def crosswire(self) -> CrosswireApp: ...

        def focused_pane(self) -> Widget | None: ...

        def jump_to(self, ref: SentenceRef) -> None: ...

        def select_outlet(self, article_id: str) -> None: ...

        def open_story(self, story_id: str, *, focus: SentenceRef | None = None) -> None: ...

    # --- the store and the marks --------------------------------------------------------------

    def annotations(self) -> Annotations | None:
        """The library's annotations, opened on first use; None (and said why) when unusable."""
        if self._annotations is None:
            from tui.core.annotations import Annotations

            try:
                self._annotations = Annotations(self.crosswire.library.home)
            except LibraryError as exc:
                self.notify(
                    f"Tags and notes are unavailable: {exc}", severity="error", markup=False
                )
                return None
        return self._annotations

    def refresh_marks(self) -> None:
        """Read the open story's annotations and hand their marks to Sources and Article."""
        story, store = self.story, self.annotations()
        marks = NO_MARKS
        if story is not None and store is not None:
            try:
                marks = AnnotationMarks.from_items(store.items(story_id=story.id))
            except LibraryError as exc:
                self.notify(str(exc), severity="error", markup=False)
        self.annotation_marks = marks
        self.query_one(ArticleView).marks = marks
        self.query_one(SourceList).marks = marks

    def on_annotations_changed(self, event: AnnotationsChanged) -> None:
        event.stop()
        if self.story is not None and self.story.id == event.story_id:
            self.refresh_marks()

    # --- keys ---------------------------------------------------------------------------------

    def action_tag(self) -> None:
        self.post_message(TagItem())

    def action_note(self) -> None:
        self.post_message(NoteItem())

    def action_note_in_editor(self) -> None:
        self.post_message(NoteItem(external=True))

    def action_view_notes(self) -> None:
        self.post_message(ShowNotes())

    def action_export(self) -> None:
        self.post_message(ExportNotes())

    def action_copy_sentence(self) -> None:
        self.post_message(CopySentence())

    # --- what to annotate ---------------------------------------------------------------------

    def annotation_target(self, kind: AnnotationKind | None) -> Target | None:
        """The item a request is about; None (and said why) when there is none."""
        from tui.core.annotations import Target

        story, cursor = self.story, self.cursor
        if story is None:
            self.notify("Open a story first (S lists the stories).", severity="warning")
            return None
        if kind is None:
            kind = "article" if isinstance(self.focused_pane(), SourceList) else "sentence"
        if kind == "story":
            return Target.story(story.id)
        if cursor is None or cursor.article_id not in self.articles:
            self.notify("No outlet is selected.", severity="warning")
            return None
        if kind == "article":
            return Target.article(story.id, cursor.article_id)
        if not self.articles[cursor.article_id].sentences:
            self.notify("This article has no sentences.", severity="warning")
            return None
        return Target.sentence(story.id, cursor.article_id, cursor.index)

    def _annotation_request(
        self, kind: AnnotationKind | None
    ) -> tuple[Annotations, Target, AnnotationContext] | None:
        """The store, target and context a tag or note request needs; None (and said why) when
        any of them is missing."""
        target = self.annotation_target(kind)
        store = self.annotations()
        context = self._annotation_context(target) if target is not None else None
        if target is None or store is None or context is None:
            return None
        return store, target, context

    def _annotation_context(self, target: Target) -> AnnotationContext | None:
        from tui.core.annotations import context_for

        try:
            return context_for(self.crosswire.library, target)
        except LibraryError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return None

    @staticmethod
    def _heading(verb: str, target: Target, context: AnnotationContext) -> str:
        where = f" · {context.outlet}" if context.outlet else ""
        return f"{verb} {target.kind}{where}"

    def _changed(self, target: Target) -> None:
        self.post_message(AnnotationsChanged(target.story_id))

    # --- tags ---------------------------------------------------------------------------------

    def on_tag_item(self, event: TagItem) -> None:
        event.stop()
        from tui.screens.tag_prompt import TagPrompt

        request = self._annotation_request(event.kind)
        if request is None:
            return
        store, target, context = request

        def save(added: Sequence[str], removed: Sequence[str]) -> Sequence[str]:
            tags: Sequence[str] = store.tags_for(target)
            for tag in removed:
                store.remove_tag(target, tag)
            if added:
                tags = store.add_tags(
                    target,
                    added,
                    quote=context.quote,
                    outlet=context.outlet,
                    story_title=context.story_title,
                )
            else:
                tags = store.tags_for(target)
            self._changed(target)
            return tags

        self.app.push_screen(
            TagPrompt(
                heading=self._heading("Tag", target, context),
                quote=context.quote,
                tags=store.tags_for(target),
                known=store.all_tags(),
                save=save,
            )
        )

    # --- notes --------------------------------------------------------------------------------

    def on_note_item(self, event: NoteItem) -> None:
        event.stop()
        request = self._annotation_request(event.kind)
        if request is None:
            return
        store, target, context = request
        if event.external:
            self._edit_in_editor(store, target, context)
        else:
            self._open_note_editor(store, target, context)

    def _open_note_editor(
        self,
        store: Annotations,
        target: Target,
        context: AnnotationContext,
        *,
        note_id: str | None = None,
        text: str | None = None,
    ) -> None:
        from tui.screens.note_editor import NoteEditor

        def save(existing: str | None, body: str) -> Note:
            if existing is None:
                note = self._add_note(store, target, context, body)
            else:
                note = store.update_note(existing, body)
            self._changed(target)
            return note

        def delete(existing: str) -> None:
            store.delete_note(existing)
            self._changed(target)

        self.app.push_screen(
            NoteEditor(
                heading=self._heading("Note on", target, context),
                quote=context.quote,
                notes=store.notes_for(target),
                save=save,
                delete=delete,
                note_id=note_id,
                text=text,
            )
        )

    @staticmethod
    def _add_note(
        store: Annotations, target: Target, context: AnnotationContext, text: str
    ) -> Note:
        """A new note that keeps the item's quote, outlet and story title beside its text."""
        return store.add_note(
            target,
            text,
            quote=context.quote,
            outlet=context.outlet,
            story_title=context.story_title,
        )

    def _edit_in_editor(
        self, store: Annotations, target: Target, context: AnnotationContext
    ) -> None:
        """Edit the item's latest note (or a new one) in $EDITOR; on any trouble the text goes
        to the in-app editor instead, so nothing typed is lost."""
        editor = os.environ.get("EDITOR", "").strip()
        if not editor:
            self.notify("$EDITOR is not set: writing the note here instead.", markup=False)
            self._open_note_editor(store, target, context)
            return
        notes = store.notes_for(target)
        note_id = notes[-1].id if notes else None
        original = notes[-1].text if notes else ""
        fd, name = tempfile.mkstemp(prefix="crosswire-note-", suffix=".md")
        path = Path(name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(original)
            status = self._run_editor([*shlex.split(editor), name])
            text = path.read_text(encoding="utf-8", errors="replace")
        except (OSError, ValueError, SuspendNotSupported) as exc:
            self.notify(
                f"Cannot run $EDITOR ({editor}): {exc}; writing the note here instead.",
                severity="warning",
                markup=False,
            )
            self._open_note_editor(store, target, context, note_id=note_id)
            return
        finally:
            path.unlink(missing_ok=True)
        if status != 0:
            self.notify(
                f"{editor} exited with status {status}; the text is in the note editor.",
                severity="warning",
                markup=False,
            )
            self._open_note_editor(store, target, context, note_id=note_id, text=text)
            return
        if text.strip() == original.strip():
            self.notify("Note unchanged.")
            return
        if not text.strip():
            self.notify("The note is empty: nothing saved.", severity="warning")
            return
        try:
            if note_id is None:
                self._add_note(store, target, context, text)
            else:
                store.update_note(note_id, text)
        except (LibraryError, ValueError, OSError, KeyError) as exc:
            self.notify(f"Note not saved: {exc}", severity="error", markup=False)
            self._open_note_editor(store, target, context, note_id=note_id, text=text)
            return
        self._changed(target)
        self.notify("Note saved.")

    def _run_editor(self, argv: list[str]) -> int:
        """Hand the terminal to the editor and wait for it. A headless app (tests, scripts) has
        no terminal to hand over and runs the command as is; anywhere else that cannot suspend
        (Textual Web) raises SuspendNotSupported, and the caller falls back to the app."""
        try:
            with self.app.suspend():
                return subprocess.run(argv, check=False).returncode
        except SuspendNotSupported:
            if not self.app.is_headless:
                raise
            done = subprocess.run(argv, check=False, stdin=subprocess.DEVNULL, capture_output=True)
            return done.returncode

    # --- views, export, clipboard -------------------------------------------------------------

    def on_show_notes(self, event: ShowNotes) -> None:
        event.stop()
        from tui.screens.notes_view import NotesScreen

        store = self.annotations()
        if store is not None:
            self.app.push_screen(NotesScreen(store))

    def on_open_annotation(self, event: OpenAnnotation) -> None:
        """Show an annotation's sentence or outlet, opening its story first when needed."""
        event.stop()
        target = event.target
        ref = target.ref or (
            SentenceRef(target.article_id, 0) if target.article_id is not None else None
        )
        if self.story is None or self.story.id != target.story_id:
            self.open_story(target.story_id, focus=ref)
        elif target.kind == "sentence" and ref is not None:
            self.jump_to(ref)
        elif target.article_id is not None:
            if target.article_id not in self.articles:
                self.notify("That article is no longer in the story.", severity="warning")
                return
            self.select_outlet(target.article_id)
            self.query_one("#outlets").focus()

    def on_export_notes(self, event: ExportNotes) -> None:
        event.stop()
        from tui.screens.export_dialog import ExportDialog

        story, store = self.story, self.annotations()
        if story is None:
            self.notify("Open a story first (S lists the stories).", severity="warning")
            return
        if store is None:
            return
        self.app.push_screen(
            ExportDialog(
                library=self.crosswire.library,
                annotations=store,
                story=story,
                alignment=self.crosswire.cached_alignment(story.id),
                known_tags=store.all_tags(),
                fmt=event.fmt or "md",
            )
        )

    def on_copy_sentence(self, event: CopySentence) -> None:
        event.stop()
        story, cursor = self.story, self.cursor
        article = self.articles.get(cursor.article_id) if cursor is not None else None
        if story is None or cursor is None or article is None:
            self.notify("No sentence to copy.", severity="warning")
            return
        if not 0 <= cursor.index < len(article.sentences):
            self.notify("No sentence to copy.", severity="warning")
            return
        sentence = article.sentences[cursor.index].text
        self.app.copy_to_clipboard(quote_line(sentence, article.outlet, story.title))
        self.notify(f"Copied the sentence from {article.outlet}.", markup=False)
