"""Tags, notes, exports and quotes on the main screen: the store, the marks and the dialogs.

`Annotator` is the main screen's collaborator for the annotation requests (`TagItem`, `NoteItem`,
`ExportNotes`, `CopySentence`): the screen handles each message, one handler for keys, panes and
palette alike, and hands the annotator what the reader is looking at (`Focus`). The annotator works
out which item that is (in Sources the selected outlet's article, elsewhere the focused sentence;
palette commands name story, article or sentence outright), opens the dialog, writes through the
store and posts `AnnotationsChanged` on the screen, which then reads the marks again
(`read_marks`) and hands them to its panes.

The store (and rapidfuzz behind it) is opened on first use, not at start-up, and a library without
an annotations file is left unopened until the reader first tags or notes something.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from tui.core.models import Article, SentenceRef, Story
from tui.core.store.storage import LibraryError
from tui.messages import AnnotationKind, AnnotationsChanged, ExportFormatName
from tui.screens.external_editor import edit_text, editor_command
from tui.widgets.annotation_marks import NO_MARKS, AnnotationMarks

if TYPE_CHECKING:
    from tui.core.notes.annotations import AnnotationContext, Annotations, Note, Target
    from tui.core.reader.story import StoryReader
    from tui.core.store.library import Library


@dataclass(frozen=True, slots=True)
class Focus:
    """What the reader is looking at when they ask to annotate or quote."""

    story: Story | None
    articles: Mapping[str, Article]
    """The open story's articles by id."""
    cursor: SentenceRef | None
    """The selected outlet's article and the focused sentence in it."""
    in_sources: bool
    """Sources has the focus: a request that names no kind is about the article."""


def heading(verb: str, target: Target, context: AnnotationContext) -> str:
    """A dialog's title: 'Tag sentence · TRT World'."""
    where = f" · {context.outlet}" if context.outlet else ""
    return f"{verb} {target.kind}{where}"


