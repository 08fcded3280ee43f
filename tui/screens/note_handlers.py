"""Notes on the main screen: `a` writes one in the app, `A` in the user's own editor.

The editor is the one the terminal convention names: $VISUAL, else $EDITOR. Whatever goes wrong
with it (unset, no such program, a non-zero exit, a failed write) the note goes to the in-app
editor with the text as it stands, and the terminal is always handed back to the app first: a
program that cannot start must never leave the screen blank.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from tui.core.store.storage import LibraryError
from tui.messages import NoteItem
from tui.screens.annotation_base import AnnotationBase

if TYPE_CHECKING:
    from tui.core.notes.annotations import AnnotationContext, Annotations, Note, Target

EDITOR_VARIABLES = ("VISUAL", "EDITOR")
"""Consulted in this order, as git, crontab and less do."""


@dataclass(frozen=True, slots=True)
class EditorCommand:
    """The user's editor as a command line, and where it came from (for messages)."""

    variable: str
    """'VISUAL' or 'EDITOR'."""
    argv: tuple[str, ...]
    """The program and its options; the file to edit goes last."""

    @property
    def label(self) -> str:
        """'$EDITOR (vim -u NONE)', for one-line messages."""
        return f"${self.variable} ({shlex.join(self.argv)})"


class EditorProblem(Exception):
    """The editor could not run (not found, not executable, interrupted)."""


def editor_command(environ: Mapping[str, str]) -> EditorCommand | str:
    """The editor $VISUAL or $EDITOR names, or one line saying why there is none to run."""
    for variable in EDITOR_VARIABLES:
        value = environ.get(variable, "").strip()
        if not value:
            continue
        try:
            argv = tuple(shlex.split(value))
        except ValueError as exc:
            return f"${variable} ({value}) cannot be read: {exc}"
        if not argv:
            continue
        if shutil.which(argv[0], path=environ.get("PATH", os.defpath)) is None:
            return f"${variable} names {argv[0]!r}, which is not an executable program"
        return EditorCommand(variable, argv)
    return "Neither $VISUAL nor $EDITOR is set"


class NoteHandlers(AnnotationBase):
    """`NoteItem` requests: the in-app note editor, or the user's editor with a fallback."""

    def on_note_item(self, event: NoteItem) -> None:
        event.stop()
        request = self.annotation_request(event.kind)
        if request is None:
            return
        store, target, context = request
        if event.external:
            self._edit_in_editor(store, target, context)
        else:
            self.open_note_editor(store, target, context)

    def open_note_editor(
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
                note = self._add_note(store, target, context, body)
            else:
                note = store.update_note(existing, body)
            self.annotations_changed(target)
            return note

        def delete(existing: str) -> None:
            store.delete_note(existing)
            self.annotations_changed(target)

        self.app.push_screen(
            NoteEditor(
                heading=self.heading("Note on", target, context),
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
        """Edit the item's latest note (or a new one) in the user's editor; on any trouble the
        text goes to the in-app editor instead, so nothing typed is lost."""
        notes = store.notes_for(target)
        note_id = notes[-1].id if notes else None
        original = notes[-1].text if notes else ""
        command = editor_command(os.environ)
        if isinstance(command, str):
            self.notify(f"{command}: writing the note here instead.", markup=False)
            self.open_note_editor(store, target, context, note_id=note_id)
            return
        text, problem = self._edit_text(command, original)
        if problem is not None:
            self.notify(problem, severity="warning", markup=False)
            changed = text is not None and text.strip() != original.strip()
            self.open_note_editor(
                store, target, context, note_id=note_id, text=text if changed else None
            )
            return
        assert text is not None
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
            self.open_note_editor(store, target, context, note_id=note_id, text=text)
            return
        self.annotations_changed(target)
        self.notify("Note saved.")

    def _edit_text(self, command: EditorCommand, original: str) -> tuple[str | None, str | None]:
        """Run the editor on a temporary file holding `original`.

        Returns (the file's text afterwards, None) when the editor exited 0, else (whatever text
        there is, or None, and one line saying what went wrong). The file is always removed.
        """
        fd, name = tempfile.mkstemp(prefix="crosswire-note-", suffix=".md")
        path = Path(name)
        text: str | None = None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(original)
            status = self._run_editor([*command.argv, name])
            text = path.read_text(encoding="utf-8", errors="replace")
        except (OSError, EditorProblem, SuspendNotSupported) as exc:
            return text, f"Cannot run {command.label}: {exc}; writing the note here instead."
        finally:
            path.unlink(missing_ok=True)
        if status != 0:
            return text, f"{command.label} exited with status {status}; the text is in the app."
        return text, None

    def _run_editor(self, argv: list[str]) -> int:
        """Hand the terminal to the editor, wait for it, and take the terminal back.

        Whatever happens to the editor is caught inside the suspended block and raised only
        after the app has resumed: Textual's `suspend` resumes only when its block ends
        normally, and an exception escaping it leaves a blank screen that ignores every key.
        A headless app (tests, scripts) has no terminal to hand over and runs the command as
        is; anywhere else that cannot suspend (Textual Web) raises SuspendNotSupported.
        """
        try:
            with self.app.suspend():
                status, problem = _run_quietly(argv, headless=False)
        except SuspendNotSupported:
            if not self.app.is_headless:
                raise
            status, problem = _run_quietly(argv, headless=True)
        if problem is not None:
            raise EditorProblem(problem)
        return status


def _run_quietly(argv: list[str], *, headless: bool) -> tuple[int, str | None]:
    """Run `argv` to the end: (exit status, None), or (-1, why it could not run) without raising,
    even on ctrl+c, so the caller's suspended terminal is always resumed."""
    try:
        if headless:
            done = subprocess.run(argv, check=False, stdin=subprocess.DEVNULL, capture_output=True)
        else:
            done = subprocess.run(argv, check=False)
    except OSError as exc:
        return -1, exc.strerror or str(exc)
    except KeyboardInterrupt:
        return -1, "interrupted"
    return done.returncode, None
