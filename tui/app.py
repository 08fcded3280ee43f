"""The crosswire app: a thin shell around the main screen.

It holds the library, the alignment cache and the settings; the screens do the reading. The store
and the alignment engine are imported only when first needed, so the first frame comes as soon as
Textual can draw it.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.screen import Screen
from textual.theme import Theme

from tui.commands import OutletCommands, StoryCommands, ThemeCommands
from tui.commands_annotations import AnnotationCommands
from tui.core.reader.story import OpenedStory, StoryReader
from tui.interpreter import collection_paused
from tui.keymap import APP_BINDINGS
from tui.messages import (
    ImportFinished,
    JumpToSentence,
    OpenStory,
    OpenView,
    ToggleSetting,
    ViewName,
)
from tui.screens.main import MainScreen

if TYPE_CHECKING:
    from tui.core.store.config import Config
    from tui.core.store.library import Library
    from tui.core.models import Article, Story, StoryAlignment

THEME_STATE_KEY = "theme"

_VIEW_TITLES: list[tuple[str, str, ViewName]] = [
    ("view: side by side", "Compare this outlet with another, row by row", "side_by_side"),
    ("view: coverage matrix", "Which outlet carries which sentence", "matrix"),
    ("view: drift list", "Names, numbers, dates and quotes that differ", "drift"),
    ("view: stories", "Pick another story of the library", "stories"),
    ("import: files", "Import a file or a folder of articles", "import"),
]


QUICK_OPEN_ARTICLES = 12
"""Stories of up to this many articles, already aligned, open without a worker (see
`CrosswireApp.story_at_hand`); larger ones read their cached alignment off the UI thread."""


class CrosswireApp(App[None]):
    """Read one news story as many outlets tell it."""

    CSS_PATH = "app.tcss"
    TITLE = "crosswire"
    BINDINGS: ClassVar[list[BindingType]] = list(APP_BINDINGS)
    COMMANDS = App.COMMANDS | {OutletCommands, StoryCommands, ThemeCommands, AnnotationCommands}

    def __init__(
        self, library: Library, *, story_id: str | None = None, config: Config | None = None
    ) -> None:
        super().__init__()
        from tui.core.store.config import Config

        self.library = library
        self.config = config or Config()
        self.start_story_id = story_id
        self.reader = StoryReader(library)
        """Every story the app shows is opened and aligned through it, once per session."""

    def run(self, **options: Any) -> None:
        """Textual's run, with the cyclic collector out of the way of the first frame.

        Start-up allocates a few hundred thousand objects (imports, styles, widgets, the story)
        and the collector walked them again and again before the first frame: ~40 ms of a
        ~450 ms start. Collection pauses until the main screen's first frame is written; the
        screen then freezes what exists and resumes it (`MainScreen.collect_after_frame`), as
        Textual itself pauses it while scrolling.
        """
        gc.disable()
        try:
            return super().run(**options)
        finally:
            gc.enable()

    def get_default_screen(self) -> Screen[None]:
        """The main screen, built with the breakpoint class of the terminal's width already set:
        Textual sets it on the first resize, after mounting, and a class added then restyles
        every widget of the screen once more (~10 ms at start-up)."""
        screen = MainScreen()
        width = self.size.width
        breakpoints = screen._get_breakpoint_classes(width, MainScreen.HORIZONTAL_BREAKPOINTS)
        screen.add_class(*breakpoints, update=False)  # styled when it mounts
        return screen

    @property
    def main_screen(self) -> MainScreen:
        """The main screen, always at the bottom of the stack."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def on_mount(self) -> None:
        self._restore_theme()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._apply_keymap()

    def _restore_theme(self) -> None:
        chosen = self.library.get_state(THEME_STATE_KEY) or self.config.theme
        if isinstance(chosen, str) and chosen in self.available_themes:
            self.theme = chosen
        elif chosen:
            self.notify(f"Unknown theme {chosen!r}; using {self.theme}.", markup=False)

    def _remember_theme(self, theme: Theme) -> None:
        if self.library.get_state(THEME_STATE_KEY) != theme.name:
            self.library.set_state(THEME_STATE_KEY, theme.name)

    def _apply_keymap(self) -> None:
        keymap = self.config.keymap
        if not keymap:
            return
        from tui.keymap_check import check_keymap

        checked = check_keymap(keymap)
        for problem in checked.problems:
            self.notify(f"config.toml: {problem}", severity="warning", markup=False)
        self.set_keymap(checked.keymap)

    # --- data (called from the main screen's worker thread) -----------------------------------

    def story_at_hand(self, story_id: str) -> OpenedStory | None:
        """The story, its articles and alignment, when it is small (at most QUICK_OPEN_ARTICLES
        articles) and already aligned, this session or an earlier one: then it opens at once,
        in the frame that asks for it, for reading it costs ~2 ms. None otherwise, or on any
        trouble: `load_story`, in a worker, will meet it again and report it."""
        try:
            story = self.library.get_story(story_id)
            if len(story.article_ids) > QUICK_OPEN_ARTICLES:
                return None
            return self.reader.aligned_before(story_id)
        except Exception:  # noqa: BLE001 - the worker path reports it
            return None

    def load_story(self, story_id: str) -> OpenedStory:
        """Read a story and its articles, aligned unless aligned before (a new alignment is
        filed on disk by `file_alignment`, once the story is on screen)."""
        with collection_paused():
            return self.reader.open(story_id, file_now=False)

    def file_alignment(self) -> None:
        """Write the story's new alignment to the disk cache (off the UI thread)."""
        self.reader.file_new()

    def cached_alignment(self, story_id: str) -> StoryAlignment | None:
        """The alignment computed for this story in this session, if any."""
        return self.reader.in_memory(story_id)

    def forget_alignment(self, story_id: str) -> None:
        """Drop a story's cached alignment (its articles changed)."""
        self.reader.forget(story_id)

    def remember_story(self, story_id: str) -> None:
        """Record the story as last read, so a plain `crosswire` reopens it."""
        self.library.remember_story(story_id)

    # --- requests that reach the app (posted by screens over the main one) --------------------

    def on_jump_to_sentence(self, event: JumpToSentence) -> None:
        self._back_to_main()
        self.main_screen.jump_to(event.ref)

    def on_open_story(self, event: OpenStory) -> None:
        self._back_to_main()
        self.main_screen.open_story(event.story_id)

    def on_import_finished(self, event: ImportFinished) -> None:
        if event.story_id is not None:
            self.forget_alignment(event.story_id)
            self.main_screen.open_story(event.story_id)

    def _back_to_main(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_back_or_quit(self) -> None:
        """q: close the view on top, or quit from the main screen."""
        if len(self.screen_stack) > 1:
            self.pop_screen()
        else:
            self.exit()

    # --- command palette ----------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action, titled 'namespace: action' so the palette reads like a menu."""
        main = self.main_screen
        for title, help_text, view in _VIEW_TITLES:
            yield SystemCommand(title, help_text, lambda v=view: main.post_message(OpenView(v)))
        yield SystemCommand(
            "toggle: removed lines",
            "Show or hide the lines cleaning removed",
            lambda: main.post_message(ToggleSetting("show_removed")),
        )
        yield SystemCommand(
            "toggle: only what this outlet adds",
            "Hide or show the shared sentences",
            lambda: main.post_message(ToggleSetting("only_additions")),
        )
        yield SystemCommand("help: keys and panes", "The help page", main.action_help)
        yield SystemCommand("theme: choose", "Pick a colour theme", self.action_change_theme)
        yield SystemCommand(
            "app: keys panel", "Keys of the focused pane, docked", self.action_show_help_panel
        )
        yield SystemCommand(
            "app: screenshot",
            "Save an SVG screenshot",
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )
        yield SystemCommand("app: quit", "Quit crosswire", self.action_quit)


def run_app(library_home: Path, story_query: str | None) -> int:
    """Open the library and the story (`story_query`, else the last read), run the app.

    Returns the exit code: 0, or 2 with one line on stderr when the library or config is unusable
    or no story matches.
    """
    from tui.core.store.config import ConfigError, load_config
    from tui.core.store.library import Library, LibraryError
    from tui.core.store.seeds import ensure_bundled_story

    try:
        library = Library(library_home)
        config = load_config(library_home)
        if library.is_empty():
            ensure_bundled_story(library)
        story_id = _story_to_open(library, story_query)
    except (LibraryError, ConfigError) as error:
        print(f"crosswire: {error}", file=sys.stderr)
        return 2
    app = CrosswireApp(library, story_id=story_id, config=config)
    app.run()
    return app.return_code or 0


def _story_to_open(library: Library, story_query: str | None) -> str | None:
    if story_query:
        return library.find_story(story_query).id
    last = library.last_story_id()
    if last is not None:
        return last
    stories = library.stories()
    return stories[-1].id if stories else None
