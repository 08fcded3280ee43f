"""Requests that keys, panes, screens and the command palette all make.

One handler on the app or main screen serves every route to the same request (braindrop's habit).
Facts that one pane reports about itself live nested in that pane's class instead.
"""

from __future__ import annotations

from textual.message import Message

from tui.core.models import SentenceRef


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
