"""Tags, notes, exports and quoting on the main screen: the handlers behind t, a, A, T, e and y.

`AnnotationActions` is the main screen's base class, kept apart so the reading screen stays about
reading. Keys, panes and the palette all post the same requests (`TagItem`, `NoteItem`,
`ExportNotes`, `CopySentence`, `ShowNotes`, `OpenAnnotation`); one handler here serves each.
After every write an `AnnotationsChanged` redraws the marks, read once from the store.

The store, the marks and the target live in `annotation_base`, the notes (and $EDITOR) in
`note_handlers`; tags, views, export and the clipboard are here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import BindingType

from tui.core.models import SentenceRef
from tui.keymap import ANNOTATION_BINDINGS
from tui.messages import (
    CopySentence,
    ExportNotes,
    NoteItem,
    OpenAnnotation,
    ShowNotes,
    TagItem,
)
from tui.screens.note_handlers import NoteHandlers


def quote_line(sentence: str, outlet: str, story_title: str) -> str:
    """A sentence ready to paste: '"sentence" — Outlet, "Story title"'."""
    return f"“{sentence}” — {outlet}, “{story_title}”"


class AnnotationActions(NoteHandlers):
    """The main screen's annotation handlers (see the module docstring)."""

    BINDINGS: ClassVar[list[BindingType]] = list(ANNOTATION_BINDINGS)

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

    # --- tags ---------------------------------------------------------------------------------

    def on_tag_item(self, event: TagItem) -> None:
        event.stop()
        from tui.screens.tag_prompt import TagPrompt

        request = self.annotation_request(event.kind)
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
            self.annotations_changed(target)
            return tags

        self.app.push_screen(
            TagPrompt(
                heading=self.heading("Tag", target, context),
                quote=context.quote,
                tags=store.tags_for(target),
                known=store.all_tags(),
                save=save,
            )
        )

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
