"""The library's stories, searchable by title; enter opens one on the main screen.

The list is read in a thread worker (the store is a file on disk that may be large) and filtered
in memory as the user types (`title_score`: every typed word must match), so typing never waits
on the disk and narrows the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.models import Story
from tui.core.store.library import Library, LibraryError
from tui.core.store.story_lookup import title_score
from tui.core.text.wording import plural
from tui.keys.registry import STORIES_BINDINGS
from tui.messages import OpenStory
from tui.screens.choice import ChoiceScreen
from tui.widgets.cursor_moves import move_option_list
from tui.widgets.diff_text import data_text


def filter_stories(stories: Sequence[Story], query: str) -> list[Story]:
    """Stories whose title matches every word of `query` (`title_score`), or whose id starts
    with it, best first; all of them when it is blank.

    Ties keep the library's order so the list does not jump around while typing.
    """
    if not query.strip():
        return list(stories)
    wanted = query.strip().casefold()
    scored = []
    for position, story in enumerate(stories):
        score = 100.0 if len(wanted) >= 4 and story.id.startswith(wanted) else 0.0
        score = max(score, title_score(query, story.title))
        if score > 0:
            scored.append((-score, position, story))
    return [story for _, _, story in sorted(scored, key=lambda item: item[:2])]


def story_prompt(story: Story) -> Text:
    """A story's line: its title (data, never markup), then its article count and date."""
    count = len(story.article_ids)
    prompt = data_text(story.title)
    prompt.append(f"  · {count} article{'s' if count != 1 else ''}", style="dim")
    prompt.append(f" · {story.created_at[:10]}", style="dim")
    return prompt


class StoriesScreen(ChoiceScreen[str]):
    """Pick a story of the library: dismisses with its id (an `OpenStory` request).

    q/escape dismiss with None. Typing in the search box filters the list; up/down move in the list
    from the search box; enter in the box opens the highlighted story.
    """

    HELP = "Every story in the library. Type to search titles; enter opens the highlighted one."
    BINDINGS: ClassVar[list[BindingType]] = list(STORIES_BINDINGS)
    DEFAULT_CSS = """
    StoriesScreen #stories-search { margin: 0 1; }
    StoriesScreen #stories-status { height: 1; padding: 0 1; color: $text-muted; }
    StoriesScreen #stories-list { height: 1fr; }
    """

    def __init__(self, library: Library) -> None:
        super().__init__()
        self._library = library
        self.all_stories: list[Story] = []
        """Every story of the library, once loaded."""
        self.shown: list[Story] = []
        """The stories the list shows, in order."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="type words of a title, or an id", id="stories-search")
        yield Static("reading the library…", id="stories-status")
        yield OptionList(id="stories-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#stories-search", Input).focus()
        self._load()

    @work(thread=True, exclusive=True, group="stories-load")
    def _load(self) -> None:
        try:
            stories = self._library.stories()
        except LibraryError as error:
            self.app.call_from_thread(self._show_problem, str(error))
            return
        self.app.call_from_thread(self._loaded, stories)

    def _show_problem(self, line: str) -> None:
        self.query_one("#stories-status", Static).update(data_text(line, style="bold red"))

    def _loaded(self, stories: list[Story]) -> None:
        self.all_stories = stories
        self._refilter()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    def _refilter(self) -> None:
        query = self.query_one("#stories-search", Input).value
        self.shown = filter_stories(self.all_stories, query)
        option_list = self.query_one("#stories-list", OptionList)
        option_list.clear_options()
        option_list.add_options(Option(story_prompt(story), id=story.id) for story in self.shown)
        if self.shown:
            option_list.highlighted = 0
        total = len(self.all_stories)
        if total == 0:
            status = "the library holds no story yet: import some articles first"
        elif query.strip():
            verb = "matches" if len(self.shown) == 1 else "match"
            status = f"{len(self.shown)} of {plural(total, 'story', 'stories')} {verb}"
        else:
            status = plural(total, "story", "stories")
        self.query_one("#stories-status", Static).update(Text(status, end=""))

    def action_search(self) -> None:
        self.query_one("#stories-search", Input).focus()

    def action_cursor(self, move: str) -> None:
        move_option_list(self.query_one("#stories-list", OptionList), move)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option_index)

    def action_open(self) -> None:
        self._open(self.query_one("#stories-list", OptionList).highlighted)

    def _open(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self.shown):
            return
        self.choose(self.shown[index].id)

    def request(self, choice: str) -> OpenStory:
        return OpenStory(choice)
