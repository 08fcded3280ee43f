"""Requests that keys, panes, views and the command palette all make.

One handler on the main screen serves every route to the same request (braindrop's habit): a key
posts it on the screen, a pane's message bubbles up to it, the palette posts it there, and a view
closes on a choice that its `push_screen` callback posts there (`tui.screens.choice`). The one
exception is `ImportFinished`, which the import screen reports while it stays open: it bubbles up
to the app. Facts that one pane reports about itself live nested in that pane's class instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from textual.message import Message

from tui.core.models import SentenceRef

if TYPE_CHECKING:
    from tui.core.notes.types import Target


class JumpToSentence(Message):
    """Show this sentence: select its outlet in Sources and focus it in Article."""

    def __init__(self, ref: SentenceRef) -> None:
        super().__init__()
        self.ref = ref


class OpenStory(Message):
    """Open a story of the library on the main screen."""

    def __init__(self, story_id: str) -> None:
        super().__init__()
        self.story_id = story_id


class ImportFinished(Message):
    """An import from inside the app ended; `story_id` names the story it filled, if any."""

    def __init__(self, story_id: str | None, lines: list[str]) -> None:
        super().__init__()
        self.story_id = story_id
        self.lines = lines


ViewName = Literal[
    "side_by_side", "matrix", "drift", "stories", "import", "coverage", "profiles", "feeds"
]
"""The secondary screens the main screen opens over itself."""

ToggleName = Literal["show_removed", "only_additions"]
"""The main screen's reading toggles: removed lines shown in place; shared sentences hidden."""


class OpenView(Message):
    """Open one of the secondary views (side by side, matrix, drift list, stories, import)."""

    def __init__(self, view: ViewName) -> None:
        super().__init__()
        self.view: ViewName = view


class ShowOutlet(Message):
    """Select this outlet in Sources, at its counterpart of the sentence being read if any."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id


class ToggleSetting(Message):
    """Flip one of the main screen's reading toggles."""

    def __init__(self, setting: ToggleName) -> None:
        super().__init__()
        self.setting: ToggleName = setting


# --- tags, notes, exports (the main screen hands them to its `screens.annotator.Annotator`) -----

AnnotationKind = Literal["story", "article", "sentence"]
"""What to annotate; None in a request means the focused item (Sources: the article, Article or
Diff: the sentence)."""

ExportFormatName = Literal["md", "json", "csv", "html"]


class TagItem(Message):
    """Open the tag prompt for the story, the selected article or the focused sentence."""

    def __init__(self, kind: AnnotationKind | None = None) -> None:
        super().__init__()
        self.kind: AnnotationKind | None = kind


class NoteItem(Message):
    """Open the note editor (in the app, or in $EDITOR when `external`) for an item."""

    def __init__(self, kind: AnnotationKind | None = None, *, external: bool = False) -> None:
        super().__init__()
        self.kind: AnnotationKind | None = kind
        self.external = external


class ExportNotes(Message):
    """Open the export dialog, with `fmt` chosen when given."""

    def __init__(self, fmt: ExportFormatName | None = None) -> None:
        super().__init__()
        self.fmt: ExportFormatName | None = fmt


class CopySentence(Message):
    """Copy the focused sentence, its outlet and the story title to the clipboard."""


class ShowNotes(Message):
    """Open the Notes view: every tag and note of the library."""


class OpenAnnotation(Message):
    """Show what an annotation is about: its sentence, its outlet, or its story."""

    def __init__(self, target: Target) -> None:
        super().__init__()
        self.target = target


class AnnotationsChanged(Message):
    """Tags or notes of a story were written; views showing marks for it redraw them."""

    def __init__(self, story_id: str) -> None:
        super().__init__()
        self.story_id = story_id
