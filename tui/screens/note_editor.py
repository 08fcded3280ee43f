"""The note editor: write a new note on an item, or edit or delete one it already has.

The item's notes are listed above the text area (enter loads one, delete removes it); the text
area starts on a new note unless told which note to open. ctrl+s saves and closes; escape closes,
asking first when the text changed. A failed write shows its reason and keeps the editor open with
the text as typed: a note is never lost to a full disk or a locked file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from tui.core.notes.types import Note
from tui.core.store.storage import LibraryError
from tui.keys.registry import NOTE_EDITOR_BINDINGS
from tui.screens.confirm import ConfirmScreen
from tui.widgets import safe_text

SaveNote = Callable[[str | None, str], Note]
"""save(note id or None for a new note, text) -> the note written; raises on failure."""
DeleteNote = Callable[[str], None]
NEW_NOTE_ID = "new-note"
_WRITE_ERRORS = (LibraryError, ValueError, OSError, KeyError)


def note_summary(note: Note, *, width: int = 60) -> str:
    """The note's first line, cut to `width`, with the day it was last changed."""
    first = note.text.strip().splitlines()[0] if note.text.strip() else ""
    if len(first) > width:
        first = first[: width - 1] + "…"
    return f"{note.updated_at[:10]}  {first}"


class NoteEditor(ModalScreen[bool]):
    """Edit one item's notes; dismisses with True when anything was written."""

    BINDINGS: ClassVar[list[BindingType]] = list(NOTE_EDITOR_BINDINGS)
    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical {
        width: 90; max-width: 95%; height: 80%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    NoteEditor #note-quote { color: $text-muted; max-height: 4; }
    NoteEditor #note-list { height: auto; max-height: 6; border: none; }
    NoteEditor #note-text { height: 1fr; }
    NoteEditor #note-error { color: $error; height: auto; }
    NoteEditor #note-hint { color: $text-muted; }
    """

    def __init__(
        self,
        *,
        heading: str,
        quote: str,
        notes: Sequence[Note],
        save: SaveNote,
        delete: DeleteNote,
        note_id: str | None = None,
        text: str | None = None,
    ) -> None:
        """`note_id` opens that note; `text` starts with this text instead (unsaved, so
        closing asks first), as when coming back from an editor that failed."""
        super().__init__()
        self._heading = heading
        self._quote = quote
        self.notes = list(notes)
        self._save = save
        self._delete = delete
        self.note_id = note_id if any(n.id == note_id for n in notes) else None
        """The note being edited; None for a new one."""
        self._baseline = self._stored_text(self.note_id)
        self._start_text = text if text is not None else self._baseline
        self._changed = False

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self._heading
            yield Static(Content(safe_text(self._quote)), id="note-quote", markup=False)
            yield OptionList(id="note-list", markup=False)
            yield TextArea(self._start_text, id="note-text", soft_wrap=True)
            yield Static(id="note-error", markup=False)
            yield Static(
                "ctrl+s: save · esc: close · tab: the notes (enter opens, del deletes)",
                id="note-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self._show_notes()
        self.query_one("#note-text", TextArea).focus()

    @property
    def text(self) -> str:
        return self.query_one("#note-text", TextArea).text

    @property
    def dirty(self) -> bool:
        """Whether the text differs from what is stored for the note being edited."""
        return self.text.strip() != self._baseline.strip()

    def _stored_text(self, note_id: str | None) -> str:
        return next((n.text for n in self.notes if n.id == note_id), "")

    def _show_notes(self) -> None:
        note_list = self.query_one("#note-list", OptionList)
        options = [Option(Content("+ new note"), id=NEW_NOTE_ID)]
        options += [Option(Content(safe_text(note_summary(n))), id=n.id) for n in self.notes]
        note_list.set_options(options)
        note_list.display = bool(self.notes)
        editing = self.note_id or NEW_NOTE_ID
        note_list.highlighted = note_list.get_option_index(editing)

    def _error(self, message: str) -> None:
        self.query_one("#note-error", Static).update(Content(message))

    def action_save(self) -> None:
        try:
            note = self._save(self.note_id, self.text)
        except _WRITE_ERRORS as exc:
            reason = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
            self._error(f"Not saved: {reason}")
            return
        self._changed = True
        self.note_id = note.id
        self.dismiss(True)

    def action_close(self) -> None:
        if not self.dirty:
            self.dismiss(self._changed)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(self._changed)

        self.app.push_screen(ConfirmScreen("Discard the changes to this note?"), answered)

    @on(OptionList.OptionSelected, "#note-list")
    def _note_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = None if event.option.id == NEW_NOTE_ID else event.option.id
        if chosen == self.note_id:
            self.query_one("#note-text", TextArea).focus()
            return
        if not self.dirty:
            self._open(chosen)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self._open(chosen)

        self.app.push_screen(ConfirmScreen("Discard the changes to this note?"), answered)

    def _open(self, note_id: str | None) -> None:
        self.note_id = note_id
        self._baseline = self._stored_text(note_id)
        area = self.query_one("#note-text", TextArea)
        area.load_text(self._baseline)
        self._error("")
        area.focus()

    def action_delete_note(self) -> None:
        note_list = self.query_one("#note-list", OptionList)
        if self.focused is not note_list or note_list.highlighted is None:
            return
        note_id = note_list.get_option_at_index(note_list.highlighted).id
        if note_id is None or note_id == NEW_NOTE_ID:
            return

        def answered(delete: bool | None) -> None:
            if not delete or note_id is None:
                return
            try:
                self._delete(note_id)
            except _WRITE_ERRORS as exc:
                self._error(f"Not deleted: {exc}")
                return
            self._changed = True
            self.notes = [n for n in self.notes if n.id != note_id]
            if self.note_id == note_id:
                self.note_id = None
                self._baseline = ""
            self._show_notes()

        self.app.push_screen(ConfirmScreen("Delete this note?"), answered)
