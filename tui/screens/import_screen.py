"""Import files or folders of scraped text from inside the app.

The path box starts empty (the current directory may be a source checkout) and completes
file-system paths as you type (tab or → accepts the grey completion). The progress bar shows only
once an import runs; enter on an empty box says what to type. The import itself runs
`core.store.importer.import_paths` in a thread worker, so the progress bar keeps moving while files
are read and cleaned; the result is shown as one line per article or problem and reported as
`ImportFinished`, which bubbles up to the app: the screen stays open for another import, and each
one's story is opened on the main screen behind it.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.suggester import Suggester
from textual.widgets import Footer, Input, Label, ProgressBar, Static

from tui.core.store.importer import ImportReport, import_paths
from tui.core.store.library import Library, LibraryError
from tui.core.text.wording import plural
from tui.keys.registry import IMPORT_BINDINGS
from tui.messages import ImportFinished
from tui.widgets.diff_text import data_text


def complete_path(value: str) -> str | None:
    """`value` extended to the first file or folder whose name starts with its last part.

    Folders get a trailing separator so the next part can be typed straight away. Hidden entries
    are offered only once a '.' is typed. Unreadable folders complete to nothing.
    """
    if not value:
        return None
    head, _, prefix = value.rpartition(os.sep)
    folder = Path(os.path.expanduser(head + os.sep if head or value.startswith(os.sep) else "."))
    try:
        names = sorted(
            (entry.name + (os.sep if entry.is_dir() else ""))
            for entry in os.scandir(folder)
            if entry.name.startswith(prefix)
            and (prefix.startswith(".") or not entry.name.startswith("."))
        )
    except OSError:
        return None
    for name in names:
        if name != prefix:
            return value + name[len(prefix) :]
    return None


class PathSuggester(Suggester):
    """Suggests the completion of a path from what is on disk (never cached: disks change)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return await asyncio.to_thread(complete_path, value)


def report_lines(library: Library, report: ImportReport) -> list[str]:
    """What an import did, one plain line per article, skipped file and problem."""
    lines: list[str] = []
    for story_id in report.story_ids:
        try:
            title = library.get_story(story_id).title
        except LibraryError:
            title = story_id
        count = sum(1 for item in report.imported if item.article.story_id == story_id)
        lines.append(f"story '{title}': {plural(count, 'article')} written")
    for item in report.imported:
        article = item.article
        lines.append(
            f"{item.action} {article.outlet} ({Path(article.source).name}): "
            f"{plural(item.kept_sentences, 'sentence')} kept, "
            f"{plural(item.removed_lines, 'line')} removed"
            + (f"; {item.grouping}" if item.grouping else "")
        )
    lines.extend(report.skipped)
    lines.extend(f"problem: {line}" for line in report.problems)
    if not report.imported and not report.skipped and not report.problems:
        lines.append("nothing to import there")
    return lines


class ImportScreen(Screen[str | None]):
    """Ask for a path, import it into the library, and show what happened.

    `story` (an existing story's id or title, or a new title) puts everything into that story.
    Posts `ImportFinished(story_id, lines)` after each import; q/escape dismiss with the id of the
    last story imported into, or None.
    """

    HELP = "Type a file or folder of .txt files; tab completes the path, enter imports."
    BINDINGS: ClassVar[list[BindingType]] = list(IMPORT_BINDINGS)
    DEFAULT_CSS = """
    ImportScreen Label { margin: 1 1 0 1; }
    ImportScreen #import-path { margin: 0 1; }
    ImportScreen #import-progress { margin: 1 1 0 1; }
    ImportScreen #import-status { height: 1; padding: 0 1; color: $text-muted; }
    ImportScreen #import-results { height: 1fr; margin: 0 1; border: round $panel; }
    """

    def __init__(
        self, library: Library, *, start_path: Path | None = None, story: str | None = None
    ) -> None:
        super().__init__()
        self._library = library
        self._story = story
        # No path by default: the current directory may be a source checkout, and enter would
        # import its files. The reader types one (tab completes); tests and callers may give one.
        self._start_value = (
            str(start_path) + (os.sep if start_path.is_dir() else "")
            if start_path is not None
            else ""
        )
        self.result_lines: list[str] = []
        """Lines of the last finished import."""
        self.last_story_id: str | None = None
        self.running = False
        """True while an import worker runs (a second enter is ignored)."""

    def compose(self) -> ComposeResult:
        yield Label("Import a file or a folder of .txt files (tab completes, enter imports):")
        yield Input(
            value=self._start_value,
            placeholder="a file or folder, e.g. ~/news/harbour-story/",
            suggester=PathSuggester(),
            id="import-path",
        )
        bar = ProgressBar(id="import-progress", show_eta=False)
        bar.display = False  # until something runs: an idle bar reads as half done
        yield bar
        yield Static("", id="import-status")
        with VerticalScroll(id="import-results"):
            yield Static(id="import-lines")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    def action_complete(self) -> None:
        path_input = self.query_one("#import-path", Input)
        completion = complete_path(path_input.value)
        if completion is not None:
            path_input.value = completion
            path_input.cursor_position = len(completion)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if self.running:
            return
        if not value:
            self.query_one("#import-status", Static).update(
                Text("Type the path of a file or folder first (tab completes).", style="bold")
            )
            return
        self.running = True
        self.query_one("#import-path", Input).disabled = True
        bar = self.query_one("#import-progress", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self.query_one("#import-status", Static).update(data_text(f"importing {value}…"))
        self._import(Path(os.path.expanduser(value)))

    @work(thread=True, exclusive=True, group="import")
    def _import(self, path: Path) -> None:
        def progress(done: int, total: int, name: str) -> None:
            self.app.call_from_thread(self._show_progress, done, total, name)

        try:
            from tui.core.stories.chooser import EvidenceChooser

            report = import_paths(
                self._library,
                [path],
                story=self._story,
                progress=progress,
                chooser=EvidenceChooser(),
            )
            lines = report_lines(self._library, report)
            story_id = report.story_ids[0] if report.story_ids else None
        except (LibraryError, OSError) as error:
            lines, story_id = [f"problem: {error}"], None
        self.app.call_from_thread(self._finished, story_id, lines)

    def _show_progress(self, done: int, total: int, name: str) -> None:
        self.query_one("#import-progress", ProgressBar).update(total=total, progress=done)
        self.query_one("#import-status", Static).update(data_text(f"{done}/{total}  {name}"))

    def _finished(self, story_id: str | None, lines: list[str]) -> None:
        self.running = False
        self.result_lines = lines
        if story_id is not None:
            self.last_story_id = story_id
        shown = Text("\n").join(
            data_text(line, style="red" if line.startswith("problem:") else "") for line in lines
        )
        self.query_one("#import-lines", Static).update(shown)
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        self.query_one("#import-status", Static).update(Text("done", end=""))
        path_input = self.query_one("#import-path", Input)
        path_input.disabled = False
        path_input.focus()
        self.post_message(ImportFinished(story_id, lines))

    def action_back(self) -> None:
        self.dismiss(self.last_story_id)
