"""Requests that keys, panes, screens and the command palette all make.

One handler on the app or main screen serves every route to the same request (braindrop's habit).
Facts that one pane reports about itself live nested in that pane's class instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from textual.message import Message

from tui.core.models import SentenceRef

if TYPE_CHECKING:
    from textual.screen import Screen

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


ViewName = Literal["side_by_side", "matrix", "drift", "stories", "import"]
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


def post_to_screen_below(screen: Screen[Any], message: Message) -> None:
    """Send `message` from a view to the screen it covers (it bubbles on to the app if unhandled).

    A view posts its request and then dismisses itself, so it cannot handle the message on its
    own queue; the main screen underneath is where jumps, opens and import results are handled.
    """
    stack = screen.app.screen_stack
    below = stack[-2] if len(stack) > 1 and stack[-1] is screen else screen.app
    below.post_message(message)


# --- tags, notes, exports (served by `screens.annotating.AnnotationActions` on the main screen) --

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
