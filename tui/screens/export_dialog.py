"""The export dialog: the open story with its tags and notes, as Markdown, JSON, CSV or HTML.

The path starts as `core.export.writer.default_export_name` in the user's documents folder (else
home; never the current directory) and follows the format and tag until the reader edits it. A
missing folder is said in one line before anything runs; an existing file is overwritten only
after a yes. The export itself runs in a thread worker through the app's story reader (the story is aligned already), so a large
story never freezes the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from tui.core.export.writer import FORMATS, ExportError, ExportFormat, default_export_name
from tui.core.store.storage import LibraryError
from tui.keys.registry import EXPORT_DIALOG_BINDINGS
from tui.screens.confirm import ConfirmScreen
from tui.screens.tag_prompt import TagSuggester

if TYPE_CHECKING:
    from tui.core.models import Story
    from tui.core.notes.annotations import Annotations
    from tui.core.reader.story import StoryReader

FORMAT_CHOICES: list[tuple[str, ExportFormat]] = [
    ("Markdown memo (.md)", "md"),
    ("JSON for scripts (.json)", "json"),
    ("CSV spreadsheet (.csv)", "csv"),
    ("HTML report (.html)", "html"),
]
FORMAT_OF_SUFFIX: dict[str, ExportFormat] = {f".{fmt}": fmt for fmt in FORMATS} | {
    ".markdown": "md",
    ".htm": "html",
}
"""The format a file name asks for: the format follows the path the reader types. A format's
own extension is its name (`default_export_name`)."""
FORMAT_STATE_KEY = "export_format"
"""The library state key under which the last format chosen is remembered."""
FORMAT_NAMES: dict[ExportFormat, str] = {
    "md": "Markdown",
    "json": "JSON",
    "csv": "CSV",
    "html": "HTML",
}


def default_export_folder() -> Path:
    """Where an export goes unless the reader types another path: the user's documents folder
    when there is one, else their home. Never the current directory: started from a source
    checkout, that would drop exports among the project's files."""
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


