"""The Notes view: every tag and note of the library, filtered as you type; enter jumps there.

The filter line has the focus from the start, as in the Stories view: typing filters at once,
↓/↑ move in the list, enter opens the highlighted annotation, escape closes.

The filter line takes `tag:x`, `outlet:y`, `story:z` (quote values with spaces) and free words,
searched fuzzily over notes, quotes and tags (`core.notes.query`). Enter closes the view on the
annotation's target (an `OpenAnnotation` request): the main screen opens the story if needed and
shows the sentence, the outlet or the story.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.notes.annotations import Annotation, Annotations
from tui.core.notes.query import filter_annotations, parse_filter
from tui.core.notes.types import Target
from tui.core.store.storage import LibraryError
from tui.core.text.wording import plural
from tui.keys.registry import NOTES_BINDINGS
from tui.messages import OpenAnnotation
from tui.screens.choice import ChoiceScreen
from tui.widgets import safe_text
from tui.widgets.annotation_marks import MARK_STYLE, NOTE_MARK, mark_of
from tui.widgets.cursor_moves import move_option_list

QUOTE_WIDTH = 160
"""Characters of the annotated text shown per row."""
_KIND_LABEL = {"story": "story", "article": "article", "sentence": "sentence"}


def _cut(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def annotation_row(item: Annotation) -> Content:
    """One annotation as a few lines: where it is, what it is about, its tags and notes."""
    where: list[str | tuple[str, str]] = [
        (f"{mark_of(item)} ", MARK_STYLE),
        (_KIND_LABEL[item.target.kind], "$text-muted"),
    ]
    if item.outlet:
        where += ["  ", (safe_text(item.outlet), "bold")]
    where += [("  · ", "$text-muted"), (safe_text(_cut(item.story_title, 60)), "$text-muted")]
    lines = [Content.assemble(*where), Content("  " + safe_text(_cut(item.quote, QUOTE_WIDTH)))]
    if item.tags:
        tags = "  ".join(f"#{safe_text(tag)}" for tag in item.tags)
        lines.append(Content.styled("  " + tags, "$accent"))
    lines += [
        Content.assemble((f"  {NOTE_MARK} ", MARK_STYLE), safe_text(_cut(note.text, QUOTE_WIDTH)))
        for note in item.notes
    ]
    return Content("\n").join(lines)


class NotesScreen(ChoiceScreen[Target]):
    """All annotations of the library; the filter line narrows them, enter opens one."""

    HELP = (
        "Every tag and note of the library. Type to filter: `tag:x`, `outlet:y`, `story:z` "
        '(quote values with spaces: `outlet:"TRT World"`) and free words (fuzzy). '
        "`enter` opens the sentence, outlet or story."
    )
    BINDINGS: ClassVar[list[BindingType]] = list(NOTES_BINDINGS)
    DEFAULT_CSS = """
    NotesScreen #notes-filter { border: tall $panel; }
    NotesScreen #notes-filter:focus { border: tall $accent; }
    NotesScreen #notes-status { height: 1; padding: 0 1; background: $panel; }
    NotesScreen #notes-list { height: 1fr; border: none; }
    """

    def __init__(self, annotations: Annotations, *, query: str = "") -> None:
        super().__init__()
        self._annotations = annotations
        self._query = query
        self.shown: list[Annotation] = []
        """The annotations on show, top to bottom."""

    def compose(self) -> ComposeResult:
        yield Input(
            self._query,
            placeholder='filter: tag:x  outlet:"TRT World"  story:y  words…',
            id="notes-filter",
        )
        yield Static(id="notes-status", markup=False)
        yield OptionList(id="notes-list", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._refresh()
        # Typing filters at once, as in the Stories view; ↓/↑ move in the list meanwhile.
        self.query_one("#notes-filter", Input).focus()

    def _refresh(self) -> None:
        query = self.query_one("#notes-filter", Input).value
        wanted = parse_filter(query)
        status = self.query_one("#notes-status", Static)
        try:
            self.shown = filter_annotations(self._annotations, wanted)
            total = len(self._annotations.items())
        except LibraryError as exc:
            self.shown = []
            status.update(Content.styled(str(exc), "$error"))
            self.query_one("#notes-list", OptionList).set_options([])
            return
        options: list[Option | None] = []
        for position, item in enumerate(self.shown):
            options += [Option(annotation_row(item), id=str(position)), None]
        notes_list = self.query_one("#notes-list", OptionList)
        notes_list.set_options(options[:-1])
        if self.shown:
            notes_list.highlighted = 0
        verb = "matches" if len(self.shown) == 1 else "match"
        scope = "" if wanted.is_empty else f" {verb} the filter (of {total})"
        empty = "No tags or notes yet: t tags, a writes a note." if total == 0 else ""
        status.update(Content(empty or f"{plural(len(self.shown), 'annotation')}{scope}"))

    @on(Input.Changed, "#notes-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refresh()

    @on(Input.Submitted, "#notes-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter opens the highlighted annotation, as in the Stories view."""
        event.stop()
        self.action_open()

    def action_filter(self) -> None:
        self.query_one("#notes-filter", Input).focus()

    def action_cursor(self, move: str) -> None:
        move_option_list(self.query_one("#notes-list", OptionList), move)

    @on(OptionList.OptionSelected, "#notes-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option.id)

    def action_open(self) -> None:
        notes_list = self.query_one("#notes-list", OptionList)
        if notes_list.highlighted is not None:
            self._open(notes_list.get_option_at_index(notes_list.highlighted).id)

    def _open(self, option_id: str | None) -> None:
        if option_id is None or not option_id.isdigit() or int(option_id) >= len(self.shown):
            return
        self.choose(self.shown[int(option_id)].target)

    def request(self, choice: Target) -> OpenAnnotation:
        return OpenAnnotation(choice)
