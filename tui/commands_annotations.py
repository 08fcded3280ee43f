"""Command palette entries for tags, notes, exports and quoting ('tag: sentence', 'export: notes
as Markdown', ...). Each posts the same request a key would, to the main screen's one handler."""

from __future__ import annotations

from functools import partial

from tui.commands import Command, _NamedCommands
from tui.messages import (
    AnnotationKind,
    CopySentence,
    ExportFormatName,
    ExportNotes,
    NoteItem,
    ShowNotes,
    TagItem,
)

_WHAT: dict[AnnotationKind, str] = {
    "sentence": "the focused sentence",
    "article": "the selected outlet's article",
    "story": "the whole story",
}
_FORMATS: dict[ExportFormatName, str] = {
    "md": "Markdown",
    "json": "JSON",
    "csv": "CSV",
    "html": "HTML",
}


class AnnotationCommands(_NamedCommands):
    """'tag: …', 'note: …', 'export: notes as …', 'view: notes', 'copy: sentence'."""

    async def commands(self) -> list[Command]:
        main = self._crosswire().main_screen
        post = main.post_message
        commands: list[Command] = []
        for kind, what in _WHAT.items():
            commands.append((f"tag: {kind}", f"Tag {what}", partial(post, TagItem(kind))))
        for kind, what in _WHAT.items():
            commands.append(
                (f"note: {kind}", f"Write a note on {what}", partial(post, NoteItem(kind)))
            )
        commands.append(
            (
                "note: in $EDITOR",
                "Write the focused item's note in your $EDITOR",
                partial(post, NoteItem(external=True)),
            )
        )
        commands += [
            (
                f"export: notes as {name}",
                f"Export the story with its tags and notes as {name}",
                partial(post, ExportNotes(fmt)),
            )
            for fmt, name in _FORMATS.items()
        ]
        commands.append(
            ("view: notes", "Every tag and note of the library", partial(post, ShowNotes()))
        )
        commands.append(
            (
                "copy: sentence",
                "Copy the focused sentence with its outlet and story title",
                partial(post, CopySentence()),
            )
        )
        return commands