class ExportDialog(ModalScreen[Path | None]):
    """Choose format, tag and path; dismisses with the path written, or None."""

    BINDINGS: ClassVar[list[BindingType]] = list(EXPORT_DIALOG_BINDINGS)
    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical {
        width: 90; max-width: 95%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    ExportDialog Label { color: $text-muted; margin-top: 1; }
    ExportDialog #export-error { color: $error; height: auto; }
    ExportDialog #export-hint { color: $text-muted; }
    """

    def __init__(
        self,
        *,
        reader: StoryReader,
        annotations: Annotations,
        story: Story,
        known_tags: Sequence[str],
        fmt: ExportFormat | None = None,
        folder: Path | None = None,
    ) -> None:
        """`reader`: the app's story reader, which has the story aligned already (or aligns it
        in the worker); `fmt`: the format to start with, by default the last one chosen."""
        super().__init__()
        self._reader = reader
        self._library = reader.library
        if fmt is None:
            remembered = self._library.get_state(FORMAT_STATE_KEY)
            fmt = remembered if remembered in FORMAT_NAMES else "md"
        self._annotations = annotations
        self._story = story
        self._known_tags = known_tags
        self._fmt: ExportFormat = fmt
        self._folder = folder or default_export_folder()
        self._suggested = str(self._folder / default_export_name(story.title, fmt))
        self.busy = False
        """True while the export worker runs (a second enter does nothing meanwhile)."""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Export story with tags and notes"
            yield Static(Content(self._story.title), id="export-story", markup=False)
            yield Label("Format")
            yield Select(FORMAT_CHOICES, value=self._fmt, allow_blank=False, id="export-format")
            yield Label("Only annotations with this tag (empty: all)")
            yield Input(
                placeholder="tag", suggester=TagSuggester(self._known_tags), id="export-tag"
            )
            yield Label("File")
            # No select-on-focus: a space or a letter typed into the box must not erase the path.
            yield Input(self._suggested, id="export-path", select_on_focus=False)
            yield Static(id="export-error", markup=False)
            yield Static("enter / ctrl+s: export · esc: close", id="export-hint", markup=False)

    def on_mount(self) -> None:
        # The format first: enter there opens its choices, it never exports before a choice.
        self.query_one("#export-format", Select).focus()

    @property
    def fmt(self) -> ExportFormat:
        return cast(ExportFormat, self.query_one("#export-format", Select).value)

    @property
    def tag(self) -> str | None:
        return " ".join(self.query_one("#export-tag", Input).value.split()) or None

    def _follow_choices(self) -> None:
        """Rename the suggested file for the new format/tag; a path the reader typed keeps its
        name and takes the format's extension when it had another export's."""
        path_input = self.query_one("#export-path", Input)
        name = default_export_name(self._story.title, self.fmt, tag=self.tag)
        suggested = str(self._folder / name)
        if path_input.value == self._suggested:
            path_input.value = suggested
        else:
            typed = Path(path_input.value)
            if FORMAT_OF_SUFFIX.get(typed.suffix.lower(), self.fmt) != self.fmt:
                path_input.value = str(typed.with_suffix(f".{self.fmt}"))
        self._suggested = suggested

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._follow_choices()

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        """The format follows the file name: 'japan.html' exports HTML."""
        event.stop()
        asked = FORMAT_OF_SUFFIX.get(Path(event.value.strip()).suffix.lower())
        if asked is not None and asked != self.fmt:
            self.query_one("#export-format", Select).value = asked

    @on(Input.Changed, "#export-tag")
    def _tag_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._follow_choices()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(Content(message))

    def action_export(self) -> None:
        if self.busy:
            return
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self._error("Give a file name to write.")
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = self._folder / path
        if path.is_dir():
            self._error(f"{path}: is a folder; give a file name")
            return
        if not path.parent.is_dir():
            self._error(f"{path.parent}: no such folder")
            return
        self._error("")
        if not path.exists():
            self._start(path, force=False)
            return

        def answered(overwrite: bool | None) -> None:
            if overwrite:
                self._start(path, force=True)
            else:
                self._error(f"{path}: exists; not overwritten")

        self.app.push_screen(ConfirmScreen(f"{path} exists. Overwrite it?"), answered)

    def _start(self, path: Path, *, force: bool) -> None:
        self.busy = True
        self.query_one("#export-hint", Static).update(Content(f"Exporting to {path}…"))
        self._export(path, self.fmt, self.tag, force)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, path: Path, fmt: ExportFormat, tag: str | None, force: bool) -> None:
        from tui.core.export.writer import export_chunks, write_export

        try:
            opened = self._reader.open(self._story.id)
            content = export_chunks(
                opened, self._annotations, fmt=fmt, tag=tag, **self._coverage_options()
            )
            written = write_export(content, path, force=force)
        except (ExportError, LibraryError, OSError, ValueError) as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._written, written, fmt)

    def _coverage_options(self) -> dict[str, Any]:
        """The user's outlet profiles and blindspot share, for the coverage section
        (LibraryError, one line, when the profiles file cannot be read)."""
        from tui.core.profiles.book import ProfileBook
        from tui.core.store.config import ConfigError, load_config

        options: dict[str, Any] = {"profiles": ProfileBook(self._library.home).index()}
        try:
            share = load_config(self._library.home).blindspot_share
        except ConfigError:
            share = None  # the app said so at start; the default rule applies
        if share is not None:
            options["blindspot_share"] = share
        return options

    def _failed(self, reason: str) -> None:
        self.busy = False
        self.query_one("#export-hint", Static).update("enter / ctrl+s: export · esc: close")
        self._error(reason)

    def _written(self, path: Path, fmt: ExportFormat) -> None:
        self.busy = False
        with suppress(LibraryError):  # remembering the choice is a convenience, not the export
            self._library.set_state(FORMAT_STATE_KEY, fmt)
        self.app.notify(f"Exported {FORMAT_NAMES[fmt]} to {path}", markup=False)
        self.dismiss(path)

    def action_cancel(self) -> None:
        if not self.busy:
            self.dismiss(None)
