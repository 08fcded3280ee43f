"""The library's stories, searchable by title; enter opens one on the main screen, f2 renames
the highlighted one and f8 deletes it (after asking). `MoveArticleScreen` is the same list for
picking the story an article moves to.

The list is read in a thread worker (the store is a file on disk that may be large) and filtered
in memory as the user types (`title_score`: every typed word must match), so typing never waits
on the disk and narrows the list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.models import Article, Story
from tui.core.notes.review import ReviewCounts
from tui.core.store.library import Library, LibraryError
from tui.core.store.story_lookup import title_score
from tui.core.stories.manage import delete_story, move_articles, rename_story
from tui.core.text.safe_text import display_text
from tui.core.text.wording import plural
from tui.keys.registry import STORIES_BINDINGS
from tui.messages import OpenStory
from tui.screens.choice import ChoiceScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.title_prompt import TitlePrompt
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


def story_prompt(story: Story, review: ReviewCounts | None = None) -> Text:
    """A story's line: its title (data, never markup), then its article count and date, and
    what is left to review in it (drifts only for a story aligned this session)."""
    count = len(story.article_ids)
    prompt = data_text(story.title)
    prompt.append(f"  · {count} article{'s' if count != 1 else ''}", style="dim")
    prompt.append(f" · {story.created_at[:10]}", style="dim")
    if review is None:
        return prompt
    if review.done:
        prompt.append(" · ✓ all reviewed", style="green")
        return prompt
    left = [f"{review.articles} of {review.articles_total} outlets"]
    if review.drifts:
        left.append(plural(review.drifts, "drift"))
    prompt.append(f" · to review: {', '.join(left)}", style="yellow")
    return prompt


class StoriesScreen(ChoiceScreen[str]):
    """Pick a story of the library: dismisses with its id (an `OpenStory` request).

    q/escape dismiss with None. Typing in the search box filters the list; up/down move in the list
    from the search box; enter in the box opens the highlighted story.
    """

    HELP = (
        "Every story in the library. Type to search titles; enter opens the highlighted one, "
        "f2 renames it, f8 deletes it (after asking; its tags and notes are kept)."
    )
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
        self._review: dict[str, ReviewCounts] = {}
        """What is left to review, per story id."""

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
            review = self._review_counts(stories)
        except LibraryError as error:
            self.app.call_from_thread(self._show_problem, str(error))
            return
        self.app.call_from_thread(self._loaded, stories, review)

    def _review_counts(self, stories: list[Story]) -> dict[str, ReviewCounts]:
        """What is left to review per story; drifts counted for stories aligned this session
        (aligning every story of a library to count them would take minutes)."""
        from tui.core.notes.review import ReviewState

        state = ReviewState(self._library.home)
        reader = getattr(self.app, "reader", None)
        counts = {}
        for story in stories:
            alignment = reader.in_memory(story.id) if reader is not None else None
            drifts = alignment.drift if alignment is not None else None
            counts[story.id] = state.left(story.id, story.article_ids, drifts)
        return counts

    def _show_problem(self, line: str) -> None:
        self.query_one("#stories-status", Static).update(data_text(line, style="bold red"))

    def _loaded(self, stories: list[Story], review: dict[str, ReviewCounts]) -> None:
        self.all_stories = stories
        self._review = review
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
        option_list.add_options(
            Option(story_prompt(story, self._review.get(story.id)), id=story.id)
            for story in self.shown
        )
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

    # --- changing stories (`core.stories.manage`) --------------------------------------------

    def highlighted_story(self) -> Story | None:
        index = self.query_one("#stories-list", OptionList).highlighted
        return self.shown[index] if index is not None and 0 <= index < len(self.shown) else None

    def action_rename(self) -> None:
        story = self.highlighted_story()
        if story is None:
            return

        def renamed(title: str | None) -> None:
            if title and title != story.title:
                self._change(
                    lambda: rename_story(self._library, story.id, title),
                    f"Renamed to {display_text(title)!r}.",
                )

        self.app.push_screen(TitlePrompt(f"New title for {story.title!r}:", story.title), renamed)

    def action_delete(self) -> None:
        story = self.highlighted_story()
        if story is None:
            return
        count = plural(len(story.article_ids), "article")
        question = (
            f"Delete the story {story.title!r} and its {count}? Its tags and notes are kept, "
            "marked as about articles that are gone."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(
                    lambda: delete_story(self._library, story.id),
                    f"Deleted {display_text(story.title)!r}.",
                )

        self.app.push_screen(ConfirmScreen(question), answered)

    @work(thread=True, exclusive=True, group="stories-change")
    def _change(self, change: Callable[[], object], done: str) -> None:
        """Make one change to the library off the UI thread, then read the list again."""
        try:
            change()
        except LibraryError as error:
            self.app.call_from_thread(self._show_problem, str(error))
            return
        self.app.call_from_thread(self.notify, done)
        self._load()


class MoveArticleScreen(StoriesScreen):
    """Pick the story to move one article to; the move is made, then the view closes on the story
    the article came from (an `OpenStory` request, so the reader sees it without the article)."""

    HELP = "Pick the story to move the article to. Type to search titles; enter moves it."

    def __init__(self, library: Library, article: Article, from_story: str) -> None:
        super().__init__(library)
        self.article = article
        self.from_story = from_story

    def on_mount(self) -> None:
        super().on_mount()
        what = f"Move {self.article.outlet}'s article to which story?"
        self.query_one("#stories-search", Input).placeholder = display_text(what)

    def _loaded(self, stories: list[Story], review: dict[str, ReviewCounts]) -> None:
        super()._loaded([story for story in stories if story.id != self.from_story], review)

    def choose(self, choice: str) -> None:
        self._move(choice)

    @work(thread=True, exclusive=True, group="stories-change")
    def _move(self, to_story: str) -> None:
        try:
            moved = move_articles(self._library, [self.article.id], self.from_story, to_story)
        except LibraryError as error:
            self.app.call_from_thread(self._show_problem, str(error))
            return
        note = f"Moved {display_text(self.article.outlet)} to {display_text(moved.title)!r}."
        self.app.call_from_thread(self.notify, note)
        self.app.call_from_thread(self.dismiss, self.from_story)