class Annotator:
    """The main screen's annotation store, marks and dialogs (see the module docstring)."""

    def __init__(self, screen: Screen[Any], library: Library) -> None:
        self._screen = screen
        """Where notices show, dialogs open and `AnnotationsChanged` is posted."""
        self._library = library
        self._store: Annotations | None = None
        self.marks: AnnotationMarks = NO_MARKS
        """Marks of the open story, as last read from the store."""

    # --- the store and the marks --------------------------------------------------------------

    def store(self) -> Annotations | None:
        """The library's annotations, opened on first use; None (and said why) when unusable."""
        if self._store is None:
            from tui.core.notes.annotations import Annotations

            try:
                self._store = Annotations(self._library.home)
            except LibraryError as exc:
                self._screen.notify(
                    f"Tags and notes are unavailable: {exc}", severity="error", markup=False
                )
                return None
        return self._store

    def read_marks(self, story: Story | None) -> AnnotationMarks:
        """Read (and keep) the marks of `story`'s annotations.

        A library without an annotations file has no marks to read: the store is then left
        unopened (and unimported) until the reader first tags or notes something.
        """
        marks = NO_MARKS
        kept = self._store is not None or self._library.has_annotations()
        store = self.store() if story is not None and kept else None
        if story is not None and store is not None:
            try:
                marks = AnnotationMarks.from_items(store.items(story_id=story.id))
            except LibraryError as exc:
                self._screen.notify(str(exc), severity="error", markup=False)
        self.marks = marks
        return marks

    # --- what to annotate ---------------------------------------------------------------------

    def target(self, focus: Focus, kind: AnnotationKind | None) -> Target | None:
        """The item a request is about; None (and said why) when there is none."""
        from tui.core.notes.annotations import Target

        story, cursor, notify = focus.story, focus.cursor, self._screen.notify
        if story is None:
            notify("Open a story first (S lists the stories).", severity="warning")
            return None
        if kind is None:
            kind = "article" if focus.in_sources else "sentence"
        if kind == "story":
            return Target.story(story.id)
        if cursor is None or cursor.article_id not in focus.articles:
            notify("No outlet is selected.", severity="warning")
            return None
        if kind == "article":
            return Target.article(story.id, cursor.article_id)
        if not focus.articles[cursor.article_id].sentences:
            notify("This article has no sentences.", severity="warning")
            return None
        return Target.sentence(story.id, cursor.article_id, cursor.index)

    def _request(
        self, focus: Focus, kind: AnnotationKind | None
    ) -> tuple[Annotations, Target, AnnotationContext] | None:
        """The store, target and context a tag or note request needs; None (and said why) when
        any of them is missing."""
        target = self.target(focus, kind)
        store = self.store()
        context = self._context(target) if target is not None else None
        if target is None or store is None or context is None:
            return None
        return store, target, context

    def _context(self, target: Target) -> AnnotationContext | None:
        from tui.core.notes.annotations import context_for

        try:
            return context_for(self._library, target)
        except LibraryError as exc:
            self._screen.notify(str(exc), severity="error", markup=False)
            return None

    def _changed(self, target: Target) -> None:
        """Tell the screen (and so the marks) that `target`'s story has new annotations."""
        self._screen.post_message(AnnotationsChanged(target.story_id))

    # --- tags ---------------------------------------------------------------------------------

    def tag(self, focus: Focus, kind: AnnotationKind | None) -> None:
        """The tag prompt on the item the reader means."""
        from tui.screens.tag_prompt import TagPrompt

        request = self._request(focus, kind)
        if request is None:
            return
        store, target, context = request

        def save(added: Sequence[str], removed: Sequence[str]) -> Sequence[str]:
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

        self._screen.app.push_screen(
            TagPrompt(
                heading=heading("Tag", target, context),
                quote=context.quote,
                tags=store.tags_for(target),
                known=store.all_tags(),
                save=save,
            )
        )

    # --- notes --------------------------------------------------------------------------------

    def note(self, focus: Focus, kind: AnnotationKind | None, *, external: bool) -> None:
        """The in-app note editor on the item the reader means, or the user's own editor."""
        request = self._request(focus, kind)
        if request is None:
            return
        store, target, context = request
        if external:
            self._note_in_editor(store, target, context)
        else:
            self._note_in_app(store, target, context)

    def _note_in_app(
        self,
        store: Annotations,
        target: Target,
        context: AnnotationContext,
        *,
        note_id: str | None = None,
        text: str | None = None,
    ) -> None:
        """The in-app editor on the item's notes, on `note_id` (or a new note), with `text`."""
        from tui.screens.note_editor import NoteEditor

        def save(existing: str | None, body: str) -> Note:
            if existing is None:
                note = _add_note(store, target, context, body)
            else:
                note = store.update_note(existing, body)
            self._changed(target)
            return note

        def delete(existing: str) -> None:
            store.delete_note(existing)
            self._changed(target)

        self._screen.app.push_screen(
            NoteEditor(
                heading=heading("Note on", target, context),
                quote=context.quote,
                notes=store.notes_for(target),
                save=save,
                delete=delete,
                note_id=note_id,
                text=text,
            )
        )

    def _note_in_editor(
        self, store: Annotations, target: Target, context: AnnotationContext
    ) -> None:
        """Edit the item's latest note (or a new one) in the user's editor; on any trouble the
        text goes to the in-app editor instead, so nothing typed is lost."""
        notify = self._screen.notify
        notes = store.notes_for(target)
        note_id = notes[-1].id if notes else None
        original = notes[-1].text if notes else ""
        command = editor_command(os.environ)
        if isinstance(command, str):
            notify(f"{command}: writing the note here instead.", markup=False)
            self._note_in_app(store, target, context, note_id=note_id)
            return
        text, problem = edit_text(self._screen.app, command, original)
        if problem is not None:
            notify(problem, severity="warning", markup=False)
            changed = text is not None and text.strip() != original.strip()
            self._note_in_app(
                store, target, context, note_id=note_id, text=text if changed else None
            )
            return
        assert text is not None
        if text.strip() == original.strip():
            notify("Note unchanged.")
            return
        if not text.strip():
            notify("The note is empty: nothing saved.", severity="warning")
            return
        try:
            if note_id is None:
                _add_note(store, target, context, text)
            else:
                store.update_note(note_id, text)
        except (LibraryError, ValueError, OSError, KeyError) as exc:
            notify(f"Note not saved: {exc}", severity="error", markup=False)
            self._note_in_app(store, target, context, note_id=note_id, text=text)
            return
        self._changed(target)
        notify("Note saved.")

    # --- export and quoting -------------------------------------------------------------------

    def export(
        self,
        story: Story | None,
        reader: StoryReader,
        *,
        fmt: ExportFormatName | None,
    ) -> None:
        """The export dialog on `story`, with `fmt` chosen (the last format used when None)."""
        from tui.screens.export_dialog import ExportDialog

        store = self.store()
        if story is None:
            self._screen.notify("Open a story first (S lists the stories).", severity="warning")
            return
        if store is None:
            return
        self._screen.app.push_screen(
            ExportDialog(
                reader=reader,
                annotations=store,
                story=story,
                known_tags=store.all_tags(),
                fmt=fmt,
            )
        )

    def copy_sentence(self, focus: Focus) -> None:
        """Copy the focused sentence as a citation: outlet, publication date, URL, story."""
        story, cursor = focus.story, focus.cursor
        article = focus.articles.get(cursor.article_id) if cursor is not None else None
        if story is None or cursor is None or article is None:
            self._screen.notify("No sentence to copy.", severity="warning")
            return
        if not 0 <= cursor.index < len(article.sentences):
            self._screen.notify("No sentence to copy.", severity="warning")
            return
        from tui.clipboard import copy_text
        from tui.core.export.citation import citation_line

        sentence = article.sentences[cursor.index].text
        how = copy_text(
            citation_line(sentence, article, story_title=story.title),
            osc52=self._screen.app.copy_to_clipboard,
        )
        known = [name for name, value in (("date", article.date), ("URL", article.url)) if value]
        cited = f" with its {' and '.join(known)}" if known else ""
        self._screen.notify(
            f"Copied the sentence from {article.outlet}{cited} to {how}.", markup=False
        )


def _add_note(store: Annotations, target: Target, context: AnnotationContext, text: str) -> Note:
    """A new note that keeps the item's quote, outlet and story title beside its text."""
    return store.add_note(
        target,
        text,
        quote=context.quote,
        outlet=context.outlet,
        story_title=context.story_title,
    )
